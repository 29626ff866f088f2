-- How the binary is linked is part of its start: Lua and SQLite are linked
-- in (as LPeg is), and of the libraries loaded, those that bind thousands of
-- their own symbols are looked in first.

test("Lua and SQLite are linked in, and libcrypto is searched before the libraries named after it", function()
  local out, st = sh("readelf -d " .. NB)
  if st ~= 0 then return end                       -- no readelf here: nothing to look at
  local needed = {}
  for lib in out:gmatch("%(NEEDED%)[^%[]*%[([^%]]+)%]") do needed[#needed + 1] = lib end
  eq(true, #needed > 0, "the libraries the binary loads are listed")
  local at = {}
  for i, lib in ipairs(needed) do at[lib:match("^(lib[%w_+]-)[%-%.]") or lib] = i end
  eq(nil, at.liblua5, "liblua loaded: " .. table.concat(needed, " "))
  eq(nil, at.libsqlite3, "libsqlite3 loaded: " .. table.concat(needed, " "))
  eq(true, at.libxml2 ~= nil, "libxml2 is loaded: " .. table.concat(needed, " "))
  if at.libcrypto then
    eq(true, at.libcrypto < at.libxml2, "libcrypto before libxml2: " .. table.concat(needed, " "))
    eq(true, at["libstdc++"] ~= nil and at["libstdc++"] < at.libxml2, "libstdc++ before libxml2")
  end
  -- and what is linked in still works: a database written and read back
  local nb = NB:sub(1, 1) == "/" and NB or "./" .. NB
  local db = tmp .. "/linked.db"
  local _, wrote = sh(nb .. " check --db " .. db .. " examples/jiuqu-2024.txt")
  eq(true, wrote == 0 or wrote == 1, "checked into a database")
  local f = io.open(db, "rb")
  local head = f and f:read(16)
  if f then f:close() end
  eq("SQLite format 3\0", head, "the database written is SQLite's")
end)
