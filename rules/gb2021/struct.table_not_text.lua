-- The part's heading is there and nothing under it, or only a line saying
-- where the table is ("详见下表", "（表格见附件）"): the table was published
-- as an image or an attachment, so its numbers cannot be checked.
id       = "gb2021.struct.table_not_text"
severity = "warning"
message  = {
  zh = "第{n}部分的统计表格（{table}）未以文本形式发布（可能是图片或附件），无法核对数据",
  en = "the table of part {n} ({table_en}) is not published as text (an image or attachment?); it cannot be checked",
}
rationale = {
  zh = "表格以图片或附件发布，读者不能复制、检索，也无法核对其中的数据。",
  en = "A table published as an image or an attachment cannot be copied, searched or checked.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }
-- The format's parts, read once: read through its view they cost more,
-- field by field, than the rest of the check.
local parts = {}
for i, p in ipairs(format.parts) do parts[i] = { id = p.id, table = p.table, n = p.n } end

function check(report, emit)
  if report.format == "legacy" then return end
  local tables = report.tables
  for _, p in ipairs(parts) do
    local s = p.table and report:section(p.id)
    if s and not tables[p.table].present and s.points_away then
      emit { line = s.line, col = s.col,
             vars = { n = p.n, table = format.tables[p.table].title, table_en = "table " .. p.n } }
    end
  end
end
