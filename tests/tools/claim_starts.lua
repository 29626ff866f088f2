-- Writes scripts/lib/claim_starts.lua (to stdout): the rules of each text
-- of the national packs' grammars, and where the readers of each grammar
-- can begin, worked out as a check works them out at start, by the texts
-- they read. A check takes them from that file where the texts are the
-- same, and works out any other (a user pack's, an edited rule's) as before.
--   nianbao run tests/tools/claim_starts.lua > scripts/lib/claim_starts.lua
-- (make claim-starts; the test claim_starts_known fails when it is stale)

local claims = require "claims"

-- every look the national packs' grammars make, by language and key
local function recorded()
  local record = { starts = {}, rules = {}, leads = {}, plans = {} }
  claims.starts_record = record
  local ok, err = pcall(function()
    local set = require("packs").load(".", {}, {})
    for _, name in ipairs(set.order) do set:pack(name) end
  end)
  claims.starts_record = nil
  assert(ok, err)
  return record
end

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  return keys
end

-- a string as Lua reads it, its bytes past ASCII escaped: the file holds no
-- word of the format in its code (the words are the rules')
local function quoted(s)
  return (string.format("%q", s):gsub("[\128-\255]", function(b) return string.format("\\x%02X", b:byte()) end))
end

-- each language's entries in out, in the order of their keys: entry(key,
-- value) gives an entry's lines
local function by_language(out, languages, entry)
  for _, language in ipairs(sorted_keys(languages)) do
    out[#out + 1] = "[" .. quoted(language) .. "] = {\n"
    local entries = languages[language]
    for _, key in ipairs(sorted_keys(entries)) do out[#out + 1] = entry(key, entries[key]) end
    out[#out + 1] = "},\n"
  end
end

local function written(record)
  local out = {
    "-- Made by tests/tools/claim_starts.lua (make claim-starts): do not edit.\n",
    "-- rules: the rules of each text of the national packs' grammars (claims.lua,\n",
    "-- plain_rules); starts: where their readers can begin (readers_start), by\n",
    "-- the language's words, then by the grammar's texts; leads: the first bytes\n",
    "-- of the words around a claim (claims.lua, words_lead), by language and text;\n",
    "-- plans: the readers of each grammar as the text of one re grammar\n",
    "-- (claims.lua, joined_rules), by language, then by the key of their starts.\n",
    "return {\nrules = {\n",
  }
  for _, src in ipairs(sorted_keys(record.rules)) do
    local list = record.rules[src]
    out[#out + 1] = "[" .. quoted(src) .. "] ="
    if not list then out[#out + 1] = " false,\n"
    else
      out[#out + 1] = " {\n"
      for _, r in ipairs(list) do
        local refs = {}
        for _, name in ipairs(sorted_keys(r.refs)) do refs[#refs + 1] = "[" .. quoted(name) .. "] = true" end
        out[#out + 1] = string.format("  { name = %s, body = %s,\n    refs = { %s } },\n",
                                      quoted(r.name), quoted(r.body), table.concat(refs, ", "))
      end
      out[#out + 1] = "},\n"
    end
  end
  out[#out + 1] = "},\nstarts = {\n"
  by_language(out, record.starts, function(key, look)
    local list = "false"
    if look.list then
      local items = {}
      for i, c in ipairs(look.list) do items[i] = quoted(c) end
      list = "{ " .. table.concat(items, ", ") .. " }"
    end
    return string.format("[%s] =\n  { list = %s, uniform = %s },\n", quoted(key), list, tostring(look.uniform))
  end)
  out[#out + 1] = "},\nleads = {\n"
  by_language(out, record.leads, function(src, leads)
    return string.format("[%s] = %s,\n", quoted(src), leads and quoted(leads) or "false")
  end)
  out[#out + 1] = "},\nplans = {\n"
  by_language(out, record.plans, function(key, plan)
    local refs, used = {}, {}
    for i, r in ipairs(plan.refs) do refs[i] = quoted(r) end
    for i, w in ipairs(plan.used) do used[i] = quoted(w) end
    local guard = "nil"
    if plan.guard then
      local sets = {}
      for i, at in ipairs(plan.guard.sets) do
        local places = {}
        for k, bytes in ipairs(at) do places[k] = quoted(bytes) end
        sets[i] = "{ " .. table.concat(places, ", ") .. " }"
      end
      guard = string.format("{ sets = { %s }, alts = %s, leads = %s }", table.concat(sets, ", "),
                            plan.guard.alts and quoted(plan.guard.alts) or "nil", quoted(plan.guard.leads))
    end
    return string.format("[%s] =\n  { text = %s,\n    refs = { %s }, used = { %s },\n    guard = %s },\n", quoted(key),
                         quoted(plan.text), table.concat(refs, ", "), table.concat(used, ", "), guard)
  end)
  out[#out + 1] = "},\n}\n"
  return table.concat(out)
end

if ... == "record" then return recorded end
io.write(written(recorded()))
