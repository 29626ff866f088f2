-- What the driver prints of a name or a message: a text that is UTF-8
-- without a control character is returned as it is, any other is walked
-- byte by byte; both ways give what the walk alone gives.

local cli = require "cli"

-- pieces a text is made of: plain and wide characters, control bytes
-- (C0, DEL, C1), line breaks and bytes that are not UTF-8
local PIECES = { "a", "年", "报", "·", "\xC2\xA0", "\xF0\x9F\x98\x80", "\n", "\t", "\r", "\0", "\1",
                 "\27", "\31", "\127", "\xC2\x85", "\xC2\x9F", "\xC2", "\xE4\xB8", "\xFF", "\x80",
                 "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "/", "%", " " }

test("printable: the quick look gives what the walk byte by byte gives, lines or not", function()
  local seed = 12345
  local function rand(n)                 -- a fixed sequence: the same texts every run
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
  local wrong = {}
  for _ = 1, 3000 do
    local t = {}
    for i = 1, rand(12) - 1 do t[i] = PIECES[rand(#PIECES)] end
    local s = table.concat(t)
    for _, lines in ipairs { false, true } do
      if cli.printable(s, lines) ~= cli.printable_escaped(s, lines) then
        wrong[#wrong + 1] = string.format("%q (lines %s)", s, tostring(lines))
      end
    end
  end
  eq(0, #wrong, "texts printed otherwise: " .. table.concat(wrong, ", ", 1, math.min(#wrong, 5)))
end)

test("printable: a plain name is the same string; a control character is still escaped", function()
  local name = "tests/corpus/某县人民政府2024年政府信息公开工作年度报告.txt"
  eq(name, cli.printable(name), "a plain name")
  eq("a\\x01b\\xC2\\x85c", cli.printable("a\1b\xC2\x85c"), "C0 and C1")
  eq("x\ny\tz", cli.printable("x\ny\tz", true), "line breaks kept with lines")
  eq("x\\x0Ay", cli.printable("x\ny"), "a line break escaped without")
  eq("\\xFF", cli.printable("\xFF"), "a byte that is not UTF-8")
end)
