-- A format pack's declaration (format.lua, after every pack it extends)
-- compiled once per process: the schema of cell ids (C), what each cell
-- is, each table's rows, columns and official grid, the labels folded
-- for matching, the grammars compiled. Every other stage reads a format
-- through this object and names none of its words.

local nianbao = require "nianbao"
local view = require "view"
local labels = require "labels"
local re = require "re"
local lpeg = require "lpeg"

local M = {}

-- (tables of a size known ahead made with room for it: a format's some
-- thousand tables, grown item by item, were rehashed a thousand times)
local new_table = nianbao.new_table

local function fail(path, msg, ...)
  error(string.format("%s: " .. msg, path, ...), 0)
end

-- One UTF-8 character, for grammars: %ch.
local utf8char = lpeg.R"\0\127" + lpeg.R"\194\223" * lpeg.R"\128\191"
               + lpeg.R"\224\239" * lpeg.R"\128\191" * lpeg.R"\128\191"
               + lpeg.R"\240\244" * lpeg.R"\128\191" * lpeg.R"\128\191" * lpeg.R"\128\191"
M.utf8char = utf8char

-- "{agency}{year}年…" with vars filled; unknown names stay as written.
function M.fill(template, vars)
  return (template:gsub("{([%w_]+)}", function(k)
    local v = vars[k]
    if v == nil then return nil end
    return tostring(v)
  end))
end

