-- Memos bounded by what they hold (scripts/lib/memo.lua): the same memo
-- while it has room, a fresh one once it has taken its limit, one per key.

local memo = require "memo"

test("a memo is kept while it has room and starts afresh once it has taken its limit", function()
  local memos = memo.keyed()
  local F, G = {}, {}
  local m = memo.of(memos, F, 100)
  m.of["一、总体情况"], m.size = true, m.size + 60
  eq(m, memo.of(memos, F, 100), "60 of 100 bytes: the same memo")
  eq(true, memo.of(memos, F, 100).of["一、总体情况"], "what it holds")
  local g = memo.of(memos, G, 100)
  eq(nil, g.of["一、总体情况"], "another key, another memo")
  m.size = m.size + 40
  local fresh = memo.of(memos, F, 100)
  eq(false, fresh == m, "100 of 100 bytes: a fresh memo")
  eq(0, fresh.size, "the fresh memo's size")
  eq(nil, fresh.of["一、总体情况"], "the fresh memo holds nothing")
  eq(g, memo.of(memos, G, 100), "the other key's memo untouched")
end)

test("memos by key are let go with their key", function()
  local memos = memo.keyed()
  memo.of(memos, {}, 100).size = 1
  collectgarbage(); collectgarbage()
  eq(nil, next(memos), "a format let go takes its memo")
end)

test("put stores in the key's memo, and in a fresh one once it has taken its limit", function()
  local memos = memo.keyed()
  local F = {}
  memo.put(memos, F, 100, "规章", 1, 60)
  eq(1, memos[F].of["规章"], "stored")
  eq(60, memos[F].size, "its cost counted")
  memo.put(memos, F, 100, "行政规范性文件", 2, 40)
  eq(1, memos[F].of["规章"], "60 of 100 bytes: the same memo")
  memo.put(memos, F, 100, "总计", 3, 10)
  eq(nil, memos[F].of["规章"], "100 of 100 bytes: a fresh memo")
  eq(3, memos[F].of["总计"], "holding what was put last")
  eq(10, memos[F].size, "and its cost alone")
end)
