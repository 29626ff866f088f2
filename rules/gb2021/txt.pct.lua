-- A share of the answered requests: "予以公开及部分公开的42件，占42.86%" of 98 answered.
id       = "gb2021.txt.pct"
severity = "info"
message  = {
  zh = "正文称{count}件占{pct}%，但按表三办结总数{base}件计算应为{want}%",
  en = "the text says {count} is {pct}%, but of the {base} answered requests in table 3 it is {want}%",
}

grammar = [[
  claim <- %num %sp %unit ("，" / ",")? (!"占" !%num %ch)^-4 "占" "比"? (!%num %ch)^-8 {[0-9]+ ("." [0-9]+)?} %sp ("%" / "％")
]]

local pattern = text.compile(grammar)

-- the share rounded as printed: "42.86" has two places
local function share(count, base, places)
  local scale = 10 ^ places
  return math.floor(count * 100 * scale / base + 0.5) / scale
end

function check(report, emit)
  local bases = {}
  for _, cells in ipairs { "t3.result.total.total", "t3.new.total", "t3.new.total + t3.carried.total" } do
    local v = text.sum_of(report, cells)
    if v and v > 0 then bases[#bases + 1] = v end
  end
  if #bases == 0 then return end
  for _, m in ipairs(text.find(report, { "s1", "s3" }, pattern)) do
    local count, printed = text.number(m.caps[1]), m.caps[2]
    if math.type(count) == "integer" then
      local places = #(printed:match("%.(%d+)$") or "")
      local pct, ok = tonumber(printed), false
      for _, b in ipairs(bases) do
        if math.abs(share(count, b, places) - pct) < 1e-9 then ok = true end
      end
      if not ok then
        local want = string.format("%." .. places .. "f", share(count, bases[1], places))
        emit { line = m.line, col = m.col, found = printed .. "%", expected = want .. "%",
               vars = { count = count, pct = printed, base = bases[1], want = want } }
      end
    end
  end
end
