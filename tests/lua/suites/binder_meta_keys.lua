-- A line of the page's metadata (bind.key_and_value): the text before its
-- first colon and after it, as the pattern ^([^:]+):(.*)$ reads it, for
-- every text of the documents and for colons at either end, doubled or
-- across lines.

local bind = require "pipeline.bind"

local E = nianbao.engine
local F = E:pack("gb2021").format

local function documents() return dofile("tests/lua/documents.lua")(E, NB, tmp .. "/metakeys") end

local function same_as_pattern(t, what)
  local key, value = t:match("^([^:]+):(.*)$")
  local k2, v2 = bind.key_and_value(t)
  eq(key, k2, what .. ": key of " .. t)
  eq(value, v2, what .. ": value of " .. t)
  return key ~= nil
end

test("a metadata line's key and value are the pattern's", function()
  local asked, keyed = 0, 0
  for _, d in ipairs(documents()) do
    for _, b in ipairs(d.blocks) do
      if same_as_pattern(F.labels.norm(b.text), d.path) then keyed = keyed + 1 end
      asked = asked + 1
    end
  end
  for _, t in ipairs { "", ":", "::", ":a", "a:", "a::b", "a:b:c", "发布机构:安平县", "a\n:b", "a:\nb\n",
                       "索引号", " : ", "\0:\0", "发布日期:2025-01-22:" } do
    same_as_pattern(t, "made up")
  end
  eq(true, asked > 1000 and keyed > 10, "texts asked (" .. asked .. "), keyed (" .. keyed .. ")")
end)
