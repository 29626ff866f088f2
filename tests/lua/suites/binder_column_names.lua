-- A cell names a column of its table when it holds one of the column's
-- words or, short, is like one of them: a word that shares too few of the
-- text's characters to be like it is passed over unmeasured, and the
-- texts named are those measuring every word near the text's length named.

local packs = require "packs"
local tables = require "tables"
local bind = require "pipeline.bind"

-- every word near the text's length measured (the reference)
local function names_reference(F, T, text)
  if tables.value_state(F, text) then return false end
  local t = F.labels.norm(text)
  for w in pairs(T.column_words) do
    if t:find(w, 1, true) then return true end
  end
  local m = #t <= 4 * 20 and utf8.len(t)
  if not m or m > 20 then return false end
  for w in pairs(T.column_words) do
    if tables.alike(t, w, 0.7) then return true end
  end
  return false
end

-- a text with its k-th character put in place of another's, or left out
local function chars(s)
  local out = {}
  for _, c in utf8.codes(s) do out[#out + 1] = utf8.char(c) end
  return out
end
local function varied(s, k, by)
  local cs = chars(s)
  if #cs == 0 then return s end
  k = (k - 1) % #cs + 1
  cs[k] = by
  return table.concat(cs)
end

test("the cells that name a column are those measuring every word near their length names", function()
  local set = packs.load(".", {}, {})
  local named, checked = 0, 0
  for _, name in ipairs { "gb2021", "gb2019" } do
    local F = set:format(name)
    for _, T in ipairs(F.tables) do
      local texts = { "", "12", "合计", "其他", "总计", "本年新收", "（单位：万元）" }
      for w in pairs(T.column_words) do
        texts[#texts + 1] = w
        for k = 1, 4 do
          texts[#texts + 1] = varied(w, k, "某")
          texts[#texts + 1] = varied(w, k, "")
          texts[#texts + 1] = varied(w, k, "之")  .. "等"
        end
      end
      for _, r in ipairs(T.rows) do
        if r.label then texts[#texts + 1] = r.label end
      end
      local tokens, want = {}, {}
      for i, t in ipairs(texts) do
        tokens[i] = { kind = "cell", text = t, line = i, col = 1 }
        if names_reference(F, T, t) then want[#want + 1] = t end
      end
      local got = bind.header_texts(F, T, tokens)
      eq(table.concat(want, "|"), table.concat(got, "|"), name .. " " .. T.id .. ": the texts that name a column")
      named, checked = named + #want, checked + #texts
    end
  end
  eq(true, named > 100, "texts that name a column")
  eq(true, checked > 300, "texts asked")
end)
