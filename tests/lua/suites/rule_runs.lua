-- How rules are run and what they hand on: the search a rule passes over
-- when its text cannot match, the texts a frozen report holds.

local function findings_of(list, id)
  local out = {}
  for _, f in ipairs(list or {}) do
    if f.rule == id then out[#out + 1] = tostring(f.found) end
  end
  return table.concat(out, " | ")
end

test("qlt.placeholder and fmt.cites_old find what a line break, an indent or a page footer splits in the prose", function()
  local src = JIUQU
  local whole = src:gsub("国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号", 1)
                   :gsub("主动公开信息210条", "主动公开信息XX条", 1)
                   :gsub("统计期限从2024年", "统计期限从20××年", 1)
  local split = src:gsub("国办公开办函〔2021〕30号", "国办公开办函〔2019〕6\n  - 3 -\n   0号", 1)
                   :gsub("主动公开信息210条", "主动公开信息X\n    X条", 1)
                   :gsub("统计期限从2024年", "统计期限从20×\n ×年", 1)
  write("split-whole-2024.txt", whole)
  write("split-broken-2024.txt", split)
  for _, name in ipairs { "split-whole-2024.txt", "split-broken-2024.txt" } do
    local list = assert(nianbao.check(tmp .. "/" .. name))
    eq("国办公开办函〔2019〕60号", findings_of(list, "gb2021.fmt.cites_old"), name .. ": the old notice")
    eq("20××年 | XX条", findings_of(list, "gb2021.qlt.placeholder"), name .. ": the placeholders")
  end
  local list = assert(nianbao.check("examples/jiuqu-2024.txt"))
  eq("", findings_of(list, "gb2021.fmt.cites_old") .. findings_of(list, "gb2021.qlt.placeholder"), "the report as published")
end)

test("fmt.cites_old: the old notice named as repealed is no basis cited; cited after it, it still is", function()
  local src = JIUQU
  local cases = {
    ["（原国办公开办函〔2019〕60号同时废止）"] = "",
    ["，国办公开办函〔2019〕60号不再执行"] = "",
    ["。国办公开办函〔2019〕60号已于2021年失效"] = "",
    ["。本报告按国办公开办函〔2019〕60号要求编制"] = "国办公开办函〔2019〕60号",
    ["（原国办公开办函〔2019〕60号同时废止），并按国办公开办函〔2019〕60号编制"] = "国办公开办函〔2019〕60号",
  }
  for added, want in pairs(cases) do
    local text, n = src:gsub("国办公开办函〔2021〕30号", "%0" .. added, 1)
    eq(1, n, "the citation to follow")
    write("cites-old-2024.txt", text)
    local list = assert(nianbao.check(tmp .. "/cites-old-2024.txt"))
    eq(want, findings_of(list, "gb2021.fmt.cites_old"), added)
  end
end)

test("nianbao.printable: each byte alone is a control ('?') or kept, as the C0, DEL and C1 ranges say", function()
  local wrong = {}
  for b = 0, 255 do
    local t = { s = "a" .. string.char(b) .. "z" }
    nianbao.printable(t, nianbao.null)
    local control = (b <= 31 and b ~= 9 and b ~= 10 and b ~= 13) or b == 127
    local want = control and "a?z" or "a" .. string.char(b) .. "z"
    if t.s ~= want then wrong[#wrong + 1] = tostring(b) end
  end
  for b = 0x80, 0xBF do
    local t = { s = "\194" .. string.char(b) }
    nianbao.printable(t, nianbao.null)
    local want = b <= 0x9F and "??" or "\194" .. string.char(b)
    if t.s ~= want then wrong[#wrong + 1] = "C2 " .. b end
  end
  eq("", table.concat(wrong, " "), "bytes handled wrongly")
end)

test("report:section: the first part of an id, a part added after the first asking found too, one view a part", function()
  local R = assert(nianbao.read("examples/jiuqu-2024.txt"))
  local view = require "view"
  local ro = view.readonly(R)
  eq(R.sections[2], R:section("s1"), "the part itself, asked of the report")
  eq(view.readonly(R.sections[2]), ro:section("s1"), "its view, asked of a view")
  eq(ro:section("s1"), ro:section("s1"), "the same view each time")
  eq(nil, R:section("later"), "no such part yet")
  R:add_section { id = "later", text = "one" }
  R:add_section { id = "later", text = "two" }
  eq("one", R:section("later").text, "the part added, the first of its id")
  eq("one", ro:section("later").text, "and through the view")
  eq(nil, R:section(nil), "no part without an id")
end)

test("report.c:pick reads the same from nianbao.positions(list) as from the list, holes and odd entries too", function()
  local R = assert(nianbao.read("examples/broken/val-blank.txt"))
  local n = #R.c:pick({ 1 }, "missing", "blank", "number", "text", "marker", "unknown")
  eq(1, n, "the first cell is in some state")
  local list = {}
  for i = 1, 300 do list[i] = i end
  list[7], list[8], list[9] = "x", 2.5, -3
  for _, states in ipairs { { "blank" }, { "number" }, { "missing", "marker" }, { "negative", "fraction" } } do
    local a = R.c:pick(list, table.unpack(states))
    local b = R.c:pick(nianbao.positions(list), table.unpack(states))
    eq(table.concat(a, ","), table.concat(b, ","), table.concat(states, "+"))
  end
  eq(0, #R.c:pick(nianbao.positions({}), "blank"), "an empty list")
  eq(false, pcall(R.c.pick, R.c, io.stdout, "blank"), "a userdata of another kind")
end)

test("nianbao.json.encode escapes each byte as json.lua does, wherever it stands in a long text", function()
  local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
                    ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
  local function want(s)
    return '"' .. s:gsub('[%c"\\]', function(c) return escapes[c] or string.format("\\u%04x", c:byte()) end) .. '"'
  end
  local wrong = {}
  for b = 0, 255 do
    for at = 1, 19 do
      local s = ("文"):rep(7):sub(1, at - 1) .. string.char(b) .. ("a"):rep(20 - at)
      local got = nianbao.json.encode(s)
      if got ~= want(s) then wrong[#wrong + 1] = b .. "@" .. at end
    end
  end
  eq("", table.concat(wrong, " "), "bytes written wrongly")
  eq('"a\\"b\\\\c\\u007fd\\u0001"', nianbao.json.encode('a"b\\c\127d\1'), "several in one text")
end)

test("text.holds: a word in a part's prose, its characters apart by a break, an indent or a footer, magic characters plain", function()
  local T = require("claims").for_format(nianbao.engine:pack("gb2021").format)
  local parts = { s1 = { text = "本年度主动公开信息X\n    X条，\n- 3 -\n填\n写说明。50%以上" }, s2 = { text = "" } }
  local report = { section = function(_, id) return parts[id] end }
  eq(true, T.holds(report, { "s1" }, { "XX" }), "split by a break and an indent")
  eq(true, T.holds(report, { "s1" }, { "填写" }), "split by a footer")
  eq(true, T.holds(report, { "s2", "s1" }, { "0%以" }), "a % read as itself")
  eq(false, T.holds(report, { "s1" }, { "**", "X.X", "描述" }), "* and . read as themselves, a word not there")
  eq(false, T.holds(report, { "s2", "s9" }, { "XX" }), "an empty part, a part not in the report")
  eq(false, T.holds(report, { "s1" }, { "公开X条" }), "a character between that a break does not explain")
end)

test("struct.s5_measures: a plan is a measure (计划开展…, 进一步规范…, 力争…); problems alone are not", function()
  local path = "tests/fixtures/prose22/q7-subunits.txt"
  local page = assert(nbio.readfile(path))
  local planned, n = page:gsub("加强答复文书审核", "进一步规范答复文书", 1)
  eq(1, n, "the part's one word of the old list to take out")
  local list = assert(nianbao.check(write("s5-planned-2021.txt", planned)))
  eq("", findings_of(list, "gb2021.struct.s5_measures"), "计划, 进一步, 力争")
  local bare = page:gsub("2022年计划开展培训4次，覆盖全县12个乡镇和30个部门，加强答复文书审核，力争依申请公开被纠错率保持为零。", "", 1)
  eq(true, bare ~= page, "the measures taken out")
  list = assert(nianbao.check(write("s5-bare-2021.txt", bare)))
  eq("nil", findings_of(list, "gb2021.struct.s5_measures"), "only problems: found")
end)
