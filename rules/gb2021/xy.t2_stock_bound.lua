-- More documents in force than last year's plus this year's: impossible.
id       = "gb2021.xy.t2_stock_bound"
severity = "warning"
message  = {
  zh = "{row}现行有效件数{valid}超过上年现行有效件数{prev}与本年制发件数{made}之和",
  en = "{row}: {valid} in force is more than last year's {prev} plus the {made} made this year",
}

local names = { reg = "规章", nrm = "行政规范性文件" }

function check(report, emit)
  local prev = report.previous
  if not prev or prev.format ~= report.format then return end
  for _, row in ipairs { "reg", "nrm" } do
    local v, m = report:cell("t2." .. row .. ".valid"), report:cell("t2." .. row .. ".made")
    local p = prev:cell("t2." .. row .. ".valid")
    if v.state == "number" and m.state == "number" and p.state == "number" and v.value > p.value + m.value then
      emit { cell = v, found = tostring(v.value), expected = "≤ " .. (p.value + m.value),
             vars = { row = names[row], valid = v.value, prev = p.value, made = m.value } }
    end
  end
end
