-- Tables as converters give them, read by this reader's newer readings
-- (wrapped rows joined, OCR bars, values apart from their labels), in
-- inputs those readings must leave alone: each number read where it is
-- printed, or not at all.

local E = nianbao.engine
local PLAIN = "tests/fixtures/convert23/c7-pandoc-plain.txt"     -- pingtan-2021's values

test("a pandoc simple table (rows one line each) before a multiline table is not joined as its rows", function()
  local page = assert(nbio.readfile(PLAIN))
  -- 表二's first table as pandoc prints short cells: no rule above the header, no blank line between rows
  local simple = "  信息内容        本年制发件数  本年废止件数  现行有效件数\n"
                 .. "  --------------  ------------  ------------  ------------\n"
                 .. "  规章            0             0             0\n"
                 .. "  行政规范性文件  69            3             665\n"
  local text, n = page:gsub("  %-+\n  信息内容    本年制发件数.-\n  文件\n  %-+\n", function() return simple end, 1)
  eq(1, n, "表二's first table made a simple table")
  local path = write("pandoc_simple.txt", text)
  local R = assert(E:read(path))
  for id, want in pairs { ["t2.reg.made"] = 0, ["t2.reg.repealed"] = 0, ["t2.reg.valid"] = 0,
                          ["t2.nrm.made"] = 69, ["t2.nrm.repealed"] = 3, ["t2.nrm.valid"] = 665,
                          ["t2.permit.decisions"] = 2293 } do
    eq(want, R:cell(id) and R:cell(id).value, id)
  end
  local found = rules_found(path)
  assert(not found:find("txt.t2", 1, true) and not found:find("reg_no_power", 1, true), "findings:" .. found)
end)
