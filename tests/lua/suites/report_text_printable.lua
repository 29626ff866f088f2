-- A cell's text is kept up to its first NUL, with control characters (C0
-- but tab and line breaks, DEL, C1 written as two bytes) turned into '?'
-- byte for byte, however it is set (report:set or report:read).

local function printable(text)
  text = text:match("^[^%z]*")
  local out, k = {}, 1
  while k <= #text do
    local c = text:byte(k)
    local next_byte = text:byte(k + 1)
    if (c < 0x20 and c ~= 9 and c ~= 10 and c ~= 13) or c == 0x7F then
      out[#out + 1] = "?"
    elseif c == 0xC2 and next_byte and next_byte >= 0x80 and next_byte <= 0x9F then
      out[#out + 1] = "??"
      k = k + 1
    else
      out[#out + 1] = string.char(c)
    end
    k = k + 1
  end
  return table.concat(out)
end

test("a cell's text: up to a NUL, its control characters made '?', set or read alike", function()
  local schema = nianbao.schema()
  schema:add("a")
  local texts = { "", "甲乙", "a\tb\nc\rd", "\1\31\127x", "\xC2\x80\xC2\x9F\xC2\xA0", "\xC2", "x\xC2",
                  "\xC2\0\x85", "ab\0cd", "\0", "办理\x7F\xC2\x90结果", string.rep("\x01甲", 700) .. "\0尾" }
  for k, text in ipairs(texts) do
    local want = printable(text)
    local set, read = nianbao.report(schema), nianbao.report(schema)
    set:set("a", "text", nil, text)
    eq(want, set:get("a").text, "set " .. k)
    read:read({ "a" }, { { text = text } }, {}, function() return nil end, nil, {})
    eq(want, read:get("a").text, "read " .. k)
    local loaded = nianbao.report(schema)
    loaded:load(set:dump())
    eq(want, loaded:get("a").text, "dumped and loaded " .. k)
  end
end)
