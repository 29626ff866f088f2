-- A page printed with a 序号 column and read by pdftotext -raw: each row's
-- number on its label's line ("3 三、本年度") is the column's, not an item
-- number whose dot an OCR lost, so the label stays the format's row.

local E = nianbao.engine
local SOURCE = "tests/fixtures/convert27/raw-platforms23_w4-seq-units.txt"

local function cell(R, id)
  local c = R.c:get(id)
  return c and (c.state .. ":" .. tostring(c.value)) or "missing"
end

test("a 序号 column's number before a numbered label leaves the label the row's", function()
  local R = assert(E:read(SOURCE))
  eq("number:3119", cell(R, "t3.new.total"), "表三's first row")
  eq("number:1362", cell(R, "t3.result.public.total"), "the row under 三、本年度办理结果")
  eq("number:34", cell(R, "t3.carried.total"), "the row under the 序号 2")
end)
