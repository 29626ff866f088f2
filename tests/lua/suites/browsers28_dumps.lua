-- Real text browsers' dumps of report pages (tests/fixtures/browsers28):
-- an item's number printed alone on its line ("2.", its label on the lines
-- below, as w3m and lynx print a page whose runs a converter placed by
-- their boxes) opens that label, no value of the row above; and a row's
-- line whose cells a single space parts (lynx's table with no borders),
-- its values followed by a remark with a unit, is a row, no prose.

local E = nianbao.engine
local DIR = "tests/fixtures/browsers28/"

local function count(found, id)
  local n = 0
  for _ in found:gmatch(id:gsub("%.", "%%."), 1) do n = n + 1 end
  return n
end

test("an item's number alone on its line is no value of the row above", function()
  local R = assert(E:read(DIR .. "b1-w3m-items-alone.txt"))
  -- 4.保护第三方合法权益 all 0, 5.属于三类内部事务信息 1 0 0 0 0 0 1: the "5." after
  -- 4.'s values was read as its 总计, and "6." as 5.'s
  eq(nil, R:cell("t3.result.deny.third.total").value, "4.'s total not 5. (its cells, parted oddly, unknown)")
  eq(nil, R:cell("t3.result.deny.internal.total").value, "5.'s total not 6.")
  eq(0, R:cell("t3.result.deny.process.total").value, "6.属于四类过程性信息 read")
  eq(6, R:cell("t3.result.deny.enforce.np").value, "7.属于行政执法案卷 read")
  eq(1, R:cell("t3.result.deny.query.total").value, "8.属于行政查询事项 read")
  eq(0, count(rules_found(DIR .. "b1-w3m-items-alone.txt"), "gb2021.t3.row_total"), "no false row_total")
end)

test("a row short of a column, its next item's number alone after it, stays unread", function()
  -- 表三 without 其他: six values a row; the next item's number made a seventh, read as 总计
  local path = DIR .. "b2-lynx-no-other.txt"
  local R = assert(E:read(path))
  eq(nil, R:cell("t3.result.deny.law.total").value, "2.'s total not 3. (the next item's number)")
  eq(nil, R:cell("t3.result.deny.secret.total").value, "1.'s total not 2.")
  local found = rules_found(path)
  eq(0, count(found, "gb2021.t3.row_total"), "no false row_total")
  has(found, "gb2021.struct.col_missing", "the column left out said")
end)

test("a number alone with a dot is a label's opening token; one with other text is as before", function()
  local tables = require "tables"
  local toks = tables.tokenize("2.", { line = 1 })
  eq(1, #toks, "one token")
  eq(false, toks[1].glued, "no number")
  toks = tables.tokenize("   12.  ", { line = 1 })
  eq(false, toks[1].glued, "spaces around it")
  toks = tables.tokenize("1288 21 0 0 50 3 1362", { line = 1 })
  eq(true, toks[1].glued, "a row's values still numbers")
  toks = tables.tokenize("2.5", { line = 1 })
  eq(true, toks[1].glued, "a decimal still a number")
end)

test("a row's line with its values and a remark after them, parted by single spaces, is read", function()
  local path = DIR .. "b8-lynx-remark-beside.txt"
  local R = assert(E:read(path))
  eq(3001, R:cell("t3.new.np").value, "一、's 自然人 (remark 其中网上申请2816件 after its values)")
  eq(3119, R:cell("t3.new.total").value, "一、's total, not the remark's 2816")
  eq(103, R:cell("t3.next.total").value, "四、 (remark 已于2025年1月办结96件 after)")
  eq(0, count(rules_found(path), "gb2021.struct.row_missing"), "no row said missing")
end)

test("a line of prose with a counted number is still prose; three numbers a space apart are a row's", function()
  local bind = require "pipeline.bind"
  local F = E:pack("gb2021").format
  eq(true, bind.is_prose(F, "本年度行政复议 351 件，行政诉讼 46 件"), "a clause and counts")
  eq(true, bind.is_prose(F, "予以公开1362件、部分公开454件"), "counts parted by a clause mark")
  eq(false, bind.is_prose(F, "一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119 其中网上申请2816件"),
     "a row's values, a remark after them")
  eq(false, bind.is_prose(F, "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 447 7 0 0 0 0 454件"),
     "a label's own clause marks, a unit in a cell")
end)
