-- What a rule file declares is checked as it loads (a basis of texts
-- only, a schema of known kinds), and the config's words for it (its
-- params, messages, and severities by id or by pattern) reach the rule
-- whether or not the config says anything of them.

local packs = require "packs"

local HEAD = 'severity = "info"\nmessage = { zh = "规则" }\ncheck = function() end\n'

local function user_pack(name, files)
  os.execute("mkdir -p " .. tmp .. "/" .. name)
  for base, body in pairs(files) do
    write(name .. "/" .. base .. ".lua", 'id = "' .. name .. "." .. base .. '"\n' .. HEAD .. body)
  end
  return tmp .. "/" .. name
end

test("a rule's basis must be texts and its schema known kinds; one without either loads", function()
  local dir = user_pack("load_checks", {
    plain = "",
    basis_ok = 'basis = { "条例", "办法" }\n',
    basis_num = 'basis = { "条例", 3 }\n',
    basis_late = 'basis = { "条例", "办法", {} }\n',
    basis_gap = 'basis = { "条例", nil, 5 }\n',     -- read as ipairs reads it: up to the gap
    basis_word = 'basis = "条例"\n',
    schema_ok = 'schema = { limit = "integer" }\nparams = { limit = 1 }\n',
    schema_bad = 'schema = { limit = "huge" }\n',
    schema_key = 'schema = { "integer" }\n',
  })
  local P = packs.load(".", { dir }, {}):pack("gb2021")
  local why = {}
  for _, b in ipairs(P.broken) do why[b.id] = b.why end
  for _, ok in ipairs { "plain", "basis_ok", "basis_gap", "schema_ok" } do
    eq(nil, why["load_checks." .. ok], ok .. " is not broken")
    eq(true, P.rule_by_id["load_checks." .. ok] ~= nil, ok .. " loads")
  end
  for _, bad in ipairs { "basis_num", "basis_late", "basis_word" } do
    has(why["load_checks." .. bad], "field 'basis' must be a list of texts", bad)
  end
  has(why["load_checks.schema_bad"], "parameter 'limit' has kind 'huge'", "schema_bad")
  has(why["load_checks.schema_key"], "parameter '1' has kind 'integer'", "schema_key")
  eq("条例 办法", table.concat(P.rule_by_id["load_checks.basis_ok"].basis, " "), "the basis kept")
end)

test("the config's severities by id and by pattern, and its params, reach the rules; none without a word", function()
  local plain = packs.load(".", {}, {}):pack("gb2021")
  local set = packs.load(".", {}, { rules = { ["gb2021.txt.*"] = "info", ["gb2021.txt.new"] = "on",
                                              ["gb2021.t3.*"] = "off", ["gb2021.t3.balance"] = "warning" },
                                    params = { ["gb2021.qlt.thin"] = { min = 3 } } })
  local P = set:pack("gb2021")
  for _, r in ipairs(P.rules) do
    local before = plain.rule_by_id[r.id]
    if r.id == "gb2021.txt.new" then eq(before.severity, r.severity, r.id .. ": on keeps its own")
    elseif r.id == "gb2021.t3.balance" then eq("warning", r.severity, r.id .. ": its own word")
    elseif r.id:match("^gb2021%.txt%.") then eq("info", r.severity, r.id .. ": the pattern's")
    elseif r.id:match("^gb2021%.t3%.") then eq(false, r.enabled, r.id .. ": off")
    else
      eq(before.severity, r.severity, r.id .. ": untouched")
      eq(true, r.enabled, r.id .. ": on")
    end
    eq(true, before.enabled, r.id .. ": on without a config")
  end
  eq(3, P.rule_by_id["gb2021.qlt.thin"].params.min, "a param from the config")
  eq(100, plain.rule_by_id["gb2021.qlt.thin"].params.min, "and the rule's own without it")
  eq(nil, set:setting("gb2021.other"), "no word: nil")
  eq("off", set:setting("gb2021.t3.row_total"), "a pattern's word")
  eq(nil, packs.load(".", {}, {}):setting("gb2021.t3.row_total"), "a config without rules: nil")
end)

test("a home rule file that fails its checks raises what it failed with; a user pack's is kept as broken", function()
  local dir = tmp .. "/home_bad_rule"
  os.execute("mkdir -p " .. dir .. "/rules/gbt")
  write("home_bad_rule/rules/gbt/pack.lua", 'name = "gbt"\n')
  write("home_bad_rule/rules/gbt/format.lua", "parts = {}\ntables = {}\n")
  write("home_bad_rule/rules/gbt/loud.lua", 'id = "gbt.loud"\nseverity = "loud"\nmessage = { zh = "响" }\n' ..
        "check = function() end\n")
  local ok, why = pcall(function() return packs.load(dir, {}, {}):pack("gbt") end)
  eq(false, ok, "the build fails")
  eq(dir .. "/rules/gbt/loud.lua: field 'severity' must be error, warning or info", why, "as check_rule said it")
  -- the same file in a user pack: that rule broken, the pack built
  os.execute("mkdir -p " .. tmp .. "/bad_user")
  write("bad_user/loud.lua", 'id = "bad_user.loud"\nseverity = "loud"\nmessage = { zh = "响" }\n' ..
        "check = function() end\n")
  local P = packs.load(".", { tmp .. "/bad_user" }, {}):pack("gb2021")
  local broken
  for _, b in ipairs(P.broken) do if b.id == "bad_user.loud" then broken = b end end
  eq(tmp .. "/bad_user/loud.lua: field 'severity' must be error, warning or info", broken and broken.why, "kept as broken")
  eq(true, #P.rules > 50, "the national rules loaded")
end)
