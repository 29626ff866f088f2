-- A page of a PDF's words in their boxes (pdftotext -bbox) through
-- Chromium's innerText, turndown, node-html-markdown or html-to-text: the
-- words of a table run into one line, a row's label (（一）予以公开) with no
-- values after it, the header's words and the next item's label (1.属于国家
-- 秘密) in the same text, that item's values after them. The values are the
-- last label's row's; the first row is printed bare, its cells unknown.

local DIR = "tests/fixtures/extract31/"

local function cell(R, id) local c = R.c:get(id); return c.state .. ":" .. tostring(c.value) end

test("extract31: an item's label run on after a bare row's takes the values after it", function()
  for _, name in ipairs { "e1-innertext-item-after-bare-row.txt", "e2-turndown-item-after-bare-row.txt",
                          "e3-nhm-item-after-bare-row.md" } do
    local path = DIR .. name
    local R = assert(nianbao.read(path))
    for _, col in ipairs { "np", "ngo", "other", "total" } do
      eq("unknown", R.c:state("t3.result.public." .. col), name .. ": 予以公开 printed bare, " .. col)
      eq("number:0", cell(R, "t3.result.deny.secret." .. col), name .. ": 属于国家秘密's values, " .. col)
    end
    local found = rules_found(path)
    assert(not found:find("row_missing", 1, true), name .. ": no row missing: " .. found)
    assert(not found:find("txt.", 1, true), name .. ": no claim against a row not read: " .. found)
  end
end)

test("extract31: after the group labels of a wrapped header, the item's row holds its values", function()
  local path = DIR .. "e4-h2t-wrapped-item-after-groups.txt"
  local R = assert(nianbao.read(path))
  eq("unknown", R.c:state("t3.result.public.np"), "予以公开 printed bare")
  eq("number:0", cell(R, "t3.result.deny.secret.total"), "属于国家秘密")
  assert(not rules_found(path):find("txt.result", 1, true), "no claim against a row not read")
end)

test("extract31: a row's own values before the next item's label are still its own", function()
  local text = assert(nbio.readfile(DIR .. "e1-innertext-item-after-bare-row.txt"))
  local label = "（一）予以公开 总 商业 科研 社会公 法律服 其 计 企业 机构 益组织 务机构 他 1.属于国家秘密"
  local at = assert(text:find(label, 1, true), "the fixture's line")
  local own = text:sub(1, at - 1) .. "（一）予以公开 27 0 0 2 0 1 30 1.属于国家秘密" .. text:sub(at + #label)
  local R = assert(nianbao.read(write("e1_own.txt", own)))
  eq("number:27", cell(R, "t3.result.public.np"), "the row's own")
  eq("number:30", cell(R, "t3.result.public.total"), "the row's own")
  eq("number:0", cell(R, "t3.result.deny.secret.np"), "the item's")
  -- a row's label with a word of no row after it: the values stay the row's
  local plain = text:sub(1, at - 1) .. "（一）予以公开 合计 27 0 0 2 0 1 30 1.属于国家秘密" .. text:sub(at + #label)
  local R2 = assert(nianbao.read(write("e1_plain.txt", plain)))
  eq("number:27", cell(R2, "t3.result.public.np"), "no item after the row's label")
end)
