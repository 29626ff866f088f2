-- A region's reports at once: a tree as evaluators have it (a folder per
-- agency, several years, a second copy of a file under another name, a
-- config, expectation files and a note mixed in), built here from files
-- of the repository; one command writes the archive, the review pages, the
-- dashboard and the sheet; a later year's batch pairs with the archive;
-- copied narrative is found; baselines, acknowledgements, the roll-up and
-- the progress line.

local similar = require "nianbao.similar"
local agency = require "agency"
local batch = require "batch"

local root = tmp .. "/region"
local function put(rel, bytes)
  local path = root .. "/" .. rel
  os.execute("mkdir -p '" .. path:match("^(.*)/") .. "'")
  local f = assert(io.open(path, "wb"))
  f:write(bytes)
  f:close()
  return path
end
local function slurp(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end
local function lines_of(s)
  local out = {}
  for l in s:gmatch("[^\n]+") do out[#out + 1] = l end
  return out
end
local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local JIUQU23 = assert(nbio.readfile("examples/previous/jiuqu-2023.txt"))
local HUAIAN = assert(nbio.readfile(CORPUS .. "/huaian-2024.layout.txt"))
-- another township: jiuqu's 2024 report with its name changed — its whole
-- narrative copied from jiuqu's (the plant)
local COPIED = JIUQU:gsub("九曲街道", "汤河镇")
-- huaian's year before: the same page a year earlier (its text copied too)
local HUAIAN23 = HUAIAN:gsub("2025", "2024@"):gsub("2024([^@])", "2023%1"):gsub("2024@", "2024")

local tree = root .. "/tree"
put("tree/jiuqu/2023/report.txt", JIUQU23)
put("tree/jiuqu/2024/report.txt", JIUQU)
put("tree/jiuqu/2024/saved-copy.txt", JIUQU)                   -- the same file under another name
put("tree/pingtan/2020.txt", assert(nbio.readfile(CORPUS .. "/pingtan-2020.txt")))
put("tree/pingtan/2021.txt", assert(nbio.readfile(CORPUS .. "/pingtan-2021.txt")))
put("tree/pingtan/2022.txt", assert(nbio.readfile(CORPUS .. "/pingtan-2022.txt")))
put("tree/pingtan/2022.expected.yaml", assert(nbio.readfile(CORPUS .. "/pingtan-2022.expected.yaml")))
put("tree/huaian/2023.txt", HUAIAN23)
put("tree/huaian/2024.txt", HUAIAN)
put("tree/huaian/2024.expected.yaml", assert(nbio.readfile(CORPUS .. "/huaian-2024.expected.yaml")))
put("tree/tanghe/2024/report.txt", COPIED)
put("tree/nianbao.yaml", assert(nbio.readfile("examples/nianbao.yaml")))   -- a config
put("tree/说明.md", "# 说明\n\n各机关年报按年度存放。\n")                   -- a note
put("tree/表格说明.md", "# 表格说明\n\n| 表 | 内容 |\n|---|---|\n| 表二 | 主动公开 |\n| 表三 | 依申请 |\n")  -- a note that names the tables
put("tree/scan.jpg", "\255\216\255\224 not a report")

local out_dir, db = root .. "/out", root .. "/archive.db"
local run_out, run_status = sh(NB .. " check --format html --db " .. q(db) .. " -o " .. q(out_dir) .. " " .. q(tree))
local json_out = sh(NB .. " check --format json " .. q(tree))
local records = {}
for _, l in ipairs(lines_of(json_out)) do
  local file = l:match('^{"file":"([^"]+)"')
  if file then records[file:sub(#tree + 2)] = l end
end

test("one command over the tree writes the review pages, mirrored, the dashboard, the sheet and the archive", function()
  eq(1, run_status, "exit (errors found)\n" .. run_out)
  for _, page in ipairs { "jiuqu/2023/report.html", "jiuqu/2024/report.html", "pingtan/2020.html",
                          "pingtan/2021.html", "pingtan/2022.html", "huaian/2023.html", "huaian/2024.html",
                          "tanghe/2024/report.html", "index.html", "agencies.csv", "agencies.xlsx" } do
    eq("file", nbio.stat(out_dir .. "/" .. page), page)
  end
  eq(nil, nbio.stat(out_dir .. "/jiuqu/2024/saved-copy.html"), "no page for the duplicate")
  eq("file", nbio.stat(db), "the archive")
end)

test("the skipped files are listed in the summary, each with its reason", function()
  has(run_out, "8 个文件：")
  has(run_out, "跳过 7 个文件：")
  has(run_out, tree .. "/jiuqu/2024/saved-copy.txt：与 " .. tree .. "/jiuqu/2024/report.txt 内容相同")
  has(run_out, tree .. "/pingtan/2022.expected.yaml：本工具的配置、基线或预期结果文件，不是年报")
  has(run_out, tree .. "/huaian/2024.expected.yaml：本工具的配置、基线或预期结果文件，不是年报")
  has(run_out, tree .. "/nianbao.yaml：本工具的配置、基线或预期结果文件，不是年报")
  has(run_out, tree .. "/说明.md：不是政府信息公开工作年度报告")
  has(run_out, tree .. "/表格说明.md：不是政府信息公开工作年度报告")
  has(run_out, tree .. "/scan.jpg：没有读取器处理此类文件")
  has(json_out, '{"file":"' .. tree .. '/nianbao.yaml","status":"skipped","reason":"本工具的配置')
end)

test("the archive holds every report, its cells with their states, and its findings", function()
  local a = assert(require("nianbao.db").open(db))
  local n = a:run("SELECT count(*) AS n FROM reports")[1].n
  eq(8, n, "reports")
  local keys = a:run("SELECT agency_key, count(*) AS n FROM reports GROUP BY agency_key ORDER BY agency_key")
  local seen = {}
  for _, r in ipairs(keys) do seen[#seen + 1] = tostring(r.agency_key) .. "=" .. r.n end
  has(table.concat(seen, " "), "河东区九曲街道=2")
  has(table.concat(seen, " "), "平潭综合实验区=3")
  has(table.concat(seen, " "), "淮安市政府=2")
  local cell = a:run([[SELECT c.state, c.value FROM cells c JOIN reports r ON r.id = c.report
                       WHERE r.year = 2024 AND r.agency_key = '河东区九曲街道' AND c.id = 't3.new.total']])[1]
  eq("number", cell.state, "state")
  eq("5", cell.value, "value")
  local f = a:run([[SELECT count(*) AS n FROM findings f JOIN reports r ON r.id = f.report
                    WHERE r.source = '2022.txt' AND f.rule = 'gb2021.txt.new']])[1]
  eq(true, f.n >= 1, "pingtan 2022's known inconsistency")
  -- the five queries of the README run as written
  local readme = assert(nbio.readfile("README.md"))
  local count = 0
  for sql in readme:gmatch("```sql\n(.-)```") do
    local ok, err = pcall(a.run, a, sql)
    eq(true, ok, "README query: " .. sql .. "\n" .. tostring(err))
    count = count + 1
  end
  eq(5, count, "README queries")
  a:close()
end)

test("each report's year before is found in the batch along a chain of years, and JSON says which", function()
  has(records["pingtan/2021.txt"], '"previous":{"file":"' .. tree .. '/pingtan/2020.txt","agency":"平潭综合实验区","year":2020,"from":"batch"}')
  has(records["pingtan/2022.txt"], '"previous":{"file":"' .. tree .. '/pingtan/2021.txt","agency":"平潭综合实验区","year":2021,"from":"batch"}')
  has(records["pingtan/2020.txt"], '"previous":{"year":2019,"from":"none"}')
  has(records["jiuqu/2024/report.txt"], '"rule":"gb2021.xy.text_prev"')
  has(records["huaian/2024.txt"], '"from":"batch"')
  local page = assert(slurp(out_dir .. "/pingtan/2022.html"))
  has(page, '<p class="where" id="previous">上年度报告：' .. tree .. "/pingtan/2021.txt（2021年，本批次）</p>")
  has(assert(slurp(out_dir .. "/pingtan/2020.html")), "未找到上年度（2019年）报告")
end)

test("a second year's batch finds the first year in the archive, without --previous", function()
  local db2 = root .. "/two-years.db"
  local _, st1 = sh(NB .. " check --db " .. q(db2) .. " " .. q(tree .. "/jiuqu/2023"))
  eq(0, st1, "first year")
  local out, st2 = sh(NB .. " check --format json --db " .. q(db2) .. " " .. q(tree .. "/jiuqu/2024/report.txt"))
  eq(0, st2, "second year (warnings only): " .. out)
  has(out, '"previous":{"file":"' .. tree .. '/jiuqu/2023/report.txt","agency":"河东区九曲街道","year":2023,"from":"archive"}')
  has(out, '"rule":"gb2021.xy.text_prev"')
  -- without the archive, none
  local alone = sh(NB .. " check --format json " .. q(tree .. "/jiuqu/2024/report.txt"))
  has(alone, '"previous":{"year":2023,"from":"none"}')
  eq(nil, alone:find("xy.text_prev", 1, true), "no cross-year finding without the year before")
  -- the same file checked again replaces its rows
  sh(NB .. " check --db " .. q(db2) .. " " .. q(tree .. "/jiuqu/2024/report.txt"))
  local a = assert(require("nianbao.db").open(db2))
  eq(2, a:run("SELECT count(*) AS n FROM reports")[1].n, "reports after a re-run")
  a:close()
end)

test("narrative copied between two agencies is found, with the two files, the share and the passage", function()
  local r = records["tanghe/2024/report.txt"]
  has(r, '"rule":"gb2021.qlt.copy_peer"')
  has(r, '{"kind":"peer","file":"' .. tree .. '/jiuqu/2024/report.txt","agency":"河东区九曲街道","year":2024,"share":')
  has(records["jiuqu/2024/report.txt"], '"kind":"peer","file":"' .. tree .. '/tanghe/2024/report.txt"')
  -- pingtan and huaian copied nobody
  eq(nil, records["pingtan/2021.txt"]:find('"kind":"peer"', 1, true), "no copy found in pingtan 2021")
  eq(nil, records["huaian/2024.txt"]:find('"kind":"peer"', 1, true), "no peer copy in huaian")
  -- and huaian's text is its own year before's
  has(records["huaian/2024.txt"], '"rule":"gb2021.xy.copy"')
  local index = assert(slurp(out_dir .. "/index.html"))
  has(index, '<table id="copies">')
  has(index, tree .. "/tanghe/2024/report.txt")
end)

-- Towns that all took one report as their template, each adding words of
-- its own (town k: k×40 characters of its own), so the shares differ.
local function template_towns(dir, n)
  local state = 7
  for k = 1, n do
    local own = {}
    for _ = 1, 40 * k do
      state = (state * 1103515245 + 12345) % 2147483648
      own[#own + 1] = utf8.char(0x4E00 + state % 20000)
    end
    local name = "第" .. k .. "镇"
    local text = JIUQU:gsub("九曲街道", name):gsub("\n一、总体情况\n", "\n一、总体情况\n" .. table.concat(own) .. "。\n", 1)
    put(dir .. "/town" .. k .. ".txt", text)
  end
  local out = sh(NB .. " check --format json " .. q(root .. "/" .. dir))
  local peers = {}
  for l in out:gmatch("[^\n]+") do
    local file = l:match('^{"file":"[^"]*/([^/"]+)"')
    if file then
      peers[file] = {}
      for f, share in l:gmatch('"kind":"peer","file":"[^"]*/([^/"]+)",[^}]-"share":([%d.]+)') do
        peers[file][#peers[file] + 1] = { file = f, share = tonumber(share) }
      end
    end
  end
  return peers
end

test("a template shared by many: each report names its six closest copies, the larger share first", function()
  local peers = template_towns("template9", 9)
  for k = 1, 9 do
    local list = peers["town" .. k .. ".txt"]
    eq(6, #list, "copies said of town " .. k)
    for i = 2, #list do
      local a, b = list[i - 1], list[i]
      eq(true, a.share > b.share or (a.share == b.share and a.file < b.file), "town " .. k .. ": closest first")
    end
  end
  -- the share is of the shorter text: town 9's closest are the towns that added least
  eq("town1.txt", peers["town9.txt"][1].file)
  eq("town6.txt", peers["town9.txt"][6].file)
end)

test("a few copies are all said, in the order of the files", function()
  local peers = template_towns("template3", 3)
  local function files(k)
    local out = {}
    for i, p in ipairs(peers["town" .. k .. ".txt"]) do out[i] = p.file end
    return table.concat(out, " ")
  end
  eq("town2.txt town3.txt", files(1), "copies said of town 1")
  eq("town1.txt town3.txt", files(2), "copies said of town 2")
  eq("town1.txt town2.txt", files(3), "copies said of town 3")
end)

test("the sheet has one row per agency and year, counts by rule, lateness and outcome shares", function()
  local csv = assert(slurp(out_dir .. "/agencies.csv"))
  eq("\239\187\191", csv:sub(1, 3), "a BOM for Excel and WPS")
  local rows = lines_of(csv:gsub("\r", ""))
  eq(9, #rows, "a header and 8 reports")
  has(rows[1], "机关,机关识别名,年度,文件,机关类型,发布日期,发布期限,逾期发布,错误,警告,提示,办理结果总计,（一）予以公开占比(%)")
  has(rows[1], "gb2021.qlt.copy_peer")
  has(csv, "河东区九曲街道,河东区九曲街道,2024," .. tree .. "/jiuqu/2024/report.txt,乡镇、街道,2025-01-24,2025-01-31,否,")
  local xlsx = assert(slurp(out_dir .. "/agencies.xlsx"))
  eq("PK", xlsx:sub(1, 2), "an xlsx is a zip")
  local listing = sh("unzip -p " .. q(out_dir .. "/agencies.xlsx") .. " xl/sharedStrings.xml")
  has(listing, "平潭综合实验区")
  has(listing, "gb2021.xy.copy")
end)

test("the dashboard lists every report with a link to its page, and draws three charts", function()
  local index = assert(slurp(out_dir .. "/index.html"))
  local n, links = 0, {}
  for page in index:gmatch('<td><a href="([^"]+)">') do
    n = n + 1
    links[#links + 1] = page
    eq("file", nbio.stat(out_dir .. "/" .. page), "linked page " .. page)
  end
  eq(8, n, "rows linking to review pages")
  for _, id in ipairs { "chart-rules", "chart-outcomes", "chart-dates" } do has(index, '<figure id="' .. id .. '">') end
  has(index, "<svg")
  has(index, '<div data-card="dash_skipped"><b>7</b>')
end)

test("--include and --exclude choose the files of a folder by globs", function()
  local only = sh(NB .. " check --include 'pingtan/**' " .. q(tree))
  has(only, "3 个文件")
  has(only, "不在 --include 范围内")
  local but = sh(NB .. " check --exclude '2020.txt' --exclude 'huaian/*' " .. q(tree))
  has(but, "5 个文件")
  has(but, tree .. "/pingtan/2020.txt：被 --exclude 排除")
  eq(true, batch.glob_match("**/*.txt", "a/b/c.txt"), "** spans folders")
  eq(true, batch.glob_match("**/c.txt", "c.txt"), "**/ matches no folder too")
  eq(false, batch.glob_match("*.txt", "a/c.txt"), "* stays in a folder")
  eq(true, batch.glob_match("a/?.txt", "a/c.txt"), "?")
end)

test("the agency key pairs one issuer's names across years", function()
  local F = nianbao.engine:pack(nianbao.engine.base).format
  local k = function(s) return agency.key(F, s) end
  eq(k("某县人民政府"), k("某县政府"), "人民政府 and 政府")
  eq(k("某县人民政府"), k("某县人民政府办公室"), "the office stands for the organ")
  eq(k("某市统计局"), k("某市统计局2023年度"), "a year at the end")
  eq(k("某市统计局"), k("某市统计局（2024年）"), "a year in brackets")
  eq(k("ＸＸ市 统计局"), k("XX市统计局"), "full and half width, spaces")
  eq(false, k("某市统计局") == k("某市财政局"), "two agencies stay two")
  eq(nil, k(nil), "no name, no key")
end)

test("a finding in the baseline is not reported again; a new one is", function()
  local dir = root .. "/base"
  os.execute("mkdir -p " .. q(dir))
  local one = dir .. "/a.txt"
  local f = assert(io.open(one, "wb")); f:write(assert(nbio.readfile("examples/broken/t3-balance.txt"))); f:close()
  local b = dir .. "/baseline.yaml"
  local first, s1 = sh(NB .. " check --baseline " .. q(b) .. " " .. q(dir))
  eq(1, s1, "first run reports: " .. first)
  has(assert(slurp(b)), "rule: gb2021.t3.balance")
  local again, s2 = sh(NB .. " check --baseline " .. q(b) .. " " .. q(dir))
  eq(0, s2, "nothing new: " .. again)
  has(again, "1 个文件：0 个错误，0 个警告，0 条提示，2 条已在基线中")
  -- the lines move (a line added on top): the findings are the same ones
  f = assert(io.open(one, "wb")); f:write("\n\n" .. assert(nbio.readfile("examples/broken/t3-balance.txt"))); f:close()
  local moved, s3 = sh(NB .. " check --baseline " .. q(b) .. " " .. q(dir))
  eq(0, s3, "moved lines: " .. moved)
  -- a new finding is reported alone
  f = assert(io.open(dir .. "/b.txt", "wb")); f:write(assert(nbio.readfile("examples/broken/t4-rv-total.txt"))); f:close()
  local new, s4 = sh(NB .. " check --baseline " .. q(b) .. " " .. q(dir))
  eq(1, s4, "a new finding")
  has(new, "[gb2021.t4.rv_total]")
  eq(nil, new:find("t3.balance", 1, true), "the baselined ones stay quiet")
  local bad, sb = sh(NB .. " check --baseline " .. q(tree .. "/nianbao.yaml") .. " " .. q(dir))
  eq(2, sb, "a file that is not a baseline")
  has(bad, tree .. "/nianbao.yaml: not a baseline")
end)

test("an agency acknowledges a finding in its YAML with a reason", function()
  local yaml = sh(NB .. " extract examples/broken/t3-balance.txt")
  local path = write("ack.yaml", yaml .. "acknowledged:\n  - rule: gb2021.t3.balance\n    cells: [t3.new.np]\n"
                                       .. "    reason: 自然人列一件申请系重复登记，已更正\n")
  local out, st = sh(NB .. " check " .. q(path))
  eq(1, st, "one finding acknowledged, one not: " .. out)
  has(out, "1 个文件：1 个错误，0 个警告，0 条提示，1 条已由机关说明")
  has(out, "表三“总计”列", "the other column's finding is still there")
  eq(nil, out:find("表三“自然人”列", 1, true), "the acknowledged one is not")
end)

test("nianbao sum adds the tables and checks the identities on the sum", function()
  local broken = put("tanghe-broken.txt", (assert(nbio.readfile("examples/broken/t3-balance.txt")):gsub("九曲街道", "汤河镇")))
  local sum_out, st = sh(NB .. " sum " .. q(tree .. "/jiuqu") .. " " .. q(broken) .. " --sheet "
                         .. q(root .. "/sum.xlsx") .. " -o " .. q(root .. "/sum.yaml"))
  eq(1, st, "the broken report breaks the sum: " .. sum_out)
  has(sum_out, "[gb2021.t3.balance]")
  has(sum_out, "3 个报告相加")
  has(sum_out, "与 " .. tree .. "/jiuqu/2024/report.txt 内容相同")
  local S = assert(nianbao.yaml.decode(assert(slurp(root .. "/sum.yaml"))))
  local a = assert(nianbao.extract("examples/previous/jiuqu-2023.txt"))
  local b = assert(nianbao.extract(CORPUS .. "/jiuqu-2024.txt"))
  local c = assert(nianbao.extract("examples/broken/t3-balance.txt"))
  eq(a.t3.new.total + b.t3.new.total + c.t3.new.total, S.t3.new.total, "t3.new.total")
  eq(a.t3.result.public.np + b.t3.result.public.np + c.t3.result.public.np, S.t3.result.public.np, "a leaf")
  eq(a.t4.rv.total + b.t4.rv.total + c.t4.rv.total, S.t4.rv.total, "t4")
  eq("file", nbio.stat(root .. "/sum.csv"), "the sheet's CSV")
  eq("file", nbio.stat(root .. "/sum.xlsx"), "the sheet's XLSX")
  local clean, st2 = sh(NB .. " sum " .. q(tree .. "/jiuqu") .. " -o " .. q(root .. "/sum2.yaml"))
  eq(0, st2, "consistent reports make a consistent sum: " .. clean)
end)

test("a progress line on a terminal, nothing on a pipe", function()
  local piped = sh(NB .. " check " .. q(tree .. "/pingtan") .. " 2>&1 >/dev/null")
  eq(nil, piped:find("\r", 1, true), "no progress on a pipe")
  local tty = sh("script -qec " .. q(NB .. " check " .. q(tree .. "/pingtan") .. " >/dev/null") .. " /dev/null")
  has(tty, "\r\27[K已处理 ")
  has(tty, "个文件，每秒 ")
end)

test("a baseline's fingerprint hash is 64-bit FNV-1a, as the baselines on disk hold it", function()
  eq("cbf29ce484222325", similar.fnv(""), "the offset basis")
  eq("af63dc4c8601ec8c", similar.fnv("a"), "a published vector")
  eq("85944171f73967e8", similar.fnv("foobar"), "a published vector")
  -- the Lua of the first baselines, beside the C, over bytes of every value
  local function fnv_lua(s)
    local h = 0xCBF29CE484222325
    for i = 1, #s do h = (h ~ s:byte(i)) * 0x100000001B3 end
    return string.format("%016x", h)
  end
  local state = 11
  for n = 0, 300 do
    local b = {}
    for i = 1, n do state = (state * 1103515245 + 12345) % 2147483648; b[i] = string.char(state % 256) end
    local s = table.concat(b)
    eq(fnv_lua(s), similar.fnv(s), "bytes of length " .. n)
  end
end)

test("similar texts: shares, passages and signatures", function()
  local a = "本机关认真贯彻落实《条例》，主动公开政府信息123条，依申请公开工作规范有序，全年未发生行政复议。"
  local sa, sb, passage, n = similar.common(a, a)
  eq(1.0, sa, "a text shares all of itself")
  eq(1.0, sb, "both ways")
  eq(a:gsub("。$", ""), passage, "the passage is the text, to its last character that counts")
  eq(true, n > 30, "length")
  local x, y = similar.common(a, "完全不同的一段文字，讲的是另一件事情，没有任何相同之处，长度也差不多一样。")
  eq(0.0, x, "nothing shared")
  eq(0.0, y, "nothing shared, both ways")
  eq(1.0, similar.agree(similar.signature(a), similar.signature("  " .. a:gsub("，", ","))), "punctuation and spaces do not count")
  eq(nil, similar.signature("太短"), "too short to sign")
end)

test("the database and workbook modules say what is wrong and leak nothing on an error", function()
  local dbm, xlsx = require "nianbao.db", require "nianbao.xlsx"
  local d = assert(dbm.open(root .. "/t.db"))
  d:exec("CREATE TABLE t (a INTEGER, b TEXT)")
  eq(2, d:many("INSERT INTO t VALUES (?, ?)", { { 1, "一" }, { 2 } }), "rows inserted")
  local rows = d:run("SELECT a, b FROM t WHERE a >= ? ORDER BY a", 1)
  eq(2, #rows, "rows")
  eq("一", rows[1].b, "text")
  eq(nil, rows[2].b, "null")
  local ok, err = pcall(d.run, d, "SELECT * FROM absent")
  eq(false, ok, "a missing table")
  has(err, "no such table: absent")
  ok, err = pcall(d.run, d, "SELECT ?", 1, 2)
  has(err, "too many values")
  ok, err = pcall(d.many, d, "INSERT INTO t VALUES (?, ?)", { { {}, 1 } })
  has(err, "cannot store a table")
  ok, err = pcall(d.exec, d, "NOT SQL")
  has(err, "syntax error")
  d:close()
  ok, err = pcall(d.run, d, "SELECT 1")
  has(err, "closed")
  local no, why = dbm.open(root .. "/no/such/folder/x.db")
  eq(nil, no, "a database in a folder that does not exist")
  has(why, "unable to open")
  ok, err = pcall(xlsx.write, root .. "/bad.xlsx", { { name = "s", rows = { { {} } } } })
  has(err, "row 1, column 1: a table is not a cell value")
  eq(nil, nbio.stat(root .. "/bad.xlsx"), "no half-written workbook")
  local written = xlsx.write(root .. "/ok.xlsx", { { name = "机关", rows = { { "机关", "错误" }, { "某局", 3 } } } })
  eq(true, written, "a workbook")
end)

test("an archive in a folder that does not exist is named as such", function()
  local out, st = sh(NB .. " check examples/jiuqu-2024.txt --db " .. tmp .. "/no-such-folder/a.db")
  eq(2, st, "exit")
  has(out, "无法打开档案库 " .. tmp .. "/no-such-folder/a.db：文件夹 " .. tmp .. "/no-such-folder 不存在")
end)
