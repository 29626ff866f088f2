-- Counts are whole numbers of requests or documents; the fee (万元) may have decimals but is never negative.
id       = "gb2021.val.nonneg_int"
severity = "error"
message  = {
  zh = "{where}为{value}：{what}",
  en = "{where} is {value}: {what_en}",
}
rationale = {
  zh = "件数是非负整数；收费金额（万元）可以有小数，但不会是负数。",
  en = "Counts are whole numbers, never negative; the fee (万元) may have decimals but is never negative.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  -- only a number below zero or not whole can be wrong; which one is, the kind decides
  for cell in report:cells_in("negative", "fraction") do
    local negative = nianbao.compare(cell.value, 0) < 0
    if cell.kind == "money" then
      if negative then
        emit { cell = cell, found = tostring(cell.value),
               vars = { what = "金额不能为负数", what_en = "an amount cannot be negative" } }
      end
    elseif (negative and cell.kind ~= "signed") or not nianbao.is_integral(cell.value) then
      emit { cell = cell, found = tostring(cell.value),
             vars = { what = "件数应为非负整数", what_en = "a count must be a whole number, not negative" } }
    end
  end
end
