-- The text checks (gb2021.txt.*, gb2021.xy.text_prev) on whole reports:
-- none on a report whose prose and tables agree (the consistent fixtures,
-- every fixture, hundreds of generated reports in many agencies' styles),
-- and a finding for each number changed in such a report's prose.

local P = nianbao.engine:pack("gb2021")
local text = P.rule_by_id["gb2021.txt.new"].env.text
local CONSISTENT = "tests/fixtures/consistent"

local function text_findings(list, prefix)
  local out = {}
  for _, f in ipairs(list or {}) do
    if f.rule:match("^gb2021%.txt%.") or f.rule == "gb2021.xy.text_prev" then
      out[#out + 1] = (prefix or "") .. f.rule .. " " .. tostring(f.line) .. ":" .. tostring(f.col or f.column)
                      .. " " .. tostring(f.found) .. "≠" .. tostring(f.expected) .. " " .. tostring(f.message)
    end
  end
  return out
end

--{=== the consistent fixtures and every other fixture ===

test("no text finding on the consistent reports of tests/fixtures/consistent, each with some claims read", function()
  local files = nianbao.files(CONSISTENT)
  eq(true, #files >= 5, "fixtures")
  local seen = {}
  for _, path in ipairs(files) do
    local list, R = nianbao.check(path)
    assert(list, R)
    for _, f in ipairs(text_findings(list, path .. ": ")) do seen[#seen + 1] = f end
    local n = #text.claims_in(R)
    if n < 4 then seen[#seen + 1] = path .. ": only " .. n .. " claims read" end
  end
  eq("", table.concat(seen, "\n"), "text findings")
end)

test("no text finding across years on the consistent reports (--previous, claims about last year)", function()
  local out = sh(NB .. " check --format json --previous " .. CONSISTENT .. "/previous " .. CONSISTENT)
  eq(nil, out:find('"rule":"gb2021.txt.', 1, true), "txt findings:\n" .. out)
  eq(nil, out:find('"rule":"gb2021.xy.text_prev"', 1, true), "xy.text_prev findings:\n" .. out)
  eq(true, out:find('"agency"', 1, true) ~= nil, "reports checked")
end)

test("no text finding on any fixture of tests/fixtures (every shape of a report)", function()
  local seen = {}
  for _, path in ipairs(nianbao.files("tests/fixtures")) do
    if not path:find("/consistent/", 1, true) then
      local list = nianbao.check(path)
      for _, f in ipairs(text_findings(list, path .. ": ")) do seen[#seen + 1] = f end
    end
  end
  eq("", table.concat(seen, "\n"), "text findings")
end)

--}===

--{=== generated reports ===

-- A report like examples/jiuqu-2024.txt with tables drawn at random (each
-- identity holding) and its prose written from them in the wordings of many
-- agencies, traps included: every number the prose states agrees with the
-- tables, or is not the report's own (a sub-unit, a quarter, 信息处理费 …).

local COLS = { "np", "biz", "research", "ngo", "legal", "other" }
local RESULTS = { "public", "partial", "deny.secret", "deny.law", "deny.safety", "deny.third", "deny.internal",
                  "deny.process", "deny.enforce", "deny.query", "unable.nohold", "unable.create",
                  "unable.unclear", "reject.petition", "reject.repeat", "reject.publication", "reject.mass",
                  "reject.confirm", "other.nocorrect", "other.nofee", "other.misc" }
local WEIGHT = { public = 30, partial = 8, ["unable.nohold"] = 12, ["reject.petition"] = 4, ["reject.repeat"] = 2,
                 ["other.misc"] = 3, ["deny.third"] = 2, ["deny.process"] = 2, ["unable.create"] = 2 }

local rnd = math.random
local function pick(list) return list[rnd(#list)] end

local CN = { [0] = "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" }
local function chinese(n)             -- 0 … 9999
  if n < 10 then return CN[n] end
  local out, zero = {}, false
  for _, u in ipairs { { 1000, "千" }, { 100, "百" }, { 10, "十" }, { 1, "" } } do
    local d = n // u[1] % 10
    if d > 0 then
      if zero then out[#out + 1] = "零" end
      if not (u[1] == 10 and d == 1 and #out == 0) then out[#out + 1] = CN[d] end
      out[#out + 1] = u[2]
      zero = false
    elseif #out > 0 then zero = true end
  end
  return table.concat(out)
end
local function grouped(n)
  local s = tostring(n)
  while true do
    local t = s:gsub("^(%d+)(%d%d%d)", "%1,%2")
    if t == s then return s end
    s = t
  end
end
-- a number as some report prints it
local function num(n, style)
  style = style or rnd(8)
  if style == 1 and n < 100 then return chinese(n) end
  if style == 2 then return " " .. grouped(n) .. " " end
  if n >= 1000 and style <= 5 then return grouped(n) end
  return tostring(n)
end

local function sum(t, keys)
  local s = 0
  for _, k in ipairs(keys) do s = s + (t[k] or 0) end
  return s
end

-- the tables: cells by id
local function tables(year)
  local c = {}
  for _, col in ipairs(COLS) do
    local new = col == "np" and rnd(0, 400) or (rnd(3) == 1 and rnd(0, 30) or 0)
    local carried = rnd(2) == 1 and rnd(0, math.min(new, 12)) or 0
    local pool = new + carried
    local next = rnd(3) == 1 and rnd(0, math.min(pool, 9)) or 0
    c["t3.new." .. col], c["t3.carried." .. col], c["t3.next." .. col] = new, carried, next
    for _, r in ipairs(RESULTS) do c["t3.result." .. r .. "." .. col] = 0 end
    local weights = {}
    local wsum = 0
    for _, r in ipairs(RESULTS) do
      weights[r] = WEIGHT[r] or (rnd(4) == 1 and 1 or 0)
      wsum = wsum + weights[r]
    end
    for _ = 1, pool - next do
      local x, acc = rnd(wsum), 0
      for _, r in ipairs(RESULTS) do
        acc = acc + weights[r]
        if x <= acc then
          c["t3.result." .. r .. "." .. col] = c["t3.result." .. r .. "." .. col] + 1
          break
        end
      end
    end
  end
  local function total(row)
    local keys = {}
    for _, col in ipairs(COLS) do keys[#keys + 1] = row .. "." .. col end
    c[row .. ".total"] = sum(c, keys)
  end
  for _, row in ipairs { "t3.new", "t3.carried", "t3.next" } do total(row) end
  for _, r in ipairs(RESULTS) do total("t3.result." .. r) end
  for _, col in ipairs { "np", "biz", "research", "ngo", "legal", "other", "total" } do
    local keys = {}
    for _, r in ipairs(RESULTS) do keys[#keys + 1] = "t3.result." .. r .. "." .. col end
    c["t3.result.total." .. col] = sum(c, keys)
  end
  for _, g in ipairs { "rv", "ld", "la" } do
    local busy = rnd(3) > 1
    for _, k in ipairs { "upheld", "corrected", "other", "pending" } do
      c["t4." .. g .. "." .. k] = busy and rnd(0, g == "rv" and 20 or 6) or 0
    end
    c["t4." .. g .. ".total"] = sum(c, { "t4." .. g .. ".upheld", "t4." .. g .. ".corrected", "t4." .. g .. ".other",
                                          "t4." .. g .. ".pending" })
  end
  for _, k in ipairs { "reg", "nrm" } do
    c["t2." .. k .. ".made"] = k == "reg" and (rnd(4) == 1 and rnd(0, 3) or 0) or rnd(0, 30)
    c["t2." .. k .. ".repealed"] = rnd(0, 10)
    c["t2." .. k .. ".valid"] = c["t2." .. k .. ".made"] + rnd(0, 400)
  end
  c["t2.permit.decisions"] = rnd(0, 50000)
  c["t2.penalty.decisions"] = rnd(0, 5000)
  c["t2.coercion.decisions"] = rnd(0, 300)
  c["t2.fee.amount"] = rnd(2) == 1 and 0 or (rnd(0, 999999) / 100)
  c.year = year
  return c
end

-- the 200 values in the order examples/jiuqu-2024.txt prints them
local function values(c)
  local out = {}
  for _, k in ipairs { "reg", "nrm" } do
    for _, col in ipairs { "made", "repealed", "valid" } do out[#out + 1] = c["t2." .. k .. "." .. col] end
  end
  for _, id in ipairs { "t2.permit.decisions", "t2.penalty.decisions", "t2.coercion.decisions", "t2.fee.amount" } do
    out[#out + 1] = c[id]
  end
  local rows = { "t3.new", "t3.carried" }
  for _, r in ipairs(RESULTS) do rows[#rows + 1] = "t3.result." .. r end
  rows[#rows + 1] = "t3.result.total"
  rows[#rows + 1] = "t3.next"
  for _, r in ipairs(rows) do
    for _, col in ipairs { "np", "biz", "research", "ngo", "legal", "other", "total" } do out[#out + 1] = c[r .. "." .. col] end
  end
  for _, g in ipairs { "rv", "ld", "la" } do
    for _, k in ipairs { "upheld", "corrected", "other", "pending", "total" } do out[#out + 1] = c["t4." .. g .. "." .. k] end
  end
  return out
end

local function group(c, g)
  local s = 0
  for _, r in ipairs(RESULTS) do
    if r:sub(1, #g + 1) == g .. "." then s = s + c["t3.result." .. r .. ".total"] end
  end
  return s
end

local function share(part, whole)            -- as printed with one decimal
  return string.format("%.1f", math.floor(part * 1000 / whole + 0.5) / 10)
end

-- sentences stating the tables (each may return nil when it does not fit them)
local TRUE = {
  function(c) return string.format("全年共收到申请%s件，共办结%s件，结转至%d年%s件。", num(c["t3.new.total"]),
    num(c["t3.result.total.total"]), c.year + 1, num(c["t3.next.total"])) end,
  function(c) return string.format("%d年，本机关共收到政府信息公开申请%s件，上年结转%s件，已办结%s件，结转下年度%s件。",
    c.year, num(c["t3.new.total"]), num(c["t3.carried.total"]), num(c["t3.result.total.total"]), num(c["t3.next.total"])) end,
  function(c) return c["t3.next.total"] == 0 and string.format("办结%s件，无结转下年度办理的申请。",
    num(c["t3.result.total.total"])) or nil end,
  function(c) return c["t3.new.total"] == 0 and "全年未收到政府信息公开申请。" or
    string.format("本年度全区共收到%s件申请，及时依法依规办结%s件，%s件结转下年度继续办理。", num(c["t3.new.total"]),
      num(c["t3.result.total.total"]), num(c["t3.next.total"])) end,
  function(c) return string.format("本年度新收政府信息公开申请%s件，加上上年结转%s件，全年共需办理%s件。",
    num(c["t3.new.total"]), num(c["t3.carried.total"]), num(c["t3.new.total"] + c["t3.carried.total"])) end,
  function(c) return c["t3.carried.total"] == 0 and "本年度无上年结转申请。" or
    string.format("上年度结转政府信息公开申请%s件，本年度均已办结。", num(c["t3.carried.total"])) end,
  function(c)
    local org = c["t3.new.total"] - c["t3.new.np"]
    return string.format("从申请人类型看，自然人申请%s件，法人或其他组织申请%s件。", num(c["t3.new.np"]), num(org))
  end,
  function(c) return c["t3.new.biz"] > 0 and string.format("其中商业企业申请%s件，法律服务机构申请%s件。",
    num(c["t3.new.biz"]), num(c["t3.new.legal"])) or nil end,
  function(c) return string.format("从办理结果看，予以公开%s件，部分公开%s件，不予公开%s件，无法提供%s件，不予处理%s件，其他处理%s件。",
    num(c["t3.result.public.total"]), num(c["t3.result.partial.total"]), num(group(c, "deny")), num(group(c, "unable")),
    num(group(c, "reject")), num(group(c, "other"))) end,
  function(c) return c["t3.result.total.total"] > 0 and string.format("予以公开%s件，占%s%%。",
    num(c["t3.result.public.total"]), share(c["t3.result.public.total"], c["t3.result.total.total"])) or nil end,
  function(c) return c["t3.new.total"] > 0 and string.format("自然人申请%s件，占收到申请总数的%s%%。",
    num(c["t3.new.np"]), share(c["t3.new.np"], c["t3.new.total"])) or nil end,
  function(c) return string.format("属于本机关不掌握相关政府信息的%s件，没有现成信息需要另行制作的%s件，属于信访举报投诉类申请的%s件。",
    num(c["t3.result.unable.nohold.total"]), num(c["t3.result.unable.create.total"]),
    num(c["t3.result.reject.petition.total"])) end,
  function(c)
    if c["t4.rv.total"] + c["t4.ld.total"] + c["t4.la.total"] == 0 then
      return pick { "全年未发生政府信息公开行政复议、行政诉讼案件。", "本年度没有因政府信息公开被申请行政复议或提起行政诉讼。",
                    "行政复议、行政诉讼均为0件。" }
    end
    return string.format("全年因政府信息公开被申请行政复议%s件，其中结果维持%s件，结果纠正%s件，其他结果%s件，尚未审结%s件；被提起行政诉讼%s件。",
      num(c["t4.rv.total"]), num(c["t4.rv.upheld"]), num(c["t4.rv.corrected"]), num(c["t4.rv.other"]),
      num(c["t4.rv.pending"]), num(c["t4.ld.total"] + c["t4.la.total"]))
  end,
  function(c) return (c["t4.ld.total"] + c["t4.la.total"] > 0) and string.format(
    "政府信息公开行政诉讼%s件，其中未经复议直接起诉%s件，复议后起诉%s件。", num(c["t4.ld.total"] + c["t4.la.total"]),
    num(c["t4.ld.total"]), num(c["t4.la.total"])) or nil end,
  function(c) return (c["t4.rv.corrected"] + c["t4.ld.corrected"] + c["t4.la.corrected"] == 0)
    and "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。" or nil end,
  function(c) return string.format("本年度制发行政规范性文件%s件，废止%s件，现行有效%s件。", num(c["t2.nrm.made"]),
    num(c["t2.nrm.repealed"]), num(c["t2.nrm.valid"])) end,
  function(c) return string.format("现行有效行政规范性文件%s件，动态更新本年度制发的规范性文件%s件。",
    num(c["t2.nrm.valid"]), num(rnd(0, 99))) end,
  function(c) return c["t2.reg.made"] == 0 and "本年度未制定规章。" or
    string.format("新制定政府规章%s件，现行有效规章%s件。", num(c["t2.reg.made"]), num(c["t2.reg.valid"])) end,
  function(c) return string.format("全年作出行政许可决定%s件，行政处罚决定%s件，行政强制决定%s件。",
    num(c["t2.permit.decisions"]), num(c["t2.penalty.decisions"]), num(c["t2.coercion.decisions"])) end,
  function(c) return c["t2.fee.amount"] == 0 and "本机关无行政事业性收费。" or
    string.format("全年收取行政事业性收费%s万元。", tostring(c["t2.fee.amount"])) end,
  function(c)
    local p = rnd(0, 300)
    local d = c["t3.new.total"] - p
    return string.format("今年，收到政府信息公开申请%s条，与上年%s条相比数量%s%s条。", num(c["t3.new.total"]), num(p),
      d >= 0 and "增加" or "减少", num(math.abs(d)))
  end,
  function(c) return c["t3.next.total"] > 0 and string.format("结转下年度的%s件申请预计于%d年1月底前办结。",
    num(c["t3.next.total"]), c.year + 1) or nil end,
}

-- sentences whose numbers are not the report's own (all drawn at random)
local OTHER = {
  function(c) return string.format("区政府办代表区政府受理政府信息公开申请%d件。", rnd(1, 500)) end,
  function(c) return string.format("其中区政府本级受理%d件，区直部门受理%d件。", rnd(1, 99), rnd(1, 99)) end,
  function(c) return string.format("%d年第一季度收到申请%d件。", c.year, rnd(1, 99)) end,
  function(c) return string.format("%d年全区曾受理政府信息公开申请%d件。", c.year - 2, rnd(1, 999)) end,
  function(c) return string.format("全年收取政府信息公开信息处理费%d元。", rnd(1, 9999)) end,
  function(c) return string.format("全年受理行政许可申请%s件，办结%d件。", grouped(rnd(100, 9999)), rnd(1, 99)) end,
  function(c) return string.format("办理12345热线工单%d件，按时办结率100%%。", rnd(100, 999)) end,
  function(c) return string.format("全年主动公开政府信息%d条，其中政策性文件%d件、规范性文件%d件。", rnd(100, 9999), rnd(1, 99), rnd(1, 99)) end,
  function(c) return string.format("近三年来共受理申请%d件。", rnd(100, 999)) end,
  function(c) return string.format("预计%d年将新收申请%d件左右。", c.year + 1, rnd(10, 999)) end,
  function(c) return string.format("全年受理申请%d余件。", rnd(10, 99) * 100) end,
  function(c) return "行政诉讼（未经复议直接起诉）" end,
  function(c) return string.format("市司法局受理行政复议申请%s件，其中涉及政府信息公开的%d件。", grouped(rnd(100, 2999)), rnd(1, 99)) end,
  function(c) return string.format("各乡镇（街道）共受理申请%d件。", rnd(1, 99)) end,
  function(c) return string.format("共办理局长信箱信件%d件，已处理%d件，主动公开答复%d件。", rnd(1, 99), rnd(1, 99), rnd(1, 99)) end,
  function(c) return string.format("注重加强培训和教育，%d年共召开政务公开业务培训%d次。", c.year, rnd(1, 9)) end,
  function(c) return string.format("予以公开率为%d%%。", rnd(1, 99)) end,
  function(c) return string.format("对%d件行政规范性文件进行合法性审核。", rnd(1, 99)) end,
  function(c) return string.format("提请审议规章草案%d件。", rnd(1, 9)) end,
  function(c) return string.format("作出行政许可决定%d.%d万件。", rnd(1, 20), rnd(1, 9)) end,
}

-- the report as text: the template's tables filled, its prose replaced
local TEMPLATE_LINES = {}
for line in (JIUQU .. "\n"):gmatch("([^\n]*)\n") do TEMPLATE_LINES[#TEMPLATE_LINES + 1] = line end

local function render(c, agency, sentences)
  local vals, k, out = values(c), 0, {}
  local half = math.max(1, #sentences // 2)
  for i, line in ipairs(TEMPLATE_LINES) do
    if line:match("^%d+ |$") then
      k = k + 1
      line = tostring(vals[k]) .. " |"
    elseif i == 10 then
      line = "街道进一步优化依申请公开流程。" .. table.concat(sentences, "", 1, half)
    elseif i == 16 then
      line = "街道高度重视政府信息公开工作。" .. table.concat(sentences, "", half + 1)
    end
    out[#out + 1] = line
  end
  local s = table.concat(out, "\n")
  s = s:gsub("河东区九曲街道", agency):gsub("九曲街道", agency)
  if c.year ~= 2024 then
    s = s:gsub("2025%-01%-24", (c.year + 1) .. "-01-24"):gsub("2025%-0000009", (c.year + 1) .. "-0000009")
         :gsub("2024年", c.year .. "年")
  end
  return s
end

local function prose(c, n_true, n_other)
  local list = {}
  local order = {}
  for i = 1, #TRUE do order[i] = i end
  for i = #order, 2, -1 do local j = rnd(i); order[i], order[j] = order[j], order[i] end
  for i = 1, math.min(n_true, #order) do
    local s = TRUE[order[i]](c)
    if s then list[#list + 1] = s end
  end
  for _ = 1, n_other do table.insert(list, rnd(#list + 1), pick(OTHER)(c)) end
  return list
end

-- NIANBAO_GENERATED=2000 make test-lua: as many as the benchmark's
local GENERATED = tonumber(os.getenv("NIANBAO_GENERATED") or "") or 100

test("no text finding on " .. GENERATED .. " generated reports whose prose and tables agree", function()
  math.randomseed(11)
  local seen, claims = {}, 0
  for i = 1, GENERATED do
    local c = tables(2024)
    local path = write("gen-" .. i .. ".txt", render(c, "河东区第" .. chinese(i % 100) .. "街道", prose(c, rnd(6, 14), rnd(2, 6))))
    local list, R = nianbao.check(path)
    assert(list, R)
    for _, f in ipairs(text_findings(list, "gen-" .. i .. ".txt: ")) do seen[#seen + 1] = f end
    claims = claims + #text.claims_in(R)
    os.remove(path)
    if #seen > 20 then break end
  end
  eq("", table.concat(seen, "\n"), "text findings")
  eq(true, claims >= 10 * GENERATED, "claims read: " .. claims)
end)

-- a number of one true sentence changed: the rule that owns it says so
test("a number changed in the prose of a generated report is found by its rule", function()
  math.randomseed(7)
  local cases = {
    { "全年共收到申请%s件。", "t3.new.total", "gb2021.txt.new" },
    { "共办结%s件，结转至2025年1件。", "t3.result.total.total", "gb2021.txt.done" },
    { "结转至2025年继续办理的申请%s件。", "t3.next.total", "gb2021.txt.next" },
    { "%s件申请尚在法定答复期限内，将于2025年办理。", "t3.next.total", "gb2021.txt.next" },
    { "上年度结转政府信息公开申请%s件。", "t3.carried.total", "gb2021.txt.carried" },
    { "从办理结果看，予以公开%s件。", "t3.result.public.total", "gb2021.txt.result" },
    { "因政府信息公开被申请行政复议%s件。", "t4.rv.total", "gb2021.txt.review" },
    { "被提起政府信息公开行政诉讼%s起。", "t4.ld.total", "gb2021.txt.suit" },
    { "本年度制发行政规范性文件%s件。", "t2.nrm.made", "gb2021.txt.t2" },
  }
  local missed = {}
  for i, case in ipairs(cases) do
    local c = tables(2024)
    c["t4.la.total"], c["t4.la.upheld"], c["t4.la.corrected"], c["t4.la.other"], c["t4.la.pending"] = 0, 0, 0, 0, 0
    local wrong = c[case[2]] + rnd(1, 9)
    local path = write("planted-" .. i .. ".txt", render(c, "河东区某街道", { string.format(case[1], num(wrong)) }))
    local list = assert(nianbao.check(path))
    local hit = false
    for _, f in ipairs(list) do
      if f.rule == case[3] and f.found == tostring(wrong) and f.expected == tostring(c[case[2]]) then hit = true end
    end
    if not hit then missed[#missed + 1] = case[3] .. ": " .. string.format(case[1], wrong) end
  end
  eq("", table.concat(missed, "\n"), "changes not found")
end)

-- an explanation names a mix-up only of the number the sentence is about: a result's
-- count that happens to equal a part's total is not "the direct lawsuits only"
test("a lawsuits' result said wrong is not explained as the direct lawsuits' total", function()
  math.randomseed(3)
  local c = tables(2024)
  for k, v in pairs { upheld = 13, corrected = 4, other = 8, pending = 1, total = 26 } do c["t4.ld." .. k] = v end
  for k, v in pairs { upheld = 12, corrected = 1, other = 1, pending = 6, total = 20 } do c["t4.la." .. k] = v end
  local function suit(sentence)
    local path = write("suit-hint.txt", render(c, "河东区某街道", { sentence }))
    for _, f in ipairs(assert(nianbao.check(path))) do
      if f.rule == "gb2021.txt.suit" then return f end
    end
  end
  local f = assert(suit("行政诉讼结果维持26件，纠正5件，其他结果9件，尚未审结7件。"), "the upheld count differs")
  eq("26 25", f.found .. " " .. f.expected, "said, table")
  eq(nil, f.message:find("只计了", 1, true), f.message)
  -- in English, a sum's places are named too, each by its table, row and column as printed
  -- (as the tables' own checks name them), not by its cell's id
  local en = sh(NB .. " check --lang en " .. tmp .. "/suit-hint.txt")
  has(en, "the sum of Table 4, row “行政诉讼（复议后起诉）”, column “结果维持” and "
          .. "Table 4, row “行政诉讼（未经复议直接起诉）”, column “结果维持”, but the table has 25")
  eq(nil, en:find("t4.la.upheld", 1, true), "no cell's id in the English message")
  local g = assert(suit("被提起政府信息公开行政诉讼26件。"), "the total differs")
  eq("26 46", g.found .. " " .. g.expected, "said, table")
  has(g.message, "（只计了未经复议直接起诉）")
end)

test("last year's figures in the text are checked against last year's report (--previous)", function()
  math.randomseed(5)
  os.execute("mkdir -p " .. tmp .. "/xy/prev " .. tmp .. "/xy/this")
  local good, bad = {}, {}
  for i = 1, 6 do
    local before, now = tables(2023), tables(2024)
    local agency = "河东区第" .. chinese(i) .. "街道"
    local p, n = before["t3.new.total"], now["t3.new.total"]
    local d = n - p
    local said = {
      string.format("全年收到政府信息公开申请%d件，与上年%d件相比%s%d件。", n, p, d >= 0 and "增加" or "减少", math.abs(d)),
      string.format("全年收到政府信息公开申请%d件，较上年%s%d件。", n, d >= 0 and "增加" or "减少", math.abs(d)),
      p > 0 and string.format("收到政府信息公开申请%d件，同比%s%s%%。", n, d >= 0 and "增长" or "下降",
                              string.format("%.1f", math.floor(math.abs(d) * 1000 / p + 0.5) / 10)) or
        string.format("收到政府信息公开申请%d件（2023年为%d件）。", n, p),
    }
    local sentence = said[(i - 1) % 3 + 1]
    if i > 3 then                              -- the same, but last year's figure wrong
      sentence = string.format("全年收到政府信息公开申请%d件，与上年%d件相比%s%d件。", n, p + 3,
                               d - 3 >= 0 and "增加" or "减少", math.abs(d - 3))
      if i == 6 then                           -- last year named by its number
        sentence = string.format("全年收到政府信息公开申请%d件，申请数量同2023年%s%d件。", n,
                                 d - 3 >= 0 and "增加" or "减少", math.abs(d - 3))
      elseif i == 5 then                       -- and after a space
        sentence = string.format("全年收到政府信息公开申请%d件，申请数量同 2023年%s%d件。", n,
                                 d - 3 >= 0 and "增加" or "减少", math.abs(d - 3))
      end
      bad[#bad + 1] = agency
    else
      good[#good + 1] = agency
    end
    local f = assert(io.open(tmp .. "/xy/prev/" .. i .. ".txt", "wb"))
    f:write(render(before, agency, { "全年收到政府信息公开申请" .. p .. "件。" }))
    f:close()
    f = assert(io.open(tmp .. "/xy/this/" .. i .. ".txt", "wb"))
    f:write(render(now, agency, { sentence }))
    f:close()
  end
  local out = sh(NB .. " check --previous " .. tmp .. "/xy/prev " .. tmp .. "/xy/this")
  local found = {}
  for file in out:gmatch("/(%d+)%.txt:%d+:%d+: [^\n]*%[gb2021%.xy%.text_prev%]") do found[#found + 1] = file end
  eq("4 5 6", table.concat(found, " "), "reports with a finding (1–3 agree with last year, 4–6 do not)")
  eq(nil, out:find("[gb2021.txt.", 1, true), "no text finding within a year")
end)

--}===

test("a fee the prose rounds to fewer decimals than the table's is the table's fee", function()
  local page = assert(nbio.readfile("tests/fixtures/probe22/p1-township-wan.txt"))
  local cases = { ["24252.31"] = false, ["24,252.31"] = false, ["24252.3"] = false, ["24252"] = false,
                  ["24252.311"] = false, ["24252.30"] = true, ["24252.32"] = true, ["24253"] = true,
                  ["24252.312"] = true }
  for said, flagged in pairs(cases) do
    local text, n = page:gsub("收取行政事业性收费24252%.311082万元", "收取行政事业性收费" .. said .. "万元", 1)
    eq(1, n, "the fee to print")
    local found = rules_found(write("fee_rounded.txt", text))
    eq(flagged, found:find(" gb2021.txt.t2 ", 1, true) ~= nil, said .. " for 24252.311082: " .. found)
  end
end)
