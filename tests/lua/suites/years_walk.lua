-- The year before's narrative measured against each report's, each
-- agency's years walked in order: the copies found are those measured pair
-- by pair, and each narrative is cut in shingles once, not once a pair.

local batch = require "batch"
local similar = require "similar"
local sim = require "nianbao.similar"

test("the year before's copies, walked agency by agency, are those measured pair by pair, every narrative cut once", function()
  local root = tmp .. "/years-walk"
  os.execute("mkdir -p '" .. root .. "/a' '" .. root .. "/b' '" .. root .. "/c'")
  local function put(rel, bytes) write("years-walk/" .. rel, bytes) end
  local y2023 = assert(nbio.readfile("examples/previous/jiuqu-2023.txt"))
  -- file order is not year order: the years of an agency lie apart
  put("a/2024.txt", JIUQU)
  put("b/2023.txt", y2023)
  put("c/2022.txt", (y2023:gsub("2022", "2021"):gsub("2023", "2022")))
  put("a/tanghe-2024.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  put("c/tanghe-2023.txt", (y2023:gsub("九曲街道", "汤河镇")))
  put("c/2024-again.txt", JIUQU .. "\n")                 -- the same agency and year twice
  local cuts, texts_given = 0, 0
  -- the pairs between agencies left out here: they cut narratives of their own
  local shingled, common, each_pair = sim.shingled, sim.common, similar.each_pair
  similar.each_pair = function() end
  sim.shingled = function(...) cuts = cuts + 1; return shingled(...) end
  sim.common = function(a, b, ...)
    if type(a) == "string" or type(b) == "string" then texts_given = texts_given + 1 end
    return common(a, b, ...)
  end
  local ok, B = pcall(batch.new, nianbao.engine, { files = { root } }, nil, 1)
  sim.shingled, sim.common, similar.each_pair = shingled, common, each_pair
  assert(ok, B)
  eq(0, texts_given, "every narrative measured was cut beforehand")
  local with_before, years = 0, {}
  for _, e in ipairs(B.entries) do
    years[#years + 1] = e.year
    if e.from == "batch" then
      with_before = with_before + 1
      local want = similar.measure({ text = B:narrative(e.before) }, { text = B:narrative(e) })
      local got = B:copies_of(e)[1]
      eq(true, want ~= nil, e.path .. ": a copy of the year before")
      eq("previous", got and got.kind, e.path .. ": the year before first")
      eq(e.before.path, got.file, e.path .. ": its file")
      eq(want.share, got.share, e.path .. ": share")
      eq(want.length, got.length, e.path .. ": length")
      eq(want.passage, got.passage, e.path .. ": passage")
    end
  end
  eq(4, with_before, "2024 twice and 2023 of one agency, 2024 of the other (years " .. table.concat(years, " ") .. ")")
  -- each of the six narratives is a year before or has one: cut once
  eq(6, #B.entries, "six reports")
  eq(6, cuts, "each narrative cut once")
  B:finish({}, nil)
end)
