-- A number in a report's text that breaks one of the tables' sums, and would
-- hold it with its last digits cut or with one or two digits fewer: a narrow cell
-- wrapped the number (3119 printed 31 / 19), a footnote's mark ran into it
-- (74¹ read 741), or the author slipped. The cell is not read, and both
-- numbers are said, for a reader to check against the original.
id       = "gb2021.val.digit_tail"
severity = "warning"
message  = {
  zh = "{where}读到{found}，按勾稽关系应为{expected}，两者只差末尾的数字（{why}），此格未读取，请核对原文",
  en = "{where_en}: {found} read where the identities give {expected}, the two differing only in their last digits ({why_en}); the cell is not read — check the original",
}
rationale = {
  zh = "从PDF或网页文字中读表时，窄单元格里的数字可能折行被截断，脚注标记也可能与数字连在一起；若读到的数只比勾稽关系推出的数少了末尾几位或多了末尾一两位，不能当作原文的数核对。",
  en = "In a PDF's or a page's text, a narrow cell may wrap a number and a footnote's mark may run into one; a number that differs from what the identities give only by its last digits cannot be checked as the report's own.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  for _, d in ipairs(report.diagnostics) do
    if d.kind == "tail" then
      local cut = d.how == "cut"
      emit { cell = report:cell(d.id), line = d.line, col = d.col,
             found = tostring(d.found), expected = tostring(d.expected),
             vars = { where = report:where(d.id), where_en = report:where(d.id, "en"),
                      found = d.found, expected = d.expected,
                      why = cut and "可能是数字折行被截断，或原文笔误" or "可能是脚注标记与数字相连，或原文笔误",
                      why_en = cut and "a number cut by a wrap, or a slip" or "a mark run into the number, or a slip" } }
    end
  end
end
