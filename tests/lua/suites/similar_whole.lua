-- A pair's passage as found, cut (said) only for the pairs a caller keeps:
-- a region's template makes a report the copy of hundreds, six said.

local similar = require "similar"
local batch = require "batch"

local LONG = string.rep("本机关认真贯彻落实政府信息公开条例，主动公开政府信息，依申请公开工作规范有序。", 6)

test("measure gives the passage whole when asked, and said cuts it as measure would", function()
  local a, b = { text = LONG .. "甲" }, { text = "乙" .. LONG }
  local cut, whole = similar.measure(a, b), similar.measure(a, b, true)
  eq(cut.share, whole.share, "the same share")
  eq(cut.length, whole.length, "the same length")
  eq(true, #whole.passage > #cut.passage, "the whole passage longer")
  eq(cut.passage, similar.said(whole.passage), "said as measure cuts it")
  local got = {}
  similar.each_pair({ { index = 1, key = "a", year = 2024, text = a.text, sig = similar.signature(a.text) },
                      { index = 2, key = "b", year = 2024, text = b.text, sig = similar.signature(b.text) } },
                    nil, function(m) got[#got + 1] = m end, nil, true)
  eq(1, #got, "one pair")
  eq(whole.passage, got[1].passage, "each_pair hands it whole too")
end)

test("the batch says the passages of the copies it keeps, cut", function()
  local root = tmp .. "/similar-whole"
  os.execute("mkdir -p '" .. root .. "/jiuqu' '" .. root .. "/tanghe'")
  write("similar-whole/jiuqu/2023.txt", assert(nbio.readfile("examples/previous/jiuqu-2023.txt")))
  write("similar-whole/jiuqu/2024.txt", JIUQU)
  write("similar-whole/tanghe/2024.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  local B = batch.new(nianbao.engine, { files = { root } }, nil, 1)
  local copies = B:copies_of(B.by_path[root .. "/jiuqu/2024.txt"])
  eq(2, #copies, "the year before and the peer")
  for _, c in ipairs(copies) do
    eq(true, utf8.len(c.passage) <= similar.PASSAGE + 1, c.kind .. ": cut")
    eq("…", c.passage:sub(-3), c.kind .. ": with the mark")
  end
  B:finish({}, nil)
end)
