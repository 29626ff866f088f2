-- The words around a claim (another body, another period, a plan, a year,
-- a comparison, the quantities of a clause) are searched only at the bytes
-- their words can begin with; the rest of a sentence (spaces, digits of a
-- table, Latin) is passed as one span. The claims are those of searching
-- every byte.

local load_national_text_rules = dofile("tests/lua/national_text_rules.lua")
local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

local function said(T, s, ctx)
  local out = {}
  for _, c in ipairs(T.read(s, ctx)) do
    out[#out + 1] = string.format("%s %s %s %s %d-%d", c.kind, c.cells, tostring(c.value), tostring(c.pct),
                                  c.at, c.stop)
  end
  return table.concat(out, "; ")
end

test("a claim's frame searched where its words can begin is the frame of searching every byte", function()
  local fast = load_national_text_rules(claims.for_format(F))
  local plain = load_national_text_rules(claims.for_format(F, { plain_search = true }))
  local ctx, gov = { year = 2024, issuer = "dept" }, { year = 2024, issuer = "gov" }
  local claimed, dropped = 0, 0
  for _, case in ipairs {
    { "本年收到政府信息公开申请12件，办结11件。", ctx },
    { "下属单位收到政府信息公开申请5件，本部门收到政府信息公开申请3件。", ctx },     -- another body; one of its own
    { "计划收到政府信息公开申请2件。", ctx },                                            -- a plan
    { "第一季度收到政府信息公开申请3件，今年以来收到政府信息公开申请9件。", ctx },  -- another period; its own
    { "2023年收到政府信息公开申请4件，2024年收到政府信息公开申请6件。", ctx },        -- years
    { "我局2024年公开许可33项，收到申请36件，结转1件。", ctx },                       -- a year carried
    { "与2023年相比，收到政府信息公开申请增加5件。", ctx },                           -- a comparison
    { "本机关收到政府信息公开申请7件。", gov },                                        -- a summary's organ
    { "ABC   收到 政府信息公开申请   12 件 ， 办结    11    件 。", ctx },              -- spaced, Latin
    { "2 0 2 4 年 收到政府信息公开申请 1 2 件， 上 年 结转 3 件。", ctx },
    { "全年共收到申请十二件，较上年增加三件，增长33.3%。", ctx },
  } do
    local s, c = case[1], case[2]
    local got = said(fast, s, c)
    eq(said(plain, s, c), got, s)
    if got ~= "" then claimed = claimed + 1 else dropped = dropped + 1 end
  end
  if claimed < 6 or dropped < 1 then error("too few claims, or none dropped: " .. claimed .. ", " .. dropped) end
end)
