-- The files a start-up reads, each opened once: a module found on
-- package.path loads from the build's bytecode when its bytes are the
-- build's and is parsed from source otherwise; io.readfile reads a regular
-- file whole without waiting for an end it already reached.

local chunks = require "nianbao.chunks"

-- require `name` with package.path set to `path`, the module forgotten before and after
local function require_on(path, name)
  local saved = package.path
  package.path = path
  package.loaded[name] = nil
  local ok, mod, file = pcall(require, name)
  package.path = saved
  package.loaded[name] = nil
  return ok, mod, file
end

test("a module copied byte for byte loads from the bytecode, named by the file found", function()
  local src = assert(nbio.readfile("scripts/lib/memo.lua"))
  eq(true, chunks.bundled(src), "memo.lua is the build's")
  os.execute("mkdir -p '" .. tmp .. "/startup/lib/deep'")
  local file = write("startup/lib/deep/memocopy.lua", src)
  local ok, mod, found = require_on(tmp .. "/startup/none/?.lua;;" .. tmp .. "/startup/lib/?.lua", "deep.memocopy")
  eq(true, ok, "required: " .. tostring(mod))
  eq(file, found, "the file the search found, the second template's")
  eq("table", type(mod), "the module")
  local named = 0
  for _, v in pairs(mod) do
    if type(v) == "function" and debug.getinfo(v, "S").what == "Lua" then
      eq("@" .. file, debug.getinfo(v, "S").source, "the chunk name of the file found")
      named = named + 1
    end
  end
  eq(true, named > 0, "functions of the module")
end)

test("a module edited since the build is parsed from its source, with the edit", function()
  local src = assert(nbio.readfile("scripts/lib/memo.lua"))
  write("startup/lib/edited.lua", "#!shebang line a parse of a file skips\n" .. src:gsub("return M%s*$", "M.edited = true\nreturn M\n"))
  local ok, mod = require_on(tmp .. "/startup/lib/?.lua", "edited")
  eq(true, ok, "required: " .. tostring(mod))
  eq(true, mod.edited, "the edit took effect")
  write("startup/lib/broken.lua", src .. "\nreturn 42\n")
  local ok2, err = require_on(tmp .. "/startup/lib/?.lua", "broken")
  eq(false, ok2, "a syntax error")
  has(err, "error loading module 'broken' from file '" .. tmp .. "/startup/lib/broken.lua'", "Lua's message")
end)

