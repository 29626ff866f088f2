-- Binding a table: a stream of tokens (cells, short lines, runs of a flat
-- text) → the template's cells. Rows are found by their labels, whatever
-- the page did to them (split over lines, glued to numbers, repeated
-- headers); values follow their label. Digits glued together are cut by
-- the identities (glued.lua); what stays ambiguous is left unknown.

local labels = require "labels"
local glued = require "glued"
local nianbao = require "nianbao"
local norm, bare = labels.normalize, labels.bare

local M = {}

--{=== values ===

-- Digits as printed → an exact number, or nil. Folds full-width digits and
-- thousands separators; keeps the decimal places as printed.
function M.parse_number(text)
  local t = text:gsub("\xEF\xBC([\x90-\x99])", function(d)   -- full-width digits
    return string.char(d:byte() - 0x90 + 48)
  end):gsub("\xEF\xBC\x8E", "."):gsub("\xEF\xBC\x8D", "-"):gsub("%s", "")
  local plain = t
  if t:match("^[+-]?%d%d?%d?,%d%d%d[,%d]*%.?%d*$") then plain = t:gsub(",", "") end
  if not plain:match("^[+-]?%d+%.?%d*$") or plain:match("%.$") then return nil end
  if plain:sub(1, 1) == "+" then plain = plain:sub(2) end
  return (nianbao.number(plain))
end

-- Units printed with a value ("251000元", "5件"): stripped, and reported.
local units = { "万元", "元", "件", "条", "个", "项", "宗", "起", "次" }

-- "number", "blank", "marker", or nil for a label or other text; then the
-- value, and the unit that was stripped from it.
function M.value_state(T, text)
  if text == "" then return "blank" end
  local v = M.parse_number(text)
  if v ~= nil then return "number", v end
  for _, u in ipairs(units) do
    if #text > #u and text:sub(-#u) == u then
      v = M.parse_number(text:sub(1, -#u - 1))
      if v ~= nil then return "number", v, u end
    end
  end
  if T.markers[norm(text)] then return "marker" end
  return nil
end

local function is_unit(t)
  for _, u in ipairs(units) do
    if t == u then return true end
  end
  return false
end

--}===

--{=== tokens of a flat text ===

-- A run of prose and numbers with no cell boundaries ("规章000行政规范性文件693665")
-- → tokens: labels, and numbers (each space-separated group its own token,
-- marked glued: its digits may hold several cells). "2.其他" after digits
-- is an enumerator and starts the next label.
function M.tokenize(text, block)
  local out = {}
  local function put(kind, s, at)
    if kind == "label" then      -- a gap of two spaces or more parts two cells
      local from = 1
      while true do
        local g1, g2 = s:find("%s%s+", from)
        if not g1 then break end
        put("cell", s:sub(from, g1 - 1), at + from - 1)
        from = g2 + 1
      end
      if from > 1 then s, at = s:sub(from), at + from - 1 end
    end
    if s:find("%S") then
      out[#out + 1] = { kind = "cell", text = s:gsub("^%s+", ""):gsub("%s+$", ""), glued = kind == "num",
                        line = block.line, col = block.col + (utf8.len(text:sub(1, at - 1)) or 0),
                        offset = (block.offset or 0) + at - 1 }
    end
  end
  local label_at, pos, n = 1, 1, #text
  while pos <= n do
    local s, e = text:find("%-?%d[%d%.%s]*", pos)
    if not s then break end
    local run = text:sub(s, e):gsub("%s+$", "")
    e = s + #run - 1
    -- an enumerator right before a label belongs to that label: "3.其他", "1、申请人"
    local enum_at = run:find("%d%.$")
    local next_char = text:match("^%s*(.)", e + 1) or ""
    if enum_at and next_char ~= "" and not next_char:match("[%d%s]") then
      e = s + enum_at - 2
      run = text:sub(s, e)
    elseif run:match("%d$") and (text:sub(e + 1, e + 3) == "、" or text:sub(e + 1, e + 3) == "．") then
      e = e - 1
      run = text:sub(s, e)
    end
    if #run == 0 then
      pos = s + 2                          -- only an enumerator: still the label
    else
      put("label", text:sub(label_at, s - 1), label_at)
      local at = s
      for group in run:gmatch("%-?[^%s%-]+") do
        local g0 = text:find(group, at, true)
        put("num", (group:gsub("%.$", "")), g0)
        at = g0 + #group
      end
      pos, label_at = e + 1, e + 1
    end
  end
  if label_at <= n then put("label", text:sub(label_at), label_at) end
  return out
end

--}===

--{=== matching labels ===

-- Precompute what matching needs: normalised labels and one text of all
-- the table's words, for recognising fragments of split labels.
function M.prepare(ct, T)
  if ct.prepared then return end
  local words = {}
  for _, r in ipairs(ct.rows or {}) do
    r.norm = bare(norm(r.label))
    words[#words + 1] = norm(r.label)
  end
  for _, g in ipairs(ct.groups or {}) do words[#words + 1] = norm(g.label) end
  for _, h in ipairs(ct.headers or {}) do words[#words + 1] = h end
  for w in pairs(ct.column_words or {}) do words[#words + 1] = w end
  for _, h in ipairs(T.format_2019) do words[#words + 1] = h end
  ct.alltext = table.concat(words, "|")
  ct.prepared = true
end

-- Header words, longest first, for taking apart a header printed as one run.
local function header_words(ct, T)
  if ct.header_words then return ct.header_words end
  local list = {}
  for _, h in ipairs(ct.headers) do list[#list + 1] = h end
  for _, h in ipairs(T.format_2019) do list[#list + 1] = h end
  for w in pairs(ct.column_words or {}) do list[#list + 1] = w end
  table.sort(list, function(a, b) return #a > #b end)
  ct.header_words = list
  return list
end

-- A header label, or several run together ("行政复议行政诉讼结果维持…总计").
local function is_header(T, ct, t)
  if t:find("勾稽关系", 1, true) then return true end
  local rest = t
  for _, h in ipairs(header_words(ct, T)) do
    if rest == h then return true end
    if #h >= 6 and rest:find(h, 1, true) then
      rest = rest:gsub(h:gsub("%p", "%%%0"), "")
    end
  end
  rest = rest:gsub("%p", "")
  return rest == "" or (rest ~= t and (utf8.len(rest) or 3) <= 2)
end

local function find_group(ct, t)
  for _, g in ipairs(ct.groups or {}) do
    if g.match and #g.match > 0 and labels.contains_all(t, g.match) then return g end
  end
end

-- A row by its keywords; then an exact label ("3.其他") in its group.
local function find_row(ct, t, group)
  for _, r in ipairs(ct.rows) do
    if not r.exact and #r.match > 0 and labels.contains_all(t, r.match) then return r, true end
  end
  local b = bare(t)
  for _, r in ipairs(ct.rows) do
    if r.exact and group and r.group == group then
      for _, m in ipairs(r.match) do
        if b == m then return r, true end
      end
    end
  end
end

-- A piece of one row's label, long enough to be sure ("5.要求行政机关确认或重新出").
local function find_row_by_piece(ct, t)
  local b = bare(t)
  if (utf8.len(b) or 0) < 4 then return nil end
  local hit
  for _, r in ipairs(ct.rows) do
    if r.norm:find(b, 1, true) then
      if hit then return nil end
      hit = r
    end
  end
  return hit
end

-- A piece of some label of the table: a header cut by a line break, one
-- character of a label printed vertically. Ignored.
local function is_fragment(ct, t)
  local b = bare(t)
  if b == "" or (utf8.len(b) or 3) <= 2 then return true end
  return ct.alltext:find(b, 1, true) ~= nil
end

--}===

--{=== rows ===

-- The group of a row path: "result.other.nofee" → "other".
local function group_of(row)
  return row and row.id:match("^result%.(%a+)%.") or nil
end

-- Some renderings add a 法人或其他组织 subtotal column (小计). Its values sit
-- after the five kinds of organisation, or before them when the header names
-- 小计 first. A header read in flat order cannot say more: 自然人 and 总计 span
-- two header rows, so their place in the stream is not their column.
local function header_order(words)
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

-- tokens → segments: {row=, values={tokens}} in order; problems for the rest.
local function segment(T, ct, tokens, problems, present)
  local segs, seen, words = {}, {}, {}
  local cur, group, rows_started = nil, nil, false
  for _, b in ipairs(tokens) do
    local state = M.value_state(T, b.text)
    if not state and cur and #cur.values > 0 and is_unit(norm(b.text)) then
      cur.values[#cur.values].unit = b.text           -- "73802895.90" "元": one value
    elseif state then
      if cur then
        cur.values[#cur.values + 1] = b
      elseif state ~= "blank" then               -- blank padding around captions is no value
        problems[#problems + 1] = { kind = "unplaced", block = b, table = ct.id }
      end
    else
      local t = norm(b.text)
      local r, strong = find_row(ct, t, group or group_of(cur and cur.row))
      local g = find_group(ct, t)
      if not r and g then
        -- a group label with its first item run on: "（六）其他处理 3.其他"
        local _, e = t:find(g.match[1], 1, true)
        local rest = e and t:sub(e + 1) or ""
        if rest ~= "" then r, strong = find_row(ct, rest, g.id) end
      end
      if not r and not g then r = find_row_by_piece(ct, t) end
      if g then group = g.id end
      if r then
        present.yes = true
        rows_started = true
        if cur and cur.row == r then
          -- the rest of the same label, split by a line break or by its values
        elseif seen[r.id] then
          if strong then
            problems[#problems + 1] = { kind = "duplicate", block = b, table = ct.id, row = r }
            cur = nil
          end
        else
          seen[r.id] = true
          cur = { row = r, values = {}, block = b }
          segs[#segs + 1] = cur
          if r.group or group_of(r) then group = r.group or group_of(r) end
        end
      elseif g then
        present.yes = true
        local sub = ct.subtotal and ct.subtotal[g.id]
        if sub and not seen[sub.id] then
          seen[sub.id] = true
          cur = { row = sub, values = {}, block = b, optional = true }
          segs[#segs + 1] = cur
        else
          cur = nil
        end
      elseif is_header(T, ct, t) or (ct.column_words and ct.column_words[t]) then
        present.yes = true
        if not rows_started and ct.column_words and ct.column_words[t] then
          words[#words + 1] = ct.column_words[t]
        end
      elseif cur and #cur.values > 0 and #cur.values < #cur.row.cells then
        cur.values[#cur.values + 1] = b             -- text where a number belongs
      elseif is_fragment(ct, t) then
        -- a piece of a label split by the page
      else
        problems[#problems + 1] = { kind = "unplaced", block = b, table = ct.id }
      end
    end
  end
  return segs, header_order(words)
end

local function digits_only(values)
  for _, b in ipairs(values) do
    if not b.glued or not b.text:match("^%-?%d[%d%.]*$") then return false end
  end
  return true
end

-- The cells of a row in the order the page prints them.
local function row_slots(row, order)
  if order and row.by_col then
    local s = {}
    for i, col in ipairs(order) do s[i] = row.by_col[col] end
    return s
  end
  return row.cells
end

local function set_value(R, id, b, text)
  local state, v, unit = M.value_state(R.T, text or b.text)
  unit = unit or b.unit
  local copy = { text = (text or b.text) .. (b.unit or ""), line = b.line, col = b.col, offset = b.offset }
  if state then R:set(id, state, v, copy) else R:set(id, "text", nil, copy) end
  if unit then R.units[#R.units + 1] = { id = id, unit = unit, text = copy.text, line = b.line, col = b.col } end
end

-- The identity a row of this table must satisfy, for cutting glued digits.
local function row_rule(ct, slots)
  if ct.id ~= "t3" then return glued.any end
  if #slots == 8 then        -- with the organisations' subtotal
    return function(p)
      return glued.sum_is_last({ p[1], p[2], p[3], p[4], p[5], p[6], p[8] })
    end
  end
  return glued.sum_is_last
end

--}===

--{=== joint resolution (table 3) ===

-- Rows whose glued digits allow several cuts: choose the one combination
-- that makes （七）总计 the sum of the outcomes and 一+二 = 三+四 in every column.
local function resolve_jointly(T, ct, known, open)
  local cols = T.fmt.t3.columns
  local function value(path, ci)
    local v = known[path]
    return v and v[ci]
  end
  local function consistent()
    for ci = 1, #cols do
      local total = value("t3.result.total", ci)
      if total then
        local sum, all = 0, true
        for _, r in ipairs(ct.rows) do
          if r.path:match("^t3%.result%.") and r.path ~= "t3.result.total" then
            local v = value(r.path, ci)
            if not v then all = false break end
            sum = sum + v
          end
        end
        if all and sum ~= total then return false end
      end
      local a, b, c, d = value("t3.new", ci), value("t3.carried", ci), total, value("t3.next", ci)
      if a and b and c and d and a + b ~= c + d then return false end
    end
    return true
  end
  local found, combos = nil, 0
  local function rec(i)
    if combos > 100000 then return end
    if i > #open then
      combos = combos + 1
      if consistent() then
        if found then found = false else found = {} for k, o in ipairs(open) do found[k] = o.pick end end
      end
      return
    end
    local o = open[i]
    for _, cand in ipairs(o.candidates) do
      local ints = {}
      for k, s in ipairs(cand) do ints[k] = math.tointeger(tonumber(s)) end
      known[o.seg.row.path] = ints
      o.pick = cand
      rec(i + 1)
      if found == false then break end
    end
    known[o.seg.row.path] = nil
  end
  rec(1)
  return found or nil
end

--}===

-- bind(T, ct, tokens, R, problems): fill R's cells of table ct.
function M.bind_rows(T, ct, tokens, R, problems, present)
  M.prepare(ct, T)
  local segs, order = segment(T, ct, tokens, problems, present)
  local known, open = {}, {}
  for _, seg in ipairs(segs) do
    local slots = row_slots(seg.row, order)
    local values = seg.values
    if #values == #slots or not (#values < #slots and digits_only(values) and #values > 0) then
          for i, b in ipairs(values) do
        if slots[i] then set_value(R, slots[i], b)
        elseif b.text ~= "" then          -- empty cells past the row's end only pad it
          problems[#problems + 1] = { kind = "unplaced", block = b, table = ct.id }
        end
      end
      if ct.id == "t3" and #values == #slots then
        local ints = {}
        for i, b in ipairs(values) do ints[i] = math.tointeger(tonumber(b.text)) end
        if #ints == 7 then known[seg.row.path] = ints end
      end
    else
      local groups = {}
      for i, b in ipairs(values) do groups[i] = b.text end
      local cands, complete = glued.splits(groups, #slots, row_rule(ct, slots))
      local p = { kind = "glued", block = values[1], table = ct.id, row = seg.row,
                  digits = table.concat(groups, " "), count = #cands, complete = complete }
      problems[#problems + 1] = p
      if #cands == 1 and complete then
        p.resolved = true
        for i, s in ipairs(cands[1]) do set_value(R, slots[i], values[1], s) end
        if ct.id == "t3" and #slots == 7 then
          local ints = {}
          for i, s in ipairs(cands[1]) do ints[i] = math.tointeger(tonumber(s)) end
          known[seg.row.path] = ints
        end
      else
        p.candidates, p.slots = cands, slots
        for _, id in ipairs(slots) do R.unknown[id] = true end
        if #cands > 1 and complete and ct.id == "t3" and #slots == 7 then
          open[#open + 1] = { seg = seg, candidates = cands, slots = slots, problem = p }
        end
      end
    end
  end
  if #open > 0 then
    local picks = resolve_jointly(T, ct, known, open)
    for k, o in ipairs(open) do
      if picks then
        o.problem.resolved, o.problem.jointly = true, true
        for i, s in ipairs(picks[k]) do
          set_value(R, o.slots[i], o.seg.values[1], s)
          R.unknown[o.slots[i]] = nil
        end
      end
    end
  end
end

-- Table 4: header labels, then fifteen values in grid order.
function M.bind_flat(T, ct, tokens, R, problems, present)
  M.prepare(ct, T)
  local values = {}
  for _, b in ipairs(tokens) do
    local state = M.value_state(T, b.text)
    if state then
      values[#values + 1] = b
    else
      local t = norm(b.text)
      if is_header(T, ct, t) or is_fragment(ct, t) then
        present.yes = true
      elseif #values > 0 and #values < #ct.cells then
        values[#values + 1] = b
      else
        problems[#problems + 1] = { kind = "unplaced", block = b, table = ct.id }
      end
    end
  end
  if #values > 0 then present.yes = true end
  if #values < #ct.cells and #values > 0 and digits_only(values) then
    local groups = {}
    for i, b in ipairs(values) do groups[i] = b.text end
    local cands, complete = glued.splits(groups, #ct.cells, glued.sums_by(#T.fmt.t4.columns))
    local p = { kind = "glued", block = values[1], table = ct.id, digits = table.concat(groups, " "),
                count = #cands, complete = complete }
    problems[#problems + 1] = p
    if #cands == 1 and complete then
      p.resolved = true
      for i, s in ipairs(cands[1]) do set_value(R, ct.cells[i], values[1], s) end
    else
      p.candidates, p.slots = cands, ct.cells
      for _, id in ipairs(ct.cells) do R.unknown[id] = true end
    end
    return
  end
  for i, b in ipairs(values) do
    if ct.cells[i] then set_value(R, ct.cells[i], b)
    else problems[#problems + 1] = { kind = "unplaced", block = b, table = ct.id } end
  end
end

return M
