-- Numbers that a report's prose claims ("收到政府信息公开申请75件"), found by
-- LPeg grammars in rule files and compared with the tables. Rule files see
-- this module as `text`.

local lpeg, re = require "lpeg", require "re"
local template = require "template"
local P, R, S, C, Cp, Ct = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cp, lpeg.Ct

local M = {}

--{=== numerals ===

local cn_digit = { ["零"] = 0, ["〇"] = 0, ["一"] = 1, ["二"] = 2, ["两"] = 2, ["三"] = 3,
                   ["四"] = 4, ["五"] = 5, ["六"] = 6, ["七"] = 7, ["八"] = 8, ["九"] = 9 }
local cn_unit = { ["十"] = 10, ["百"] = 100, ["千"] = 1000, ["万"] = 10000 }

local function alt(keys)
  local p = P(false)
  for k in pairs(keys) do p = p + P(k) end
  return p
end

local fullwidth_digit = P"\xEF\xBC" * R"\x90\x99"
local digit = R"09" + fullwidth_digit
local arabic = digit^1 * (P"," * digit * digit * digit)^0 * (P"." * digit^1)^-1
local chinese = (alt(cn_digit) + alt(cn_unit))^1

-- number("1,234") → 1234; number("二十三") → 23; number("一百零五") → 105;
-- number("42.86") → "42.86" (decimals stay exact text); nil for anything else.
function M.number(s)
  if not s then return nil end
  local a = s:gsub("\xEF\xBC([\x90-\x99])", function(d) return string.char(d:byte() - 0x90 + 48) end)
             :gsub(",", "")
  if a:match("^%d+$") then return math.tointeger(tonumber(a)) end
  if a:match("^%d+%.%d+$") then return a end
  local total, section, current, any = 0, 0, 0, false
  for _, c in utf8.codes(s) do
    local ch = utf8.char(c)
    if cn_digit[ch] then
      current = cn_digit[ch]
      any = true
    elseif cn_unit[ch] then
      local u = cn_unit[ch]
      if u == 10000 then
        total = (total + section + current) * u
        section, current = 0, 0
      else
        if current == 0 and not any then current = 1 end      -- 十五 = 15
        if current == 0 then current = 1 end
        section = section + current * u
        current = 0
      end
      any = true
    else
      return nil
    end
  end
  if not any then return nil end
  return total + section + current
end

--}===

--{=== grammar definitions shared by the rule files ===

local utf8char = R"\0\127" + R"\194\223" * R"\128\191" + R"\224\239" * R"\128\191" * R"\128\191"
               + R"\240\244" * R"\128\191" * R"\128\191" * R"\128\191"
local stop = S"\n;!?" + P"。" + P"；" + P"！" + P"？"
local space = S" \t" + P"\u{3000}" + P"\u{A0}"

M.defs = {
  num   = C(arabic + chinese),                  -- a number, captured as printed
  sp    = space^0,
  unit  = P"件" + P"条" + P"宗" + P"起" + P"个" + P"项" + P"次" + P"份",
  ch    = utf8char - stop - digit,           -- one character of a sentence, not a digit
  stop  = stop,
  comma = P"，" + P"," + P"、" + P"；",
}

-- compile(grammar) → an LPeg pattern; errors name the grammar's problem.
function M.compile(grammar)
  return re.compile(grammar, M.defs)
end

--}===

