-- Tests of the rules, the reader, the binder, the commands and the Lua API.
--   nianbao run tests/lua/run.lua PATH-TO-NIANBAO
-- Each test reads like a line of the spec; the last line is "N passed, N failed".

local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local compare = dofile("tests/lua/compare.lua")
local NB = arg[1] or "build/nianbao"
local CORPUS = "tests/corpus"      -- real reports, copied from the shared corpus with their expected values

local passed, failed = 0, 0
local function test(name, fn)
  local ok, err = xpcall(fn, debug.traceback)
  if ok then passed = passed + 1
  else
    failed = failed + 1
    io.stderr:write("FAIL ", name, "\n  ", tostring(err):gsub("\n", "\n  "), "\n")
  end
end
local function eq(want, got, what)
  if want ~= got then
    error(string.format("%s: want %s, got %s", what or "value", tostring(want), tostring(got)), 2)
  end
end
local function has(s, sub, what)
  if not tostring(s):find(sub, 1, true) then
    error(string.format("%s: %q not found in:\n%s", what or "text", sub, tostring(s)), 2)
  end
end
local function sh(cmd)   -- run a shell command → output, exit status
  local p = io.popen(cmd .. " 2>&1; echo \"<<$?>>\"")
  local out = p:read("a")
  p:close()
  local status = tonumber(out:match("<<(%d+)>>%s*$"))
  return out:gsub("<<%d+>>%s*$", ""), status
end
local tmp = os.tmpname()
os.remove(tmp)
os.execute("mkdir -p " .. tmp)
local function write(name, bytes)
  local path = tmp .. "/" .. name
  local f = assert(io.open(path, "wb"))
  f:write(bytes)
  f:close()
  return path
end
local JIUQU = assert(nbio.readfile("examples/jiuqu-2024.txt"))

