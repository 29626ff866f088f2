-- attack: catch the budget's error with pcall and loop on.
-- expect: instruction budget exceeded
id = "attack.pcall_loop"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  while true do
    pcall(function() while true do end end)
  end
end
