-- The narrative copied from the agency's own report of the year before
-- (needs that report: in the batch, the archive or --previous).
id       = "gb2021.xy.copy"
severity = "warning"
message  = {
  zh = "与上年度报告文字高度雷同：与{file}（{year}年）相同的文字占{share}%，如“{passage}”",
  en = "narrative nearly identical to last year's report: {share}% in common with {file} ({year}), e.g. “{passage}”",
}
rationale = {
  zh = "年度报告要写本年度的工作和本年度存在的问题；与上年度报告大段相同，多是照抄了去年的文字，没有反映本年度的情况。",
  en = "An annual report tells of this year's work and problems; long passages repeated from last year's report usually mean last year's words were copied.",
}
basis    = { "《中华人民共和国政府信息公开条例》第五十条（年度报告应当包括本机关政府信息公开工作的情况、存在的主要问题及改进情况）" }
params   = { min_share = 80, min_chars = 50 }

function check(report, emit)
  for _, c in ipairs(report.copies or {}) do
    if c.kind == "previous" and c.share * 100 >= params.min_share and c.length >= params.min_chars then
      local line, col = report:locate_passage(c.passage)
      emit { line = line, col = col, found = string.format("%.0f%%", c.share * 100),
             vars = { file = c.file, year = c.year or "", share = string.format("%.0f", c.share * 100),
                      passage = c.passage } }
    end
  end
end
