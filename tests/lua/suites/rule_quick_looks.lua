-- Rules that look first at what must be there before they count or
-- search (a part that never names the old year, a part long enough in
-- bytes to be long enough in characters) find what the rules as they were
-- found, on parts made to fall on either side of each look.

local function load_rule(name, params, format)
  local path = "rules/gb2021/" .. name .. ".lua"
  local f = assert(io.open(path, "rb"))
  local source = f:read("a")
  f:close()
  -- (text: the prose helpers the national pack's rules see)
  local env = setmetatable({ format = format, text = nianbao.engine:pack("gb2021").rule_by_id["gb2021.txt.new"].env.text },
                           { __index = _G })
  assert(load(source, "@" .. path, "t", env))()
  if params then for k, v in pairs(params) do env.params[k] = v end end
  return env
end

-- a finding as one text: its fields and vars, keys sorted
local function shown(f)
  local function text(t)
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    local out = {}
    for _, k in ipairs(keys) do
      local v = t[k]
      out[#out + 1] = k .. "=" .. (type(v) == "table" and "{" .. text(v) .. "}" or type(v) .. ":" .. tostring(v))
    end
    return table.concat(out, ",")
  end
  return text(f)
end

local function findings(check, report)
  local got = {}
  check(report, function(f) got[#got + 1] = shown(f) end)
  return table.concat(got, "\n")
end

local function report_of(sections, year)
  local R = { year = year, sections = sections }
  function R.section(self, id)
    for _, s in ipairs(self.sections) do if s.id == id then return s end end
  end
  return R
end

-- the rules as they were
local function stale_year_before(params)
  local names = { s1 = { "“总体情况”", "part 1" }, s5 = { "“存在的主要问题及改进情况”", "part 5" } }
  local function count(s, pat)
    local n = 0
    for _ in s:gmatch(pat) do n = n + 1 end
    return n
  end
  return function(report, emit)
    local y = report.year
    if not y then return end
    for _, sid in ipairs { "s1", "s5" } do
      local s = report:section(sid)
      if s then
        local n_old = count(s.text, tostring(y - 1) .. "%s*年")
        local stale = s.text:find("本年度?%s*" .. tostring(y - 1)) or s.text:find("今年%s*" .. tostring(y - 1))
        local n_new = (n_old >= params.min or stale) and count(s.text, tostring(y) .. "%s*年")
        if (n_old >= params.min and n_old > 2 * n_new) or stale then
          emit { line = s.line, col = s.col, found = tostring(y - 1), expected = tostring(y),
                 vars = { where = names[sid][1], where_en = names[sid][2], old = y - 1, year = y,
                          n_old = n_old, n_new = n_new } }
        end
      end
    end
  end
end

local function thin_before(params)
  local titles = { s1 = "一、总体情况", s5 = "五、存在的主要问题及改进情况" }
  return function(report, emit)
    for _, sid in ipairs { "s1", "s5" } do
      local s = report:section(sid)
      if s then
        local n = utf8.len(s.text) or #s.text
        if n < params.min then
          emit { line = s.line, col = s.col, found = tostring(n), expected = "≥ " .. params.min,
                 vars = { section = titles[sid], n = n, min = params.min } }
        end
      end
    end
  end
end

test("date.stale_year: a part that never names the old year is passed over; counts as gmatch counted", function()
  local seed = 20261205
  local function rand(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
  local pieces = { "2023年", "2023 年", "2023\n年", "2024年", "2024 年", "本年度2023", "本年 2023", "今年2023",
                   "今年  2023", "2023", "20232023年", "2023年度报告", "202", "3年", "工作", "，", "\n", "年",
                   "2022年", "2020年", "202020年", "2019", "2023.0年", "2023x0年", "-1年", "-4年", "今年-1",
                   "999999999999999年" }
  local n, fired = 0, 0
  for _, min in ipairs { 3, 1, 0, 5 } do
    for round = 1, 150 do
      local sections = {}
      for i, id in ipairs { "s0", "s1", "s5" } do
        if rand(6) > 1 then
          local t = {}
          for k = 1, rand(14) - 1 do t[k] = pieces[rand(#pieces)] end
          sections[#sections + 1] = { id = id, text = table.concat(t), line = 10 * i, col = 1 }
        end
      end
      local year = ({ 2024, 2021, 2024.0, 2020, 0, -3, 1e15, nil })[rand(8)]
      local R = report_of(sections, year)
      local rule = load_rule("date.stale_year", { min = min })
      local want = findings(stale_year_before({ min = min }), R)
      eq(want, findings(rule.check, R), "round " .. round .. " min " .. min)
      n = n + 1
      if want ~= "" then fired = fired + 1 end
    end
  end
  eq(true, fired > 50 and fired < n - 50, "parts on both sides (" .. fired .. " of " .. n .. ")")
end)

test("date.stale_year: last year named in a comparison (比, 较, （…为, 同期) is no copied text", function()
  local rule = load_rule("date.stale_year")
  local compared = "全年制发行政规范性文件88件（2021年度为69件）。作出行政许可决定10690件，比2021年度减少9件；"
                   .. "未作出行政强制决定，2021年度为42件。被提起行政诉讼1件，较2021年减少11件，与2021年相比下降；"
                   .. "2021年同期为3件。2022年我县……"
  eq("", findings(rule.check, report_of({ { id = "s1", text = compared, line = 4, col = 1 } }, 2022)),
     "comparisons only")
  local copied = "2021年，我县深入推进政务公开。2021年全年制发文件69件。2021年共收到申请70件。" .. compared
  has(findings(rule.check, report_of({ { id = "s1", text = copied, line = 4, col = 1 } }, 2022)), "n_old=number:3",
      "three mentions of the old year as this year's, the comparisons not counted")
end)

test("qlt.thin: a part of four bytes a character of the minimum or more is long enough uncounted", function()
  local seed = 7
  local function rand(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
  local chars = { "a", "é", "总", "𠀀", "\255", "\192\128", " " }
  local n, fired = 0, 0
  for _, min in ipairs { 100, 1, 0, 25, 33.5, -4 } do
    for round = 1, 120 do
      local sections = {}
      for i, id in ipairs { "s1", "s5" } do
        if rand(5) > 1 then
          local t = {}
          local kind = rand(3)
          for k = 1, rand(math.max(8, math.floor(min) * 5)) - 1 do
            t[k] = kind == 1 and chars[rand(4)] or kind == 2 and chars[rand(#chars)] or "𠀀"
          end
          sections[#sections + 1] = { id = id, text = table.concat(t), line = i, col = 2 }
        end
      end
      local R = report_of(sections, 2024)
      local want = findings(thin_before({ min = min }), R)
      eq(want, findings(load_rule("qlt.thin", { min = min }).check, R), "round " .. round .. " min " .. min)
      n = n + 1
      if want ~= "" then fired = fired + 1 end
    end
  end
  eq(true, fired > 50 and fired < n - 50, "parts on both sides (" .. fired .. " of " .. n .. ")")
end)

-- the word lists' rules as they were: every list walked whole, the part's
-- text read again for each word
local function words_before(rule, sid)
  if rule.aspects or rule.items then
    local list = rule.aspects or rule.items
    local field = rule.aspects and "aspects" or "items"
    return function(report, emit)
      local s = report:section(sid)
      if not s then return end
      local missing, prose = {}, rule.text.prose(s)
      for _, a in ipairs(list) do
        local found = false
        for _, w in ipairs(a[2]) do found = found or prose:find(w, 1, true) ~= nil end
        if not found then missing[#missing + 1] = "“" .. a[1] .. "”" end
      end
      if #missing > 0 then
        emit { line = s.line, col = s.col, vars = { [field] = table.concat(missing, "、") } }
      end
    end
  end
  return function(report, emit)
    local s5 = report:section("s5")
    if not s5 or s5.text == "" then return end
    local prose = rule.text.prose(s5)
    local function any(list)
      for _, w in ipairs(list) do
        if prose:find(w, 1, true) then return true end
      end
      return false
    end
    if not any(rule.problems) or any(rule.none_found) or any(rule.words) then return end
    emit { line = s5.line, col = s5.col }
  end
end

test("struct.s1_aspects, s6_items, s5_measures: a word list's first word found ends its look, as the whole walk found", function()
  local seed = 11
  local function rand(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 16) % n + 1         -- (the high bits: the low ones of this generator repeat in short cycles)
  end
  for _, case in ipairs { { "struct.s1_aspects", "s1" }, { "struct.s6_items", "s6" }, { "struct.s5_measures", "s5" } } do
    local rule = load_rule(case[1])
    local words = {}
    for _, a in ipairs(rule.aspects or rule.items or {}) do
      for _, w in ipairs(a[2]) do words[#words + 1] = w end
    end
    for _, w in ipairs(rule.words or {}) do words[#words + 1] = w end
    words[#words + 1] = "其他"
    words[#words + 1] = "\n"
    local fired, n = 0, 0
    for round = 1, 200 do
      local t = {}
      local fillers = { "其他", "\n", "问题", "不足" }
      for k = 1, rand(#words // 2 + 2) - 1 do
        t[k] = rand(4) == 1 and fillers[rand(#fillers)] or words[rand(#words)]
      end
      if case[2] == "s5" and rand(2) == 1 then t = { fillers[rand(#fillers)] } end
      if rand(4) == 1 then t = { table.concat(words, "，", rand(3)) } end     -- (most of the words)
      local sections = rand(8) > 1 and { { id = case[2], text = table.concat(t), line = round, col = 3 } } or {}
      local R = report_of(sections, 2024)
      local want = findings(words_before(rule, case[2]), R)
      eq(want, findings(rule.check, R), case[1] .. " round " .. round)
      n = n + 1
      if want ~= "" then fired = fired + 1 end
    end
    eq(true, fired > 20 and fired < n - 20, case[1] .. ": parts on both sides (" .. fired .. " of " .. n .. ")")
  end
end)

test("t2.reg_no_power: the issuer asked only of a report whose 规章 shows some, the same findings", function()
  local seed = 5
  local function rand(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
  local rule = load_rule("t2.reg_no_power", nil, { info = { ["t2.reg.made"] = { table = "t2" } } })
  rule.nianbao = nianbao
  local params = rule.params
  local function ends(name, list)
    for _, e in ipairs(list) do if name:sub(-#e) == e then return true end end
    return false
  end
  local function starts(name, list)
    for _, e in ipairs(list) do if name:sub(1, #e) == e then return true end end
    return false
  end
  local columns = { made = "本年制发件数", repealed = "本年废止件数", valid = "现行有效件数" }
  local function before(report, emit)          -- the rule as it was
    local name = report.agency
    local power
    if not name then power = false
    elseif report.issuer == "township" then power = true
    elseif ends(name, params.with) or starts(name, params.national) then power = false
    elseif report.issuer == "dept" then power = true
    else power = report.issuer == "gov" and ends(name, params.without) end
    if not power then return end
    for _, col in ipairs { "made", "repealed", "valid" } do
      local c = report:cell("t2.reg." .. col)
      if c.state == "number" and nianbao.compare(c.value, 0) > 0 then
        emit { cell = c, found = tostring(c.value), expected = "0",
               vars = { agency = report.agency, row = "规章" .. columns[col], row_en = col, value = tostring(c.value) } }
        return
      end
    end
  end
  local names = { "某县人民政府", "某区政府", "某自治区人民政府", "国家某局", "某市某局", "某部", "某旗", "某镇人民政府", nil }
  local kinds = { "township", "dept", "gov", "province", "unknown" }
  local values = { { state = "number", value = 0 }, { state = "number", value = 2 }, { state = "number", value = -1 },
                   { state = "blank" }, { state = "missing" }, { state = "number", value = "0.5" }, { state = "number", value = "12" } }
  local fired = 0
  for round = 1, 400 do
    local cells = {}
    for _, col in ipairs { "made", "repealed", "valid" } do
      local v = values[rand(#values)]
      cells["t2.reg." .. col] = { id = "t2.reg." .. col, state = v.state, value = v.value }
    end
    local R = { agency = names[rand(#names)], issuer = kinds[rand(#kinds)] }
    function R.cell(_, id) return cells[id] end
    local want = findings(before, R)
    eq(want, findings(rule.check, R), "round " .. round)
    if want ~= "" then fired = fired + 1 end
  end
  eq(true, fired > 30 and fired < 370, "reports on both sides (" .. fired .. ")")
end)

test("struct.section_order: each part's place read once, the same findings as the walk that read it again", function()
  local seed = 3
  local function rand(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
  local function before(report, emit)
    local last
    for _, s in ipairs(report.sections) do
      if s.part then
        if last and s.part.index < last.part.index then
          emit { line = s.line, col = s.col, vars = { title = s.heading, after = last.heading } }
        end
        last = s
      end
    end
  end
  local rule = load_rule("struct.section_order")
  local parts = {}
  for i = 1, 6 do parts[i] = { index = i, id = "s" .. i } end
  local fired = 0
  for round = 1, 200 do
    local sections = { { id = "s0", heading = "", line = 1, col = 1 } }
    for k = 1, rand(8) - 1 do
      local p = parts[rand(6)]
      sections[#sections + 1] = { id = p.id, part = rand(5) > 1 and p or nil, heading = "第" .. k, line = k + 1, col = 1 }
    end
    local R = { sections = sections }
    local want = findings(before, R)
    eq(want, findings(rule.check, R), "round " .. round)
    if want ~= "" then fired = fired + 1 end
  end
  eq(true, fired > 20 and fired < 180, "reports on both sides (" .. fired .. ")")
end)

test("rules of a cell read once whether their format has it: none asked of a format without, asked with", function()
  local asked = setmetatable({}, { __index = function(_, k) error("asked " .. tostring(k), 0) end })
  for _, case in ipairs { { "val.fee_unit", "t2.fee.amount" }, { "val.fee_scale", "t2.fee.amount" },
                          { "t2.reg_no_power", "t2.reg.made" } } do
    local without = load_rule(case[1], nil, { info = {} })
    eq(true, (pcall(without.check, asked, function() error("emitted", 0) end)), case[1] .. ": nothing asked without")
    local with = load_rule(case[1], nil, { info = { [case[2]] = { table = "t2" } } })
    local ok, err = pcall(with.check, asked, function() error("emitted", 0) end)
    eq(false, ok, case[1] .. ": the report asked with the cell")
    has(err, "asked ", case[1] .. ": the report asked")
  end
end)

test("struct.section_title: a part's other wording asked first, the same findings", function()
  local rule = load_rule("struct.section_title")
  local function before(report, emit)
    if report.format == "legacy" then return end
    for _, s in ipairs(report.sections) do
      if s.part and s.variant then
        local found = s.heading:gsub("^%s+", ""):gsub("%s+$", "")
        emit { line = s.line, col = s.col, found = found, expected = s.part.heading,
               vars = { found = found, canonical = s.part.heading } }
      end
    end
  end
  local seed = 9
  local function rand(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
  local fired = 0
  for round = 1, 200 do
    local sections = {}
    for k = 1, rand(7) - 1 do
      sections[k] = { id = "s" .. k, heading = " 第" .. k .. "部分 ", line = k, col = 1,
                      part = rand(4) > 1 and { heading = "部分" .. k } or nil, variant = rand(3) == 1 or nil }
    end
    local R = { format = rand(6) == 1 and "legacy" or "gb2021", sections = sections }
    local want = findings(before, R)
    eq(want, findings(rule.check, R), "round " .. round)
    if want ~= "" then fired = fired + 1 end
  end
  eq(true, fired > 20 and fired < 180, "reports on both sides (" .. fired .. ")")
end)
