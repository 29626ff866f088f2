-- Markdown.
--   render: the publishable report; each table as a pipe table, one row per
--           row of the official grid with its labels joined (Markdown has no
--           merged cells), so nianbao reads it back.
--   check:  the findings of each report as a list.

extension = "md"

local function esc(s) return escape_md(s or "") end

local function pipe_table(report, tid, out)
  local rows = layout.grid(report, tid)
  local width = 0
  for _, row in ipairs(rows) do
    local n = 0
    for _, c in ipairs(row) do if c.id then n = n + 1 end end
    if n > width then width = n end
  end
  -- header: the labels of the value columns
  local header = layout.columns(report, tid)
  out[#out + 1] = "| 项目 | " .. table.concat(header, " | ") .. " |"
  out[#out + 1] = "|" .. string.rep("---|", #header + 1)
  for _, row in ipairs(layout.rows(report, tid)) do
    local vals = {}
    for i, v in ipairs(row.values) do vals[i] = esc(v) end
    while #vals < #header do vals[#vals + 1] = "" end
    out[#out + 1] = "| " .. esc(row.label) .. " | " .. table.concat(vals, " | ") .. " |"
  end
end

local function render(report)
  local out = { "# " .. (report.agency or "") .. (report.year and (report.year .. "年") or "")
                .. "政府信息公开工作年度报告", "" }
  local s0 = report:section("s0")
  if s0 and s0.text ~= "" then out[#out + 1] = s0.text; out[#out + 1] = "" end
  for _, s in ipairs(format_sections) do
    out[#out + 1] = "## " .. s.n .. "、" .. s.heading
    out[#out + 1] = ""
    local sec = report:section(s.id)
    local tid = ({ s2 = "t2", s3 = "t3", s4 = "t4" })[s.id]
    if sec and sec.text ~= "" and not (tid and sec.text:match("^（表格见下")) then
      out[#out + 1] = sec.text
      out[#out + 1] = ""
    end
    if tid then pipe_table(report, tid, out); out[#out + 1] = "" end
  end
  return table.concat(out, "\n")
end

local function findings_list(findings, report, opts)
  local out = { "## " .. opts.file, "" }
  if #findings == 0 then out[#out + 1] = "未发现问题。" end
  for _, f in ipairs(findings) do
    out[#out + 1] = string.format("- **%s** %s `%s`%s", ({ error = "错误", warning = "警告", info = "提示" })[f.severity],
                                  esc(f.message), f.rule, f.line and (" （第" .. f.line .. "行）") or "")
  end
  out[#out + 1] = ""
  return table.concat(out, "\n") .. "\n"
end

function Writer(findings, report, opts)
  if opts.mode == "render" or opts.mode == "extract" then return render(report) end
  return findings_list(findings, report, opts)
end
