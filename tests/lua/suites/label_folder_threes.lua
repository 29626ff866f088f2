-- The C folder finds a key of three bytes led by E0..EF (most of Chinese)
-- by a bit for each such piece, searched for only where it is set: every
-- key found, and no piece near one (a byte apart, another lead, a piece
-- cut or run on) taken for it.

local labels = require "labels"

test("three-byte keys: each found, and the pieces around them kept, as the LPeg pass does", function()
  local map = { ["萬"] = "万", ["\u{3000}"] = "", ["\u{FF0C}"] = ",", ["\u{0800}"] = "<0800>", ["\u{FFFF}"] = "<ffff>",
                ["\xE0\x80\x80"] = "<overlong>", ["\xED\xA0\x80"] = "<surrogate>", ["中"] = "Z", ["一"] = "1" }
  local fold = nianbao.text.folder(map)
  local near = { "萬", "萭", "苬", "\u{3001}", "\u{2000}", "\u{FF0B}", "\u{0801}", "\u{FFFE}", "\u{EFFF}",
                 "\xE0\x80\x81", "\xE1\x80\x80", "\xED\xA0\x81", "\xEC\xA0\x80", "中", "丮", "一", "\xE4\xB8",
                 "\xE4\xB8\x80\x80", "\xE4", "a", "é", "😀", "\xF0\x80\x80", "\xD0\x80\x80" }
  local seed = 99
  local function rnd(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
  local lpeg_fold = labels.char_folder(map)
  for _ = 1, 3000 do
    local t = {}
    for j = 1, rnd(8) - 1 do t[j] = near[rnd(#near)] end
    local s = table.concat(t)
    eq(lpeg_fold:match(s), fold(s), string.format("%q", s))
  end
  for k, v in pairs(map) do eq(v, fold(k), string.format("%q", k)) end
end)
