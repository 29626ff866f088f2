-- Untrusted packs, readers and writers cannot crash, hang, out-eat or
-- rewrite anything, and faults lose no file. Every attack of
-- tests/hostile/packs/ runs next to the national pack and a harmless rule
-- on a batch of two reports: the attack becomes its own finding, the
-- harmless rule and the national rules fire on both files as they do
-- without it, the exit status is at most 3 (3: a rule or pack failed, the
-- checker's own problem), the run ends within its limits (a `timeout` that
-- must not fire) and writes nothing outside -o. The attack's finding is
-- one of the checker's failures, listed apart from the report's findings.

local HOSTILE = "tests/hostile/packs"
local REPORTS = { "examples/jiuqu-2024.txt", "examples/broken/t3-balance.txt" }
local ROOT = (sh("pwd"):gsub("%s+$", ""))
local ASAN = NB:find("asan", 1, true) ~= nil
local NBX = NB:sub(1, 1) == "/" and NB or (ROOT .. "/" .. NB)
local HARMLESS = "harmless rule ran: 42 number xy 23"
local MAX_RSS_KB = 1024 * 1024                   -- 1 GB: a few times the memory cap of a call
local jobs_dir = tmp .. "/hostile"
os.execute("rm -rf " .. jobs_dir .. " && mkdir -p " .. jobs_dir)

