-- The binder's walk answers, for one list of signature words, whether any
-- of a report's normalised texts holds one (bind.walk's last result): the
-- same answer as holds_any over its texts, the first time and from the
-- memo, for words a report holds and words it does not, and the walk's
-- other results the same as a walk that was given no words.

local bind = require "pipeline.bind"

local E = nianbao.engine
local P = E:pack("gb2021")
local F = P.format

local function documents() return dofile("tests/lua/documents.lua")(E, NB, tmp .. "/walk_signed") end

local function same_list(want, got, what)
  eq(#want, #got, what .. ": length")
  for i = 1, #want do eq(want[i], got[i], what .. ": " .. i) end
end

-- the same block, or a piece of a paragraph cut alike (a new table each walk)
local function same_block(want, got, what)
  if want == got then return end
  for _, k in ipairs { "kind", "text", "line", "col", "offset" } do eq(want[k], got[k], what .. " " .. k) end
end

local function same_blocks(want, got, what)
  eq(#want, #got, what .. ": length")
  for i = 1, #want do same_block(want[i], got[i], what .. ": " .. i) end
end

test("the walk says whether a report's texts hold a signature word as holds_any says it", function()
  local lists = {}
  for _, o in ipairs(E:others(P.name)) do lists[#lists + 1] = o.signature end
  eq(true, #lists > 0, "another format's signature")
  -- words most reports hold (a label of this format's tables), in lists of their own
  lists[#lists + 1] = { "自然人", "本年新制作数量" }
  lists[#lists + 1] = { "不在任何报告里的词" }
  local docs = documents()
  local held, clear = 0, 0
  for round = 1, 2 do                       -- the second time from the memo
    for _, d in ipairs(docs) do
      local b0, s0, n0, p0, c0, f0, none = bind.walk(F, d.blocks)
      eq(nil, none, d.path .. ": no words, no answer")
      for _, words in ipairs(lists) do
        local blocks, starts, normed, paras, nparas, found, signed = bind.walk(F, d.blocks, words)
        local want = bind.holds_any(normed, words)
        eq(want, signed, d.path .. ": round " .. round)
        if want then held = held + 1 else clear = clear + 1 end
        same_blocks(b0, blocks, d.path .. ": blocks")
        same_list(n0, normed, d.path .. ": normalised texts")
        same_list(p0, paras, d.path .. ": paragraphs")
        eq(c0, nparas, d.path .. ": paragraphs counted")
        eq(#s0, #starts, d.path .. ": starts")
        for k, st in ipairs(s0) do
          for _, f in ipairs { "index", "part", "glued", "variant", "last", "placed", "para_at" } do
            eq(st[f], starts[k][f], d.path .. ": start " .. k .. " " .. f)
          end
          same_block(st.block, starts[k].block, d.path .. ": start " .. k .. " block")
          same_blocks(st.cells, starts[k].cells, d.path .. ": start " .. k .. " cells")
        end
        for id in pairs(f0) do eq(true, found[id], d.path .. ": found " .. id) end
        for id in pairs(found) do eq(true, f0[id], d.path .. ": found " .. id) end
      end
    end
  end
  eq(true, held > 10, "reports holding a word (" .. held .. ")")
  eq(true, clear > 10, "reports holding none (" .. clear .. ")")
end)

test("a cell that holds a signature word is found whether the walk saw it before or not", function()
  local words = { "信息内容" }
  local function doc(text)
    return { { kind = "para", text = "一、总体情况", line = 1, col = 1, offset = 0 },
             { kind = "cell", text = text, line = 2, col = 1, offset = 20 },
             { kind = "cell", text = "12", line = 3, col = 1, offset = 30 } }
  end
  for _ = 1, 2 do
    eq(true, select(7, bind.walk(F, doc("信息内容"), words)), "the word in a cell")
    eq(false, select(7, bind.walk(F, doc("本年制发件数"), words)), "no word")
  end
  -- a cell that passed as holding none of one list's words is asked again for another's
  eq(true, select(7, bind.walk(F, doc("本年制发件数"), { "制发" })), "another list's word")
  eq(nil, select(7, bind.walk(F, doc("本年制发件数"), { "a\nb" })), "words found only in the joined texts")
end)

test("the walk gives each part's header texts as header_texts gives them for the part's cells", function()
  local words = E:others(P.name)[1].signature
  local docs = documents()
  local parts, named = 0, 0
  for round = 1, 2 do                       -- the second time from the memo
    for _, d in ipairs(docs) do
      for _, w in ipairs { words, false } do
        local _, starts = bind.walk(F, d.blocks, w or nil)
        for k, st in ipairs(starts) do
          local T = st.part.table and F.table_by_id[st.part.table]
          eq(T, st.heads_of, d.path .. ": start " .. k .. " table")
          if T then
            same_list(bind.header_texts(F, T, st.cells), st.heads, d.path .. ": start " .. k .. " heads")
            parts = parts + 1
            named = named + #st.heads
          end
        end
      end
    end
  end
  eq(true, parts > 40, "parts with a table (" .. parts .. ")")
  eq(true, named > 100, "header texts (" .. named .. ")")
end)

test("a break's text is normalised and asked for signature words like any other", function()
  local words = { "信息内容" }
  local function doc(brk)
    return { { kind = "para", text = "一、总体情况", line = 1, col = 1, offset = 0 },
             { kind = "break", text = "", line = 2, col = 1, offset = 10 },
             { kind = "break", text = brk, line = 3, col = 1, offset = 20 },
             { kind = "break", text = "", line = 4, col = 1, offset = 30 } }
  end
  local _, _, normed, _, _, _, signed = bind.walk(F, doc("信息内容"), words)
  eq(true, signed, "a word in a break")
  eq(F.labels.norm(""), normed[2], "an empty break normalised")
  eq(F.labels.norm("信息内容"), normed[3], "a break with a text normalised")
  eq(normed[2], normed[4], "the second empty break")
  eq(false, select(7, bind.walk(F, doc(""), words)), "empty breaks hold no word")
end)
