-- The province's changes to the national format.

-- the province's own template drops a character from this label
variant("t3", "result.deny.law", "其他法律行政止公开")

-- townships (乡镇、街道) publish by 2月20日 here
issuer("township").deadline = "02-20"

-- 第二十条第（一）项 carries a total row of 规章 and 行政规范性文件
table.insert(tables.t2.blocks[1].rows,
             { id = "docs", label = "规章和行政规范性文件合计", keys = { "规范性文件合计" } })
