-- bare(t) takes a normalised label's leading enumerator off, read byte by
-- byte: the same as the two patterns it stands for, on labels of every
-- shape (digits, a full stop, brackets, none closed, empty ones).

local labels = require "labels"

local function by_patterns(t)
  return (t:gsub("^%d+%.?", "", 1):gsub("^%([^%)]+%)", "", 1))
end

test("bare gives what the patterns ^%d+%.? then ^%(...%) leave", function()
  local L = labels.new({}, "一二三")
  local cases = { "3.其他", "(一)予以公开", "12.(二)x", "(一)", "()", "()x", "(", "(x", ")x", "1", "1.", "..",
                  "1..2", "12(三)其他", "1.(三)", "", "其他", "(一)(二)x", "x(一)", "007.abc", "(1)2.3",
                  "１２.全角", "9)x", "1.(a)b)c", "(a(b)c" }
  local pieces = { "1", "2", ".", "(", ")", "一", "x", "" }
  local seed = 7
  for _ = 1, 400 do      -- and labels made of the pieces that matter, at random
    local t = {}
    for _ = 1, seed % 6 + 1 do
      seed = (seed * 1103515245 + 12345) % 2147483648
      t[#t + 1] = pieces[seed % #pieces + 1]
    end
    cases[#cases + 1] = table.concat(t)
  end
  for _, t in ipairs(cases) do eq(by_patterns(t), L.bare(t), "bare(" .. t .. ")") end
end)
