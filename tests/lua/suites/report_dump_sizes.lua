-- report:dump guesses its size from the last dump of its schema: reports
-- of one schema dumped small, large, then small again each give the same
-- bytes as a dump with nothing guessed before, and load back whole.

local function schema_of(n)
  local s = nianbao.schema()
  for i = 1, n do s:add("t.c" .. i) end
  return s
end

local function filled(s, n, text)
  local r = nianbao.report(s)
  for i = 1, n do r:set("t.c" .. i, i % 2 == 0 and "number" or "text", i % 2 == 0 and i * 7 or nil, text .. i, i, 2, i * 10) end
  return r
end

test("report:dump gives the same bytes whatever size the schema's last dump had", function()
  local fresh = {}
  for _, n in ipairs { 3, 300, 1, 300, 40 } do
    local want = filled(schema_of(300), n, string.rep("长", n % 7 + 1)):dump()   -- its schema's first dump
    fresh[#fresh + 1] = { n = n, want = want }
  end
  local s = schema_of(300)
  for _, f in ipairs(fresh) do
    local r = filled(s, f.n, string.rep("长", f.n % 7 + 1))
    local got = r:dump()
    eq(f.want, got, "the dump of " .. f.n .. " cells after the others")
    local back = nianbao.report(s)
    back:load(got)
    eq(got, back:dump(), "loaded back whole: " .. f.n .. " cells")
  end
end)
