-- Readings that held by chance: 表四's values read among its header's words in
-- an order its sums cannot tell from another, a 表二 value printed on the next
-- block's caption line below its own label, and the text's decisions of a
-- kind or a part (不予, 当场作出) compared with table 2's count.

local E = nianbao.engine
local DIR = "tests/fixtures/hostile25b/"

local function value(R, id)
  local c = R:cell(id)
  return c and c.value
end

test("表四's groups read among its header's words in the other order are unknown, though every sum holds", function()
  local path = DIR .. "k2-raw-suits-swapped.txt"
  local R = assert(E:read(path))
  for _, id in ipairs { "t4.ld.upheld", "t4.ld.total", "t4.la.upheld", "t4.la.total" } do
    eq(nil, value(R, id), id)
  end
  has(rules_found(path), "gb2021.parse.row_values")
end)

test("a 表二 value on the next block's caption line, below its label, shifts no decision a row down", function()
  local path = DIR .. "k3-label-above-caption.txt"
  local R = assert(E:read(path))
  assert(value(R, "t2.penalty.decisions") ~= 447228, "行政处罚 read 行政许可's value")
  assert(value(R, "t2.coercion.decisions") ~= 3985758, "行政强制 read 行政处罚's value")
  local found = rules_found(path)
  assert(not found:find("gb2021.txt.t2", 1, true), found)
end)

test("decisions of a kind or a part (不予, 准予, 当场作出, 简易程序, 行政强制措施 under 其中) are not table 2's count", function()
  local found = rules_found(DIR .. "k1-decision-kinds.txt")
  assert(not found:find("gb2021.txt.t2", 1, true), found)
end)