--{=== tables ===

-- The rows of a block, flattened in printed order: leaves, and groups'
-- optional subtotal rows. Each row knows its enclosing groups.
local function flatten(T, rows, groups, depth, out, path)
  for _, r in ipairs(rows or {}) do
    if type(r.id) ~= "string" or not r.id:match("^[%w_]+$") then
      fail(path, "table %s: a row needs an id of letters, digits and _", T.id)
    end
    local chain = new_table(#groups + 1, 0)
    for i = 1, #groups do chain[i] = groups[i] end
    if r.rows then
      local g = { id = r.id, label = r.label, keys = r.keys or { r.label }, depth = depth,
                  parent = groups[#groups], path = (#groups > 0 and groups[#groups].path .. "." or "") .. r.id }
      T.groups[#T.groups + 1] = g
      if r.subtotal then g.subtotal = true end
      chain[#chain + 1] = g
      T.label_depth = math.max(T.label_depth, depth + 1)
      local first = #out + 1
      flatten(T, r.rows, chain, depth + 1, out, path)
      g.rowspan = #out - first + 1
      g.first = out[first]
    else
      local id = (#groups > 0 and groups[#groups].path .. "." or "") .. r.id
      -- (the fields compile_table adds, named here for their room)
      out[#out + 1] = { id = id, label = r.label, keys = r.keys or { r.label }, exact = r.exact,
                        groups = chain, depth = depth, group = groups[#groups],
                        block = nil, path = nil, cells = nil, by_col = nil, norm = nil, keys_norm = nil, shown = nil }
      T.label_depth = math.max(T.label_depth, depth)
    end
  end
end

-- The header cells over a block's data columns: one header row per level
-- of `over`, consecutive columns under the same words merged, each
-- column's own label spanning down to the last header row.
local function header_rows(columns, depth)
  local rows = {}
  for level = 1, depth do
    local row, i = {}, 1
    while i <= #columns do
      local c = columns[i]
      local over = c.over or {}
      if #over >= level then
        local j = i
        while j + 1 <= #columns do
          local o2 = columns[j + 1].over or {}
          local same = #o2 >= level
          for k = 1, level do same = same and o2[k] == over[k] end
          if not same then break end
          j = j + 1
        end
        row[#row + 1] = { text = over[level], colspan = j - i + 1, rowspan = 1, header = true }
        i = j + 1
      else
        if #over == level - 1 then
          row[#row + 1] = { text = c.label, colspan = 1, rowspan = depth - level + 1, header = true }
        end
        i = i + 1
      end
    end
    rows[level] = row
  end
  return rows
end

-- The header words (a list, and a set's keys) longest first, words of one
-- length in order: each length's sorted apart, without a Lua comparison
-- for each pair.
local function longest_first(list, set)
  local by_len, lens = {}, {}
  local function put(w)
    local l = by_len[#w]
    if not l then l = {}; by_len[#w] = l; lens[#lens + 1] = #w end
    l[#l + 1] = w
  end
  for _, w in ipairs(list) do put(w) end
  for w in pairs(set) do put(w) end
  table.sort(lens)
  local out = {}
  for i = #lens, 1, -1 do
    local l = by_len[lens[i]]
    table.sort(l)
    table.move(l, 1, #l, #out + 1, out)
  end
  return out
end

-- compile one table: cells into the schema, rows, columns and the grid.
local function compile_table(F, tid, decl, path)
  local T = { id = tid, title = decl.title or tid, starts = decl.starts or {}, rows = {}, groups = {},
              header_keys = {},
              columns = {}, column_words = {}, headers = {}, cells = {}, label_depth = 0,
              blocks = {}, width = 0 }
  local norm = F.labels.norm
  local function header(s) if s then T.headers[#T.headers + 1] = norm(s) end end
  for i, k in ipairs(decl.header_keys or {}) do T.header_keys[i] = norm(k) end
  for b, block in ipairs(decl.blocks or {}) do
    -- the columns: a block with groups of columns has each column once per group
    local cols = {}
    for _, g in ipairs(block.groups or { false }) do
      for _, c in ipairs(block.columns or {}) do
        if type(c.id) ~= "string" then fail(path, "table %s: a column needs an id", tid) end
        local keys = c.keys or { c.label }
        local keys_norm = {}
        for i, k in ipairs(keys) do keys_norm[i] = norm(k) end
        cols[#cols + 1] = { id = c.id, label = c.label, keys = keys, keys_norm = keys_norm, kind = c.kind,
                            unit = c.unit, printed = c.printed ~= false,
                            over = g and g.over or c.over, group = g or nil }
      end
      if g then header(g.label) end
    end
    local printed = {}
    for _, c in ipairs(cols) do
      if c.printed then printed[#printed + 1] = c end
      for _, k in ipairs(c.keys) do T.column_words[norm(k)] = c.id end
      header(c.label)
      for _, o in ipairs(c.over or {}) do header(o) end
    end
    header(block.caption); header(block.head); header(block.corner)
    local rows = {}
    local blk = { caption = block.caption, head = block.head, corner = block.corner,
                  columns = cols, printed = printed, rows = rows, index = b, groups = block.groups or {} }
    if block.rows then
      flatten(T, block.rows, {}, 1, rows, path)
    else
      rows[1] = { id = "", anonymous = true, groups = {}, depth = 0 }   -- one unlabelled row
      T.flat = true
    end
    blk.header_depth = 0
    for _, c in ipairs(printed) do blk.header_depth = math.max(blk.header_depth, #(c.over or {}) + 1) end
    T.blocks[b] = blk
    T.width = math.max(T.width, #printed)
    for _, r in ipairs(rows) do
      r.block = blk
      r.path = tid .. (r.id ~= "" and ("." .. r.id) or "")
      r.cells, r.by_col = new_table(#printed, 0), new_table(0, #cols)
      T.rows[#T.rows + 1] = r
    end
  end
  -- the label columns, then each row's cells and labels
  T.width = T.width + T.label_depth
  local info, ids, money = F.info, F.ids, F.money
  local n = #ids
  -- (the cell's kind given apart: the schema's kind of it read without a
  -- look-up in cell; the schema takes the ids all at once, in this order,
  -- each with the kind it came with first, "signed" a count too)
  local function add(id, cell, kind)
    if info[id] == nil then
      n = n + 1
      ids[n], money[n] = id, kind == "money"
    else
      F.twice = true
    end
    info[id] = cell
  end
  -- what a block's columns give each row's cells, worked out once a block
  local column_cells = {}
  for _, blk in ipairs(T.blocks) do
    local list = {}
    for i, c in ipairs(blk.columns) do
      local grp = c.group
      list[i] = { c.id, grp and (grp.id .. "." .. c.id) or c.id, grp, c.label, c.kind or "count",
                  not c.printed, c.printed }
    end
    column_cells[blk] = list
  end
  local tcells = T.cells
  local rows = T.rows
  for ri = 1, #rows do
    local r = rows[ri]
    if not r.anonymous then
      r.norm = F.labels.bare(norm(r.label))
      local keys_norm = new_table(#r.keys, 0)
      for i, k in ipairs(r.keys) do keys_norm[i] = norm(k) end
      r.keys_norm = keys_norm
      -- the label that names the row: its enclosing groups but the outermost, then its own
      local groups = r.groups
      if #groups < 2 and type(r.label) == "string" then r.shown = r.label
      else
        local shown = {}
        for i = 2, #groups do shown[#shown + 1] = groups[i].label end
        shown[#shown + 1] = r.label
        r.shown = table.concat(shown)
      end
    end
    local path, by_col, cells, rid, shown = r.path .. ".", r.by_col, r.cells, r.id, r.shown
    local list = column_cells[r.block]
    for i = 1, #list do
      local c = list[i]
      local cid, col, grp, kind = c[1], c[2], c[3], c[5]
      local id = path .. col
      add(id, { id = id, table = tid, row = grp and grp.id or rid, column = cid,
                row_label = grp and grp.label or shown, col_label = c[4],
                kind = kind, optional = c[6] }, kind)
      by_col[col] = id
      if c[7] then
        cells[#cells + 1] = id
        tcells[#tcells + 1] = id
      end
    end
  end
  -- a group that may print a subtotal row of its own
  T.subtotal = {}
  for _, g in ipairs(T.groups) do
    g.keys_norm = {}
    for i, k in ipairs(g.keys) do g.keys_norm[i] = norm(k) end
    header(g.label)
    if g.subtotal then
      local blk = g.first.block
      local r = { id = g.path, path = tid .. "." .. g.path, label = g.label .. F.subtotal,
                  shown = g.label .. F.subtotal, keys = {}, keys_norm = {}, groups = {}, optional = true,
                  block = blk, cells = {}, by_col = {} }
      for _, c in ipairs(blk.columns) do
        local id = r.path .. "." .. c.id
        local kind = c.kind or "count"
        add(id, { id = id, table = tid, row = r.id, column = c.id, row_label = r.shown, col_label = c.label,
                  kind = kind, optional = true }, kind)
        r.by_col[c.id] = id
        if c.printed then r.cells[#r.cells + 1] = id end
      end
      T.subtotal[g.id] = r
    end
  end
  for _, r in ipairs(T.rows) do
    if not r.anonymous then F.rowlabels[r.path] = r.shown end
  end
  -- for matching: one text of all the table's words (pieces of split labels
  -- are found in it), and its header words longest first (headers printed
  -- as one run are taken apart with them)
  local words = {}
  for _, r in ipairs(T.rows) do
    if not r.anonymous then words[#words + 1] = norm(r.label) end
  end
  for _, g in ipairs(T.groups) do words[#words + 1] = norm(g.label) end
  for _, h in ipairs(T.headers) do words[#words + 1] = h end
  -- (the column words in one order: the text the same at every compile, as
  -- the build's image of it; it is only looked in)
  local column_words = {}
  for w in pairs(T.column_words) do column_words[#column_words + 1] = w end
  table.sort(column_words)
  table.move(column_words, 1, #column_words, #words + 1, words)
  T.alltext, T.heads = table.concat(words, "|"), longest_first(T.headers, T.column_words)
  for _, g in ipairs(T.groups) do F.rowlabels[tid .. "." .. g.path] = g.label end
  for _, c in ipairs(T.blocks[1] and T.blocks[1].columns or {}) do
    if c.group then F.rowlabels[tid .. "." .. c.group.id] = c.group.label end
  end
  -- the printed columns in order, by id (for identities over columns), and
  -- the column groups (table 4)
  local seen = {}
  for _, blk in ipairs(T.blocks) do
    for _, c in ipairs(blk.printed) do
      if not seen[c.id] then seen[c.id] = true; T.columns[#T.columns + 1] = c end
    end
  end
  return T
end

--}===

--{=== the grid (spec §5): what writers draw ===

-- (positional, not an options table: a format's grid is some hundreds of cells)
local function cell(text, rowspan, colspan, header, role, id)
  return { text = text, rowspan = rowspan or 1, colspan = colspan or 1,
           header = header or false, id = id, role = role }
end

-- grid(T) → rows of cells with spans; data cells carry their cell id.
local function grid(T)
  local rows = {}
  for _, blk in ipairs(T.blocks) do
    local ndata = T.width - T.label_depth
    if blk.caption then
      rows[#rows + 1] = { cell(blk.caption, 1, T.width, true, "caption") }
    end
    local heads = header_rows(blk.printed, blk.header_depth)
    -- the last printed column spans what the block's columns leave free
    local spare = ndata - #blk.printed
    if #heads > 0 and spare > 0 then
      local last = heads[#heads]
      last[#last].colspan = last[#last].colspan + spare
    end
    if T.label_depth > 0 and #heads > 0 then
      local first = blk.corner or blk.head
      if first then
        table.insert(heads[1], 1, cell(first, #heads, T.label_depth, true,
                                                blk.corner and "corner" or nil))
      end
    end
    for _, h in ipairs(heads) do rows[#rows + 1] = h end
    local opened = {}
    for _, r in ipairs(blk.rows) do
      local row = {}
      if not r.anonymous then
        for _, g in ipairs(r.groups) do
          if not opened[g] then
            opened[g] = true
            row[#row + 1] = cell(g.label, g.rowspan, 1, true, "label")
          end
        end
        row[#row + 1] = cell(r.label, 1, T.label_depth - #r.groups, true, "label")
      end
      for i, id in ipairs(r.cells) do
        row[#row + 1] = cell(nil, 1, (i == #r.cells) and (1 + spare) or 1, false, nil, id)
      end
      rows[#rows + 1] = row
    end
  end
  return rows
end

-- A table's grid is drawn when first asked for (T.grid): only the writers
-- that draw tables ask, and drawing every table is some 1 M instructions.
local lazy_grid = { __index = function(T, k)
  if k ~= "grid" then return nil end
  local g = grid(T)
  rawset(T, "grid", g)
  return g
end }

--}===

-- compile(decl, name, path) → format. decl: the globals of the pack's
-- format.lua (with every format it extends applied first).
-- signature(decl[, norm]) → the format's signature labels, normalised as
-- its compiled format has them (norm: its labels' norm, made when not given)
function M.signature(decl, norm)
  norm = norm or labels.new(decl.fold, decl.numerals).norm
  local sig = {}
  for i, s in ipairs(decl.signature or {}) do sig[i] = norm(s) end
  return sig
end

-- The label folder of a fold and numerals: a compiled format with the same
-- ones lends its own (the formats of one set of packs fold alike), else a
-- new one. shared: {folders=, grammars=} of one set of packs, or nil.
local function folder_of(decl, shared)
  for _, f in ipairs(shared and shared.folders or {}) do
    if f.numerals == decl.numerals and view.same(f.fold, decl.fold) then return f.labels end
  end
  local L = labels.new(decl.fold, decl.numerals)
  if shared then
    -- (a copy: what it was made from, whatever becomes of the declaration)
    local fold = type(decl.fold) == "table" and require("view").copy(decl.fold) or decl.fold
    shared.folders[#shared.folders + 1] = { fold = fold, numerals = decl.numerals, labels = L }
  end
  return L
end

-- The format's grammars by name, each compiled when first asked for (and
-- all of them when walked): a check of a report uses five of the seven,
-- and each costs some 0.3 M instructions to compile. compiled: the
-- patterns by grammar text, shared by the formats of one set of packs.
local function grammars_of(decl, path, compiled)
  local texts = {}
  for gname, g in pairs(decl.grammars or {}) do texts[gname] = g end
  local function compile(gname)
    local g = texts[gname]
    local p = type(g) == "string" and compiled[g]
    if not p then
      local ok
      ok, p = pcall(re.compile, g, { ch = utf8char })
      if not ok then fail(path, "grammar '%s': %s", gname, tostring(p)) end
      if type(g) == "string" then compiled[g] = p end
    end
    return p
  end
  return setmetatable({}, {
    __index = function(grammars, gname)
      if texts[gname] == nil then return nil end
      local p = compile(gname)
      rawset(grammars, gname, p)
      return p
    end,
    __pairs = function(grammars)
      for gname in pairs(texts) do local _ = grammars[gname] end
      return next, grammars, nil
    end,
  })
end

-- The headings of the parts of F (its compiled data: parts, heading),
-- indexed for the binder (bind.lua, heading_of): each (part, heading) in
-- order, the first of them equal to a text, and by length the first whose
-- numbered form begins a text. Plain data, made with the format's tables
-- and so taken from the build's image of them: it was a tenth of a first
-- report's bind. norm: the format's label folder's.
local function first_char(s)      -- by its lead byte: s may not be UTF-8
  local c = s:byte(1) or 0
  return s:sub(1, c >= 0xF0 and 4 or c >= 0xE0 and 3 or c >= 0xC0 and 2 or 1)
end
function M.heading_index(F, decl, norm)
  local ix = { list = {}, exact = {}, prefix = {}, lengths = {}, longest = 0 }   -- lengths: by the first character
  for _, p in ipairs(F.parts) do
    for k, h in ipairs(p.heads) do
      local e = { p = p, k = k, h = h, numbered = p.numbered .. h }
      ix.list[#ix.list + 1] = e
      e.order = #ix.list
      for _, s in ipairs { e.numbered, h } do
        if not ix.exact[s] then ix.exact[s] = e end
        if #s > ix.longest then ix.longest = #s end
      end
      local n, c = #e.numbered, first_char(e.numbered)
      if not ix.prefix[n] then ix.prefix[n] = {} end
      local ls = ix.lengths[c] or {}
      ix.lengths[c] = ls
      local known = false
      for _, m in ipairs(ls) do known = known or m == n end
      if not known then ls[#ls + 1] = n end
      if not ix.prefix[n][e.numbered] then ix.prefix[n][e.numbered] = e end
    end
  end
  -- the first characters of the parts' numerals: a text that begins with
  -- none has no part's numeral (none where a numeral is shorter than its
  -- lead byte says: then every part is tried)
  ix.numeral_firsts = {}
  for _, p in ipairs(F.parts) do
    if p.numbered ~= "" then
      local c = first_char(p.numbered)
      local lead = p.numbered:byte(1)
      local size = lead >= 0xF0 and 4 or lead >= 0xE0 and 3 or lead >= 0xC0 and 2 or 1
      if #p.numbered < size then ix.numeral_firsts = nil; break end
      ix.numeral_firsts[c] = true
    end
  end
  -- the parts numbered otherwise: each part's number so printed and the
  -- first character of a title of it (a number's closing "." is kept only
  -- before it), by their length, by their first two bytes (most texts, a
  -- table's numbers too, begin with none of them)
  ix.numbers = {}
  -- (each part's titles' first characters, its first title's first, found once for all forms)
  local firsts = {}
  for k, p in ipairs(F.parts) do
    local list, seen = {}, {}
    for _, h in ipairs(p.heads) do
      local c = first_char(h)
      if not seen[c] then seen[c] = true; list[#list + 1] = c end
    end
    firsts[k] = list
  end
  for _, form in ipairs(decl.heading_numbers or {}) do
    for k, p in ipairs(F.parts) do
      -- the number as its normal form ends before a title (normalised once a part)
      local titles = firsts[k]
      local title1 = titles[1]
      local number = norm(M.fill(form, p.numbers) .. title1)
      number = number:sub(1, #number - #title1)
      for _, title in ipairs(titles) do
        local lead = number .. title
        local b1, b2 = lead:byte(1, 2)
        local second = ix.numbers[b1] or {}
        ix.numbers[b1] = second
        local by_length = second[b2] or {}
        second[b2] = by_length
        local leads
        for _, l in ipairs(by_length) do if l.n == #lead then leads = l end end
        if not leads then leads = { n = #lead, of = {} }; by_length[#by_length + 1] = leads end
        leads.of[lead] = { p = p, title = title }
      end
    end
  end
  -- the forms that number a part alone ("第{n}部分", "第{n}章"), and the
  -- first characters they begin with (a form that begins with its number:
  -- every part's); their numbers are listed when first asked (part_numbers)
  ix.part_forms, ix.part_firsts = {}, {}
  for _, form in ipairs(decl.heading_numbers or {}) do
    for _, only in ipairs(decl.part_numbers or {}) do
      if form:sub(1, #only) == only then
        ix.part_forms[#ix.part_forms + 1] = form
        local lead = form:match("^([^{]+)")
        for _, p in ipairs(lead and { F.parts[1] } or F.parts) do
          local number = norm(lead and first_char(lead) or M.fill(form, p.numbers))
          if number ~= "" then ix.part_firsts[first_char(number)] = true end
        end
        break
      end
    end
  end
  -- each numeral's heading lead ("七、"), by its first character (a part's
  -- title may follow another numeral than its own) and by its place
  ix.leads, ix.lead_at = {}, {}
  for _, c in utf8.codes(decl.numerals or "") do
    local lead = norm(M.fill(F.heading, { n = utf8.char(c), title = "" }))
    if lead ~= "" then ix.leads[first_char(lead)] = lead end
    ix.lead_at[#ix.lead_at + 1] = lead ~= "" and lead or false
  end
  return ix
end

-- The format's tables of plain data (all of a compiled format but its
-- schema, label folder, grammars and declaration): what compile makes of
-- the declaration with labels (its label folder), or what a build-time
-- image of it gives for the same declaration (compile's `image`). ids,
-- money, prev_money: the cells for the schema, in order, and whether each
-- is money, of this year and of last (prev.).
local function compiled_data(decl, name, path, labels)
  local F = {
    name = name, basis = decl.basis, title = decl.title or "{agency}{year}",
    heading = decl.heading or "{n} {title}", subtotal = decl.subtotal or "",
    labels = labels, cells = {}, info = {}, ids = {}, money = {}, rowlabels = {},
    tables = {}, table_by_id = {}, parts = {}, part_by_id = {},
    opening = (decl.opening or {}).id or "s0",
    issuers = decl.issuers or {}, unknown_issuer = decl.unknown_issuer or { kind = "unknown" },
    language = decl.language or {}, authoring = decl.authoring or {},
    report_words = decl.report_words or {}, period_words = decl.period_words or {},
    units = decl.units or {}, enumerator_marks = decl.enumerator_marks or {},
    title_not = decl.title_not or {}, key_figures = decl.key_figures or {},
    typography = decl.typography or {}, agency_endings = decl.agency_endings or {},
    agency_frame = decl.agency_frame or {},
  }
  local norm = labels.norm
  -- the parts
  for i, p in ipairs(decl.parts) do
    local heads, raw = {}, {}
    for k, t in ipairs { p.title, table.unpack(p.variants or {}) } do
      heads[k] = norm(t)
      raw[k] = M.fill(F.heading, { n = p.n, title = t })
    end
    local words = {}
    for k, w in ipairs(p.words or {}) do words[k] = norm(w) end
    local part = { id = p.id, n = p.n, index = i, title = p.title, table = p.table,
                   heading = M.fill(F.heading, { n = p.n, title = p.title }),
                   heads = heads, raw_heads = raw, numbered = norm(p.n or ""), words = words,
                   lead = M.fill(F.heading, { n = p.n, title = "" }) }
    -- its number as each form of decl.heading_numbers names it ({n}, {i}, a list of decl.part_numerals)
    part.numbers = { n = p.n, i = i }
    for name, list in pairs(decl.part_numerals or {}) do part.numbers[name] = list[i] end
    F.parts[i] = part
    F.part_by_id[p.id] = part
  end
  -- the tables, in the order of their parts
  for _, part in ipairs(F.parts) do
    if part.table then
      local decl_t = decl.tables[part.table]
      if type(decl_t) ~= "table" then fail(path, "part %s names table '%s', which is not declared", part.id, part.table) end
      local T = compile_table(F, part.table, decl_t, path)
      T.part = part.id
      F.tables[#F.tables + 1] = T
      F.table_by_id[T.id] = T
      table.move(T.cells, 1, #T.cells, #F.cells + 1, F.cells)
    end
  end
  -- the cells, then last year's of each, for identities across years
  -- (prev.t3.next.np) of the kind its cell has last
  local ids, money = F.ids, F.money
  if F.twice then
    local info = F.info
    money = {}
    for i = 1, #ids do money[i] = info[ids[i]].kind == "money" end
  end
  F.prev_money, F.twice = money, nil
  -- cells, the page
  F.markers = {}
  for _, m in ipairs(decl.markers or {}) do F.markers[norm(m)] = true end
  F.meta_keys = {}
  for field, keys in pairs(decl.metadata or {}) do
    for _, k in ipairs(keys) do F.meta_keys[norm(k)] = field end
  end
  F.legacy = { headings = {}, at_least = (decl.legacy or {}).at_least or 2 }
  for i, h in ipairs((decl.legacy or {}).headings or {}) do F.legacy.headings[i] = norm(h) end
  F.signature = M.signature(decl, norm)
  F.issuer_by_kind = { [F.unknown_issuer.kind] = F.unknown_issuer }
  F.heading_index = M.heading_index(F, decl, norm)
  for _, k in ipairs(F.issuers) do F.issuer_by_kind[k.kind] = k end
  -- what rule files see of the format (read-only)
  F.view = {
    name = F.name, basis = F.basis, title = F.title, parts = F.parts, part_by_id = F.part_by_id,
    tables = F.table_by_id, table_order = F.tables, opening = F.opening,
    issuers = F.issuers, issuer_by_kind = F.issuer_by_kind, unknown_issuer = F.unknown_issuer,
    language = F.language, cells = F.cells, info = F.info,
  }
  F.labels = nil
  return F
end
M.compiled_data = compiled_data

-- compile(decl, name, path[, shared[, image]]): shared, {folders = {}, grammars = {}}
-- kept by the caller for formats built outside any script's limits, lets
-- them share their label folder and the grammars of the same text. image:
-- image(decl) → compiled_data's tables for this very declaration, made when
-- the binary was built (the caller's to know that it is the same).
function M.compile(decl, name, path, shared, image)
  path = path or name
  for _, field in ipairs { "parts", "tables" } do
    if type(decl[field]) ~= "table" then fail(path, "missing field '%s'", field) end
  end
  local labels = folder_of(decl, shared)
  local F = image and image(decl) or compiled_data(decl, name, path, labels)
  F.decl, F.labels, F.schema = decl, labels, nianbao.schema()
  F.schema:add_all(F.ids, F.money)
  F.schema:add_all(F.ids, F.prev_money, "prev.")
  F.ids, F.money, F.prev_money = nil, nil, nil
  for _, T in ipairs(F.tables) do setmetatable(T, lazy_grid) end
  F.grammars = grammars_of(decl, path, shared and shared.grammars or {})
  return F
end

--{=== questions other stages ask ===

-- Where a cell is, for messages: 表三“（一）予以公开”行“自然人”列.
function M.where(F, id, lang, messages)
  local info = F.info[id]
  if not info then return id end
  local T = F.table_by_id[info.table]
  if lang == "en" then
    return messages.text("en", "where_cell", T.id, info.row, info.column, id)
  end
  return messages.text("zh", T.flat and "where_flat" or "where_cell", T.title, info.row_label, info.col_label)
end

-- The label of a value an identity ranges over: a row path, a column id,
-- or a row of table tid.
function M.label(F, value, tid)
  if F.rowlabels[value] then return F.rowlabels[value] end
  if tid and F.rowlabels[tid .. "." .. value] then return F.rowlabels[tid .. "." .. value] end
  local T = F.table_by_id[tid or ""]
  if T then
    for _, c in ipairs(T.columns) do
      if c.id == value then return c.label end
    end
  end
  return value
end

-- A name with a second name in brackets after it ("某市人民政府（某市人民政府办公室）"):
-- the two names, or nil for any other name.
local OPEN, CLOSE = "\xEF\xBC\x88", "\xEF\xBC\x89"     -- full-width brackets
function M.names_apart(name)
  local close = name:sub(-#CLOSE) == CLOSE and CLOSE or name:sub(-1) == ")" and ")"
  if not close then return nil end
  local open = close == CLOSE and OPEN or "("
  local at, from = nil, 1
  while true do
    local i = name:find(open, from, true)
    if not i then break end
    at, from = i, i + 1
  end
  if not at or at == 1 then return nil end
  return name:sub(1, at - 1), name:sub(at + #open, -#close - 1)
end

-- The issuer kind of an agency's name, by the format's name endings; of a
-- name with a second in brackets, the kind both are, else not known.
function M.issuer(F, name)
  if not name then return F.unknown_issuer.kind end
  local first, second = M.names_apart(name)
  if first then
    local kind = M.issuer(F, first)
    return kind == M.issuer(F, second) and kind or F.unknown_issuer.kind
  end
  for _, k in ipairs(F.issuers) do
    for _, e in ipairs(k.endings or {}) do
      if name:sub(-#e) == e then return k.kind end
    end
    if #(k.endings or {}) == 0 then return k.kind end
  end
  return F.unknown_issuer.kind
end

--}===

return M
