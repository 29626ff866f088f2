-- Markdown.
--   render: the publishable report; each table as a pipe table, one row per
--           row of the official grid with its labels joined (Markdown has no
--           merged cells), so nianbao reads it back.
--   check:  the findings of each report as a list.

extension = "md"

local function esc(s) return escape_md(s or "") end

local function pipe_table(report, tid, out)
  -- header: the labels of the value columns
  local header = layout.columns(report, tid)
  out[#out + 1] = "| " .. message("item", "zh") .. " | " .. table.concat(header, " | ") .. " |"
  out[#out + 1] = "|" .. string.rep("---|", #header + 1)
  for _, row in ipairs(layout.rows(report, tid)) do
    local vals = {}
    for i, v in ipairs(row.values) do vals[i] = esc(v) end
    while #vals < #header do vals[#vals + 1] = "" end
    out[#out + 1] = "| " .. esc(row.label) .. " | " .. table.concat(vals, " | ") .. " |"
  end
end

local function render(report)
  local out = { "# " .. layout.title(report), "" }
  local s0 = report.sections[1]
  if s0 and not s0.part and s0.text ~= "" then out[#out + 1] = s0.text; out[#out + 1] = "" end
  local placeholder = layout.placeholders(report).table
  for _, p in ipairs(layout.parts(report)) do
    out[#out + 1] = "## " .. p.heading
    out[#out + 1] = ""
    local sec = report:section(p.id)
    if sec and sec.text ~= "" and not (p.table and placeholder and sec.text:sub(1, #placeholder) == placeholder) then
      out[#out + 1] = sec.text
      out[#out + 1] = ""
    end
    if p.table then pipe_table(report, p.table, out); out[#out + 1] = "" end
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
  if opts.mode == "render" or opts.mode == "extract" then return render(report) end
  return findings_list(findings, report, opts)
end
