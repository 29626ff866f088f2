-- Consistent reports, made up, for benchmarks and for tests that must find
-- nothing: every table adds up, the text says what the tables say, in three
-- shapes real reports come in, with the noise real ones carry: text scraped
-- from a page with one cell a line (the site's menu and footer around it,
-- full-width indents), a whole CMS page in one of three styles (site chrome,
-- scripts and styles, Word's inline styles on every cell, entities, CR LF),
-- the layout text of a PDF (wrapped prose, page numbers inside tables,
-- columns aligned by spaces).
--   nianbao run tests/tools/genreports.lua OUTDIR COUNT [SHAPES] [SEED]
-- SHAPES: any of txt,html,pdf.txt joined by commas (default all three).
local nianbao = require "nianbao"
local E = nianbao.engine
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

-- The look of report i, from i alone, so the values drawn by `rand` stay
-- those of the reports before and a shape's look does not depend on which
-- other shapes are made.
local function look(i, salt, n)
  local h = (i * 2654435761 + salt * 40503) % 4294967296
  h = ((h ~ (h >> 15)) * 2246822519) % 4294967296
  return (h ~ (h >> 13)) % n
end

local menu = { "首页", "走进本地", "政务公开", "政务服务", "互动交流", "政策文件", "政策解读", "新闻中心", "专题专栏",
               "数据发布", "公示公告", "人事信息", "财政信息", "规划计划", "建议提案办理", "政府信息公开指南",
               "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开", "机构职能", "领导信息",
               "统计信息", "应急管理", "重点领域信息公开", "双随机一公开", "营商环境", "乡村振兴" }

-- the city or county whose site publishes the report
local function site_of(R)
  return R.agency:match("^(.-市)") or R.agency:match("^(.-区)") or R.agency:match("^(.-县)") or R.agency
end

-- site chrome as a page's text shows it: breadcrumbs and menu before the
-- body, and the footer after
local function chrome_text(R, i)
  local head, foot = {}, {}
  local site = site_of(R)
  if look(i, 1, 2) == 0 then
    head[#head + 1] = "当前位置：首页 > 政务公开 > 政府信息公开 > 政府信息公开年报"
    local m = {}
    for k = 1, 12 + look(i, 2, 12) do m[k] = menu[k] end
    head[#head + 1] = table.concat(m, " ")
    head[#head + 1] = string.format("来源：%s　　时间：%s %02d:%02d　　浏览次数：%d", R.agency, R.published,
                                    8 + look(i, 3, 10), look(i, 4, 60), 100 + look(i, 5, 5000))
    head[#head + 1] = "【字体：大 中 小】　　【打印本页】　　【关闭窗口】"
  end
  foot[#foot + 1] = "相关附件：无"
  foot[#foot + 1] = "【我要纠错】　【打印本页】　【关闭窗口】"
  if look(i, 6, 2) == 0 then
    foot[#foot + 1] = "网站地图 | 联系我们 | 使用帮助 | 隐私声明"
    foot[#foot + 1] = string.format("主办单位：%s人民政府办公室　承办单位：%s大数据中心", site, site)
  end
  foot[#foot + 1] = string.format("网站标识码：3700%06d　备案号：某ICP备%08d号　公安机关备案号：37000000%06d",
                                  look(i, 7, 999999), look(i, 8, 99999999), look(i, 9, 999999))
  return head, foot
end

-- one cell a line ending " |", bars for the spans: text scraped from a page,
-- with the site's menu and footer around it, full-width spaces before the
-- paragraphs and, on some pages, cells as a site's table cut them (spaces
-- inside labels)
local two_then_one = "^(" .. utf8.charpattern:rep(2) .. ")(" .. utf8.charpattern .. ")"
local function scraped(R, p, i)
  local lines = {}
  local function put(s) lines[#lines + 1] = s end
  local head, foot = chrome_text(R, i)
  for _, s in ipairs(head) do put(s) end
  local indent = look(i, 10, 3) == 0 and "" or "　　"
  local spaced = look(i, 12, 2) == 0
  put(string.format("索 引 号: | %06d/%d-%05d | 公开目录: | 政府信息公开年报 |", rand(999999), R.year + 1, rand(99999)))
  put(string.format("成文日期: | %s | 发布日期: | %s |", R.published, R.published))
  put(string.format("发布机构: | %s |", R.agency))
  put(string.format("%s%d年政府信息公开工作年度报告", R.agency, R.year))
  put(indent .. p.s0)
  for _, part in ipairs(F.parts) do
    put(indent .. part.heading)
    if p[part.id] ~= "" then put(indent .. p[part.id]) end
    if part.table then
      for _, row in ipairs(require("grid").table(R, part.table)) do
        local n = 0
        for _, c in ipairs(row) do
          local t = (c.text or ""):gsub("|", "")
          if spaced and not c.id and look(i, 11 + n, 4) == 0 then t = t:gsub(two_then_one, "%1 %2") end
          put(t .. " |")
          n = n + c.colspan
        end
        if n < F.table_by_id[part.table].width then put(string.rep("|", F.table_by_id[part.table].width - n)) end
      end
    end
  end
  put(R.agency)
  put(string.format("%d年%d月%d日", R.published:match("^(%d+)-(%d+)-(%d+)")))
  for _, s in ipairs(foot) do put(s) end
  return table.concat(lines, "\n") .. "\n"
end

-- the columns a line takes: a CJK character two
local function shown(s)
  local w = 0
  for _, c in utf8.codes(s) do w = w + (c < 128 and 1 or 2) end
  return w
end

local closing = {}
for _, c in utf8.codes("，、。；：！？）》”〕") do closing[c] = true end
-- the layout text of a PDF: prose wrapped at the page's width, a row a
-- line and cells apart by runs of spaces, a blank line between rows, and
-- the page's number at its foot every so many lines, tables or not
local function layout(R, p, i)
  local width = 60 + 2 * look(i, 20, 4)       -- columns: a CJK character takes two
  local per_page = 40 + look(i, 21, 8)
  local label_width = 44 + 2 * look(i, 22, 6)
  local lines, page = {}, 1
  local function put(s)
    lines[#lines + 1] = s
    if #lines % per_page == 0 then
      lines[#lines + 1] = ""
      lines[#lines + 1] = string.format("%s-%d-", string.rep(" ", width // 2), page)
      page = page + 1
    end
  end
  -- a paragraph as the PDF's lines: its first line indented, each as many
  -- characters as fit, no line starting with a closing mark (as Word sets
  -- Chinese)
  local function para(s, indent)
    local chars = {}
    for _, c in utf8.codes(s) do chars[#chars + 1] = c end
    local at, lead = 1, indent
    while at <= #chars do
      local w, stop = #lead, at
      while stop <= #chars do
        local cw = chars[stop] < 128 and 1 or 2
        if w + cw > width then break end
        w, stop = w + cw, stop + 1
      end
      local cut = stop - 1
      while cut < #chars and cut > at and closing[chars[cut + 1]] do cut = cut - 1 end
      put(lead .. utf8.char(table.unpack(chars, at, cut)))
      at, lead = cut + 1, ""
    end
  end
  -- the title on two lines, the issuer's name first
  put(string.rep(" ", 12) .. R.agency)
  put(string.format("%s%d年政府信息公开工作年度报告", string.rep(" ", 5), R.year))
  put("")
  put("")
  para(p.s0, "   ")
  for _, part in ipairs(F.parts) do
    put("   " .. part.heading)
    if p[part.id] ~= "" then para(p[part.id], "   ") end
    if part.table then
      put("")
      for _, row in ipairs(require("grid").table(R, part.table)) do
        local labels, nums = {}, {}
        for _, c in ipairs(row) do
          local t = c.text or ""
          if c.id then nums[#nums + 1] = string.format("%9s", t)
          elseif t ~= "" then labels[#labels + 1] = t end
        end
        local head, rest = "   " .. table.concat(labels, "      "), nil
        if #nums > 0 and shown(head) > label_width - 2 then
          -- a label too long for its column goes on below the row's numbers
          local cut = 0
          for pos, c in utf8.codes(head) do
            if shown(head:sub(1, pos - 1)) + (c < 128 and 1 or 2) > label_width - 4 then cut = pos; break end
          end
          head, rest = head:sub(1, cut - 1), head:sub(cut)
        end
        if #nums > 0 then head = head .. string.rep(" ", math.max(2, label_width - shown(head))) end
        put(head .. table.concat(nums))
        if rest then put("      " .. rest) end
        put("")
      end
    end
    put("")
  end
  put(string.format("%60s", R.agency))
  put(string.format("%60s", string.format("%d年%d月%d日", R.published:match("^(%d+)-(%d+)-(%d+)"))))
  return table.concat(lines, "\n") .. "\n"
end
-- CMS pages: the article in a site's page (head with its scripts and
-- styles, menu, breadcrumbs, the catalogue's table of the document, the
-- footer), in three styles of pages agencies publish: Word pasted into a
-- TRS editor (inline mso-* styles on every cell, CR LF), an older portal
-- (upper-case tags, unquoted attributes, <font>, <p> left open, entities),
-- and a WPS fragment (spans in spans, &nbsp; padding, single quotes)
local site_css = [[
*{margin:0;padding:0}body{font:12px/1.5 "Microsoft YaHei",SimSun,Arial;color:#333;background:#f3f3f3}
a{color:#333;text-decoration:none}a:hover{color:#c00}.w1200{width:1200px;margin:0 auto}
.header{height:160px;background:url(/images/head_bg.jpg) no-repeat center top}.logo{float:left;margin-top:30px}
.search{float:right;margin-top:60px}.search input.txt{width:220px;height:30px;border:1px solid #ccc;padding:0 8px}
.nav{height:46px;background:#1a5fb4}.nav li{float:left;width:120px;text-align:center;line-height:46px}
.nav li a{color:#fff;font-size:16px;display:block}.nav li.on a,.nav li a:hover{background:#0d4a99}
.position{height:40px;line-height:40px;border-bottom:1px solid #ddd}.position a{color:#666}
.xxgk_table{width:100%;border-collapse:collapse;margin:15px 0;background:#f9f9f9}
.xxgk_table td{border:1px solid #e5e5e5;padding:6px 10px;line-height:22px}.xxgk_table td.t1{width:90px;font-weight:bold}
.article h1{font-size:24px;text-align:center;color:#1a5fb4;line-height:40px;padding:20px 0 10px}
.article .info{text-align:center;color:#999;border-bottom:1px dashed #ccc;padding-bottom:10px}
.article .content{font-size:16px;line-height:2;padding:20px 40px}.article .content p{text-indent:2em;margin:8px 0}
.article .content table{margin:0 auto}.share{text-align:right;padding:10px 40px}
.footer{background:#1a5fb4;color:#fff;padding:20px 0;text-align:center;line-height:26px}.footer a{color:#fff}
]]

local site_js = [[
var _hmt = _hmt || [];
(function() { var hm = document.createElement("script"); hm.src = "https://hm.example.cn/hm.js?3f1c2a";
  var s = document.getElementsByTagName("script")[0]; s.parentNode.insertBefore(hm, s); })();
function doZoom(size) { var el = document.getElementById("zoom"); if (el && size > 0 && size < 40) { el.style.fontSize = size + "px"; } }
function printPage() { var w = window.open("", "_blank");
  if (w != null && w.document) { w.document.write("<html><body>" + document.getElementById("zoom").innerHTML + "</body></html>");
    w.print(); } }
]]

local function esc(s) return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;")) end

local function cms(R, p, i)
  local style = look(i, 30, 3)
  local site = site_of(R)
  local title = string.format("%s%d年政府信息公开工作年度报告", R.agency, R.year)
  local out = {}
  local function put(s) out[#out + 1] = s end
  -- text as the style writes it: the old portal spells quotes and dashes
  -- as entities
  local function txt(s)
    s = esc(s)
    if style == 1 then s = s:gsub("“", "&ldquo;"):gsub("”", "&rdquo;"):gsub("—", "&mdash;") end
    return s
  end

  -- the site's page around the article
  if style == 1 then
    put('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">')
    put('<HTML><HEAD><META http-equiv=Content-Type content="text/html; charset=utf-8">')
  else
    put('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')
    put('<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />')
  end
  put(string.format('<title>%s_%s人民政府</title>', title, site))
  put(string.format('<meta name="SiteName" content="%s人民政府"><meta name="ArticleTitle" content="%s">', site, title))
  put(string.format('<meta name="PubDate" content="%s %02d:%02d"><meta name="ContentSource" content="%s">',
                    R.published, 8 + look(i, 31, 10), look(i, 32, 60), R.agency))
  put('<link rel="stylesheet" type="text/css" href="/css/common.css"><link rel="stylesheet" href="/css/xxgk.css?v=' .. look(i, 33, 9999) .. '">')
  put('<style type="text/css">\n' .. site_css .. '</style>')
  put('<script type="text/javascript" src="/js/jquery-1.12.4.min.js"></script>')
  put('<script type="text/javascript">\n' .. site_js .. '</script>')
  put(style == 1 and '</HEAD><BODY>' or '</head><body>')
  put('<!-- 头部开始 -->')
  put(string.format('<div class="header"><div class="w1200"><div class="logo"><a href="/"><img src="/images/logo.png" '
                    .. 'alt="%s人民政府" /></a></div>', site))
  put('<div class="search"><form action="/search/" method=get target=_blank><input class=txt type=text name=searchword '
      .. 'value="请输入关键字" onfocus="if(this.value==\'请输入关键字\')this.value=\'\';" /><input type="submit" value="搜索" />'
      .. '</form></div></div></div>')
  put('<div class="nav"><ul class="w1200">')
  for k, m in ipairs(menu) do
    put(string.format('<li%s><a href="/%s/" target="_blank" title="%s">%s</a></li>', k == 3 and ' class="on"' or "",
                      string.format("col%02d", k), m, m))
  end
  put('</ul></div>')
  put('<!-- 头部结束 -->')
  put('<div class="w1200 article"><div class="position">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zwgk/">政务公开</a>'
      .. '&nbsp;&gt;&nbsp;<a href="/zwgk/xxgk/">政府信息公开</a>&nbsp;&gt;&nbsp;<a href="/zwgk/xxgk/nb/">政府信息公开年报</a></div>')
  put('<table class="xxgk_table"><tr><td class="t1">索&nbsp;引&nbsp;号：</td><td>'
      .. string.format("%06d/%d-%05d", look(i, 34, 999999), R.year + 1, look(i, 35, 99999))
      .. '</td><td class="t1">公开目录：</td><td>政府信息公开年报</td></tr>')
  put(string.format('<tr><td class="t1">发布机构：</td><td>%s</td><td class="t1">成文日期：</td><td>%s</td></tr>', R.agency, R.published))
  put(string.format('<tr><td class="t1">发布日期：</td><td>%s</td><td class="t1">有&nbsp;效&nbsp;性：</td><td>有效</td></tr></table>', R.published))
  put(string.format('<h1>%s</h1>', title))
  put(string.format('<div class="info">发布时间：%s&nbsp;&nbsp;来源：%s&nbsp;&nbsp;【字体：<a href="javascript:doZoom(18)">大</a> '
                    .. '<a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>', R.published, R.agency))
  put('<!-- 正文开始 -->')

  -- the article
  local function para(s, heading)
    if style == 0 then
      put(string.format("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'>"
                        .. "%s<span style='font-size:16.0pt;font-family:%s;mso-hansi-font-family:宋体;mso-bidi-font-family:宋体'>%s"
                        .. "<span lang=EN-US><o:p></o:p></span></span>%s</p>",
                        heading and "<b>" or "", heading and "黑体" or "仿宋_GB2312", txt(s), heading and "</b>" or ""))
    elseif style == 1 then
      put(string.format('<P style="TEXT-INDENT: 2em; LINE-HEIGHT: 200%%"><FONT face=%s size=4>%s</FONT>', heading and "黑体" or "仿宋_GB2312",
                        heading and ("<STRONG>" .. txt(s) .. "</STRONG>") or txt(s)))
    else
      put(string.format('<p><span style="font-size: 16px;"><span style="white-space:pre">\t</span>%s</span></p>', txt(s)))
    end
  end
  local function cell(c, width)
    local t = c.text or ""
    local span = (c.colspan > 1 and string.format(style == 1 and " colSpan=%d" or ' colspan="%d"', c.colspan) or "")
                 .. (c.rowspan > 1 and string.format(style == 1 and " rowSpan=%d" or ' rowspan="%d"', c.rowspan) or "")
    local w = width * c.colspan
    if style == 0 then
      return string.format("<td width=%d%s valign=center style='width:%.1fpt;border:solid windowtext 1.0pt;border-top:none;"
                           .. "mso-border-alt:solid windowtext .5pt'><p class=MsoNormal align=center style='text-align:center'>"
                           .. "<span style='font-family:宋体'>%s<o:p></o:p></span></p></td>",
                           w, span, w * 0.75, t == "" and "&nbsp;" or txt(t))
    elseif style == 1 then
      -- a long label broken where the page's editor broke it
      t = txt(t):gsub("^(（二）部分公开)（", "%1<BR>（")
      return string.format('<TD style="BORDER-BOTTOM: #000000 1px solid; BORDER-LEFT: #000000 1px solid" width=%d%s align=center>'
                           .. '<FONT size=2 face=宋体>%s</FONT></TD>', w, span, t == "" and "&nbsp;" or t)
    else
      return string.format('<td width="%d" valign="center"%s style="width:%.4fpt;border-left:1.0000pt solid windowtext;'
                           .. 'border-right:1.0000pt solid windowtext;border-bottom:1.0000pt solid windowtext;"><p class="p">'
                           .. '<span style="font-family: 仿宋_GB2312; font-size: 12pt;">%s</span><span>&nbsp;</span></p></td>',
                           w, span, w * 0.75, txt(t))
    end
  end
  local function grid(tid)
    local T = F.table_by_id[tid]
    local width = 600 // T.width
    if style == 0 then
      put("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=605 style='width:453.6pt;border-collapse:collapse;"
          .. "border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>")
    elseif style == 1 then
      put('<TABLE style="BORDER-COLLAPSE: collapse" border=1 cellSpacing=0 cellPadding=0 width="100%">')
      put('<TBODY>')
    else
      put('<table class="MsoNormalTable" border="1" cellspacing="0" style="border-collapse:collapse;width:434.9500pt;border:none;'
          .. 'mso-padding-alt:0.0000pt 0.0000pt 0.0000pt 0.0000pt ;"><tbody>')
    end
    for r, row in ipairs(require("grid").table(R, tid)) do
      local cells = {}
      for k, c in ipairs(row) do cells[k] = cell(c, width) end
      if style == 0 then
        put(string.format("<tr style='mso-yfti-irow:%d;height:20.25pt'>", r - 1) .. table.concat(cells, "\r\n") .. "</tr>")
      elseif style == 1 then
        put("<TR>" .. table.concat(cells) .. "</TR>")
      else
        put('<tr style="height:28.9500pt;">' .. table.concat(cells) .. "</tr>")
      end
    end
    put(style == 1 and "</TBODY></TABLE>" or (style == 0 and "</table>" or "</tbody></table>"))
  end
  put(style == 1 and '<DIV id=zoom class=content>' or (style == 0 and '<div class="content" id="zoom"><div class=WordSection1>'
      or '<div class="content" id="zoom"><div class=TRS_Editor>'))
  para(p.s0)
  for _, part in ipairs(F.parts) do
    para(part.heading, true)
    if p[part.id] ~= "" then para(p[part.id]) end
    if part.table then grid(part.table) end
  end
  local y, m, d = R.published:match("^(%d+)-(%d+)-(%d+)")
  if style == 1 then
    put(string.format('<P align=right><FONT face=仿宋_GB2312 size=4>%s<BR>%d年%d月%d日</FONT>', R.agency, y, m, d))
    put('</DIV>')
  else
    put(string.format('<p style="text-align:right">%s</p><p style="text-align:right">%d年%d月%d日</p>', R.agency, y, m, d))
    put('</div></div>')
  end
  put('<!-- 正文结束 -->')
  put('<div class="share">【<a href="javascript:printPage()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div></div>')
  put('<div class="footer"><div class="w1200"><p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | '
      .. '<a href="/sybz/">使用帮助</a> | <a href="/yssm/">隐私声明</a></p>')
  put(string.format('<p>主办单位：%s人民政府办公室&nbsp;&nbsp;承办单位：%s大数据中心&nbsp;&nbsp;版权所有&nbsp;&copy;&nbsp;%s人民政府</p>',
                    site, site, site))
  put(string.format('<p>网站标识码：37%08d&nbsp;&nbsp;备案号：某ICP备%08d号</p></div></div>', look(i, 36, 99999999), look(i, 37, 99999999)))
  put('<script type="text/javascript">document.write(unescape("%3Cspan id=\'_ideConac\' %3E%3C/span%3E"));</script>')
  put(style == 1 and '</BODY></HTML>' or '</body></html>')
  return table.concat(out, style == 1 and "\n" or "\r\n") .. (style == 1 and "\n" or "\r\n")
end

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
    if shape == "html" then text = cms(R, p, i)
    elseif shape == "txt" then text = scraped(R, p, i)
    else text = layout(R, p, i) end
    local o = assert(io.open(string.format("%s/%05d.%s", out, i, shape), "wb"))
    o:write(text)
    o:close()
  end
end
print(string.format("%d reports × %d shapes in %s", count, #shapes, out))
