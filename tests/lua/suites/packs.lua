-- Packs extend packs: a local pack (tests/packs/province) changes the
-- national one in each way the format and rules allow, shown on reports.

local PROVINCE = "--rules tests/packs/province"
local EXPECTED = assert(nianbao.yaml.decode(assert(nbio.readfile("tests/corpus/jiuqu-2024.expected.yaml"))))

local function findings(out)
  local list = {}
  for line in out:gmatch("[^\n]+") do
    local rule = line:match("%[([%w_%.]+)%]$")
    if rule then list[#list + 1] = { rule = rule, line = line } end
  end
  return list
end

local function count(list, rule)
  local n = 0
  for _, f in ipairs(list) do if f.rule == rule then n = n + 1 end end
  return n
end

test("a local pack adds a label variant the national pack lacks", function()
  local typo = write("typo.txt", (JIUQU:gsub("2%.其他法律行政法规禁止公开", "2.其他法律行政止公开", 1)))
  -- nationally the label is a misspelling, read as the row it is most like, and said so
  has(sh(NB .. " check " .. typo), "表三行标签“2.其他法律行政止公开”与统一格式不一致，已按“（三）不予公开2.其他法律行政法规禁止公开”行读取 [gb2021.parse.misspelt]")
  -- in the province it is a spelling of the label: read, and nothing said
  eq(nil, sh(NB .. " check " .. PROVINCE .. " " .. typo):find("parse.misspelt", 1, true), "a variant, not a misspelling")
  local out = sh(NB .. " extract --format json " .. PROVINCE .. " " .. typo)
  has(out, '"law":{"np":0,"biz":0,"research":0,"ngo":0,"legal":0,"other":0,"total":0}')
end)

test("a local pack rewords a national message, keeping the rule's id", function()
  local out = sh(NB .. " check " .. PROVINCE .. " examples/broken/t3-balance.txt")
  has(out, "examples/broken/t3-balance.txt:76:1: 错误：表三“自然人”列不平衡（本省要求“一+二=三+四”）：一加二为6，三加四为7，相差-1 [gb2021.t3.balance]")
end)

test("a local pack changes a deadline of the format", function()
  local national = findings(sh(NB .. " check examples/broken/date-late-dept.txt"))
  eq(1, count(national, "gb2021.date.late_dept"), "published 2025-02-10: late by 1月31日")
  local local_ = findings(sh(NB .. " check " .. PROVINCE .. " examples/broken/date-late-dept.txt"))
  eq(0, count(local_, "gb2021.date.late_dept"), "in time by the province's 2月20日")
end)

test("a rule file named as a national rule replaces it: one finding, not two", function()
  local out = sh(NB .. " check " .. PROVINCE .. " examples/broken/val-blank.txt")
  local list = findings(out)
  eq(1, count(list, "gb2021.val.blank"), "one finding")
  has(out, "val-blank.txt:86:1: 错误：表三“二、上年结转政府信息公开申请数量”行“商业企业”列单元格为空：本省要求无数据的单元格一律填0")
  local rules = sh(NB .. " rules " .. PROVINCE)
  has(rules, "tests/packs/province/val.blank.lua 替换规则 gb2021.val.blank")
  has(rules, "province.docs_total")
end)

test("a rule file that takes a national rule's name must take its id", function()
  os.execute("rm -rf " .. tmp .. "/clash && mkdir -p " .. tmp .. "/clash")
  write("clash/t3.balance.lua", 'id = "clash.t3.balance"\nseverity = "info"\nmessage = { zh = "x" }\n' ..
        'identity = "t3.new.total = t3.new.total"\n')
  local out, st = sh(NB .. " rules --rules " .. tmp .. "/clash")
  eq(2, st, "exit")
  has(out, "this file replaces the inherited rule gb2021.t3.balance: its id must be 'gb2021.t3.balance'")
end)

test("a row and an identity added by a local pack: new lays it out, fill derives it, check checks it", function()
  local template = sh(NB .. " new --year 2025 --agency 某镇人民政府 " .. PROVINCE)
  has(template, "docs:")
  local values = {
    ["t2.reg.made"] = 1, ["t2.reg.repealed"] = 0, ["t2.reg.valid"] = 4,
    ["t2.nrm.made"] = 2, ["t2.nrm.repealed"] = 1, ["t2.nrm.valid"] = 9,
  }
  local yaml = assert(require("authoring").put(template, values))
  local path = write("province.yaml", yaml)
  local err, st = sh(NB .. " fill --in-place " .. PROVINCE .. " " .. path)
  eq(0, st, "fill: " .. err)
  local doc = assert(nianbao.yaml.decode(assert(nbio.readfile(path))))
  eq(3, doc.t2.docs.made, "made 1 + 2")
  eq(1, doc.t2.docs.repealed, "repealed 0 + 1")
  eq(13, doc.t2.docs.valid, "valid 4 + 9")
  -- the national fill knows nothing of the row
  local plain = write("national.yaml", yaml)
  sh(NB .. " fill --in-place " .. plain)
  local national = assert(nianbao.yaml.decode(assert(nbio.readfile(plain))))
  eq(nianbao.null, national.t2.docs.made, "the national pack has no arithmetic for the row")
  -- a total that does not add up is an error of the province's rule
  local wrong = (assert(nbio.readfile(path)):gsub("valid: 13", "valid: 12"))
  local out = sh(NB .. " check " .. PROVINCE .. " " .. write("wrong.yaml", wrong))
  has(out, "表二“规章和行政规范性文件合计”行“现行有效件数”列为12，但规章与行政规范性文件之和为13，相差-1 [province.docs_total]")
end)

test("a config naming a local pack keeps the national rules", function()
  os.execute("rm -rf " .. tmp .. "/conf && mkdir -p " .. tmp .. "/conf")
  os.execute("cp -r tests/packs/province " .. tmp .. "/conf/")
  write("conf/.nianbao.yaml", "packs: [./province]\n")
  local out = sh(NB .. " check --config " .. tmp .. "/conf/.nianbao.yaml examples/broken/t3-result-total.txt")
  has(out, "[gb2021.t3.result_total]")
  has(out, "[gb2021.struct.row_missing]")           -- the province's row, required by its pack
end)

test("the 2019 format is its own pack: it replaces one rule and leaves out those its grid lacks", function()
  local out = sh(NB .. " rules")
  has(out, "gb2019/t3.result_total.lua 替换规则 gb2021.t3.result_total")
  has(out, "gb2019：规则 gb2021.xy.t2_stock 不适用于该格式")
  local list, R = assert(nianbao.check(CORPUS .. "/pingtan-2020.txt"))
  eq("gb2019", R.format, "bound with its own grid")
  local n = 0
  for _, f in ipairs(list) do if f.rule == "gb2021.t3.result_total" then n = n + 1 end end
  eq(2, n, "（七）总计 21 ≠ 27 in the 自然人 and 总计 columns")
  local _ = EXPECTED
end)

test("the pack documentation is also the man page nianbao-packs(7)", function()
  local out, st = sh(NB .. " run scripts/tools/man.lua rules/README.md nianbao-packs 7 'nianbao packs'")
  eq(0, st, "exit")
  has(out, '.TH NIANBAO-PACKS 7 "" "nianbao" "nianbao packs"')
  for _, section in ipairs { ".SH PACKS", ".SH RULES", ".SH READERS", ".SH WRITERS", ".SS Worked example: a province's pack" } do
    has(out, section)
  end
  has(out, "\\fBidentity\\fR")
end)

test("a local pack's own text rule reads its claims in every report of a batch", function()
  -- a rule of the province's: a claim of 行政规范性文件 "拟发", words no national grammar reads
  os.execute("mkdir -p " .. tmp .. "/claimpack")
  write("claimpack/pack.lua", 'name = "claimpack"\ntitle = "本地正文规则"\nextends = "gb2021"\n')
  write("claimpack/t2_planned.lua", [[
id       = "claimpack.t2_planned"
severity = "warning"
message  = { zh = "正文称拟发{where}为{said}，但表二为{table}", en = "the text says {said} planned for {where_en}, table 2 has {table}" }
local compare = text.claims {
  name    = "t2_planned",
  words   = [=[ term <- "行政规范性文件" ]=],
  readers = { { cells = "t2.nrm.made", grammar = [=[ claim <- "拟发" term %count ]=] } },
}
function check(report, emit) compare(report, emit) end
]])
  local base = assert(nbio.readfile("examples/broken/txt-t2.txt"))
  local said = base:gsub("全年制发行政规范性文件3件", "全年拟发行政规范性文件3件", 1)
  local files = {}
  for i = 1, 3 do
    -- three reports, each its own bytes (a batch skips a second copy of a file)
    files[i] = write("claimpack-" .. i .. ".txt", said .. string.rep("\n", i))
  end
  local out = sh(NB .. " check --rules " .. tmp .. "/claimpack " .. table.concat(files, " "))
  for i = 1, 3 do
    has(out, "claimpack-" .. i .. ".txt:16:", "report " .. i .. " read")
  end
  eq(3, count(findings(out), "claimpack.t2_planned"), "one claim a report, in each of the three")
  eq(0, count(findings(out), "gb2021.txt.t2"), "the national grammar does not read 拟发")
end)

-- what a national pack's file leaves is taken as it is (not copied): it
-- must be plain data, as view.plain would have made it (a read-only view
-- of the engine's own data, such as t3.columns, is read through)
local function plain_data(v, where, seen)
  local t = type(v)
  if t == "nil" or t == "string" or t == "number" or t == "boolean" then return end
  if t ~= "table" then error(where .. " is a " .. t .. ", not plain data", 0) end
  v = require("view").unwrap(v)
  if getmetatable(v) ~= nil then error(where .. " has a metatable", 0) end
  seen = seen or {}
  if seen[v] then return end
  seen[v] = true
  for k, x in next, v do
    plain_data(k, where .. " (a key)", seen)
    plain_data(x, where .. "." .. tostring(k), seen)
  end
end

test("the national packs' format.lua and rule files leave plain data, taken as they are", function()
  local ok, why = pcall(plain_data, { a = { b = print } }, "decl")
  eq(false, ok, "a function is not plain data")
  has(why, "decl.a.b is a function")
  local set = require("packs").load(".", {}, {})
  for _, name in ipairs(set.order) do
    plain_data(set:declaration(name).decl, name)
  end
  local fields = { "id", "severity", "message", "params", "identity", "when", "each", "schema",
                   "rationale", "basis", "help" }
  for _, fname in ipairs(set.formats) do
    local P = set:pack(fname)
    eq(true, #P.rules > 60, fname .. ": rules loaded")
    for _, r in ipairs(P.rules) do
      for _, k in ipairs(fields) do plain_data(rawget(r.env, k), r.id .. "." .. k) end
    end
  end
end)

test("a format that extends another changes a copy: the 2019 grid leaves the national one whole", function()
  local set = require("packs").load(".", {}, {})
  local d21, d19 = set:declaration("gb2021").decl, set:declaration("gb2019").decl
  local function other(decl)
    for _, b in ipairs(decl.tables.t3.blocks) do
      for _, r in ipairs(b.rows or {}) do
        if r.id == "result" then
          for _, g in ipairs(r.rows) do if g.id == "other" then return g end end
        end
      end
    end
  end
  eq(3, #other(d21).rows, "gb2021: （六）其他处理 has its three sub-items")
  eq(nil, other(d19).rows, "gb2019: one row")
  eq(true, d21.tables.t2 ~= d19.tables.t2 and d21.parts ~= d19.parts, "no table shared")
  -- its signature, folded by the compiled national format's folder, is what a folder of its own makes
  set:format("gb2021")
  local sig, own = set:signature("gb2019"), require("format").signature(d19)
  eq(10, #sig, "gb2019's signature labels")
  for i = 1, #own do eq(own[i], sig[i], "signature label " .. i) end
  eq("本年增/减", sig[5], "the fifth label")
end)

test("the grid writers draw of table 3: its corner note, a row's label and its cells, as spans", function()
  local F = require("packs").load(".", {}, {}):format("gb2021")
  local g = F.table_by_id.t3.grid
  local function cell(c) return table.concat({ tostring(c.text), c.rowspan, c.colspan, tostring(c.header),
                                               tostring(c.id), tostring(c.role) }, "|") end
  eq("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|3|3|true|nil|corner", cell(g[1][1]), "corner")
  eq("自然人|2|1|true|nil|nil", cell(g[2][1]), "a column's header")
  eq("一、本年新收政府信息公开申请数量|1|3|true|nil|label", cell(g[4][1]), "a row's label")
  eq("nil|1|1|false|t3.new.np|nil", cell(g[4][2]), "a data cell")
  eq(8, #g[4], "the label and seven cells")
end)
