-- The bundled scripts precompiled into the binary (nianbao.chunks): a
-- source the build saw, byte for byte, loads from its bytecode, and what
-- loads is what a parse of the same source under the same name gives;
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

test("every bundled script loads from the build's bytecode, the very code a parse would give", function()
  local files = bundled_files()
  eq(true, #files > 100, "the bundled scripts found")
  for _, path in ipairs(files) do
    local src = source_of(path)
    eq(true, chunks.bundled(src), path .. " precompiled")
    local parsed = assert(load(src, "@" .. path, "t"))
    local loaded = assert(chunks.load(src, "@" .. path, "t"))
    eq(string.dump(parsed), string.dump(loaded), path .. ": the same function, named alike")
  end
end)

test("the caller's chunk name is the one the code carries, however long", function()
  local src = source_of("scripts/lib/memo.lua")
  for _, name in ipairs { "@m.lua", "=" .. string.rep("x", 126), "@" .. string.rep("长/", 100) .. "memo.lua" } do
    local parsed = assert(load(src, name, "t"))
    eq(string.dump(parsed), string.dump(assert(chunks.load(src, name, "t"))), #name .. " bytes of name")
    eq(name, debug.getinfo(assert(chunks.load(src, name)), "S").source, "the source a traceback names")
  end
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
