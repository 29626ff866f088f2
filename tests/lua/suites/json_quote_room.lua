-- nianbao.json.encode writes a text with nothing to escape in one go when
-- its buffer has room, else as before: a list of texts of every length,
-- clean or not, crossing the buffer's growth, is written as json.lua would.

test("nianbao.json.encode: texts of every length, clean or with escapes, across the buffer's growth", function()
  local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
                    ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
  local function quoted(s)
    return '"' .. s:gsub('[%c"\\]', function(c) return escapes[c] or string.format("\\u%04x", c:byte()) end) .. '"'
  end
  local list, want = {}, {}
  for n = 0, 700 do
    local s = ("文a"):rep(n):sub(1, n)
    if n % 3 == 1 then s = s .. "\n" elseif n % 5 == 2 then s = '"' .. s end
    list[#list + 1] = s
    want[#want + 1] = quoted(s)
  end
  eq("[" .. table.concat(want, ",") .. "]", nianbao.json.encode(list), "the list written")
  local keys = { ["a\"b"] = 1, plain = 2, [("键"):rep(200)] = 3 }
  eq('{"a\\"b":1,"plain":2,"' .. ("键"):rep(200) .. '":3}', nianbao.json.encode(keys), "keys, sorted, escaped or not")
end)
