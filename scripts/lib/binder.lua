-- The binder: a reader's document (blocks with places) → a report bound to
-- the format's template. It finds the parts by their headings, the tables
-- by their labels, and puts each value into its cell. What it cannot place
-- it reports; it never fills a cell it did not read.

local labels = require "labels"
local Report = require "report"
local nianbao = require "nianbao"
local norm, bare = labels.normalize, labels.bare

local M = {}

--{=== values ===

-- Digits as printed → an exact number, or nil. Folds full-width digits and
-- thousands separators; keeps the decimal places as printed.
local function parse_number(text)
  local t = text:gsub("\xEF\xBC([\x90-\x99])", function(d)   -- full-width digits
    return string.char(d:byte() - 0x90 + 48)
  end):gsub("\xEF\xBC\x8E", "."):gsub("\xEF\xBC\x8D", "-"):gsub("%s", "")
  local plain = t
  if t:match("^[+-]?%d%d?%d?,%d%d%d[,%d]*%.?%d*$") then plain = t:gsub(",", "") end
  if not plain:match("^[+-]?%d+%.?%d*$") or plain:match("%.$") then return nil end
  if plain:sub(1, 1) == "+" then plain = plain:sub(2) end
  local v = nianbao.number(plain)
  return v
end
M.parse_number = parse_number

-- Classify a cell's text: "number", "blank", "marker" or nil (a label or text).
local function value_state(T, text)
  if text == "" then return "blank" end
  local v = parse_number(text)
  if v ~= nil then return "number", v end
  if T.markers[norm(text)] then return "marker" end
  return nil
end

--}===

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
}

-- A date as printed → "YYYY-MM-DD", tolerating 年月日, / . - and a lost 年.
function M.parse_date(s)
  s = s:gsub("年", "-"):gsub("月", "-"):gsub("日", " ")
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

-- A label of the table's header (or of the 2019 format's, which fmt.old_2019 reports).
local function is_header(T, ct, t)
  if t:find("勾稽关系", 1, true) then return true end
  for _, h in ipairs(ct.headers) do
    if t == h then return true end
  end
  for _, h in ipairs(T.format_2019) do
    if t == h then return true end
  end
  return false
end

local function find_group(ct, t)
  for _, g in ipairs(ct.groups or {}) do
    if #g.match > 0 and labels.contains_all(t, g.match) then return g end
  end
end

local function find_row(ct, t, group)
  for _, r in ipairs(ct.rows) do
    if not r.exact and #r.match > 0 and labels.contains_all(t, r.match) then return r end
  end
  local b = bare(t)
  for _, r in ipairs(ct.rows) do
    if r.exact and group and r.group == group.id then
      for _, m in ipairs(r.match) do
        if b == m then return r end
      end
    end
  end
end

-- Some renderings add a 法人或其他组织 subtotal column (小计). Its values sit
-- after the five kinds of organisation, or before them when the header names
-- 小计 first. A header read in flat order cannot say more: 自然人 and 总计 span
-- two header rows, so their place in the stream is not their column.
local function header_order(ct, words)
  local org_at, biz_at
  for i, col in ipairs(words) do
    if col == "org" and not org_at then org_at = i end
    if col == "biz" and not biz_at then biz_at = i end
  end
  if not org_at then return nil end
  if biz_at and org_at < biz_at then
    return { "np", "org", "biz", "research", "ngo", "legal", "other", "total" }
  end
  return { "np", "biz", "research", "ngo", "legal", "other", "org", "total" }
end

