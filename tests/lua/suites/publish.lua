-- What people see: the published page (render checks first, carries the
-- metadata and the signature, prints on A4), the review page (labels, the
-- quoted sentence, page numbers, the agency, each format's own grid), the
-- region's options on the command line, YAML slips of a report, and a
-- repository that tests itself alone.

local function q(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

--{=== render ===

test("render refuses a report with errors (exit 1, the errors listed) and a blank template", function()
  local blank = write("blank.yaml", sh(NB .. " new --year 2025 --agency 某县人民政府"))
  local page = tmp .. "/blank.html"
  local out, st = sh(NB .. " render " .. blank .. " -o " .. page)
  eq(1, st, "exit")
  has(out, "有 3 个错误，不能生成发布稿")
  has(out, "[gb2021.qlt.placeholder]")
  eq(nil, nbio.stat(page), "nothing written")
  local out2, st2 = sh(NB .. " render examples/broken/t3-balance.txt")
  eq(1, st2, "a report whose tables do not add up")
  has(out2, "t3-balance.txt:76:1: 错误：表三")
  eq(nil, out2:find("<html", 1, true), "no page")
end)

test("render --draft marks the page 草稿 and lists the errors on it", function()
  local out, st = sh(NB .. " render --draft examples/broken/t3-balance.txt 2>/dev/null")
  eq(0, st, "exit")
  has(out, "<div class=\"draft-mark\"")
  has(out, "本稿没有通过核对，不能发布。须改正的 2 处错误：")
  has(out, "表三“自然人”列：第一项加第二项之和（6）不等于第三项加第四项之和（7）")
  local md = sh(NB .. " render --draft --format markdown examples/broken/t3-balance.txt 2>/dev/null")
  has(md, "草稿")
  has(md, "表三“总计”列")
  -- a report without errors is published without the mark
  local clean = sh(NB .. " render examples/jiuqu-2024.txt")
  eq(nil, clean:find("<div class=\"draft-mark\"", 1, true), "no mark")
end)

test("the published page carries 索引号, the dates and the 落款, so extract gives the whole report back", function()
  local page = tmp .. "/jiuqu.html"
  local _, st = sh(NB .. " render examples/jiuqu-2024.txt -o " .. page)
  eq(0, st, "render")
  local html = assert(nbio.readfile(page))
  has(html, "hedongquhd0301/2025-0000009")
  has(html, 'class="signature')
  has(html, "2025年1月24日")
  local want = assert(nianbao.extract("examples/jiuqu-2024.txt"))
  for _, p in ipairs { page, tmp .. "/jiuqu.md" } do
    if p:match("%.md$") then sh(NB .. " render --format markdown examples/jiuqu-2024.txt -o " .. p) end
    local back = assert(nianbao.extract(p))
    for _, k in ipairs { "agency", "year", "index", "published", "written" } do
      eq(tostring(want[k]), tostring(back[k]), p .. " " .. k)
    end
    for sid, text in pairs(want.sections) do
      eq(text, back.sections[sid], p .. " section " .. sid)
    end
  end
end)

test("the published Markdown gives each of a part's paragraphs its own, as the page does", function()
  local md = sh(NB .. " render --format markdown examples/jiuqu-2024.txt")
  local html = sh(NB .. " render examples/jiuqu-2024.txt")
  -- a line end alone joins two lines into one paragraph in Markdown
  local prev, joined = "", {}
  for line in (md .. "\n"):gmatch("([^\n]*)\n") do
    if prev ~= "" and line ~= "" and not prev:find("^|") and not line:find("^|") then joined[#joined + 1] = line end
    prev = line
  end
  eq(0, #joined, "lines run into the one before: " .. table.concat(joined, " / "):sub(1, 200))
  local paras = 0
  for p in html:gmatch("<p>(.-)</p>") do
    if p:find("街道", 1, true) and not p:find("&", 1, true) then
      paras = paras + 1
      has(md, "\n\n" .. p .. "\n\n")
    end
  end
  eq(true, paras > 5, "the page's paragraphs")
end)

test("a PDF's text is published with its wrapped lines one paragraph and its tables drawn once", function()
  local src = "tests/corpus/huaian-2024.layout.txt"
  local md = sh(NB .. " render --format markdown " .. src)
  local html = sh(NB .. " render " .. src)
  -- a table's part: its heading, then the table (its printed lines are not prose)
  for _, heading in ipairs { "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                             "四、政府信息公开行政复议、行政诉讼情况" } do
    local after = md:match("## " .. heading .. "\n(.-)\n|")
    eq("", after and after:gsub("%s", ""), heading .. ": prose before its table")
  end
  eq(nil, html:find("<p>信息内容", 1, true), "a table's header line as a paragraph")
  eq(nil, html:find("<p>行政许可", 1, true), "a table's row as a paragraph")
  -- a paragraph the page wrapped over six lines, whole, in Markdown and HTML
  has(md, "\n\n（五）政府信息公开监督保障情况。根据省政务公开年度和季度监测指标，")
  has(html, "及时督促整改。针对具体问题，创新开展调研式培训、过堂式培训，不断提高全市政务公开工作人员的工作能力和水平。</p>")
  -- the items of a list stay apart, and a paragraph ends at its full stop
  has(md, "水平。\n\n## 二、")
  -- a table not read whole keeps its printed lines in the draft, to be seen
  local draft = sh(NB .. " render --draft --format markdown tests/fixtures/print25/pr2-layout-remark-wrapped.txt 2>/dev/null")
  has(draft:match("## 四、.-\n## 五") or "", "72   64   178   37   351")
end)

test("the published page prints on A4 with each table's head repeated on every page", function()
  local html = sh(NB .. " render examples/jiuqu-2024.txt")
  has(html, "@page{size:A4")
  has(html, "thead{display:table-header-group}")
  has(html, "<thead>")
  has(html, "break-inside:avoid")
end)

--}===

--{=== the review page ===

test("review page: cells by their labels, the sentence quoted and marked in the report's text", function()
  local page = sh(NB .. " check --format html tests/corpus/pingtan-2022.html 2>/dev/null")
  has(page, "表三 一、本年新收政府信息公开申请数量·总计")
  eq(nil, page:find(">t3.new.total<", 1, true), "no cell id as the words people read")
  has(page, '<blockquote class="quote">2022年，全区收到政府信息公开申请75件')
  has(page, '<mark class="warning" id="q-1"')
  -- an HTML report's finding points at what the page shows, not a byte of its source
  eq(nil, page:find("第%d+行"), "no line of the HTML source")
end)

test("review page: a PDF's findings with their page numbers; the agency in the title", function()
  local page = sh(NB .. " check --format html tests/corpus/huaian-2024.pdf 2>/dev/null")
  has(page, "第6页")
  has(page, "<title>审核：淮安市人民政府2024年政府信息公开工作年度报告")
  has(page, "<h1>审核：淮安市人民政府2024年政府信息公开工作年度报告</h1>")
end)

test("review page: a 2019-format report is drawn in the 2019 grid", function()
  local page = sh(NB .. " check --format html tests/corpus/pingtan-2020.txt 2>/dev/null")
  has(page, "上一年项目数量")
  has(page, "本年新制作数量")
  local current = sh(NB .. " check --format html examples/jiuqu-2024.txt 2>/dev/null")
  eq(nil, current:find("上一年项目数量", 1, true), "not in the 2021 grid")
end)

--}===

--{=== the region's options on the command line ===

test("the region's options (--db, --baseline, --include, --exclude, --sheet) have help, did-you-mean, checks", function()
  for _, flag in ipairs { "--db", "--baseline", "--include", "--exclude" } do
    has(sh(NB .. " help check"), flag)
    has(sh(NB .. " help check --lang en"), flag)
  end
  has(sh(NB .. " help sum"), "--sheet 文件.xlsx")
  has(sh(NB .. " sum --help --lang en"), "--sheet FILE.xlsx")
  has(sh(NB .. " check --baseine b.json examples/"), "未知选项 --baseine；是否要写“--baseline”？")
  has(sh(NB .. " check --exlude '*.pdf' examples/"), "是否要写“--exclude”？")
  has(sh(NB .. " summ examples/"), "未知命令“summ”；是否要写“sum”？")
  -- an option of another command, a sheet that is not a workbook, a folder for a file
  local out, st = sh(NB .. " check --sheet a.xlsx examples/jiuqu-2024.txt")
  eq(2, st, "exit")
  has(out, "选项 --sheet 不能用于 check 命令（可用于：sum）")
  has(sh(NB .. " render --db a.sqlite examples/jiuqu-2024.txt"), "选项 --db 不能用于 render 命令")
  has(sh(NB .. " sum --sheet a.txt examples/"), "--sheet 的文件名应以 .xlsx 或 .csv 结尾，而不是“a.txt”")
  has(sh(NB .. " check --db " .. tmp .. " examples/jiuqu-2024.txt"), "--db 的值“" .. tmp .. "”是一个文件夹")
  has(sh(NB .. " check --include '' examples/"), "选项 --include 的值不能为空")
  has(sh(NB .. " check --lang en --sheet a.xlsx examples/jiuqu-2024.txt"),
      "option --sheet does not apply to the check command (it applies to: sum)")
  -- sum -o never overwrites one of its inputs
  os.execute("mkdir -p " .. tmp .. "/sumin && cp examples/jiuqu-2024.txt " .. tmp .. "/sumin/a.txt")
  local a0 = assert(nbio.readfile(tmp .. "/sumin/a.txt"))
  local out3, st3 = sh(NB .. " sum " .. tmp .. "/sumin -o " .. tmp .. "/sumin/a.txt")
  eq(2, st3, "sum -o onto an input")
  has(out3, "就是输入文件")
  eq(a0, assert(nbio.readfile(tmp .. "/sumin/a.txt")), "the input")
end)

test("sum speaks one language: Chinese lines with Chinese punctuation, English with --lang en", function()
  local zh = sh("(" .. NB .. " sum examples/broken/t3-balance.txt > /dev/null)")
  has(zh, "1个报告合计: 错误：表三“自然人”列")
  eq(nil, zh:find(": error", 1, true), "no English word")
  local en = sh("(" .. NB .. " sum --lang en examples/broken/t3-balance.txt > /dev/null)")
  has(en, "sum of 1 reports: error: Table 3")
end)

test("completion and the man page know the region's options and sum", function()
  local bash = sh(NB .. " completion bash")
  for _, w in ipairs { "--db", "--baseline", "--include", "--exclude", "--sheet", " sum" } do has(bash, w) end
  has(bash, "sum) opts=")
  local man = sh(NB .. " run scripts/tools/man1.lua zh")
  has(man, "### nianbao sum")
  has(man, "--baseline")
end)

test("a folder with its own config: each file of a batch is checked with the config nearest to it", function()
  local tree = tmp .. "/region"
  os.execute("rm -rf " .. tree .. " && mkdir -p " .. tree .. "/a " .. tree .. "/b")
  os.execute("cp examples/broken/t3-balance.txt " .. tree .. "/a/r.txt")
  os.execute("cp examples/broken/t3-balance.txt " .. tree .. "/b/r.txt && echo >> " .. tree .. "/b/r.txt")
  write("region/b/.nianbao.yaml", "rules:\n  gb2021.t3.balance: info\n")
  local out = sh(NB .. " check " .. tree)
  has(out, "a/r.txt:76:1: 错误：")
  has(out, "b/r.txt:76:1: 提示：")
  has(out, "配置：" .. tree .. "/b/.nianbao.yaml")
end)

--}===

--{=== a report's YAML, in words a clerk understands ===

test("a report in YAML with a full-width colon or a tab: the line, and what to type instead", function()
  local doc = sh(NB .. " extract examples/jiuqu-2024.txt")
  local colon = write("colon.yaml", (doc:gsub("\nyear: ", "\nyear\u{FF1A}", 1)))
  local out, st = sh(NB .. " check " .. colon)
  eq(2, st, "unreadable")
  has(out, "键后面的冒号是全角“：”；要用半角冒号“:”")
  local tab = write("tab.yaml", (doc:gsub("\n  s1: ", "\n\ts1: ", 1)))
  has(sh(NB .. " check " .. tab), "用了制表符（Tab）缩进")
  has(sh(NB .. " check --lang en " .. tab), "indented with a tab")
end)

--}===

--{=== a clone tests itself ===

test("the tests need nothing beside the repository: the shared corpus only adds when it is there", function()
  for _, dir in ipairs { "tests/lua", "tests/lua/suites", "tests/browser", "tests/tools" } do
    for _, name in ipairs(nbio.listdir(dir) or {}) do
      if name:match("%.lua$") then
        local src = assert(nbio.readfile(dir .. "/" .. name))
        local beside = ".." .. "/shared"
        eq(nil, src:find(beside, 1, true), dir .. "/" .. name .. " names " .. beside)
      end
    end
  end
  local mk = assert(nbio.readfile("Makefile"))
  has(mk, "@if [ -d $(SHARED_CORPUS) ]; then")
  -- every report the tests compare has its expected values in the repository
  for _, name in ipairs(assert(nbio.listdir("tests/corpus"))) do
    local stem = name:match("^(.-)%.expected%.yaml$")
    if stem then
      local found = false
      for _, n in ipairs(nbio.listdir("tests/corpus")) do
        found = found or (n:sub(1, #stem + 1) == stem .. "." and not n:find("expected", 1, true))
      end
      eq(true, found, stem .. ": the report beside its expected values")
    end
  end
  local _, st = sh("make -s corpus NB=" .. NB .. " SHARED_CORPUS=" .. tmp .. "/no-shared-here > /dev/null")
  eq(0, st, "make corpus without the shared corpus")
end)

--}===

test("what a finding quotes keeps every letter: only control characters become '?'", function()
  os.execute("rm -rf " .. tmp .. "/zhen && mkdir -p " .. tmp .. "/zhen")
  write("zhen/jiuqu-2024.txt", JIUQU)
  write("zhen/tanghe-2024.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  local out = sh(NB .. " check --format json " .. tmp .. "/zhen")
  has(out, "与" .. tmp .. "/zhen/jiuqu-2024.txt（河东区九曲街道2024年）")
  eq(nil, out:find("/?hen/", 1, true), "no letter taken for a control character")
end)

test("--quiet hides warnings from the screen, not from the baseline", function()
  local b = tmp .. "/quiet-baseline.json"
  os.remove(b)
  sh(NB .. " check --baseline " .. b .. " -q examples/broken/val-marker.txt")
  local out = sh(NB .. " check --baseline " .. b .. " examples/broken/val-marker.txt")
  has(out, "0 个警告")
  has(out, "条已在基线中")
end)
