-- A township's or a department's report citing the county above it (全县, 县政府, 据县司法局统计,
-- 芦溪县全年共…): those figures are the county's, not the issuer's, and
-- no text finding compares them with the issuer's tables. The
-- township's own figures, and a county government's 全县, are still read.

local F = "tests/fixtures/blind31/b3-township-cites-county.txt"
local D = "tests/fixtures/blind31/b4-dept-cites-county.txt"

test("a township's or a department's report: the county's figures are no claims of its own", function()
  for _, f in ipairs { F, D } do
    local found = rules_found(f)
    for _, rule in ipairs { "txt.new", "txt.done", "txt.t2", "txt.review", "txt.suit" } do
      eq(nil, found:find("gb2021." .. rule, 1, true), f .. ": " .. rule .. " on the county's figure")
    end
  end
end)

test("the township's own figure that differs from its table is still found", function()
  local page = assert(nbio.readfile(F))
  local planted, n = page:gsub("今年,镇收到政府信息公开申请5条", "今年,本镇收到政府信息公开申请7件", 1)
  eq(1, n, "the township's own sentence")
  has(rules_found(write("b3_own.txt", planted)), "gb2021.txt.new", "7 against the table's 5")
end)

test("a county government's 全县 is its own figure", function()
  local page = assert(nbio.readfile(F))
  -- the same text as the county's report: its title and issuer the county's
  local county = page:gsub("萍乡市芦溪县宣风镇", "萍乡市芦溪县人民政府"):gsub("芦溪县宣风镇", "芦溪县人民政府")
  has(rules_found(write("b3_county.txt", county)), "gb2021.txt.new", "全县…312件 against the table's 5")
end)
