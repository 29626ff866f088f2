-- The files of a batch over worker processes (-j N): the workers are
-- forked once the packs are loaded and the batch surveyed (nianbao.jobs),
-- so each starts with everything the batch shares; each takes the next
-- file no one has taken, and the results come back in the order of the
-- files, so the output is the one a single process writes. What needs all
-- the reports (years paired, copies, the archive, the dashboard) stays in
-- the parent (batch.lua). A worker that dies loses only the file it was
-- on: that file's result says so.

local jobs = require "nianbao.jobs"
local marshal = require "marshal"
local messages = require "messages"

local M = {}

-- jobs(value, lang) → the number of worker processes: -j N, else one per
-- processor | nil, reason
function M.jobs(value, lang)
  if value == nil then return jobs.cores() end
  local n = math.tointeger(tonumber(value))
  if not n or n < 1 then return nil, messages.text(lang, "bad_jobs", tostring(value)) end
  return n
end

-- why(lang, reason, kind) → what to tell of an item that has no result:
-- its worker died ("died": reason "signal N" | "exit status N") or its
-- work raised ("failed": reason the error)
function M.why(lang, reason, kind)
  if kind == "died" then
    local sig, code = reason:match("^signal (%d+)$"), reason:match("^exit status (%-?%d+)$")
    return messages.text(lang, "worker_died", sig and messages.text(lang, "by_signal", tonumber(sig))
                                              or messages.text(lang, "exit_status", tonumber(code) or -1))
  end
  return messages.text(lang, "internal", reason)
end

-- run(count, n, work, deliver, lost): work(i) → the result of item i (plain
-- data, see marshal.lua), in a worker when n > 1; deliver(i, result) for i =
-- 1..count in order, in this process; lost(i, reason, kind) → the result of
-- an item whose worker died ("died") or whose work raised ("failed").
function M.run(count, n, work, deliver, lost)
  if n <= 1 or count <= 1 then
    for i = 1, count do
      local ok, res = pcall(work, i)
      deliver(i, ok and res or lost(i, tostring(res), "failed"))
    end
    return
  end
  -- each result decoded in C as it arrives: no string of its bytes is made
  -- (nor collected) in this process, which does the batch's serial work
  jobs.run(n, count, function(i) return marshal.encode(work(i)) end, function(i, res, reason, kind)
    if kind == nil then return deliver(i, res) end
    deliver(i, lost(i, reason, kind))
  end, true)
end

return M
