-- Cell-by-cell comparison of an extracted report with a hand-checked
-- expected file (report-schema §1; a table written ~ is skipped).

local nianbao = require "nianbao"
local null = nianbao.null

local function same(want, got)
  if want == null or got == null then return want == got end
  if type(want) == "number" or type(got) == "number"
     or (nianbao.number(tostring(want)) and nianbao.number(tostring(got))) then
    local a, b = nianbao.number(tostring(want)), nianbao.number(tostring(got))
    return a ~= nil and b ~= nil and nianbao.compare(a, b) == 0
  end
  return want == got
end

-- compare(expected, got) → correct, total, list of "path: want X, got Y"
return function(expected, got)
  local correct, total, wrong = 0, 0, {}
  local function walk(want, have, path)
    if type(want) == "table" and want ~= null then
      for k, v in pairs(want) do
        walk(v, type(have) == "table" and have ~= null and have[k] or nil, path .. "." .. k)
      end
      return
    end
    total = total + 1
    if have ~= nil and same(want, have) then
      correct = correct + 1
    else
      wrong[#wrong + 1] = string.format("%s: want %s, got %s", path:sub(2), tostring(want),
                                        have == nil and "(missing)" or tostring(have))
    end
  end
  for _, tid in ipairs { "t2", "t3", "t4" } do
    local want = expected[tid]
    if want ~= nil and want ~= null then walk(want, got[tid], "." .. tid) end
  end
  table.sort(wrong)
  return correct, total, wrong
end
