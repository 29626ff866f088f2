-- A report's claims are read a sentence at a time as the text is cut, the
-- sentences passed over at the quick look with no list of them made: the
-- claims are those of each sentence read by itself, in the same order.

local nbio = require "nianbao.io"
local text = nianbao.engine:pack("gb2021").rule_by_id["gb2021.txt.new"].env.text

local function said(c)
  return table.concat({ c.section, c.text, c.at, c.stop, c.kind, c.cells, tostring(c.value), tostring(c.pct) }, "|")
end

-- the claims as each sentence of each part read by itself gives them
local function sentence_by_sentence(R)
  local out = {}
  for _, sec in ipairs(R.sections or {}) do
    local s = R:section(sec.id)
    if s and s.text ~= "" then
      local ctx = { year = R.year, issuer = R.issuer, part = sec.id }
      for _, st in ipairs(text.sentences(s.text)) do
        for _, c in ipairs(text.read(st.text, ctx)) do
          c.section = sec.id
          out[#out + 1] = said(c)
        end
      end
    end
  end
  return out
end

test("a report's claims are its sentences' claims, each read by itself, in order", function()
  local wrapped = "一、总体情况\n本年共收到政府信息公开申请\n  12件，办结10件。\n - 2 - \n上年结转2件；\n\n无行政复议。\n（一）全年收到申请15件\n其他。"
  local inputs = {
    { "jiuqu.txt", assert(nbio.readfile("examples/jiuqu-2024.txt")) },
    { "pingtan.txt", assert(nbio.readfile("tests/corpus/pingtan-2021.txt")) },
    { "wrapped.txt", assert(nbio.readfile("examples/jiuqu-2024.txt")):gsub("。", "。\n", 3) .. wrapped },
  }
  local total = 0
  for _, input in ipairs(inputs) do
    local R = nianbao.engine:bind_bytes(input[2], input[1])
    local want = sentence_by_sentence(R)
    local got = {}
    for _, c in ipairs(text.claims_in(R)) do got[#got + 1] = said(c) end
    eq(table.concat(want, "\n"), table.concat(got, "\n"), "claims of " .. input[1])
    total = total + #got
  end
  if total < 10 then error("too few claims read to tell: " .. total) end
end)
