-- Report.restored(F, fields) makes a stowed report's fields a report again:
-- the same report as new's, emptied and given the fields one by one, made
-- before — the same fields, no cell set, of the same format, its methods
-- reading the same — and it is the fields' own table.

local Report = require "report"
local E = nianbao.engine

-- a report as the spool's restore made one before: new's fields dropped, then set
local function restored_by_new(F, fields)
  local R = Report.new(F, nil)
  for k in next, R do
    if k ~= "c" then R[k] = nil end
  end
  for k, v in next, fields do R[k] = v end
  return R
end

-- every field but the cells, shallow (the restored reports share the values)
local function fields_of(R)
  local out = {}
  for k, v in next, R do
    if k ~= "c" then out[k] = v end
  end
  return out
end

test("Report.restored: the fields and format new's report emptied and filled had, its cells missing", function()
  local bound = assert(E:bind_text(JIUQU, "jiuqu-2024.txt"))
  local F = Report.format_of(bound)
  local fields = fields_of(bound)
  local want = restored_by_new(F, fields_of(bound))
  local got = Report.restored(F, fields)
  eq(fields, got, "the fields' own table")
  eq(getmetatable(want), getmetatable(got), "a report")
  eq(F, Report.format_of(got), "its format")
  local n_want, n_got = 0, 0
  for k, v in next, want do
    n_want = n_want + 1
    if k ~= "c" then eq(v, got[k], "field " .. tostring(k)) end
  end
  for _ in next, got do n_got = n_got + 1 end
  eq(n_want, n_got, "as many fields")
  eq(true, got.c ~= bound.c, "cells of its own")
  for _, id in ipairs(F.cells) do
    eq(want:cell(id).state, got:cell(id).state, "cell " .. id)
    eq("missing", got:cell(id).state, "cell " .. id .. " not set")
  end
  for _, s in ipairs(bound.sections) do
    if s.id then eq(want:section(s.id), got:section(s.id), "section " .. s.id) end
  end
  local passage = bound.sections[#bound.sections].text:sub(1, 12)
  local wl, wc = want:locate(passage)
  local gl, gc = got:locate(passage)
  eq(wl, gl, "located line")
  eq(wc, gc, "located col")
end)
