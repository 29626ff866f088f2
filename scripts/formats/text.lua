-- Compiler-style lines: file:line:col: severity: message [rule-id]

extension = "txt"

local colors = { error = "\27[1;31m", warning = "\27[1;35m", info = "\27[1;36m" }

function Writer(findings, report, opts)
  local out = {}
  for _, f in ipairs(findings) do
    local place = opts.file
    if f.line then place = place .. ":" .. f.line .. ":" .. (f.col or 1) end
    local sev = f.severity
    if opts.color then sev = colors[sev] .. sev .. "\27[0m" end
    out[#out + 1] = string.format("%s: %s: %s [%s]\n", place, sev, f.message, f.rule)
  end
  return table.concat(out)
end

function Summary(t, opts)
  local s = message("summary", opts.lang, t.files, t.error, t.warning, t.info)
  if t.unreadable > 0 then s = s .. message("unreadable_n", opts.lang, t.unreadable) end
  if (t.baselined or 0) > 0 then s = s .. message("baselined_n", opts.lang, t.baselined) end
  if (t.acknowledged or 0) > 0 then s = s .. message("acknowledged_n", opts.lang, t.acknowledged) end
  s = s .. "\n"
  -- the files of the folders that were not checked, each with its reason
  if t.skipped and #t.skipped > 0 then
    s = s .. message("skipped_n", opts.lang, #t.skipped) .. "\n"
    for _, k in ipairs(t.skipped) do s = s .. "  " .. message("skipped_line", opts.lang, k.path, k.why) .. "\n" end
  end
  return s
end
