-- A page that calls itself a report but holds none of it: the report linked as a file,
-- or shown as images. One line says so (naming the file where the page does), not six
-- parts and three tables "missing"; a report whose tables alone are images is read as before.

local DIR = "tests/fixtures/elsewhere30/"

local function lines_of(path, ...)
  local out = sh(table.concat({ NB, "check", ... }, " ") .. " " .. DIR .. path)
  local list = {}
  for line in out:gmatch("[^\n]+") do
    if line:find(DIR .. path, 1, true) == 1 then list[#list + 1] = line end
  end
  return list, out
end

test("a page linking its report as a file: one line naming the file, no part said missing", function()
  for path, file in pairs {
    ["e1-attachment-hanweb.html"] = "东江县农业农村局2024年政府信息公开工作年度报告.pdf",
    ["e2-attachment-list.html"] = "西岭镇人民政府2024年政府信息公开工作年度报告.docx",
    ["e5-attachment-w3m.txt"] = "东江县农业农村局2024年政府信息公开工作年度报告.pdf",
  } do
    local list, out = lines_of(path)
    eq(1, #list, path .. ": " .. out)
    has(list[1], "未找到年度报告的正文")
    has(list[1], "“" .. file .. "”")
    has(list[1], "[nianbao.unreadable]")
    has(out, "1 个文件无法读取")
    has(lines_of(path, "--lang en")[1], "the report may be in the file it names, “" .. file .. "”")
  end
end)

test("a page showing its report as images: one line, no file named", function()
  local list, out = lines_of("e3-images.html")
  eq(1, #list, out)
  has(list[1], "未找到任何部分和统计表格（报告可能以附件或图片发布）")
end)

test("a report whose tables alone are images keeps its parts and says each table is not text", function()
  local list, out = lines_of("e4-tables-as-images.txt")
  eq(3, #list, out)
  for _, line in ipairs(list) do has(line, "[gb2021.struct.table_not_text]") end
  eq(nil, out:find("无法读取", 1, true), "read")
end)
