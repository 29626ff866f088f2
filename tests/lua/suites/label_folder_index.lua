-- The C folder finds a key of one byte, and one of three bytes led by
-- E0..EF, by where the keys of its first two bytes begin among the sorted
-- keys: every key of a crowded first two bytes found (the first of them, the
-- last, those between), none taken for a key of the two bytes either side,
-- and the value of each key its own.

local labels = require "labels"

test("keys sharing their first two bytes, and one-byte keys: each replaced by its own value", function()
  local map, near = {}, { "a", "b", " ", "\t", "中", "é", "\xE4\xB8", "\xE4" }
  -- every other third byte under E4 B8 (一 丁 …), and the first and last of them
  for third = 0x80, 0xBF do
    local piece = "\xE4\xB8" .. string.char(third)
    near[#near + 1] = piece
    if third % 2 == 0 or third == 0xBF then map[piece] = "<" .. third .. ">" end
  end
  -- the first two bytes either side, one key each; the last piece of all
  map["\xE4\xB7\xBF"], map["\xE4\xB9\x80"], map["\xEF\xBF\xBF"] = "<left>", "<right>", "<last>"
  map["\xE0\xA0\x80"], map[" "], map["a"], map["\xC3\xA9"] = "<first>", "", "A", "e"
  for _, s in ipairs { "\xE4\xB7\xBF", "\xE4\xB7\xBE", "\xE4\xB9\x80", "\xE4\xB9\x81", "\xEF\xBF\xBF",
                       "\xEF\xBF\xBE", "\xE0\xA0\x80" } do
    near[#near + 1] = s
  end
  local fold, lpeg_fold = nianbao.text.folder(map), labels.char_folder(map)
  for k, v in pairs(map) do eq(v, fold(k), string.format("%q", k)) end
  local seed = 5
  local function rnd(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
  for _ = 1, 3000 do
    local t = {}
    for j = 1, rnd(10) - 1 do t[j] = near[rnd(#near)] end
    local s = table.concat(t)
    eq(lpeg_fold:match(s), fold(s), string.format("%q", s))
  end
end)
