-- A share the text states ("予以公开及部分公开的42件，占42.86%" of 98 answered),
-- recomputed from the tables: the subject's cells over the base's.
id       = "gb2021.txt.pct"
severity = "info"
message  = {
  zh = "正文称占比{pct}%，但按表格数据{count}÷{base}计算应为{want}%",
  en = "the text says {pct}%, but the tables give {count} of {base}: {want}%",
}
rationale = {
  zh = "正文中的百分比要能由表格数据算出。",
  en = "A share the text states must follow from the tables' figures.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任：内容不准确、不完整的依照条例第四十七条追责" }

words = [[
  -- the base named: the answered requests, or those received
  base     <- {:base: (("全部" / "已")? ("办结" / "答复" / "办理结果") ("总数" / "总量" / "件数" / "的申请" / "申请")?) -> 'done'
                    / (("收到" / "受理" / "新收")? ("政府信息公开" / "依申请公开")? "申请" ("总数" / "总量" / "数量")) -> 'new' :}
  -- a subject the share itself names: 其中予以公开的占比为55%
  subject  <- ("予以公开" ("及" / "和" / "与" / "、") "部分公开") -> 'both' / "予以公开" -> 'public' / "部分公开" -> 'partial' / "不予公开" -> 'deny' / "无法提供" -> 'unable'
            / "不掌握相关政府信息" -> 'nohold' / ("自然人" ("申请" / "提出")?) -> 'np'
  says     <- ("为" / "最高" / "最大" / "最多")* %comma? ("达" / "为" / "约为")?
]]

local grammar = text.grammar {
  name  = "pct",
  needs = { "%", "％" },
  kind  = "share",
  words = words,
  of    = { done = "t3.result.total.total", new = "t3.new.total" },
  -- the base understood when none is named: results of the answered, applicants of the received
  understood = { { "^t3%.result%.", "done" }, { "^t3%.new%.", "new" } },
  cells = {
    public = "t3.result.public.total", both = "t3.result.public.total + t3.result.partial.total", partial = "t3.result.partial.total", nohold = "t3.result.unable.nohold.total",
    deny = "t3.result.deny.secret.total + t3.result.deny.law.total + t3.result.deny.safety.total + "
        .. "t3.result.deny.third.total + t3.result.deny.internal.total + t3.result.deny.process.total + "
        .. "t3.result.deny.enforce.total + t3.result.deny.query.total",
    unable = "t3.result.unable.nohold.total + t3.result.unable.create.total + t3.result.unable.unclear.total",
    np = "t3.new.np",
  },
  readers = {
    -- …412件，占32.4%; …126件，占收到申请总数的89.4%; …6件，占比12.5%
    { grammar = [[ claim <- %comma? %sp "占" "比"? says (base "的"?)? %pct ]] },
    -- 其中予以公开的占比为55%; 本机关不掌握相关政府信息的占比最高，达41.2%
    -- (not 部分公开 of 公开和部分公开的占比: the share of more results)
    { not_after = [[ "公开" ("及" / "和" / "与" / "、") ]],
      grammar = [[ claim <- "属于"? subject "的"? "占比" says %pct ]] },
  },
}

-- the share rounded as printed ("42.86" has two places), or cut there
local function share(count, base, places, cut)
  local scale = 10 ^ places
  local x = count * 100 * scale / base
  return (cut and math.floor(x + 1e-9) or math.floor(x + 0.5)) / scale
end

function check(report, emit)
  for _, c in ipairs(grammar.claims(report)) do
    local count = text.sum_of(report, c.cells)
    local bases = { text.sum_of(report, c.of) }
    -- other bases a writer may have meant: received, received and carried over
    for _, alt in ipairs { "t3.result.total.total", "t3.new.total", "t3.new.total + t3.carried.total" } do
      bases[#bases + 1] = text.sum_of(report, alt)
    end
    local places = #(c.pct:match("%.(%d+)$") or "")
    local pct = tonumber(c.pct)
    if math.type(count) == "integer" and math.type(bases[1]) == "integer" and bases[1] > 0 and pct then
      local ok = false
      for _, b in ipairs(bases) do
        if math.type(b) == "integer" and b > 0 then
          for _, cut in ipairs { false, true } do
            if math.abs(share(count, b, places, cut) - pct) < 1e-9 then ok = true end
          end
        end
      end
      if not ok then
        local want = string.format("%." .. places .. "f", share(count, bases[1], places))
        emit { line = c.line, col = c.col, found = c.pct .. "%", expected = want .. "%", cells = text.ids(c.cells),
               quote = c.text,
               vars = { count = count, pct = c.pct, base = bases[1], want = want } }
      end
    end
  end
end
