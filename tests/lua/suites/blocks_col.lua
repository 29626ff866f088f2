-- A block that begins its line leaves out its col (the binder reads none
-- as 1): the HTML reader's blocks, in C and from markup.lua, have none.

local markup = require "markup"

test("a web page's blocks, with spans and without, in C and from markup.lua, have no col", function()
  local page = "<p>概述</p><table><tr><td>规章</td><td colspan=2>1</td></tr><tr><td>2</td></tr></table><p>尾</p>"
  local lists = { assert(nianbao.html.blocks(page)), assert(nianbao.html.blocks(page, nil, false)),
                  markup.blocks(assert(nianbao.html.parse(page))) }
  for k, blocks in ipairs(lists) do
    local kinds = {}
    for i, b in ipairs(blocks) do
      kinds[i] = b.kind
      eq(nil, b.col, "list " .. k .. ", block " .. i .. ": col")
    end
    eq("para cell cell break cell break para", table.concat(kinds, " "), "list " .. k .. ": the blocks")
  end
end)

test("a page's value is bound at column 1", function()
  local page = "<p>第二十条第（一）项</p><table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td>"
               .. "<td>现行有效件数</td></tr><tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr></table>"
  local R = assert(nianbao.engine:bind_text(page, "a.html"))
  local places = {}
  for _, c in ipairs(R.c:held()) do places[#places + 1] = c[1] .. ":" .. c[6] end
  eq("t2.reg.made:1 t2.reg.repealed:1 t2.reg.valid:1", table.concat(places, " "), "the cells' cols")
end)