-- The identity of a file (device, inode, size, its times of change) the
-- build recorded, or remember() made known: such a file loads unread.
test("a file known unchanged loads from the bytecode unread; changed in place, replaced or re-dated, it is read", function()
  local src = assert(nbio.readfile("scripts/lib/memo.lua"))
  os.execute("mkdir -p '" .. tmp .. "/startup/known'")
  local file = write("startup/known/memoknown.lua", src)
  eq(nil, chunks.load_unchanged(file, "@" .. file), "not known before remember()")
  eq(true, chunks.remember(file), "its bytes are the build's memo.lua")
  eq(false, chunks.remember(write("startup/known/other.lua", src .. "\n")), "bytes no build saw are not remembered")
  local f = chunks.load_unchanged(file, "@" .. file)
  eq("function", type(f), "known: the bytecode, unread")
  eq("function", type(f().of), "the module it makes")
  eq("@" .. file, debug.getinfo(f, "S").source, "named as the caller named it")
  eq(5, chunks.load_unchanged(file, "@" .. file, { setmetatable = function() return 5 end })().keyed(), "env as the third argument")
  local ok, mod = require_on(tmp .. "/startup/known/?.lua", "memoknown")
  eq(true, ok and chunks.built("memoknown"), "required from the bytecode")
  eq("table", type(mod), "the module")
  -- changed in place (the same file, another size): read, with the change
  local g = assert(io.open(file, "r+b"))
  g:write((src:gsub("return M%s*$", "M.edited = 1\nreturn M\n")))
  g:close()
  eq(nil, chunks.load_unchanged(file, "@" .. file), "changed in place: not known")
  ok, mod = require_on(tmp .. "/startup/known/?.lua", "memoknown")
  eq(1, ok and mod.edited, "the change took effect")
  -- replaced by a file of the same size (an editor's save: another inode)
  local same = src:gsub("return M(%s*)$", "return 1%1")
  eq(#src, #same, "the same size")
  write("startup/known/next.lua", same)
  local file2 = write("startup/known/memo2.lua", src)
  eq(true, chunks.remember(file2), "remembered")
  eq(true, os.rename(tmp .. "/startup/known/next.lua", file2), "replaced")
  eq(nil, chunks.load_unchanged(file2, "@" .. file2), "replaced: not known")
  ok, mod = require_on(tmp .. "/startup/known/?.lua", "memo2")
  eq(1, ok and mod, "what the new file returns")
  -- re-dated (its bytes as they were): read, and its bytes the build's, from the bytecode
  local file3 = write("startup/known/memo3.lua", src)
  eq(true, chunks.remember(file3), "remembered")
  os.execute("touch -d '2001-01-01 00:00:00' '" .. file3 .. "'")
  eq(nil, chunks.load_unchanged(file3, "@" .. file3), "re-dated: not known")
  ok = require_on(tmp .. "/startup/known/?.lua", "memo3")
  eq(true, ok and chunks.built("memo3"), "its bytes found the bytecode")
end)

test("the home's files the build recorded load unread, each as a parse of its source would", function()
  local n = 0
  for _, dir in ipairs { "scripts/lib", "scripts/pipeline", "scripts/readers", "scripts/formats", "rules/gb2021" } do
    for _, name in ipairs(assert(nbio.listdir(dir))) do
      local path = dir .. "/" .. name
      local f = name:match("%.lua$") and chunks.load_unchanged(path, "@" .. path)
      if f then
        n = n + 1
        local by_source = assert(chunks.load(assert(nbio.readfile(path)), "@" .. path, "t"))
        eq(string.dump(by_source), string.dump(f), path .. ": the bytecode of its own source")
      end
    end
  end
  -- (a file changed less than a second before the build is not recorded: none at all is a build that records none)
  eq(true, n > 100, "the build recorded the home's files (" .. n .. ")")
end)

test("a module found nowhere names every file looked for, as Lua's search does", function()
  local ok, err = require_on(tmp .. "/startup/a/?.lua;" .. tmp .. "/startup/b/?/init.lua", "no.such")
  eq(false, ok, "not found")
  has(err, "no file '" .. tmp .. "/startup/a/no/such.lua'", "the first template")
  has(err, "no file '" .. tmp .. "/startup/b/no/such/init.lua'", "the second template")
  os.execute("mkdir -p '" .. tmp .. "/startup/a/adir.lua'")
  local ok2, err2 = require_on(tmp .. "/startup/a/?.lua", "adir")
  eq(false, ok2, "a folder named as the module")
  has(err2, "error loading module 'adir' from file '" .. tmp .. "/startup/a/adir.lua'", "found, as Lua finds it, and not loaded")
end)

test("io.readfile reads regular files whole, and those whose size reads as 0 to their end", function()
  for _, n in ipairs { 1, 4095, 4096, 65536, 65537, 200000 } do
    local bytes = string.rep("年报", n // 6 + 1):sub(1, n)
    eq(bytes, nbio.readfile(write("startup/r" .. n, bytes)), n .. " bytes")
  end
  eq("", nbio.readfile(write("startup/empty", "")), "an empty file")
  local status = nbio.readfile("/proc/self/status")
  eq(true, status ~= nil and #status > 0 and status:find("\n", 1, true) ~= nil, "a file whose size reads as 0")
  has(assert(nbio.readfile("/proc/self/maps")), "[vdso]", "a file read page by page, to its end")
end)

test("the heap a start-up grows on is advised as huge pages where the kernel has them", function()
  local thp = nbio.readfile("/sys/kernel/mm/transparent_hugepage/enabled")
  if not thp or thp:find("[never]", 1, true) then return end   -- no huge pages to ask for
  local smaps = assert(nbio.readfile("/proc/self/smaps"))
  -- (under AddressSanitizer the heap is its allocator's, not malloc's to grow)
  if smaps:find("/libasan", 1, true) then return end
  local advised = false
  for _, body in smaps:gmatch("([^\n]*%[heap%]\n)(.-VmFlags:[^\n]*)") do
    if body:match("VmFlags:[^\n]* hg") then advised = true end
  end
  eq(true, advised, "a part of [heap] with the flag hg")
end)

-- A home whose scripts are the build's but for usage.lua (help, completion,
-- the man page), which raises when loaded: a check that goes right, and a
-- command given an option of another command, need none of it; an unknown
-- option asks it for the option meant.
test("a check that goes right does not load the help's module usage.lua", function()
  local home = tmp .. "/startup/home"
  os.execute("mkdir -p '" .. home .. "/scripts/lib'")
  local here = (sh("pwd"):gsub("%s+$", ""))
  for _, d in ipairs { "rules", "scripts/formats", "scripts/pipeline", "scripts/readers", "scripts/tools" } do
    os.execute("ln -sfn '" .. here .. "/" .. d .. "' '" .. home .. "/" .. d .. "'")
  end
  for _, f in ipairs(assert(nbio.listdir("scripts/lib"))) do
    if f ~= "usage.lua" then os.execute("ln -sf '" .. here .. "/scripts/lib/" .. f .. "' '" .. home .. "/scripts/lib/" .. f .. "'") end
  end
  write("startup/home/scripts/lib/usage.lua", "error('usage.lua loaded')\n")
  local run = "NIANBAO_HOME='" .. home .. "' " .. (NB:sub(1, 1) == "/" and NB or here .. "/" .. NB) .. " "
  local out, st = sh(run .. "check --format json examples/jiuqu-2024.txt")
  eq(nil, out:find("usage.lua loaded", 1, true), "usage.lua loaded by a check:\n" .. out)
  eq(true, st == 0 or st == 1, "the check's status:\n" .. out)
  out, st = sh(run .. "check --sheet x.xlsx examples/jiuqu-2024.txt")
  eq(2, st, "an option of another command")
  has(out, "--sheet", "the option named")
  out = sh(run .. "check --no-such-option examples/jiuqu-2024.txt")
  has(out, "usage.lua loaded", "an unknown option asks usage.lua for the option meant")
end)
