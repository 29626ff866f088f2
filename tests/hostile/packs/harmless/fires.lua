-- Fires once on every report, having used what an attack would tamper
-- with: string methods, ipairs, pcall, the text helpers, the report.
id       = "harmless.fires"
severity = "info"
message  = { zh = "harmless rule ran: {n} {c} {s} {x}", en = "harmless rule ran: {n} {c} {s} {x}" }

function check(report, emit)
  local n = 0
  for _ in ipairs { "a", "b", "c" } do n = n + 1 end
  local ok = pcall(error, "caught")
  local c = report:cell("t3.new.np")
  emit { vars = { n = string.format("%d", n * 14), c = c and c.state or "?",
                  s = ok == false and ("Xy"):lower() or "pcall broken",
                  x = tostring(text.number("二十三")) } }
end
