-- Memos bounded by what they hold. A batch's labels and texts repeat from
-- report to report, so each is worked out once; but its own words (names,
-- dates, whole paragraphs) would fill a memo file by file, so a memo that
-- has taken its limit starts afresh.

local M = {}

-- keyed() → memos by key (a format, a table, a language): weak, so a
-- format let go takes its memos with it.
function M.keyed()
  return setmetatable({}, { __mode = "k" })
end

-- of(memos, key, limit) → the memo of key, {size =, of = {}}, fresh when
-- it is missing or its size has reached limit. The caller looks up and
-- stores in m.of, and adds to m.size what an entry costs (its text's
-- bytes, and room for the entry).
function M.of(memos, key, limit)
  local m = memos[key]
  if not m or m.size >= limit then
    m = { size = 0, of = {} }
    memos[key] = m
  end
  return m
end

-- put(memos, key, limit, k, v, cost): store v for k in key's memo, fresh
-- when full, and count cost. Hot callers look up first in line (memos[key],
-- then its .of[k]) and call this only for what they did not find.
function M.put(memos, key, limit, k, v, cost)
  local m = M.of(memos, key, limit)
  m.of[k], m.size = v, m.size + cost
end

-- Memos whose keys are long strings (a table's layout: kilobytes of its
-- labels). Lua hashes a long string in full, byte by byte, when it is
-- first used as a key, and each report's layout is a new string: so the
-- entries are kept by the key's length, each length a list {k, v, k, v, …}
-- compared with ==, which stops at the length or the first byte that
-- differs.
-- long_get(memos, key, k) → the value stored for k in key's memo, or nil.
function M.long_get(memos, key, k)
  local m = memos[key]
  local list = m and m.of[#k]
  if not list then return nil end
  for i = 1, #list, 2 do
    if list[i] == k then return list[i + 1] end
  end
  return nil
end

-- long_put(memos, key, limit, k, v, cost): store v for k (not stored
-- yet) in key's memo, fresh when full, and count cost.
function M.long_put(memos, key, limit, k, v, cost)
  local m = M.of(memos, key, limit)
  local list = m.of[#k]
  if not list then
    list = {}
    m.of[#k] = list
  end
  list[#list + 1], list[#list + 2] = k, v
  m.size = m.size + cost
end

return M
