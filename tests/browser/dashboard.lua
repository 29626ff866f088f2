-- The dashboard in a real browser: a tree of several agencies and years is
-- checked into review pages; headless Chromium opens index.html sorted by
-- errors (#sort=errors), runs its script, and the DOM it builds must list
-- every report, most errors first, link each to its page and hold the
-- three charts. A screenshot is taken and checked, and left in the build
-- folder.
--   nianbao run tests/browser/dashboard.lua NIANBAO BUILD_DIR
local nbio = require "nianbao.io"
local NB, BUILD = arg[1] or "build/nianbao", arg[2] or "build"
local dir = BUILD .. "/dashboard"
os.execute("rm -rf " .. dir .. " && mkdir -p " .. dir .. "/tree/jiuqu " .. dir .. "/tree/pingtan " .. dir .. "/tree/tanghe")

local passed, failed = 0, 0
local function check(cond, what)
  if cond then passed = passed + 1 else failed = failed + 1; io.stderr:write("FAIL ", what, "\n") end
end
local function copy(from, to, edit)
  local bytes = assert(nbio.readfile(from))
  if edit then bytes = edit(bytes) end
  local f = assert(io.open(dir .. "/tree/" .. to, "wb"))
  f:write(bytes)
  f:close()
end

copy("examples/previous/jiuqu-2023.txt", "jiuqu/2023.txt")
copy("tests/corpus/jiuqu-2024.txt", "jiuqu/2024.txt")
copy("tests/corpus/pingtan-2021.txt", "pingtan/2021.txt")
copy("tests/corpus/pingtan-2022.txt", "pingtan/2022.txt")
copy("examples/broken/t3-balance.txt", "tanghe/2024.txt", function(b) return (b:gsub("九曲街道", "汤河镇")) end)

os.execute(NB .. " check --format html -o " .. dir .. "/out " .. dir .. "/tree >/dev/null 2>&1")
local index = dir .. "/out/index.html"
check(nbio.stat(index) == "file", "index.html was written")

local chrome = "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
            .. "--disable-background-networking --disable-component-update --disable-sync "
            .. "--user-data-dir=" .. dir .. "/profile "
local abs = io.popen("realpath " .. index):read("l")
local dom = io.popen(chrome .. "--dump-dom 'file://" .. abs .. "#sort=errors' 2>/dev/null"):read("a")
check(#dom > 2000, "Chromium rendered the page")

-- the script ran: the table is sorted by errors, most first
check(dom:find('<th data%-col="errors" data%-desc="1" aria%-sort="descending">') ~= nil, "sorted by errors, descending")
local errors, agencies = {}, {}
for agency, n in dom:gmatch('<tr data%-agency="([^"]*)" data%-errors="(%d+)"') do
  errors[#errors + 1] = tonumber(n)
  agencies[#agencies + 1] = agency
end
check(#errors == 5, "five reports listed, got " .. #errors)
local sorted = true
for i = 2, #errors do sorted = sorted and errors[i - 1] >= errors[i] end
check(sorted, "rows in the DOM are most errors first: " .. table.concat(errors, " "))
check(agencies[1] == "河东区汤河镇", "the broken report first, got " .. tostring(agencies[1]))

-- each row links to its review page, which exists
local links = 0
for href in dom:gmatch('<td><a href="([^"]+)">') do
  links = links + 1
  check(nbio.stat(dir .. "/out/" .. href) == "file", "the page " .. href .. " exists")
end
check(links == 5, "five links, got " .. links)

-- the three charts, drawn
for _, id in ipairs { "chart-rules", "chart-outcomes", "chart-dates" } do
  check(dom:find('<figure id="' .. id .. '">', 1, true) ~= nil, "chart " .. id)
end
local _, bars = dom:gsub('<rect class="bar"', "")
check(bars >= 8, "bars drawn: " .. bars)
local _, dots = dom:gsub('<circle class="pub', "")
check(dots == 5, "a dot per publication date: " .. dots)
check(dom:find('id="deadline"', 1, true) ~= nil, "the deadline line")

-- the screenshot: a PNG of the window's size, not blank
local shot = dir .. "/dashboard.png"
os.remove(shot)
os.execute(chrome .. "--window-size=1200,1600 --screenshot=" .. shot .. " 'file://" .. abs .. "#sort=errors' >/dev/null 2>&1")
local png = nbio.readfile(shot) or ""
check(png:sub(1, 8) == "\137PNG\r\n\26\n", "a screenshot was saved to " .. shot)
local function be32(s, i) local a, b, c, d = s:byte(i, i + 3); return ((a or 0) << 24) | ((b or 0) << 16) | ((c or 0) << 8) | (d or 0) end
check(png:sub(13, 16) == "IHDR" and be32(png, 17) == 1200 and be32(png, 21) == 1600,
      "the screenshot is 1200×1600, got " .. be32(png, 17) .. "×" .. be32(png, 21))
-- a blank page compresses to a few KB; charts, text and a table do not
check(#png > 40000, "the screenshot shows a page (" .. #png .. " bytes)")

print(string.format("%d passed, %d failed", passed, failed))
return failed == 0 and 0 or 1
