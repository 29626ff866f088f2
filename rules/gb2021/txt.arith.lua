-- Arithmetic inside a sentence: "收到…5条，与上年23条相比数量减少18条" needs 23 − 18 = 5.
id       = "gb2021.txt.arith"
severity = "warning"
message  = {
  zh = "正文“{quote}”自相矛盾：上年{prev}，增减{delta}，本年应为{want}，而非{now}",
  en = "the text “{quote}” does not add up: {prev} last year, change {delta}, makes {want}, not {now}",
}
rationale = {
  zh = "同一句话里的数字自相矛盾（上年数加增减数不等于本年数），至少有一个是错的。",
  en = "The figures of one sentence contradict each other (last year's plus the change is not this year's): one of them is wrong.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任：内容不准确、不完整的依照条例第四十七条追责" }

-- The claims of one sentence about one subject: this year's (is), last
-- year's (prev) and the change between them must agree.
function check(report, emit)
  local groups, order = {}, {}
  for _, c in ipairs(text.claims_in(report)) do
    local key = c.text .. "\0" .. c.cells
    if not groups[key] then groups[key] = {}; order[#order + 1] = key end
    local g = groups[key]
    if c.kind == "is" and not g.is and math.type(c.value) == "integer" then g.is = c
    elseif c.kind == "prev" then g.prev = c
    elseif c.kind == "change" then g.change = c end
  end
  for _, key in ipairs(order) do
    local g = groups[key]
    if g.is and g.prev and g.change and g.prev.value + g.change.value ~= g.is.value then
      local want = g.prev.value + g.change.value
      local delta = g.change.value >= 0 and "+" .. g.change.value or tostring(g.change.value)
      emit { line = g.is.line, col = g.is.col, found = tostring(g.is.value), expected = tostring(want),
             cells = text.ids(g.is.cells), quote = g.is.text,
             vars = { quote = g.is.text, prev = g.prev.value, delta = delta, want = want, now = g.is.value } }
    end
  end
end