-- Put the value cells that follow each row label into that row's cells.
local function bind_rows(T, ct, cells, R, problems)
  local row, filled, group = nil, 0, nil
  local seen, words, order = {}, {}, nil
  local function slot(r, k)
    if order then return r.by_col[order[k]] end
    return r.cells[k]
  end
  local function width(r)
    return order and r.by_col and #order or #r.cells
  end
  for _, b in ipairs(cells) do
    local state, v = value_state(T, b.text)
    if state then
      if row and filled < width(row) then
        filled = filled + 1
        R:set(slot(row, filled), state, v, b)
      else
        problems[#problems + 1] = { kind = "unplaced", block = b, table = ct.id }
      end
    else
      local t = norm(b.text)
      local r = find_row(ct, t, group)
      local g = not r and find_group(ct, t)
      if r then
        if not next(seen) and ct.column_words then order = header_order(ct, words) end
        if seen[r.id] then
          problems[#problems + 1] = { kind = "duplicate", block = b, table = ct.id, row = r }
          row = nil
        else
          seen[r.id] = true
          row, filled = r, 0
        end
        R.tables[ct.id].present = true
      elseif g then
        group = g
        -- values right after a group label are its printed subtotal
        row, filled = ct.subtotal and ct.subtotal[g.id] or nil, 0
        R.tables[ct.id].present = true
      elseif is_header(T, ct, t) or (ct.column_words and ct.column_words[t] and not next(seen)) then
        R.tables[ct.id].present = true
        if ct.column_words and ct.column_words[t] and not next(seen) then
          words[#words + 1] = ct.column_words[t]
        end
      elseif row and filled < width(row) then
        filled = filled + 1                       -- text where a number belongs
        R:set(slot(row, filled), "text", nil, b)
      else
        problems[#problems + 1] = { kind = "unplaced", block = b, table = ct.id }
      end
    end
  end
end

-- Table 4: header labels, then its values in grid order.
local function bind_flat(T, ct, cells, R, problems)
  local filled = 0
  for _, b in ipairs(cells) do
    local state, v = value_state(T, b.text)
    if state then
      if filled < #ct.cells then
        filled = filled + 1
        R:set(ct.cells[filled], state, v, b)
        R.tables[ct.id].present = true
      else
        problems[#problems + 1] = { kind = "unplaced", block = b, table = ct.id }
      end
    else
      local t = norm(b.text)
      if is_header(T, ct, t) then
        R.tables[ct.id].present = true
      elseif filled > 0 and filled < #ct.cells then
        filled = filled + 1
        R:set(ct.cells[filled], "text", nil, b)
      else
        problems[#problems + 1] = { kind = "unplaced", block = b, table = ct.id }
      end
    end
  end
end

--}===

-- A statistics period stated in text → {from=, to=, line=, col=} or nil.
function M.parse_period(text, block)
  local dashed = text
  for _, d in ipairs { "至", "到", "—", "－", "～", "~" } do dashed = dashed:gsub(d, "-") end
  for y1, m1, d1, rest in dashed:gmatch("(%d%d%d%d)%s*年%s*(%d%d?)%s*月%s*(%d%d?)%s*日([^\n]*)") do
    local y2, m2, d2 = rest:match("^%s*%-+%s*(%d%d%d%d)%s*年%s*(%d%d?)%s*月%s*(%d%d?)%s*日")
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
         and not b.text:find("^根据") then
        R.title = b.text
        R.title_line = b.line
      end
    end
  end
  local opening = table.concat(head, "\n")
  R.opening = opening
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

-- bind(T, doc, source) → report, problems
function M.bind(T, doc, source)
  local blocks = doc.blocks
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
  local function prose(from, to)
    local out = {}
    for i = from, to do
      if blocks[i] and blocks[i].kind == "para" then out[#out + 1] = blocks[i].text end
    end
    return table.concat(out, "\n")
  end
  R:add_section("s0", "", R.opening, blocks[1] and blocks[1].line or 1, 1)
  for k, st in ipairs(starts) do
    local stop = starts[k + 1] and starts[k + 1].index - 1 or #blocks
    local text = prose(st.index + 1, stop)
    if st.glued ~= "" then text = st.glued .. (text ~= "" and "\n" .. text or "") end
    R:add_section(st.section.id, st.block.text:sub(1, #st.block.text - #st.glued),
                  text, st.block.line, st.block.col, st.section, k)
    st.stop = stop
  end

  -- the tables, each in its own part; a legacy report has none of them
  R.format = detect_version(T, R, blocks, found)
  for _, tid in ipairs { "t2", "t3", "t4" } do
    local ct = T.tables[tid]
    R.tables[tid] = { present = false }
    for _, st in ipairs(R.format == "legacy" and {} or starts) do
      if st.section.id == ct.section then
        local cells = {}
        for i = st.index + 1, st.stop do
          if blocks[i].kind == "cell" then cells[#cells + 1] = blocks[i] end
        end
        R.tables[tid].line = cells[1] and cells[1].line or st.block.line
        if ct.kind == "rows" then bind_rows(T, ct, cells, R, problems)
        else bind_flat(T, ct, cells, R, problems) end
      end
    end
  end

  local texts = {}
  for i, b in ipairs(blocks) do texts[i] = b.text end
  R.fulltext = table.concat(texts, "\n")
  return R, problems
end

return M
