-- A custom output format: a short plain-text summary of each report, to
-- paste into a 政务微信 group. Use it with
--   nianbao check --format examples/formats/wechat.lua FILE|DIR ...
-- A writer is one Lua file: Writer(findings, report, opts) returns the text
-- for one report; Summary(totals, opts), if defined, the text at the end.

extension = "txt"

local words = { error = "错误", warning = "警告", info = "提示" }

function Writer(findings, report, opts)
  local who = report and ((report.agency or "") .. (report.year and (report.year .. "年度") or "")) or opts.file
  if opts.status ~= "checked" then
    return string.format("【年报核查】%s：无法读取（%s）\n", who, findings[1] and findings[1].message or "")
  end
  local n = { error = 0, warning = 0, info = 0 }
  for _, f in ipairs(findings) do n[f.severity] = n[f.severity] + 1 end
  local lines = { string.format("【年报核查】%s：错误%d处，警告%d处", who, n.error, n.warning) }
  local shown = 0
  for _, f in ipairs(findings) do
    if f.severity ~= "info" and shown < 3 then
      shown = shown + 1
      lines[#lines + 1] = string.format("%d. %s%s", shown, f.message,
                                        f.line and ("（第" .. f.line .. "行）") or "")
    end
  end
  if n.error + n.warning > shown then
    lines[#lines + 1] = string.format("……另有%d处，详见审核页面。", n.error + n.warning - shown)
  end
  if n.error + n.warning == 0 then lines[#lines + 1] = "未发现问题。" end
  return table.concat(lines, "\n") .. "\n\n"
end

function Summary(t, opts)
  return string.format("共核查%d份年报：错误%d处，警告%d处。\n", t.files, t.error, t.warning)
end
