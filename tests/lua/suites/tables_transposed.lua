-- Row labels read with no values, then a row holding theirs too (a 表三
-- printed transposed: the results across its top, the applicants down its
-- side): which value is whose cannot be told, so their cells are unknown,
-- and the rows are not reported missing: they are there, unread.

local E = nianbao.engine
local FIXTURE = "tests/fixtures/shapes/s7-t3-transposed.md"

test("a transposed 表三 is unread, not missing", function()
  local R = assert(E:read(FIXTURE))
  for _, id in ipairs { "t3.new.np", "t3.result.public.total", "t3.result.other.misc.np" } do
    eq("unknown", R.c:state(id), id)
  end
  local found = rules_found(FIXTURE)
  assert(not found:find("row_missing", 1, true), "rows said missing:" .. found)
  has(found, "gb2021.parse.row_values", "the row that holds the others' values is said")
  -- 表二 and 表四 are read as printed
  eq("447228", tostring(R:cell("t2.permit.decisions").value), "表二")
  eq("351", tostring(R:cell("t4.rv.total").value), "表四")
end)

test("labels with no values and no row holding theirs are still missing", function()
  local page = assert(nbio.readfile(FIXTURE))
  -- the applicants' rows of numbers cut off: the labels are left alone
  local cut = page:gsub("\n| 自然人 |[^\n]*", ""):gsub("\n| 商业企业 |[^\n]*", "")
                  :gsub("\n| 科研机构 |[^\n]*", ""):gsub("\n| 社会公益组织 |[^\n]*", "")
                  :gsub("\n| 法律服务机构 |[^\n]*", ""):gsub("\n| 其他 |[^\n]*", ""):gsub("\n| 总计 |[^\n]*", "")
  assert(cut ~= page, "the rows of numbers taken out")
  has(rules_found(write("transposed_cut.md", cut)), "gb2021.struct.row_missing", "rows with no values anywhere")
end)
