-- attack: change what the layout helpers hand out (the format's fonts and
-- tables), for the next report and the next writer.
-- expect: layout intact
extension = "txt"
function Writer(findings, report, opts)
  if not report then return "" end
  local t = layout.typography(report)
  local said = t.body and t.body.tampered and "layout tampered\n" or "layout intact\n"
  if t.body then t.body.tampered = true end
  for _, row in ipairs(layout.grid(report, "t3")) do row[1] = nil end
  return said
end
