-- 规章 and 行政规范性文件 made, repealed and in force, as the text states them.
-- Only the exact terms count: "政策性文件" or "规范性文件" alone are other things.
id       = "gb2021.txt.t2"
severity = "warning"
message  = {
  zh = "正文称{where}{said}件，但表二为{table}件{hint}",
  en = "the text says {said} for {where}, but table 2 has {table}{hint_en}",
}

-- the verbs that say made, repealed, in force; the exact names of the rows
verbs = {
  made     = [[("制发" / "制定" / "出台" / "印发" / "新增" / "发布")]],
  repealed = [[("废止" / "宣布失效" / "废除")]],
  valid    = [["现行有效"]],
}
terms = {
  nrm = { [["行政规范性文件"]], "行政规范性文件" },
  reg = { [[!"规章制度" "规章"]], "规章" },
}
local what = { made = "本年制发", repealed = "本年废止", valid = "现行有效" }

-- verb … term … X 件
grammars = {}
for row, term in pairs(terms) do
  for col, verb in pairs(verbs) do
    grammars["t2." .. row .. "." .. col] = string.format([[
      claim <- %s (!term !%%num %%ch)^-10 term %%sp %%num %%sp %%unit
      term  <- %s
    ]], verb, term[1])
  end
end

local checks = {}
for cell, g in pairs(grammars) do
  local row, col = cell:match("^t2%.(%a+)%.(%a+)$")
  checks[#checks + 1] = text.claims { grammar = g, cells = cell, where = what[col] .. terms[row][2] }
end

function check(report, emit)
  for _, c in ipairs(checks) do c(report, emit) end
end
