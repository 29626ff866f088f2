-- Compiler-style lines: file:line:col: severity: message [rule-id]

extension = "txt"

local colors = { error = "\27[1;31m", warning = "\27[1;35m", info = "\27[1;36m" }
local words = {
  zh = { error = "错误", warning = "警告", info = "提示" },
  en = { error = "error", warning = "warning", info = "info" },
}

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
  local s
  if opts.lang == "en" then
    s = string.format("%d file(s): %d error(s), %d warning(s), %d info", t.files, t.error,
                      t.warning, t.info)
    if t.unreadable > 0 then s = s .. string.format(", %d unreadable", t.unreadable) end
  else
    s = string.format("%d 个文件：%d 个错误，%d 个警告，%d 条提示", t.files, t.error, t.warning, t.info)
    if t.unreadable > 0 then s = s .. string.format("，%d 个文件无法读取", t.unreadable) end
  end
  return s .. "\n"
end