local function q(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end
local function abs(p) return p:sub(1, 1) == "/" and p or (ROOT .. "/" .. p) end
local function slurp(path) return nbio.readfile(path) or "" end

-- The header lines of an attack file: what it tries, what the run must show.
local function header(path)
  local src = assert(nbio.readfile(path))
  return src:match("%-%- attack: ([^\n]*)") or src:match("# attack: ([^\n]*)"),
         src:match("%-%- expect: ([^\n]*)") or src:match("# expect: ([^\n]*)")
end

local function files_under(dir)
  local out = {}
  local p = io.popen("cd " .. q(dir) .. " && find . -mindepth 1 ! -type d | sort")
  for l in p:lines() do out[#out + 1] = l:sub(3) end
  p:close()
  return out
end

--{=== the jobs: each a folder with its command, run in parallel batches ===

local jobs, by_name = {}, {}

-- job(name, args, setup) → the job; args after `check`, with {dir} for
-- the job's folder. Its cwd is the folder's cwd/, -o goes to out/.
local function job(name, args, opts)
  opts = opts or {}
  local dir = jobs_dir .. "/" .. name
  os.execute("mkdir -p " .. q(dir .. "/cwd") .. " " .. q(dir .. "/out"))
  local j = { name = name, dir = dir, limits = opts.limits ~= false }
  if opts.setup then opts.setup(dir) end
  local limits = opts.limits == false and "" or
    ("--config " .. q(jobs_dir .. "/limits.yaml") .. " --instructions 5000000 --memory-mb 160 ")
  local cmd = string.format("%s %s %s%s", q(NBX), opts.command or "check --format json",
                            limits, args:gsub("{dir}", dir))
  if opts.output ~= false then cmd = cmd .. " -o " .. q(dir .. "/out/" .. (opts.output or "result.json")) end
  for _, r in ipairs(opts.reports or REPORTS) do cmd = cmd .. " " .. q(abs(r)) end
  local time = nbio.stat("/usr/bin/time") and ('/usr/bin/time -f "%e %M" -o ' .. q(dir .. "/rss") .. " ") or ""
  local script = string.format("cd %s && %stimeout -k 5 %d %s >%s 2>%s; echo $? >%s\n",
                               q(dir .. "/cwd"), time, opts.timeout or 120, cmd,
                               q(dir .. "/stdout"), q(dir .. "/stderr"), q(dir .. "/status"))
  local f = assert(io.open(dir .. "/run.sh", "w"))
  f:write(script)
  f:close()
  jobs[#jobs + 1] = j
  by_name[name] = j
  return j
end

local function run_jobs()
  local list = assert(io.open(jobs_dir .. "/jobs.txt", "w"))
  for _, j in ipairs(jobs) do list:write(j.dir, "/run.sh\n") end
  list:close()
  os.execute("xargs -P 3 -n 1 sh < " .. q(jobs_dir .. "/jobs.txt"))
  for _, j in ipairs(jobs) do
    j.status = tonumber(slurp(j.dir .. "/status"):match("%d+"))
    j.stdout, j.stderr = slurp(j.dir .. "/stdout"), slurp(j.dir .. "/stderr")
    j.seconds, j.rss = slurp(j.dir .. "/rss"):match("([%d.]+) (%d+)%s*$")
    j.seconds, j.rss = tonumber(j.seconds), tonumber(j.rss)
    j.out = slurp(j.dir .. "/out/result.json")
  end
end

-- The JSON lines of a check: {file=, findings=} each.
local function reports_of(text)
  local out = {}
  for line in text:gmatch("[^\n]+") do
    local ok, v = pcall(nianbao.yaml.decode, line)
    if ok and type(v) == "table" and v.file then out[#out + 1] = v end
  end
  return out
end

local function national(rep)
  local list = {}
  for _, f in ipairs(rep.findings or {}) do
    if f.rule:match("^gb20") then
      list[#list + 1] = string.format("%s %s:%s %s", f.rule, tostring(f.line), tostring(f.column), f.message)
    end
  end
  table.sort(list)
  return table.concat(list, "\n")
end

-- Does text hold `words`: a text, or "a | b" (either)?
local function says(text, words)
  for alt in (words .. " | "):gmatch("(.-) | ") do
    if text:find(alt, 1, true) then return true end
  end
  return false
end

local function has_finding(rep, rule, words)
  local all_findings = {}
  for _, f in ipairs(rep.findings or {}) do all_findings[#all_findings + 1] = f end
  for _, f in ipairs(rep.internal or {}) do all_findings[#all_findings + 1] = f end
  for _, f in ipairs(all_findings) do
    if f.rule == rule then
      local all = true
      for _, w in ipairs(words) do all = all and says(f.message, w) end
      if all then return true end
    end
  end
  return false
end

local function show(rep)
  local out = {}
  for _, f in ipairs(rep.findings or {}) do out[#out + 1] = f.rule .. ": " .. f.message:sub(1, 300) end
  for _, f in ipairs(rep.internal or {}) do out[#out + 1] = f.rule .. ": " .. f.message:sub(1, 300) end
  return table.concat(out, "\n  ")
end

--}===

--{=== the attacks ===

local f = assert(io.open(jobs_dir .. "/limits.yaml", "w"))
f:write(ASAN and "limits: {seconds: 2}\n" or "limits: {seconds: 0.5}\n")   -- sanitizers: slower
f:close()

job("baseline", "")

local function attack_files(sub)
  local names = assert(nbio.listdir(HOSTILE .. "/" .. sub))
  table.sort(names)
  local out = {}
  for _, n in ipairs(names) do
    if n:match("%.lua$") or n:match("%.yaml$") then out[#out + 1] = n end
  end
  return out
end

local HARMLESS_PACK = q(abs(HOSTILE .. "/harmless"))
local kinds = {}      -- job name → {kind=, file=, who= (a text of the internal finding)}

for _, n in ipairs(attack_files("rules")) do
  local name = "rules-" .. n:gsub("%.lua$", "")
  job(name, "--rules {dir}/attack --rules " .. HARMLESS_PACK, { setup = function(dir)
    os.execute("mkdir -p " .. q(dir .. "/attack"))
    write("hostile/" .. name .. "/attack/pack.lua", 'name = "attack"\n')
    os.execute("cp " .. q(HOSTILE .. "/rules/" .. n) .. " " .. q(dir .. "/attack/" .. n))
  end })
  kinds[name] = { kind = "rule", file = HOSTILE .. "/rules/" .. n, who = "attack." .. n:gsub("%.lua$", "") }
end

for _, n in ipairs(attack_files("pack")) do
  local name = "pack-" .. n:gsub("%.lua$", "")
  job(name, "--rules {dir}/p --rules " .. HARMLESS_PACK, { setup = function(dir)
    os.execute("mkdir -p " .. q(dir .. "/p") .. " && cp " .. q(HOSTILE .. "/pack/" .. n) .. " " .. q(dir .. "/p/pack.lua"))
  end })
  kinds[name] = { kind = "pack", file = HOSTILE .. "/pack/" .. n, who = jobs_dir .. "/" .. name .. "/p" }
end

for _, n in ipairs(attack_files("format")) do
  local name = "format-" .. n:gsub("%.lua$", "")
  job(name, "--rules {dir}/fmt --rules " .. HARMLESS_PACK, { setup = function(dir)
    os.execute("mkdir -p " .. q(dir .. "/fmt") .. " && cp " .. q(HOSTILE .. "/format/" .. n) .. " " .. q(dir .. "/fmt/format.lua"))
    write("hostile/" .. name .. "/fmt/pack.lua", 'name = "fmt"\n')
  end })
  kinds[name] = { kind = "format", file = HOSTILE .. "/format/" .. n, who = jobs_dir .. "/" .. name .. "/fmt" }
end

for folder, n in pairs { ["gb2021.t3"] = "balance.lua", nianbao = "internal.lua" } do
  local name = "folder-" .. n:gsub("%.lua$", "")
  job(name, "--rules {dir}/" .. folder .. " --rules " .. HARMLESS_PACK, { setup = function(dir)
    os.execute("mkdir -p " .. q(dir .. "/" .. folder) .. " && cp " .. q(HOSTILE .. "/folder/" .. n) .. " " .. q(dir .. "/" .. folder .. "/" .. n))
  end })
  kinds[name] = { kind = "pack", file = HOSTILE .. "/folder/" .. n, who = jobs_dir .. "/" .. name .. "/" .. folder }
end

for _, n in ipairs(attack_files("writers")) do
  local name = "writer-" .. n:gsub("%.lua$", "")
  local per_file = n == "extension_escape.lua"
  job(name, "--format " .. q(abs(HOSTILE .. "/writers/" .. n)) .. " --rules " .. HARMLESS_PACK,
      { command = "check", output = per_file and "" or "result.json" })
  kinds[name] = { kind = "writer", file = HOSTILE .. "/writers/" .. n }
end
for _, mode in ipairs { "extract", "render" } do
  -- render checks first: the report has errors, so it is a draft
  job("writer-schema_add-" .. mode, "--format " .. q(abs(HOSTILE .. "/writers/schema_add.lua"))
      .. (mode == "render" and " --draft" or ""), { command = mode, reports = { REPORTS[2] } })
end

for _, n in ipairs(attack_files("readers")) do
  local name = "reader-" .. n:gsub("%.lua$", "")
  job(name, "--reader " .. q(abs(HOSTILE .. "/readers/" .. n)) .. " --rules " .. HARMLESS_PACK)
  kinds[name] = { kind = "reader", file = HOSTILE .. "/readers/" .. n }
end

for _, n in ipairs(attack_files("config")) do
  local name = "config-" .. n:gsub("%.yaml$", "")
  job(name, "--config " .. q(abs(HOSTILE .. "/config/" .. n)) .. " --rules {dir}/attack --rules " .. HARMLESS_PACK,
      { limits = false, setup = function(dir)
        os.execute("mkdir -p " .. q(dir .. "/attack") .. " && cp " .. q(HOSTILE .. "/rules/pcall_loop.lua") .. " " .. q(dir .. "/attack/"))
        write("hostile/" .. name .. "/attack/pack.lua", 'name = "attack"\n')
      end })
  kinds[name] = { kind = "config", file = HOSTILE .. "/config/" .. n }
end
job("cli-instructions-0", "--instructions 0", { limits = false })
job("cli-memory-past-64-bits", "--memory-mb 17592186044416 --rules {dir}/attack", { limits = false, setup = function(dir)
  os.execute("mkdir -p " .. q(dir .. "/attack") .. " && cp " .. q(HOSTILE .. "/rules/pcall_loop.lua") .. " " .. q(dir .. "/attack/"))
  write("hostile/cli-memory-past-64-bits/attack/pack.lua", 'name = "attack"\n')
end })

run_jobs()

--}===

--{=== what each run must show ===

local base_reports = reports_of(by_name.baseline.out)

test("the baseline: the national pack alone on the two reports", function()
  eq(1, by_name.baseline.status, "exit (t3-balance has errors)")
  eq(2, #base_reports, "one JSON line per report")
  has(national(base_reports[2]), "gb2021.t3.balance")
end)

-- Every run: survived, within its limits, nothing outside out/.
local function common(j)
  eq(true, j.status ~= nil and j.status <= 3,
     "exit status " .. tostring(j.status) .. " (124: timeout fired)\n" .. j.stderr:sub(1, 2000))
  if j.rss and not ASAN then
    eq(true, j.rss < MAX_RSS_KB, string.format("peak memory %d MB", j.rss // 1024))
  end
  for _, p in ipairs(files_under(j.dir .. "/cwd")) do error("written outside -o: cwd/" .. p) end
end

local function common_check(j, who, expect)
  common(j)
  local reps = reports_of(j.out)
  eq(2, #reps, "one JSON line per report\n" .. j.stderr:sub(1, 2000))
  for i, rep in ipairs(reps) do
    eq(true, has_finding(rep, "harmless.fires", { HARMLESS }),
       REPORTS[i] .. ": the harmless rule fired:\n  " .. show(rep))
    eq(national(base_reports[i]), national(rep), REPORTS[i] .. ": the national findings")
    if who then
      eq(true, has_finding(rep, "nianbao.internal", { who, expect }),
         string.format("%s: a nianbao.internal finding naming %s with “%s”:\n  %s", REPORTS[i], who, expect, show(rep)))
    end
  end
end

local names = {}
for name in pairs(kinds) do names[#names + 1] = name end
table.sort(names)
for _, name in ipairs(names) do
  local k, j = kinds[name], by_name[name]
  local what, expect = header(k.file)
  test("hostile " .. k.kind .. " " .. k.file:match("[^/]+$") .. ": " .. tostring(what), function()
    assert(expect, k.file .. ": no '-- expect:' line")
    if k.kind == "rule" or k.kind == "pack" or k.kind == "format" then
      common_check(j, k.who, expect)
    elseif k.kind == "config" then
      common(j)
      if expect:find("须为正整数", 1, true) then
        eq(2, j.status, "a config that turns limits off is refused")
        eq(true, says(j.stderr, expect), "the reason: " .. j.stderr)
      else
        common_check(j, "attack.pcall_loop", expect)
      end
    elseif k.kind == "reader" then
      common(j)
      local reps = reports_of(j.out)
      if #reps == 0 then                     -- a reader that cannot load: a usage error
        eq(2, j.status, "exit")
        eq(true, says(j.stderr, expect), "the reason: " .. j.stderr)
      else
        eq(2, #reps, "both files reported")
        for _, rep in ipairs(reps) do
          local any = false
          for _, fd in ipairs(rep.findings) do any = any or says(fd.message, expect) end
          eq(true, any, "“" .. expect .. "” in:\n  " .. show(rep))
        end
      end
    end
  end)
end

test("hostile writers: each fails alone, loses no other report, writes only under -o", function()
  local function w(n) return by_name["writer-" .. n] end
  for _, n in ipairs { "toplevel_loop", "summary_loop", "extension_escape", "totals_tamper", "return_table",
                       "schema_add", "keep_memory", "layout_tamper" } do
    common(w(n))
  end
  eq(2, w("toplevel_loop").status, "a writer that cannot load")
  has(w("toplevel_loop").stderr, "instruction budget exceeded")
  eq(2, w("summary_loop").status, "a Summary that fails")
  has(w("summary_loop").stderr, "instruction budget exceeded")
  local summary_out = w("summary_loop").out
  has(summary_out, "jiuqu-2024.txt written")
  has(summary_out, "t3-balance.txt written")
  eq(1, w("totals_tamper").status, "the exit status comes from the engine's totals")
  eq(2, w("return_table").status, "a Writer that returns no text")
  has(w("return_table").stderr, "returned a table")
  local _, n1 = w("schema_add").out:gsub("no C object reachable", "")
  eq(2, n1, "the writer reached no C object, on either report")
  local _, n2 = w("keep_memory").out:gsub("kept 0 MB", "")
  eq(2, n2, "a writer from a file starts afresh for each report")
  local _, n3 = w("layout_tamper").out:gsub("layout intact", "")
  eq(2, n3, "what the layout helpers hand out is the writer's own copy")
  for _, mode in ipairs { "extract", "render" } do
    local j = by_name["writer-schema_add-" .. mode]
    eq(0, j.status, mode .. ": exit\n" .. j.stderr)
    has(slurp(j.dir .. "/out/result.json"), "no C object reachable")
  end
  local pages = files_under(w("extension_escape").dir .. "/out")
  eq("jiuqu-2024.out t3-balance.out", table.concat(pages, " "), "one page per report, inside the -o folder")
  eq(nil, nbio.stat(jobs_dir .. "/escaped.out"), "nothing beside the folder")
end)

test("a limit of 0 on the command line is refused; one past 64 bits still leaves a limit", function()
  local zero = by_name["cli-instructions-0"]
  eq(2, zero.status, "exit")
  has(zero.stderr, "--instructions 须为正整数")
  local huge = by_name["cli-memory-past-64-bits"]
  common(huge)
  for _, rep in ipairs(reports_of(huge.out)) do
    eq(true, has_finding(rep, "nianbao.internal", { "attack.pcall_loop", "instruction budget exceeded" }), show(rep))
  end
end)

--}===

--{=== faults: output files, folders, names, pdftotext ===

local function run_sh(script)
  local path = write("hostile/script.sh", script)
  return sh("sh " .. q(path))
end

-- fn(dir) on a 64 KB tmpfs, or false when this machine cannot mount one.
local function on_small_disk(fn)
  local dir = tmp .. "/small-disk"
  os.execute("mkdir -p " .. q(dir))
  local _, st = sh("mount -t tmpfs -o size=64k nianbao-test " .. q(dir))
  if st ~= 0 then return false end
  local ok, err = pcall(fn, dir)
  sh("umount " .. q(dir))
  if not ok then error(err, 0) end
  return true
end

local function fill_disk(dir)
  sh("dd if=/dev/zero of=" .. q(dir .. "/filler") .. " bs=4096 2>/dev/null; true")
end

test("-o onto a full disk: the old output stays whole, a message, exit 2, no temporary file", function()
  local mounted = on_small_disk(function(dir)
    local target = dir .. "/result.json"
    local f = assert(io.open(target, "w")); f:write("OLD OUTPUT\n"); f:close()
    fill_disk(dir)
    local out, st = sh(NB .. " check --format json -o " .. q(target) .. " examples/jiuqu-2024.txt examples/broken/t3-balance.txt")
    eq(2, st, "exit")
    has(out, "无法写入")
    eq("OLD OUTPUT\n", slurp(target), "the old output")
    eq("filler result.json", table.concat(files_under(dir), " "):gsub("%./", ""), "no temporary file left")
  end)
  if not mounted then io.stderr:write("  (no tmpfs could be mounted here: the full-disk case was not run)\n") end
end)

test("fill --in-place on a full disk: the author's YAML stays whole and fill says it failed", function()
  local yaml = sh(NB .. " new --year 2025 --agency 某镇人民政府")
  on_small_disk(function(dir)
    local path = dir .. "/年报.yaml"
    local f = assert(io.open(path, "w")); f:write(yaml); f:close()
    fill_disk(dir)
    local out, st = sh(NB .. " fill --in-place " .. q(path))
    eq(2, st, "exit\n" .. out)
    has(out, "无法写入")
    eq(yaml, slurp(path), "the author's YAML")
  end)
end)

test("the temporary file is created anew: a link planted where it was once made is not followed", function()
  local dir = tmp .. "/planted"
  os.execute("rm -rf " .. q(dir) .. " && mkdir -p " .. q(dir))
  local victim = dir .. "/victim"
  os.execute("ln -s " .. q(victim) .. " " .. q(dir .. "/out.json.nianbao-tmp"))
  local _, st = sh(NB .. " check --format json -o " .. q(dir .. "/out.json") .. " examples/jiuqu-2024.txt")
  eq(0, st, "exit")
  eq(nil, nbio.stat(victim), "the link's target was not written")
  has(slurp(dir .. "/out.json"), '"status":"checked"')
end)

for _, sig in ipairs { "TERM", "HUP" } do
  test("SIG" .. sig .. " while -o is being written leaves no temporary file and no output", function()
    local dir = tmp .. "/signal-" .. sig
    os.execute("rm -rf " .. q(dir) .. " && mkdir -p " .. q(dir .. "/attack"))
    os.execute("cp " .. q(HOSTILE .. "/rules/pcall_loop.lua") .. " " .. q(dir .. "/attack/"))
    write("signal-" .. sig .. "/attack/pack.lua", 'name = "attack"\n')
    write("signal-" .. sig .. "/slow.yaml", "limits: {seconds: 30}\n")
    local out = run_sh(string.format([[
%s check --config %s --instructions 1000000000000 --rules %s -o %s examples/jiuqu-2024.txt &
pid=$!
i=0
while [ $i -lt 300 ] && ! ls %s/out.json.nianbao-* >/dev/null 2>&1; do sleep 0.1; i=$((i+1)); done
ls %s
kill -%s $pid
wait $pid
echo "status=$?"
]], NB, q(dir .. "/slow.yaml"), q(dir .. "/attack"), q(dir .. "/out.json"), q(dir), q(dir), sig))
    has(out, "out.json.nianbao-", "the temporary file existed while the run went on")
    has(out, "status=" .. (sig == "TERM" and 143 or 129), "killed by the signal")
    eq("attack/pack.lua attack/pcall_loop.lua slow.yaml", table.concat(files_under(dir), " "),
       "no temporary file, no output")
  end)
end

test("a FIFO in a folder of reports is passed over, not waited on", function()
  local dir = tmp .. "/fifo"
  os.execute("rm -rf " .. q(dir) .. " && mkdir -p " .. q(dir) .. " && cp examples/jiuqu-2024.txt " .. q(dir) ..
             " && mkfifo " .. q(dir .. "/pipe.txt"))
  local out, st = sh("timeout 60 " .. NB .. " check --format json " .. q(dir))
  eq(0, st, "exit (124: it waited on the FIFO)")
  eq(1, #reports_of(out), "the one report")
end)

test("links: a folder loop ends, and one report reached by several names is checked once", function()
  local dir = tmp .. "/links"
  os.execute("rm -rf " .. q(dir) .. " && mkdir -p " .. q(dir .. "/sub") .. " && cp examples/jiuqu-2024.txt " .. q(dir .. "/a.txt"))
  os.execute("cd " .. q(dir) .. " && ln -s a.txt b.txt && ln a.txt c.txt && ln -s .. sub/up && ln -s . loop && ln -s ../a.txt sub/d.txt")
  local out, st = sh("timeout 60 " .. NB .. " check --format json " .. q(dir))
  eq(0, st, "exit (124: the loop did not end)")
  local reps = reports_of(out)
  eq(1, #reps, "checked once")
  has(reps[1].file, "/a.txt")
end)

test("file names with control characters and bad UTF-8 print safely in text, JSON and SARIF", function()
  local dir = tmp .. "/names"
  os.execute("rm -rf " .. q(dir) .. " && mkdir -p " .. q(dir))
  local name = dir .. "/bad\27[2J\255name.txt"
  local broken = assert(nbio.readfile("examples/broken/t3-balance.txt"))
  local f = assert(io.open(name, "wb")); f:write((broken:gsub("河东区九曲街道", "\27[31m九曲", 1))); f:close()
  for _, format in ipairs { "text", "json", "sarif", "csv" } do
    local out = sh(NB .. " check --format " .. format .. " " .. q(dir) .. " 2>&1")
    eq(nil, out:find("\27", 1, true), format .. ": no raw escape character")
    eq(true, utf8.len(out) ~= nil, format .. ": valid UTF-8")
    has(out, "x1B[2J", format .. ": the name shown, escaped")
    has(out, "xFFname.txt", format .. ": the name shown, escaped")
  end
  local json = sh(NB .. " check --format json " .. q(dir))
  eq(1, #reports_of(json), "the JSON line parses")
  local gone = sh(NB .. " check " .. q(dir .. "/no\27such.txt") .. " 2>&1")
  eq(nil, gone:find("\27", 1, true), "a message about a missing file: no raw escape")
end)

test("pdftotext is stopped at a time limit and at the size limit", function()
  local dir = tmp .. "/fakepdf"
  os.execute("rm -rf " .. q(dir) .. " && mkdir -p " .. q(dir .. "/bin"))
  write("fakepdf/slow.pdf", "%PDF-1.4\n")
  write("fakepdf/quick.yaml", "limits: {seconds: 0.5}\n")
  write("fakepdf/bin/pdftotext", "#!/bin/sh\nsleep 600\n")
  os.execute("chmod +x " .. q(dir .. "/bin/pdftotext"))
  local env = "PATH=" .. q(dir .. "/bin") .. ":$PATH "
  local out, st = sh(env .. "timeout 60 " .. NB .. " check --config " .. q(dir .. "/quick.yaml") .. " " .. q(dir .. "/slow.pdf"))
  eq(2, st, "exit (124: pdftotext was waited on)")
  has(out, "PDF读取超时")
  write("fakepdf/bin/pdftotext", "#!/bin/sh\nexec yes 年度报告\n")
  local out2, st2 = sh(env .. "timeout 60 " .. NB .. " check --max-size-mb 1 " .. q(dir .. "/slow.pdf"))
  eq(2, st2, "exit")
  has(out2, "PDF的文字超过1 MB的上限")
end)

--}===

--{=== the C bindings, called wrongly (the driver's API, trusted) ===

test("a cell added to the schema after a report was made is an error, not a crash", function()
  local s = nianbao.schema()
  s:add("a.x")
  local r = nianbao.report(s)
  s:add("a.y")
  local ok, err = pcall(r.get, r, "a.y")
  eq(false, ok, "get")
  has(err, 'no cell "a.y"')
end)

test("an identity is evaluated only on reports of its own schema", function()
  local s1, s2 = nianbao.schema(), nianbao.schema()
  s1:add("a.x"); s1:add("a.y"); s2:add("a.x")
  local id = nianbao.identity(s1, "a.x = a.y")
  local ok, err = pcall(id.eval, id, nianbao.report(s2))
  eq(false, ok, "eval")
  has(err, "different schemas")
  ok, err = pcall(id.terms, id, s2, 1)
  eq(false, ok, "terms")
end)

test("a finding's places out of range are refused; its texts are made printable", function()
  local list = nianbao.findings()
  local ok, err = pcall(list.add, list, { rule = "r", message = "m", line = -1 })
  eq(false, ok, "line -1")
  has(err, "out of range")
  ok = pcall(list.add, list, { rule = "r", message = "m", col = 1 << 40 })
  eq(false, ok, "col 2^40")
  list:add { rule = "r", message = "a\27[2Jb\255c\ttab", cells = { "x\0y" } }
  local f = list:list()[1]
  eq("a\u{FFFD}[2Jb\u{FFFD}c tab", f.message, "message")
  eq("x", f.cells[1], "a cell id ends at a NUL")
end)

test("sandbox.call: limits must be given and positive; error objects are never converted by their own code", function()
  local limits = require "nianbao.sandbox"
  local ok = pcall(limits.call, { instructions = 0, memory = 1 }, function() end)
  eq(false, ok, "instructions 0")
  ok = pcall(limits.call, { instructions = 1000, memory = -5 }, function() end)
  eq(false, ok, "memory -5")
  local lim = { instructions = 100000, memory = 1 << 20 }
  local called = false
  local done, why = limits.call(lim, function()
    error(setmetatable({}, { __tostring = function() called = true; return "x" end }))
  end)
  eq(false, done, "failed")
  eq("(error object is a table value)", why, "reason")
  eq(false, called, "__tostring not run")
  done, why = limits.call(lim, function()
    while true do limits.pcall(function() while true do end end) end
  end)
  eq("instruction budget exceeded", why, "pcall cannot catch the budget")
  done, why = limits.call({ instructions = 1 << 40, memory = 1 << 20, seconds = 0.2 }, function()
    string.find(string.rep("a", 5000), "(.-)(.-)(.-)(.-)b")
  end)
  eq("time limit exceeded", why, "a pattern that backtracks stops at the time limit")
  local sum = 0
  done = limits.call(lim, function() for i = 1, 10 do sum = sum + i end end)
  eq(true, done, "a quick call")
  eq(55, sum, "its work")
end)

--}===
