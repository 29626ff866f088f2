-- A 2021-or-later report must use the format of 国办公开办函〔2021〕30号, not the 2019 trial one.
id       = "gb2021.fmt.old_2019"
severity = "error"
message  = {
  zh = "使用了已被国办公开办函〔2021〕30号取代的2019年版年报格式（如“{label}”）",
  en = "uses the 2019 trial format replaced by 国办公开办函〔2021〕30号 (e.g. “{label}”)",
}
rationale = {
  zh = "2021年度起应使用30号文的格式：表二和表三“（六）其他处理”与2019年试行格式不同，用旧格式填不出新格式要求的数。",
  en = "From the 2021 reports on, the format of 30号 applies: table 2 and table 3's （六） differ from the 2019 trial format, whose tables cannot give the figures now required.",
}
basis    = { "国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号（已被取代）" }

function check(report, emit)
  local signs = report.signatures.gb2019
  -- before 2021 the 2019 format was the right one; with no year, nothing can be said
  if not signs or not report.year or report.year < 2021 then return end
  emit { line = signs[1].line, col = signs[1].col, found = signs[1].text,
         vars = { label = signs[1].text } }
end
