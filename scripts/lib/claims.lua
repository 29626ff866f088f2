-- Numbers that a report's prose claims, found by LPeg grammars in rule
-- files and compared with the tables. Rule files see `for_format(F)` as
-- `text`: the numerals, units and sentence marks are the format's
-- (`language`), the grammars the rules'.

local lpeg, re = require "lpeg", require "re"
local formatlib = require "format"
local view = require "view"
local P, R, S, C, Cp, Ct = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cp, lpeg.Ct

local M = {}

local function alt(list)
  local p = P(false)
  for _, k in ipairs(list) do p = p + P(k) end
  return p
end

local function keys(t)
  local out = {}
  for k in pairs(t) do out[#out + 1] = k end
  table.sort(out, function(a, b) return #a > #b or (#a == #b and a < b) end)
  return out
end

local fullwidth_digit = P"\xEF\xBC" * R"\x90\x99"
local digit = R"09" + fullwidth_digit
local arabic = digit^1 * (P"," * digit * digit * digit)^0 * (P"." * digit^1)^-1

-- A section's prose with the line breaks that only wrap a sentence (PDF
-- text) taken out; a break after a sentence mark stays. Positions map back.
local function flat(s, ends)
  local out, removed, prev_end = {}, {}, 1
  for pos in s.text:gmatch("()\n") do
    local before = s.text:sub(math.max(1, pos - 3), pos - 1)
    out[#out + 1] = s.text:sub(prev_end, pos - 1)
    if ends[before] then out[#out + 1] = "\n" else removed[#removed + 1] = pos end
    prev_end = pos + 1
  end
  out[#out + 1] = s.text:sub(prev_end)
  return table.concat(out), removed
end

-- A position in the flat text → the position in the section's text.
local function unflat(removed, pos)
  local k = 0
  for _, r in ipairs(removed) do
    if r - k <= pos then k = k + 1 else break end
  end
  return pos + k
end

-- for_format(F) → the text helpers of format F.
function M.for_format(F)
  local L = F.language
  local digits, multiples = L.digits or {}, L.multiples or {}
  local chinese = (alt(keys(digits)) + alt(keys(multiples)))^1
  local stop = S"\n;!?" + alt(L.sentence_end or {})
  local space = S" \t" + alt(L.spaces or {})
  local ends = {}
  for _, e in ipairs(L.break_after or L.sentence_end or {}) do ends[e] = true end
  local T = {}
  local flats = setmetatable({}, { __mode = "k" })

  T.defs = {
    num   = C(arabic + chinese),                 -- a number, captured as printed
    sp    = space^0,
    unit  = alt(L.units or {}),
    ch    = formatlib.utf8char - stop - digit,   -- one character of a sentence, not a digit
    stop  = stop,
    comma = alt(L.clause_end or {}),
  }

  -- number("1,234") → 1234; number("二十三") → 23; number("一百零五") → 105;
  -- number("42.86") → "42.86" (decimals stay exact text); nil for anything else.
  function T.number(s)
    if not s then return nil end
    local a = s:gsub("\xEF\xBC([\x90-\x99])", function(d) return string.char(d:byte() - 0x90 + 48) end)
               :gsub(",", "")
    if a:match("^%d+$") then return math.tointeger(tonumber(a)) end
    if a:match("^%d+%.%d+$") then return a end
    local total, section, current, any = 0, 0, 0, false
    for _, c in utf8.codes(s) do
      local ch = utf8.char(c)
      if digits[ch] then
        current = digits[ch]
        any = true
      elseif multiples[ch] then
        local u = multiples[ch]
        if u >= 10000 then
          total = (total + section + current) * u
          section, current = 0, 0
        else
          if current == 0 then current = 1 end          -- 十五 = 15
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

  -- compile(grammar) → an LPeg pattern; errors name the grammar's problem.
  function T.compile(grammar)
    return re.compile(grammar, T.defs)
  end

  local function flat_of(s)
    local f = flats[s]
    if not f then
      local text, removed = flat(s, ends)
      f = { text = text, removed = removed }
      flats[s] = f
    end
    return f.text, f.removed
  end

  -- find(report, sections, pattern) → matches in the prose of the given
  -- parts: {caps=, at=, stop=, text= (the flat prose), section=, line=, col=}.
  function T.find(report, sections, pattern)
    local search = (1 - pattern)^0 * Cp() * Ct(pattern) * Cp()
    local out = {}
    for _, sid in ipairs(sections) do
      local s = report:section(sid)
      if s and s.text ~= "" then
        local text, removed = flat_of(s)
        local init = 1
        while init <= #text do
          local at, caps, e = search:match(text, init)
          if not at then break end
          local line, col = report:place(s, unflat(removed, at))
          out[#out + 1] = { caps = caps, at = at, stop = e, section = s, line = line, col = col,
                            text = text, removed = removed }
          init = math.max(e, at + 1)
        end
      end
    end
    return out
  end

  -- The rest of the sentence after flat position pos of match m.
  function T.sentence_after(m, pos)
    local rest = m.text:sub(pos)
    local e = #rest + 1
    for _, mark in ipairs(L.sentence_end or {}) do
      local at = rest:find(mark, 1, true)
      if at and at < e then e = at end
    end
    local nl = rest:find("\n", 1, true)
    if nl and nl < e then e = nl end
    return rest:sub(1, e - 1)
  end

  -- The sum of cells named by "t3.new.{c} + t3.carried.{c}" for column c,
  -- or nil when a cell is missing or not a number.
  function T.sum_of(report, expr, c)
    local total = 0
    for term in expr:gmatch("[^%s+]+") do
      local state, v = view.unwrap(report).c:state((term:gsub("{c}", c or "")))
      if state == "number" then
        v = math.tointeger(v)
        if not v then return nil end
        total = total + v
      elseif state ~= "blank" and state ~= "marker" then   -- blanks read as 0, as the identities do
        return nil
      end
    end
    return total
  end

  -- Compare a claimed number with the table; emit when they differ. spec:
  --   cells   = "t3.new.{c}"             the table's value (a sum with +)
  --   explain = { { cells = "…", zh = "…", en = "…" } }   combinations that would
  --             give the claimed number, named in the finding
  function T.compare(report, emit, m, said, spec, column)
    local want = T.sum_of(report, spec.cells, column)
    if want == nil or said == nil or math.type(said) ~= "integer" or said == want then return end
    return T.differ(report, emit, m, said, want, spec, column)
  end

  function T.differ(report, emit, m, said, want, spec, column)
    local hint, hint_en = "", ""
    for _, e in ipairs(spec.explain or {}) do
      if T.sum_of(report, e.cells, column) == said then
        hint, hint_en = e.zh, e.en or ""
        break
      end
    end
    local ids = {}
    for term in spec.cells:gmatch("[^%s+]+") do ids[#ids + 1] = (term:gsub("{c}", column or "")) end
    local col = column and formatlib.label(F, column, spec.cells:match("^([%w_]+)")) or ""
    emit { line = m.line, col = m.col, found = tostring(said), expected = tostring(want), cells = ids,
           vars = { said = tostring(said), table = tostring(want), column = col, hint = hint,
                    hint_en = hint_en, where = spec.where or "" } }
  end

  local function part_pattern(words)
    local req = L.request and (P(L.request) * T.defs.sp)^-1 or P(true)
    return alt(words) * T.defs.sp * req * T.defs.num * T.defs.sp * T.defs.unit
  end

  -- The columns of a table named in prose ("涉及自然人72件、商业企业3件"): every
  -- printed column of the table that `cells` names, but the one the claim is about.
  local function column_parts(cells, own)
    local T, out = F.table_by_id[cells:match("^([%w_]+)") or ""], {}
    for _, c in ipairs(T and T.columns or {}) do
      if c.id ~= own then out[#out + 1] = { { c.label }, c.id } end
    end
    return out
  end

  -- claims{grammar=, cells=, explain=, sections=, parts=} → a check(report,
  -- emit) function: every match of the grammar (its first capture the
  -- number) is compared with the cells' total. Then the parts named in the
  -- same sentence: parts = true for the other columns of the table (the
  -- claim itself is about column `column`, default "total"), or a list of
  -- { {words…}, "cells", "where" } ("结果维持72件" → "t4.rv.upheld").
  function T.claims(spec)
    local pattern = T.compile(spec.grammar)
    local sections = spec.sections or { "s1", "s3", "s4" }
    local by_column = spec.cells:find("{c}", 1, true) ~= nil
    local own = spec.column or "total"
    local parts = {}
    if spec.parts == true then
      for _, p in ipairs(column_parts(spec.cells, own)) do
        parts[#parts + 1] = { pattern = part_pattern(p[1]), spec = spec, column = p[2] }
      end
    else
      for _, p in ipairs(spec.parts or {}) do
        parts[#parts + 1] = { pattern = part_pattern(p[1]),
                              spec = { cells = p[2], explain = {}, where = p[3] } }
      end
    end
    for _, p in ipairs(parts) do p.search = (1 - p.pattern)^0 * Cp() * p.pattern end
    return function(report, emit)
      for _, m in ipairs(T.find(report, sections, pattern)) do
        T.compare(report, emit, m, T.number(m.caps[1]), spec, by_column and own or nil)
        local rest = T.sentence_after(m, m.stop)
        for _, p in ipairs(parts) do
          local at, num = p.search:match(rest)
          if at then
            local line, col = report:place(m.section, unflat(m.removed, m.stop + at - 1))
            T.compare(report, emit, { line = line, col = col }, T.number(num), p.spec, p.column)
          end
        end
      end
    end
  end

  return T
end

return M
