-- The identities of a pack as one system: the only arithmetic of a format.
-- Checking evaluates them (rules); binding asks whether a reading of
-- glued digits is consistent with them; fill derives totals from them;
-- cross-year checks and cutting use their prev.* cells. Every instance is
-- indexed by the cells it touches, so a question about a few cells looks
-- only at the instances that involve them.

local M = {}

local System = {}
System.__index = System

-- The failures of the sums' instances on a report's cells, as System:tails
-- asked them (eval with no names' values), kept while no cell of them is
-- set again: the identity rules then ask the same of cells no step changed
-- in between. cells → { [SETS] = cells:sets() when asked, [rule] = failures }
local failed_on = setmetatable({}, { __mode = "k" })
local SETS = {}

-- asked(c) → rule → the failures its eval gives on cells c, for the rules
-- asked of them since a cell was last set | nil (none so asked)
function M.asked(c)
  local memo = failed_on[c]
  if memo and memo[SETS] == c:sets() then return memo end
  return nil
end

-- new(format, rules) → system of every enabled identity rule's instances.
-- The instances are listed and indexed when first asked for: a batch
-- whose tables all read plainly never asks, and listing them is some
-- 4 M instructions of every start.
function M.new(F, rules)
  local wanted, sums = {}, {}
  for _, rule in ipairs(rules) do
    if rule.compiled and rule.enabled then
      wanted[#wanted + 1] = rule
      if rule.compiled:relation() == "=" then sums[#sums + 1] = rule end
    end
  end
  return setmetatable({ format = F, rules = wanted, sums = sums }, System)
end

-- The instances of the system's rules, each indexed by the cells it touches.
-- (by the cells' ids alone: an instance's terms, their sides and signs, are
-- made when a sum is worked with, terms_of; a report's first bind that
-- asks for the index made the terms of every instance, some 1.4 M
-- instructions, for the few a report's failing sums and blanks need)
local function index(self)
  local F, instances, touching, by_rule = self.format, {}, {}, {}
  for _, rule in ipairs(self.rules) do
    for k = 1, rule.compiled:instances() do
      local inst = { rule = rule, k = k, cells = {} }
      local of_rule = by_rule[rule] or {}
      by_rule[rule], of_rule[k] = of_rule, inst
      for _, id in ipairs(rule.compiled:cells(F.schema, k)) do
        inst.cells[id] = true
        local list = touching[id]
        if not list then list = {}; touching[id] = list end
        list[#list + 1] = inst
      end
      instances[#instances + 1] = inst
    end
  end
  self.instances, self.touching, self.by_rule = instances, touching, by_rule
end

-- The terms of instance inst of the system's rules ({id=, side=, sign=}
-- each), made at the first asking and kept.
local function terms_of(self, inst)
  local terms = inst.terms
  if not terms then
    terms = inst.rule.compiled:terms(self.format.schema, inst.k)
    inst.terms = terms
  end
  return terms
end

-- The instances that involve any of `cells` (a list of ids), each once.
function System:involving(cells)
  if not self.touching then index(self) end
  local out, seen = {}, {}
  for _, id in ipairs(cells) do
    for _, inst in ipairs(self.touching[id] or {}) do
      if not seen[inst] then seen[inst] = true; out[#out + 1] = inst end
    end
  end
  return out
end

-- reaching(cells, where) → the instances involving `cells` that lie all
-- among them (where = "inside": a row's own arithmetic) or reach past them
-- ("past": a column's sum, tying them to cells read elsewhere), each once.
function System:reaching(cells, where)
  local set, out, past_wanted = {}, {}, where == "past"
  for _, id in ipairs(cells) do set[id] = true end
  for _, inst in ipairs(self:involving(cells)) do
    local past = false
    for id in pairs(inst.cells) do
      if not set[id] then past = true; break end
    end
    if past == past_wanted then out[#out + 1] = inst end
  end
  return out
end

-- consistent(c, cells, within) → false when an identity that involves
-- `cells` can be evaluated on the cells c and fails. With `within`, only
-- the identities all of whose cells are among `cells` count (a row's own
-- arithmetic, blind to the rest of a table that may itself be wrong).
function System:consistent(c, cells, within)
  local list = within and self:reaching(cells, "inside") or self:involving(cells)
  for _, inst in ipairs(list) do
    if inst.rule.compiled:check(c, inst.k) == "fails" then return false end
  end
  return true
end

-- confirmed(c, cells) → true when an identity that reaches past `cells`
-- (a column's sum, not a row's own total) holds on the cells c: the cells
-- agree with others read elsewhere, not only among themselves.
function System:confirmed(c, cells)
  for _, inst in ipairs(self:reaching(cells, "past")) do
    if inst.rule.compiled:check(c, inst.k) == "holds" then return true end
  end
  return false
end

-- A number whose digits are another's with its last ones cut (a wrap in a
-- narrow cell: 3119 read as 31) or with one or two digits more (a footnote's
-- mark run into it: 74 read as 741; a converter printing a note's number
-- and its own mark, 351 read as 35121). → "cut", "more" or nil
local function tail_of(found, expected)
  if expected < 0 or found == expected then return nil end
  local a, b = tostring(found), tostring(expected)
  if (#a == #b + 1 or #a == #b + 2) and a:sub(1, #b) == b then return "more" end
  if #a < #b and b:sub(1, #a) == a then return "cut" end
  return nil
end

-- Whether some identity that involves the cell holds on c.
local function agrees(self, c, id)
  for _, inst in ipairs(self.touching[id] or {}) do
    if inst.rule.compiled:check(c, inst.k) == "holds" then return true end
  end
  return false
end

-- tails(c) → the cells whose number breaks a sum that holds with the
-- number's digits cut short or one longer, and holds no other sum, each
-- once: {id=, found=, expected=, how=} ("cut" | "more"). A text's wrap or
-- mark, or the author's slip: either way the number read is not to be
-- trusted. (A number some sum agrees with is the page's, whatever another
-- sum that also holds a wrong number says of it.)
function System:tails(c)
  local out, seen = {}, {}
  local asked = { [SETS] = c:sets() }
  failed_on[c] = asked
  -- (the failures each sum's instances give, found in C: most reports have none)
  for _, r in ipairs(self.sums) do
    local fails = r.compiled:eval(c)
    asked[r] = fails
    if #fails > 0 and not self.instances then index(self) end
    for _, f in ipairs(fails) do
      local inst = self.by_rule[r][f.instance]
      local diff, all = 0, not f.overflow
      local terms = terms_of(self, inst)
      for _, t in ipairs(terms) do
        local state, v = c:state(t.id)
        if state ~= "number" or math.type(v) ~= "integer" then all = false; break end
        diff = diff + (t.side == "lhs" and t.sign or -t.sign) * v
      end
      for _, t in ipairs(all and terms or {}) do
        if not seen[t.id] and not t.id:match("^prev%.") then
          local _, v = c:state(t.id)
          local expected = v - (t.side == "lhs" and t.sign or -t.sign) * diff
          local how = tail_of(v, expected)
          if how and not agrees(self, c, t.id) then
            seen[t.id] = true
            out[#out + 1] = { id = t.id, found = v, expected = expected, how = how }
          end
        end
      end
    end
  end
  return out
end

-- The instances an author's blank can be filled from: an equation with one
-- cell alone on one side ("the total"), every other cell a number.
-- derive(c, is_blank) → list of {id=, value=} and list of {id=, found=,
-- expected=} where a total written disagrees; fills repeat until nothing
-- changes, so totals of totals follow.
function System:derive(c, set)
  if not self.instances then index(self) end
  local filled, differ, done = {}, {}, {}
  local changed = true
  while changed do
    changed = false
    for _, inst in ipairs(self.instances) do
      if inst.rule.compiled:relation() == "=" and not done[inst] then
        local sides = { lhs = {}, rhs = {} }
        for _, t in ipairs(terms_of(self, inst)) do table.insert(sides[t.side], t) end
        for side, other in pairs { lhs = "rhs", rhs = "lhs" } do
          local one = sides[side]
          if #one == 1 and one[1].sign == 1 and not one[1].id:match("^prev%.") then
            local target = one[1].id
            local sum, ok = 0, true
            for _, t in ipairs(sides[other]) do
              local state, v = c:state(t.id)
              if state ~= "number" or math.type(v) ~= "integer" then ok = false; break end
              sum = sum + t.sign * v
            end
            if ok then
              local state, v = c:state(target)
              if state == "blank" then
                set(target, sum)
                filled[#filled + 1] = { id = target, value = sum }
                done[inst], changed = true, true
              elseif state == "number" and math.type(v) == "integer" and v ~= sum then
                differ[#differ + 1] = { id = target, found = v, expected = sum }
                done[inst] = true
              elseif state == "number" then
                done[inst] = true
              end
            end
          end
        end
      end
    end
  end
  return filled, differ
end

return M
