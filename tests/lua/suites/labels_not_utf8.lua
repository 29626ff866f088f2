-- A text that is not UTF-8 (as utf8.len reads it) is neither folded nor
-- simplified: norm and simplify give it back as it is, and a UTF-8 text
-- around the same bad bytes' neighbours is folded as before. Asked of the
-- format's labels, whose check of the text is the core's, not utf8.len.

local E = nianbao.engine
local F = E:pack("gb2021").format

-- the way asked before: utf8.len says whether to fold at all
local function norm_long_way(s)
  if not utf8.len(s) then return s end
  return F.labels.fold(s)
end

test("labels leave a text that is not UTF-8 as it is, and fold and simplify the rest as before", function()
  local bad = { "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE4\xB8", "\xF8\x88\x80\x80\x80",
                "\x80", "\xFF", "\xE0\x80\x80", "\xF0\x80\x80\x80", "\xC2" }
  local good = { "", "a\0b", "\xF4\x8F\xBF\xBF", "\xED\x9F\xBF", "\xEE\x80\x80", "Ω", "𠀀" }
  local around = { "（一）予以公开：", "國務院１２３，", "本年新收：" }
  local asked = 0
  for _, a in ipairs(around) do
    for _, b in ipairs(bad) do
      for _, s in ipairs { a .. b, b .. a, a .. b .. a } do
        eq(nil, utf8.len(s), "not UTF-8")
        eq(s, F.labels.norm(s), "norm of a text not UTF-8")
        eq(s, F.labels.simplify(s), "simplify of a text not UTF-8")
        asked = asked + 1
      end
    end
    for _, g in ipairs(good) do
      local s = a .. g .. a
      eq(true, utf8.len(s) ~= nil, "UTF-8")
      eq(norm_long_way(s), F.labels.norm(s), "norm of " .. s)
      eq(true, F.labels.norm(s) ~= s, "folded: " .. s)
      asked = asked + 1
    end
  end
  eq(true, asked > 100, "texts asked")
end)
