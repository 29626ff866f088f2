-- libxml2, libzip and libxlsxwriter are opened the first time a page, a
-- Word file or a workbook needs them (the loader reports each library it
-- opens under LD_DEBUG=files); when one cannot be opened, the file that
-- needed it is reported unreadable, naming the library, and the batch goes on.

local function opened(cmd)   -- the sonames the loader opened while cmd ran, a set
  local out = sh("(LD_DEBUG=files " .. cmd .. " 2>&1 >/dev/null)")
  local set = {}
  for name in out:gmatch("file=(lib[^%s]-) %[") do set[name:match("^(lib[%w_+]-)[%-%.]") or name] = name end
  return set, out
end
local nb = NB:sub(1, 1) == "/" and NB or "./" .. NB

-- (not libstdc++: a sanitiser's runtime loads it at start)
test("a text check opens none of libxml2, libzip, libxlsxwriter, ICU or libcrypto", function()
  local set, out = opened(nb .. " check --format json examples/jiuqu-2024.txt")
  if not out:find("file=libc", 1, true) then return end     -- a loader that does not say: nothing to look at
  for _, lib in ipairs { "libxml2", "libzip", "libxlsxwriter", "libicuuc", "libcrypto" } do
    eq(nil, set[lib], lib .. " opened by a text check")
  end
end)

test("an HTML read opens libxml2, a Word file libzip, a sum's sheet libxlsxwriter", function()
  local page = write("loaded.html", "<html><body><p>一、总体情况</p><table><tr><td>1</td></tr></table></body></html>")
  local set, out = opened(nb .. " check --format json " .. page)
  if not out:find("file=libc", 1, true) then return end
  eq(true, set.libxml2 ~= nil, "libxml2 opened for a page")
  eq(nil, set.libzip, "libzip opened for a page")
  set = opened(nb .. " check --format json tests/fixtures/word/entity.docx")
  eq(true, set.libzip ~= nil, "libzip opened for a Word file")
  eq(true, set.libxml2 ~= nil, "libxml2 opened for a Word file's XML")
  set = opened(nb .. " sum examples/previous examples/jiuqu-2024.txt --sheet " .. tmp .. "/loaded.xlsx -o "
               .. tmp .. "/loaded.yaml")
  eq(true, set.libxlsxwriter ~= nil, "libxlsxwriter opened for a sheet")
  local f = io.open(tmp .. "/loaded.xlsx", "rb")
  eq("PK\3\4", f and f:read(4), "the sheet written is a zip")
  if f then f:close() end
end)

test("a library that cannot be opened makes its file unreadable, named with the library; the batch goes on", function()
  local set, out = opened(nb .. " check --format json tests/fixtures/word/entity.docx")
  if not out:find("file=libc", 1, true) then return end
  -- a broken copy of each, found first on the library path
  local dir = tmp .. "/broken-libs"
  os.execute("mkdir -p " .. dir)
  for _, lib in ipairs { "libxml2", "libzip" } do write("broken-libs/" .. set[lib], "") end
  local page = write("unloaded.html", "<html><body><p>一、总体情况</p></body></html>")
  local text, st = sh("LD_LIBRARY_PATH=" .. dir .. " " .. nb .. " check " .. page
                      .. " examples/jiuqu-2024.txt tests/fixtures/word/entity.docx")
  eq(2, st, "exit status:\n" .. text)
  has(text, page .. ":")
  has(text, "cannot load " .. set.libxml2)
  has(text, "tests/fixtures/word/entity.docx:")
  has(text, "cannot load " .. set.libzip)
  has(text, "3 个文件")
  has(text, "2 个文件无法读取")
  eq(nil, text:find("examples/jiuqu-2024.txt:", 1, true), "the text report read with no finding:\n" .. text)
end)