--{=== finding claims ===

-- find(report, sections, pattern) → list of matches in the prose of the given
-- parts: { caps = {…}, at = pos, stop = pos, text = sentence, section = s,
-- line = , col = } in reading order.
-- A section's prose with the line breaks that only wrap a sentence (PDF
-- text) taken out; a break after 。；！？： stays a break. Positions map back.
local ends = { ["。"] = true, ["；"] = true, ["！"] = true, ["？"] = true, ["："] = true }
local function flat(s)
  if s.flat then return s.flat, s.removed end
  local out, removed, prev_end = {}, {}, 1
  for pos in s.text:gmatch("()\n") do
    local before = s.text:sub(math.max(1, pos - 3), pos - 1)
    out[#out + 1] = s.text:sub(prev_end, pos - 1)
    if ends[before] then out[#out + 1] = "\n" else removed[#removed + 1] = pos end
    prev_end = pos + 1
  end
  out[#out + 1] = s.text:sub(prev_end)
  s.flat, s.removed = table.concat(out), removed
  return s.flat, s.removed
end

-- A position in the flat text → the position in the section's text.
local function unflat(removed, pos)
  local k = 0
  for _, r in ipairs(removed) do
    if r - k <= pos then k = k + 1 else break end
  end
  return pos + k
end

function M.find(report, sections, pattern)
  local search = (1 - pattern)^0 * Cp() * Ct(pattern) * Cp()
  local out = {}
  for _, sid in ipairs(sections) do
    local s = report:section(sid)
    if s and s.text ~= "" then
      local text, removed = flat(s)
      local init = 1
      while init <= #text do
        local at, caps, e = search:match(text, init)
        if not at then break end
        local line, col = report:place(s, unflat(removed, at))
        out[#out + 1] = { caps = caps, at = at, stop = e, section = s, line = line, col = col,
                          text = text }
        init = math.max(e, at + 1)
      end
    end
  end
  return out
end

-- The rest of the sentence after flat position pos of match m.
function M.sentence_after(m, pos)
  local rest = m.text:sub(pos)
  local e = rest:find("。", 1, true) or rest:find("；", 1, true) or rest:find("\n", 1, true) or (#rest + 1)
  return rest:sub(1, e - 1)
end

-- The sum of cells named by an expression "t3.new.{c} + t3.carried.{c}" for
-- column c, or nil when a cell is missing or not a number.
local function sum_of(report, expr, c)
  local total = 0
  for term in expr:gmatch("[^%s+]+") do
    local cell = report:cell((term:gsub("{c}", c or "")))
    if cell.state == "number" then
      local v = math.tointeger(cell.value)
      if not v then return nil end
      total = total + v
    elseif cell.state == "blank" or cell.state == "marker" then
      -- read as 0, as the identities do
    else
      return nil
    end
  end
  return total
end
M.sum_of = sum_of

-- Compare a claimed number with the table; emit when they differ. spec:
--   cells   = "t3.new.{c}"                 the table's value (a sum with +)
--   column  = "total"                      the {c} to use
--   explain = { { cells = "…", zh = "…", en = "…" } }   combinations that would
--             give the claimed number, named in the finding
function M.compare(report, emit, m, said, spec, column)
  local want = sum_of(report, spec.cells, column)
  if want == nil or said == nil or math.type(said) ~= "integer" or said == want then return end
  return M.differ(report, emit, m, said, want, spec, column)
end

function M.differ(report, emit, m, said, want, spec, column)
  local hint, hint_en = "", ""
  for _, e in ipairs(spec.explain or {}) do
    if sum_of(report, e.cells, column) == said then
      hint, hint_en = e.zh, e.en or ""
      break
    end
  end
  local ids = {}
  for term in spec.cells:gmatch("[^%s+]+") do ids[#ids + 1] = (term:gsub("{c}", column or "")) end
  local T = report.T
  local col = column and template.label(T, column, "t3") or ""
  emit { line = m.line, col = m.col, found = tostring(said), expected = tostring(want), cells = ids,
         vars = { said = tostring(said), table = tostring(want), column = col, hint = hint,
                  hint_en = hint_en, where = spec.where or "" } }
end

-- The columns of table 3 named in prose, for "涉及自然人72件、商业企业3件".
local t3_parts = {
  { { "自然人" }, "t3.new.np" }, { { "商业企业" }, "biz" }, { { "科研机构" }, "research" },
  { { "社会公益组织" }, "ngo" }, { { "法律服务机构" }, "legal" },
}

local function part_pattern(words)
  local p = P(false)
  for _, w in ipairs(words) do p = p + P(w) end
  return p * M.defs.sp * (P"申请" * M.defs.sp)^-1 * M.defs.num * M.defs.sp * M.defs.unit
end

-- claims{grammar=, cells=, explain=, sections=, parts=} → a check(report, emit)
-- function: every match of the grammar (its first capture the number) is
-- compared with the cells' total. Then the parts named in the same
-- sentence: parts = true for table 3's applicant columns ("自然人72件"), or
-- a list of { {words…}, "cells" } ("结果维持72件" → "t4.rv.upheld").
function M.claims(spec)
  local pattern = M.compile(spec.grammar)
  local sections = spec.sections or { "s1", "s3", "s4" }
  local by_column = spec.cells:find("{c}", 1, true) ~= nil
  local parts = {}
  if spec.parts == true then
    for _, p in ipairs(t3_parts) do
      local col = p[2]:match("([%w_]+)$")
      parts[#parts + 1] = { pattern = part_pattern(p[1]), spec = spec, column = col }
    end
  else
    for _, p in ipairs(spec.parts or {}) do
      parts[#parts + 1] = { pattern = part_pattern(p[1]),
                            spec = { cells = p[2], explain = {}, where = p[3] } }
    end
  end
  for _, p in ipairs(parts) do p.search = (1 - p.pattern)^0 * Cp() * p.pattern end
  return function(report, emit)
    for _, m in ipairs(M.find(report, sections, pattern)) do
      M.compare(report, emit, m, M.number(m.caps[1]), spec, by_column and "total" or nil)
      local rest = M.sentence_after(m, m.stop)
      for _, p in ipairs(parts) do
        local at, num = p.search:match(rest)
        if at then
          local line, col = report:place(m.section, unflat(m.section.removed, m.stop + at - 1))
          M.compare(report, emit, { line = line, col = col }, M.number(num), p.spec, p.column)
        end
      end
    end
  end
end

--}===

return M
