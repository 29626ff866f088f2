-- The config file is checked against its schema before anything runs:
-- every mistake said with its file and line, in Chinese, with the word
-- meant; dates in three forms; found nearest to each input; named in the
-- summary. Twenty broken configs, each with the line and the message the
-- validator must give.

local function q(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

-- {name, config text, line, words of the message}
local broken = {
  { "unknown top-level key", "rule:\n  gb2021.val.blank: off\n", 1,
    "未知的配置项“rule”；是否要写“rules”？" },
  { "full-width colon after a key", "packs: [gb2021]\nrules\u{FF1A}\n  gb2021.val.blank: off\n", 2,
    "键后面的冒号是全角“：”" },
  { "tab indentation", "rules:\n\tgb2021.val.blank: off\n", 2, "用了制表符（Tab）缩进" },
  { "full-width space indentation", "rules:\n\u{3000}gb2021.val.blank: off\n", 2, "用了全角空格缩进" },
  { "no space after the colon", "rules:\n  gb2021.val.blank:off\n", 2, "缺少冒号后的空格" },
  { "indentation that slips", "rules:\n  gb2021.val.blank: off\n   gb2021.val.marker: off\n", 3,
    "缩进没有对齐" },
  { "a bracket left open", "packs: [gb2021, ./rules\nrules: {}\n", 2, "没有配对" },
  { "a rule id without its pack", "rules:\n  val.blank: off\n", 2,
    "没有规则“val.blank”；是否要写“gb2021.val.blank”？" },
  { "a misspelt rule id", "rules:\n  gb2021.val.blank: off\n  gb2021.t3.balanse: warning\n", 3,
    "没有规则“gb2021.t3.balanse”；是否要写“gb2021.t3.balance”？" },
  { "a misspelt severity", "rules:\n  gb2021.val.blank: warn\n", 2,
    "规则“gb2021.val.blank”的设置“warn”无效；是否要写“warning”？" },
  { "parameters of a rule that does not exist", "params:\n  gb2021.qlt.thinn: {min: 200}\n", 2,
    "没有规则“gb2021.qlt.thinn”；是否要写“gb2021.qlt.thin”？" },
  { "a misspelt parameter", "params:\n  gb2021.qlt.thin:\n    mni: 200\n", 3,
    "规则“gb2021.qlt.thin”没有参数“mni”；是否要写“min”？（可用参数：min）" },
  { "a text where a number belongs", "params:\n  gb2021.qlt.thin: {min: lots}\n", 2,
    "规则“gb2021.qlt.thin”的参数“min”应是整数，而不是“lots”" },
  { "a number where a date belongs", "params:\n  gb2021.date.late_dept:\n    township: 220\n", 3,
    "参数“township”应是日期，“220”不是；写成 02-20、2月20日 或 2025-02-20" },
  { "a date that is none", "params:\n  gb2021.date.late_dept: {township: 2月31号号}\n", 2,
    "参数“township”应是日期，“2月31号号”不是" },
  { "a misspelt issuer kind", "params:\n  gb2021.date.late_dept:\n    townshp: 02-20\n", 3,
    "没有参数“townshp”；是否要写“township”？" },
  { "parameters for a rule that takes none", "params:\n  gb2021.t3.balance: {max: 3}\n", 2,
    "规则“gb2021.t3.balance”没有可以设置的参数" },
  { "a pack that does not exist", "packs: [gb2021, gb20211]\n", 1,
    "没有名为“gb20211”的规则包；是否要写“gb2021”？" },
  { "a full-width comma in a list", "packs: [gb2021\u{FF0C}gb2019]\n", 1, "不能用全角“，”" },
  { "a pack folder that is not there", "packs:\n  - ./no-such-rules\n", 2, "规则包文件夹“./no-such-rules”不存在" },
  { "a limit that does not exist", "limits:\n  memory: 100\n", 2,
    "limits 下没有“memory”；是否要写“memory_mb”？" },
  { "a limit switched off", "limits:\n  instructions: 0\n", 2, "limits 的 instructions 须为正整数，而不是“0”" },
  { "rules written as a list", "rules: [gb2021.val.blank]\n", 1, "“rules”下面应是“键: 值”" },
  { "a list where the map belongs", "- gb2021\n", 1, "配置文件应是“键: 值”的映射" },
}

local dir = tmp .. "/configs"
os.execute("mkdir -p " .. dir)

test("twenty broken configs: each refused with its file, line and what to write instead", function()
  eq(true, #broken >= 20, "cases")
  for i, case in ipairs(broken) do
    local name, text, line, words = case[1], case[2], case[3], case[4]
    local path = write("configs/" .. i .. ".yaml", text)
    local out, st = sh(NB .. " check --config " .. path .. " examples/jiuqu-2024.txt")
    eq(2, st, name .. ": exit")
    local first = out:match("^nianbao: ([^\n]*)") or out
    has(first, path .. ":" .. line .. ":", name .. ": the line")
    has(first, words, name .. ": the message")
    has(out, "因为以上错误，没有检查任何文件", name)
    eq(nil, out:find("[gb2021.", 1, true), name .. ": nothing checked")
  end
end)

test("every mistake of a config is said at once", function()
  local path = write("configs/many.yaml", "rule:\n  x: off\nrules:\n  val.blank: off\n  gb2021.val.marker: warn\n"
                                          .. "params:\n  gb2021.qlt.thin: {mni: 2}\n")
  local out, st = sh(NB .. " check --config " .. path .. " examples/jiuqu-2024.txt")
  eq(2, st, "exit")
  has(out, path .. ":1: 未知的配置项“rule”")
  has(out, path .. ":5: 规则“gb2021.val.marker”的设置“warn”无效")
  -- the ids are checked once the shape is right
  local path2 = write("configs/many2.yaml", "rules:\n  val.blank: off\n  gb2021.t3.balanse: off\n"
                                           .. "params:\n  gb2021.qlt.thin: {mni: 2}\n")
  local out2 = sh(NB .. " check --config " .. path2 .. " examples/jiuqu-2024.txt")
  has(out2, path2 .. ":2: 没有规则“val.blank”")
  has(out2, path2 .. ":3: 没有规则“gb2021.t3.balanse”")
  has(out2, path2 .. ":5: 规则“gb2021.qlt.thin”没有参数“mni”")
end)

test("config errors in English with --lang en", function()
  local path = write("configs/en.yaml", "rules:\n  val.blank: off\n")
  has(sh(NB .. " check --lang en --config " .. path .. " examples/jiuqu-2024.txt"),
      path .. ":2: no rule 'val.blank'; did you mean 'gb2021.val.blank'?")
end)

test("a deadline is a date written 02-20, 2月20日 or 2025-02-20 (none switches the check off)", function()
  -- published 2025-02-10, a township: late by 1月31日, in time by 2月20日
  local late = "examples/broken/date-late-dept.txt"
  has(sh(NB .. " check --no-config " .. late), "[gb2021.date.late_dept]")
  for i, day in ipairs { "02-20", "2-20", "2月20日", "2025-02-20", "2025年2月20日", "\"02-20\"" } do
    local path = write("configs/day" .. i .. ".yaml", "params:\n  gb2021.date.late_dept: {township: " .. day .. "}\n")
    local out, st = sh(NB .. " check --config " .. path .. " " .. late)
    eq(0, st, day .. ": exit\n" .. out)
    eq(nil, out:find("late_dept", 1, true), day .. ": in time")
  end
  -- a deadline earlier than the date still fires: the value is read, not dropped
  local early = write("configs/early.yaml", "params:\n  gb2021.date.late_dept: {township: 2月5日}\n")
  has(sh(NB .. " check --config " .. early .. " " .. late), "晚于2025-02-05的法定期限")
  -- Chinese words for the settings
  local words = write("configs/words.yaml", "rules:\n  gb2021.date.late_dept: 关闭\n  gb2021.val.marker: 错误\n")
  local out = sh(NB .. " check --config " .. words .. " " .. late .. " examples/broken/val-marker.txt")
  eq(nil, out:find("late_dept", 1, true), "关闭 is off")
  has(out, "错误：表二“行政许可”行")
  has(out, "[gb2021.val.marker]")
end)

test("the config is found nearest to each input, as ESLint and ruff find theirs; the summary names it", function()
  local tree = tmp .. "/tree"
  os.execute("rm -rf " .. tree .. " && mkdir -p " .. tree .. "/sub/deeper " .. tree .. "/other")
  write("tree/.nianbao.yaml", "rules:\n  gb2021.t3.balance: off\n")
  os.execute("cp examples/broken/t3-balance.txt " .. tree .. "/sub/deeper/a.txt")
  -- (not the same bytes: a copy of a file in a batch is skipped)
  os.execute("cp examples/broken/t3-balance.txt " .. tree .. "/other/b.txt && echo >> " .. tree .. "/other/b.txt")
  write("tree/other/.nianbao.yaml", "rules:\n  gb2021.t3.balance: warning\n")
  local out, st = sh(NB .. " check " .. tree .. "/sub/deeper/a.txt " .. tree .. "/other/b.txt")
  eq(nil, out:find("a.txt:76", 1, true), "a.txt: the rule is off by the config two folders up")
  has(out, "b.txt:76:1: 警告：表三")                               -- the nearer config wins
  eq(0, st, "no error left")
  has(out, "配置：" .. tree .. "/.nianbao.yaml；规则包：gb2021、gb2019")
  has(out, "配置：" .. tree .. "/other/.nianbao.yaml；规则包：gb2021、gb2019")
  -- --config is for every input, --no-config for none
  local forced = sh(NB .. " check --config examples/nianbao.yaml " .. tree .. "/sub/deeper/a.txt")
  has(forced, "a.txt:76:1: 错误：")
  has(forced, "配置：examples/nianbao.yaml")
  local none = sh(NB .. " check --no-config " .. tree .. "/sub/deeper/a.txt")
  has(none, "a.txt:76:1: 错误：")
  has(none, "配置：未用配置文件")
  -- an input with no config near it: the working folder's
  local root = (sh("pwd"):gsub("%s+$", ""))
  local nbx = NB:sub(1, 1) == "/" and NB or (root .. "/" .. NB)
  local here = sh("cd " .. q(tree) .. " && " .. nbx .. " check " .. root .. "/examples/broken/t3-balance.txt")
  eq(nil, here:find(":76:1:", 1, true), "the working folder's config")
  -- a config with a mistake beside one of the inputs stops the run before any is checked
  write("tree/other/.nianbao.yaml", "rules:\n  gb2021.t3.balanse: off\n")
  local bad, st2 = sh(NB .. " check " .. tree .. "/sub/deeper/a.txt " .. tree .. "/other/b.txt")
  eq(2, st2, "exit")
  has(bad, tree .. "/other/.nianbao.yaml:2: 没有规则“gb2021.t3.balanse”")
  eq(nil, bad:find("a.txt", 1, true), "nothing was checked")
end)

test("a config left in a folder of reports cannot switch the limits off", function()
  local box = tmp .. "/box"
  os.execute("rm -rf " .. box .. " && mkdir -p " .. box)
  write("box/.nianbao.yaml", "limits: {instructions: 0, memory_mb: 0}\n")
  os.execute("cp examples/jiuqu-2024.txt " .. box .. "/r.txt")
  local out, st = sh(NB .. " check " .. box .. "/r.txt")
  eq(2, st, "refused")
  has(out, "limits 的 instructions 须为正整数")
end)

test("without a config, the engine loads neither the config's mistakes nor its suggestions", function()
  os.execute("rm -rf " .. tmp .. "/noconf && mkdir -p " .. tmp .. "/noconf")
  local root = (sh("pwd"):gsub("%s+$", ""))
  local nb = NB:sub(1, 1) == "/" and NB or (root .. "/" .. NB)
  write("noconf/loaded.lua",
    'print(tostring(package.loaded.config ~= nil), tostring(package.loaded.yamlerr), tostring(package.loaded.suggest))\n')
  has(sh("cd " .. tmp .. "/noconf && " .. nb .. " run --no-config loaded.lua"), "true\tnil\tnil")
  -- and a config with a mistake still has it explained
  write("noconf/.nianbao.yaml", "rules:\n  gb2021.t3.balance: [off\n")
  local bad, st = sh("cd " .. tmp .. "/noconf && " .. nb .. " check " .. root .. "/examples/jiuqu-2024.txt")
  eq(2, st, "exit")
  has(bad, ".nianbao.yaml:3:1: YAML 格式有误")
end)
