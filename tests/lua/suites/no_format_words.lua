-- The pack declares, the pipeline obeys: no Chinese word (nor full-width
-- punctuation) in the code of core/ or scripts/, outside the messages file.
-- Comments may quote what a page prints; the code may not rely on it.

local lpeg = require "lpeg"
local P, S, C, Cs, Cmt, Cb, Cg = lpeg.P, lpeg.S, lpeg.C, lpeg.Cs, lpeg.Cmt, lpeg.Cb, lpeg.Cg

-- Lua: long brackets, quoted strings (kept), comments (dropped)
local equals = P"="^0
local open = "[" * Cg(equals, "eq") * "["
local close = "]" * C(equals)
local closeeq = Cmt(close * Cb("eq"), function(_, _, a, b) return a == b end)
local long = open * (1 - closeeq)^0 * closeeq
local quoted = P'"' * (P"\\" * 1 + (1 - S'"\\\n'))^0 * P'"' + P"'" * (P"\\" * 1 + (1 - S"'\\\n"))^0 * P"'"
local lua_comment = P"--" * (long + (1 - P"\n")^0)
local lua_code = Cs(((lua_comment / "") + long + quoted + 1)^0)

-- C: comments dropped, strings kept
local c_comment = P"/*" * (1 - P"*/")^0 * P"*/" + P"//" * (1 - P"\n")^0
local c_code = Cs(((c_comment / "") + quoted + 1)^0)

-- CJK symbols and punctuation, ideographs, full-width forms, curly quotes
local cjk = P"\xE3" * lpeg.R"\x80\x80" * lpeg.R"\x80\xBF"
          + lpeg.R"\xE3\xE9" * lpeg.R"\x80\xBF" * lpeg.R"\x80\xBF" - (P"\xE3" * lpeg.R"\x81\x8F" * 1)
          + P"\xEF" * lpeg.R"\xBC\xBF" * lpeg.R"\x80\xBF"
          + P"\xE2\x80" * lpeg.R"\x98\x9D"
local first_cjk = lpeg.P { lpeg.Cp() * cjk + 1 * lpeg.V(1) }

local files = {}
local function walk(dir)
  for _, n in ipairs(assert(nbio.listdir(dir))) do
    local path = dir .. "/" .. n
    if nbio.stat(path) == "directory" then walk(path)
    elseif n:match("%.lua$") or n:match("%.[ch]$") then files[#files + 1] = path end
  end
end
walk("core")
walk("scripts")
table.sort(files)

-- (the engine's messages, Chinese and English, name the format where they explain it)
local messages_files = { ["scripts/lib/messages.lua"] = true, ["scripts/lib/messages_en.lua"] = true }
test("no word of a format in the code of core/ and scripts/ (" .. #files .. " files), only in the messages files", function()
  local found = {}
  for _, path in ipairs(files) do
    if not messages_files[path] then
      local src = assert(nbio.readfile(path))
      local code = (path:match("%.lua$") and lua_code or c_code):match(src)
      local at = first_cjk:match(code)
      if at then
        local line_start = code:sub(1, at):match(".*\n()") or 1
        found[#found + 1] = path .. ": " .. code:sub(line_start, (code:find("\n", at, true) or #code + 1) - 1)
      end
    end
  end
  eq("", table.concat(found, "\n"), "code holding Chinese words")
  eq(true, #files > 20, "files looked at")
end)

test("the Chinese-word test itself sees a word in code and not in a comment", function()
  local code = lua_code:match('local x = 1 -- 总计\nlocal y = "总计"\n')
  eq(true, first_cjk:match(code) ~= nil, "the string is code")
  eq(nil, first_cjk:match((lua_code:match('-- 表三\n--[[ 表四 ]]\nlocal z = [[x]]\n'))), "comments dropped")
  eq(nil, first_cjk:match((c_code:match('/* 表三 */ int x; // 表四\n'))), "C comments dropped")
end)

test("no file outside rules/ names the 2019 format", function()
  local named = {}
  for _, path in ipairs(files) do
    local src = assert(nbio.readfile(path))
    local code = (path:match("%.lua$") and lua_code or c_code):match(src)
    if code:find("gb2019", 1, true) then named[#named + 1] = path end
  end
  eq("", table.concat(named, " "), "files naming gb2019")
end)
