-- The rules of a re grammar (what the readers of a grammar are compiled
-- together from) are found by one match of the text's tokens. They are
-- what the scan of a token at a time found: the same rules, bodies and
-- references, and nil for the same texts, over the national grammars and
-- every cut and change of them.

local claims = require "claims"
local lpeg = require "lpeg"
local P, R, S, C, Cp = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cp

-- the scan of a token at a time, as it was
local RULE = "rule__"
local word_char = R("az", "AZ", "09") + "_"
local byte_char = {}
for b = 0, 255 do byte_char[b] = string.char(b) end
-- (a token's start and its name, each found by one match, not a find for each piece)
local space = S" \t\n\v\f\r"
local next_token = space^0 * Cp() * (1 - (word_char + S"_\"'[-%{=<~"))^0 * Cp()
local name_arrow = C((R("az", "AZ") + "_") * word_char^0) * Cp() * (space^0 * "<-" * Cp())^-1
local function plain_rules(src)
  if src:find("%" .. RULE, 1, true) then return nil end
  local list, cur, last, i = {}, nil, 1, 1
  local function cut(upto, with)
    cur.parts[#cur.parts + 1] = src:sub(last, upto)
    cur.parts[#cur.parts + 1] = with
  end
  while true do
    local said, a = next_token:match(src, i)
    if a > #src then break end
    if said < a then                                     -- not only spaces before the token
      if not cur then return nil end
      cur.said = true
    end
    local b, b2 = src:byte(a, a + 1)
    local c, d = byte_char[b], byte_char[b2] or ""
    local says = true                                    -- the token is part of the rule's body
    if c == "-" and d == "-" then                        -- a comment
      i, says = (src:find("\n", a, true) or #src) + 1, false
    elseif not cur and not c:match("[%a_]") then return nil
    elseif c == '"' or c == "'" then
      local e = src:find(c, a + 1, true)
      if not e then return nil end
      i = e + 1
    elseif c == "[" then
      local from = d == "^" and a + 2 or a + 1             -- the first item may be "]"
      if d == "^" and src:sub(from, from) == "]" then return nil end
      local e = src:find("]", from + 1, true)
      if not e or src:sub(a, e):find("%", 1, true) then return nil end
      i = e + 1
    elseif c == "-" then
      if d == ">" and not src:find("^%s*['\"{%d]", a + 2) then return nil end
      i = a + 1
    elseif c == "%" then
      i = src:find("[^%w_]", a + 1) or #src + 1
    elseif c == "{" then                                 -- "{:name:" names a group
      i = d == ":" and (select(2, src:find("^[%a_][%w_]*:", a + 2)) or a + 1) + 1 or a + 1
    elseif c == "~" and d == "}" then i = a + 2
    elseif c == "=" or c == "<" or c == "~" then return nil
    elseif b >= 48 and b <= 57 then i = src:find("%D", a) or #src + 1   -- a digit
    else
      local name, past_name, past_arrow = name_arrow:match(src, a)
      local e, arrow = past_name - 1, past_arrow and past_arrow - 1
      if arrow then
        -- a rule that says nothing before the next: re reads the rules after it as its grammar
        if cur and not cur.said then return nil end
        if cur then cut(a - 1, "") end
        cur = { name = name, parts = {}, refs = {} }
        list[#list + 1] = cur
        last, says = arrow + 1, false
      else
        if not cur then return nil end
        cut(a - 1, "%" .. RULE .. name)
        cur.refs[name] = true
        last = e + 1
      end
      i = last
    end
    if says then cur.said = true end
  end
  if not cur or not (cur.said or src:sub(i):find("%S")) then return nil end
  cut(#src, "")
  for _, r in ipairs(list) do r.body, r.parts, r.said = table.concat(r.parts), nil, nil end
  return list
end

local function shown(list)
  if not list then return "nil" end
  local out = {}
  for _, r in ipairs(list) do
    local refs = {}
    for k in pairs(r.refs) do refs[#refs + 1] = k end
    table.sort(refs)
    out[#out + 1] = string.format("%s <- [%s] {%s}", r.name, r.body, table.concat(refs, ","))
  end
  return table.concat(out, "\n")
end

local function same(src, what)
  eq(shown(plain_rules(src)), shown(claims.plain_rules(src)), what)
end

-- the grammars and words the national rules give text.claims and text.grammar
local function national_texts()
  local P_ = nianbao.engine:pack("gb2021")
  local texts = {}
  local function add(v) if type(v) == "string" then texts[#texts + 1] = v end end
  for _, rule in ipairs(P_.rules) do
    local src = rule.path and nbio.readfile(rule.path)
    if src and (src:find("text.claims", 1, true) or src:find("text.grammar", 1, true)) then
      local real = rule.env.text
      local function keep(f)
        return function(spec)
          add(spec.words)
          for _, r in ipairs(spec.readers or { spec }) do add(r.grammar) end
          return f(spec)
        end
      end
      local text = setmetatable({ claims = keep(real.claims), grammar = keep(real.grammar) }, { __index = real })
      assert(load(src, "@" .. rule.path, "t", setmetatable({ text = text }, { __index = rule.env })))()
    end
  end
  return texts
end

test("the rules of the national grammars and words are those of the scan of a token at a time", function()
  local texts = national_texts()
  eq(true, #texts >= 70, "texts: " .. #texts)
  local plain = 0
  for i, src in ipairs(texts) do
    same(src, "text " .. i)
    if claims.plain_rules(src) then plain = plain + 1 end
  end
  eq(true, plain >= 70, "plainly rules: " .. plain)
end)

test("every cut of a grammar, and every odd token put in it, is read as the scan read it", function()
  local texts = {
    [[ claim <- (cause? by suit) -> 'total' ("的" "案件")? ("共计" / "共" / "为")? %count !some ]],
    [[
      suit  <- ("政府信息公开" ("方面" / "类")? "的"? / "依申请公开" "类"?)? "行政诉讼" -- a comment
      kind  <- "未经复议直接起诉" -> 'direct' / "复议后起诉" -> 'after'
      some  <- %comma? %sp "其中" (!disclosure !%count %ch)^-4 disclosure
      disclosure <- [^]a-z] / [a-c] {:zero: "均" :} {~ x ~} {| y |} {} . 'q' -> {} x -> 2 =x <x>
    ]],
    "-- only a comment\n a <- b\n b <- 'x'",
    "a <- b c <- d",
    "a <- 'x'\n",
    "a <- 'x' )",
  }
  local odd = { "", "'", '"', "[", "]", "[^", "[^]", "%", "-", "--", "->", "-> f", "{:", "{:n:", "~", "~}", "=", "<",
                "<-", "x <-", "9", " ", "\n", "}", ":}", "(", "r" .. "ule__x", "%" .. "rule__x", "é" }
  local n = 0
  for _, src in ipairs(texts) do
    for cut = 0, #src do
      same(src:sub(1, cut), "cut")
      n = n + 1
    end
    for at = 1, #src + 1, 3 do
      for _, o in ipairs(odd) do
        same(src:sub(1, at - 1) .. o .. src:sub(at), "put " .. o)
        n = n + 1
      end
    end
  end
  eq(true, n > 1000, "texts read")
end)
