-- The formats of one set of packs fold labels alike and share their
-- grammars: the second format compiled borrows the first's label folder
-- and grammar patterns, and reads every label and text as a format
-- compiled on its own does.

local format = require "format"

local SAMPLES = { "（一）予以公开", " 本年新收政府信息公开申请数量： ", "三、收到和处理政府信息公开申请情况",
                  "１２３，４５６", "國務院辦公廳", "二〇二四年一月二十日", "2024年3月31日", "" }

-- what a compiled format holds, as plain data (its tables' rows and
-- blocks point at each other: compared by what they print)
local function plain(F)
  local t = { cells = F.cells, info = F.info, rowlabels = F.rowlabels, signature = F.signature,
              markers = F.markers, meta_keys = F.meta_keys, legacy = F.legacy, tables = {} }
  for i, T in ipairs(F.tables) do
    local rows = {}
    for j, r in ipairs(T.rows) do rows[j] = { r.path, r.norm or "", r.shown or "", table.concat(r.keys_norm or {}, "|") } end
    t.tables[i] = { T.alltext, table.concat(T.heads, "|"), table.concat(T.cells, "|"), rows }
  end
  return t
end

test("a second format compiled with the first borrows its label folder and grammars, and reads alike", function()
  local set = require("packs").load(".", {}, {})
  local d21, d19 = set:declaration("gb2021").decl, set:declaration("gb2019").decl
  local shared = { folders = {}, grammars = {} }
  local F21 = format.compile(d21, "gb2021", "gb2021", shared)
  local F19 = format.compile(d19, "gb2019", "gb2019", shared)
  eq(true, F19.labels == F21.labels, "the same fold: one folder")
  local n = 0
  for name, g in pairs(d19.grammars) do
    if d21.grammars[name] == g then
      n = n + 1
      eq(true, F19.grammars[name] == F21.grammars[name], "grammar " .. name .. ": one pattern")
    end
  end
  eq(true, n > 0, "some grammar is the same text in both")
  -- each as compiled on its own
  for _, case in ipairs { { F21, d21, "gb2021" }, { F19, d19, "gb2019" } } do
    local F, decl, name = case[1], case[2], case[3]
    local alone = format.compile(decl, name, name)
    eq(true, alone.labels ~= F.labels, name .. ": a folder of its own without sharing")
    eq(nil, differ(plain(alone), plain(F), name), name .. ": the same format")
    for _, s in ipairs(SAMPLES) do
      eq(alone.labels.norm(s), F.labels.norm(s), name .. ": norm of " .. s)
      eq(alone.labels.simplify(s), F.labels.simplify(s), name .. ": simplify of " .. s)
      eq(alone.labels.strip_numeral(s), F.labels.strip_numeral(s), name .. ": strip_numeral of " .. s)
      for g, p in pairs(alone.grammars) do
        eq(select("#", p:match(s)), select("#", F.grammars[g]:match(s)), name .. ": " .. g .. " on " .. s)
        eq(tostring(p:match(s)), tostring(F.grammars[g]:match(s)), name .. ": " .. g .. " on " .. s)
      end
    end
  end
  -- the set's own formats share likewise
  eq(true, set:format("gb2019").labels == set:format("gb2021").labels, "the set's formats share a folder")
end)

test("a format that folds otherwise gets a folder of its own", function()
  local set = require("packs").load(".", {}, {})
  local d21 = set:declaration("gb2021").decl
  local shared = { folders = {}, grammars = {} }
  local F21 = format.compile(d21, "gb2021", "gb2021", shared)
  local other = require("view").copy(d21)
  other.fold.drop = other.fold.drop or {}
  other.fold.drop[#other.fold.drop + 1] = "予"
  local F = format.compile(other, "other", "other", shared)
  eq(true, F.labels ~= F21.labels, "another fold: another folder")
  eq("(一)以公开", F.labels.norm("（一）予以公开"), "its own fold applied")
  eq("(一)予以公开", F21.labels.norm("（一）予以公开"), "the first's unchanged")
  local numerals = require("view").copy(d21)
  numerals.numerals = "一二"
  eq(true, format.compile(numerals, "n", "n", shared).labels ~= F21.labels, "other numerals: another folder")
  -- the folder was made from the fold as it was then: a change to the declaration later is not shared
  other.fold.drop[#other.fold.drop] = "以"
  local again = format.compile(other, "again", "again", shared)
  eq(true, again.labels ~= F.labels, "a fold changed since: another folder")
  eq("(一)予公开", again.labels.norm("（一）予以公开"), "the changed fold applied")
end)
