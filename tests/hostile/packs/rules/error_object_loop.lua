-- attack: fail with an error object whose __tostring loops: once run after
-- the limited call, without limits.
-- expect: error object is a table value
id = "attack.error_object_loop"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  error(setmetatable({}, { __tostring = function() while true do end end }))
end
