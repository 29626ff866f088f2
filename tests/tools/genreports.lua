-- Consistent reports, made up, for benchmarks and for tests that must find
-- nothing: every table adds up, the text says what the tables say, in three
-- shapes real reports come in (text scraped from a page with one cell a
-- line, a CMS page in the official grid, the layout text of a PDF).
--   nianbao run tests/tools/genreports.lua OUTDIR COUNT [SHAPES] [SEED]
-- SHAPES: any of txt,html,pdf.txt joined by commas (default all three).
local nianbao = require "nianbao"
local E = nianbao.engine
local write = require "pipeline.write"
local authoring = require "authoring"

local out, count = arg[1], math.tointeger(tonumber(arg[2] or "10"))
local shapes = {}
for s in (arg[3] or "txt,html,pdf.txt"):gmatch("[^,]+") do shapes[#shapes + 1] = s end
local seed = math.tointeger(tonumber(arg[4] or "20261201"))
assert(out and count, "usage: genreports.lua OUTDIR COUNT [SHAPES] [SEED]")
os.execute("mkdir -p '" .. out:gsub("'", "'\\''") .. "'")

-- a small generator of its own, so a seed gives the same reports everywhere
local state = seed
local function rand(n)
  state = (state * 1103515245 + 12345) % 2147483648
  return state % n
end
local function pick(list) return list[rand(#list) + 1] end

local places = { "清源市", "澜州市", "桐溪区", "梅岭县", "青石县", "云溪区", "宁川市", "雁西县", "北塘区", "南浦市",
                 "东岚县", "凤栖区", "白沙县", "临江市", "安平县" }
local depts = { "统计局", "教育局", "财政局", "市场监督管理局", "自然资源局", "卫生健康委员会", "交通运输局",
                "生态环境局", "人力资源和社会保障局", "水利局", "司法局", "住房和城乡建设局" }
local towns = { "城关镇", "新华街道", "石桥镇", "东风街道", "柳林乡" }

local P = E:pack(E.base)
local F = P.format
local T3 = F.table_by_id.t3

-- the values of one report: every identity holds
local function values()
  local v = {}
  local parties = { "np", "biz", "research", "ngo", "legal", "other" }
  local function row(path, gen)
    local total = 0
    for _, c in ipairs(parties) do
      local x = gen(c)
      v[path .. "." .. c] = x
      total = total + x
    end
    v[path .. ".total"] = total
  end
  local scale = pick { 3, 10, 40, 200 }
  local function some(c) return c == "np" and rand(scale) or (rand(4) == 0 and rand(3) or 0) end
  row("t3.new", some)
  row("t3.carried", function(c) return c == "np" and rand(3) or 0 end)
  -- outcomes: each column's new + carried shared out over the leaves and next year
  local leaves = {}
  for _, r in ipairs(T3.rows) do
    if r.id:match("^result%.") and r.id ~= "result.total" then leaves[#leaves + 1] = r.path end
  end
  for _, c in ipairs(parties) do
    local left = v["t3.new." .. c] + v["t3.carried." .. c]
    local nxt = left > 0 and rand(math.min(left, 3) + 1) or 0
    left = left - nxt
    v["t3.next." .. c] = nxt
    for _, p in ipairs(leaves) do v[p .. "." .. c] = 0 end
    while left > 0 do
      local p = rand(3) > 0 and leaves[1 + rand(2)] or pick(leaves)
      local k = math.min(left, 1 + rand(3))
      v[p .. "." .. c] = v[p .. "." .. c] + k
      left = left - k
    end
  end
  for _, p in ipairs(leaves) do
    local t = 0
    for _, c in ipairs(parties) do t = t + v[p .. "." .. c] end
    v[p .. ".total"] = t
  end
  for _, c in ipairs { "np", "biz", "research", "ngo", "legal", "other", "total" } do
    local t = 0
    for _, p in ipairs(leaves) do t = t + v[p .. "." .. c] end
    v["t3.result.total." .. c] = t
    if c == "total" then
      v["t3.next.total"] = 0
      for _, q in ipairs(parties) do v["t3.next.total"] = v["t3.next.total"] + v["t3.next." .. q] end
    end
  end
  for _, r in ipairs { "reg", "nrm" } do
    local made, rep = rand(r == "reg" and 1 or 6), rand(3)
    v["t2." .. r .. ".made"], v["t2." .. r .. ".repealed"] = made, rep
    v["t2." .. r .. ".valid"] = made + rep + rand(40)
  end
  v["t2.reg.made"], v["t2.reg.repealed"], v["t2.reg.valid"] = 0, 0, 0   -- a department makes no 规章
  v["t2.permit.decisions"], v["t2.penalty.decisions"], v["t2.coercion.decisions"] = rand(500), rand(80), rand(5)
  v["t2.fee.amount"] = 0
  for _, g in ipairs { "rv", "ld", "la" } do
    local t = 0
    for _, c in ipairs { "upheld", "corrected", "other", "pending" } do
      local x = rand(5) == 0 and rand(3) or 0
      v["t4." .. g .. "." .. c] = x
      t = t + x
    end
    v["t4." .. g .. ".total"] = t
  end
  return v
end

-- the prose: what it says of the tables is what they say
local function prose(agency, year, v)
  return {
    s0 = string.format("根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号要求，编制%s%d年政府信息公开工作年度报告。"
                       .. "本报告中所列数据统计期限从%d年1月1日到12月31日止。如对本报告有疑问，请与%s办公室联系（电话：0531-86%06d）。",
                       agency, year, year, agency, rand(999999)),
    s1 = string.format("%d年，%s认真贯彻《条例》，推进主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障各项工作。"
                       .. "全年通过门户网站和政务新媒体主动公开政府信息%d条。全年收到政府信息公开申请%d件，上年结转%d件，"
                       .. "均在法定期限内办理。加强政府信息管理，规范公开属性认定，持续做好政务公开专栏维护，"
                       .. "将政务公开纳入年度考核，开展业务培训%d次。",
                       year, agency, 200 + rand(3000), v["t3.new.total"], v["t3.carried.total"], 1 + rand(4)),
    s2 = "",
    s3 = "",
    s4 = "",
    s5 = "一是政策解读形式较为单一，图解、音视频等解读方式运用不多；二是部分栏目更新不够及时，个别信息发布后未同步到专栏；"
         .. "三是基层工作人员业务能力有待提高。下一步将丰富解读形式，建立栏目定期巡查机制，加强业务培训，不断提升政务公开工作质效。",
    s6 = "本年度未收取信息处理费。认真落实上级年度政务公开工作要点，及时公开人大代表建议和政协提案办理结果，推进政务公开工作创新。",
  }
end

-- one cell a line ending " |", bars for the spans: text scraped from a page
local function scraped(R, p)
  local lines = {}
  local function put(s) lines[#lines + 1] = s end
  put(string.format("索 引 号: | %06d/%d-%05d | 公开目录: | 政府信息公开年报 |", rand(999999), R.year + 1, rand(99999)))
  put(string.format("成文日期: | %s | 发布日期: | %s |", R.published, R.published))
  put(string.format("发布机构: | %s |", R.agency))
  put(string.format("%s%d年政府信息公开工作年度报告", R.agency, R.year))
  put(p.s0)
  for _, part in ipairs(F.parts) do
    put(part.heading)
    if p[part.id] ~= "" then put(p[part.id]) end
    if part.table then
      for _, row in ipairs(require("grid").table(R, part.table)) do
        local n = 0
        for _, c in ipairs(row) do
          put(((c.text or ""):gsub("|", "")) .. " |")
          n = n + c.colspan
        end
        if n < F.table_by_id[part.table].width then put(string.rep("|", F.table_by_id[part.table].width - n)) end
      end
    end
  end
  return table.concat(lines, "\n") .. "\n"
end

-- the layout text of a PDF: a row a line, cells apart by runs of spaces
local function layout(R, p)
  local lines = { string.format("            %s%d年政府信息公开工作年度报告", R.agency, R.year), "", p.s0, "" }
  for _, part in ipairs(F.parts) do
    lines[#lines + 1] = part.heading
    if p[part.id] ~= "" then lines[#lines + 1] = p[part.id] end
    if part.table then
      for _, row in ipairs(require("grid").table(R, part.table)) do
        local cells = {}
        for _, c in ipairs(row) do
          local t = c.text or ""
          if t ~= "" then cells[#cells + 1] = t end
        end
        lines[#lines + 1] = "   " .. table.concat(cells, "      ")
      end
    end
    lines[#lines + 1] = ""
  end
  lines[#lines + 1] = string.format("%60s", R.agency)
  return table.concat(lines, "\n") .. "\n"
end

local W = write.load(E.home, "html", F)
for i = 1, count do
  local kind = rand(3)
  local place = pick(places)
  local agency = kind == 0 and (place .. pick(towns)) or (place .. pick(depts))
  local year = 2021 + rand(5)
  local v = values()
  local yaml = authoring.new(F, year, agency, kind == 0 and "township" or "dept")
  local p = prose(agency, year, v)
  local filled = {}
  for id, x in pairs(v) do filled[id] = x end
  yaml = authoring.put(yaml, filled)
  local published = string.format("%d-01-%02d", year + 1, 10 + rand(20))
  yaml = yaml:gsub("published: ~", "published: " .. published):gsub("written: ~", "written: " .. published)
  for sid, text in pairs(p) do
    yaml = yaml:gsub("(\n  " .. sid .. ": |%-[^\n]*\n)    [^\n]*", function(head) return head .. "    " .. text end)
  end
  local src = string.format("%s/.gen-%d.yaml", out, i)
  local f = assert(io.open(src, "wb")); f:write(yaml); f:close()
  local R = assert(E:read(src))
  os.remove(src)
  for _, shape in ipairs(shapes) do
    local text
    if shape == "html" then text = assert(write.run(W, {}, R, { mode = "render", lang = "zh", status = "checked" }, E.limits))
    elseif shape == "txt" then text = scraped(R, p)
    else text = layout(R, p) end
    local o = assert(io.open(string.format("%s/%05d.%s", out, i, shape), "wb"))
    o:write(text)
    o:close()
  end
end
print(string.format("%d reports × %d shapes in %s", count, #shapes, out))
