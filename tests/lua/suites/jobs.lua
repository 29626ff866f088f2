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
    has(out1, "jiuqu", fmt .. " output")
    for _, j in ipairs { "-j2", "-j 3" } do
      local out, err, st = run(NB .. " check " .. j .. " --format " .. fmt .. " " .. LIST)
      eq(out1, out, fmt .. " " .. j .. " output")
      eq(err1, err, fmt .. " " .. j .. " messages")
      eq(st1, st, fmt .. " " .. j .. " exit status")
    end
  end
end)

test("-j2 writes the same review pages as -j1", function()
  local _, _, st1 = run(NB .. " check -j1 --format html -o " .. dir .. "/p1 " .. LIST)
  local _, _, st2 = run(NB .. " check -j2 --format html -o " .. dir .. "/p2 " .. LIST)
  eq(st1, st2, "exit status")
  local a, b = assert(nbio.listdir(dir .. "/p1")), assert(nbio.listdir(dir .. "/p2"))
  table.sort(a)
  table.sort(b)
  eq(#BATCH, #a, "pages")
  eq(table.concat(a, " "), table.concat(b, " "), "page names")
  for _, n in ipairs(a) do
    eq(nbio.readfile(dir .. "/p1/" .. n), nbio.readfile(dir .. "/p2/" .. n), n)
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

test("a worker that dies loses only its file: that file says so, every other file is checked", function()
  -- a FIFO is read when named: its worker waits on it until the test kills it
  local fifo = dir .. "/hang.txt"
  os.execute("rm -f " .. fifo .. " && mkfifo " .. fifo)
  local files = { "examples/jiuqu-2024.txt", "examples/broken/t3-balance.txt", fifo,
                  "examples/broken/txt-new.txt", "examples/broken/val-blank.txt" }
  local script = string.format("%s check -j2 --format json %s > %s/died.jsonl 2>&1 & echo $! > %s/pid; wait $!; echo $? > %s/rc",
                               NB, table.concat(files, " "), dir, dir, dir)
  os.execute("timeout 60 sh -c '" .. script .. "' &")
  local killed
  for _ = 1, 300 do
    local pid = (nbio.readfile(dir .. "/pid") or ""):match("%d+")
    if pid then
      local p = io.popen("for w in $(pgrep -P " .. pid .. "); do ls -l /proc/$w/fd 2>/dev/null | grep -q hang.txt && echo $w; done")
      local w = p:read("l")
      p:close()
      if w then
        os.execute("kill -KILL " .. w)
        killed = w
        break
      end
    end
    os.execute("sleep 0.05")
  end
  assert(killed, "no worker was seen waiting on the FIFO")
  for _ = 1, 600 do
    if nbio.readfile(dir .. "/rc") then break end
    os.execute("sleep 0.05")
  end
  eq(2, tonumber(nbio.readfile(dir .. "/rc")), "exit status")
  local got = {}
  for line in assert(nbio.readfile(dir .. "/died.jsonl")):gmatch("[^\n]+") do got[#got + 1] = line end
  eq(#files, #got, "one line a file")
  local want = {}
  for line in run(NB .. " check -j1 --format json " .. files[1] .. " " .. files[2] .. " " .. files[4] .. " " .. files[5])
               :gmatch("[^\n]+") do want[#want + 1] = line end
  eq(want[1], got[1], "first file")
  eq(want[2], got[2], "second file")
  has(got[3], '"file":"' .. fifo .. '"')
  has(got[3], "检查此文件的工作进程意外结束（信号 9），此文件没有结果")
  has(got[3], '"status":"unreadable"')
  eq(want[3], got[4], "the file after it")
  eq(want[4], got[5], "the last file")
end)
