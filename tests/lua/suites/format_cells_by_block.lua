-- A table's cells are made from what each block's columns give, worked out
-- once a block: every row's cells are as the row and the column say, in
-- the schema in the order they were made, then last year's of each.

local format = require "format"

-- the cells of F as the rows and columns it compiled say they are
local function expected(F)
  local info, order, seen = {}, {}, {}
  local function put(id, cell)
    if not seen[id] then seen[id] = true; order[#order + 1] = id end
    info[id] = cell
  end
  for _, T in ipairs(F.tables) do
    for _, r in ipairs(T.rows) do
      local names = {}
      for i = 2, #r.groups do names[#names + 1] = r.groups[i].label end
      names[#names + 1] = r.label
      if not r.anonymous then eq(table.concat(names), r.shown, r.path .. ": the label that names it") end
      local printed = {}
      for _, c in ipairs(r.block.columns) do
        local grp = c.group
        local col = grp and (grp.id .. "." .. c.id) or c.id
        local id = r.path .. "." .. col
        put(id, { id = id, table = T.id, row = grp and grp.id or r.id, column = c.id,
                  row_label = grp and grp.label or r.shown, col_label = c.label,
                  kind = c.kind or "count", optional = not c.printed })
        eq(id, r.by_col[col], r.path .. ": the cell of column " .. col)
        if c.printed then printed[#printed + 1] = id end
      end
      eq(table.concat(printed, "|"), table.concat(r.cells, "|"), r.path .. ": its printed cells")
    end
    for _, g in ipairs(T.groups) do
      local r = T.subtotal[g.id]
      if r then
        for _, c in ipairs(r.block.columns) do
          local id = r.path .. "." .. c.id
          put(id, { id = id, table = T.id, row = r.id, column = c.id, row_label = r.shown,
                    col_label = c.label, kind = c.kind or "count", optional = true })
        end
      end
    end
  end
  return info, order
end

local function check(F, what)
  local info, order = expected(F)
  local n = 0
  for id, cell in pairs(F.info) do
    n = n + 1
    eq(nil, differ(info[id], cell, id, true), what .. ": cell " .. id)
  end
  eq(#order, n, what .. ": as many cells")
  local ids = F.schema:ids()
  eq(2 * #order, #ids, what .. ": the cells and last year's in the schema")
  for i, id in ipairs(order) do
    eq(id, ids[i], what .. ": schema place " .. i)
    eq("prev." .. id, ids[#order + i], what .. ": schema place " .. (#order + i))
    local kind = info[id].kind == "money" and "money" or "count"
    eq(kind, F.schema:kind(id), what .. ": kind of " .. id)
    eq(kind, F.schema:kind("prev." .. id), what .. ": kind of prev." .. id)
  end
  local all = {}
  for _, T in ipairs(F.tables) do
    for _, id in ipairs(T.cells) do all[#all + 1] = id end
  end
  eq(table.concat(all, "|"), table.concat(F.cells, "|"), what .. ": the format's printed cells, table by table")
end

test("a format's cells are as its rows and columns say, and last year's follow them in the schema", function()
  local set = require("packs").load(".", {}, {})
  for _, name in ipairs { "gb2021", "gb2019" } do
    local F = format.compile(set:declaration(name).decl, name, name)
    eq(true, #F.cells > 100, name .. ": a format of cells")
    check(F, name)
  end
end)

test("a table of column groups, money, a column not printed and a subtotal: each cell as said", function()
  local decl = {
    parts = { { id = "p", n = "一", title = "表", table = "t" } },
    tables = { t = { title = "表", blocks = {
      { groups = { { id = "a", label = "甲", over = { "甲" } }, { id = "b", label = "乙", over = { "乙" } } },
        columns = { { id = "n", label = "数" }, { id = "fee", label = "费", kind = "money" },
                    { id = "x", label = "隐", printed = false } },
        rows = { { id = "g", label = "组", subtotal = true, rows = {
                   { id = "one", label = "1.一" }, { id = "two", label = "2.二" } } },
                 { id = "top", label = "总" } } },
      { columns = { { id = "v", label = "值", kind = "signed" } } },
    } } },
  }
  local F = format.compile(decl, "t", "t")
  check(F, "made up")
  eq("money", F.info["t.g.one.a.fee"].kind, "a money cell")
  eq(true, F.info["t.g.one.b.x"].optional, "a column not printed is optional")
  eq("signed", F.info["t.v"].kind, "a signed cell keeps its kind")
  eq("count", F.schema:kind("prev.t.v"), "and counts in the schema")
end)
