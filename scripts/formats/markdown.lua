-- Markdown.
--   render: the publishable report (with its metadata above and its
--           signature below, so extract reads back the whole report; a
--           draft says so and lists its errors); each table as a pipe table of the
--           official grid, a merged cell written in its first place and left
--           empty in the others (Markdown has no merged cells), as Word's
--           converters write it; nianbao reads it back by the places.
--   check:  the findings of each report as a list.

extension = "md"

local function esc(s) return escape_md(s or "") end

-- A section's lines are its paragraphs: in Markdown a single line end joins
-- two lines into one paragraph, so each is followed by a blank line.
local function paragraphs(text, out)
  for line in text:gmatch("[^\n]+") do
    out[#out + 1] = line
    out[#out + 1] = ""
  end
end

-- rows: each a list of cells {text =, rowspan =, colspan =} (a format's
-- table as layout.grid gives it, or a part's own)
local function pipe_table(rows, out)
  -- the grid with its spans laid out: taken[r][c] marks places of merged cells
  local taken, width = {}, 0
  local lines = {}
  for r, row in ipairs(rows) do
    taken[r] = taken[r] or {}
    local line, c = {}, 1
    for _, cell in ipairs(row) do
      while taken[r][c] do line[c] = ""; c = c + 1 end
      line[c] = esc(cell.text or "")
      for dr = 0, cell.rowspan - 1 do
        taken[r + dr] = taken[r + dr] or {}
        for dc = 0, cell.colspan - 1 do
          if dr > 0 or dc > 0 then taken[r + dr][c + dc] = true end
        end
      end
      c = c + cell.colspan
    end
    while taken[r][c] do line[c] = ""; c = c + 1 end
    for k = 1, c - 1 do line[k] = line[k] or "" end
    if c - 1 > width then width = c - 1 end
    lines[r] = line
  end
  for r, line in ipairs(lines) do
    for k = #line + 1, width do line[k] = "" end
    out[#out + 1] = "| " .. table.concat(line, " | ") .. " |"
    if r == 1 then out[#out + 1] = "|" .. string.rep("---|", width) end
  end
end

local function render(findings, report, opts)
  local out = { "# " .. layout.title(report), "" }
  for _, m in ipairs(layout.meta(report)) do
    out[#out + 1] = message("rule_field", opts.lang, m.label, m.value)
    out[#out + 1] = ""
  end
  if opts.draft then
    out[#out + 1] = "> **" .. message("draft", opts.lang) .. "** "
                    .. message("draft_note", opts.lang, #findings + #(opts.internal or {}))
    out[#out + 1] = ">"
    for _, f in ipairs(findings) do out[#out + 1] = "> - " .. esc(f.message) .. " `" .. f.rule .. "`" end
    for _, f in ipairs(opts.internal or {}) do out[#out + 1] = "> - " .. esc(f.message) .. " `" .. f.rule .. "`" end
    out[#out + 1] = ""
  end
  local s0 = report.sections[1]
  if s0 and not s0.part then
    local text, after = layout.prose(report, s0.id)
    paragraphs(text, out)
    if after ~= "" then paragraphs(after, out) end
  end
  local placeholder = layout.placeholders(report).table
  for _, p in ipairs(layout.parts(report)) do
    out[#out + 1] = "## " .. p.heading
    out[#out + 1] = ""
    local text, after, own, own_after = layout.prose(report, p.id)
    if (text ~= "" or #own > 0) and not (p.table and placeholder and text:sub(1, #placeholder) == placeholder) then
      -- (the part's own tables where they stood among its paragraphs)
      for _, piece in ipairs(layout.pieces(text, own)) do
        if piece.rows then pipe_table(piece.rows, out); out[#out + 1] = "" else paragraphs(piece.text, out) end
      end
    end
    if p.table then pipe_table(layout.grid(report, p.table), out); out[#out + 1] = "" end
    -- (the prose printed under the table's lines: a note on it)
    for _, piece in ipairs(layout.pieces(after, own_after)) do
      if piece.rows then pipe_table(piece.rows, out); out[#out + 1] = "" else paragraphs(piece.text, out) end
    end
  end
  local sig = layout.signature(report)
  if sig then
    out[#out + 1] = sig[1]
    out[#out + 1] = ""
    out[#out + 1] = sig[2]
    out[#out + 1] = ""
  end
  return table.concat(out, "\n")
end

local function findings_list(findings, report, opts)
  local out = { "## " .. opts.file, "" }
  if #findings == 0 then out[#out + 1] = message("no_findings", opts.lang) end
  for _, f in ipairs(findings) do
    out[#out + 1] = string.format("- **%s** %s `%s`%s", message(f.severity, opts.lang),
                                  esc(f.message), f.rule,
                                  f.line and (" \u{FF08}" .. message("at_line", opts.lang, f.line) .. "\u{FF09}") or "")
  end
  out[#out + 1] = ""
  return table.concat(out, "\n") .. "\n"
end

function Writer(findings, report, opts)
  if opts.mode == "render" or opts.mode == "extract" then return render(findings, report, opts) end
  return findings_list(findings, report, opts)
end
