-- report:ids_in asks the core for the printed cells in any of the states
-- named, or numbers below zero or not whole (the core reads a cell's
-- state itself, and asks about a number's value only when that is
-- asked): the cells a walk of every cell in Lua finds, in their order.

local view = require "view"

local STATES = { "missing", "number", "blank", "marker", "text", "unknown" }

local function ids_reference(R, F, wanted)
  local out = {}
  for _, id in ipairs(F.cells) do
    local c = R.c:get(id)
    local yes = wanted[c.state]
    if not yes and c.state == "number" then
      local v = tonumber(c.value)
      yes = (wanted.negative and v < 0) or (wanted.fraction and v ~= math.floor(v))
    end
    if yes then out[#out + 1] = id end
  end
  return out
end

test("ids_in: the cells of any state asked, or of a number's sign or fraction, as a walk finds them", function()
  -- a few cells below zero and a few not whole (each cell on a line of its own: "5 |")
  local text = JIUQU:gsub("\n5 |\n", "\n-5 |\n", 2):gsub("\n6 |\n", "\n6.5 |\n", 2):gsub("\n1 |\n", "\n-1.25 |\n", 1)
  local path = write("pick-states.txt", text)
  local R = assert(nianbao.engine:read(path))
  local real = view.unwrap(R)
  local F = require("report").format_of(real)
  local asks = {
    { "number" }, { "blank" }, { "marker", "text" }, { "missing", "unknown" }, { "negative" }, { "fraction" },
    { "negative", "fraction" }, { "blank", "negative" }, { "number", "fraction" }, {}, { "nothing" },
  }
  for _, s in ipairs(STATES) do asks[#asks + 1] = { s, "fraction" } end
  local seen = 0
  for _, ask in ipairs(asks) do
    local wanted = {}
    for _, w in ipairs(ask) do wanted[w] = true end
    local want = ids_reference(real, F, wanted)
    local got = real:ids_in(table.unpack(ask))
    eq(table.concat(want, ","), table.concat(got, ","), table.concat(ask, "+"))
    seen = seen + #got
  end
  eq(true, seen > 100, "cells found")
  eq(true, #real:ids_in("negative") >= 2 and #real:ids_in("fraction") >= 2, "numbers below zero and not whole")
end)

-- twins.lua's test of a number run together with its revision, walked in Lua
local function revised_halves(v)
  local digits = math.type(v) == "integer" and v >= 1000 and tostring(v)
  if not digits or #digits % 2 == 1 then return false end
  local a, b = digits:sub(1, #digits // 2), digits:sub(#digits // 2 + 1)
  if b:sub(1, 1) == "0" then return false end
  local x, y = tonumber(a), tonumber(b)
  return x ~= y and math.abs(x - y) * 10 <= math.max(x, y)
end

test("ids_in: the numbers whose digits' halves read as a value and its revision, as twins.lua's walk finds them", function()
  -- 30103001 and 1011 are such; 447282 (far apart), 1001 (a half led by 0), 99 and 2222 (alike) are not
  local text = JIUQU:gsub("\n5 |\n", "\n30103001 |\n", 1):gsub("\n6 |\n", "\n1011 |\n", 1):gsub("\n1 |\n", "\n447282 |\n", 1)
                    :gsub("\n2 |\n", "\n1001 |\n", 1):gsub("\n3 |\n", "\n2222 |\n", 1)
  local R = assert(nianbao.engine:read(write("pick-halves.txt", text)))
  local real = view.unwrap(R)
  local F = require("report").format_of(real)
  local want = {}
  for _, id in ipairs(F.cells) do
    local c = real.c:get(id)
    if c.state == "number" and revised_halves(math.tointeger(c.value) or 0) then want[#want + 1] = id end
  end
  eq(2, #want, "two numbers of revised halves printed")
  eq(table.concat(want, ","), table.concat(real:ids_in("halves"), ","), "halves")
  eq(0, #real:ids_in("nothing"), "a name not known asks for nothing")
end)
