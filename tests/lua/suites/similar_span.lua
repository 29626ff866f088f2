-- A pair's passage kept as where it is in b's text until it is said: the
-- same passage, said the same, as the string measure made before.

local sim = require "nianbao.similar"
local similar = require "similar"

local state = 20261205
local function rand(n) state = (state * 1103515245 + 12345) % 2147483648; return state % n + 1 end
local PIECES = { "政府信息公开", "，", "。", "a", "Ｂ", "1", " ", "\n", "\xff", "\xe4\xb8", "\xed\xa0\x80", "…" }
local function text_of(n)
  local out = {}
  for i = 1, n do out[i] = PIECES[rand(#PIECES)] end
  return table.concat(out)
end

test("similar.cut of a span cuts what sub gives, valid UTF-8 or not", function()
  for _ = 1, 400 do
    local s = text_of(rand(40))
    local from = rand(#s + 1)
    local to = from - 1 + rand(#s - from + 2) - 1
    local n = rand(30) - 1
    eq(sim.cut(s:sub(from, to), n), sim.cut(s, n, from, to), string.format("%q from %d to %d, %d", s, from, to, n))
  end
  eq(false, (pcall(sim.cut, "政府", 1, 0, 3)), "from before the text")
  eq(false, (pcall(sim.cut, "政府", 1, 2, 7)), "to past the text")
  eq("", sim.cut("政府", 1, 3, 2), "an empty span")
end)

test("similar.common with span gives where the passage is in b", function()
  for _ = 1, 200 do
    local base = text_of(rand(30))
    local a, b = text_of(rand(5)) .. base .. text_of(rand(5)), text_of(rand(5)) .. base
    local k = ({ 1, 3, 10 })[rand(3)]
    local sa, sb, passage, length = sim.common(a, b, k)
    local sa2, sb2, from, to, length2 = sim.common(a, b, k, true)
    eq(sa, sa2, "share of a")
    eq(sb, sb2, "share of b")
    eq(length, length2, "length")
    eq(passage, b:sub(from, to), "the passage where it is")
  end
end)

test("a pair measured whole reads and says its passage as the string did", function()
  for _ = 1, 100 do
    local base = string.rep("本机关认真贯彻落实政府信息公开条例，", rand(12)) .. text_of(rand(20))
    local a, b = { text = text_of(rand(8)) .. base }, { text = base .. text_of(rand(8)) }
    local cut, whole = similar.measure(a, b), similar.measure(a, b, true)
    eq(cut == nil, whole == nil, "measured alike")
    if cut then
      local _, _, passage = sim.common(a.text, b.text, similar.K)
      eq(cut.passage, similar.said_of(whole), "said from where it is")
      eq(passage, whole.passage, "read whole")
      eq(cut.passage, similar.said_of(whole), "said once read, the same")
      eq(cut.share, whole.share, "share")
      eq(cut.length, whole.length, "length")
    end
  end
end)
