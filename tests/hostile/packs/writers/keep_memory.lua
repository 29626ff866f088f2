-- attack: a writer that keeps 16 MB more on every report.
-- expect: kept 0 MB
extension = "txt"
local kept = {}
function Writer(findings, report, opts)
  local before = #kept
  kept[#kept + 1] = string.rep("w", 16 * 1048576)
  return string.format("kept %d MB\n", before * 16)
end
