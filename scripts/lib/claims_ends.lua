-- Words at the end of a text: does a text, up to a byte, end with one of a
-- list of words (the claims' tests of what stands before a number, and of
-- the mark a sentence ends with)?

local M = {}

-- Does s, up to byte e, end with one of the words? They are kept as a
-- set and their lengths: a look-up for each length, not a cut for each word.
local function suffixes(words)
  local set, lengths, seen = {}, {}, {}
  for _, w in ipairs(words) do
    if type(w) ~= "string" then return { list = words } end
    set[w] = true
    if not seen[#w] then seen[#w] = true; lengths[#lengths + 1] = #w end
  end
  return { set = set, lengths = lengths }
end
local function ends_with(s, e, words)
  if words.list then                        -- words that are not all strings: as they say
    local before = s:sub(1, e)
    for _, w in ipairs(words.list) do
      if #w <= #before and before:sub(-#w) == w then return true end
    end
    return false
  end
  for _, n in ipairs(words.lengths) do
    if n == 0 then
      if e == 0 then return true end
    elseif n <= e and words.set[s:sub(e - n + 1, e)] then return true end
  end
  return false
end
-- the last byte before e + 1 that is not a space or a tab (0: none)
local function trim_end(s, e)
  while e > 0 do
    local b = s:byte(e)
    if b ~= 32 and b ~= 9 then break end
    e = e - 1
  end
  return e
end

M.suffixes, M.ends_with, M.trim_end = suffixes, ends_with, trim_end
return M
