-- What the text says of last year ("与上年23条相比", "较上年增加612件", "同比下降9.3%",
-- "与上年持平") against last year's report (needs it: --previous).
id       = "gb2021.xy.text_prev"
severity = "warning"
message  = {
  zh = "正文所述上年数据与上年度报告不一致：正文“{quote}”，而上年度报告{where}为{prev}，按此应为{want}",
  en = "the text's figure for last year differs from last year's report: “{quote}”, while last year's {where_en} was {prev}: {want} by it",
}
rationale = {
  zh = "正文引用的上年数字要与上年度报告一致。",
  en = "Last year's figures the text quotes must equal last year's report.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任：内容不准确、不完整的依照条例第四十七条追责" }

words = [[
  up       <- ("增加" / "增长" / "上升" / "提高" / "多") -> 'up'
  down     <- ("减少" / "下降" / "降低" / "回落" / "少") -> 'down'
  change   <- {| {:dir: up / down :} "了"? (%count / %pct) |}
  more     <- (%comma %sp ("数量" / "其中")? change)*
  than     <- ("较" / "比" / "同") %sp %last_year "同期"?
  said     <- %sp "的"? %sp ("（" / "(")? %sp {:prev: %num :} %sp %unit ("）" / ")")?
  -- a subject named right before: 申请量与上年持平; 依申请公开数量比上年减少1件
  -- (a part of the requests — 予以公开的申请, 法人申请, 线上申请 — names a change of its own: not read)
  subject  <- ("的" ("申请" / "依申请公开")) -> 'part'
            / ("自然人" "的"? ("申请" / "提出")? ("数量" / "量" / "件数")?) -> 'np'
            -- (申请 alone only as 申请量, 收到的申请: 线上申请, 法人申请 are parts)
            / ((("收到" / "受理" / "新收") "的")? ("依申请公开" / "政府信息公开申请") ("数量" / "量" / "件数")?
               / ("收到" / "受理" / "新收") "的" "申请" ("数量" / "量" / "件数")? / "申请" ("数量" / "量" / "件数")
               -- (新收申请: the row's own word, no part of the requests)
               / "新收" "政府信息公开"? "申请" !"人" ("数量" / "量" / "件数")?) -> 'new'
            / (("政府信息公开" "类"?)? "行政复议" "案件"? ("数量" / "量")?) -> 'rv'
            / (("政府信息公开" "类"?)? "行政诉讼" "案件"? ("数量" / "量")?) -> 'suit'
]]

-- a way of asking or an applicant right before the subject: 线上申请量, 法人申请数量 are parts
local part = [[ ("线上" / "线下" / "网上" / "在线" / "网络" / "网站" / "平台" / "当面" / "现场" / "窗口" / "信函"
                 / "邮寄" / "传真" / "电子邮件" / "邮件" / "电话" / "法人" "或其他组织"? / "个人" / "企业" / "群众")
               "提交"? "的"? !. ]]

text.grammar {
  name  = "compare",
  -- (同2023年: 同 and the year in figures, ASCII or full width, or after a space)
  needs = { "上年", "去年", "上一年", "同比", "较", "比", "与", "（", "(", "同2", "同２", "同 ", "同\u{3000}", "同\u{A0}" },
  kind  = "compare",
  words = words,
  cells = { new = "t3.new.total", np = "t3.new.np", rv = "t4.rv.total", suit = "t4.ld.total + t4.la.total" },
  readers = {
    -- 较2023年的4,980件增加832件; 比上年（35件）增加12件，增长34.3%; 较上年增加612件，增长11.8%
    { not_after = part, grammar = [[ claim <- subject? than said? "相比"? "数量"? change more ]] },
    -- 与上年23条相比数量减少18条; 与上年152件持平; 与上年持平
    { not_after = part, grammar = [[ claim <- subject? "与" %sp %last_year "同期"? said? "相比"? "数量"? (change more / {:same: "持平" :}) ]] },
    -- 与上年相比，申请数量增加12件
    { grammar = [[ claim <- "与" %sp %last_year "同期"? "相比" %comma %sp subject change more ]] },
    -- 同比下降9.3%; 同比减少３件，下降１５％; 同比持平
    { not_after = part, grammar = [[ claim <- subject? "同比" (change more / {:same: "持平" :}) ]] },
    -- （2023年为9件）
    { grammar = [[ claim <- ("（" / "(") %last_year "为"? {:prev: %num :} %sp %unit ("）" / ")") ]] },
    -- 分别较上年增加5件、减少2件
    -- (not 分别较上年增加412件、343件: the second has no direction of its own)
    { grammar = [[ claim <- {:each: "分别" :} than "分别"? change ("、" change)* !("、" %sp %num) ]] },
  },
}

-- the share rounded as printed, or cut there
local function pct_of(now, prev, places, cut)
  local scale = 10 ^ places
  local x = (now - prev) * 100 * scale / prev
  return (cut and (x >= 0 and math.floor(x + 1e-9) or -math.floor(-x + 1e-9)) or
          (x >= 0 and math.floor(x + 0.5) or -math.floor(-x + 0.5))) / scale
end

function check(report, emit)
  if not report.previous then return end
  local by_sentence = {}
  for _, c in ipairs(text.claims_in(report)) do
    by_sentence[c.text] = by_sentence[c.text] or {}
    table.insert(by_sentence[c.text], c)
  end
  -- every claim about last year: these grammars' comparisons, and the figures
  -- other grammars read in a clause about last year ("上年同期收到申请30件")
  for _, c in ipairs(text.claims_in(report)) do
    if c.kind ~= "prev" and c.kind ~= "change" and c.kind ~= "pct_change" then goto next end
    local prev = text.sum_of(report, text.prev_of(c.cells))
    -- a change said beside last year's figure is that figure's arithmetic (txt.arith)
    local beside = false
    for _, o in ipairs(by_sentence[c.text] or {}) do
      if o.kind == "prev" and o.cells == c.cells and c.kind ~= "prev" then beside = true end
    end
    if math.type(prev) == "integer" and not beside then
      -- this year's figure: as the sentence says it, else as the table has it
      local now
      for _, o in ipairs(by_sentence[c.text] or {}) do
        if o.kind == "is" and o.cells == c.cells and math.type(o.value) == "integer" then now = o.value end
      end
      now = now or text.sum_of(report, c.cells)
      -- said: last year's figure as the text gives it (or the change it gives);
      -- want: the same from last year's report
      local said, want
      if c.kind == "prev" then
        said, want = c.value, prev
      elseif c.kind == "change" and math.type(now) == "integer" then
        said, want = c.value, now - prev
      elseif c.kind == "pct_change" and math.type(now) == "integer" and prev > 0 then
        local places = #(c.pct:match("%.(%d+)$") or "")
        if math.abs(pct_of(now, prev, places, true) - tonumber(c.pct)) > 1e-9 then   -- cut, not rounded: fine
          said, want = c.pct .. "%", string.format("%." .. places .. "f", pct_of(now, prev, places)) .. "%"
        end
      end
      if said ~= nil and tostring(said) ~= tostring(want) then
        emit { line = c.line, col = c.col, found = tostring(said), expected = tostring(want),
               cells = text.ids(text.prev_of(c.cells)), quote = c.text,
               vars = { quote = c.quote, where = text.where(c.cells), where_en = text.where(c.cells, nil, "en"), prev = prev,
                        said = said, want = want } }
      end
    end
    ::next::
  end
end
