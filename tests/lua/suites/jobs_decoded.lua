-- jobs.run with decoded results: each worker's bytes are decoded in C as
-- they arrive, and deliver gets what marshal.decode of the same bytes gives
-- (the path it stands in for), in order, failures as before.

local marshal = nianbao.marshal
local jobs = require "nianbao.jobs"

local function same(a, b, what)
  local d = differ(a, b, what, true)
  if d then error(d, 2) end
end

local VALUES = {
  { format = "gb", year = 2024, ok = true, ratio = 0.5, list = { 1, "二", { false } } },
  string.rep("正文", 40000),
  false,
  nil,                 -- a work whose result is nil: delivered as nil, not as lost
  { text = string.rep("x", 5000), n = -7 },
  42,
  "",
  "item eight's value, never made",
}
local COUNT = 8

-- the work of item i: its value's bytes; item 8 raises, item 6 gives bytes
-- that do not decode
local function work(i)
  if i == 8 then error("item eight fails", 0) end
  if i == 6 then return marshal.encode(VALUES[i]):sub(1, -2) end
  return marshal.encode(VALUES[i])
end

local function run(workers, decoded)
  local got, order = {}, {}
  jobs.run(workers, COUNT, work, function(i, res, reason, kind)
    order[#order + 1] = i
    got[i] = { res = res, reason = reason, kind = kind }
  end, decoded)
  return got, order
end

test("jobs.run decoded delivers marshal.decode of each worker's bytes, in order, over 1 to 3 workers", function()
  for _, workers in ipairs { 1, 2, 3 } do
    local plain, plain_order = run(workers, false)
    local got, order = run(workers, true)
    eq(table.concat(plain_order, ","), table.concat(order, ","), workers .. " workers: order")
    eq("1,2,3,4,5,6,7,8", table.concat(order, ","), "every item once, in order")
    for i = 1, COUNT do
      local p, g = plain[i], got[i]
      if p.kind then                  -- the work raised: lost alike
        eq(p.kind, g.kind, "item " .. i .. " kind")
        eq(p.reason, g.reason, "item " .. i .. " reason")
        eq(nil, g.res, "item " .. i .. " has no value")
      elseif i == 6 then              -- bytes that do not decode: failed, with decode's message
        local ok, msg = pcall(marshal.decode, p.res)
        eq(false, ok, "the bytes of item 6 do not decode")
        eq(nil, g.res, "item 6 has no value")
        eq("failed", g.kind, "item 6 kind")
        eq(msg, g.reason, "item 6 says what decode says")
      else
        eq(nil, g.kind, "item " .. i .. " is no failure")
        same(marshal.decode(p.res), g.res, "item " .. i)
      end
    end
    eq("failed", got[8].kind, "the work that raised")
    has(got[8].reason, "item eight fails")
    eq(false, got[3].res, "a false result is delivered as false")
    eq(nil, got[4].res, "a nil result is delivered as nil")
    eq(nil, got[4].kind, "and is not lost")
  end
end)
