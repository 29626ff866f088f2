-- The command line behaves as the linters people know (ESLint, ruff, GCC,
-- Vale, Pandoc): one test per convention, each on the example reports.

local function q(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end
local function lines_with(out, word)
  local n = 0
  for l in out:gmatch("[^\n]+") do if l:find(word, 1, true) then n = n + 1 end end
  return n
end

test("--opt=value is the same as --opt value", function()
  local a, sa = sh(NB .. " check --format json examples/broken/t3-balance.txt")
  local b, sb = sh(NB .. " check --format=json examples/broken/t3-balance.txt")
  eq(a, b, "output")
  eq(sa, sb, "exit")
  local c = sh(NB .. " check --select=gb2021.t3.balance --lang=en examples/broken/t3-balance.txt")
  has(c, "error: Table 3")
  local out, st = sh(NB .. " check --quiet=yes examples/jiuqu-2024.txt")
  eq(2, st, "a switch given a value")
  has(out, "选项 --quiet 不带值")
end)

test("--quiet reports errors only (ESLint's --quiet); the exit status is the same", function()
  local loud, s1 = sh(NB .. " check examples/broken/val-marker.txt examples/broken/t3-balance.txt")
  local quiet, s2 = sh(NB .. " check -q examples/broken/val-marker.txt examples/broken/t3-balance.txt")
  eq(true, lines_with(loud, "警告：") > 0, "warnings without --quiet")
  eq(0, lines_with(quiet, "警告："), "no warning with --quiet")
  eq(2, lines_with(quiet, "错误："), "the two errors")
  eq(s1, s2, "exit")
  has(quiet, "2 个文件：2 个错误，0 个警告，0 条提示")
end)

test("--max-warnings N: more warnings than N make the exit status 1", function()
  local out, st = sh(NB .. " check examples/broken/val-marker.txt")
  eq(0, st, "warnings alone")
  local n = lines_with(out, "警告：")
  eq(true, n > 0, "the example has warnings")
  local out2, st2 = sh(NB .. " check --max-warnings 0 examples/broken/val-marker.txt")
  eq(1, st2, "exit with more than 0 warnings")
  has(out2, "警告太多：" .. n .. " 个，多于 --max-warnings 允许的 0 个")
  local _, st3 = sh(NB .. " check --max-warnings " .. n .. " examples/broken/val-marker.txt")
  eq(0, st3, "exactly N warnings are allowed")
  local out4, st4 = sh(NB .. " check --max-warnings lots examples/broken/val-marker.txt")
  eq(2, st4, "not a number")
  has(out4, "--max-warnings 须为不小于 0 的整数，而不是“lots”")
  local _, st5 = sh(NB .. " check -q --max-warnings 0 examples/broken/val-marker.txt")
  eq(0, st5, "--quiet does not count warnings (as ESLint)")
end)

test("--select and --ignore take rule ids and prefixes; an unknown one is refused with the id meant", function()
  local all = sh(NB .. " check --format json examples/broken/date-late-dept.txt examples/broken/t3-balance.txt")
  has(all, "gb2021.date.late_dept")
  has(all, "gb2021.t3.balance")
  local sel = sh(NB .. " check --format json --select gb2021.t3 examples/broken/date-late-dept.txt examples/broken/t3-balance.txt")
  has(sel, "gb2021.t3.balance")
  eq(nil, sel:find("gb2021.date", 1, true), "only table 3's rules")
  local ign = sh(NB .. " check --format json --ignore gb2021.t3.balance,gb2021.date examples/broken/date-late-dept.txt examples/broken/t3-balance.txt")
  eq(nil, ign:find("gb2021.t3.balance", 1, true), "ignored by id")
  eq(nil, ign:find("gb2021.date.", 1, true), "ignored by prefix")
  local both = sh(NB .. " check --format json --select gb2021.t3,gb2021.date --ignore gb2021.date.late_dept "
                  .. "examples/broken/date-late-dept.txt examples/broken/t3-balance.txt")
  has(both, "gb2021.t3.balance")
  eq(nil, both:find("late_dept", 1, true), "--ignore wins over --select")
  local rules = sh(NB .. " rules --ignore gb2021.t3.balance")
  has(rules, "gb2021.t3.balance                  off")
  local bad, st = sh(NB .. " check --select t3.balanse examples/jiuqu-2024.txt")
  eq(2, st, "exit")
  has(bad, "--select：没有规则“t3.balanse”；是否要写“gb2021.t3.balance”？")
end)

test("- reads standard input; --stdin-filename names it", function()
  local out, st = sh("cat examples/broken/t3-balance.txt | " .. NB .. " check -")
  eq(1, st, "exit")
  has(out, "<标准输入>:76:1: 错误：表三“自然人”列")
  local named = sh("cat examples/broken/t3-balance.txt | " .. NB .. " check --stdin-filename 九曲.txt -")
  has(named, "九曲.txt:76:1: 错误：")
  local html = sh("cat tests/fixtures/trs-fragment.html | " .. NB .. " extract --stdin-filename page.html -")
  has(html, "t3:")
  local pdf = sh("cat " .. CORPUS .. "/huaian-2024.pdf | " .. NB .. " extract --format json -")
  has(pdf, '"agency":"淮安市人民政府"')
end)

test("help COMMAND and COMMAND --help print the command's help; help alone the whole", function()
  for _, cmd in ipairs { "check", "extract", "render", "sum", "new", "fill", "rules", "run", "help", "completion" } do
    local a, sa = sh(NB .. " help " .. cmd)
    local b, sb = sh(NB .. " " .. cmd .. " --help")
    eq(0, sa, "help " .. cmd)
    eq(0, sb, cmd .. " --help")
    eq(a, b, cmd)
    has(a, "用法：nianbao " .. cmd)
  end
  has(sh(NB .. " help"), "用法：nianbao 命令")
  has(sh(NB .. " --help"), "退出码：0 没有错误")
  has(sh(NB .. " help check --lang en"), "usage: nianbao check")
  local out, st = sh(NB .. " help chekc")
  eq(2, st, "an unknown command")
  has(out, "没有命令“chekc”；是否要写“check”？")
end)

test("did you mean: a mistyped command or option is refused with the one meant", function()
  local out, st = sh(NB .. " chek examples/jiuqu-2024.txt")
  eq(2, st, "exit")
  has(out, "未知命令“chek”；是否要写“check”？")
  local out2, st2 = sh(NB .. " check --formt json examples/jiuqu-2024.txt")
  eq(2, st2, "exit")
  has(out2, "未知选项 --formt；是否要写“--format”？")
  has(sh(NB .. " check --max-warning 3 x"), "是否要写“--max-warnings”？")
  has(sh(NB .. " check --format jsn examples/jiuqu-2024.txt"), "没有输出格式“jsn”；是否要写“json”？")
  has(sh(NB .. " check --lang en --formt json x"), "unknown option --formt; did you mean '--format'?")
  local none = sh(NB .. " check --zzzzzzzz x")
  eq(nil, none:find("是否要写", 1, true), "no guess when nothing is close")
end)

test("colour: --color=always|never, --no-color, and NO_COLOR on a terminal (no-color.org)", function()
  local esc = "\27["
  local on = sh(NB .. " check --color=always examples/broken/t3-balance.txt")
  eq(true, on:find(esc, 1, true) ~= nil, "--color=always")
  eq(nil, (sh(NB .. " check examples/broken/t3-balance.txt")):find(esc, 1, true), "not a terminal: none")
  local _, has_script = sh("command -v script")
  if has_script == 0 then
    local function tty(env, args)
      return (sh(env .. " script -qec " .. q(NB .. " check " .. args .. " examples/broken/t3-balance.txt") .. " /dev/null"))
    end
    eq(true, tty("", ""):find(esc, 1, true) ~= nil, "a terminal: colour")
    eq(nil, tty("NO_COLOR=1", ""):find(esc, 1, true), "NO_COLOR")
    eq(nil, tty("", "--no-color"):find(esc, 1, true), "--no-color")
    eq(nil, tty("", "--color=never"):find(esc, 1, true), "--color=never")
    eq(true, tty("NO_COLOR=1", "--color=always"):find(esc, 1, true) ~= nil, "a flag beats NO_COLOR")
  end
  local bad, st = sh(NB .. " check --color=sometimes examples/jiuqu-2024.txt")
  eq(2, st, "exit")
  has(bad, "--color 的值应为 auto、always 或 never，而不是“sometimes”")
end)

test("--list-readers and --list-formats list what there is, one a line (Pandoc)", function()
  local r, st = sh(NB .. " --list-readers")
  eq(0, st, "exit")
  for _, n in ipairs { "html", "text", "yaml" } do has(r, n .. " ") end
  local f, st2 = sh(NB .. " --list-formats")
  eq(0, st2, "exit")
  local names = {}
  for l in f:gmatch("[^\n]+") do names[#names + 1] = l end
  eq("csv html json markdown sarif text yaml", table.concat(names, " "), "formats")
end)

test("--reader FILE.lua loads a reader as --format FILE.lua loads a writer", function()
  os.execute("mkdir -p " .. tmp .. "/readers")
  local reader = write("readers/tsv.lua", [[
name = "tsv"
extensions = { "tsv" }
function Reader(text, opts)
  local blocks, n = {}, 0
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    if line:find("\t", 1, true) then
      for cell in line:gmatch("[^\t]+") do blocks[#blocks + 1] = { kind = "cell", text = trim(cell), line = n, col = 1 } end
      blocks[#blocks + 1] = { kind = "break", text = "", line = n, col = 1 }
    elseif trim(line) ~= "" then
      blocks[#blocks + 1] = { kind = "para", text = trim(line), line = n, col = 1 }
    end
  end
  return { blocks = blocks }
end
]])
  local tsv = write("jiuqu.tsv", (JIUQU:gsub(" | ", "\t"):gsub(" |\n", "\t\n")))
  local got = assert(sh(NB .. " extract --format json --reader " .. reader .. " " .. tsv))
  has(got, '"t3":{"new":{"np":5')
  local out, st = sh(NB .. " check --reader " .. reader .. " " .. tsv)
  eq(0, st, "the example read by the custom reader is clean:\n" .. out)
end)

test("bash completion completes commands, options, formats, rule ids and kinds", function()
  local script = tmp .. "/completion.sh"
  local _, st = sh(NB .. " completion bash > " .. script)
  eq(0, st, "completion bash")
  local _, ok = sh("bash -n " .. script)
  eq(0, ok, "the script is valid bash")
  local function complete(...)
    local words = {}
    for _, w in ipairs { ... } do words[#words + 1] = q(w) end
    local cmd = "source " .. script .. "; COMP_WORDS=(" .. table.concat(words, " ") .. "); COMP_CWORD=$(("
                .. #words .. " - 1)); _nianbao; printf '%s\\n' \"${COMPREPLY[@]}\""
    return (sh("bash -c " .. q(cmd)))
  end
  has(complete("nianbao", "ren"), "render")
  has(complete("nianbao", "check", "--max-w"), "--max-warnings")
  has(complete("nianbao", "check", "--format", "sa"), "sarif")
  has(complete("nianbao", "check", "--select", "gb2021.t3.ba"), "gb2021.t3.balance")
  has(complete("nianbao", "rules", "gb2021.t4.r"), "gb2021.t4.rv_total")
  has(complete("nianbao", "new", "--kind", "to"), "township")
  local _, bad = sh(NB .. " completion fish")
  eq(2, bad, "a shell it does not know")
end)

test("nianbao rules ID: the rule's message, rationale, legal basis and identity; every national rule has them", function()
  local out, st = sh(NB .. " rules gb2021.date.late_dept")
  eq(0, st, "exit")
  has(out, "为什么要查：县级以上人民政府部门应在每年1月31日前公布")
  has(out, "依据：《中华人民共和国政府信息公开条例》第四十九条第一款")
  local t3 = sh(NB .. " rules gb2021.t3.balance")
  has(t3, "勾稽关系：t3.new.{c} + t3.carried.{c} = t3.result.total.{c} + t3.next.{c}")
  has(t3, "依据：国办公开办函〔2021〕30号 表三")
  has(sh(NB .. " rules --lang en gb2021.t3.balance"), "rationale: Table 3 states its identity")
  local bad, st2 = sh(NB .. " rules t3.balance")
  eq(2, st2, "an id without its pack")
  has(bad, "没有规则“t3.balance”；是否要写“gb2021.t3.balance”？")
  local missing = {}
  for _, r in ipairs(nianbao.rules) do
    if r.id:match("^gb20") and not (r.rationale and r.rationale.zh and r.rationale.en and r.basis and #r.basis > 0) then
      missing[#missing + 1] = r.id
    end
  end
  eq("", table.concat(missing, " "), "national rules without rationale or basis")
end)

test("SARIF: each rule with its descriptions, help and helpUri; a failing rule is a tool notification", function()
  local out = sh(NB .. " check --format sarif examples/broken/t3-balance.txt")
  local json_decode = dofile("tests/lua/json.lua")
  local log = assert(json_decode(out))
  local r = log.runs[1].tool.driver.rules[1]
  eq("gb2021.t3.balance", r.id, "rule")
  has(r.shortDescription.text, "表三“{c}”列")
  has(r.fullDescription.text, "表三注明了勾稽关系")
  has(r.help.text, "依据：国办公开办函〔2021〕30号")
  has(r.helpUri, "file://")
  has(r.helpUri, "/rules/gb2021/t3.balance.lua")
  os.execute("rm -rf " .. tmp .. "/sarifpack && mkdir -p " .. tmp .. "/sarifpack")
  write("sarifpack/boom.lua", 'id = "sarifpack.boom"\nseverity = "error"\nmessage = { zh = "x" }\n' ..
        'function check(report, emit)\n  error("broken")\nend\n')
  local log2 = assert(json_decode(sh("(" .. NB .. " check --format sarif --rules " .. tmp ..
                                     "/sarifpack examples/broken/t3-balance.txt 2>/dev/null)")))
  local inv = log2.runs[1].invocations[1]
  eq(false, inv.executionSuccessful, "the run is not a success")
  local n = inv.toolExecutionNotifications[1]
  has(n.message.text, "规则“sarifpack.boom”执行出错")
  eq(5, n.locations[1].physicalLocation.region.startLine, "the line in the rule file")
  for _, res in ipairs(log2.runs[1].results) do
    eq(false, res.ruleId == "nianbao.internal", "not a result about the report")
  end
end)

test("man page nianbao(1) with the examples, installed by make install with nianbao-packs(7) and the completion", function()
  local build = NB:match("^(.*)/[^/]+$") or "build"
  local dest = tmp .. "/install"
  local out, st = sh("make -s install BUILD=" .. build .. " NB=" .. NB .. " DESTDIR=" .. dest .. " PREFIX=/usr")
  eq(0, st, "make install:\n" .. out)
  for _, f in ipairs { "/usr/share/man/man1/nianbao.1", "/usr/share/man/en/man1/nianbao.1",
                       "/usr/share/man/man7/nianbao-packs.7", "/usr/share/man/en/man7/nianbao-packs.7",
                       "/usr/share/doc/nianbao/examples/jiuqu-2024.txt",
                       "/usr/share/doc/nianbao/examples/rules/s1_length.lua",
                       "/usr/share/bash-completion/completions/nianbao",
                       "/usr/bin/nianbao" } do
    eq("file", nbio.stat(dest .. f), f)
  end
  local man = assert(nbio.readfile(dest .. "/usr/share/man/man1/nianbao.1"))
  has(man, ".TH NIANBAO 1")
  for _, cmd in ipairs { "check", "extract", "render", "sum", "new", "fill", "rules", "run", "help", "completion" } do
    has(man, "nianbao " .. cmd)
  end
  has(man, "nianbao check \\-\\-format html \\-o 审核/ 年报目录/")
  has(man, "NO_COLOR")
  has(man, ".nianbao.yaml")
  local en = assert(nbio.readfile(dest .. "/usr/share/man/en/man1/nianbao.1"))
  has(en, "EXIT STATUS")
  local _, ok = sh("man -l " .. dest .. "/usr/share/man/man1/nianbao.1 > /dev/null")
  eq(0, ok, "man reads it")
  -- nianbao-packs(7): in Chinese, the English one under en/, with the rule's fields and examples
  local packs = assert(nbio.readfile(dest .. "/usr/share/man/man7/nianbao-packs.7"))
  has(packs, ".TH NIANBAO-PACKS 7")
  for _, w in ipairs { ".SH 规则包", ".SH 规则", ".SH 配置文件", ".SH 读取器", ".SH 输出格式",
                       "\\fBrationale\\fR", "\\fBbasis\\fR", "province.docs_total", "2月20日" } do
    has(packs, w)
  end
  local packs_en = assert(nbio.readfile(dest .. "/usr/share/man/en/man7/nianbao-packs.7"))
  has(packs_en, ".SH PACKS")
  has(packs_en, "\\fBrationale\\fR")
  local _, ok7 = sh("man -l " .. dest .. "/usr/share/man/man7/nianbao-packs.7 > /dev/null")
  eq(0, ok7, "man reads nianbao-packs(7)")
end)

test("every option the binary takes is described in the help of both languages", function()
  local opts = {}
  -- the flags, as the binary reports them through completion
  local script = sh(NB .. " completion bash")
  for f in script:match('%-z "%$cmd" %]; then\n%s+COMPREPLY=%(%$%(compgen %-W "([^"]*)"'):gmatch("%-%-?[%w%-]+") do
    opts[#opts + 1] = f
  end
  eq(true, #opts > 20, "options found: " .. #opts)
  for _, lang in ipairs { "zh", "en" } do
    local text = sh(NB .. " help --lang " .. lang)
    for _, c in ipairs { "check", "extract", "render", "new", "fill" } do text = text .. sh(NB .. " help " .. c .. " --lang " .. lang) end
    for _, f in ipairs(opts) do
      if f ~= "-j" then has(text, f, lang .. " help describes " .. f) end
    end
  end
end)

--{=== defects ===

test("new takes the issuer kind from the format's own classes (某县人民政府 is a government)", function()
  local function kind(agency) return (sh(NB .. " new --year 2025 --agency " .. agency):match("\nkind: (%w+)")) end
  eq("gov", kind("某县人民政府"), "某县人民政府")
  eq("township", kind("某县某镇人民政府"), "某县某镇人民政府")
  eq("township", kind("河东区九曲街道"), "街道")
  eq("dept", kind("某市统计局"), "某市统计局")
  local out, st = sh(NB .. " new --year 2025 --agency 某局 --kind dpet")
  eq(2, st, "a kind the format has not")
  has(out, "--kind 应为 township, gov, dept，而不是“dpet”；是否要写“dept”？")
end)

test("-o naming an input is refused, for every command, and the input stays as it was", function()
  local src = write("keep.txt", JIUQU)
  local before = assert(nbio.readfile(src))
  for _, cmd in ipairs { "check", "extract", "render" } do
    local out, st = sh(NB .. " " .. cmd .. " " .. src .. " -o " .. src)
    eq(2, st, cmd .. " exit")
    has(out, "就是输入文件")
  end
  -- another name of the same file
  local root = (sh("pwd"):gsub("%s+$", ""))
  local nbx = NB:sub(1, 1) == "/" and NB or (root .. "/" .. NB)
  local _, st = sh("cd " .. tmp .. " && " .. nbx .. " check keep.txt -o ./keep.txt")
  eq(2, st, "./keep.txt is keep.txt")
  eq(before, assert(nbio.readfile(src)), "the input")
  local yaml = write("author-keep.yaml", sh(NB .. " new --year 2025 --agency 某局"))
  local y0 = assert(nbio.readfile(yaml))
  local out2, st2 = sh(NB .. " fill " .. yaml .. " -o " .. yaml)
  eq(2, st2, "fill -o onto its input")
  has(out2, "fill 要改写原文件请用 --in-place")
  eq(y0, assert(nbio.readfile(yaml)), "the YAML")
  -- a page of -o FOLDER that would land on an input
  os.execute("mkdir -p " .. tmp .. "/pages && cp examples/jiuqu-2024.txt " .. tmp .. "/pages/a.html")
  local p0 = assert(nbio.readfile(tmp .. "/pages/a.html"))
  sh(NB .. " check --reader text --format html -o " .. tmp .. "/pages " .. tmp .. "/pages/a.html examples/broken/t3-balance.txt")
  eq(p0, assert(nbio.readfile(tmp .. "/pages/a.html")), "the input in the output folder")
end)

test("messages are in one language: severity words, the command line, the system's errors (--lang en for English)", function()
  local zh = sh(NB .. " check examples/broken/val-marker.txt examples/broken/t3-balance.txt")
  eq(nil, zh:find(": error:", 1, true), "no English severity in Chinese lines")
  eq(nil, zh:find(": warning:", 1, true), "no English severity in Chinese lines")
  has(zh, ": 错误：")
  has(zh, ": 警告：")
  local en = sh(NB .. " check --lang en examples/broken/val-marker.txt")
  has(en, ": warning: ")
  has(sh(NB .. " check"), "没有可检查的文件")
  has(sh(NB .. " extract"), "extract 只处理一个文件")
  has(sh(NB .. " check --lang fr examples/jiuqu-2024.txt"), "--lang 的值应为 zh 或 en")
  local dir = write("a-folder.txt", "")
  os.remove(dir)
  os.execute("mkdir -p " .. dir)
  has(sh(NB .. " extract " .. dir), "这是一个文件夹，不是文件")
  has(sh(NB .. " extract --lang en " .. dir), "is a directory")
end)

--}===
