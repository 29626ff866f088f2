-- Reports as people keep and pass them on: an article a script's pager
-- shows a page at a time, a note whose tables are Markdown never drawn, a
-- print page whose fields share a line. tests/fixtures/html27 holds them.

local E = nianbao.engine
local DIR = "tests/fixtures/html27/"

local function changed(path, from, to, name)
  local text, n = assert(nbio.readfile(path)):gsub(from, to, 1)
  eq(1, n, "the place changed in " .. path)
  return write(name, text)
end

test("a later page a script's pager hides is the article's own; a hidden draft is still left out", function()
  local R = assert(E:read(DIR .. "h8-pager.html"))
  eq(6, R:cell("t3.result.deny.enforce.np").value, "表三 after the cut, on the hidden page")
  eq(12, R:cell("t4.ld.upheld").value, "表四, on the hidden page")
  eq("", sh(NB .. " check --no-color " .. DIR .. "h8-pager.html"):match("struct%.[%w_]*missing") or "", "nothing missing")
  -- a hidden part of no pager (its id no later page of a shown one) is a draft: left out as before
  local draft = changed(DIR .. "h8-pager.html", 'id="page_2"', 'id="draft_copy"', "html27_pager_draft.html")
  eq(nil, assert(E:read(draft)):cell("t4.ld.upheld").value, "a hidden draft's 表四")
  -- nor is a hidden page read beside no shown page of its pager
  local alone = changed(DIR .. "h8-pager.html", 'id="page_1"', 'id="intro"', "html27_pager_alone.html")
  eq(nil, assert(E:read(alone)):cell("t4.ld.upheld").value, "page_2 with no page_1 shown")
end)

test("a Markdown table never drawn, a row a paragraph, is read as a table", function()
  local R = assert(E:read(DIR .. "h9-note-markdown.html"))
  eq(698, R:cell("t2.nrm.valid").value, "表二 行政规范性文件 现行有效")
  eq(10690, R:cell("t2.permit.decisions").value, "a row of one value, padded with empty cells")
  eq(75, R:cell("t3.result.total.total").value, "表三 （七）总计")
  -- rows of bars with no alignment row under the first are no table of Markdown
  local bare = changed(DIR .. "h9-note-markdown.html", "\n<div[^>]*>| %-%-%- | %-%-%- | %-%-%- | %-%-%- |</div>", "",
                       "html27_md_bare.html")
  has(rules_found(bare), " gb2021.struct.table_missing ", "表二 not read as a table")
end)

test("a date field after another field on one line is read, the other's value cut before it", function()
  eq("2023-01-29", assert(E:read(DIR .. "h7-print-pre.html")).published, "发布机构：…　发布日期：…")
  local run_on = changed(DIR .. "h7-print-pre.html", "东溪县财政局　发布日期：2023%-01%-29", "东溪县财政局发布日期：2023-03-29",
                         "html27_run_on.html")
  local R = assert(E:read(run_on))
  eq("2023-03-29", R.published, "发布机构：…发布日期：… with no gap")
  eq("东溪县财政局", R.meta.publisher and R.meta.publisher.text, "the publisher up to the date's key")
  has(rules_found(run_on), " gb2021.date.late_dept ", "published after the deadline")
  -- a field's value holding a colon of its own names no date
  local timed = changed(DIR .. "h7-print-pre.html", "发布机构：东溪县财政局　发布日期：2023%-01%-29",
                        "发布日期：2023-01-29 10:30:00", "html27_timed.html")
  eq("2023-01-29", assert(E:read(timed)).published, "a time after the date")
end)
