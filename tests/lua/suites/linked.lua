-- How the binary is linked is part of its start: Lua, SQLite and libyaml
-- are linked in (as LPeg is), and the libraries only some reads need
-- (libxml2, libzip, libxlsxwriter, with ICU and libcrypto under them) are
-- opened when first needed, not at every start.

test("Lua, SQLite and libyaml are linked in, and no library only some reads need is loaded at start", function()
  local out, st = sh("readelf -d " .. NB)
  if st ~= 0 then return end                       -- no readelf here: nothing to look at
  local needed = {}
  for lib in out:gmatch("%(NEEDED%)[^%[]*%[([^%]]+)%]") do needed[#needed + 1] = lib end
  eq(true, #needed > 0, "the libraries the binary loads are listed")
  local at = {}
  for i, lib in ipairs(needed) do at[lib:match("^(lib[%w_+]-)[%-%.]") or lib] = i end
  local list = table.concat(needed, " ")
  for _, lib in ipairs { "liblua5", "libsqlite3", "libyaml", "libxml2", "libzip", "libxlsxwriter",
                         "libcrypto", "libstdc++" } do
    eq(nil, at[lib], lib .. " loaded at start: " .. list)
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
