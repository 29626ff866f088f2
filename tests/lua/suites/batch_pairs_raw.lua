-- While the pairs are measured, an entry's year before is read raw: an
-- entry without one would ask its fields' function at every pair. The
-- copies found are as they were: the year before's said as "previous".

local batch = require "batch"

test("measuring the pairs asks no entry's fields' function for its year before", function()
  local root = tmp .. "/pairs-raw"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "/jiuqu'")
  write("pairs-raw/jiuqu/2023.txt", assert(nbio.readfile("examples/previous/jiuqu-2023.txt")))
  write("pairs-raw/jiuqu/2024.txt", JIUQU)
  for _, town in ipairs { "汤河镇", "白沙镇", "青山镇" } do
    write("pairs-raw/" .. town .. "-2024.txt", (JIUQU:gsub("九曲街道", town)))
  end
  -- the entries' metatable, caught as it is set: its function counts what it is asked
  local set, asked = _G.setmetatable, {}
  local wrapped = {}
  _G.setmetatable = function(t, mt)
    if mt and type(mt.__index) == "function" and not wrapped[mt] and rawget(mt, "__mode") == nil
       and debug.getinfo(2, "S").short_src:match("batch%.lua$") then
      local index = mt.__index
      wrapped[mt] = true
      mt.__index = function(e, k)
        asked[k] = (asked[k] or 0) + 1
        return index(e, k)
      end
    end
    return set(t, mt)
  end
  local kept = batch.KEPT
  batch.KEPT = 0
  local ok, B = pcall(batch.new, nianbao.engine, { files = { root } }, nil, 1)
  _G.setmetatable, batch.KEPT = set, kept
  assert(ok, B)
  eq(true, next(wrapped) ~= nil, "the entries' fields caught")
  -- (a year before of the batch is asked of the index:) once an entry when its copies are
  -- settled and twice in the years' pass, not once a pair
  eq(true, (asked.before or 0) <= 3 * #B.entries, "year before asked " .. tostring(asked.before) .. " times")
  local y2024 = B.by_path[root .. "/jiuqu/2024.txt"]
  local kinds = {}
  for _, c in ipairs(B:copies_of(y2024)) do kinds[c.kind] = (kinds[c.kind] or 0) + 1 end
  eq(1, kinds.previous, "2024's copy of its year before")
  eq(true, (kinds.peer or 0) >= 1, "and of its peers")
  B:finish({}, nil)
end)
