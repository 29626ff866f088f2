-- attack: keep 16 MB more in an upvalue on every file: each call stays
-- under its cap, the process grows without end.
-- expect: fresh file
id = "attack.keep_memory"
severity = "error"
message = { zh = "x" }
local kept = {}
function check(report, emit)
  kept[#kept + 1] = string.rep("k", 16 * 1048576)
  error(#kept == 1 and "fresh file" or ("memory kept from " .. (#kept - 1) .. " earlier files"))
end
