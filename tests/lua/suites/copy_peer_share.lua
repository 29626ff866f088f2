-- The copy rule words the share once: the finding's found is the share of
-- its message and a percent sign, as each was formatted apart before.

local function load_rule()
  local path = "rules/gb2021/qlt.copy_peer.lua"
  local f = assert(io.open(path, "rb"))
  local source = f:read("a")
  f:close()
  local env = setmetatable({}, { __index = _G })
  assert(load(source, "@" .. path, "t", env))()
  return env
end

test("qlt.copy_peer: found and the message's share, as formatted apart", function()
  local rule = load_rule()
  local shares = { 0.6, 0.605, 0.625, 0.6449999, 0.875, 0.955, 0.995, 1 }
  local copies = {}
  for i, share in ipairs(shares) do
    copies[i] = { kind = "peer", share = share, length = 80, file = "f" .. i .. ".txt", agency = "某局",
                  year = 2024, passage = "相同的文字" .. i }
  end
  local report = { copies = copies, sections = {} }
  function report.locate_passage() return nil end       -- no part says the passage
  local got = {}
  rule.check(report, function(f) got[#got + 1] = f end)
  eq(#shares, #got, "one finding a copy")
  for i, share in ipairs(shares) do
    eq(string.format("%.0f%%", share * 100), got[i].found, "found of " .. share)
    eq(string.format("%.0f", share * 100), got[i].vars.share, "share of " .. share)
    eq(nil, got[i].line, "no place: the passage is in no section")
  end
end)
