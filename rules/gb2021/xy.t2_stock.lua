-- 现行有效(N) = 现行有效(N−1) + 本年制发(N) − 本年废止(N): often broken for good
-- reasons (清理, 失效 by expiry), so a note, unless it cannot be (xy.t2_stock_bound).
id       = "gb2021.xy.t2_stock"
severity = "info"
message  = {
  zh = "{row}现行有效件数{valid}与上年数据不衔接：上年{prev}+本年制发{made}−本年废止{repealed}={want}，请说明清理或失效情况",
  en = "{row}: {valid} in force, but last year's {prev} + {made} made − {repealed} repealed = {want}",
}

local names = { reg = "规章", nrm = "行政规范性文件" }

function check(report, emit)
  local prev = report.previous
  if not prev or prev.format ~= report.format then return end
  for _, row in ipairs { "reg", "nrm" } do
    local v, m, r = report:cell("t2." .. row .. ".valid"), report:cell("t2." .. row .. ".made"),
                    report:cell("t2." .. row .. ".repealed")
    local p = prev:cell("t2." .. row .. ".valid")
    if v.state == "number" and m.state == "number" and r.state == "number" and p.state == "number" then
      local want = p.value + m.value - r.value
      if v.value ~= want and v.value <= p.value + m.value then   -- past the bound: xy.t2_stock_bound
        emit { cell = v, found = tostring(v.value), expected = tostring(want),
               vars = { row = names[row], valid = v.value, prev = p.value, made = m.value,
                        repealed = r.value, want = want } }
      end
    end
  end
end
