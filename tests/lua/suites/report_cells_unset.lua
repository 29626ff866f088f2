-- A new report's cells are all missing until set, whichever are read or
-- set first and however many the schema has: get, held, dump and load,
-- and copy see the cells set and only those.

local FIELDS = { "state", "value", "text", "line", "col", "offset" }

test("a report's unset cells read as missing; held, dump, load and copy see only the set ones", function()
  local s, ids = nianbao.schema(), {}
  for i = 1, 200 do
    ids[i] = "t.c" .. i
    s:add(ids[i], "money")
  end
  local r = nianbao.report(s)
  -- some read before anything is set, some set, one set back to missing
  for _, i in ipairs { 1, 64, 65, 200 } do
    local c = r:get(ids[i])
    eq("missing", c.state, "read before set " .. i)
    for _, k in ipairs { "value", "text", "line", "col", "offset" } do eq(nil, c[k], k .. " of unset " .. i) end
  end
  r:set(ids[130], "number", 7, "7", 3, 2, 40)
  r:set(ids[2], "text", nil, "甲", 1, 1, 0)
  r:set(ids[64], "blank", nil, "")
  r:set(ids[199], "missing", nil, "见附件", 9, 1, 120)
  r:set(ids[65], "number", 1)
  r:set(ids[65], "missing")
  local held = {}
  for _, c in ipairs(r:held()) do held[#held + 1] = c[1] end
  eq(table.concat({ ids[2], ids[64], ids[130], ids[199] }, " "), table.concat(held, " "), "held, in schema order")
  local loaded, copied = nianbao.report(s), r:copy()
  loaded:load(r:dump())
  eq(r:dump(), loaded:dump(), "a load dumps as what it loaded")
  eq(r:dump(), copied:dump(), "a copy dumps as its original")
  for _, id in ipairs(ids) do
    local a, b, c = r:get(id), loaded:get(id), copied:get(id)
    for _, k in ipairs(FIELDS) do
      eq(a[k], b[k], "loaded " .. id .. " " .. k)
      eq(a[k], c[k], "copied " .. id .. " " .. k)
    end
  end
  eq(#r:held(), #copied:held(), "reading every cell holds none more")
end)
