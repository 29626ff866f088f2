-- The readings kept of a batch's sentences are kept apart by the year, the
-- issuer and the part they were read in, each as itself: an issuer and a
-- part whose texts joined would read alike do not share their readings.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

test("a sentence read in one part is read again in another whose names joined would read alike", function()
  local T = claims.for_format(F)
  -- (the reader claims in the part it names, or in a sentence that says 本机关)
  T.grammar { name = "kept_apart", topic = "t3", readers = {
    { cells = "t3.new.total", grammar = [[ claim <- "收到" {:n: %num :} "件" ]], requires = [[ "本机关" ]],
      parts = { "s3\0x" } },
  } }
  local function report(issuer, part)
    return { year = 2024, issuer = issuer, sections = { { id = part } },
             section = function(_, id) return id == part and { text = "收到12件。" } or nil end,
             place = function() return 1, 1 end }
  end
  eq(0, #T.claims_in(report("a\0s3", "x")), "outside the part: no claim")
  eq(1, #T.claims_in(report("a", "s3\0x")), "in the part: its claim, not the reading of the other")
  eq(0, #T.claims_in(report("a\0s3", "x")), "and outside it again none")
end)
