-- A bare name on a line of the opening may be the site's banner, not the
-- issuer: a report signed at its end (the name, then the date) is the
-- signature's, and its kind (department, government, township) follows
-- the name; a report with no signature keeps the line, as before; a title
-- or an opening sentence that names the issuer is read first, as always.

local E = nianbao.engine
local FIXTURE = "tests/fixtures/issuer/banner-dept-2024.txt"

local function fixture_text()
  local s = assert(nbio.readfile(FIXTURE))
  return s
end

test("a department's report under a portal's banner is the signature's", function()
  local R = assert(E:read(FIXTURE))
  eq("澜州市医疗保障局", R.agency, "the issuer signed at the end, not the banner 澜州市人民政府")
  eq("dept", R.issuer, "a department's kind")
  eq("2025-01-24", R.signature and R.signature.date, "the signature's date")
  local found = rules_found(FIXTURE)
  -- a government's part 1 is asked for its results: the banner made the report a government's
  assert(not found:find(" gb2021.struct.s1_gov_results ", 1, true), "asked as a government's report:" .. found)
  has(found, "gb2021.t2.reg_no_power", "a department's checks ran")
end)

test("with no signature, a bare line of the opening is still the issuer", function()
  local text = fixture_text():gsub("\n澜州市医疗保障局\n2025年1月24日%s*$", "\n")
  local R = assert(E:read(write("issuer_unsigned.txt", text)))
  eq("澜州市人民政府", R.agency, "the opening's only name")
  eq("gov", R.issuer, "its kind")
  eq(nil, R.signature, "no signature")
end)

test("a signature alone names the issuer, and its kind", function()
  local text = fixture_text():gsub("^澜州市人民政府\n", "")
  local R = assert(E:read(write("issuer_signed_only.txt", text)))
  eq("澜州市医疗保障局", R.agency, "the signature's name")
  eq("dept", R.issuer, "the kind of the signature's name, not unknown")
end)

test("a title or an opening sentence that names the issuer is not overruled", function()
  local titled = fixture_text():gsub("\n2024年政府信息公开工作年度报告\n", "\n澜州市医疗保障局2024年政府信息公开工作年度报告\n", 1)
  titled = titled:gsub("\n澜州市医疗保障局\n2025年1月24日", "\n澜州市卫生健康委员会\n2025年1月24日")
  local R = assert(E:read(write("issuer_titled.txt", titled)))
  eq("澜州市医疗保障局", R.agency, "the title's name over the signature's")
  local said = fixture_text():gsub("澜州市医疗保障局编制2024年", "现发布澜州市医疗保障局2024年", 1)
  said = said:gsub("\n澜州市医疗保障局\n2025年1月24日%s*$", "\n")
  R = assert(E:read(write("issuer_said.txt", said)))
  eq("澜州市医疗保障局", R.agency, "the opening's 发布…年度报告 over the banner line")
end)

test("a signature followed by the captions of tables in an appendix is read, and left in place", function()
  local R = assert(E:read("tests/fixtures/issuer/portal-dept-2024.html"))
  eq("澜州市水务局", R.agency, "the signature over the portal's banner and a title naming none")
  eq("dept", R.issuer, "a department's kind")
  eq("2025-01-20", R.written, "the date it was signed")
  local s6 = R:section("s6")
  has(s6.text, "澜州市水务局\n2025年1月20日\n表一", "the signature stays where the captions follow it")
  local found = rules_found("tests/fixtures/issuer/portal-dept-2024.html")
  assert(not found:find(" gb2021.struct.s1_gov_results ", 1, true), "asked as a government's report:" .. found)
  -- no date above the captions: nothing read
  local page = assert(nbio.readfile("tests/fixtures/issuer/portal-dept-2024.html"))
  local unsigned = page:gsub('<p style="text%-align:right">澜州市水务局<br>2025年1月20日</p>', "")
  R = assert(E:read(write("issuer_appendix_unsigned.html", unsigned)))
  eq(nil, R.signature, "no signature")
  eq("澜州市人民政府", R.agency, "the opening's only name, as before")
end)

test("a signature above a scraped page's footer is read, and the footer left in place", function()
  local FOOTED = "tests/fixtures/issuer/footer-town-2024.txt"
  local R = assert(E:read(FOOTED))
  eq("清河区城南街道办事处", R.agency, "the signature above 相关附件, 打印本页, 网站地图, 备案号, not the banner")
  eq("township", R.issuer, "a township's kind")
  eq("2025-01-21", R.signature and R.signature.date, "the signature's date")
  has(R:section("s6").text, "2025年1月21日\n相关附件：无", "the signature stays where the footer follows it")
  local found = rules_found(FOOTED)
  assert(not found:find(" gb2021.struct.s1_gov_results ", 1, true), "asked as a government's report:" .. found)
  -- a sentence after the date is a part's prose, not a footer: nothing is read past it
  local page = assert(nbio.readfile(FOOTED))
  local prosed = page:gsub("相关附件：无\n", "相关附件：无\n以上为本街道年度报告全文。\n", 1)
  R = assert(E:read(write("issuer_footer_prose.txt", prosed)))
  eq(nil, R.signature, "a sentence stops the look")
  eq("澜州市清河区人民政府", R.agency, "the opening's only name, as before")
  -- nor past more lines than a footer has
  local long = page:gsub("相关附件：无\n", "相关附件：无\n" .. string.rep("友情链接\n", 8), 1)
  R = assert(E:read(write("issuer_footer_long.txt", long)))
  eq(nil, R.signature, "too many lines after the date")
end)

test("a signature's date in full-width digits is read", function()
  local wide = fixture_text():gsub("\n2025年1月24日%s*$", "\n２０２５年１月２４日\n")
  local R = assert(E:read(write("issuer_wide_date.txt", wide)))
  eq("2025-01-24", R.signature and R.signature.date, "the date, folded")
  eq("澜州市医疗保障局", R.agency, "the signature's name over the banner")
  R = assert(E:read("tests/fixtures/probe22/p4-numerals.html"))
  eq("2022-01-20", R.written, "a page's signature in full width")
end)
