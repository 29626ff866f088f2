-- What a writer is told of the rules: every format's, the first format's
-- text where two formats share a rule id; a format that adds no rule id is
-- not loaded for it.

test("a writer told of the rules hears of every format's, the first format's text where two share an id", function()
  local dir = tmp .. "/later_u19"
  os.execute("rm -rf " .. dir .. " && mkdir -p " .. dir)
  write("later_u19/pack.lua", 'name = "u19"\nextends = "gb2019"\n')
  write("later_u19/extra.lua", 'id = "u19.extra"\nseverity = "info"\nmessage = { zh = "另加" }\n' ..
        "check = function() end\n")
  local writer = write("later_writer.lua",
    'function Writer(findings, report, opts)\n  local out = {}\n' ..
    '  for _, id in ipairs { "gb2021.t3.balance", "gb2021.t3.result_total", "u19.extra" } do\n' ..
    '    local r = rule(id, "zh")\n    out[#out + 1] = id .. "=" .. tostring(r and r.message)\n  end\n' ..
    '  return table.concat(out, "\\n") .. "\\n"\nend\n')
  local national = require("packs").load(".", {}, {})
  local plain = sh(NB .. " check --format " .. writer .. " examples/jiuqu-2024.txt")
  has(plain, "gb2021.t3.balance=" .. national:pack("gb2021").rule_by_id["gb2021.t3.balance"].message.zh)
  has(plain, "gb2021.t3.result_total=" .. national:pack("gb2021").rule_by_id["gb2021.t3.result_total"].message.zh)
  has(plain, "u19.extra=nil", "no such rule without the pack")
  local with = sh(NB .. " check --format " .. writer .. " --rules " .. dir .. " examples/jiuqu-2024.txt")
  has(with, "u19.extra=另加", "a rule only a later format has")
  has(with, "gb2021.t3.result_total=" .. national:pack("gb2021").rule_by_id["gb2021.t3.result_total"].message.zh,
      "the first format's text")
end)
