-- A report stowed in a batch's spool and taken back for its check keeps
-- the sums' failures its reading asked of its cells: the rules do not ask
-- them again, and what they are told is what the cells give.

local batch = require "batch"
local identities = require "identities"

-- a batch of KEPT 0: every report stowed, taken back for its check
local function spooled(name, files)
  local root = tmp .. "/" .. name
  os.execute("mkdir -p '" .. root .. "'")
  local paths = {}
  for i, text in ipairs(files) do
    write(name .. "/" .. i .. ".txt", text)
    paths[i] = root .. "/" .. i .. ".txt"
  end
  local was = batch.KEPT
  batch.KEPT = 0
  local ok, B = pcall(batch.new, nianbao.engine, { files = { root } }, nil, 1)
  batch.KEPT = was
  assert(ok, B)
  return B, paths
end

-- each sum's failures asked afresh of cells c, by instance
local function afresh(system, c)
  local out = {}
  for i, r in ipairs(system.sums) do
    local list = {}
    for _, f in ipairs(r.compiled:eval(c)) do list[#list + 1] = f.instance end
    out[i] = table.concat(list, ",")
  end
  return out
end

test("a report taken back from the spool keeps the failures its reading asked, the same as asked afresh", function()
  -- a count broken (一、本年新收 of 自然人: 5 printed 7) makes failures to keep
  local broken, n = JIUQU:gsub("(本年新收政府信息公开申请数量 |\n)5 |", "%17 |", 1)
  eq(1, n, "the count changed")
  local B, paths = spooled("batch-asked", { JIUQU, broken })
  local system = nianbao.engine:pack("gb2021").system
  local failing = {}
  for i, path in ipairs(paths) do
    eq("number", type(B.by_path[path].stowed), "report " .. i .. " stowed")
    local R = assert(B:read(path))
    local asked = identities.asked(R.c)
    eq("table", type(asked), "report " .. i .. ": its failures kept")
    local now = afresh(system, R.c)
    for k, r in ipairs(system.sums) do
      local list = {}
      for _, f in ipairs(asked[r]) do list[#list + 1] = f.instance end
      eq(now[k], table.concat(list, ","), "report " .. i .. ", " .. r.id)
      if #list > 0 then failing[i] = true end
    end
  end
  eq(nil, failing[1], "the report as printed fails no sum")
  eq(true, failing[2], "the report with a broken count fails some")
  B:finish({}, nil)
end)

test("failures kept of other sums are not given to the cells restored", function()
  local R = nianbao.engine:bind_bytes(JIUQU, "jiuqu.txt")
  local system = nianbao.engine:pack("gb2021").system
  system:tails(R.c)
  local kept = assert(identities.kept(R.c, system.sums))
  local c = R.c:copy()
  identities.restored(c, { table.unpack(system.sums, 2) }, kept)
  eq(nil, identities.asked(c), "kept of other sums")
  identities.restored(c, system.sums, kept)
  eq("table", type(identities.asked(c)), "kept of the same sums")
end)
