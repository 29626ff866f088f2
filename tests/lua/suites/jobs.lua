-- A batch over worker processes (-j N) writes what one process writes,
-- byte for byte, in every writer; a file list comes from --files-from; a
-- worker that dies loses only the file it was checking.

local BATCH = {}
for _, d in ipairs { "examples", "examples/broken", CORPUS, "tests/fixtures" } do
  for _, n in ipairs(assert(nbio.listdir(d))) do
    if n:match("%.txt$") or n:match("%.html$") or n:match("%.md$") then BATCH[#BATCH + 1] = d .. "/" .. n end
  end
end
table.sort(BATCH)
local LIST = table.concat(BATCH, " ")
local dir = tmp .. "/jobs"
os.execute("mkdir -p " .. dir)

local function run(cmd)      -- → stdout, stderr, exit status
  local st = select(3, os.execute(cmd .. " >" .. dir .. "/out 2>" .. dir .. "/err"))
  return nbio.readfile(dir .. "/out") or "", nbio.readfile(dir .. "/err") or "", st
end

test("-j2 and -j3 write byte for byte what -j1 writes, in every writer, and exit alike", function()
  for _, fmt in ipairs { "text", "json", "csv", "sarif", "markdown", "examples/formats/wechat.lua" } do
    local out1, err1, st1 = run(NB .. " check -j1 --format " .. fmt .. " " .. LIST)
    assert(#out1 > 1000, fmt .. " writes the batch")
    for _, j in ipairs { "-j2", "-j 3" } do
      local out, err, st = run(NB .. " check " .. j .. " --format " .. fmt .. " " .. LIST)
      eq(out1, out, fmt .. " " .. j .. " output")
      eq(err1, err, fmt .. " " .. j .. " messages")
      eq(st1, st, fmt .. " " .. j .. " exit status")
    end
  end
end)

test("--files-from FILE and --files-from - give the files of the command line, one a line", function()
  local want = run(NB .. " check -j1 --format json " .. LIST)
  local f = assert(io.open(dir .. "/list", "w"))
  f:write(table.concat(BATCH, "\n"), "\n\n")
  f:close()
  eq(want, (run(NB .. " check --format json --files-from " .. dir .. "/list")), "from a file")
  eq(want, (run(NB .. " check -j2 --format json --files-from - < " .. dir .. "/list")), "from stdin")
  local _, err, st = run(NB .. " check --files-from " .. dir .. "/no-such-list")
  eq(2, st, "exit status of a list that cannot be read")
  has(err, "无法读取文件清单")
end)

test("-j takes a positive number of workers", function()
  for _, bad in ipairs { "-j0", "-j -2", "-j x" } do
    local _, err, st = run(NB .. " check " .. bad .. " examples/jiuqu-2024.txt")
    eq(2, st, bad)
    has(err, "-j 须为正整数", bad)
  end
end)

test("-j2 on folders writes the pages, the dashboard and the sheet -j1 writes", function()
  local args = " --format html examples tests/fixtures/consistent"
  local _, err1, st1 = run(NB .. " check -j1 -o " .. dir .. "/f1" .. args)
  local _, err2, st2 = run(NB .. " check -j2 -o " .. dir .. "/f2" .. args)
  eq(st1, st2, "exit status")
  eq(err1, err2, "messages")
  local p = io.popen("cd " .. dir .. "/f1 && find . -type f | sort")
  local names = {}
  for l in p:lines() do names[#names + 1] = l end
  p:close()
  assert(#names > 10, "pages written")
  for _, n in ipairs(names) do
    if not n:match("%.xlsx$") then eq(nbio.readfile(dir .. "/f1/" .. n), nbio.readfile(dir .. "/f2/" .. n), n) end
  end
end)

-- A pack whose rule spins on one file (by its name) under a budget large
-- enough never to stop it: the test kills the worker that spins.
local function spinning_pack()
  local pack = dir .. "/spin"
  os.execute("mkdir -p " .. pack)
  local f = assert(io.open(pack .. "/pack.lua", "w"))
  f:write('name = "spin"\n')
  f:close()
  f = assert(io.open(pack .. "/forever.lua", "w"))
  f:write([[
id       = "spin.forever"
severity = "info"
message  = { zh = "spun", en = "spun" }
function check(report, emit)
  if report.source and report.source:find("spin", 1, true) then
    local x = 0
    while true do x = x + 1 end
  end
end
]])
  f:close()
  return pack
end

-- the child of pid that has used the most CPU, when it has used over 2 s:
-- a worker that checks its few files (start-up included, in a sanitised
-- build too) never spends that much; the one that spins soon does
local function busiest_child(pid)
  local p = io.popen("for w in $(pgrep -P " .. pid .. "); do echo $w $(cut -d' ' -f14 /proc/$w/stat 2>/dev/null); done")
  local best, most = nil, 200
  for l in p:lines() do
    local w, t = l:match("^(%d+) (%d+)$")
    if w and tonumber(t) > most then best, most = w, tonumber(t) end
  end
  p:close()
  return best
end

test("a worker that dies loses only its file: that file says so, every other file is checked", function()
  local pack = spinning_pack()
  local spin = dir .. "/spin-2024.txt"
  os.execute("cp examples/jiuqu-2024.txt " .. spin .. " && echo >> " .. spin)
  local files = { "examples/jiuqu-2024.txt", "examples/broken/t3-balance.txt", spin,
                  "examples/broken/txt-new.txt", "examples/broken/val-blank.txt" }
  local rules = " --rules " .. pack .. " --instructions 1000000000000 "
  os.execute("rm -f " .. dir .. "/pid " .. dir .. "/rc")
  local script = string.format("%s check -j2 --format json %s %s > %s/died.jsonl 2>%s/died.err & echo $! > %s/pid; wait $!; echo $? > %s/rc",
                               NB, rules, table.concat(files, " "), dir, dir, dir, dir)
  os.execute("timeout 60 sh -c '" .. script .. "' &")
  local killed
  for _ = 1, 600 do
    local pid = (nbio.readfile(dir .. "/pid") or ""):match("%d+")
    if pid then
      local w = busiest_child(pid)
      if w then
        os.execute("kill -KILL " .. w)
        killed = w
        break
      end
    end
    os.execute("sleep 0.05")
  end
  assert(killed, "no worker was seen spinning")
  for _ = 1, 600 do
    if nbio.readfile(dir .. "/rc") then break end
    os.execute("sleep 0.05")
  end
  eq(3, tonumber(nbio.readfile(dir .. "/rc")), "exit status: the checker's failure")
  local got = {}
  for line in assert(nbio.readfile(dir .. "/died.jsonl")):gmatch("[^\n]+") do got[#got + 1] = line end
  eq(#files, #got, "one line a file")
  local want = {}
  for line in run(NB .. " check -j1 --format json" .. rules .. files[1] .. " " .. files[2] .. " " .. files[4] .. " " .. files[5])
               :gmatch("[^\n]+") do want[#want + 1] = line end
  eq(want[1], got[1], "first file")
  eq(want[2], got[2], "second file")
  has(got[3], '"file":"' .. spin .. '"')
  has(got[3], "检查此文件的工作进程意外结束（信号 9），此文件没有结果")
  has(got[3], '"status":"unreadable"')
  eq(want[3], got[4], "the file after it")
  eq(want[4], got[5], "the last file")
end)

test("what a worker hands back comes back the same: integers, floats, strings, nested tables", function()
  local marshal = require "marshal"
  local v = { 1, 2.5, "三", true, false, { a = { b = { -7, 1e300, math.mininteger } } }, [10] = "gap",
              ["\0key"] = "bytes\0\255" }
  local back = marshal.decode(marshal.encode(v))
  eq(1, back[1]); eq("integer", math.type(back[1]), "an integer stays one")
  eq(2.5, back[2]); eq("三", back[3]); eq(true, back[4]); eq(false, back[5])
  eq(-7, back[6].a.b[1]); eq(1e300, back[6].a.b[2]); eq(math.mininteger, back[6].a.b[3])
  eq("gap", back[10]); eq(nil, back[9]); eq("bytes\0\255", back["\0key"])
  eq(false, (pcall(marshal.encode, { print })), "a function cannot be passed on")
  local deep = {}
  for _ = 1, 300 do deep = { deep } end
  eq(false, (pcall(marshal.encode, deep)), "nesting is bounded")
  eq(false, (pcall(marshal.decode, "T\1\0\0\0")), "bytes cut short")
end)

test("-j2 keeps each file's own config, --quiet, the rules that fail, standard input's name: as -j1 does", function()
  os.execute("rm -rf " .. dir .. "/conv && mkdir -p " .. dir .. "/conv/a " .. dir .. "/conv/b " .. dir .. "/conv/boom")
  os.execute("cp examples/broken/val-blank.txt " .. dir .. "/conv/a/ && " ..
             "cp examples/broken/t3-balance.txt " .. dir .. "/conv/a/t3-copy.txt && echo >> " .. dir ..
             "/conv/a/t3-copy.txt && cp examples/broken/txt-new.txt examples/broken/t3-balance.txt " .. dir .. "/conv/b/")
  local function put(name, text)
    local f = assert(io.open(dir .. "/conv/" .. name, "w"))
    f:write(text)
    f:close()
  end
  put("a/.nianbao.yaml", "rules:\n  gb2021.t3.balance: off\n")
  put("boom/boom.lua", 'id = "boom.boom"\nseverity = "error"\nmessage = { zh = "x" }\n' ..
      'function check(report, emit)\n  error("broken")\nend\n')
  local c = dir .. "/conv"
  for _, args in ipairs { c .. "/a " .. c .. "/b",
                          "-q " .. c .. "/a " .. c .. "/b",
                          "--rules " .. c .. "/boom " .. c .. "/a " .. c .. "/b",
                          "--stdin-filename s.txt - " .. c .. "/a < examples/broken/t3-balance.txt" } do
    for _, fmt in ipairs { "text", "json", "sarif" } do
      local out1, err1, st1 = run(NB .. " check -j1 --format " .. fmt .. " " .. args)
      local out2, err2, st2 = run(NB .. " check -j2 --format " .. fmt .. " " .. args)
      eq(out1, out2, fmt .. " " .. args .. ": output")
      eq(err1, err2, fmt .. " " .. args .. ": messages")
      eq(st1, st2, fmt .. " " .. args .. ": exit status")
    end
  end
  local out, _, st = run(NB .. " check -j2 " .. c .. "/a " .. c .. "/b")
  eq(1, st, "the errors of b")
  has(out, "b/t3-balance.txt:76:1")
  eq(nil, out:find("a/t3-copy.txt:76:1", 1, true), "a's config turns the balance off")
  local _, err3, st3 = run(NB .. " check -j2 --rules " .. c .. "/boom " .. c .. "/a " .. c .. "/b")
  eq(3, st3, "a rule that fails: exit 3")
  has(err3, "退出码 3")
  local sout = run(NB .. " check -j2 --format json --stdin-filename s.txt - " .. c .. "/a < examples/broken/t3-balance.txt")
  has(sout, '"file":"s.txt"')
end)
