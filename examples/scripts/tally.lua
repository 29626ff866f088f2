-- A shell job written by policy staff: one line per report with the key
-- numbers and the count of errors, for a spreadsheet.
--   nianbao run examples/scripts/tally.lua FILE|DIR ...
local nianbao = require "nianbao"

print("文件,机关,年度,本年新收,上年结转,办结,结转下年度,错误,警告")
local function cell(report, id)
  local c = report:cell(id)
  return c.state == "number" and tostring(c.value) or ""
end
local status = 0
for _, path in ipairs(nianbao.files(...)) do
  local findings, report = nianbao.check(path)
  if not findings then
    io.stderr:write(path, ": ", report or "unreadable", "\n")
    status = 2
  else
    local errors, warnings = 0, 0
    for _, f in ipairs(findings) do
      if f.severity == "error" then errors = errors + 1 end
      if f.severity == "warning" then warnings = warnings + 1 end
    end
    print(table.concat({ path, report.agency or "", tostring(report.year or ""),
                         cell(report, "t3.new.total"), cell(report, "t3.carried.total"),
                         cell(report, "t3.result.total.total"), cell(report, "t3.next.total"),
                         tostring(errors), tostring(warnings) }, ","))
  end
end
return status
