-- A table's first binding keeps no plan at once: a check of one report
-- would never use it. The next table bound with the same words makes the
-- first one's plan before it looks for its own, and so is bound by it
-- where its layout is the first's; every page's cells as each alone gives
-- them.

local core = require "nianbao"
local Report = require "report"

local HEAD = "某市统计局2024年政府信息公开工作年度报告\n一、总体情况\n本年度工作。\n二、主动公开政府信息情况\n"
local TAIL = "三、收到和处理政府信息公开申请情况\n"
local function page(v)
  return HEAD .. "第二十条第（一）项\n信息内容  本年制发件数  本年废止件数  现行有效件数\n"
    .. "规章  " .. v[1] .. "  " .. v[2] .. "  " .. v[3]
    .. "\n行政规范性文件  " .. v[4] .. "  " .. v[5] .. "  " .. v[6] .. "\n"
    .. "第二十条第（五）项\n信息内容  本年处理决定数量\n行政许可  " .. v[7] .. "\n"
    .. "第二十条第（六）项\n信息内容  本年处理决定数量\n行政处罚  " .. v[8] .. "\n行政强制  " .. v[9] .. "\n"
    .. "第二十条第（八）项\n信息内容  本年收费金额（单位：万元）\n行政事业性收费  " .. v[10] .. "\n" .. TAIL
end

local function cells(R)
  local F = Report.format_of(R)
  local out = {}
  for _, id in ipairs(F.cells) do
    local c = R.c:get(id)
    out[#out + 1] = id .. "=" .. c.state .. ":" .. tostring(c.text)
  end
  return table.concat(out, "\n")
end

local function diags(R)
  local out = {}
  for _, d in ipairs(R.diagnostics) do out[#out + 1] = d.kind .. ":" .. tostring(d.text) end
  return table.concat(out, "|")
end

-- the calls the binder makes of the core's layout walks, counted, and the
-- plans stream_read found
local function counting(fn)
  local calls = { read = 0, layout = 0, plans = 0 }
  local read, layout = core.stream_read, core.stream_layout
  core.stream_read = function(...)
    calls.read = calls.read + 1
    local l, plan = read(...)
    if type(plan) == "table" and plan.cells then calls.plans = calls.plans + 1 end
    return l, plan
  end
  core.stream_layout = function(...)
    calls.layout = calls.layout + 1
    return layout(...)
  end
  local ok, err = pcall(fn)
  core.stream_read, core.stream_layout = read, layout
  if not ok then error(err, 0) end
  return calls
end

local PAGES = {
  { 1, 2, 3, 4, 5, 6, 7, 8, 9, 0 },
  { 10, 0, 12, 13, 14, 15, 16, 17, 18, 19 },
  { 21, 22, 23, 24, 25, 26, 27, 28, 29, 30 },
}

test("a table's first binding walks no layout; the next makes the first's plan and is bound by it", function()
  local E = require("engine").new({ home = ".", config_file = false })
  local first = counting(function() E:bind_bytes(page(PAGES[1]), "p1.txt") end)
  eq(0, first.read, "layouts read at the first binding")
  eq(0, first.layout, "layouts walked at the first binding")
  local second = counting(function() E:bind_bytes(page(PAGES[2]), "p2.txt") end)
  eq(true, second.layout > 0, "the first binding's layouts walked at the second")
  eq(true, second.plans > 0, "the second page bound by the first one's plan")
  local third = counting(function() E:bind_bytes(page(PAGES[3]), "p3.txt") end)
  eq(0, third.layout, "no plan left waiting at the third")
  eq(true, third.plans > 0, "the third page bound by a plan")
end)

test("pages bound one after another in one engine are bound as each alone", function()
  local E = require("engine").new({ home = ".", config_file = false })
  for round = 1, 2 do
    for i, v in ipairs(PAGES) do
      local R = E:bind_bytes(page(v), "p" .. i .. ".txt")
      local alone = require("engine").new({ home = ".", config_file = false }):bind_bytes(page(v), "p" .. i .. ".txt")
      eq(cells(alone), cells(R), "page " .. i .. ", round " .. round .. ": its cells")
      eq(diags(alone), diags(R), "page " .. i .. ", round " .. round .. ": its findings")
    end
  end
end)
