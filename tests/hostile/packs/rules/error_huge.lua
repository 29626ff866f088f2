-- attack: fail with a 16 MB error message.
-- expect: huge error
id = "attack.error_huge"
severity = "error"
message = { zh = "x" }
function check()
  error("huge error " .. string.rep("e", 16 * 1048576))
end
