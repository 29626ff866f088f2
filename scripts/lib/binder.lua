-- The binder: a reader's document (blocks with places) → a report bound to
-- the format's template. It finds the parts by their headings, the tables
-- by their labels, and puts each value into its cell. What it cannot place
-- it reports; it never fills a cell it did not read.

local labels = require "labels"
local Report = require "report"
local tables = require "tables"
local nianbao = require "nianbao"
local norm, bare = labels.normalize, labels.bare

local M = {}

--{=== sections and metadata ===

-- Is this paragraph a part heading? Returns the section, and the text glued
-- after the heading when the page ran them together.
local function match_heading(T, block)
  local t = norm(block.text)
  for _, s in ipairs(T.sections) do
    for _, h in ipairs(s.heads) do
      local numbered = norm(s.n) .. h
      if t == numbered or t == h then return s, "" , h end
      if t:sub(1, #numbered) == numbered then
        local cut = labels.prefix_end(block.text, numbered)
        if cut then return s, block.text:sub(cut), h end
      end
    end
  end
  return nil
end

local meta_keys = {
  ["索引号"] = "index", ["成文日期"] = "written", ["发布日期"] = "published",
  ["发布时间"] = "published", ["公开日期"] = "published", ["发布机构"] = "publisher",
  ["发文机关"] = "publisher", ["公开目录"] = "catalogue", ["主题分类"] = "topic",
  ["标题"] = "title", ["名称"] = "title",
}

-- Crawled pages run the parts together on one line ("…联系。一、总体情况2021年，…").
-- Cut paragraphs before every numbered part heading they hold.
local function split_headings(T, blocks)
  local marks = {}
  for _, sec in ipairs(T.sections) do
    for _, h in ipairs(sec.raw_heads) do
      marks[#marks + 1] = sec.n .. "、" .. h
    end
  end
  local out = {}
  for _, b in ipairs(blocks) do
    if b.kind ~= "para" or #b.text < 60 then
      out[#out + 1] = b
    else
      local cuts = {}
      for _, m in ipairs(marks) do
        local at = 1
        while true do
          local s = b.text:find(m, at, true)
          if not s then break end
          if s > 1 then cuts[#cuts + 1] = s end
          at = s + #m
        end
      end
      table.sort(cuts)
      local prev = 1
      for _, c in ipairs(cuts) do
        if c > prev then
          out[#out + 1] = { kind = "para", text = b.text:sub(prev, c - 1), line = b.line,
                            col = b.col + (utf8.len(b.text:sub(1, prev - 1)) or 0),
                            offset = (b.offset or 0) + prev - 1 }
          prev = c
        end
      end
      out[#out + 1] = { kind = "para", text = b.text:sub(prev), line = b.line,
                        col = b.col + (utf8.len(b.text:sub(1, prev - 1)) or 0),
                        offset = (b.offset or 0) + prev - 1 }
    end
  end
  return out
end

-- A date as printed → "YYYY-MM-DD", tolerating 年月日, / . - and a lost 年.
function M.parse_date(s)
  s = s:gsub("(%d%d%d%d)%s*年%s*", "%1-"):gsub("(%d%d%d%d)(%d%d?)%s*月", "%1-%2-")   -- "20251月" lost its 年
       :gsub("月", "-"):gsub("日", " ")
  local y, m, d = s:match("(%d%d%d%d)%s*[/%.%-]?%s*(%d%d?)%s*[/%.%-]%s*(%d%d?)")
  if not y then return nil end
  m, d = tonumber(m), tonumber(d)
  if m < 1 or m > 12 or d < 1 or d > 31 then return nil end
  return string.format("%s-%02d-%02d", y, m, d)
end

local function read_meta(blocks, stop, meta)
  local i = 1
  while i < stop do
    local b = blocks[i]
    if b.kind ~= "break" then
      local t = norm(b.text)
      local key, rest = t:match("^([^:]+):(.*)$")
      key = key or t
      local field = meta_keys[key]
      if field and not meta[field] then
        local value, at = rest, b
        if (value == nil or value == "") and blocks[i + 1] and blocks[i + 1].kind == "cell" then
          at = blocks[i + 1]
          value = at.text
          i = i + 1
        elseif value and value ~= "" then
          value = (b.text:gsub("：", ":")):match(":%s*(.-)%s*$") or value
        end
        if value and value ~= "" then meta[field] = { text = value, line = at.line, col = at.col } end
      end
    end
    i = i + 1
  end
end

--}===

--{=== tables ===

-- A line this short inside a table's part is a label, not prose.
local SHORT = 40

-- Where a table starts in a part that runs on as one text.
local anchors = { t2 = { "第二十条" }, t3 = { "勾稽关系", "申请人情况", "本年新收" },
                  t4 = { "行政复议", "行政诉讼" } }

-- The tokens of one table: the cells of its part, and its short lines. A
-- part with no cells at all (crawled text) is cut into tokens from the
-- first word of its table on.
local function table_tokens(tid, blocks, from, to, lead)
  local tokens, cells, last = {}, 0, from - 1
  for i = from, to do
    if blocks[i].kind == "cell" then cells, last = cells + 1, i end
  end
  if cells > 0 then to = last end      -- prose after the last cell is not the table's
  -- a table has numbers: a part whose prose only names the table's words has none
  local has_digits = false
  for i = from, to do
    if blocks[i].kind == "para" and blocks[i].text:find("%d") then has_digits = true break end
  end
  if lead and lead.text:find("%d") then has_digits = true end
  for i = lead and from - 1 or from, to do
    local b = (lead and i == from - 1) and lead or blocks[i]
    if b.kind == "cell" then
      tokens[#tokens + 1] = b
    elseif b.kind == "para" then
      if cells > 0 then
        if (utf8.len(b.text) or SHORT + 1) <= SHORT then tokens[#tokens + 1] = b end
      else
        local text, start = b.text, nil
        for _, a in ipairs(anchors[tid]) do
          local at = text:find(a, 1, true)
          if at and (not start or at < start) then start = at end
        end
        if (start or #tokens > 0) and has_digits then
          start = start or 1
          local sub = { line = b.line, col = b.col + (utf8.len(text:sub(1, start - 1)) or 0),
                        offset = (b.offset or 0) + start - 1 }
          for _, t in ipairs(tables.tokenize(text:sub(start), sub)) do tokens[#tokens + 1] = t end
        end
      end
    end
  end
  return tokens
end

--}===

-- A statistics period stated in text → {from=, to=, line=, col=} or nil.
function M.parse_period(text, block)
  local dashed = text
  dashed = dashed:gsub("日%s*起", "日")                 -- "自2021年1月1日起至…"
  for _, d in ipairs { "至", "到", "—", "－", "～", "~" } do dashed = dashed:gsub(d, "-") end
  -- scrapers drop characters: "20251月1日至202512月31日" has lost its 年
  dashed = dashed:gsub("(%d%d%d%d)%s*年%s*", "%1 ")
  for y1, m1, d1, rest in dashed:gmatch("(%d%d%d%d) ?(%d%d?)%s*月%s*(%d%d?)%s*日([^\n]*)") do
    local y2, m2, d2 = rest:match("^%s*%-+%s*(%d%d%d%d) ?(%d%d?)%s*月%s*(%d%d?)%s*日")
    if not y2 then
      m2, d2 = rest:match("^%s*%-+%s*(%d%d?)%s*月%s*(%d%d?)%s*日")
      y2 = m2 and y1
    end
    if y2 then
      return { from = string.format("%s-%02d-%02d", y1, tonumber(m1), tonumber(d1)),
               to = string.format("%s-%02d-%02d", y2, tonumber(m2), tonumber(d2)),
               line = block and block.line, col = block and block.col }
    end
  end
end

-- Title, report year, agency and statistics period from the opening text.
local function read_identity(R, blocks, first_section)
  local head = {}
  for i = 1, first_section - 1 do
    local b = blocks[i]
    if b.kind == "para" then
      head[#head + 1] = b.text
      if not R.title and #b.text < 200 and b.text:find("政府信息公开工作年度报告", 1, true)
         and not b.text:find("^根据") and not b.text:find(":", 1, true)
         and not b.text:find("：", 1, true) then
        R.title = b.text
        R.title_line = b.line
      end
    end
  end
  if R.meta.title and R.meta.title.text:find("年度报告", 1, true) then   -- "标题: …年度报告"
    R.title, R.title_line = R.meta.title.text, R.meta.title.line
  end
  local opening = table.concat(head, "\n")
  -- "2024年政府信息公开工作年度报告" or "2024年度…"; Lua patterns work on
  -- bytes, so the optional 度 is folded away first
  local function report_year(s)
    return s and s:gsub("(%d)%s*年度", "%1年"):match("(%d%d%d%d)%s*年%s*政府信息公开工作年度报告")
  end
  local y = report_year(R.title) or report_year(opening)
  R.title_year = tonumber(y)
  if R.title then
    local agency = R.title:match("^(.-)%d%d%d%d%s*年")
    if agency and agency ~= "" then R.agency = agency end
  end
  if not R.agency and R.meta.publisher then R.agency = R.meta.publisher.text end
  if not R.agency then
    local a = opening:gsub("(%d)%s*年度", "%1年"):match("发布(.-)%d%d%d%d%s*年%s*政府信息公开工作年度报告")
    if a and a ~= "" and utf8.len(a) and utf8.len(a) <= 40 then R.agency = a end
  end
  -- 统计期限 …2024年1月1日到12月31日 (the second year may be left out)
  for i = 1, first_section - 1 do
    local b = blocks[i]
    if b.kind == "para" and not R.period then R.period = M.parse_period(b.text, b) end
  end
  -- some reports state it in the first part instead ("本报告所列数据的统计期限为…")
  for i = first_section, #blocks do
    local b = blocks[i]
    if R.period then break end
    if b.kind == "para" and b.text:find("统计期限", 1, true) then R.period = M.parse_period(b.text, b) end
  end
  R.year = R.title_year or (R.period and tonumber(R.period.to:sub(1, 4)))
end

local function classify_issuer(fmt, name)
  if not name then return "unknown" end
  for _, k in ipairs(fmt.issuers or {}) do
    for _, e in ipairs(k.endings) do
      if name:sub(-#e) == e then return k.kind end
    end
    if #k.endings == 0 then return k.kind end
  end
  return "dept"
end

-- Which version of the format is this? "gb2021", "gb2019" or "legacy".
local function detect_version(T, R, blocks, found)
  local seen2019 = {}
  for _, b in ipairs(blocks) do
    local t = norm(b.text)
    for _, sig in ipairs(T.format_2019) do
      if not seen2019[sig] and t:find(sig, 1, true) then
        seen2019[sig] = true
        seen2019[#seen2019 + 1] = { text = b.text, line = b.line, col = b.col }
      end
    end
  end
  R.signs_2019 = seen2019
  local nfound = 0
  for _ in pairs(found) do nfound = nfound + 1 end
  -- legacy part headings, numbered, anywhere (crawled pages run parts together)
  local all = {}
  for i, b in ipairs(blocks) do all[i] = norm(b.text) end
  local text, legacy = table.concat(all, "\n"), 0
  for _, h in ipairs(T.legacy_headings) do
    for _, n in ipairs { "一", "二", "三", "四", "五", "六", "七", "八", "九" } do
      if text:find(n .. h, 1, true) then legacy = legacy + 1; break end
    end
  end
  if nfound < 4 and legacy >= 2 then return "legacy" end
  if #seen2019 > 0 then return "gb2019" end
  return "gb2021"
end

--{=== the canonical report (YAML) ===

-- A value of the canonical YAML → state, value, text.
local function canonical_value(T, v)
  if v == nil then return "missing" end
  if v == nianbao.null then return "blank", nil, "" end
  if math.type(v) == "integer" then return "number", v, tostring(v) end
  if type(v) == "number" then return "text", nil, tostring(v) end
  if type(v) ~= "string" then return "text", nil, tostring(v) end
  local state, value = tables.value_state(T, v)
  return state or "text", value, v
end

-- bind_canonical(T, doc, lines, source) → report, problems. The YAML names
-- every cell by its id already; keys the format does not know are reported.
function M.bind_canonical(T, doc, lines, source)
  local R = Report.new(T, source)
  local problems = {}
  local function at(path) return lines[path] end
  R.agency = type(doc.agency) == "string" and doc.agency or nil
  R.year = math.tointeger(doc.year)
  R.title_year = R.year
  R.kind = type(doc.kind) == "string" and doc.kind or nil
  R.issuer = R.kind or classify_issuer(T.fmt, R.agency)
  for _, k in ipairs { "published", "written" } do
    local v = doc[k]
    if type(v) == "string" then
      R[k] = M.parse_date(v)
      R.meta[k] = { text = v, line = at(k), col = 1 }
    end
  end
  if type(doc.index) == "string" then R.meta.index = { text = doc.index, line = at("index"), col = 1 } end
  local secs = type(doc.sections) == "table" and doc.sections or {}
  local s0 = type(secs.s0) == "string" and secs.s0 or ""
  R:add_section("s0", "", s0, at("sections.s0") or 1, 1, nil, 0,
                { { at = 1, line = (at("sections.s0") or 0) + 1, col = 1 } })
  for k, sec in ipairs(T.sections) do
    local text = secs[sec.id]
    if type(text) == "string" then
      local line = at("sections." .. sec.id) or 1
      R:add_section(sec.id, sec.numbered, text, line, 1, sec, k,
                    { { at = 1, line = line + (text:find("\n") and 1 or 0), col = 1 } })
    end
  end
  R.period = M.parse_period(s0, { line = at("sections.s0"), col = 1 })
  -- cells, by the ids of the template
  local known = {}
  for _, id in ipairs(T.cells) do known[id] = true end
  for tid in pairs(T.tables) do
    local t = doc[tid]
    R.tables[tid] = { present = type(t) == "table", line = at(tid) }
  end
  local function walk(node, path)
    for k, v in pairs(node) do
      local p = path .. "." .. k
      if type(v) == "table" and v ~= nianbao.null then
        walk(v, p)
      elseif known[p:sub(2)] then
        local id = p:sub(2)
        local state, value, text = canonical_value(T, v)
        R:set(id, state, value, { text = text, line = at(id), col = 1 })
      elseif T.info[p:sub(2)] then                 -- an optional cell (a printed subtotal)
        local state, value, text = canonical_value(T, v)
        R:set(p:sub(2), state, value, { text = text, line = at(p:sub(2)), col = 1 })
      else
        problems[#problems + 1] = { kind = "unplaced", table = p:match("^%.(t%d)") or "t3",
                                    block = { text = p:sub(2) .. ": " .. tostring(v), line = at(p:sub(2)), col = 1 } }
      end
    end
  end
  for tid in pairs(T.tables) do
    if type(doc[tid]) == "table" then walk(doc[tid], "." .. tid) end
  end
  R.format = T.name
  R.signs_2019 = {}
  return R, problems
end

--}===

-- How well a binding fits its template: the share of the tables' cells
-- found, less a little for each token that found no place.
function M.fit(R, problems)
  local found, total = 0, 0
  for _, id in ipairs(R.T.cells) do
    total = total + 1
    if R.c:get(id).state ~= "missing" or R.unknown[id] then found = found + 1 end
  end
  return (total > 0 and found / total or 0) - 0.001 * #problems
end

-- bind(T, doc, source) → report, problems
function M.bind(T, doc, source)
  local blocks = split_headings(T, doc.blocks)
  local R = Report.new(T, source)
  local problems = {}

  -- the parts
  local starts, found = {}, {}
  for i, b in ipairs(blocks) do
    if b.kind == "para" or b.kind == "cell" then
      local s, glued = match_heading(T, b)
      if s and b.kind == "cell" and glued ~= "" then s = nil end
      if s and not found[s.id] then
        found[s.id] = true
        starts[#starts + 1] = { index = i, section = s, glued = glued, block = b }
      end
    end
  end
  local first = starts[1] and starts[1].index or (#blocks + 1)
  read_meta(blocks, first, R.meta)
  read_identity(R, blocks, first)
  R.issuer = classify_issuer(T.fmt, R.agency)
  if R.meta.published then R.published = M.parse_date(R.meta.published.text) end
  if R.meta.written then R.written = M.parse_date(R.meta.written.text) end

  -- section texts: the prose between one heading and the next
  -- and where each of its paragraphs starts, to point findings into the file
  local function prose(from, to, lead)
    local out, places, at = {}, {}, 1
    local function add(text, line, col)
      out[#out + 1] = text
      places[#places + 1] = { at = at, line = line, col = col }
      at = at + #text + 1
    end
    if lead then add(lead.text, lead.line, lead.col) end
    for i = from, to do
      local b = blocks[i]
      if b and b.kind == "para" then add(b.text, b.line, b.col) end
    end
    return table.concat(out, "\n"), places
  end
  local text0, places0 = prose(1, first - 1)
  R:add_section("s0", "", text0, blocks[1] and blocks[1].line or 1, 1, nil, 0, places0)
  for k, st in ipairs(starts) do
    local stop = starts[k + 1] and starts[k + 1].index - 1 or #blocks
    local lead
    if st.glued ~= "" then
      lead = { text = st.glued, line = st.block.line,
               col = st.block.col + (utf8.len(st.block.text) - utf8.len(st.glued)) }
    end
    local text, places = prose(st.index + 1, stop, lead)
    R:add_section(st.section.id, st.block.text:sub(1, #st.block.text - #st.glued),
                  text, st.block.line, st.block.col, st.section, k, places)
    st.stop = stop
  end

  -- the tables, each in its own part; a legacy report has none of them
  R.format = detect_version(T, R, blocks, found)
  for _, tid in ipairs { "t2", "t3", "t4" } do
    local ct = T.tables[tid]
    local present = { yes = false }
    R.tables[tid] = { present = false }
    for _, st in ipairs(R.format == "legacy" and {} or starts) do
      if st.section.id == ct.section then
        local lead                      -- the heading ran on into the table
        if st.glued ~= "" then
          lead = { kind = "para", text = st.glued, line = st.block.line,
                   col = st.block.col + (utf8.len(st.block.text) - utf8.len(st.glued)),
                   offset = (st.block.offset or 0) + #st.block.text - #st.glued }
        end
        local tokens = table_tokens(tid, blocks, st.index + 1, st.stop, lead)
        R.tables[tid].line = tokens[1] and tokens[1].line or st.block.line
        if ct.kind == "rows" then tables.bind_rows(T, ct, tokens, R, problems, present)
        else tables.bind_flat(T, ct, tokens, R, problems, present) end
      end
    end
    R.tables[tid].present = present.yes
  end

  return R, problems
end

return M
