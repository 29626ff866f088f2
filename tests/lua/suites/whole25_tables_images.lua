-- Tables published as images: each part says only where its table is
-- ("详见下表。" "（表格见附件）" "[图片]"): one warning a table, that it is
-- not text, no error that it is missing, no row missing, no cell read.

local FIXTURE = "tests/fixtures/whole25/n2-tables-as-images.txt"

test("a part that only points to its table is a table published as an image", function()
  local found = rules_found(FIXTURE)
  local _, n = found:gsub("gb2021%.struct%.table_not_text", "")
  eq(3, n, "one a table: " .. found)
  for _, id in ipairs { "gb2021.struct.table_missing", "gb2021.struct.row_missing", "gb2021.txt." } do
    assert(not found:find(id, 1, true), id .. ": " .. found)
  end
  local R = assert(nianbao.engine:read(FIXTURE))
  eq("missing", R.c:state("t3.new.total"))
end)

test("a part with figures of its own and no table still misses it", function()
  local page = assert(nbio.readfile(FIXTURE))
  local told = page:gsub("主动公开政府信息情况详见下表。", "本年主动公开政府信息412条，详见下表。", 1)
  assert(told ~= page)
  local found = rules_found(write("images_told.txt", told))
  has(found, "gb2021.struct.table_missing")
  local _, n = found:gsub("gb2021%.struct%.table_not_text", "")
  eq(2, n, found)
end)
