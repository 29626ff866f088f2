-- Reviewed findings stay reviewed (--baseline FILE): each finding has a
-- fingerprint that does not move with the lines of a file — its rule, the
-- report's agency key and year, the cells involved and the numbers found
-- and expected (the message where no cell is named). A baseline is a YAML
-- file of fingerprints; a run with one reports only the findings it does
-- not hold. An agency acknowledges a finding in its own report YAML:
--   acknowledged:
--     - rule: gb2021.xy.t2_stock
--       cells: [t2.nrm.valid]        # optional: only the finding on these cells
--       reason: 2024年清理规范性文件，废止12件

local nianbao = require "nianbao"
local nbio = require "nianbao.io"

local M = {}

-- 64-bit FNV-1a as 16 hex digits (in C: a fingerprint per finding)
local fnv = require("nianbao.similar").fnv

-- fingerprint(f, key, year) → 16 hex digits
function M.fingerprint(f, key, year)
  local cells = {}
  for i, c in ipairs(f.cells or {}) do cells[i] = c end
  table.sort(cells)
  local parts = { f.rule or "", key or "", tostring(year or ""), table.concat(cells, ","),
                  tostring(f.found or ""), tostring(f.expected or "") }
  if #cells == 0 then parts[#parts + 1] = f.message or "" end
  return fnv(table.concat(parts, "\31"))
end

-- load(path) → baseline {set = fingerprint → true, path, exists} | nil, reason
function M.load(path)
  local B = { path = path, set = {}, exists = false, entries = {} }
  if nbio.stat(path) == nil then return B end
  local src, err = nbio.readfile(path)
  if not src then return nil, path .. ": " .. err end
  local doc, where = nianbao.yaml.decode(src, path)
  if doc == nil then return nil, where end
  if type(doc) ~= "table" or type(doc.baseline) ~= "table" then
    return nil, path .. ": not a baseline (no 'baseline:' list)"
  end
  B.exists = true
  for i, e in ipairs(doc.baseline) do
    local fp = type(e) == "table" and e.fingerprint or e
    if type(fp) ~= "string" or not fp:match("^%x+$") then
      return nil, string.format("%s: entry %d has no fingerprint", path, i)
    end
    B.set[fp] = true
  end
  return B
end

-- The text of a baseline holding entries ({fingerprint, rule, file, agency, year, message}).
function M.encode(entries)
  local list = {}
  for i, e in ipairs(entries) do
    list[i] = { fingerprint = e.fingerprint, rule = e.rule, file = e.file, agency = e.agency,
                year = e.year, message = e.message }
  end
  return "# nianbao baseline: findings already reviewed; a run with --baseline reports only others\n"
         .. nianbao.yaml.encode { baseline = list }
end

-- Is finding f acknowledged by the report's own `acknowledged` list? → reason | nil
function M.acknowledged(R, f)
  local list = R and R.acknowledged
  if not list then return nil end          -- most reports: no list, and no table made to say so
  for _, a in ipairs(list) do
    if a.rule == f.rule then
      local all = true
      for _, id in ipairs(a.cells or {}) do
        local has = false
        for _, c in ipairs(f.cells or {}) do has = has or c == id end
        all = all and has
      end
      if all then return a.reason end
    end
  end
end

return M
