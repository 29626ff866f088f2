-- One row per report: who, which year, the key figures of its format, and
-- how many findings. UTF-8 with a BOM, so Excel and WPS open it with the
-- right encoding.

extension = "csv"

local function field(v)
  v = v == nil and "" or tostring(v)
  if v:find('[",\r\n]') then v = '"' .. v:gsub('"', '""') .. '"' end
  return v
end

function Writer(findings, report, opts)
  local n = { error = 0, warning = 0, info = 0 }
  for _, f in ipairs(findings) do n[f.severity] = n[f.severity] + 1 end
  local figures = layout.figures(report)
  local r = report or {}
  local row = { field(opts.file), field(r.agency), field(r.year), field(r.published), field(r.format),
                field(message(opts.status == "checked" and "checked" or "unreadable", opts.lang)) }
  for _, f in ipairs(figures) do row[#row + 1] = field(f.value) end
  for _, sev in ipairs { "error", "warning", "info" } do row[#row + 1] = field(n[sev]) end
  local out = {}
  if opts.first then
    local head = { message("csv_head", opts.lang) }
    for _, f in ipairs(figures) do head[#head + 1] = field(opts.lang == "en" and f.en or f.label) end
    head[#head + 1] = message("csv_tail", opts.lang)
    out[1] = "\239\187\191" .. table.concat(head, ",") .. "\r\n"
  end
  out[#out + 1] = table.concat(row, ",") .. "\r\n"
  return table.concat(out)
end
