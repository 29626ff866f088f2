-- The organ's own figures after a word that looks like another body but is
-- not: 部门规章 is a kind of rule a ministry makes. A month in numerals is part
-- of the year, as 12月 is; the span 一月至十二月 is the whole year, 十一月至十二月 a part.

local text = nianbao.engine:pack("gb2021").rule_by_id["gb2021.txt.new"].env.text

-- the claims read from s, as "kind cells = value" lines, sorted
local function read(s, year, issuer)
  local out = {}
  for _, c in ipairs(text.read(s, { year = year, issuer = issuer })) do
    out[#out + 1] = string.format("%s %s = %s", c.kind, c.cells, tostring(c.value))
  end
  table.sort(out)
  return table.concat(out, "\n")
end

test("a ministry's 部门规章 names no other body: the counts after it are its own", function()
  eq(table.concat({ "is t2.nrm.made = 8", "is t2.nrm.repealed = 26", "is t2.nrm.valid = 66",
                    "is t2.reg.made = 1", "is t2.reg.valid = 11" }, "\n"),
     read("全年制定部门规章1件，现行有效规章11件；制发行政规范性文件8件，废止26件，现行有效66件。", 2024, "dept"))
end)

test("十二月 is a month, not the year; 驻区单位 another body, 截至目前 another day", function()
  eq("is t3.new.total = 74", read("一月至十二月共收到政府信息公开申请74件。", 2022))
  eq("", read("十一月至十二月共收到政府信息公开申请9件。", 2022))
  eq("is t3.new.total = 3119", read("截至十二月三十一日，共收到政府信息公开申请3119件。", 2024))
  eq("", read("十二月集中收到申请412件，均在法定期限内答复。", 2024))
  eq("", read("另有驻区单位收到政府信息公开申请12件。", 2021, "gov"))
  eq("", read("截至目前，共收到政府信息公开申请3200件。", 2024))
end)
