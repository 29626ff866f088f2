-- A finding's texts are the tostring of what it was given: a string as it
-- is, a number as tostring writes it, anything else through __tostring or
-- its name; a string's own metatable is heeded as tostring heeds it.

test("a finding's fields read as tostring reads them, whatever their type", function()
  local shown = setmetatable({}, { __tostring = function() return "shown" end })
  local values = { "文字", 7, -3, 2.5, 1e300, 0.1, 3.0, -0.0, math.huge, 2^63, math.mininteger, true, false, shown }
  for _, v in ipairs(values) do
    local l = nianbao.findings()
    l:put("r", "info", v, nil, v, v, v)
    l:add { rule = "r", message = v, expected = v, found = v, quote = v }
    for _, f in ipairs(l:list()) do
      for _, k in ipairs { "message", "expected", "found", "quote" } do
        eq(tostring(v), f[k], k .. " of " .. tostring(v))
      end
    end
  end
end)

test("a __tostring set on strings is heeded for a finding's texts, as before", function()
  local mt = debug.getmetatable("")
  local l = nianbao.findings()
  mt.__tostring = function(s) return "<" .. s .. ">" end
  local ok, why = pcall(l.put, l, "r", nil, "m", nil, "e", 5)
  mt.__tostring = nil
  assert(ok, why)
  local f = l:list()[1]
  eq("<r>", f.rule, "rule")
  eq("<m>", f.message, "message")
  eq("<e>", f.expected, "expected")
  eq("5", f.found, "a number is no string")
  l:put("r", "info", "m", nil, "e")
  eq("e", l:list()[2].expected, "strings plain again")
end)
