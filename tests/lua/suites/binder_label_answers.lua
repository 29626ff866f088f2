-- What a label names is worked out once per table, group and text: a
-- label that names a row only inside its group ("3.其他" under "（六）其他
-- 处理") is that row there, whatever the same text named read elsewhere.

test("a label read outside its group first, then inside it: the row of its group there", function()
  local first = "一、本年新收政府信息公开申请数量 |\n"
  assert(JIUQU:find(first, 1, true), "the example's first row of table 3")
  -- the same report with its first row of table 3 labelled "3.其他", read before any group
  local outside = JIUQU:gsub(first:gsub("%p", "%%%0"), "3.其他 |\n", 1)
  nianbao.engine:bind_bytes(outside, "outside.txt")
  local R = nianbao.engine:bind_bytes(JIUQU, "inside.txt")
  for _, col in ipairs { "np", "total" } do
    local c = R.c:get("t3.result.other.misc." .. col)
    eq("number", c.state, "3.其他 under （六）其他处理: " .. col)
  end
  for _, d in ipairs(R.diagnostics) do
    if d.table == "t3" then eq(nil, d.kind, "table 3 read by its labels, nothing said of it") end
  end
end)
