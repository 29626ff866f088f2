-- One row per report: who, which year, the key figures, and how many
-- findings. UTF-8 with a BOM, so Excel and WPS open it with the right encoding.

extension = "csv"

local header = { "文件", "机关", "年度", "发布日期", "格式", "状态", "本年新收", "上年结转", "办结",
                 "结转下年度", "行政复议", "行政诉讼", "错误", "警告", "提示" }

local function field(v)
  v = v == nil and "" or tostring(v)
  if v:find('[",\r\n]') then v = '"' .. v:gsub('"', '""') .. '"' end
  return v
end

local function value(report, id)
  if not report then return "" end
  local c = report:cell(id)
  return c.state == "number" and tostring(c.value) or ""
end

local function suits(report)
  local a, b = value(report, "t4.ld.total"), value(report, "t4.la.total")
  if a == "" or b == "" then return "" end
  return tostring(math.tointeger(tonumber(a) + tonumber(b)))
end

function Writer(findings, report, opts)
  local n = { error = 0, warning = 0, info = 0 }
  for _, f in ipairs(findings) do n[f.severity] = n[f.severity] + 1 end
  local row = {
    opts.file, report and report.agency, report and report.year, report and report.published,
    report and report.format, opts.status == "checked" and "已检查" or "无法读取",
    value(report, "t3.new.total"), value(report, "t3.carried.total"),
    value(report, "t3.result.total.total"), value(report, "t3.next.total"),
    value(report, "t4.rv.total"), suits(report), n.error, n.warning, n.info,
  }
  local out = {}
  if opts.first then
    local h = {}
    for i, v in ipairs(header) do h[i] = field(v) end
    out[1] = "\239\187\191" .. table.concat(h, ",") .. "\r\n"
  end
  local cells = {}
  for i = 1, #header do cells[i] = field(row[i]) end
  out[#out + 1] = table.concat(cells, ",") .. "\r\n"
  return table.concat(out)
end
