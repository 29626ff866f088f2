-- attack: call the __gc of every object a script can reach (once a
-- use-after-free), then use the objects again.
-- expect: no metatable reachable
id = "attack.gc_by_hand"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  local called = 0
  for _, obj in ipairs { lpeg.P(1), text.defs.num, nianbao.null, report, format, "" } do
    local mt = getmetatable(obj)
    if type(mt) == "table" and type(mt.__gc) == "function" then
      mt.__gc(obj)
      mt.__gc(obj)
      called = called + 1
    end
  end
  if called > 0 then
    text.defs.num:match("12")
    error("called " .. called .. " finalizers by hand")
  end
  error("no metatable reachable")
end
