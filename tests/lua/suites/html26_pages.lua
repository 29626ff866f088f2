-- Pages of web platforms whose report is not where a page's markup usually
-- keeps it: in an <iframe srcdoc>, in an MHTML archive's part, in bytes of
-- GB18030 under a <meta> that says utf-8; the publishing date only in the
-- head's <meta name="PubDate">. tests/fixtures/html26 holds the pages.

local E = nianbao.engine
local DIR = "tests/fixtures/html26/"

local function changed(path, from, to, name)
  local text, n = assert(nbio.readfile(path)):gsub(from, to, 1)
  eq(1, n, "the place changed in " .. path)
  return write(name, text)
end

test("the article in an <iframe srcdoc> is read, its findings at the file's lines", function()
  local R = assert(E:read(DIR .. "z1-kaipu-srcdoc.html"))
  eq(447228, R:cell("t2.permit.decisions").value, "表二 行政许可")
  eq("2025-01-23", R.published, "the page's date, outside the frame")
  local out = sh(NB .. " check --no-color " .. DIR .. "z1-kaipu-srcdoc.html")
  has(out, "z1-kaipu-srcdoc.html:18:1: 警告：临川区司法局无规章制定权", "at the 规章 row's line")
end)

test("a page of GB18030 whose <meta> says utf-8 is read; a UTF-8 page with a bad byte further on is not", function()
  local R = assert(E:read(DIR .. "z5-gb18030-meta.html"))
  eq("东湖县水利局", R.agency)
  -- (the meta true, the bytes UTF-8 but for one: not read as GB18030)
  local text = assert(nbio.readfile("tests/fixtures/html25/y5-div-grid.html"))
  local path = write("html26_bad_byte.html", (text:gsub("东渚街道", "东渚\255街道", 1)))
  has(sh(NB .. " check --no-color " .. path), "文件编码无法识别", "a bad byte after good UTF-8")
end)

test("an MHTML archive's page is read, quoted-printable or base64", function()
  local R = assert(E:read(DIR .. "z7-mhtml.mht"))
  eq(0, R:cell("t3.new.total").state == "number" and 0 or 1, "表三 read")
  eq("2025-01-16", R.published)
  -- the same page as base64 (as some browsers save it)
  local text = assert(nbio.readfile(DIR .. "z7-mhtml.mht"))
  local head, body, tail = text:match("^(.-Content%-Transfer%-Encoding: )quoted%-printable(\r\n.-\r\n\r\n.-)(\r\n%-%-%-%-%-%-Multipart.*)$")
  assert(head, "the page's part")
  local fields, qp = body:match("^(.-\r\n\r\n)(.*)$")
  local page = qp:gsub("=\r?\n", ""):gsub("=(%x%x)", function(h) return string.char(tonumber(h, 16)) end)
  local b64 = assert(io.popen("base64 -w 76 < " .. write("html26_page.html", page))):read("a")
  local path = write("html26_b64.mht", head .. "base64" .. fields .. b64:gsub("\n", "\r\n") .. tail)
  local R2 = assert(E:read(path))
  eq(R:cell("t3.new.total").value, R2:cell("t3.new.total").value, "the same 总计")
end)

test("the publishing date in <meta name=\"PubDate\"> is read where the page prints none; a printed one goes first", function()
  eq("2022-01-20", assert(E:read(DIR .. "z6-saved-whole.html")).published, "PubDate alone")
  local both = changed(DIR .. "z5-gb18030-meta.html", "<title>", '<meta name="PubDate" content="2023-03-01 08:00"><title>',
                       "html26_pubdate_both.html")
  eq("2023-01-19", assert(E:read(both)).published, "发布日期 as printed, not PubDate")
  local late = changed(DIR .. "z6-saved-whole.html", 'content="2022%-01%-20 08:45"', 'content="2022-03-20 08:45"',
                       "html26_pubdate_late.html")
  has(rules_found(late), " gb2021.date.late_dept ", "a 镇人民政府 late (a township: the departments' deadline)")
  -- another meta's date is none
  local other = changed(DIR .. "z6-saved-whole.html", 'name="PubDate"', 'name="ModDate"', "html26_moddate.html")
  eq(nil, assert(E:read(other)).published, "ModDate")
  -- (words of Pu… before it, PubDat cut short among them: the PubDate after them read)
  local decoys = changed(DIR .. "z6-saved-whole.html", "<title>", '<meta name="Publisher" content="PubDat Pu"><title>',
                         "html26_pubdate_decoys.html")
  eq("2022-01-20", assert(E:read(decoys)).published, "PubDate after Publisher and PubDat")
end)
