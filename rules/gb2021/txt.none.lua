-- "未收到政府信息公开申请" or "未发生行政复议、行政诉讼" while the tables say otherwise.
id       = "gb2021.txt.none"
severity = "warning"
message  = {
  zh = "正文称“{quote}”，但{where}为{table}件，正文与表格数据矛盾",
  en = "the text says “{quote}”, but {where_en} is {table}: text and tables disagree",
}

local statements = {
  { grammar = [[ claim <- ("未" / "没有") ("收到" / "受理" / "发生") (!"申请" %ch)^-8 "申请" ]],
    cells = "t3.new.total", where = "表三“本年新收”总计", where_en = "table 3 new requests" },
  { grammar = [[ claim <- ("无" / "零") "依申请公开" ]],
    cells = "t3.new.total", where = "表三“本年新收”总计", where_en = "table 3 new requests" },
  { grammar = [[ claim <- ("未" / "没有" / "无") ("发生" / "收到" / "涉及")? (!"行政复议" %ch)^-10 "行政复议" !"和" !"及" !"、" ]],
    cells = "t4.rv.total", where = "表四“行政复议”总计", where_en = "table 4 reconsiderations" },
  { grammar = [[ claim <- ("未" / "没有" / "无") ("发生" / "收到" / "涉及")? (!"行政诉讼" %ch)^-16 "行政诉讼" ]],
    cells = "t4.ld.total + t4.la.total", where = "表四“行政诉讼”总计", where_en = "table 4 lawsuits" },
}
for _, s in ipairs(statements) do s.pattern = text.compile(s.grammar) end

function check(report, emit)
  for _, s in ipairs(statements) do
    local v = text.sum_of(report, s.cells)
    if v and v > 0 then
      for _, m in ipairs(text.find(report, { "s1", "s3", "s4" }, s.pattern)) do
        emit { line = m.line, col = m.col, found = "0", expected = tostring(v),
               vars = { quote = m.text:sub(m.at, m.stop - 1), where = s.where, where_en = s.where_en,
                        table = v } }
      end
    end
  end
end
