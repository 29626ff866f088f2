-- For the staff who write the report: a blank canonical YAML to fill in
-- (`new`), and the totals the format derives from their parts (`fill`).
-- fill edits the author's text line by line, so comments, key order and
-- layout stay as the author left them.

local nianbao = require "nianbao"
local M = {}

local kinds = { dept = "部门", gov = "人民政府", township = "乡镇、街道" }

local function flow(keys)
  local parts = {}
  for i, k in ipairs(keys) do parts[i] = k .. ": ~" end
  return "{" .. table.concat(parts, ", ") .. "}"
end

-- new(T, year, agency, kind) → YAML text
function M.new(T, year, agency, kind)
  local fmt = T.fmt
  local out = {}
  local function put(s) out[#out + 1] = s end
  put(string.format("# %s%d年政府信息公开工作年度报告（%s）", agency, year, "国办公开办函〔2021〕30号格式"))
  put("# 每个单元格填数字，没有的填0；各行“总计”、（七）总计和表四“总计”可以留空（~），")
  put("# 由 nianbao fill 按各项之和算出。写好后：nianbao check 本文件；nianbao render 本文件 --format html")
  put("format: " .. T.name)
  put("agency: " .. nianbao.yaml.encode(agency):gsub("^%-%-%-%s*", ""):gsub("%s*%.%.%.%s*$", ""):gsub("\n+$", ""))
  put("year: " .. year)
  put(string.format("kind: %-14s # dept 部门（1月31日前发布）/ gov 人民政府（3月31日前）/ township 乡镇、街道", kind))
  put("published: ~          # 发布日期，如 " .. (year + 1) .. "-01-20")
  put("written: ~            # 成文日期")
  put("index: ~              # 索引号")
  put("sections:")
  put("  s0: |-")
  put(string.format("    根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国办公开办函〔2021〕30号要求，"
                 .. "编制%s%d年政府信息公开工作年度报告。本报告中所列数据统计期限从%d年1月1日到12月31日止。",
                    agency, year, year))
  for _, s in ipairs(fmt.sections) do
    put(string.format("  %s: |-               # %s、%s", s.id, s.n, s.heading))
    if s.id == "s2" or s.id == "s3" or s.id == "s4" then
      put("    （表格见下，可在此补充文字说明）")
    else
      put("    （文字描述）")
    end
  end
  -- table 2
  put("t2:")
  for _, r in ipairs(fmt.t2.rows) do
    local labels = {}
    for i, c in ipairs(r.columns) do labels[i] = fmt.t2.columns[c] end
    put(string.format("  %-9s %-42s # %s：%s", r.id .. ":", flow(r.columns), r.label, table.concat(labels, "、")))
  end
  -- table 3, nested as the ids are
  put("t3:   # 列：" .. table.concat((function()
    local l = {}
    for i, c in ipairs(fmt.t3.columns) do l[i] = c .. " " .. fmt.t3.column_labels[c] end
    return l
  end)(), "，"))
  local group_label, open_group = {}, nil
  for _, g in ipairs(fmt.t3.groups) do group_label[g.id] = g.label end
  local in_result = false
  for _, r in ipairs(fmt.t3.rows) do
    local parts = {}
    for p in r.id:gmatch("[^.]+") do parts[#parts + 1] = p end
    if parts[1] == "result" and not in_result then
      put("  result:              # " .. (group_label.result or "三、本年度办理结果"))
      in_result = true
    end
    if #parts == 3 and parts[2] ~= open_group then
      put(string.format("    %-18s # %s", parts[2] .. ":", group_label[parts[2]] or ""))
      open_group = parts[2]
    elseif #parts < 3 then
      open_group = nil
    end
    local indent = string.rep("  ", #parts)
    local key = parts[#parts] .. ":"
    put(indent .. key .. string.rep(" ", math.max(1, 20 - #indent - #key)) .. flow(fmt.t3.columns)
        .. " # " .. r.label)
  end
  put("t4:   # 列：upheld 结果维持，corrected 结果纠正，other 其他结果，pending 尚未审结，total 总计")
  for _, g in ipairs(fmt.t4.groups) do
    put(string.format("  %-4s %s # %s", g.id .. ":", flow(fmt.t4.columns), g.label))
  end
  return table.concat(out, "\n") .. "\n"
end

--{=== fill ===

-- The derived cells: each total from its parts (ids as in the template).
local function derivations(T)
  local list = {}
  local parties = { "np", "biz", "research", "ngo", "legal", "other" }
  -- the outcome rows first, so that （七）总计 can use their totals
  for _, r in ipairs(T.tables.t3.rows) do
    if r.id ~= "result.total" then
      local parts = {}
      for i, c in ipairs(parties) do parts[i] = r.path .. "." .. c end
      list[#list + 1] = { target = r.path .. ".total", parts = parts }
    end
  end
  for _, c in ipairs(T.fmt.t3.columns) do
    local parts = {}
    for _, r in ipairs(T.tables.t3.rows) do
      if r.id:match("^result%.") and r.id ~= "result.total" then parts[#parts + 1] = r.path .. "." .. c end
    end
    list[#list + 1] = { target = "t3.result.total." .. c, parts = parts }
  end
  for _, g in ipairs { "rv", "ld", "la" } do
    list[#list + 1] = { target = "t4." .. g .. ".total",
                        parts = { "t4." .. g .. ".upheld", "t4." .. g .. ".corrected",
                                  "t4." .. g .. ".other", "t4." .. g .. ".pending" } }
  end
  return list
end

local function lookup(doc, id)
  local node = doc
  for k in id:gmatch("[^.]+") do
    if type(node) ~= "table" or node == nianbao.null then return nil end
    node = node[k]
  end
  return node
end

local function store(doc, id, v)
  local node, keys = doc, {}
  for k in id:gmatch("[^.]+") do keys[#keys + 1] = k end
  for i = 1, #keys - 1 do node = node[keys[i]] end
  node[keys[#keys]] = v
end

-- Put value v for key `key` on line `line` of the text: "total: ~" in a flow
-- map or on a line of its own. Returns false when the line does not hold it.
local function edit_line(lines, line, key, v)
  local s = lines[line]
  if not s then return false end
  local pat = "(%f[%w_]" .. key .. "%s*:%s*)([^,}#\n]*)"
  local done = false
  local new = s:gsub(pat, function(head, old)
    if done then return nil end
    local trimmed = old:gsub("%s+$", "")
    if trimmed == "" or trimmed == "~" or trimmed == "null" or trimmed == "Null" or trimmed == "NULL" then
      done = true
      return head .. tostring(v) .. old:sub(#trimmed + 1)
    end
  end)
  if done then lines[line] = new end
  return done
end

-- put(text, values) → the text with values (cell id → number or text)
-- written into the blanks of those cells; for scripts that fill a template.
function M.put(text, values)
  local doc, lines_of = nianbao.yaml.decode(text, "template")
  if doc == nil then return nil, lines_of end
  local lines = {}
  for l in (text .. (text:sub(-1) == "\n" and "" or "\n")):gmatch("([^\n]*)\n") do lines[#lines + 1] = l end
  for id, v in pairs(values) do
    local line = lines_of[id]
    if line then edit_line(lines, line, id:match("([%w_]+)$"), v) end
  end
  return table.concat(lines, "\n") .. "\n"
end

-- fill(text, T, name) → new text, list of {id, value} filled, list of
-- {id, found, expected} that the author filled differently
function M.fill(text, T, name)
  local doc, lines_of = nianbao.yaml.decode(text, name)
  if doc == nil then return nil, lines_of end
  local lines = {}
  for l in (text .. (text:sub(-1) == "\n" and "" or "\n")):gmatch("([^\n]*)\n") do lines[#lines + 1] = l end
  local filled, differ = {}, {}
  for _, d in ipairs(derivations(T)) do
    local sum, ok = 0, true
    for _, p in ipairs(d.parts) do
      local v = lookup(doc, p)
      if math.type(v) ~= "integer" then ok = false break end
      sum = sum + v
    end
    local cur = lookup(doc, d.target)
    if ok and (cur == nianbao.null) then
      local key = d.target:match("([%w_]+)$")
      if lines_of[d.target] and edit_line(lines, lines_of[d.target], key, sum) then
        store(doc, d.target, sum)
        filled[#filled + 1] = { id = d.target, value = sum }
      end
    elseif ok and math.type(cur) == "integer" and cur ~= sum then
      differ[#differ + 1] = { id = d.target, found = cur, expected = sum }
    end
  end
  return table.concat(lines, "\n") .. "\n", filled, differ
end

--}===

return M
