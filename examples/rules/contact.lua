-- The opening paragraph must tell readers whom to ask: a telephone number.
id       = "local.contact"
severity = "info"
message  = {
  zh = "开头部分未提供联系电话",
  en = "the opening paragraph gives no telephone number to contact",
}

function check(report, emit)
  local s0 = report:section("s0")
  local text = s0 and s0.text or ""
  if not (text:find("电话", 1, true) or text:find("%d%d%d%d?%-%d%d%d%d%d%d%d%d?")) then
    emit { line = s0 and s0.line or 1, col = 1 }
  end
end
