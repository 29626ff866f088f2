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
