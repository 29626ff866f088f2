-- attack: string.rep of 40 MB in a loop: a few VM instructions each, a
-- tenth of a second of C each.
-- expect: time limit exceeded | instruction budget exceeded
id = "attack.rep_loop"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  for i = 1, 1e9 do
    local s = string.rep("x", 40 * 1048576)
  end
end
