-- attack: Writer returns a table whose __tostring loops (once converted
-- after the limited call).
-- expect: returned a table
extension = "txt"
function Writer()
  return setmetatable({}, { __tostring = function() while true do end end })
end
