-- A cell that prints two numbers where the format wants one: a revised
-- value beside the old one it replaced, the strike or the tracked change
-- that told them apart lost by a converter ("62 64", or run together,
-- "30103001"), and no choice of them that the tables' sums prove. The cell
-- is not read; what it printed is said, for a reader to check.
id       = "gb2021.val.two_numbers"
severity = "warning"
message  = {
  zh = "{where}印有“{found}”，像是两个数（{first}与{second}：修订前后的数，或数字与标记相连），按勾稽关系无法确定是哪一个，此格未读取，请核对原文",
  en = "{where_en} prints \"{found}\", which reads as two numbers ({first} and {second}: a value and its revision, or a number and a mark); the identities do not tell which, so the cell is not read — check the original",
}
rationale = {
  zh = "修订过的报告常把删去的旧数与新数并排印出（删除线、修订痕迹经转换后丢失），两个数连在一起或以空格隔开都不是表格原来的数；只有当勾稽关系恰好只认可其中一种读法时才能采用。",
  en = "A revised report often prints the old value beside the new one, the strike or tracked change lost in conversion; neither the two run together nor either alone is the table's number unless exactly one reading makes the identities hold.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  for _, d in ipairs(report.diagnostics) do
    if d.kind == "twins" then
      emit { cell = report:cell(d.id), line = d.line, col = d.col, found = d.found,
             vars = { where = report:where(d.id), where_en = report:where(d.id, "en"),
                      found = d.found, first = d.first, second = d.second } }
    end
  end
end
