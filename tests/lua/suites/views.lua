-- Read-only views (scripts/lib/view.lua): what rules and writers are
-- handed of the engine's data reads as the data does and refuses writes.

local view = require "view"

test("a view reads as its table, and a table reached through it is a view too, the same each time", function()
  local t = { name = "局", n = 3, list = { "a", { deep = 1 } }, [7] = false }
  local v = view.readonly(t)
  eq("局", v.name, "a string")
  eq(3, v.n, "a number")
  eq(false, v[7], "false is handed out as false")
  eq(nil, v.absent, "an absent key")
  eq(2, #v.list, "# of a table reached through it")
  eq(v.list, v.list, "the same view of a table each time")
  eq(false, v.list == t.list, "a table is handed out as a view, not itself")
  eq(1, v.list[2].deep, "deeper")
  eq(v, view.readonly(t), "one view a table")
  eq(v, view.readonly(v), "a view is its own view")
  eq(t, view.unwrap(v), "unwrap gives the table back")
  eq(nil, rawget(v, "name"), "the view itself holds nothing")
  eq(false, getmetatable(v), "its metatable is not handed out")
end)

test("a view refuses writes, at any depth, and leaves the table as it was", function()
  local t = { n = 1, sub = { m = 2 } }
  local v = view.readonly(t)
  local ok, err = pcall(function() v.n = 5 end)
  eq(false, ok, "a write refused")
  has(err, "read-only", "the reason")
  eq(false, (pcall(function() v.sub.m = 9 end)), "a write below refused")
  eq(false, (pcall(function() v.new = {} end)), "a new key refused")
  eq(1, t.n, "the table unchanged")
  eq(2, t.sub.m, "the table below unchanged")
  eq(nil, t.new, "no key added")
end)

test("a class's hidden fields are not handed out by reads nor by pairs; its methods are", function()
  local Class = { __hidden = { secret = true } }
  Class.__index = Class
  function Class:peek() return view.unwrap(self).secret end
  local t = setmetatable({ secret = { "x" }, open = "y" }, Class)
  local v = view.readonly(t)
  eq(nil, v.secret, "hidden")
  eq("y", v.open, "not hidden")
  eq("x", v:peek()[1], "a method reaches the table")
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  eq("open", table.concat(keys, ","), "pairs skips hidden keys")
  local plain = view.readonly { secret = "s" }
  eq("s", plain.secret, "another kind of view hides nothing")
end)

test("pairs and ipairs of a view give views of its tables", function()
  local t = { a = { 1 }, b = 2, { 3 } }
  local v = view.readonly(t)
  local n = 0
  for k, x in pairs(v) do
    n = n + 1
    if type(t[k]) == "table" then eq(view.readonly(t[k]), x, "a view of " .. tostring(k)) else eq(t[k], x, "as is") end
  end
  eq(3, n, "every key")
  for i, x in ipairs(v) do eq(view.readonly(t[i]), x, "ipairs: a view") end
  eq(false, (pcall(function() for _, x in pairs(v) do x[1] = 0 end end)), "a value from pairs refuses writes")
end)

test("the core's view reader answers only for views", function()
  local index = nianbao.view_index({}, {}, nil, view.readonly)
  local ok, err = pcall(index, {}, "k")
  eq(false, ok, "a table that is no view")
  has(err, "not a view", "the reason")
  eq(false, (pcall(nianbao.view_index, {}, {}, "hidden", view.readonly)), "hidden is a table or nil")
end)

test("report:place gives the same place for a section and for its view", function()
  local _, R = assert(nianbao.check(CORPUS .. "/pingtan-2021.txt"))
  local ro = view.readonly(R)
  local n = 0
  for i, s in ipairs(R.sections) do
    if s.places and #s.places > 1 then
      local pos = #s.text // 2 + 1
      local line, col = R:place(s, pos)
      local vline, vcol = ro:place(ro.sections[i], pos)
      eq(line, vline, s.id .. ": line")
      eq(col, vcol, s.id .. ": col")
      n = n + 1
    end
  end
  eq(true, n > 0, "sections with places")
end)

test("nianbao.printable: control characters of every text reached become '?', one byte for one", function()
  local null = nianbao.null
  local t = { a = "plain 文字", b = "red\27[31mtext", list = { "tab\tand\nline", "bell\7", "\0nul" },
              c1 = "x\194\133y", latin = "\194\160kept", keep = null, ["key\27"] = "v" }
  t.self = t
  t.list.up = t
  nianbao.printable(t, null)
  eq("plain 文字", t.a, "a clean text as it was")
  eq("red?[31mtext", t.b, "an escape")
  eq("tab\tand\nline", t.list[1], "tab and line breaks kept")
  eq("bell?", t.list[2], "a bell")
  eq("?nul", t.list[3], "a NUL")
  eq("x??y", t.c1, "a C1 control: two bytes, two '?'")
  eq("\194\160kept", t.latin, "a no-break space is no control")
  eq(null, t.keep, "null left alone")
  eq("v", t["key\27"], "keys are left as they are")
  eq(#"red\27[31mtext", #t.b, "one byte for one")
end)

test("nianbao.printable walks a deep nest without recursion", function()
  local root = {}
  local t = root
  for _ = 1, 200000 do t.next = {}; t = t.next end
  t.text = "deep\27"
  nianbao.printable(root, nianbao.null)
  eq("deep?", t.text, "the deepest text")
end)

test("a message's {names} are filled from the finding's vars; an unknown name is left as written", function()
  os.execute("rm -rf " .. tmp .. "/fillpack && mkdir -p " .. tmp .. "/fillpack")
  write("fillpack/pack.lua", 'name = "fillpack"\ntitle = "模板"\nextends = "gb2021"\n')
  write("fillpack/fill.lua", [[
id       = "fillpack.fill"
severity = "info"
message  = { zh = "{{a}}和{b}、{missing}、{n}{a}{}{ bad }尾" }
function check(report, emit)
  emit { vars = { a = "甲", b = "乙%1", n = 3 } }
end
]])
  local out = sh(NB .. " check --format json --rules " .. tmp .. "/fillpack examples/jiuqu-2024.txt")
  has(out, '"message":"{甲}和乙%1、{missing}、3甲{}{ bad }尾"', "the message")
end)
