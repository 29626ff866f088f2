-- Parts 二、三、四 each carry one of the three tables.
id       = "gb2021.struct.table_missing"
severity = "error"
message  = { zh = "第{n}部分缺少统计表格（{table}）", en = "part {n} has no table ({table_en})" }
rationale = {
  zh = "第二、三、四部分要用统一格式的表格报告数据。",
  en = "Parts 2, 3 and 4 report their figures in the format's tables.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }
-- (the same as struct.table_not_text's: a part it speaks of is none of this rule's)
params   = { pointer = 60, words = { "下表", "附件", "附表", "图片", "见表", "见图", "附图", "下图" } }

-- Nothing, or a short text with no number that points to the table (a
-- number right after a word that points numbers the picture or the
-- attachment, 详见图1, 见附件2: no count).
local function points_away(text)
  if text:match("^%s*$") then return true end
  -- (a text of more bytes than the most characters' has more characters)
  if #text > 4 * params.pointer or (utf8.len(text) or params.pointer + 1) > params.pointer then return false end
  if text:find("%d") then
    for _, w in ipairs(params.words) do
      text = text:gsub(w:gsub("%p", "%%%0") .. "%d+", w)
    end
    if text:find("%d") then return false end
  end
  for _, w in ipairs(params.words) do
    if text:find(w, 1, true) then return true end
  end
  return false
end

-- The format's parts, read once: read through its view they cost more,
-- field by field, than the rest of the check.
local parts = {}
for i, p in ipairs(format.parts) do parts[i] = { id = p.id, table = p.table, n = p.n } end

function check(report, emit)
  if report.format == "legacy" then return end
  local tables = report.tables
  for _, p in ipairs(parts) do
    if p.table then
      local s = report:section(p.id)
      -- a heading with nothing under it, or a line pointing to the table, is a
      -- table published as an image: table_not_text
      if not tables[p.table].present and not (s and points_away(s.text)) then
        emit { vars = { n = p.n, table = format.tables[p.table].title, table_en = "table " .. p.n },
               line = s and s.line, col = s and s.col }
      end
    end
  end
end
