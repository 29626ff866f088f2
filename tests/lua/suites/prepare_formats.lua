-- What a check loads before -j N forks its workers: the base pack (every
-- report is bound with it) and the packs of the formats its reports were
-- found to be of, not every format's. A check of no report compiles no
-- format. Whatever is loaded ahead, the output is the one -j1 writes.

local function rules_loaded(E, name)
  local P = E.packs.formats_built and E.packs.formats_built[name]
  return P ~= nil and rawget(P, "rules") ~= nil
end

test("prepare loads the base pack's rules, another format's only when named", function()
  local E = require("engine").new({ home = ".", config_file = false })
  E:prepare()
  eq(true, rules_loaded(E, E.base), "the base's rules")
  for _, name in ipairs(E.packs.formats) do
    if name ~= E.base then eq(false, rules_loaded(E, name), name .. ": not loaded") end
  end
  E:prepare({ gb2019 = true })
  eq(true, rules_loaded(E, "gb2019"), "gb2019's rules once a report of it was found")
end)

test("a batch's check loads ahead the packs of the formats its survey found", function()
  local batch = require "batch"
  local E = require("engine").new({ home = ".", config_file = false })
  local B = batch.new(E, { files = { "examples/jiuqu-2024.txt", "tests/corpus/pingtan-2021.txt" } }, nil, 1)
  B:prepare(1)
  eq(false, rules_loaded(E, "gb2019"), "no worker: nothing loaded ahead")
  B:prepare(2)
  eq(false, rules_loaded(E, "gb2019"), "no report of gb2019: its pack not loaded")
  B:finish({}, nil)
  local E2 = require("engine").new({ home = ".", config_file = false })
  local B2 = batch.new(E2, { files = { "examples/jiuqu-2024.txt", "tests/corpus/pingtan-2020.txt" } }, nil, 1)
  eq("gb2019", B2.by_path["tests/corpus/pingtan-2020.txt"].format, "surveyed as gb2019")
  B2:prepare(2)
  eq(true, rules_loaded(E2, "gb2019"), "a report of gb2019: its pack loaded before the workers")
  B2:finish({}, nil)
end)

test("a check of no report compiles no format, and says the same", function()
  local E = require("engine").new({ home = ".", config_file = false })
  local B = require("batch").new(E, { files = { write("prepare_empty.txt", "") } }, nil, 1)
  eq(nil, E.packs.formats_compiled and E.packs.formats_compiled[E.base], "the base format not compiled")
  B:finish({}, nil)
end)

test("a batch of both formats checked with two workers writes what -j1 writes", function()
  local files = "examples/jiuqu-2024.txt tests/corpus/pingtan-2020.txt tests/corpus/pingtan-2021.txt "
                .. "examples/broken/fmt-old-2019.txt examples/broken/fmt-legacy.txt"
  for _, fmt in ipairs { "json", "text" } do
    local one, st1 = sh(NB .. " check -j1 --format " .. fmt .. " " .. files)
    assert(#one > 100, fmt .. ": checked")
    local two, st2 = sh(NB .. " check -j2 --format " .. fmt .. " " .. files)
    eq(one, two, fmt .. ": output")
    eq(st1, st2, fmt .. ": exit status")
  end
  local one = sh(NB .. " check -j1 --format json " .. "examples/jiuqu-2024.txt tests/corpus/pingtan-2021.txt")
  eq(one, (sh(NB .. " check -j2 --format json examples/jiuqu-2024.txt tests/corpus/pingtan-2021.txt")),
     "a batch of gb2021 alone")
end)

test("an empty file checked alone is said unreadable, and its review page has the base format's type", function()
  local empty = write("prepare_empty2.txt", "")
  has(sh(NB .. " check -j1 --format json " .. empty), "nianbao.unreadable", "json")
  for _, fmt in ipairs { "text", "sarif", "csv", "markdown" } do
    local out = sh(NB .. " check -j1 --format " .. fmt .. " " .. empty .. " 2>&1")
    assert(#out > 0, fmt .. ": said")
  end
  local dir = tmp .. "/prepare_pages"
  sh(NB .. " check -j1 --format html -o " .. dir .. " " .. empty .. " examples/jiuqu-2024.txt")
  local names = nbio.listdir(dir) or {}
  local pages = 0
  for _, n in ipairs(names) do if n:match("%.html$") then pages = pages + 1 end end
  eq(true, pages >= 2, "a page for each file")
end)

test("an engine requires the agency keys when a report's issuer is first asked for", function()
  local saved = { engine = package.loaded.engine, agency = package.loaded.agency }
  local ok, err = pcall(function()
    package.loaded.engine, package.loaded.agency = nil, nil
    local E = require("engine").new({ home = ".", config_file = false })
    eq(nil, E:bind_bytes("", "empty.txt"), "an empty file is not read")
    eq(nil, package.loaded.agency, "no agency keys for a check of no report")
    local name = "福建省平潭综合实验区管理委员会"
    local key = E:issuer_key(name)
    eq("string", type(key), "a key")
    eq(true, package.loaded.agency ~= nil, "required at the first issuer")
    eq(saved.agency.key(E:pack(E.base).format, name), key, "the key as the module gives it")
  end)
  package.loaded.engine, package.loaded.agency = saved.engine, saved.agency
  assert(ok, err)
end)
