-- Arithmetic inside a sentence: "收到…5条，与上年23条相比数量减少18条" needs 23 − 18 = 5.
id       = "gb2021.txt.arith"
severity = "warning"
message  = {
  zh = "正文“{quote}”自相矛盾：上年{prev}{dir}{delta}应为{want}，而非{now}",
  en = "the text “{quote}” does not add up: {prev} {dir_en} {delta} is {want}, not {now}",
}

grammar = [[
  claim   <- %num %sp %unit (!"与上" %ch)^-3 "与上" "一"? "年" "度"? "同期"? (!%num %ch)^-4
             %num %sp %unit "相比" (!dir %ch)^-6 {dir} %sp %num %sp %unit
  dir     <- "减少" / "下降" / "增加" / "增长" / "上升" / "多" / "少"
]]

local pattern = text.compile(grammar)
local down = { ["减少"] = true, ["下降"] = true, ["少"] = true }

function check(report, emit)
  for _, m in ipairs(text.find(report, { "s1", "s3", "s4", "s5" }, pattern)) do
    local now, prev, dir, delta = text.number(m.caps[1]), text.number(m.caps[2]), m.caps[3],
                                  text.number(m.caps[4])
    if math.type(now) == "integer" and math.type(prev) == "integer" and math.type(delta) == "integer" then
      local want = down[dir] and prev - delta or prev + delta
      if want ~= now then
        emit { line = m.line, col = m.col, found = tostring(now), expected = tostring(want),
               vars = { quote = m.text:sub(m.at, m.stop - 1), prev = prev, dir = dir, delta = delta,
                        want = want, now = now, dir_en = down[dir] and "minus" or "plus" } }
      end
    end
  end
end
