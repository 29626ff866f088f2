-- The differences of the 2019 trial format from gb2021 (spec §8). Everything
-- not set here is the national format's.

basis = "国办公开办函〔2019〕60号"

-- Labels that exist only in this format: one of them in a report binds it
-- with this grid, and a report of 2021 or later using them is in the wrong format.
signature = {
  "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
  "其他对外管理服务事项", "第二十条第（九）项", "政府集中采购", "采购项目数量", "采购总金额",
}

-- Table 2: counts of items, not of documents in force; and 第二十条第（九）项.
-- 本年增/减 may be negative ("减用负值表示，如-8").
local items = { { id = "prev_items", label = "上一年项目数量" },
                { id = "delta", label = "本年增/减", kind = "signed" },
                { id = "decisions", label = "处理决定数量" } }

tables.t2 = {
  title  = "表二",
  starts = { "第二十条" },
  blocks = {
    { caption = "第二十条第（一）项", head = "信息内容",
      columns = { { id = "new_made", label = "本年新制作数量" }, { id = "new_pub", label = "本年新公开数量" },
                  { id = "pub_total", label = "对外公开总数量" } },
      rows = { { id = "reg", label = "规章" }, { id = "nrm", label = "规范性文件" } } },
    { caption = "第二十条第（五）项", head = "信息内容", columns = items,
      rows = { { id = "permit", label = "行政许可" }, { id = "othersvc", label = "其他对外管理服务事项" } } },
    { caption = "第二十条第（六）项", head = "信息内容", columns = items,
      rows = { { id = "penalty", label = "行政处罚" }, { id = "coercion", label = "行政强制" } } },
    { caption = "第二十条第（八）项", head = "信息内容", columns = { items[1], items[2] },
      rows = { { id = "fee", label = "行政事业性收费" } } },
    { caption = "第二十条第（九）项", head = "信息内容",
      columns = { { id = "items", label = "采购项目数量" }, { id = "amount", label = "采购总金额", kind = "money" } },
      rows = { { id = "procure", label = "政府集中采购" } } },
  },
}

-- Table 3: （六）其他处理 is one row; the three sub-items came in 2021.
row("t3", "result.other").rows = nil
