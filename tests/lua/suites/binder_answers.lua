-- What the binder works out once and keeps (bind.lua, tables.lua): a
-- label's answers per table, a header text's column per block, a cell's
-- state per format, a language's counted numbers. Kept answers must be
-- the answers: a report reads the same whatever was bound before it.

local bind = require "pipeline.bind"

-- A script that binds files with the engine and prints each report's
-- cells, diagnostics, units and tables, one line a file, the same every
-- run; in a fresh process, every answer is worked out anew.
local BOUND = [[
local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local json = require "json"
local decode = require "pipeline.decode"
local read = require "pipeline.read"
local bind = require "pipeline.bind"
local Report = require "report"
local E = nianbao.engine
local function plain(v)
  if type(v) ~= "table" then return v end
  local out = {}
  for k, x in pairs(v) do
    if k == "part" or k == "row" and type(x) == "table" then out[k] = type(x) == "table" and x.id or x
    else out[k] = plain(x) end
  end
  return out
end
for _, path in ipairs(arg) do
  local bytes = assert(nbio.readfile(path, 1 << 24))
  local text = assert(decode.text(assert(decode.binary(bytes, path, E.lang)), E.lang))
  local reader = assert(read.pick(E.readers, E.reader_by_name, nil, path, text, E.lang))
  local doc = assert(read.run(reader, text, path, E.limits, E.lang))
  local P = E:pack(E.base)
  local R = bind.bind(P.format, P.system, doc, path, E:others(P.name))
  local cells, read_ = {}, 0
  for _, id in ipairs(Report.format_of(R).cells) do
    local c = R.c:get(id)
    if c.state ~= "missing" then read_ = read_ + 1 end
    cells[#cells + 1] = { id, c.state, c.value and tostring(c.value), c.text, c.line, c.col, c.offset }
  end
  print(path, read_, json.encode(plain { cells = cells, diagnostics = R.diagnostics, units = R.units,
                                         tables = R.tables }))
end
]]

local FILES = { CORPUS .. "/jiuqu-2024.txt", CORPUS .. "/pingtan-2022.html", CORPUS .. "/pingtan-2018.txt",
                "tests/fixtures/shapes/s4-data-headers.html", "tests/fixtures/shapes/s1-layout-t3-para.txt",
                "tests/corpus/partial/changan-stats-2023.txt" }

local function lines(text)
  local out = {}
  for l in text:gmatch("[^\n]+") do out[#out + 1] = l end
  return out
end

test("each report reads the same bound alone in a fresh process as after the others", function()
  local script = write("bound.lua", BOUND)
  -- every file bound alone, then all in one process forwards and backwards:
  -- each but the first has others bound before it in one of the two
  local backwards = {}
  for k = #FILES, 1, -1 do backwards[#backwards + 1] = FILES[k] end
  local forward, status = sh(NB .. " run " .. script .. " " .. table.concat(FILES, " "))
  eq(0, status, "the batch's exit status")
  forward = lines(forward)
  backwards = lines(sh(NB .. " run " .. script .. " " .. table.concat(backwards, " ")))
  eq(#FILES, #forward, "lines forwards")
  eq(#FILES, #backwards, "lines backwards")
  for i, path in ipairs(FILES) do
    local alone = lines(sh(NB .. " run " .. script .. " " .. path))[1]
    if tonumber(alone:match("\t(%d+)\t")) == 0 and not path:find("pingtan%-2018") then
      error(path .. ": no cell read")
    end
    eq(alone, forward[i], path .. " forwards")
    eq(alone, backwards[#FILES + 1 - i], path .. " backwards")
  end
end)

-- A format whose language counts with these units (prose: a clause mark
-- and a counted number).
local function language(units)
  local F = { language = { sentence_end = { "。" }, clause_end = { "，" }, units = units } }
  return function(text) return bind.is_prose(F, text) end
end

test("a clause with a number and its unit is prose, whatever spaces stand between them", function()
  local prose = language { "件", "次" }
  eq(true, prose("共发生行政复议351件，均已办结"), "351件")
  eq(true, prose("共发生行政复议 351 \t次，均已办结"), "351 \\t次")
  eq(false, prose("行政复议351，行政诉讼"), "a number without its unit")
  eq(false, prose("共发生行政复议件，351"), "a unit without its number")
  eq(false, prose("行政复议 351 件"), "no clause mark")
  eq(true, prose("总计 351 件。"), "a sentence mark")
end)

test("a unit a pattern reads otherwise than as written is still read as a pattern", function()
  -- "(次)" as a pattern is 次 captured; " 件" lets the spaces before it be given back
  eq(true, language { "(次)" }("本年办理5次，完成"), "(次) after a digit")
  eq(true, language { " 件" }("本年办理5 件，完成"), "' 件' after a digit and a space")
  eq(false, language { "(次)" }("本年办理(次)，完成"), "(次) with no digit before it")
end)

-- Shortcuts of the binder's label matching must answer as the long way.
local tables = require "tables"
local labels = require "labels"

test("alike answers as likeness against its threshold, lengths near and far", function()
  local words = { "本年制发件数", "本年废止件数", "现行有效件数", "信息内容", "第二十条第(一)项",
                  "结果维持", "结果维特", "其他结果", "尚未审结", "总计", "一", "", "行政复议行政诉讼",
                  "法人或其他组织", "商业企业", "科研机构", "社会公益组识", "abc", "abcd", "abcdefghij" }
  local n = 0
  for _, a in ipairs(words) do
    for _, b in ipairs(words) do
      for _, least in ipairs { 0.6, 0.7, 0.75, 0.8, 0.5, 0.4 } do
        eq(tables.likeness(a, b) >= least, tables.alike(a, b, least), a .. " ~ " .. b .. " at " .. least)
        n = n + 1
      end
    end
  end
  -- 7 of 10 characters alike is 0.7 exactly: measured, not cut off by lengths
  eq(true, tables.alike("abcdefg", "abcdefghij", 0.7), "7 of 10 at 0.7")
  eq(false, tables.alike("abcdef", "abcdefghij", 0.7), "6 of 10 at 0.7")
  eq(true, n > 2000, "pairs compared")
end)

test("the character folder gives what a gsub over each character gives, map by map", function()
  -- keys that share lead bytes with what is not a key (们/们's neighbours,
  -- full width forms, spaces of three bytes), ASCII keys, and keys dropped
  local map = { ["與"] = "与", ["萬"] = "万", ["，"] = "", ["。"] = ".", ["Ａ"] = "A",
                ["\u{3000}"] = "", [" "] = "", [","] = "", ["\u{A0}"] = "", ["“"] = "" }
  local pool = { "與", "萬", "与", "万", "丏", "丐", "，", "。", "、", "Ａ", "Ｂ", "\u{3000}", "\u{3001}",
                 " ", ",", "a", "1", ".", ":", "\u{A0}", "\u{A1}", "“", "”", "𠀀", "é", "\t", "",
                 "舆", "萭", "\xE8\x88", "\xE8\x90\xAC\x80" }   -- 與's first two bytes, 萬's; cut and overlong
  local fold = labels.char_folder(map)
  local seed = 12345
  local function rand(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end
  for _ = 1, 3000 do
    local parts = {}
    for k = 1, rand(12) - 1 do parts[k] = pool[rand(#pool)] end
    local s = table.concat(parts)
    eq((s:gsub(utf8.charpattern, map)), fold:match(s), "folded: " .. s)
  end
  -- bytes that are no character (the folder is only given UTF-8, but
  -- it must still agree)
  for _, s in ipairs { "\x80", "與\xFF萬", "\xE4\xB8", "a\xC0b" } do
    eq((s:gsub(utf8.charpattern, map)), fold:match(s), "not UTF-8")
  end
end)

test("a format's norm folds as it did: traditional, full width, spaces, commas, quotes, last colons", function()
  local L = labels.new({ traditional = "與与萬万", punctuation = { ["、"] = ",", ["。"] = "." }, drop = { "“", "”" } },
                       "一二三")
  eq("一与万件ABC", L.norm("一、與 萬\u{3000}件“ＡＢＣ”：。"), "folded")
  eq("3.其他", L.norm("３．其他"), "full width digits and point")
  eq("丏丐", L.norm("丏丐"), "neighbours of keys kept")
  eq("", L.norm("：.："), "colons and full stops alone: nothing left")
  eq("a.b", L.norm("a.b.:"), "only the last ones cut")
end)

test("a cell of more digits than an exact number holds is a text the rules call not a number, not a failed bind", function()
  local tables = require "tables"
  local F = nianbao.engine:pack("gb2021").format
  local long = "0" .. ("8"):rep(84)
  local state, v = tables.value_state(F, long)
  eq("number", state, "digits: a number's state (glued runs are cut from such)")
  eq(nil, v, "but no exact value")
  -- the crawled page the fuzzer found: such a cell failed the whole file
  local at = tmp .. "/longdigits.txt"
  local page, n = assert(io.open("examples/jiuqu-2024.txt")):read("a"):gsub("(2%.重复申请 |\n)0 |", "%1" .. long .. " |", 1)
  eq(1, n, "the row is in the example")
  local f = assert(io.open(at, "w"))
  f:write(page)
  f:close()
  local out = sh(NB .. " check " .. at)
  eq(nil, out:find("nianbao.unreadable", 1, true), "the file is read, not failed whole")
  has(out, "gb2021.val.not_number", "said not to be a number")
end)

test("a part heading run into a paragraph is cut out of it; a paragraph of 、 and no heading stays whole", function()
  local P = nianbao.engine:pack("gb2021")
  local lead = "根据《中华人民共和国政府信息公开条例》编制本报告，如有疑问请与办公室联系。"
  local blocks = {
    { kind = "para", text = "某某局2024年政府信息公开工作年度报告", line = 1, col = 1 },
    { kind = "para", text = lead .. "一、总体情况2024年，本局推进主动公开、依申请公开各项工作。", line = 2, col = 1 },
    { kind = "para", text = "本局加强政府信息管理、平台建设、监督保障，规范公开属性认定、公开审查各项工作，如实办理。",
      line = 3, col = 1 },
    { kind = "para", text = "二、主动公开政府信息情况", line = 4, col = 1 },
  }
  local R = bind.bind(P.format, P.system, { blocks = blocks }, "split.txt", nianbao.engine:others(P.name))
  local by = {}
  for _, s in ipairs(R.sections) do by[s.id] = s end
  local first = by[P.format.parts[1].id]
  eq(true, first ~= nil, "the first part is found inside the paragraph")
  eq(2, first.line, "on the paragraph's line")
  eq(utf8.len(lead) + 1, first.col, "at the heading's column")
  has(first.text, "2024年，本局推进主动公开", "the text glued after the heading is the part's")
  has(first.text, "本局加强政府信息管理、平台建设", "the paragraph of 、 stays whole, in the part")
  eq(nil, by[P.format.opening].text:find("总体情况", 1, true), "the opening stops before the heading")
  eq(true, by[P.format.parts[2].id] ~= nil, "the next part is found")
end)
