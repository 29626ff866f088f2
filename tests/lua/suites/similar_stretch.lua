-- A shared passage walked as a stretch: cover asks first whether a shingle
-- follows, in the other text, the one found before it, and walks such a
-- stretch in a loop of its own. Measured against the plain measure (shingles
-- as strings, sets as tables) on long shared passages broken by edits,
-- passages repeated, and stretches running to either text's end.

local sim = require "nianbao.similar"

-- the plain measure the core is held against (shingles as strings, sets as tables)
local plain_common = dofile("tests/lua/similar_plain.lua")

local state = 20261204
local function rand(n) state = (state * 1103515245 + 12345) % 2147483648; return state % n + 1 end

local PHRASES = { "本机关认真贯彻落实政府信息公开条例，", "主动公开政府信息", "依申请公开工作规范有序。",
                  "全年未发生行政复议", "ＡＢＣ１２３", "abc 123", "政府", "\xff", "\n" }
local function text_of(n)
  local out = {}
  for i = 1, n do out[i] = PHRASES[rand(#PHRASES)] end
  return table.concat(out)
end
-- s with a few characters changed, dropped or added
local function edited(s, edits)
  local chars = {}
  for c in s:gmatch("[%z\1-\127\194-\244]?[\128-\191]*") do
    if c ~= "" then chars[#chars + 1] = c end
  end
  for _ = 1, edits do
    local at, how = rand(#chars + 1), rand(3)
    if how == 1 and at <= #chars then chars[at] = "变"
    elseif how == 2 and at <= #chars then table.remove(chars, at)
    else table.insert(chars, at, "新") end
  end
  return table.concat(chars)
end

test("similar.common over long shared stretches measures as the plain measure does", function()
  for round = 1, 120 do
    local k = ({ 1, 3, 5, 10 })[rand(4)]
    local base = text_of(rand(30))
    local a, b
    if round % 4 == 0 then        -- a passage twice over in one text
      a, b = base .. base, edited(base, rand(3) - 1)
    elseif round % 4 == 1 then    -- one text inside the other, to its ends
      a, b = base, text_of(rand(3) - 1) .. base .. text_of(rand(3) - 1)
    else
      a, b = edited(base, rand(6) - 1), edited(base, rand(6) - 1) .. text_of(rand(5))
    end
    if #base > 0 then
      local want = table.pack(plain_common(a, b, k))
      local ka, kb = sim.shingled(a, k), sim.shingled(b, k)
      for _, args in ipairs { { a, b }, { ka, kb }, { kb, ka } } do
        local got = table.pack(sim.common(args[1], args[2], k))
        if args[1] == kb then want = table.pack(plain_common(b, a, k)) end
        for i = 1, 4 do
          eq(want[i], got[i], string.format("value %d of %q, %q, k = %d", i, a, b, k))
        end
      end
      sim.release(ka)
      sim.release(kb)
    end
  end
end)

test("a text against itself is covered whole, its shingles repeated or not", function()
  for _, t in ipairs { "政府信息公开", "公开公开公开公开", "a" } do
    local sa, sb, passage, length = sim.common(t, t, 1)
    eq(1.0, sa, "share of a")
    eq(1.0, sb, "share of b")
    eq(t, passage, "the whole passage")
    eq(utf8.len(t), length, "its length")
  end
end)
