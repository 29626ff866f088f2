-- A column of a batch's files: a positive integer or none for each file,
-- by its place, set in the order of the places and read in any. Packed 8
-- bytes a value in strings of BLOCK values: a Lua list held 16 bytes a
-- value and room for as many again, and a table is walked by every full
-- collection where a string is not.
--   local c = column.new()
--   c:set(i, x)    x a positive integer, i after every place set so far
--   c:get(i)       → x | nil
-- Places skipped hold none.

local M = {}

local BLOCK, SHIFT = 256, 8          -- values a string holds, its log2
local FORMAT = "<" .. string.rep("j", BLOCK)
local pack, unpack = string.pack, string.unpack

local Column = {}
Column.__index = Column

function M.new()
  -- sealed: the full blocks as strings; open: the last block's values
  -- (0 for none), the place of its first; last: the place set last
  return setmetatable({ sealed = {}, open = {}, from = 1, last = 0 }, Column)
end

-- seal(c): the open block, full, packed as a string
local function seal(c)
  local open = c.open
  c.sealed[#c.sealed + 1] = pack(FORMAT, table.unpack(open, 1, BLOCK))
  c.open, c.from = {}, c.from + BLOCK
end

function Column:set(i, x)
  assert(math.type(i) == "integer" and i > self.last, "a column is set in the order of its places")
  assert(math.type(x) == "integer" and x > 0, "a column holds positive integers")
  while i >= self.from + BLOCK do
    local open = self.open
    for k = #open + 1, BLOCK do open[k] = 0 end
    seal(self)
  end
  local open = self.open
  for k = #open + 1, i - self.from do open[k] = 0 end
  open[i - self.from + 1] = x
  self.last = i
  if i - self.from + 1 == BLOCK then seal(self) end
end

function Column:get(i)
  if i > self.last or i < 1 then return nil end
  local x
  if i < self.from then
    local b = (i - 1) >> SHIFT
    x = unpack("<j", self.sealed[b + 1], ((i - 1) & (BLOCK - 1)) * 8 + 1)
  else
    x = self.open[i - self.from + 1]
  end
  if x == 0 then return nil end
  return x
end

return M
