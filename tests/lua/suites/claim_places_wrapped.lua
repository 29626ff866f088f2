-- A claim read in wrapped lines (a footer between them, the next line
-- indented) is placed where its words are in the part's text, not in the
-- flat text the lines were joined into.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

test("a claim in wrapped lines is placed at its words in the text", function()
  local T = claims.for_format(F)
  T.grammar { name = "placed", topic = "t3", needs = { "收到" }, readers = {
    { cells = "t3.new.total", grammar = [[ claim <- "收到" {:n: %num :} "件" ]] },
  } }
  local texts = {
    { "第一行文字\n收到\n12件。", #"第一行文字\n" + 1 },
    { "第一行文字\n - 2 - \n  收到\n12件。", #"第一行文字\n - 2 - \n  " + 1 },
    { "一句。\n\n收到12件。又收到3件。", #"一句。\n\n" + 1, #"一句。\n\n收到12件。又" + 1 },
  }
  for _, t in ipairs(texts) do
    local report = { year = 2024, issuer = "a", sections = { { id = "s3" } },
                     section = function(_, id) return id == "s3" and { text = t[1] } or nil end,
                     place = function(_, _, pos) return pos, 0 end }
    local got = T.claims_in(report)
    eq(#t - 1, #got, t[1])
    for k = 2, #t do eq(t[k], got[k - 1].line, t[1]) end
  end
end)
