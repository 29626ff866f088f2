-- nianbao.new_table(list_size, key_count) makes an empty table with room
-- for what a compiled format knows it will hold; a table like any other.

local nianbao = require "nianbao"

test("new_table gives an empty table that holds what is put in it", function()
  local t = nianbao.new_table(4, 3)
  eq(nil, next(t), "empty")
  eq(0, #t, "no list yet")
  for i = 1, 6 do t[i] = i * i end
  t.a, t.b, t.c, t.d = 1, 2, 3, 4
  eq(6, #t, "a list of six, past its room")
  eq(36, t[6], "the last")
  eq(4, t.d, "a key past its room")
  eq(nil, next(nianbao.new_table(0)), "no room at all: empty too")
  eq(false, pcall(nianbao.new_table, -1, 0), "a size below zero")
  eq(false, pcall(nianbao.new_table, 0, -1), "a count below zero")
  eq(false, pcall(nianbao.new_table, "x"), "a size that is no number")
end)
