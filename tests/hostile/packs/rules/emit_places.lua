-- attack: places out of range in a finding (once cast unchecked to uint32).
-- expect: must be a line or column number
id = "attack.emit_places"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  emit { line = -1, col = 2^40 }
end
