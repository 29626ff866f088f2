-- Grammar images: the grammars a check compiles (the bundled packs',
-- rebuilt from the images the build made of them) match every subject as
-- a fresh compile of the same grammar does (the text with a line more,
-- which no image stands for), over the corpus's reports and the examples;
-- and a check's output is the one of the binary the build linked without
-- images (the one that made them).

local script = [=[
local re, lpeg = require "re", require "lpeg"
local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local compile, compiled = re.compile, {}
re.compile = function(text, defs)
  local p = compile(text, defs)
  if type(text) == "string" then compiled[#compiled + 1] = { text = text, defs = defs, p = p } end
  return p
end
assert(nianbao.check("examples/jiuqu-2024.txt"))
re.compile = compile

local function show(v)
  if type(v) ~= "table" then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = tostring(k) .. "=" .. show(v[k]) end
  return "{" .. table.concat(out, ",") .. "}"
end
-- every match of p in s, with its place and its captures
local function matches(p, s)
  local ok, r = pcall(function()
    return lpeg.Ct((lpeg.Ct(lpeg.Cp() * lpeg.Ct(p)) + 1)^0):match(s)
  end)
  return ok and show(r) or "error"
end
local subjects = {}
for _, dir in ipairs { "tests/corpus", "examples", "examples/broken" } do
  for _, name in ipairs(nbio.listdir(dir) or {}) do
    if name:match("%.txt$") then
      subjects[#subjects + 1] = assert(nbio.readfile(dir .. "/" .. name)):sub(1, 60000)
    end
  end
end
-- a grammar's readers joined (claims.lua, "search <- …"): the matches of
-- its search one after another, as a check looks for them (a try at every
-- place would search the rest of the subject from each)
local function searches(p, s)
  local ok, r = pcall(function()
    local out, init = {}, 1
    while true do
      local where, claim, stop, k = p:match(s, init, 1)
      if not where then return table.concat(out, ";") end
      out[#out + 1] = where .. ":" .. show(claim) .. ":" .. stop .. ":" .. k
      init = stop > where and stop or where + 1
    end
  end)
  return ok and r or "error"
end
local searched, differ = 0, {}
for _, c in ipairs(compiled) do
  local fresh = compile(c.text .. "\n", c.defs)
  local look = c.text:find("^search <%-") and searches or matches
  for _, s in ipairs(subjects) do
    local a, b = look(c.p, s), look(fresh, s)
    if a ~= b then differ[#differ + 1] = c.text:sub(1, 60) break end
    if a ~= "error" then searched = searched + 1 end
  end
end
print(#compiled, searched, #differ, differ[1])
]=]

test("the grammars of a check match as their fresh compiles do, over the corpus and the examples", function()
  local path = write("grammar_images_check.lua", script)
  local out, status = sh(NB .. " run " .. path)
  eq(0, status, "status: " .. out)
  local n, searched, differ = out:match("^(%d+)%s+(%d+)%s+(%d+)")
  assert(n, out)
  assert(tonumber(n) >= 1, "grammars compiled: " .. n)
  assert(tonumber(searched) >= 1, "subjects searched: " .. searched)
  eq("0", differ, "grammars that match otherwise: " .. out)
end)

test("a check's output is the same with grammar images and without", function()
  local plain = NB .. "-plain"
  assert(nbio.stat(plain), "no " .. plain)
  local files = {}
  for _, dir in ipairs { "tests/corpus", "examples", "examples/broken" } do
    for _, name in ipairs(nbio.listdir(dir) or {}) do
      if name:match("%.txt$") or name:match("%.html$") then files[#files + 1] = dir .. "/" .. name end
    end
  end
  table.sort(files)
  assert(#files >= 10, "reports: " .. #files)
  for _, format in ipairs { "json", "text" } do
    local args = " check -j1 --format " .. format .. " " .. table.concat(files, " ")
    local a, sa = sh(NB .. args)
    local b, sb = sh(plain .. args)
    eq(sb, sa, format .. " status")
    eq(b, a, format .. " output")
  end
end)

-- The images' probe at the first compile checks the probe's image against
-- itself (its tree and its recorded fingerprint) and the code LPeg makes
-- for it: it compiles nothing with re, and a check of a report whose
-- grammars are all the home's, every one from an image, never runs re.lua.
test("a check of a report of the home's packs runs no re.lua", function()
  local path = write("grammar_images_no_re.lua", [[
local nianbao = require "nianbao"
assert(nianbao.check("examples/jiuqu-2024.txt"))
print(debug.getregistry()["nianbao.re"] == nil and "re not run" or "re run")
]])
  local out, status = sh(NB .. " run " .. path)
  eq(0, status, "status: " .. out)
  eq("re not run", (out:gsub("%s+$", "")))
end)
