-- A rule file's fields reach its rule as the file sets them: each field a
-- rule may set, read from the file's globals by its name.

local packs = require "packs"

test("every field a national rule file sets reaches its rule", function()
  local set = packs.load(".", {}, {})
  local P = set:pack("gb2021")
  local seen = {}
  for _, rule in ipairs(P.rules) do
    local env = setmetatable({}, { __index = function() return setmetatable({}, { __index = function() return function() end end,
                                                                                __call = function() return function() end end }) end })
    local chunk = assert(loadfile(rule.path, "t", env))
    pcall(chunk)
    eq(rawget(env, "severity"), rule.severity, rule.id .. ": severity")
    eq(rawget(env, "identity"), rule.identity, rule.id .. ": identity")
    eq(rawget(env, "message").zh, rule.message.zh, rule.id .. ": message")
    for _, k in ipairs { "rationale", "basis", "help", "schema" } do
      local v = rawget(env, k)
      if v ~= nil then
        seen[k] = true
        eq(type(v), type(rule[k]), rule.id .. ": " .. k)
        if type(v) == "table" then eq(#v, #rule[k], rule.id .. ": " .. k .. " entries") end
        if type(v) == "string" then eq(v, rule[k], rule.id .. ": " .. k) end
      end
    end
    if rawget(env, "check") ~= nil then eq("function", type(rule.check), rule.id .. ": check") end
  end
  eq(true, seen.rationale and seen.basis and true or false, "rationale and basis among the rules")
end)

test("a user pack's rule keeps every field it sets", function()
  local dir = tmp .. "/fields_pack"
  os.execute("mkdir -p " .. dir)
  write("fields_pack/pack.lua", 'name = "fields"\n')
  write("fields_pack/all.lua", table.concat({
    'id = "fields.all"', 'severity = "info"', 'message = { zh = "中", en = "en" }',
    'identity = "t3.new.np = t3.new.np"', 'schema = { limit = "integer" }', 'params = { limit = 3 }',
    'rationale = { zh = "理由", en = "why" }', 'basis = { "条例" }', 'help = "https://example.org/all"' }, "\n"))
  local set = packs.load(".", { dir }, {})
  local rule = set:pack("gb2021").rule_by_id["fields.all"]
  eq("info", rule.severity, "severity")
  eq("t3.new.np = t3.new.np", rule.identity, "identity")
  eq("integer", rule.schema.limit, "schema")
  eq(3, rule.params.limit, "params")
  eq("理由", rule.rationale.zh, "rationale")
  eq("条例", rule.basis[1], "basis")
  eq("https://example.org/all", rule.help, "help")
end)
