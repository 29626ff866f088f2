-- A row with more or fewer values than the format has cells, with values
-- printed before its label that the rows after it do not account for, or
-- among the header's words in an order its own sums do not settle, or on
-- lines apart whose order read breaks its sums where another holds them, or in a
-- text out of the table's order where nothing past the row confirms it, or
-- one number's digits written again and again in a one-value row: which
-- value is whose cannot be told from the page, so its cells are left unknown.
id       = "gb2021.parse.row_values"
severity = "warning"
message  = {
  zh = "{table}“{row}”行读到{count}个数值（{text}），{why}，无法确定各列的数值，未予采用",
  en = "{table_en}, row “{row}”: {count} values read ({text}) {why_en}; which is whose cannot be told, so none is used",
}
rationale = {
  zh = "一行读到的数值个数与统一格式的列数不符，无法确定每个数属于哪一列，这一行的数没有采用，相关核对无法进行。",
  en = "A row holds more or fewer values than the format has columns: which value is whose cannot be told, so the row is left unread and its checks cannot run.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  for _, d in ipairs(report.diagnostics) do
    if d.kind == "short" or d.kind == "long" or d.kind == "apart" or d.kind == "mixed" or d.kind == "order"
       or d.kind == "repeated" or d.kind == "lines" then
      local t = format.tables[d.table]
      local why, why_en = "应为" .. d.expected .. "个", "where " .. d.expected .. " were expected"
      if d.kind == "apart" then
        -- (the first printed after the caption of the row's block, before its label)
        why, why_en = "其中有的印在行名之前", "some printed before its label"
      elseif d.kind == "order" then
        -- (a PDF's text in an order not the table's, nothing past the row confirming them)
        why, why_en = "所在文字的顺序与表格不同，可能是别的行的数值", "in a text whose order is not the table's: they may be another row's"
      elseif d.kind == "repeated" then
        -- (one cell's value printed again in each place of a merged cell, the digits run together)
        why, why_en = "是同一个数重复连写，可能是合并单元格的数印了多次", "one number written again and again, as a merged cell's value printed in each of its places"
      elseif d.kind == "lines" then
        -- (on lines apart with no place on the line kept: the order read breaks the row's own sums, another order of its lines holds them)
        why, why_en = "分印在几行，按文字顺序本行合计不成立，换一种行序则成立", "on lines apart, whose order read breaks the row's own sums and another order of the lines holds them"
      elseif d.kind == "mixed" then
        -- (read on both sides of the header's words: the row's own sums break, or hold in another order too)
        why, why_en = "与表头文字交错，本行合计不能确定其顺序", "among the header's words, in an order the row's own sums do not settle"
      end
      emit { line = d.line, col = d.col, found = tostring(d.count), expected = tostring(d.expected),
             vars = { table = t and t.title or d.table, table_en = "table " .. d.table:sub(2),
                      row = d.label, count = d.count, expected = d.expected, text = d.text,
                      why = why, why_en = why_en } }
    end
  end
end
