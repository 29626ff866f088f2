-- How the binder cuts a line of a flat table into tokens (tables.lua):
-- added to the list it fills, each token placed from where its line starts.

test("tokens added to a list keep what it held and take their places from the line", function()
  local tables = require "tables"
  local marks = nianbao.engine:pack("gb2021").format.enumerator_marks
  local line = "政府信息 12  3 已公开1.其他7"
  local held = { text = "held" }
  local out = { held }
  eq(out, tables.tokenize_into(out, line, 9, 6, 100, marks), "the same list back")
  local alone = tables.tokenize(line, { line = 9, col = 6, offset = 100 }, marks)
  eq(#alone + 1, #out, "added after what it held")
  eq(held, out[1], "what it held first")
  for i = 1, #alone do
    local a, b = alone[i], out[i + 1]
    eq(a.text, b.text, "text " .. i)
    eq(a.glued, b.glued, "glued " .. i)
    eq(a.col, b.col, "column " .. i)
    eq(a.offset, b.offset, "offset " .. i)
    eq(9, b.line, "line " .. i)
    eq("cell", b.kind, "kind " .. i)
    eq(true, b.derived, "derived " .. i)
    eq(false, a == b, "a table of its own " .. i)
  end
  eq(11, out[3].col, "a column counts characters from the line's")
  eq(113, out[3].offset, "an offset counts bytes from the line's")
end)

test("a token cut from a line with white before its text carries that white in derived, and no field more", function()
  local tables = require "tables"
  local marks = nianbao.engine:pack("gb2021").format.enumerator_marks
  local out = tables.tokenize_into({}, "1 0", 7, 1, 0, marks, nil, 40)
  eq(2, #out, "two values")
  eq(40, out[1].derived, "the line's white, first value")
  eq(40, out[2].derived, "the line's white, second value")
  eq(3, out[2].col, "its column in the text, the white not counted")
  local fields = 0
  for _ in pairs(out[1]) do fields = fields + 1 end
  eq(7, fields, "kind, derived, text, glued, line, col, offset")
  eq(true, tables.tokenize_into({}, "1 0", 7, 1, 0, marks)[1].derived, "a line with none: true")
end)
