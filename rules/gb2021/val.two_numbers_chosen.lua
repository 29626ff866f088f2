-- A cell that printed two numbers (a revised value beside the old one, or
-- the two run together) whose reading the tables' sums proved: exactly
-- one choice makes every sum it enters hold, and the cell took it. Said,
-- for a reviewer to see what was printed and which number was taken.
id       = "gb2021.val.two_numbers_chosen"
severity = "info"
message  = {
  zh = "{where}印有“{found}”，像是两个数（{first}与{second}），按勾稽关系只有{chosen}使各项合计成立，已采用{chosen}，请核对原文",
  en = "{where_en} prints \"{found}\", which reads as two numbers ({first} and {second}); only {chosen} makes the identities hold, so the cell reads {chosen} — check the original",
}
rationale = {
  zh = "修订过的报告常把删去的旧数与新数并排印出；勾稽关系只认可其中一个数时采用该数，但原文印的不是一个数，应由人工确认。",
  en = "A revised report often prints the old value beside the new one; where the identities accept only one of them it is read, but the original printed two numbers and a person should confirm it.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  for _, d in ipairs(report.diagnostics) do
    if d.kind == "twins_chosen" then
      emit { cell = report:cell(d.id), line = d.line, col = d.col, found = d.found,
             vars = { where = report:where(d.id), where_en = report:where(d.id, "en"),
                      found = d.found, first = d.first, second = d.second, chosen = d.chosen } }
    end
  end
end
