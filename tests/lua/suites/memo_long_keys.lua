-- A memo of long keys (a table's layout) keeps its entries by the key's
-- length and finds one by comparing keys, not hashing them: a key made
-- anew with the same bytes finds its entry, keys of one length that
-- differ (at the start, in the middle, at the end) each find their own,
-- and a memo that reaches its limit starts afresh.

local memo = require "memo"

local function key(n, tail)
  return string.rep("本年新收政府信息公开申请数量|", n) .. tail
end

test("long keys: found by their bytes, each its own entry, fresh when full", function()
  local memos = memo.keyed()
  local owner = {}
  eq(nil, memo.long_get(memos, owner, key(50, "a")), "nothing stored yet")
  memo.long_put(memos, owner, 1 << 20, key(50, "a"), 1, 100)
  memo.long_put(memos, owner, 1 << 20, key(50, "b"), 2, 100)        -- same length, last byte differs
  memo.long_put(memos, owner, 1 << 20, "b" .. key(50, ""), 3, 100)   -- same length, first byte differs
  memo.long_put(memos, owner, 1 << 20, key(49, "a"), false, 100)     -- another length; false is kept
  memo.long_put(memos, owner, 1 << 20, "short", 5, 10)
  eq(1, memo.long_get(memos, owner, key(50, "a")), "a key made anew")
  eq(2, memo.long_get(memos, owner, key(50, "b")), "the same length, another last byte")
  eq(3, memo.long_get(memos, owner, "b" .. key(50, "")), "the same length, another first byte")
  eq(false, memo.long_get(memos, owner, key(49, "a")), "another length")
  eq(5, memo.long_get(memos, owner, "short"), "a short key")
  eq(nil, memo.long_get(memos, owner, key(50, "c")), "a key of a stored length, not stored")
  local mid = key(50, "a")
  mid = mid:sub(1, 30) .. "X" .. mid:sub(32)
  eq(nil, memo.long_get(memos, owner, mid), "a key that differs in the middle")
  eq(nil, memo.long_get(memos, {}, key(50, "a")), "another owner's memo")
  -- past its limit the memo starts afresh at the next store
  local small = memo.keyed()
  memo.long_put(small, owner, 150, key(10, "a"), 1, 100)
  memo.long_put(small, owner, 150, key(10, "b"), 2, 100)
  eq(1, memo.long_get(small, owner, key(10, "a")), "below the limit")
  memo.long_put(small, owner, 150, key(10, "c"), 3, 100)
  eq(nil, memo.long_get(small, owner, key(10, "a")), "gone with the memo full")
  eq(3, memo.long_get(small, owner, key(10, "c")), "stored in the fresh memo")
end)
