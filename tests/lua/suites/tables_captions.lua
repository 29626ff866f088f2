-- A caption an appendix prints above a table ("表三　政府信息公开行政复议、
-- 行政诉讼情况", "附表2　收到和处理…") names its part: it is read with the
-- table's text, or with the table before's, and is content of neither. It
-- is not reported as text the format has no place for, and its numeral is
-- no value of the row above it. A stray note inside a table still is.

local E = nianbao.engine

local function unplaced(R)
  local out = {}
  for _, d in ipairs(R.diagnostics) do
    if d.kind == "unplaced" or d.kind == "long" or d.kind == "extra" then
      out[#out + 1] = d.kind .. " " .. tostring(d.table) .. " " .. tostring(d.text)
    end
  end
  return table.concat(out, "\n")
end

test("captions above the tables of an appendix are no table's content", function()
  for _, path in ipairs { "tests/fixtures/shapes/s3-appendix-biaoyi.html",
                          "tests/fixtures/shapes/s3-caption-rows.html",
                          "tests/fixtures/issuer/portal-dept-2024.html" } do
    local R = assert(E:read(path))
    eq("", unplaced(R), path .. ": a caption read as table content")
    eq("351", tostring(R:cell("t4.rv.total").value), path .. ": 表四 read")
  end
end)

test("the numeral of 附表2 is no value of the row above it", function()
  local R = assert(E:read("tests/fixtures/shapes/s3-appendix-fubiao.txt"))
  eq("", unplaced(R), "the caption, or its 2, read as table content")
  eq("9116.36", tostring(R:cell("t2.fee.amount").value), "the fee, alone in its row")
end)

test("a note inside a table that names no part is still reported", function()
  local page = assert(nbio.readfile("tests/fixtures/shapes/s3-caption-rows.html"))
  -- between 表四's header and its values: no caption, and no label of the format
  local noted = page:gsub("<tr><td>72</td>", '<tr><td colspan="15">本表由法制科填报</td></tr>\n<tr><td>72</td>', 1)
  assert(noted ~= page, "the note put in")
  local R = assert(E:read(write("caption_note.html", noted)))
  has(unplaced(R), "本表由法制科填报", "a note is no caption")
  -- nor is a caption of the table past the format's title: still read as a caption
  local captioned = page:gsub("<tr><td>72</td>", '<tr><td colspan="15">表三　政府信息公开行政复议、行政诉讼情况（单位：件）</td></tr>\n<tr><td>72</td>', 1)
  R = assert(E:read(write("caption_again.html", captioned)))
  eq("", unplaced(R), "a caption with its unit, in the table")
end)

test("a page's running header, the report's title again inside a table, is not reported", function()
  local page = assert(nbio.readfile("tests/fixtures/probe22/p2-dept-pages.txt"))
  local title = page:match("^([^\n]+)")
  local headed, n = page:gsub("\f", "\f" .. title .. "\n", 1)
  eq(1, n, "a page break inside 表三")
  local found = rules_found(write("running_header.txt", headed))
  assert(not found:find("parse.unplaced", 1, true), found)
  -- another line there still is
  local noted = page:gsub("\f", "\f" .. "本表由办公室填报\n", 1)
  has(rules_found(write("running_note.txt", noted)), "gb2021.parse.unplaced", "a note is no running header")
end)
