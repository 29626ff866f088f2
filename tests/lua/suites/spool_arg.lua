-- A spool's methods take a spool as their first argument, checked against
-- the spool's metatable: a spool works as before, anything else (another
-- userdata, a table, nothing) is refused with luaL_checkudata's error.

local jobs = require "nianbao.jobs"

test("a spool's methods take a spool and refuse anything else", function()
  local spool = assert(jobs.spool())
  local at = assert(spool:put("第一段"))
  eq("第一段", spool:get(at, #"第一段"), "a spool's get")
  for what, v in pairs { table = {}, number = 1, string = "x", file = io.stdout } do
    for _, m in ipairs { "put", "get", "decode", "put_plain", "close" } do
      local ok, why = pcall(spool[m], v, 0, 0)
      eq(false, ok, m .. " of a " .. what)
      eq(true, tostring(why):find("nianbao.spool expected", 1, true) ~= nil, m .. " of a " .. what .. ": " .. tostring(why))
    end
  end
  eq(false, (pcall(spool.get)), "get of nothing")
  spool:close()
  eq(false, (pcall(spool.get, spool, 0, 1)), "a closed spool")
  spool:close()                     -- closed twice: nothing more
end)
