-- Narrative copied between agencies (内容雷同): the parts the format calls
-- narrative share most of their text with another agency's report of the
-- batch. The batch measures the pairs (report.copies); this rule decides.
id       = "gb2021.qlt.copy_peer"
severity = "warning"
message  = {
  zh = "与其他机关报告文字高度雷同：与{file}（{agency}{year}年）相同的文字占{share}%，如“{passage}”",
  en = "narrative nearly identical to another agency's report: {share}% in common with {file} ({agency}, {year}), e.g. “{passage}”",
}
rationale = {
  zh = "年度报告要写本机关自己一年的工作；与其他机关的报告大段相同，多是套用了别人的文字，读者从中看不到这个机关的实际情况。",
  en = "An annual report tells of the agency's own year; long passages shared with another agency's report are usually borrowed words that say nothing of this agency.",
}
basis    = { "《中华人民共和国政府信息公开条例》第五十条（年度报告应当包括本机关政府信息公开工作的情况、存在的主要问题及改进情况）" }
params   = { min_share = 60, min_chars = 50 }   -- percent of the shorter text; characters of the passage

function check(report, emit)
  for _, c in ipairs(report.copies or {}) do
    if c.kind == "peer" and c.share * 100 >= params.min_share and c.length >= params.min_chars then
      local line, col = report:locate_passage(c.passage)
      local share = string.format("%.0f", c.share * 100)
      emit { line = line, col = col, found = share .. "%",
             vars = { file = c.file, agency = c.agency or "", year = c.year or "",
                      share = share, passage = c.passage } }
    end
  end
end
