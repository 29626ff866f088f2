-- attack: reach the C report or a schema through the report, add an id to
-- the schema and read the new cell (once a NULL dereference, exit 139).
-- expect: no C object reachable
id = "attack.schema_add"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  for _, k in ipairs { "c", "schema", "cells_c" } do
    local c = report[k]
    if type(c) == "userdata" then
      local s = c.schema or (format and format.schema)
      if s then s:add("t3.evil.np") end
      c:get("t3.evil.np")
      error("a C object was reachable")
    end
  end
  if format.schema or format.info.schema then error("the schema was reachable") end
  error("no C object reachable")
end
