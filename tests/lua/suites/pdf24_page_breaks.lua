-- PDF text of a table cut by a page break: the page's footer (its number),
-- a form feed, the report's title again as the next page's running header,
-- the table's header printed again, a label's second half after the break.
-- None of these is a row or a value, and the rows read as printed.

local E = nianbao.engine
local FIXTURE = "tests/fixtures/pdf24/q1-layout-page-footer.txt"

local function unplaced(R)
  local out = {}
  for _, d in ipairs(R.diagnostics) do
    if d.kind == "unplaced" or d.kind == "extra" then
      out[#out + 1] = d.kind .. " " .. tostring(d.table) .. " " .. tostring(d.text)
    end
  end
  return table.concat(out, "\n")
end

test("a running header with the report's year is no row of the table it cuts", function()
  local R = assert(E:read(FIXTURE))
  eq("", unplaced(R), "the title, or its year, read as table content")
  eq(9, R:cell("t3.result.partial.total").value, "the row before the break")
  eq(1, R:cell("t3.result.deny.internal.np").value, "a row after it")
  eq("9116.36", tostring(R:cell("t2.fee.amount").value), "表二's row after its break")
  local found = rules_found(FIXTURE)
  assert(not found:find("struct.extra", 1, true) and not found:find("parse.unplaced", 1, true), found)
end)

test("a row cut by the running header goes on after it; a note there is still said", function()
  local page = assert(nbio.readfile(FIXTURE))
  -- 行政事业性收费's label above the break, its value below it
  local cut, n = page:gsub("(行政事业性收费) +(9116%.36)", "%1\n\n   第 2 页 共 6 页\n\f柳河县住房和城乡建设局2022年政府信息公开工作年度报告\n                                      %2", 1)
  eq(1, n, "the fee's row cut")
  local R = assert(E:read(write("running_cut.txt", cut)))
  eq("9116.36", tostring(R:cell("t2.fee.amount").value), "the value after the running header")
  eq("", unplaced(R), "the running header")
  local at = assert(page:find("三、收到和处理", 1, true), "表三")
  local noted = page:sub(1, at) .. page:sub(at + 1):gsub("(工作年度报告\n)", "%1本表由办公室填报 2022\n", 1)
  has(unplaced(assert(E:read(write("running_note.txt", noted)))), "本表由办公室填报", "a note is no running header")
end)

test("a running header between 表四's header and its row of numbers is no value of it", function()
  local page = assert(nbio.readfile("tests/fixtures/pdf24/q2-layout-row-cut.txt"))
  local at = assert(page:find("— 5 —", 1, true), "表四's page break")
  local title = "\f                    临溪市人民政府2024年政府信息公开工作年度报告\n"
  local headed = page:sub(1, at) .. page:sub(at + 1):gsub("\f", title, 1)
  local path = write("running_t4.txt", headed)
  local R = assert(E:read(path))
  eq(351, R:cell("t4.rv.total").value, "表四 read")
  eq(20, R:cell("t4.la.total").value, "its last value")
  eq("", unplaced(R), "the running header")
  assert(not rules_found(path):find("parse.row_values", 1, true), "the title's year among 表四's values")
end)
