-- The archive (--db FILE): an SQLite database of every report checked,
-- its cells with their states and every finding, so a later batch finds
-- an agency's earlier years by its agency key without --previous, and an
-- evaluator can ask the region's questions in SQL (README: five queries).
--
--   reports   one row per report checked: agency, agency_key, year, source,
--             path, format, issuer, published, digest (of the file's bytes),
--             narrative (the text compared for copies), errors, warnings,
--             infos, previous (the report id used as the year before)
--   cells     report, id, state, value (exact, as text), text, line
--   findings  report, rule, severity, message, cells (space-separated ids),
--             found, expected, line, col, fingerprint
--
-- The same file checked again (same digest) replaces its rows.

local db = require "nianbao.db"
local Report = require "report"

local M = {}

local SCHEMA = [[
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY, agency TEXT, agency_key TEXT, year INTEGER, source TEXT, path TEXT,
  format TEXT, issuer TEXT, published TEXT, digest TEXT, narrative TEXT,
  errors INTEGER, warnings INTEGER, infos INTEGER, previous INTEGER, checked TEXT);
CREATE INDEX IF NOT EXISTS reports_key_year ON reports (agency_key, year);
CREATE INDEX IF NOT EXISTS reports_digest ON reports (digest);
CREATE TABLE IF NOT EXISTS cells (
  report INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  id TEXT NOT NULL, state TEXT NOT NULL, value TEXT, text TEXT, line INTEGER,
  PRIMARY KEY (report, id));
CREATE TABLE IF NOT EXISTS findings (
  report INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  rule TEXT, severity TEXT, message TEXT, cells TEXT, found TEXT, expected TEXT,
  line INTEGER, col INTEGER, fingerprint TEXT);
CREATE INDEX IF NOT EXISTS findings_report ON findings (report);
CREATE INDEX IF NOT EXISTS findings_rule ON findings (rule);
]]

local Archive = {}
Archive.__index = Archive

-- open(path) → archive | nil, reason. Writes go in one transaction,
-- committed by :close() (and every 500 reports).
function M.open(path)
  local conn, err = db.open(path)
  if not conn then return nil, err end
  local ok, serr = pcall(conn.exec, conn, SCHEMA)
  if not ok then
    conn:close()
    return nil, serr
  end
  conn:exec("BEGIN")
  return setmetatable({ db = conn, path = path, pending = 0 }, Archive)
end

function Archive:close()
  if self.db then
    self.db:exec("COMMIT")
    self.db:close()
    self.db = nil
  end
end

-- store(R, findings, info) → report id. info: digest, narrative, previous
-- (an archive id or nil), key, fingerprints (one per finding).
function Archive:store(R, findings, F, info)
  local conn = self.db
  if info.digest then conn:run("DELETE FROM reports WHERE digest = ?", info.digest) end
  local n = { error = 0, warning = 0, info = 0 }
  for _, f in ipairs(findings) do n[f.severity] = (n[f.severity] or 0) + 1 end
  local _, id = conn:run([[INSERT INTO reports (agency, agency_key, year, source, path, format, issuer,
      published, digest, narrative, errors, warnings, infos, previous, checked)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, datetime('now'))]],
    R and R.agency, info.key, R and R.year, R and R.source, info.path, R and R.format, R and R.issuer,
    R and R.published, info.digest, info.narrative, n.error, n.warning, n.info, info.previous)
  if R and R.format ~= "legacy" then
    local rows = {}
    for _, cid in ipairs(F.cells) do
      local ok, c = pcall(R.c.get, R.c, cid)
      if ok then
        local v = c.value
        rows[#rows + 1] = { id, cid, c.state, v ~= nil and tostring(v) or nil, c.text, c.line }
      end
    end
    conn:many("INSERT INTO cells (report, id, state, value, text, line) VALUES (?, ?, ?, ?, ?, ?)", rows)
  end
  local rows = {}
  for i, f in ipairs(findings) do
    rows[#rows + 1] = { id, f.rule, f.severity, f.message, table.concat(f.cells or {}, " "), f.found,
                        f.expected, f.line, f.col, info.fingerprints and info.fingerprints[i] }
  end
  conn:many([[INSERT INTO findings (report, rule, severity, message, cells, found, expected, line, col,
              fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)]], rows)
  self.pending = self.pending + 1
  if self.pending >= 500 then
    conn:exec("COMMIT; BEGIN")
    self.pending = 0
  end
  return id
end

-- The report of agency `key` for `year` in the archive, as a report of
-- format F with its cells (for prev.* cells and the checks across years),
-- or nil. Skips the report of digest `not_digest` (the file itself).
function Archive:find(F, key, year, not_digest)
  if not key or not year then return nil end
  local rows = self.db:run([[SELECT id, agency, year, source, path, format, issuer, published, narrative, digest
      FROM reports WHERE agency_key = ? AND year = ? AND format <> 'legacy' AND (digest IS NULL OR digest <> ?)
      ORDER BY checked DESC, id DESC LIMIT 1]], key, year, not_digest or "")
  local row = rows[1]
  if not row then return nil end
  local R = Report.new(F, row.path)
  R.agency, R.year, R.source, R.published, R.issuer = row.agency, row.year, row.source, row.published,
                                                       row.issuer or R.issuer
  for _, c in ipairs(self.db:run("SELECT id, state, value, text, line FROM cells WHERE report = ?", row.id)) do
    if pcall(R.c.state, R.c, c.id) then
      local value = c.state == "number" and c.value and (math.tointeger(tonumber(c.value)) or c.value) or nil
      local ok = pcall(R.c.set, R.c, c.id, c.state, value, c.text, c.line)
      if not ok then R.c:set(c.id, "unknown") end
    end
  end
  Report.freeze(R)
  return { R = R, pending = {}, id = row.id, path = row.path, narrative = row.narrative }
end

return M
