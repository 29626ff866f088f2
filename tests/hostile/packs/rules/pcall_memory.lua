-- attack: catch the memory cap's error with pcall and try again, for ever.
-- expect: not enough memory | time limit exceeded
id = "attack.pcall_memory"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  local keep = {}
  while true do
    pcall(function()
      for i = 1, 1e9 do keep[#keep + 1] = string.rep("m", 8 * 1048576) .. i end
    end)
  end
end
