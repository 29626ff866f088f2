-- A format's cell ids go into the schema in one call each pass (the cells,
-- then last year's): in the order the cells were made, a cell made twice
-- keeping the kind it came with first and its last year's the kind it has
-- last, as when each was added alone.

local nianbao = require "nianbao"
local format = require "format"

test("schema:add_all adds as add does, one id after another, prefixed when asked", function()
  local ids = { "t.a.n", "t.a.fee", "t.b.n", "t.a.n" }
  local money = { false, true, nil, true }
  local one, all = nianbao.schema(), nianbao.schema()
  for i, id in ipairs(ids) do one:add(id, money[i] and "money" or "count") end
  for i, id in ipairs(ids) do one:add("prev." .. id, money[i] and "money" or "count") end
  eq(3, all:add_all(ids, money), "the count after the cells")
  eq(6, all:add_all(ids, money, "prev."), "the count after last year's")
  eq(table.concat(one:ids(), "|"), table.concat(all:ids(), "|"), "the ids in order")
  for _, id in ipairs(one:ids()) do
    eq(one:find(id), all:find(id), "place of " .. id)
    eq(one:kind(id), all:kind(id), "kind of " .. id)
  end
  eq("count", all:kind("t.a.n"), "an id given twice keeps its first kind")
  local none = nianbao.schema()
  eq(2, none:add_all({ "x", "y" }), "no kinds: counts")
  eq("count", none:kind("y"), "a count")
  -- thousands at once: the schema grown ahead, every one found again
  local many = {}
  for i = 1, 5000 do many[i] = "c" .. i end
  local big = nianbao.schema()
  big:add_all(many, nil, "a-long-prefix-to-grow-the-scratch-block-again.")
  eq(5000, #big, "every one added")
  eq(4321, big:find("a-long-prefix-to-grow-the-scratch-block-again.c4321"), "found at its place")
  local ok, err = pcall(big.add_all, big, { "z", 3 })
  eq(false, ok, "an id that is no string")
  has(err, "id 2 is not a string", "the error names it")
end)

test("schema:find_all gives each id's place, none for an id not there", function()
  local s = nianbao.schema()
  s:add_all { "a", "b", "c" }
  local at = s:find_all { "c", "zz", "a" }
  eq(3, at[1], "c"); eq(nil, at[2], "not there"); eq(1, at[3], "a")
  eq(0, #s:find_all {}, "none asked")
end)

test("a cell made twice with two kinds: its first kind in the schema, its last for last year's", function()
  -- the subtotal row of group g and the row g of the second block make one id, t.g.n
  local decl = {
    parts = { { id = "p", n = "一", title = "表", table = "t" } },
    tables = { t = { title = "表", blocks = {
      { columns = { { id = "n", label = "数" } },
        rows = { { id = "g", label = "组", subtotal = true, rows = { { id = "one", label = "一" } } } } },
      { columns = { { id = "n", label = "额", kind = "money" } },
        rows = { { id = "g", label = "乙" } } },
    } } },
  }
  local F = format.compile(decl, "t", "t")
  eq("count", F.info["t.g.n"].kind, "the cell as made last")
  eq("money", F.schema:kind("t.g.n"), "the schema keeps the kind it came with first")
  eq("count", F.schema:kind("prev.t.g.n"), "last year's has the kind it has last")
  eq(table.concat({ "t.g.one.n", "t.g.n", "prev.t.g.one.n", "prev.t.g.n" }, "|"),
     table.concat(F.schema:ids(), "|"), "the ids in the order made")
  eq(nil, F.ids, "no list left behind"); eq(nil, F.money, "nor their kinds")
end)
