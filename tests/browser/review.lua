-- The review page in a real browser: headless Chromium loads it, and the
-- DOM it builds must mark exactly the cells of the findings and list the
-- findings with links to them. A screenshot is left in the build folder.
--   nianbao run tests/browser/review.lua NIANBAO BUILD_DIR
local NB, BUILD = arg[1] or "build/nianbao", arg[2] or "build"
local out_dir = BUILD .. "/review"
os.execute("mkdir -p " .. out_dir)

local passed, failed = 0, 0
local function check(cond, what)
  if cond then passed = passed + 1 else failed = failed + 1; io.stderr:write("FAIL ", what, "\n") end
end

local page = out_dir .. "/t3-balance.html"
os.execute(NB .. " check --format html examples/broken/t3-balance.txt -o " .. page .. " >/dev/null")
check(io.open(page) ~= nil, "the review page was written")

local chrome = "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
            .. "--disable-background-networking --disable-component-update --disable-sync "
            .. "--user-data-dir=" .. out_dir .. "/profile "
local abs = io.popen("realpath " .. page):read("l")
local dom = io.popen(chrome .. "--dump-dom file://" .. abs .. " 2>/dev/null"):read("a")
check(#dom > 1000, "Chromium rendered the page")

-- the cells of the two failing columns, and only those, are marked
local marked = {}
for attrs in dom:gmatch("<td([^>]*)>") do
  local id = attrs:match('data%-cell="([^"]+)"')
  if id and attrs:find("bad%-error") then marked[#marked + 1] = id end
end
table.sort(marked)
check(table.concat(marked, " ") == table.concat({ "t3.carried.np", "t3.carried.total", "t3.new.np",
  "t3.new.total", "t3.next.np", "t3.next.total", "t3.result.total.np", "t3.result.total.total" }, " "),
  "marked cells: " .. table.concat(marked, " "))

-- the findings, each linked to its cells
local items = {}
for rule, body in dom:gmatch('<li id="finding%-%d+" data%-rule="([^"]+)"[^>]*>(.-)</li>') do
  items[#items + 1] = { rule = rule, body = body }
end
check(#items == 2, "two findings listed, got " .. #items)
check(items[1] and items[1].rule == "gb2021.t3.balance", "the rule of the first finding")
check(items[1] and items[1].body:find('href="#cell%-t3%.new%.np"') ~= nil, "a link to its first cell")
check(dom:find('<span class="error">错误 2</span>', 1, true) ~= nil, "the summary counts two errors")

local shot = out_dir .. "/t3-balance.png"
os.remove(shot)
os.execute(chrome .. "--window-size=1000,1800 --screenshot=" .. shot .. " file://" .. abs .. " >/dev/null 2>&1")
local f = io.open(shot, "rb")
local png = f and f:read(8)
if f then f:close() end
check(png == "\137PNG\r\n\26\n", "a screenshot was saved to " .. shot)

print(string.format("%d passed, %d failed", passed, failed))
return failed == 0 and 0 or 1
