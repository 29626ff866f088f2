-- 总体情况 should be about one thousand characters at most (武威市 asks this of its agencies).
id       = "local.s1_length"
severity = "warning"
message  = {
  zh = "“一、总体情况”共{n}字，超过本地要求的{max}字",
  en = "part 1 (总体情况) has {n} characters, more than the local limit of {max}",
}
params   = { max = 1000 }

function check(report, emit)
  local s1 = report:section("s1")
  if not s1 then return end
  local n = utf8.len(s1.text) or #s1.text
  if n > params.max then
    emit { line = s1.line, col = s1.col, found = tostring(n), expected = "≤ " .. params.max,
           vars = { n = n, max = params.max } }
  end
end
