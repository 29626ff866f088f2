-- The bundled scripts precompiled into the binary (nianbao.chunks): a
-- source the build saw, byte for byte, loads from its bytecode, and what
-- loads is what a parse of the same source under the same name gives,
-- less the names of its local variables and of its upvalues but _ENV;
-- any other source is parsed as before.

local chunks = require "nianbao.chunks"

local function source_of(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- every .lua file of the folders the build precompiles
local function bundled_files()
  local out = {}
  for _, dir in ipairs { "scripts", "rules" } do
    for _, sub in ipairs(assert(nbio.listdir(dir))) do
      local names = nbio.listdir(dir .. "/" .. sub)
      for _, name in ipairs(names or {}) do
        if name:match("%.lua$") then out[#out + 1] = dir .. "/" .. sub .. "/" .. name end
      end
    end
  end
  table.sort(out)
  return out
end

-- A dump (Lua 5.4's layout) less its local variables' names and its
-- upvalues' but _ENV's, read apart
-- from the build's own reading: what a bundled script's bytecode must be.
local function without_locals(dump)
  local at, out = 1, {}
  local function size()
    local x, c = 0, nil
    repeat
      c = dump:byte(at)
      at = at + 1
      x = x * 128 + (c & 0x7f)
    until c >= 0x80
    return x
  end
  local function keep(from) out[#out + 1] = dump:sub(from, at - 1) end
  local function copy(n) at = at + n; keep(at - n) end
  local function copy_size() local from = at; local n = size(); keep(from); return n end
  local function copy_string() local n = copy_size(); if n > 0 then copy(n - 1) end end
  local function fn()
    copy_string(); copy_size(); copy_size(); copy(3)
    copy(copy_size() * 4)
    for _ = 1, copy_size() do
      local t = dump:byte(at)
      copy(1)
      if t == 0x03 or t == 0x13 then copy(8) elseif t == 0x04 or t == 0x14 then copy_string() end
    end
    copy(copy_size() * 3)
    for _ = 1, copy_size() do fn() end
    copy(copy_size())
    for _ = 1, copy_size() do copy_size(); copy_size() end
    for _ = 1, size() do
      local n = size()
      at = at + math.max(n - 1, 0)
      size(); size()
    end
    out[#out + 1] = "\x80"
    -- the upvalues' names: _ENV's kept, the others none
    for _ = 1, copy_size() do
      local n = size()
      local name = n > 0 and dump:sub(at, at + n - 2) or nil
      at = at + math.max(n - 1, 0)
      out[#out + 1] = name == "_ENV" and "\x85_ENV" or "\x80"
    end
  end
  copy(32)
  fn()
  eq(#dump + 1, at, "the whole dump read")
  return table.concat(out)
end

test("every bundled script loads from the build's bytecode: a parse's code and lines, less its locals' and upvalues' names", function()
  local files = bundled_files()
  eq(true, #files > 100, "the bundled scripts found")
  for _, path in ipairs(files) do
    local src = source_of(path)
    eq(true, chunks.bundled(src), path .. " precompiled")
    local parsed = assert(load(src, "@" .. path, "t"))
    local loaded = assert(chunks.load(src, "@" .. path, "t"))
    eq(without_locals(string.dump(parsed)), string.dump(loaded), path .. ": the same function, named alike")
  end
end)

test("the caller's chunk name is the one the code carries, however long", function()
  local src = source_of("scripts/lib/memo.lua")
  for _, name in ipairs { "@m.lua", "=" .. string.rep("x", 126), "@" .. string.rep("长/", 100) .. "memo.lua" } do
    local parsed = assert(load(src, name, "t"))
    eq(without_locals(string.dump(parsed)), string.dump(assert(chunks.load(src, name, "t"))), #name .. " bytes of name")
    eq(name, debug.getinfo(assert(chunks.load(src, name)), "S").source, "the source a traceback names")
  end
end)

test("a bundled script's error names its file and line as a parse's does; its locals have no names", function()
  local src = source_of("scripts/lib/memo.lua")
  local parsed = assert(load(src, "@scripts/lib/memo.lua", "t"))()
  local loaded = assert(chunks.load(src, "@scripts/lib/memo.lua", "t"))()
  local _, want = pcall(parsed.of, nil, "k", 1)
  local _, got = pcall(loaded.of, nil, "k", 1)
  has(want, "(local 'memos')", "a parse's message names the local")
  eq(want:gsub(" %(local 'memos'%)", ""), got, "the same message, file and line, less the local's name")
  has(got, "scripts/lib/memo.lua:19: attempt to index a nil value", "file and line")
  eq("memos", (debug.getlocal(parsed.of, 1)), "a parse's parameter")
  eq(nil, (debug.getlocal(loaded.of, 1)), "no name in the bytecode")
end)

test("a bundled function's upvalues are nameless but _ENV, which still says a name is a global", function()
  local src = source_of("scripts/lib/memo.lua")
  local parsed = assert(load(src, "@scripts/lib/memo.lua", "t"))()
  local loaded = assert(chunks.load(src, "@scripts/lib/memo.lua", "t"))()
  eq("M", (debug.getupvalue(parsed.put, 1)), "a parse's upvalue")
  eq("(no name)", (debug.getupvalue(loaded.put, 1)), "no name in the bytecode")
  eq("_ENV", (debug.getupvalue(loaded.keyed, 1)), "_ENV keeps its name")
  -- (without setmetatable in its globals, keyed calls a nil global)
  local bare_parsed = assert(load(src, "@scripts/lib/memo.lua", "t", {}))()
  local bare_loaded = assert(chunks.load(src, "@scripts/lib/memo.lua", "t", {}))()
  local _, want = pcall(bare_parsed.keyed)
  local _, got = pcall(bare_loaded.keyed)
  has(want, "(global 'setmetatable')", "a parse's message names the global")
  eq(want, got, "the same message")
end)

test("a script edited since the build is parsed, with the edit", function()
  local src = source_of("scripts/lib/memo.lua") .. "\nreturn 42\n"
  eq(false, chunks.bundled(src), "one line more: not the build's")
  local f, err = chunks.load(src, "@memo.lua", "t")
  eq(nil, f, "the edit is what loads (a second return is a syntax error)")
  local _, want = load(src, "@memo.lua", "t")
  eq(want, err, "the parser's own message")
  eq(5, chunks.load("return x", "=t", "t", { x = 5 })(), "env as load's fourth argument")
end)

test("chunks.load keeps load's modes", function()
  local src = source_of("scripts/lib/memo.lua")
  local f, err = chunks.load(src, "@memo.lua", "b")
  eq(nil, f, "a text source with mode b")
  has(err, "text chunk", "load's reason")
  local bin = string.dump(function() return 1 end)
  f, err = chunks.load(bin, "=bin", "t")
  eq(nil, f, "bytecode with mode t")
  has(err, "binary chunk", "load's reason")
end)

test("a required module carries its file's name and lines", function()
  local memo = require "memo"
  local info = debug.getinfo(memo.keyed, "S")
  has(info.source, "scripts/lib/memo.lua", "the module's file")
  eq("@", info.source:sub(1, 1), "a file, as Lua's searcher names it")
  local line = 0
  for l in io.lines("scripts/lib/memo.lua") do
    line = line + 1
    if l:match("^function M%.keyed") then break end
  end
  eq(line, info.linedefined, "where keyed is defined")
end)
