-- Only 国务院部门 and the people's governments of provinces, 设区的市 and 自治州
-- make 规章 (立法法). A township, a county-level government or a department of a
-- local government has none to report; their 办公厅/办公室 reports may show the
-- government's own (广州). A name the rule cannot place is left alone.
id       = "gb2021.t2.reg_no_power"
severity = "warning"
message  = {
  zh = "{agency}无规章制定权，表二“规章”栏应为0（{row}为{value}）",
  en = "{agency} cannot make 规章 (departmental rules), so table 2's 规章 row should be 0 ({row_en} is {value})",
}
rationale = {
  zh = "只有国务院部门和省、自治区、直辖市、设区的市、自治州的人民政府有规章制定权；乡镇、街道、县级政府和地方政府部门没有规章可报。",
  en = "Only State Council departments and the people's governments of provinces, cities with districts and autonomous prefectures make 规章; townships, county governments and local departments have none to report.",
}
basis    = { "《中华人民共和国立法法》关于规章制定权限的规定" }

-- names of issuers without the power: how they end, and what they must not end with
params   = {
  without = { "县人民政府", "县政府", "旗人民政府", "区人民政府", "区政府", "县", "旗" },
  with    = { "自治区人民政府", "自治区政府", "自治区", "部" },
  national = { "国家", "国务院", "中国", "中华人民共和国" },
}

local function ends(name, list)
  for _, e in ipairs(list) do
    if name:sub(-#e) == e then return true end
  end
  return false
end

local function starts(name, list)
  for _, e in ipairs(list) do
    if name:sub(1, #e) == e then return true end
  end
  return false
end

local function no_power(report)
  local name = report.agency
  if not name then return false end
  if report.issuer == "township" then return true end
  if ends(name, params.with) or starts(name, params.national) then return false end
  if report.issuer == "dept" then return true end        -- a department of a local government
  return report.issuer == "gov" and ends(name, params.without)
end

local columns = { made = "本年制发件数", repealed = "本年废止件数", valid = "现行有效件数" }

-- whether the format has the cell, read once (through its view it costs a look-up each report)
local has_cell = format.info["t2.reg.made"] ~= nil

function check(report, emit)
  if not has_cell then return end      -- a format without the cell (2019)
  -- the first column that shows some; whose power it is, asked only then (most show none)
  for _, col in ipairs { "made", "repealed", "valid" } do
    local c = report:cell("t2.reg." .. col)
    if c.state == "number" and nianbao.compare(c.value, 0) > 0 then
      if no_power(report) then
        emit { cell = c, found = tostring(c.value), expected = "0",
               vars = { agency = report.agency, row = "规章" .. columns[col], row_en = col, value = tostring(c.value) } }
      end
      return
    end
  end
end
