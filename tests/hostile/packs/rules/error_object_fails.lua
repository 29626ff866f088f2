-- attack: fail with an error object whose __tostring fails: once it
-- replaced every finding of every file.
-- expect: error object is a table value
id = "attack.error_object_fails"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  error(setmetatable({}, { __tostring = function() error("no words for it") end }))
end
