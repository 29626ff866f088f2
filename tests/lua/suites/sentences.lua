-- The sentence corpus (tests/sentences/*.yaml): every sentence read by the
-- claim reader of the national pack, every claim it makes checked against
-- what a careful reader says the sentence asserts. No false claim is
-- allowed; recall (claims found / claims expected) is printed and has a floor.
-- Then the six kinds of sentence the first reader misread, each a test.

local DIR = "tests/sentences"
local P = nianbao.engine:pack("gb2021")
local F = P.format
local text = P.rule_by_id["gb2021.txt.new"].env.text
local KINDS = { "is", "prev", "change", "pct_change" }

-- a cell expression in one spelling: ids sorted, joined by " + "
local function cells(expr)
  local ids = {}
  for id in tostring(expr):gmatch("[^%s+]+") do ids[#ids + 1] = id end
  table.sort(ids)
  return table.concat(ids, " + ")
end

local function value(v)
  if math.type(v) == "float" and v == math.floor(v) then v = math.tointeger(v) end
  return tostring(v)
end

-- the key of an expected claim, and of a claim read
-- (a claim that holds only where some cells are 0, if_zero: those cells after it)
local function only_if(expr) return expr and (" if " .. cells(expr) .. " = 0") or "" end
local function expected_key(e)
  if e.pct ~= nil then return string.format("share %s of %s = %s", cells(e.cell), cells(e.of), value(e.pct)) end
  for _, k in ipairs(KINDS) do
    if e[k] ~= nil then return string.format("%s %s = %s%s", k, cells(e.cell), value(e[k]), only_if(e.if_zero)) end
  end
  return "?"
end
local function read_key(c)
  if c.kind == "share" then return string.format("share %s of %s = %s", c.cells, c.of, c.pct) end
  return string.format("%s %s = %s%s", c.kind, c.cells, value(c.kind == "pct_change" and c.pct or c.value),
                       only_if(c.if_zero))
end

-- the corpus: { file=, real=, entries= }
local files = {}
local names = assert(nbio.listdir(DIR))
table.sort(names)
for _, n in ipairs(names) do
  if n:match("%.yaml$") then
    local src = assert(nbio.readfile(DIR .. "/" .. n))
    local first = src:match("^[^\n]*") or ""
    local kind = first:find("(real)", 1, true) and "real"
                 or first:find("source: examples", 1, true) and "project" or "written"
    files[#files + 1] = { file = n, kind = kind, entries = assert(nianbao.yaml.decode(src, n)) }
  end
end

-- read(entry) → claims read (keys, no duplicates)
local function read(e)
  local keys, seen = {}, {}
  for _, c in ipairs(text.read(e.s, { year = e.year, issuer = e.issuer, part = e.part })) do
    local k = read_key(c)
    if not seen[k] then seen[k] = true; keys[#keys + 1] = k end
  end
  return keys
end

test("the sentence corpus is well formed: every entry a sentence, a year and claims of known cells", function()
  local bad, count = {}, 0
  local function known(expr)
    for id in tostring(expr):gmatch("[^%s+]+") do
      if not F.info[id] then return false end
    end
    return true
  end
  for _, f in ipairs(files) do
    for i, e in ipairs(f.entries) do
      count = count + 1
      local where = f.file .. " #" .. i
      if type(e.s) ~= "string" or e.s == "" then bad[#bad + 1] = where .. ": no sentence" end
      if math.type(e.year) ~= "integer" then bad[#bad + 1] = where .. ": no year" end
      if type(e.claims) ~= "table" then bad[#bad + 1] = where .. ": no claims list" end
      if e.part ~= nil and not (e.part == F.opening or F.part_by_id[e.part]) then
        bad[#bad + 1] = where .. ": unknown part " .. tostring(e.part)
      end
      if e.scope == "part" and #(e.claims or {}) > 0 then bad[#bad + 1] = where .. ": a part's figure claims nothing" end
      for _, c in ipairs(type(e.claims) == "table" and e.claims or {}) do
        if not known(c.cell) then bad[#bad + 1] = where .. ": unknown cell " .. tostring(c.cell) end
        if c.if_zero and not known(c.if_zero) then bad[#bad + 1] = where .. ": unknown cell " .. tostring(c.if_zero) end
        if c.of and not known(c.of) then bad[#bad + 1] = where .. ": unknown cell " .. tostring(c.of) end
        if expected_key(c) == "?" then bad[#bad + 1] = where .. ": a claim of no kind" end
      end
    end
  end
  eq("", table.concat(bad, "\n"), "entries")
  eq(true, count >= 400, "at least 400 sentences (" .. count .. ")")
end)

local KINDS_OF_SOURCE = { "real", "project", "written" }
local totals = {}
for _, k in ipairs(KINDS_OF_SOURCE) do totals[k] = { s = 0, want = 0, hit = 0, read = 0 } end
local false_claims = {}
for _, f in ipairs(files) do
  local t = totals[f.kind]
  for _, e in ipairs(f.entries) do
    local want = {}
    for _, c in ipairs(e.claims or {}) do want[expected_key(c)] = true; t.want = t.want + 1 end
    t.s = t.s + 1
    for _, k in ipairs(read(e)) do
      t.read = t.read + 1
      if want[k] then t.hit = t.hit + 1
      else false_claims[#false_claims + 1] = f.file .. ": " .. e.s .. "\n      read " .. k end
    end
  end
end

test("no false claim on the sentence corpus: every claim read is one the sentence makes", function()
  eq("", table.concat(false_claims, "\n    "), "false claims")
end)

for _, kind in ipairs(KINDS_OF_SOURCE) do
  local t = totals[kind]
  print(string.format("sentence corpus, %s: %d sentences, %d claims expected, %d read, %d right (recall %.1f%%)",
                      kind, t.s, t.want, t.read, t.hit, 100 * t.hit / math.max(1, t.want)))
end

test("recall on the sentence corpus stays at 95% or more of the real and project claims, 93% of the written", function()
  for kind, floor in pairs { real = 0.95, project = 0.95, written = 0.93 } do
    local t = totals[kind]
    eq(true, t.hit >= floor * t.want, string.format("%s: %d of %d", kind, t.hit, t.want))
  end
end)

--{=== the six sentences the first reader misread (issue 11) ===

local function claims_of(s, year, issuer)
  local out = {}
  for _, c in ipairs(text.read(s, { year = year, issuer = issuer })) do out[#out + 1] = read_key(c) end
  table.sort(out)
  return table.concat(out, "\n")
end

test("1. 结转至2026年6件: 6 goes on into next year; 148 is answered, not carried", function()
  eq(table.concat({ "is t3.new.total = 154", "is t3.next.total = 6", "is t3.result.total.total = 148" }, "\n"),
     claims_of("全年共收到申请154件，共办结148件，结转至2026年6件。", 2025), "claims")
  eq(table.concat({ "is t3.new.total = 154", "is t3.next.total = 6", "is t3.result.total.total = 148" }, "\n"),
     claims_of("全年共收到申请 154 件，共办结 148 件，结转至 2026 年 6 件。", 2025), "as pdftotext spaces it")
end)

test("2. 办结44件，无结转下年度办理的申请: 44 is answered and none goes on (the 无 read)", function()
  eq("is t3.next.total = 0\nis t3.result.total.total = 44",
     claims_of("办结44件，无结转下年度办理的申请。", 2024), "claims")
end)

test("3. 现行有效行政规范性文件393件，…制发的规范性文件77件: 393 in force; 77 is no 行政规范性文件", function()
  eq("is t2.nrm.valid = 393",
     claims_of("现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。", 2024), "claims")
end)

test("4. 未发生…被行政复议纠错或行政诉讼败诉情形: none corrected; nothing of how many reviews or lawsuits", function()
  eq("is t4.la.corrected + t4.ld.corrected = 0\nis t4.rv.corrected = 0",
     claims_of("全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。", 2024), "claims")
end)

test("5. the heading 行政诉讼（未经复议直接起诉） claims nothing, nor does a table's head after a 无", function()
  eq("", claims_of("行政诉讼（未经复议直接起诉）", 2024), "the heading")
  eq("", claims_of("4.无正当理由大量反复申请 行政诉讼（未经复议直接起诉）", 2024), "a row label with 无, then the heading")
  eq("", claims_of("无 行政复议 行政诉讼", 2024), "a 无 in a table, then table 4's head")
end)

test("6. 区政府办代表区政府受理…17件 is one office's figure, not the district's", function()
  eq("", claims_of("区政府办代表区政府受理政府信息公开申请17件", 2024, "gov"), "in the district's report")
  eq("", claims_of("区政府办代表区政府受理政府信息公开申请17件", 2024), "whoever reports it")
  eq("", claims_of("本机关全年收到申请28件，全部按时答复。", 2024, "gov"), "本机关 in a summary report")
  eq("is t3.new.total = 28", claims_of("本机关全年收到申请28件，全部按时答复。", 2024, "dept"), "本机关 of a department")
end)

--}===

test("a share of two results named together is of both; a change of one applicant kind is of that kind", function()
  eq("is t3.result.total.total = 3050\nshare t3.result.partial.total + t3.result.public.total of t3.result.total.total = 59.5",
     claims_of("全年办结3050件，予以公开和部分公开占比59.5%。", 2024), "the share of 予以公开 and 部分公开 together")
  eq("is t3.result.total.total = 3050\nshare t3.result.public.total of t3.result.total.total = 44.7",
     claims_of("全年办结3050件，其中予以公开的占比44.7%。", 2024), "of 予以公开 alone")
  local changed = claims_of("全年收到申请74件，较上年增加4件，其中自然人申请较上年增加7件。", 2024)
  has(changed, "change t3.new.np = 7", "自然人申请's change is the natural persons'")
  eq(nil, changed:find("change t3.new.total = 7", 1, true), "not all requests': " .. changed)
end)

test("a day after the year is the count's time only after 截至 (as of), not an event's day", function()
  eq("", claims_of("截至2025年1月15日，结转下年度的103件申请已办结86件，其余17件正在办理。", 2024):match("result") or "",
     "86 answered by a day after the year is not the year's")
  eq("is t3.new.total = 70", claims_of("本报告于2025年1月20日发布，全年共收到申请70件。", 2024), "published then; 70 the year's")
  eq("is t3.new.total = 70", claims_of("本机关于2025年1月完成年报编制，共收到申请70件。", 2024), "written then; 70 the year's")
  eq("", claims_of("截至2025年1月10日，上年结转的申请已全部办结，共办结12件。", 2024),
     "a clause of 上年结转的申请 between: 上年 a subject, the date still the count's time")
end)
