-- What a finding's message is filled from: the vars a rule gives, read as
-- a copy of them would be (raw, or through __pairs when they have a
-- metatable, never through __index), and the cell's own where it names one.

test("emit: vars with a metatable are copied through pairs, plain ones read raw, a cell's merged", function()
  os.execute("rm -rf " .. tmp .. "/varspack && mkdir -p " .. tmp .. "/varspack")
  write("varspack/pack.lua", 'name = "varspack"\ntitle = "变量"\nextends = "gb2021"\n')
  write("varspack/vars.lua", [[
id       = "varspack.vars"
severity = "info"
message  = { zh = "[{a}|{b}|{value}]" }
function check(report, emit)
  emit { line = 1, vars = { a = "plain", b = 2 } }
  emit { line = 2, vars = setmetatable({ a = "raw" }, { __index = function() return "index" end }) }
  emit { line = 3, vars = setmetatable({ a = "raw" }, { __pairs = function() return next, { b = "pairs" }, nil end }) }
  emit { line = 4 }
  emit { line = 5, cell = report:cell("t3.new.total"), vars = { a = "with a cell" } }
  emit { line = 6, cell = report:cell("t3.new.total"), vars = { value = "given" } }
end
]])
  local out = sh(NB .. " check --format json --rules " .. tmp .. "/varspack examples/jiuqu-2024.txt")
  local got = {}
  for m in out:gmatch('"rule":"varspack%.vars","severity":"info","message":"(%[.-%])"') do got[#got + 1] = m end
  local R = assert(nianbao.read("examples/jiuqu-2024.txt"))
  local v = tostring(R:cell("t3.new.total").value)
  eq(table.concat({ "[plain|2|{value}]", "[raw|{b}|{value}]", "[{a}|pairs|{value}]", "[{a}|{b}|{value}]",
                    "[with a cell|{b}|" .. v .. "]", "[{a}|{b}|given]" }, " "),
     table.concat(got, " "), "the messages")
end)
