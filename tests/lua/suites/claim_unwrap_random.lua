-- The lines read in C take out the same breaks as reading every line every
-- way, in texts of random pieces: footers, indents, marks, headings short and
-- long, broken characters, spaces at the ends, empty lines; and with no
-- heading pattern, and one that sees a heading in every line.

local re = require "re"
local lpeg = require "lpeg"
local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"
local unwrap_every_way = dofile("tests/lua/unwrap_reference.lua")

local function shown(flat, map)
  local parts = { flat }
  for _, m in ipairs(map) do parts[#parts + 1] = m.flat .. ":" .. m.orig end
  return table.concat(parts, " ")
end

test("random texts unwrap as reading every line every way does", function()
  local T = claims.for_format(F)
  local L = F.language
  local ends = {}
  for _, e in ipairs(L.break_after or L.sentence_end or {}) do ends[e] = true end
  local headings = { re.compile(L.heading, T.defs), false, lpeg.P(true) }
  local pieces = {
    "\n", "\n", "\n", " ", "\t", "  ", "-2-", " - 3 - ", "-", "5", "一、", "（二）", "总体情况", "收到申请",
    "。", "；", "：", "\xE4\xB8", "\xE4", "\xFF", "\u{3000}", "共计5件", string.rep("很长", 12), "x", "，", "103", "2,9", " 53", "\xEF\xBC\x91",
  }
  local seed = 11
  local function rand(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end
  for round = 1, 1500 do
    local parts = {}
    for k = 1, rand(14) - 1 do parts[k] = pieces[rand(#pieces)] end
    local text = table.concat(parts)
    local heading = headings[round % #headings + 1] or nil
    eq(shown(unwrap_every_way(text, ends, heading)), shown(claims.unwrap(text, ends, heading)), text)
  end
end)
