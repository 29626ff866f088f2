-- nianbao.printable walks a report's tables once each, keeping the ones
-- it has seen by address: it gives what a walk in Lua, keeping them in a
-- table, gives, on tables shared, in cycles, past the first size of its
-- set, and with the table to skip left as it is.

-- The walk in Lua: the reference.
local function printable_reference(t, skip)
  local function clean(s)
    local out, i = {}, 1
    while i <= #s do
      local b = s:byte(i)
      if b <= 8 or b == 11 or b == 12 or (b >= 14 and b <= 31) or b == 127 then
        out[#out + 1], i = "?", i + 1
      elseif b == 0xC2 and i < #s and s:byte(i + 1) >= 0x80 and s:byte(i + 1) <= 0x9F then
        out[#out + 1], i = "??", i + 2
      else
        out[#out + 1], i = string.char(b), i + 1
      end
    end
    return table.concat(out)
  end
  local seen, todo = { [t] = true }, { t }
  while #todo > 0 do
    local x = table.remove(todo)
    local texts = {}
    for k, v in next, x do
      if type(v) == "string" then texts[k] = clean(v)
      elseif type(v) == "table" and v ~= skip and not seen[v] then
        seen[v] = true
        todo[#todo + 1] = v
      end
    end
    for k, v in next, texts do rawset(x, k, v) end
  end
end

-- A nest of tables from a seed: texts with and without control
-- characters, numbers, shared tables and cycles, a key with a control.
local function nest(seed, skip)
  local state = seed
  local function rand(n)
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n + 1
  end
  local pieces = { "年度报告", "a\27[31mb", "x\tz\n", "\xC2\x85c", "plain", "\127", "", "第\1二" }
  local made = {}
  local root = {}
  made[1] = root
  for i = 2, 300 do
    local t = { i, pieces[rand(#pieces)], text = pieces[rand(#pieces)] .. pieces[rand(#pieces)] }
    t["k\2" .. i] = pieces[rand(#pieces)]
    made[i] = t
    local parent = made[rand(i - 1)]
    parent[#parent + 1] = t
    if rand(5) == 1 then t.back = made[rand(i)] end          -- shared, or a cycle
    if rand(20) == 1 then t.skipped = skip end
  end
  return root
end

local function same(a, b, seen)
  seen = seen or {}
  if type(a) ~= "table" or type(b) ~= "table" then return a == b end
  if seen[a] then return seen[a] == b end
  seen[a] = b
  for k, v in next, a do
    if not same(v, rawget(b, k), seen) then return false end
  end
  for k in next, b do
    if rawget(a, k) == nil then return false end
  end
  return true
end

test("printable: the walk keeping the tables seen by address gives what the walk in Lua gives", function()
  for seed = 1, 6 do
    local skip = { text = "left\1as it is" }
    local a, b = nest(seed, skip), nest(seed, skip)
    nianbao.printable(a, skip)
    printable_reference(b, skip)
    eq(true, same(a, b), "seed " .. seed)
    eq("left\1as it is", skip.text, "the skipped table untouched")
  end
end)

test("printable: a table reached again and again is walked once; a long chain does not reach the C stack", function()
  local shared = { text = "a\1b" }
  local t = {}
  for i = 1, 1000 do t[i] = { shared, shared } end
  nianbao.printable(t, nianbao.null)
  eq("a?b", shared.text, "cleaned")
  local chain = { text = "\1" }
  local at = chain
  for _ = 1, 100000 do at.next = { text = "x\2" }; at = at.next end
  nianbao.printable(chain, nianbao.null)
  eq("x?", at.text, "the last link cleaned")
end)
