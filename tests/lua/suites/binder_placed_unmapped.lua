-- A placed table whose block wants a column id more than once (table 4:
-- the same five columns under each of its three groups) cannot be mapped
-- by any header, whose columns are each named once: it is left to the
-- stream reader at once, present where its first row of places is a
-- header, and its cells read as before.

local tables = require "tables"

local function cell(text, row, x0, x1)
  return { kind = "cell", text = text, grid = 1, row = row, x0 = x0, x1 = x1, line = row, col = x0 }
end

local WORDS = { "结果维持", "结果纠正", "其他结果", "尚未审结", "总计" }

-- table 4 as a CMS page prints it: the groups over the columns, then the
-- columns, then the values
local function t4_tokens(with_header)
  local t = {}
  if with_header then
    t[1], t[2] = cell("行政复议", 1, 1, 6), cell("行政诉讼", 1, 6, 16)
    for i, w in ipairs(WORDS) do t[#t + 1] = cell(w, 2, i, i + 1) end
    t[#t + 1] = cell("未经复议直接起诉", 2, 6, 11)
    t[#t + 1] = cell("复议后起诉", 2, 11, 16)
    for g = 0, 1 do
      for i, w in ipairs(WORDS) do t[#t + 1] = cell(w, 3, 5 + 5 * g + i, 6 + 5 * g + i) end
    end
  end
  for r = 4, 6 do
    for x = 1, 15 do t[#t + 1] = cell(tostring(x), r, x, x + 1) end
  end
  return t
end

test("table 4's block is one no header maps: not bound by places, present by its header, nothing set or said", function()
  local E = nianbao.engine
  local P = E:pack("gb2021")
  local F = P.format
  local T = F.table_by_id.t4
  eq(1, #T.blocks, "one block")
  local R = E:bind_bytes("一、总体情况\n本年度工作。\n", "empty.txt")
  for _, with_header in ipairs { true, false } do
    local diags, present = {}, { yes = false }
    local ok = tables.bind_placed(F, P.system, T, t4_tokens(with_header), R, diags, present, {}, E:others(P.name))
    eq(false, ok, "not bound by places, header " .. tostring(with_header))
    eq(with_header, present.yes, "present by its header " .. tostring(with_header))
    eq(0, #diags, "nothing said " .. tostring(with_header))
    eq("missing", R.c:get("t4.rv.upheld").state, "nothing set " .. tostring(with_header))
  end
end)

test("table 4 of a CMS page, groups over columns: every cell read in its place", function()
  local head = "<tr><th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th></tr>"
  local mid = "<tr>"
  for _, w in ipairs(WORDS) do mid = mid .. "<th rowspan=\"2\">" .. w .. "</th>" end
  mid = mid .. "<th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th></tr><tr>"
  for _ = 1, 2 do
    for _, w in ipairs(WORDS) do mid = mid .. "<th>" .. w .. "</th>" end
  end
  mid = mid .. "</tr>"
  local values = { 0, 2, 1, 0, 3, 2, 0, 0, 0, 2, 4, 0, 0, 1, 5 }
  local data = "<tr>"
  for _, v in ipairs(values) do data = data .. "<td>" .. v .. "</td>" end
  data = data .. "</tr>"
  local page = "<html><body><p>某市统计局2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度工作。</p>"
            .. "<h2>四、政府信息公开行政复议、行政诉讼情况</h2><table>" .. head .. mid .. data .. "</table>"
            .. "<h2>五、存在的主要问题及改进情况</h2><p>无。</p></body></html>"
  local R = nianbao.engine:bind_bytes(page, "t4.html")
  local groups = { "rv", "ld", "la" }
  local cols = { "upheld", "corrected", "other", "pending", "total" }
  for g = 1, 3 do
    for i = 1, 5 do
      eq(values[(g - 1) * 5 + i], R.c:get("t4." .. groups[g] .. "." .. cols[i]).value, groups[g] .. "." .. cols[i])
    end
  end
  eq(true, R.tables.t4.present, "the table is present")
end)