--{=== the example and its broken variants ===

test("the example report is checked with no finding at all", function()
  local list = assert(nianbao.check("examples/jiuqu-2024.txt"))
  eq(0, #list, "findings")
end)

test("extract of jiuqu-2024.txt equals jiuqu-2024.expected.yaml cell for cell", function()
  local expected = assert(nianbao.yaml.decode(assert(nbio.readfile(CORPUS .. "/jiuqu-2024.expected.yaml"))))
  local got = assert(nianbao.extract(CORPUS .. "/jiuqu-2024.txt"))
  local ok, total, wrong = compare(expected, got)
  eq(200, total, "cells expected")
  eq(total, ok, "cells correct (" .. tostring(wrong[1]) .. ")")
end)

test("an extra 法人或其他组织小计 column does not shift the official cells", function()
  local expected = assert(nianbao.yaml.decode(assert(nbio.readfile(CORPUS .. "/jiuqu-2024.expected.yaml"))))
  local got = assert(nianbao.extract("examples/broken/t3-org-subtotal.txt"))
  local ok, total, wrong = compare(expected, got)
  eq(total, ok, "cells correct (" .. tostring(wrong[1]) .. ")")
  local R = assert(nianbao.read("examples/broken/t3-org-subtotal.txt"))
  eq(6, R:cell("t3.result.total.total").value, "total after the subtotal column")
  eq(1, R:cell("t3.result.total.org").value, "the printed subtotal")
end)

local fired = {}
local names = assert(nbio.listdir("examples/broken"))
table.sort(names)
for _, name in ipairs(names) do
  local stem = name:match("^(.-)%.txt$")
  if stem then
    test("examples/broken/" .. name .. " yields exactly the findings of its .expect.yaml", function()
      local spec = assert(nianbao.yaml.decode(assert(nbio.readfile("examples/broken/" .. stem .. ".expect.yaml"))))
      local got = assert(nianbao.check("examples/broken/" .. name))
      local want = spec.findings
      local function show(list)
        local out = {}
        for _, f in ipairs(list) do
          out[#out + 1] = string.format("%s %s:%s found=%s expected=%s", f.rule, tostring(f.line),
                                        tostring(f.col or f.column), tostring(f.found), tostring(f.expected))
        end
        return table.concat(out, "\n    ")
      end
      local unmatched = {}
      for _, g in ipairs(got) do unmatched[#unmatched + 1] = g end
      for _, w in ipairs(want) do
        local hit
        for i, g in ipairs(unmatched) do
          if g.rule == w.rule and g.line == w.line and (w.line == nil or g.col == w.column)
             and (w.found == nil or g.found == w.found)
             and (w.expected == nil or g.expected == w.expected)
             and (w.severity == nil or g.severity == w.severity) then
            hit = i
            break
          end
        end
        if not hit then
          error("missing: " .. show { w } .. "\n  got:\n    " .. show(got))
        end
        fired[w.rule] = true
        table.remove(unmatched, hit)
      end
      if #unmatched > 0 then error("unexpected:\n    " .. show(unmatched)) end
    end)
  end
end

test("with the year before (--previous), carry-over and stock are checked across years", function()
  local out = sh(NB .. " check --format json --previous examples/previous examples/jiuqu-2024.txt")
  has(out, '"rule":"gb2021.xy.carry","severity":"warning","message":"本年“上年结转”与上年度报告“结转下年度继续办理”不一致（自然人：1≠2）"')
  has(out, '"rule":"gb2021.xy.t2_stock","severity":"info"')
  -- more in force than last year's plus this year's
  local text = JIUQU:gsub("规章 |\n0 |\n0 |\n0 |", "规章 |\n0 |\n0 |\n5 |", 1)
  local out2 = sh(NB .. " check --format json --previous examples/previous " .. write("jiuqu-bound.txt", text))
  has(out2, '"rule":"gb2021.xy.t2_stock_bound"')
  has(out2, "规章现行有效件数5超过上年现行有效件数与本年制发件数之和0")
  local clean = sh(NB .. " check --format json --previous examples/previous examples/previous/jiuqu-2023.txt")
  eq(nil, clean:find('"rule":"gb2021.xy', 1, true), "no previous year for 2023: no cross-year finding")
  for _, id in ipairs { "gb2021.xy.carry", "gb2021.xy.t2_stock", "gb2021.xy.t2_stock_bound", "gb2021.xy.text_prev" } do fired[id] = true end
end)

test("narrative copied from another agency, or from the agency's year before, is found", function()
  os.execute("mkdir -p " .. tmp .. "/copies")
  write("copies/jiuqu-2023.txt", assert(nbio.readfile("examples/previous/jiuqu-2023.txt")))
  write("copies/jiuqu-2024.txt", JIUQU)
  write("copies/tanghe-2024.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  local out = sh(NB .. " check --format json " .. tmp .. "/copies")
  has(out, '"rule":"gb2021.xy.copy","severity":"warning","message":"与上年度报告文字高度雷同：与' .. tmp .. '/copies/jiuqu-2023.txt（2023年）相同的文字占99%')
  has(out, '"rule":"gb2021.qlt.copy_peer","severity":"warning","message":"与其他机关报告文字高度雷同：与' .. tmp .. '/copies/jiuqu-2024.txt（河东区九曲街道2024年）')
  fired["gb2021.xy.copy"], fired["gb2021.qlt.copy_peer"] = true, true
end)

test("a cell printing a value beside its revision, no sum telling which, is unknown and said so", function()
  -- (a converter's text of a revised page: tests/fixtures/revised31, its suite reads more)
  local out = sh(NB .. " check --format json tests/fixtures/revised31/r4-turndown-struck-class.md")
  has(out, '"rule":"gb2021.val.two_numbers","severity":"warning","message":"表三“（一）予以公开”行“自然人”列印有“1286 1288”')
  fired["gb2021.val.two_numbers"] = true
end)

test("a cell printing a value beside its revision, the sums proving one, takes it and says so", function()
  -- (w3m's text of a page's struck 28 beside 30: only 30 adds up the row and the column)
  local out = sh(NB .. " check --format json tests/fixtures/revised31/r5-w3m-struck.txt")
  has(out, '"rule":"gb2021.val.two_numbers_chosen","severity":"info","message":"表三“（一）予以公开”行“总计”列印有“28 30”，像是两个数（28与30），按勾稽关系只有30使各项合计成立，已采用30')
  local en = sh(NB .. " check --lang en tests/fixtures/revised31/r5-w3m-struck.txt")
  has(en, 'prints "28 30", which reads as two numbers (28 and 30); only 30 makes the identities hold, so the cell reads 30')
  -- (nothing printed twice: nothing said)
  eq(nil, sh(NB .. " check --format json tests/fixtures/revised31/r3-pandoc-markdown-tracked.md"):find("two_numbers_chosen", 1, true), "r3")
  fired["gb2021.val.two_numbers_chosen"] = true
end)

test("every rule of the national pack fires in some broken example", function()
  local missing = {}
  for _, r in ipairs(nianbao.rules) do
    if r.id:match("^gb2021%.") and not fired[r.id] then missing[#missing + 1] = r.id end
  end
  eq("", table.concat(missing, " "), "rules without a breaking example")
end)

--}===

--{=== text grammars on real sentences ===

-- Sentences from published reports, and what each rule's grammar reads in
-- them: {grammar, sentence, cells, value} (value nil: that grammar claims
-- nothing there). All of tests/sentences is read in tests/lua/suites/sentences.lua.
local sentences = {
  { "new", "2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件", "t3.new.total", 3119 },       -- 淮安
  { "done", "2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件", "t3.result.total.total", 3050 },
  { "carried", "（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）", "t3.carried.total", 34 },
  { "next", "（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）", "t3.next.total", 103 },
  { "new", "本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理", "t3.new.total", 70 },  -- 平潭 2021
  { "done", "本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理", "t3.result.total.total", 69 },
  { "next", "本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理", "t3.next.total", 1 },
  { "new", "2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件", "t3.new.total", 75, 2022 },  -- 平潭
  { "new", "2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件", "t3.new.np", 72, 2022 },
  { "new", "2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件", "t3.new.total", nil, 2024 },
  { "new", "今年,街道收到政府信息公开申请5条,与上年23条相比数量减少18条", "t3.new.total", 5 },     -- 九曲
  { "carried", "上年度结转政府信息公开办理数量1件。", "t3.carried.total", 1 },
  { "new", "本年度,共受理政府信息公开申请2件,都在法定期限内予以答复", "t3.new.total", 2 },       -- 长春
  { "new", "全年收到依申请公开申请二十三件", "t3.new.total", 23 },
  { "done", "办结率100%", "t3.result.total.total", nil },
  { "review", "政府信息公开行政复议 351件，其中结果维持 72 件", "t4.rv.total", 351 },            -- 淮安
  { "review", "政府信息公开行政复议 351件，其中结果维持 72 件", "t4.rv.upheld", 72 },
  { "suit", "政府信息公开行政诉讼 46 件，其中结果维持 25件", "t4.la.total + t4.ld.total", 46 },
  { "suit", "2022年，全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案",
    "t4.la.total + t4.ld.total", 1, 2022 },                                                          -- 平潭 2022
  { "review", "2022年，全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案", "t4.rv.total", 2, 2022 },
  { "review", "2022年，全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案", "t4.rv.pending", 0, 2022 },
  { "review", "全年办理行政复议案件共计45件，其中政府信息公开类3件", "t4.rv.total", nil },       -- as a review body
  { "next", "全年共收到申请154件，共办结148件，结转至2026年6件", "t3.next.total", 6, 2025 },
  { "next", "办结44件，无结转下年度办理的申请", "t3.next.total", nil },
  { "none", "办结44件，无结转下年度办理的申请", "t3.next.total", 0 },
  { "t2", "现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件", "t2.nrm.valid", 393 },
  { "t2", "现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件", "t2.nrm.made", nil },
  { "t2", "全年新增公开市政府规章 1 件、市政府及市政府办政策性文件 11 件", "t2.reg.made", 1 },
  { "t2", "全年新增公开市政府规章 1 件、市政府及市政府办政策性文件 11 件", "t2.nrm.made", nil },
  { "t2", "制定完善规章制度3件", "t2.reg.made", nil },
}
local lpeg = require "lpeg"

local function rule_by_id(id)
  return nianbao.engine:pack("gb2021").rule_by_id[id]
end
local text = rule_by_id("gb2021.txt.new").env.text

for _, case in ipairs(sentences) do
  local name, sentence, cells, want, year = case[1], case[2], case[3], case[4], case[5]
  test("the “" .. name .. "” grammar reads " .. cells .. " = " .. tostring(want) .. " in “" .. sentence .. "”", function()
    local got
    for _, c in ipairs(text.read(sentence, { year = year or 2024 })) do
      if c.grammar.name == name and c.kind == "is" and c.cells == cells then got = c.value end
    end
    eq(want, got, "the number read")
  end)
end

for _, case in ipairs {
  { "gb2021.fmt.cites_old", "根据《…通知》（国办公开办函〔2019〕60号）要求", true },     -- 易门
  { "gb2021.qlt.placeholder", "全年主动公开信息XX条", "XX条" },
  { "gb2021.qlt.placeholder", "制作政策解读21个", nil },
} do
  local id, sentence, want = case[1], case[2], case[3]
  test(id .. " reads “" .. sentence .. "”", function()
    local p = text.compile(assert(rule_by_id(id)).env.grammar)
    local caps = ((1 - p)^0 * lpeg.Ct(p)):match(sentence)
    if want == true then eq(true, caps ~= nil, "a match") return end
    eq(want, caps and caps[1], "what it reads")
  end)
end

test("txt.arith reads this year, last year and the change of one sentence", function()
  local got = {}
  for _, c in ipairs(text.read("收到政府信息公开申请5条,与上年23条相比数量减少18条", { year = 2024 })) do
    got[#got + 1] = c.kind .. " " .. c.cells .. " " .. tostring(c.value)
  end
  eq("is t3.new.total 5\nchange t3.new.total -18\nprev t3.new.total 23", table.concat(got, "\n"), "claims")
end)

test("Chinese numerals and thousands separators", function()
  eq(23, text.number("二十三"), "二十三")
  eq(105, text.number("一百零五"), "一百零五")
  eq(105, text.number("壹佰零伍"), "壹佰零伍")
  eq(2, text.number("两"), "两")
  eq(15, text.number("十五"), "十五")
  eq(1234, text.number("1,234"), "1,234")
  eq(12, text.number("１２"), "full-width")
  eq(20000, text.number("两万"), "两万")
  eq(412, text.number("4 1 2"), "spaced out by a PDF")
end)

test("on the dev corpus the only text findings are the real inconsistencies", function()
  local seen = {}
  for _, path in ipairs(nianbao.files(CORPUS)) do
    local list = nianbao.check(path)
    for _, f in ipairs(list or {}) do
      if f.rule:match("^gb2021%.txt%.") then
        seen[#seen + 1] = path:match("[^/]+$") .. " " .. f.rule .. " " .. f.found .. "≠" .. f.expected
      end
    end
  end
  table.sort(seen)
  eq(table.concat({
    "changchun-dept-2023.txt gb2021.txt.new 2≠3",          -- 受理2件, 表三本年新收3
    "pingtan-2022.html gb2021.txt.new 72≠71", "pingtan-2022.html gb2021.txt.new 75≠74",
    "pingtan-2022.txt gb2021.txt.new 72≠71", "pingtan-2022.txt gb2021.txt.new 75≠74",
  }, "\n"), table.concat(seen, "\n"), "text findings")
end)

--}===

--{=== readers ===

local EXPECTED = assert(nianbao.yaml.decode(assert(nbio.readfile(CORPUS .. "/jiuqu-2024.expected.yaml"))))

for _, name in ipairs(assert(nbio.listdir("tests/fixtures"))) do
  if nbio.stat("tests/fixtures/" .. name) ~= "file" then goto next end
  test("tests/fixtures/" .. name .. " (the example in another shape) reads cell for cell, with no finding", function()
    local got, why = nianbao.extract("tests/fixtures/" .. name)
    assert(got, why)
    local ok, total, wrong = compare(EXPECTED, got)
    eq(total, ok, "cells correct (" .. tostring(wrong[1]) .. ")")
    eq(2024, got.year, "year")
    eq(0, #assert(nianbao.check("tests/fixtures/" .. name)), "findings")
  end)
  ::next::
end

test("HTML: metadata in a table, menus and breadcrumbs around, GBK declared in <meta>", function()
  local got = assert(nianbao.extract("tests/fixtures/portal-gbk.html"))
  eq("2025-01-24", got.published, "发布日期 2025年01月24日")
  eq("hedongquhd0301/2025-0000009", got.index, "索引号")
  eq("河东区九曲街道", got.agency, "agency")
end)

test("HTML: every cell keeps its line, and its place in the expanded grid", function()
  local R = assert(nianbao.read("tests/fixtures/trs-fragment.html"))
  local c = R:cell("t3.result.public.np")
  eq("number", c.state, "state")
  eq(true, c.line > 1, "a line in the page")
  local src = assert(nbio.readfile("tests/fixtures/trs-fragment.html"))
  local line = 0
  for l in (src .. "\n"):gmatch("([^\n]*)\n") do
    line = line + 1
    if line == c.line then has(l, "<td", "the cell's line holds a cell") end
  end
end)

test("a crawled one-line page: glued digits are cut by the identities, the rest kept unknown", function()
  local got = assert(nianbao.extract("examples/broken/val-glued.txt"))
  local ok, total, wrong = compare(EXPECTED, got)
  eq(total - 3, ok, "all but the three undecidable cells (" .. tostring(wrong[1]) .. ")")
  eq(nil, got.t2.nrm, "行政规范性文件 12345 is not guessed")
  eq(5, got.t3.new.np, "table 3 cut")
end)

test("the glued-digit search finds the spec's cuts", function()
  local glued = require "glued"
  -- the row identities as the tables' rules state them, for this test alone
  function glued.sum_is_last(parts)
    local s = 0
    for i = 1, #parts - 1 do s = s + math.tointeger(tonumber(parts[i])) end
    return s == math.tointeger(tonumber(parts[#parts]))
  end
  function glued.sums_by(size)
    return function(parts)
      for g = 0, #parts // size - 1 do
        local slice = {}
        for i = 1, size do slice[i] = parts[g * size + i] end
        if not glued.sum_is_last(slice) then return false end
      end
      return true
    end
  end
  function glued.any() return true end
  local c = glued.splits({ "640020470" }, 7, glued.sum_is_last)
  eq(1, #c, "640020470 has one cut")
  eq("64,0,0,2,0,4,70", table.concat(c[1], ","), "the cut")
  eq(2, #glued.splits({ "270020130" }, 7, glued.sum_is_last), "270020130 has two")
  c = glued.splits({ "213170000010001" }, 15, glued.sums_by(5))
  eq("2,1,3,1,7,0,0,0,0,0,1,0,0,0,1", table.concat(c[1], ","), "table 4")
  c = glued.splits({ "500000", "5" }, 7, glued.sum_is_last)
  eq("5,0,0,0,0,0,5", table.concat(c[1], ","), "a space the page kept is a boundary")
  eq(0, #glued.splits({ "05" }, 1, glued.any), "no leading zeros")
  eq(1, #glued.splits({ "05" }, 2, glued.any), "0 then 5")
  c = glued.splits({ "39573802895.90" }, 2, function(p) return p[1] == "395" end)
  eq("395,73802895.90", table.concat(c[1], ","), "a decimal is cut only before its point")
  local _, complete = glued.splits({ string.rep("1", 60) }, 15, glued.sums_by(5))
  eq(false, complete, "a hostile run stops at the step budget")
end)

test("the flat-text tokenizer keeps enumerators with their labels", function()
  local tables = require "tables"
  local out = {}
  for _, t in ipairs(tables.tokenize("规章 000行政规范性文件693665（三）不予公开1.属于国家秘密00000002.其他法律03、其他1", { line = 1, col = 1 },
                                  nianbao.engine:pack("gb2021").format.enumerator_marks)) do
    out[#out + 1] = t.text .. (t.glued and "*" or "")
  end
  eq("规章|000*|行政规范性文件|693665*|（三）不予公开1.属于国家秘密|0000000*|2.其他法律|0*|3、其他|1*",
     table.concat(out, "|"), "tokens")
end)

test("a label folds full width to ASCII, drops spaces and commas, simplifies, cuts a trailing colon", function()
  local labels = require "labels"
  local L = labels.new({ traditional = "開开關关", punctuation = { ["，"] = ",", ["："] = ":" }, drop = { "·" } }, "一二")
  eq("(一)开关情况", L.fold("（一） 開 關·情况："), "folded")
  eq("ABC12", L.fold("ＡＢＣ，1,2"), "full width and commas")
  eq("ab", L.fold("a\"b"), "a quote is dropped")
  eq("情况.x", L.fold("情况.x.:"), "only the trailing marks are cut")
  eq("\xff情况 ", L.fold("\xff情况 "), "a text that is not UTF-8 is left as it is")
  eq("", L.fold("，, 　"), "nothing left")
end)

test("a line tokenized again keeps its own place, in tables of its own", function()
  local tables = require "tables"
  local marks = nianbao.engine:pack("gb2021").format.enumerator_marks
  local line = "政府信息 12  3 已公开1.其他7"
  local a = tables.tokenize(line, { line = 4, col = 1, offset = 0 }, marks)
  a[2].unit = "件"                     -- a binder adds to a token
  local b = tables.tokenize(line, { line = 9, col = 6, offset = 100 }, marks)
  eq(#a, #b, "same tokens")
  eq(nil, b[2].unit, "a token added to earlier is not handed out again")
  for i = 1, #a do
    eq(a[i].text, b[i].text, "text " .. i)
    eq(a[i].col + 5, b[i].col, "column " .. i)
    eq(a[i].offset + 100, b[i].offset, "offset " .. i)
    eq(9, b[i].line, "line " .. i)
  end
  eq("12", a[2].text, "a number")
  eq(6, a[2].col, "its column counts characters, not bytes")
  eq(13, a[2].offset, "its offset counts bytes")
end)

test("a GB18030/GBK text file and a UTF-16 one read like the UTF-8 original", function()
  for _, enc in ipairs { "GBK", "UTF-16" } do
    local path = tmp .. "/example-" .. enc .. ".txt"
    local _, st = sh("iconv -f UTF-8 -t " .. enc .. " examples/jiuqu-2024.txt > " .. path)
    eq(0, st, "iconv " .. enc)
    local got = assert(nianbao.extract(path))
    local ok, total = compare(EXPECTED, got)
    eq(total, ok, enc .. " cells")
  end
end)

test("--reader forces a reader; an unknown one is a clear error", function()
  local out, st = sh(NB .. " check --reader html examples/jiuqu-2024.txt")
  eq(true, st == 1 or st == 0 or st == 2, "runs")
  local out2, st2 = sh(NB .. " check --reader nosuch examples/jiuqu-2024.txt")
  eq(2, st2, "exit")
  has(out2, "未知的读取器“nosuch”")
  local _ = out
end)

test("a PDF is read through its text layer", function()
  local got, why = nianbao.extract(CORPUS .. "/huaian-2024.pdf")
  assert(got, why)
  eq(3119, got.t3.new.total, "本年新收 总计")
  eq("96171.6", got.t2.fee.amount, "收费金额 万元")
end)

test("labels in traditional characters and full-width forms bind like the simplified ones", function()
  local text = JIUQU
  for simp, trad in pairs { ["总计"] = "總計", ["规章"] = "規章", ["行政规范性文件"] = "行政規範性文件",
                            ["商业 企业"] = "商業企業", ["科研 机构"] = "科研機構",
                            ["社会公 益组织"] = "社會公益組織", ["法律服 务机构"] = "法律服務機構",
                            ["( 一 )予以公开"] = "（一）予以公開", ["二、上年结转"] = "二、上年結轉",
                            ["(七)总计"] = "（七）總計" } do
    text = text:gsub(simp:gsub("%p", "%%%0"), trad)
  end
  local got = assert(nianbao.extract(write("traditional.txt", text)))
  local ok, total, wrong = compare(EXPECTED, got)
  eq(total, ok, "cells correct (" .. tostring(wrong[1]) .. ")")
end)

test("the 2020 report is bound with the 2019 grid and its table 3 contradiction reported", function()
  local list, R = assert(nianbao.check(CORPUS .. "/pingtan-2020.txt"))
  eq("gb2019", R.format, "format")
  local seen
  for _, f in ipairs(list) do
    if f.rule == "gb2021.t3.result_total" and f.message:find("“总计”列为21，但（一）至（六）各项办理结果之和为27", 1, true) then
      seen = true
    end
    eq(false, f.rule == "gb2021.fmt.old_2019", "the 2019 format is right for 2020")
  end
  eq(true, seen, "21 ≠ 27 reported")
end)

test("a 2021-or-later report in the 2019 format is an error", function()
  local text = JIUQU:gsub("本年制发件数", "本年新制作数量", 1)
  local list = assert(nianbao.check(write("old-format.txt", text)))
  local seen
  for _, f in ipairs(list) do seen = seen or f.rule == "gb2021.fmt.old_2019" end
  eq(true, seen, "fmt.old_2019")
end)

test("the pre-2019 report is legacy: no table invented", function()
  local list, R = assert(nianbao.check(CORPUS .. "/pingtan-2018.txt"))
  eq("legacy", R.format, "format")
  for cell in R:cells() do eq("missing", cell.state, cell.id) end
  eq("gb2021.fmt.legacy_old", list[1] and list[1].rule, "reported: a 2018 report in the structure of its time")
  eq(1, #list, "nothing else is said of it")
end)

test("report:cells_in(state) gives the cells of report:cells() in that state, in their order, whole", function()
  local _, R = assert(nianbao.check(CORPUS .. "/pingtan-2021.txt"))
  local counted = 0
  for _, state in ipairs({ "number", "blank", "marker", "text", "unknown", "missing" }) do
    local want, got = {}, {}
    for cell in R:cells() do if cell.state == state then want[#want + 1] = cell.id end end
    for cell in R:cells_in(state) do
      got[#got + 1] = cell.id
      eq(R:cell(cell.id).row_label, cell.row_label, cell.id .. " labels")
    end
    eq(table.concat(want, " "), table.concat(got, " "), state)
    counted = counted + #got
  end
  local all = 0
  for _ in R:cells() do all = all + 1 end
  eq(all, counted, "every cell in one state")
end)

test("report:cells_in(what...) gives the printed cells that are any of several states, in order", function()
  local _, R = assert(nianbao.check(CORPUS .. "/pingtan-2021.txt"))
  local want = {}
  for cell in R:cells() do
    if cell.state == "blank" or cell.state == "marker" then want[#want + 1] = cell.id end
  end
  local got = {}
  for cell in R:cells_in("marker", "blank") do got[#got + 1] = cell.id end
  eq(table.concat(want, " "), table.concat(got, " "), "blank or marker")
  eq(table.concat(want, " "), table.concat(R:ids_in("blank", "marker"), " "), "ids_in: the same ids")
  eq(0, #R:ids_in("nothing", 7, {}), "names it does not know ask for nothing")
  eq(0, #R:ids_in(), "asked nothing: nothing")
end)

test("report:ids_in(\"negative\", \"fraction\") gives the numbers below zero or not whole", function()
  local _, R = assert(nianbao.check("examples/broken/val-nonneg-int.txt"))
  local want = {}
  for cell in R:cells_in("number") do
    if nianbao.compare(cell.value, 0) < 0 or not nianbao.is_integral(cell.value) then want[#want + 1] = cell.id end
  end
  eq(2, #want, "the file has one negative count and one fraction")
  eq(table.concat(want, " "), table.concat(R:ids_in("negative", "fraction"), " "), "both")
  eq(want[1], R:ids_in("negative")[1], "negative: -1")
  eq(1, #R:ids_in("negative"), "one negative")
  eq(want[2], R:ids_in("fraction")[1], "fraction: 2.5")
end)

test("a rule's ids_in list is its own: changing it changes nothing of the report", function()
  local _, R = assert(nianbao.check(CORPUS .. "/pingtan-2021.txt"))
  local ro = require("view").readonly(R)
  local ids = ro:ids_in("number")
  local n, first = #ids, ids[1]
  ids[1] = "t3.bogus"; ids[#ids + 1] = "t3.more"
  eq(n, #ro:ids_in("number"), "same count")
  eq(first, ro:ids_in("number")[1], "same first id")
  eq("number", ro:cell(first).state, "the cell unchanged")
end)

test("cells:pick(at, what...) gives the positions in `at` of the cells asked for, and skips what is no index", function()
  local s = nianbao.schema()
  s:add("t.a"); s:add("t.b", "money"); s:add("t.c"); s:add("t.d")
  local r = nianbao.report(s)
  r:set("t.a", "number", -3)
  r:set("t.b", "number", "1.5")
  r:set("t.c", "blank")
  r:set("t.d", "number", "2.00")
  local at = { s:find("t.d"), s:find("t.c"), s:find("t.b"), s:find("t.a") }
  eq("3 4", table.concat(r:pick(at, "negative", "fraction"), " "), "t.b, t.a: in the list's order")
  eq("1 3 4", table.concat(r:pick(at, "number"), " "), "numbers")
  eq("2", table.concat(r:pick(at, "blank", "bogus"), " "), "blank")
  eq("6", table.concat(r:pick({ 0, -1, 99, "x", 1.5, s:find("t.a") }, "number"), " "),
     "out of range, not an integer: skipped")
  eq(0, #r:pick({}, "number"), "an empty list")
  eq(false, pcall(r.pick, r, "t.a"), "the list is a table")
end)

local PARTIAL = CORPUS .. "/partial"
for _, name in ipairs(assert(nbio.listdir(PARTIAL))) do
  test("partial/" .. name .. ": checked without a crash, and every value read is in the file where it says", function()
    local path = PARTIAL .. "/" .. name
    local list, R, failures = nianbao.check(path)
    assert(list, R)
    eq(0, #failures, "no rule failed: " .. tostring(failures[1] and failures[1].message))
    local lines = {}
    for l in (assert(nbio.readfile(path)) .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = l end
    local n = 0
    for cell in R:cells() do
      if cell.state ~= "missing" and cell.state ~= "unknown" then
        n = n + 1
        assert(cell.line, cell.id .. " has no place")
        has(lines[cell.line], cell.text, cell.id .. " printed on line " .. cell.line)
      end
    end
    eq(true, n > 0, "some cells read")
    for _, f in ipairs(list) do eq(false, f.rule == "nianbao.internal", f.message) end
  end)
end

--}===

--{=== authoring and writers ===

-- the cells of a canonical report, flat: id → value
local function flat_cells(doc)
  local out = {}
  local function walk(node, path)
    for k, v in pairs(node) do
      local p = path == "" and k or (path .. "." .. k)
      if type(v) == "table" and v ~= nianbao.null then walk(v, p) else out[p] = v end
    end
  end
  for _, tid in ipairs { "t2", "t3", "t4" } do
    if type(doc[tid]) == "table" then walk(doc[tid], tid) end
  end
  return out
end

local authoring = require "authoring"
local derived = { total = true }

-- every whole report of the corpus in the current format (the 2019 one has its own grid)
local roundtrip = { "examples/jiuqu-2024.txt" }
for _, name in ipairs(assert(nbio.listdir(CORPUS))) do
  local stem = name:match("^(.-)%.") or name
  if not name:find("expected") and nbio.stat(CORPUS .. "/" .. stem .. ".expected.yaml") == "file"
     and stem ~= "pingtan-2020" then
    roundtrip[#roundtrip + 1] = CORPUS .. "/" .. name
  end
end
table.sort(roundtrip)
for _, src in ipairs(roundtrip) do
  test("new → fill in → fill → render html and markdown → extract: the same report (" .. src:match("[^/]+$") .. ")", function()
    local want = assert(nianbao.extract(src))
    local template = sh(NB .. " new --year " .. want.year .. " --agency '" .. (want.agency or "某机关") .. "'")
    -- the author fills every part, and leaves every total to fill
    local values = {}
    for id, v in pairs(flat_cells(want)) do
      if not derived[id:match("([%w_]+)$")] and v ~= nianbao.null then values[id] = v end
    end
    local yaml = assert(authoring.put(template, values))
    -- and writes the parts of the report in place of the template's words
    for sid, body in pairs(want.sections or {}) do
      if type(body) == "string" and body ~= "" then
        local indented = "    " .. body:gsub("%s+$", ""):gsub("\n", "\n    ")
        yaml = yaml:gsub("(\n  " .. sid .. ": |%-[^\n]*\n)    （[^\n]*）", function(head)
          return head .. indented
        end)
      end
    end
    local path = write("author.yaml", yaml)
    local _, st = sh(NB .. " fill --in-place " .. path)
    eq(true, st == 0 or st == 1, "fill ran")
    local filled = assert(nianbao.extract(path))
    -- every total that the source printed consistently comes back
    local a, b = flat_cells(want), flat_cells(filled)
    for id, v in pairs(a) do
      if v ~= nianbao.null and (not derived[id:match("([%w_]+)$")] or b[id] == v) then
        eq(tostring(v), tostring(b[id]), "filled " .. id)
      end
    end
    -- a report with errors (the source's own) is refused, and rendered as a draft
    local _, cst = sh(NB .. " check --quiet " .. path)
    for _, fmt in ipairs { "html", "markdown" } do
      local out = tmp .. "/published." .. (fmt == "html" and "html" or "md")
      local _, rst = sh(NB .. " render " .. path .. " --format " .. fmt .. " -o " .. out)
      eq(cst == 0 and 0 or 1, rst, "render " .. fmt)
      if cst ~= 0 then
        eq(nil, nbio.stat(out), "nothing published")
        local _, dst = sh(NB .. " render --draft " .. path .. " --format " .. fmt .. " -o " .. out)
        eq(0, dst, "render --draft " .. fmt)
      end
      local back = assert(nianbao.extract(out))
      local c = flat_cells(back)
      for id, v in pairs(b) do
        if v ~= nianbao.null then eq(tostring(v), tostring(c[id]), fmt .. " " .. id) end
      end
      eq(filled.year, back.year, fmt .. " year")
      eq(filled.agency, back.agency, fmt .. " agency")
    end
  end)
end

test("fill keeps the author's comments and order, and never overwrites a total", function()
  local template = sh(NB .. " new --year 2025 --agency 某局")
  local yaml = authoring.put(template, { ["t4.rv.upheld"] = 1, ["t4.rv.corrected"] = 2, ["t4.rv.other"] = 0,
                                         ["t4.rv.pending"] = 0, ["t4.ld.upheld"] = 1, ["t4.ld.corrected"] = 0,
                                         ["t4.ld.other"] = 0, ["t4.ld.pending"] = 0, ["t4.ld.total"] = 5 })
  local path = write("keep.yaml", yaml)
  local out, st = sh(NB .. " fill " .. path .. " -o " .. tmp .. "/kept.yaml")
  eq(1, st, "a total that disagrees makes the exit 1")
  has(out, "t4.ld.total 填写为5，但各项之和为1（保留原值）")
  local kept = assert(nbio.readfile(tmp .. "/kept.yaml"))
  has(kept, "rv:  {upheld: 1, corrected: 2, other: 0, pending: 0, total: 3} # 行政复议")
  has(kept, "ld:  {upheld: 1, corrected: 0, other: 0, pending: 0, total: 5}")
  has(kept, "# 每个单元格填数字")
  eq(yaml, assert(nbio.readfile(path)), "the input is not modified without --in-place")
end)

test("new asks for what it needs", function()
  local out, st = sh(NB .. " new --agency 某局")
  eq(2, st, "exit")
  has(out, "new 需要 --year 年度 和 --agency 机关名称")
end)

-- Golden files: what each writer prints for the same report and findings.
-- Run with UPDATE_GOLDEN=1 to write them anew after an intended change.
local golden = {
  { "text.txt", "check --format text examples/broken/t3-balance.txt" },
  { "check.json", "check --format json examples/broken/t3-balance.txt" },
  { "check.csv", "check --format csv examples/jiuqu-2024.txt examples/broken/t3-balance.txt" },
  { "check.sarif", "check --format sarif examples/broken/t3-balance.txt" },
  { "check.md", "check --format markdown examples/broken/t3-balance.txt" },
  { "review.html", "check --format html examples/broken/t3-balance.txt" },
  { "wechat.txt", "check --format examples/formats/wechat.lua examples/broken/t3-balance.txt" },
  { "extract.yaml", "extract examples/jiuqu-2024.txt" },
  { "extract.json", "extract --format json examples/jiuqu-2024.txt" },
  { "render.html", "render examples/jiuqu-2024.txt --format html" },
  { "render.md", "render examples/jiuqu-2024.txt --format markdown" },
  { "new.yaml", "new --year 2025 --agency 某市统计局 --kind dept" },
}
-- a rule's helpUri names its file in the home (here, the repository)
local home_uri = "file://" .. (sh("pwd"):gsub("%s+$", ""))
for _, g in ipairs(golden) do
  test("writer output matches tests/golden/" .. g[1], function()
    local out = sh(NB .. " " .. g[2] .. " 2>/dev/null")
    out = out:gsub(home_uri:gsub("%p", "%%%0"), "file://NIANBAO_HOME")
    local path = "tests/golden/" .. g[1]
    if os.getenv("UPDATE_GOLDEN") then
      local f = assert(io.open(path, "wb"))
      f:write(out)
      f:close()
    end
    eq(assert(nbio.readfile(path)), out, g[1])
  end)
end

--}===

--{=== bad input ===

local function check_one(path, ...)
  return sh(table.concat({ NB, "check", ... }, " ") .. " " .. path)
end

test("an empty file is unreadable: one clear line, exit 2", function()
  local out, st = check_one(write("empty.txt", ""))
  eq(2, st, "exit")
  has(out, "empty.txt: 错误：文件为空 [nianbao.unreadable]")
end)

test("a binary file is unreadable, exit 2", function()
  local out, st = check_one(write("binary.txt", "\0\1\2PK\3\4" .. string.rep("\255", 40)))
  eq(2, st, "exit")
  has(out, "不是文本文件")
end)

test("a file that is not UTF-8 names the line of the first bad byte", function()
  local out, st = check_one(write("latin1.txt", "第一行\n" .. "caf\233\n"))
  eq(2, st, "exit")
  has(out, "第2行含有既非UTF-8也非GB18030/GBK的字节")
end)

test("a text that is not a report is unreadable, exit 2", function()
  local out, st = check_one(write("recipe.txt", "红烧肉做法\n五花肉 | 500克 |\n冰糖 | 30克 |\n"))
  eq(2, st, "exit")
  has(out, "不是政府信息公开工作年度报告")
end)

test("a missing file is reported with the system's reason in the user's language, exit 2", function()
  local out, st = check_one(tmp .. "/no-such-report.txt")
  eq(2, st, "exit")
  has(out, "no-such-report.txt: 错误：无法读取文件：文件或文件夹不存在，请检查路径和文件名")
  eq(nil, out:find("No such file", 1, true), "the system's English words are put in the user's language")
  local en = check_one(tmp .. "/no-such-report.txt", "--lang en")
  has(en, "no-such-report.txt: error: cannot read the file: No such file or directory")
end)

test("a truncated report gets findings for what is missing, and no invented number", function()
  local cut = JIUQU:sub(1, JIUQU:find("(四)无法提供", 1, true) - 1)
  local path = write("truncated.txt", cut)
  local list = assert(nianbao.check(path))
  local rules, cut = {}, nil
  for _, f in ipairs(list) do
    rules[f.rule] = (rules[f.rule] or 0) + 1
    if f.rule == "gb2021.struct.row_missing" then cut = f end
  end
  eq(3, rules["gb2021.struct.section_missing"], "parts 4–6 missing")
  eq(1, rules["gb2021.struct.table_missing"], "table 4 missing")
  eq(1, rules["gb2021.struct.row_missing"], "the cut rows make one finding")
  has(cut.message, "表三缺少“（四）无法提供1.本机关不掌握相关政府信息”行至“四、结转下年度继续办理”行共13行")
  eq(13 * 7, #cut.cells, "cells of the cut rows")
  local got = assert(nianbao.extract(path))
  eq(nil, got.t3.result.unable, "no value for the rows that were cut")
  eq(nil, got.t3.next, "no value for 结转下年度")
  eq(6, got.t3.result.public.np, "what was read is kept")
end)

test("a batch goes on past a broken file and the exit status says the worst", function()
  local bad = write("bad.txt", "")
  local out, st = sh(NB .. " check --format json examples/jiuqu-2024.txt " .. bad ..
                     " examples/broken/t3-balance.txt")
  eq(2, st, "exit")
  local lines = {}
  for l in out:gmatch("[^\n]+") do lines[#lines + 1] = l end
  eq(3, #lines, "one JSON line per file")
  has(lines[1], '"status":"checked"')
  has(lines[2], '"status":"unreadable"')
  has(lines[3], '"rule":"gb2021.t3.balance"')
end)

do
  local expect = assert(nianbao.yaml.decode(assert(nbio.readfile("tests/hostile/expect.yaml"))))
  local names = {}
  for name in pairs(expect) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do
    local want = expect[name]
    test("hostile input " .. name .. ": " .. want.status .. (want.message and (", “" .. want.message .. "”") or ""), function()
      local out, st = sh(NB .. " check --format json tests/hostile/" .. name)
      eq(true, st == 0 or st == 1 or st == 2, "exit status (not a crash): " .. tostring(st))
      has(out, '"status":"' .. want.status .. '"')
      if want.message then has(out, want.message) end
    end)
  end
end

test("a 10 MB line and a 100,000-row text are read in one pass", function()
  local long = write("long-line.txt", JIUQU .. "\n" .. string.rep("政务公开", 850000) .. "\n")
  local out, st = sh(NB .. " check --format json " .. long)
  eq(true, st <= 1, "exit " .. tostring(st))
  has(out, '"status":"checked"')
  local rows = write("many-rows.txt", JIUQU .. string.rep("规章 |\n0 |\n", 100000))
  local out2 = sh(NB .. " check --format json " .. rows)
  has(out2, '"status":"checked"')
end)

test("-o writes through a temporary file and leaves nothing half-written", function()
  local target = tmp .. "/out.yaml"
  local _, st = sh(NB .. " extract examples/jiuqu-2024.txt -o " .. target)
  eq(0, st, "exit")
  has(assert(nbio.readfile(target)), "format: gb2021")
  eq(nil, io.open(target .. ".nianbao-tmp"), "no temporary file left")
  local _, st2 = sh(NB .. " check --format ./no/such/writer.lua examples/jiuqu-2024.txt -o " .. tmp .. "/never.txt")
  eq(2, st2, "a failing run")
  eq(nil, io.open(tmp .. "/never.txt"), "no output file from a failed run")
end)

test("inputs are never modified", function()
  local before = assert(nbio.readfile("examples/broken/t3-balance.txt"))
  sh(NB .. " check examples/broken/t3-balance.txt")
  eq(before, assert(nbio.readfile("examples/broken/t3-balance.txt")), "file contents")
end)

--}===

--{=== commands ===

test("check prints compiler-style lines and exits 1 on errors", function()
  local out, st = sh(NB .. " check examples/broken/t4-rv-total.txt")
  eq(1, st, "exit")
  has(out, "examples/broken/t4-rv-total.txt:331:1: 错误：表四“行政复议”的“总计”为2，但结果维持、结果纠正、其他结果、尚未审结之和为0，相差2 [gb2021.t4.rv_total]")
  has(out, "1 个文件：1 个错误，0 个警告，0 条提示")
end)

test("check exits 0 when there are warnings but no errors", function()
  local _, st = sh(NB .. " check examples/broken/val-marker.txt")
  eq(0, st, "exit")
end)

test("--lang en gives English messages", function()
  local out = sh(NB .. " check --lang en examples/broken/t3-balance.txt")
  has(out, "new plus carried over (6) does not equal results plus carried to next year (7)")
  has(out, "1 file(s): 2 error(s), 0 warning(s), 0 info")
end)

test("--format json follows report-schema §2", function()
  local out, st = sh(NB .. " check --format json examples/broken/t3-balance.txt")
  eq(1, st, "exit")
  has(out, '{"file":"examples/broken/t3-balance.txt","format":"gb2021","agency":"河东区九曲街道","year":2024,"status":"checked","previous":{"year":2023,"from":"none"},"findings":[{"rule":"gb2021.t3.balance","severity":"error"')
  has(out, '"cells":["t3.new.np","t3.carried.np","t3.result.total.np","t3.next.np"],"expected":"7","found":"6","line":76,"column":1}')
  has(out, '"summary":{"error":2,"warning":0,"info":0}}')
end)

test("extract --format json prints the canonical report", function()
  local out, st = sh(NB .. " extract --format json examples/jiuqu-2024.txt")
  eq(0, st, "exit")
  has(out, '"t4":{"rv":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0}')
  has(out, '"published":"2025-01-24"')
end)

test("extract yaml reads back through libyaml to the same cells", function()
  local out = sh(NB .. " extract examples/jiuqu-2024.txt")
  local back = assert(nianbao.yaml.decode(out))
  local ok, total = compare(back, assert(nianbao.extract("examples/jiuqu-2024.txt")))
  eq(total, ok, "cells")
  eq(2024, back.year, "year")
end)

test("rules lists every rule with its severity and message", function()
  local out, st = sh(NB .. " rules")
  eq(0, st, "exit")
  for _, id in ipairs { "gb2021.t3.balance", "gb2021.t3.result_total", "gb2021.t3.row_total",
                        "gb2021.t4.rv_total", "gb2021.t4.ld_total", "gb2021.t4.la_total",
                        "gb2021.val.blank", "gb2021.val.marker", "gb2021.val.not_number",
                        "gb2021.val.nonneg_int", "gb2021.struct.section_missing",
                        "gb2021.struct.section_order", "gb2021.struct.table_missing",
                        "gb2021.struct.row_missing", "gb2021.fmt.old_2019", "gb2021.fmt.legacy",
                        "gb2021.date.year_mismatch", "gb2021.date.too_early",
                        "gb2021.date.late_dept", "gb2021.date.late_gov" } do
    has(out, id)
  end
  has(out, "gb2021.t3.balance                  error    表三“{c}”列")
end)

test("usage errors exit 2 with a message", function()
  local out, st = sh(NB .. " check --no-such-flag x")
  eq(2, st, "exit")
  has(out, "未知选项 --no-such-flag")
  has(out, "用法：nianbao check")
  local _, st2 = sh(NB .. " frobnicate")
  eq(2, st2, "exit for an unknown command")
  local out3, st3 = sh(NB .. " --version")
  eq(0, st3, "exit for --version")
  has(out3, "nianbao ")
end)

--}===

--{=== local policy ===

test("a config file turns rules off, changes severities and sets parameters", function()
  local out = sh(NB .. " check --config examples/nianbao.yaml examples/broken/val-blank.txt " ..
                 "examples/broken/date-written-after.txt examples/broken/date-late-dept.txt")
  has(out, "val-blank.txt:86:1: 错误：")                    -- warning made an error
  has(out, "配置：examples/nianbao.yaml；规则包：gb2021、gb2019、local (examples/rules)")
  eq(nil, out:find("gb2021.date.written_after", 1, true), "rule switched off")
  eq(nil, out:find("gb2021.date.late_dept", 1, true), "townships have until 02-20 here")
  has(out, "[local.s1_length]")                               -- the local pack is loaded
end)

test("--rules DIR adds a local pack next to gb2021", function()
  local out = sh(NB .. " rules --rules examples/rules")
  has(out, "local.s1_length")
  has(out, "local.contact")
  has(out, "gb2021.t3.balance")
end)

test("a rule file with a missing field is refused with the file and the field named", function()
  os.execute("mkdir -p " .. tmp .. "/badpack")
  write("badpack/oops.lua", 'id = "badpack.oops"\nmessage = { zh = "x" }\nfunction check() end\n')
  local out, st = sh(NB .. " rules --rules " .. tmp .. "/badpack")
  eq(2, st, "exit")
  has(out, "badpack/oops.lua: field 'severity' must be error, warning or info")
end)

test("a rule file with a syntax error is refused with its line", function()
  os.execute("rm -rf " .. tmp .. "/badpack2 && mkdir -p " .. tmp .. "/badpack2")
  write("badpack2/broken.lua", 'id = "badpack2.broken"\n\nseverity = = "error"\n')
  local out, st = sh(NB .. " rules --rules " .. tmp .. "/badpack2")
  eq(2, st, "exit")
  has(out, "badpack2/broken.lua:3:")
end)

test("an identity that names no cell is refused when the pack loads", function()
  os.execute("rm -rf " .. tmp .. "/badpack3 && mkdir -p " .. tmp .. "/badpack3")
  write("badpack3/typo.lua", 'id = "badpack3.typo"\nseverity = "error"\nmessage = { zh = "x" }\n' ..
        'identity = "t3.new.total = t3.carryed.total"\n')
  local out, st = sh(NB .. " rules --rules " .. tmp .. "/badpack3")
  eq(2, st, "exit")
  has(out, 'typo.lua: identity: identity names no cell "t3.carryed.total"')
end)

test("a rule that fails at run time is the checker's failure: apart, at its own line, exit 3", function()
  os.execute("rm -rf " .. tmp .. "/badpack4 && mkdir -p " .. tmp .. "/badpack4")
  write("badpack4/boom.lua", 'id = "badpack4.boom"\nseverity = "error"\nmessage = { zh = "x" }\n' ..
        'function check(report, emit)\n  local t = nil\n  return t.x\nend\n')
  local out, st = sh(NB .. " check --rules " .. tmp .. "/badpack4 examples/broken/t3-balance.txt")
  eq(3, st, "exit: the checker's own problem")
  -- placed at the line of the rule file, not of the report or the engine
  has(out, tmp .. "/badpack4/boom.lua:6: 内部错误：规则“badpack4.boom”执行出错：attempt to index a nil value")
  has(out, "（检查 examples/broken/t3-balance.txt 时） [nianbao.internal]")
  eq(nil, out:find("scripts/", 1, true), "no line of the engine")
  -- counted apart: the report's two errors stay two
  has(out, "1 个文件：2 个错误，0 个警告，0 条提示，1 个规则执行出错（检查工具自身的问题，不算报告的错误）")
  has(out, "[gb2021.t3.balance]")
  local json = sh(NB .. " check --format json --rules " .. tmp .. "/badpack4 examples/broken/t3-balance.txt")
  has(json, '"internal":[{"rule":"nianbao.internal","message":"规则“badpack4.boom”执行出错：attempt to index a nil value (local \'t\')","file":"' .. tmp .. '/badpack4/boom.lua","line":6}]')
  has(json, '"summary":{"error":2,"warning":0,"info":0,"internal":1}')
  eq(nil, json:find('"findings":%[[^%]]*nianbao%.internal'), "not among the report's findings")
  -- a writer that counts severities (a custom one) does not see it
  local wechat = sh(NB .. " check --format examples/formats/wechat.lua --rules " .. tmp ..
                    "/badpack4 examples/broken/t3-balance.txt")
  has(wechat, "错误2处")
end)

test("a rule that loops or emits a bad place is placed in its own file too", function()
  os.execute("rm -rf " .. tmp .. "/badpack6 && mkdir -p " .. tmp .. "/badpack6")
  write("badpack6/emit.lua", 'id = "badpack6.emit"\nseverity = "error"\nmessage = { zh = "x" }\n' ..
        'function check(report, emit)\n  emit { line = "x" }\nend\n')
  write("badpack6/spin.lua", 'id = "badpack6.spin"\nseverity = "error"\nmessage = { zh = "x" }\n' ..
        'function check(report, emit)\n  local n = 0\n  while true do n = n + 1 end\nend\n')
  local out, st = sh(NB .. " check --instructions 100000 --rules " .. tmp .. "/badpack6 examples/jiuqu-2024.txt")
  eq(3, st, "exit")
  has(out, tmp .. "/badpack6/emit.lua:5: 内部错误：规则“badpack6.emit”执行出错：emit: 'line' must be a line or column number")
  has(out, tmp .. "/badpack6/spin.lua:")
  has(out, "规则“badpack6.spin”执行出错：instruction budget exceeded")
  has(out, "1 个文件：0 个错误")
end)

test("a rule file cannot reach io or os", function()
  os.execute("rm -rf " .. tmp .. "/badpack5 && mkdir -p " .. tmp .. "/badpack5")
  write("badpack5/shell.lua", 'id = "badpack5.shell"\nseverity = "error"\nmessage = { zh = "x" }\n' ..
        'function check(report, emit) os.execute("touch ' .. tmp .. '/pwned") end\n')
  local out = sh(NB .. " check --rules " .. tmp .. "/badpack5 examples/jiuqu-2024.txt")
  has(out, "badpack5.shell")
  eq(nil, io.open(tmp .. "/pwned"), "the command did not run")
end)

test("a malicious rule pack is stopped with a clear finding while the other rules still run", function()
  os.execute("rm -rf " .. tmp .. "/evil && mkdir -p " .. tmp .. "/evil")
  local head = 'severity = "error"\nmessage = { zh = "x" }\n'
  write("evil/shell.lua", 'id = "evil.shell"\n' .. head ..
        'function check() os.execute("touch ' .. tmp .. '/pwned") end\n')
  write("evil/popen.lua", 'id = "evil.popen"\n' .. head ..
        'function check() io.popen("touch ' .. tmp .. '/pwned") end\n')
  write("evil/write.lua", 'id = "evil.write"\n' .. head ..
        'function check() local f = io.open("' .. tmp .. '/pwned", "w") f:write("x") end\n')
  write("evil/loadlib.lua", 'id = "evil.loadlib"\n' .. head ..
        'function check() package.loadlib("libc.so.6", "system") end\n')
  write("evil/bytecode.lua", 'id = "evil.bytecode"\n' .. head ..
        'function check() load(string.dump(function() end)) end\n')
  write("evil/strings.lua", 'id = "evil.strings"\n' .. head ..
        'function check() getmetatable("").__index.find = nil end\n')
  write("evil/loop.lua", 'id = "evil.loop"\n' .. head .. 'function check() while true do end end\n')
  write("evil/bomb.lua", 'id = "evil.bomb"\n' .. head ..
        'function check() local t = {} for i = 1, 1e9 do t[i] = string.rep("x", 1000) .. i end end\n')
  local out, st = sh(NB .. " check --memory-mb 64 --instructions 5000000 --rules " .. tmp ..
                     "/evil examples/broken/t3-balance.txt")
  eq(3, st, "exit")
  for _, id in ipairs { "evil.shell", "evil.popen", "evil.write", "evil.loadlib", "evil.bytecode",
                        "evil.strings", "evil.loop", "evil.bomb" } do
    has(out, "规则“" .. id .. "”执行出错", id)
  end
  has(out, "instruction budget exceeded", "the endless loop")
  has(out, "not enough memory", "the memory bomb")
  has(out, "[gb2021.t3.balance]", "the national rules still ran")
  eq(nil, io.open(tmp .. "/pwned"), "nothing was written")
end)

test("a finding may name thousands of cells (regression: the Lua stack overflowed)", function()
  os.execute("rm -rf " .. tmp .. "/wide && mkdir -p " .. tmp .. "/wide")
  write("wide/many.lua", 'id = "wide.many"\nseverity = "info"\nmessage = { zh = "x" }\n' ..
        'function check(report, emit) local ids = {} for i = 1, 5000 do ids[i] = "t3.new.np" end ' ..
        'emit { cells = ids } end\n')
  local out, st = sh(NB .. " check --format json --rules " .. tmp .. "/wide examples/jiuqu-2024.txt")
  eq(0, st, "exit")
  has(out, '"rule":"wide.many"')
end)

test("a file past the size limit is unreadable with a clear message", function()
  local big = write("big.txt", JIUQU .. string.rep("填充文字。", 300000))
  local out, st = sh(NB .. " check --max-size-mb 1 " .. big)
  eq(2, st, "exit")
  has(out, "文件过大")
end)

test("a shell script written with nianbao run sees reports, cells and findings", function()
  local out, st = sh(NB .. " run examples/scripts/tally.lua examples/jiuqu-2024.txt examples/broken/t3-balance.txt")
  eq(0, st, "exit")
  has(out, "examples/jiuqu-2024.txt,河东区九曲街道,2024,5,1,6,0,0,0")
  has(out, "examples/broken/t3-balance.txt,河东区九曲街道,2024,5,1,6,1,2,0")
end)

--}===

--{=== the Lua API ===

test("identities are exact with decimals and report lhs, rhs and difference", function()
  local s = nianbao.schema()
  for _, id in ipairs { "a.x", "a.y", "a.z", "b.x", "b.y", "b.z" } do s:add(id, "money") end
  local r = nianbao.report(s)
  r:set("a.x", "number", "0.1")
  r:set("a.y", "number", "0.2")
  r:set("a.z", "number", "0.30")
  r:set("b.x", "number", "96171.6")
  r:set("b.y", "blank")
  r:set("b.z", "number", "96171.7")
  local id = nianbao.identity(s, "{g}.z = {g}.x + {g}.y", { g = { "a", "b" } })
  local fails = id:eval(r, { "g" })
  eq(1, #fails, "failures")
  eq("b", fails[1].values.g, "instance")
  eq("96171.7", fails[1].lhs, "lhs")
  eq("96171.6", fails[1].rhs, "rhs (blank read as 0)")
  eq("0.1", fails[1].diff, "difference")
end)

test("an identity skips an instance with a missing cell instead of reading it as 0", function()
  local s = nianbao.schema()
  s:add("t.a"); s:add("t.b"); s:add("t.c")
  local r = nianbao.report(s)
  r:set("t.a", "number", 5)
  r:set("t.b", "number", 2)
  eq(0, #nianbao.identity(s, "t.a = t.b + t.c"):eval(r), "no verdict without t.c")
  r:set("t.c", "number", 2)
  eq(1, #nianbao.identity(s, "t.a = t.b + t.c"):eval(r), "5 ≠ 4 once t.c is read")
end)

test("report:held gives the cells held, in the schema's order, as get gives them", function()
  local s = nianbao.schema()
  for _, id in ipairs { "t.a", "t.b", "t.c", "t.d", "t.e" } do s:add(id, "money") end
  local r = nianbao.report(s)
  r:set("t.d", "number", "12.50", "12.50", 4, 3, 77)
  r:set("t.b", "blank")
  r:set("t.e", "missing", nil, "见附件", 9, 1, 120)     -- not read, but seen at a place
  s:add("t.f")                                          -- an id the report has no cell for
  local held = r:held()
  eq(3, #held, "t.a and t.c are simply missing")
  local ids = {}
  for i, x in ipairs(held) do ids[i] = x[1] end
  eq("t.b t.d t.e", table.concat(ids, " "), "in the schema's order")
  for _, x in ipairs(held) do
    local c = r:get(x[1])
    eq(c.state, x[2], x[1] .. " state")
    eq(c.value, x[3], x[1] .. " value")
    eq(c.text, x[4], x[1] .. " text")
    eq(c.line, x[5], x[1] .. " line")
    eq(c.col, x[6], x[1] .. " col")
    eq(c.offset, x[7], x[1] .. " offset")
  end
  eq("12.50", held[2][3], "an exact decimal as get gives it")
  eq(77, held[2][7], "offset")
end)

test("report:hold sets again what held gave: the same cells in a new report", function()
  local s = nianbao.schema()
  for _, id in ipairs { "t.a", "t.b", "t.c", "t.d", "t.e" } do s:add(id, "money") end
  local r = nianbao.report(s)
  r:set("t.d", "number", "12.50", "12.50", 4, 3, 77)
  r:set("t.b", "blank", nil, "", 2, 1, 9)
  r:set("t.e", "missing", nil, "见附件", 9, 1, 120)
  r:set("t.a", "number", 7)
  local copy = nianbao.report(s)
  copy:hold(r:held())
  for _, id in ipairs { "t.a", "t.b", "t.c", "t.d", "t.e" } do
    local want, got = r:get(id), copy:get(id)
    for _, k in ipairs { "state", "value", "text", "line", "col", "offset" } do
      eq(want[k], got[k], id .. " " .. k)
    end
  end
  local ok, err = pcall(copy.hold, copy, { { "t.a", "number", 1 }, "t.b" })
  eq(false, ok, "an entry that is not a cell")
  has(err, "entry 2", "the entry named")
  ok, err = pcall(copy.hold, copy, { { "t.z", "blank" } })
  eq(false, ok, "an id not in the schema")
  has(err, "t.z", "the id named")
end)

test("report:held_bytes is held() as the spool keeps it: decoded, the same fields; applied, the same cells", function()
  local marshal = nianbao.marshal
  local s = nianbao.schema()
  for _, id in ipairs { "t.a", "t.b", "t.c", "t.d", "t.e", "t.f", "t.g" } do s:add(id, "money") end
  local r = nianbao.report(s)
  r:set("t.d", "number", "12.50", "12.50", 4, 3, 77)
  r:set("t.b", "blank", nil, "", 2, 1, 9)
  r:set("t.e", "missing", nil, "见附件", 9, 1, 120)
  r:set("t.a", "number", 7)
  r:set("t.f", "number", -3, "-3", 11, 2, 300)
  r:set("t.g", "text", nil, "不适用")
  local held, back = r:held(), marshal.decode(r:held_bytes())
  eq(#held, #back, "as many cells")
  for i, x in ipairs(held) do
    for k = 1, 7 do eq(x[k], back[i][k], x[1] .. " field " .. k) end
  end
  eq("12.50", back[3][3], "an exact decimal as a string, as get gives it")
  eq(-3, back[5][3], "a negative integer")
  local copy = nianbao.report(s)
  marshal.apply(r:held_bytes(), copy.set, copy, 7)
  for _, id in ipairs { "t.a", "t.b", "t.c", "t.d", "t.e", "t.f", "t.g" } do
    local want, got = r:get(id), copy:get(id)
    for _, k in ipairs { "state", "value", "text", "line", "col", "offset" } do
      eq(want[k], got[k], id .. " " .. k)
    end
  end
  eq(0, #marshal.decode(nianbao.report(s):held_bytes()), "a report with nothing held: an empty list")
end)

test("wildcards sum one path segment and typos fail at compile time", function()
  local s = nianbao.schema()
  for _, id in ipairs { "r.g.a.n", "r.g.b.n", "r.g.n", "r.total.n" } do s:add(id) end
  local id = nianbao.identity(s, "r.total.n = r.g.*.n")
  local r = nianbao.report(s)
  r:set("r.g.a.n", "number", 2); r:set("r.g.b.n", "number", 3)
  r:set("r.g.n", "number", 100); r:set("r.total.n", "number", 5)
  eq(0, #id:eval(r), "2 + 3 = 5; r.g.n is not a leaf of r.g.*")
  local ok, err = pcall(nianbao.identity, s, "r.total.n = r.h.*.n")
  eq(false, ok, "compile")
  has(err, "matches no cell")
  ok, err = pcall(nianbao.identity, s, "r.total.n = = r.g.a.n")
  eq(false, ok, "syntax")
  has(err, "syntax error at column")
end)

test("numbers are parsed exactly and never as floats", function()
  eq(3985758, nianbao.number("3985758"), "integer")
  eq("24252.311082", nianbao.number("24252.311082"), "six decimals kept as printed")
  eq(nil, (nianbao.number("1e3")), "no exponent")
  eq(nil, (nianbao.number("9223372036854775808")), "past int64")
  eq("1.5", nianbao.add("0.5", 1), "exact sum")
  eq(0, nianbao.compare("1.50", "1.5"), "1.50 = 1.5")
end)

test("YAML keeps blank (null) apart from absent, and refuses aliases", function()
  local v = assert(nianbao.yaml.decode("a: {x: ~, y: 0, z: '5'}\n"))
  eq(nianbao.null, v.a.x, "null")
  eq(0, v.a.y, "integer")
  eq("5", v.a.z, "quoted stays a string")
  eq(nil, v.a.w, "absent")
  local back = assert(nianbao.yaml.decode(nianbao.yaml.encode(v)))
  eq(nianbao.null, back.a.x, "null survives a round trip")
  eq("5", back.a.z, "a numeric string survives a round trip")
  local bad, err = nianbao.yaml.decode("a: &x 1\nb: *x\n", "c.yaml")
  eq(nil, bad, "alias")
  has(err, "c.yaml:2:")
end)

--}===

-- The first difference between a and b (a path and both values), or nil:
-- the key order of tables too, as what C builds must match what Lua built,
-- unless any_order (then every key of either, with the same value).
local function differ(a, b, path, any_order)
  if type(a) ~= "table" or type(b) ~= "table" then
    if a ~= b or math.type(a) ~= math.type(b) then
      return string.format("%s: %s (%s) vs %s (%s)", path, tostring(a), math.type(a) or type(a),
                           tostring(b), math.type(b) or type(b))
    end
    return nil
  end
  if any_order then
    for k, v in pairs(b) do
      if a[k] == nil then return string.format("%s.%s: nil vs %s", path, tostring(k), tostring(v)) end
    end
  else
    local ka, kb = {}, {}
    for k in next, a do ka[#ka + 1] = tostring(k) end
    for k in next, b do kb[#kb + 1] = tostring(k) end
    if table.concat(ka, " ") ~= table.concat(kb, " ") then
      return path .. ": keys " .. table.concat(ka, " ") .. " vs " .. table.concat(kb, " ")
    end
  end
  for k, v in pairs(a) do
    local d = differ(v, b[k], path .. "." .. tostring(k), any_order)
    if d then return d end
  end
  return nil
end

-- the rules of a file's findings as `check --format json` gives them, one
-- text: " rule rule … " (a rule found or not: find " id ")
local function rules_found(path)
  local out = sh(NB .. " check --no-color --format json " .. path)
  local list = {}
  for rule in out:gmatch('"rule":"([^"]+)"') do list[#list + 1] = rule end
  return " " .. table.concat(list, " ") .. " "
end

-- the text rules' findings on a file, as "rule line" lines, sorted, one text
local function text_findings(path)
  local list = assert(nianbao.check(path))
  local out = {}
  for _, f in ipairs(list) do
    if f.rule:find("^gb2021%.txt%.") then out[#out + 1] = f.rule .. " " .. tostring(f.line) end
  end
  table.sort(out)
  return table.concat(out, "\n")
end

-- the claims the national pack's prose reading makes of s in a report of
-- year, as "kind cells = value" lines, sorted, one text
local claims_text = nianbao.engine:pack("gb2021").rule_by_id["gb2021.txt.new"].env.text
local function claims_read(s, year)
  local out = {}
  for _, c in ipairs(claims_text.read(s, { year = year })) do
    out[#out + 1] = string.format("%s %s = %s", c.kind, c.cells, tostring(c.value))
  end
  table.sort(out)
  return table.concat(out, "\n")
end

-- a page read by nianbao.html.blocks gives the blocks markup.blocks makes
-- of libxml2's tree of it (or both read it not)
local function same_blocks_both_ways(text, what)
  local got = nianbao.html.blocks(text)
  local tree = nianbao.html.parse(text)
  if got == nil or tree == nil then
    eq(tree == nil, got == nil, what .. ": read by one and not the other")
    return
  end
  if got == false then error(what .. ": left to Lua", 2) end
  local d = differ(require("markup").blocks(tree), got, "blocks")
  if d then error(what .. ": " .. d, 2) end
end

-- a report of the national format with these parts, frozen as a check
-- freezes it (its parts' texts then joined for searches)
local function frozen_report(sections)
  local Report = require "report"
  local R = Report.new(nianbao.engine:pack("gb2021").format, "x.txt")
  for _, s in ipairs(sections) do R:add_section(s) end
  Report.freeze(R)
  return R
end

-- the suites of tests/lua/suites/, each a file of tests with the helpers above
local suites = assert(nbio.listdir("tests/lua/suites"))
table.sort(suites)
for _, name in ipairs(suites) do
  if name:match("%.lua$") then
    local env = setmetatable({ test = test, eq = eq, has = has, sh = sh, write = write, tmp = tmp,
                               NB = NB, CORPUS = CORPUS, JIUQU = JIUQU, nianbao = nianbao, nbio = nbio,
                               compare = compare, differ = differ, rules_found = rules_found, text_findings = text_findings,
                               frozen_report = frozen_report, claims_read = claims_read,
                               same_blocks_both_ways = same_blocks_both_ways }, { __index = _G })
    local chunk = assert(loadfile("tests/lua/suites/" .. name, "t", env))
    chunk()
  end
end

os.execute("rm -rf " .. tmp)
print(string.format("%d passed, %d failed", passed, failed))
return failed == 0 and 0 or 1
