-- A check of one file binds it once (its survey's report is its check's);
-- with the default jobs, which fork no worker for one file and so load no
-- pack ahead, it writes what -j1 writes, for a report of each format and
-- for standard input.

test("one file is bound once, whatever the jobs", function()
  local batch = require "batch"
  local E = nianbao.engine
  for _, njobs in ipairs { 1, 2 } do
    local binds = 0
    local bind_bytes, own = E.bind_bytes, rawget(E, "bind_bytes")
    E.bind_bytes = function(...) binds = binds + 1; return bind_bytes(...) end
    local ok, B = pcall(batch.new, E, { files = { "examples/jiuqu-2024.txt" } }, nil, njobs)
    local R
    if ok then R = B:read("examples/jiuqu-2024.txt") end
    E.bind_bytes = own
    assert(ok, B)
    eq(1, binds, "binds of the file with " .. njobs .. " jobs")
    eq(2024, R and R.year, "the report read for its check")
    B:finish({}, nil)
  end
end)

test("one file checked with the default jobs writes what -j1 writes", function()
  local files = { "examples/jiuqu-2024.txt", "examples/broken/fmt-old-2019.txt",
                  "examples/broken/fmt-legacy.txt", "examples/broken/t3-balance.txt",
                  "tests/fixtures/shapes/s3-appendix-biaoyi.html" }
  for _, f in ipairs(files) do
    local one, st1 = sh(NB .. " check -j1 --format json " .. f)
    assert(#one > 100, f .. ": checked")
    local dflt, st = sh(NB .. " check --format json " .. f)
    eq(one, dflt, f .. ": output")
    eq(st1, st, f .. ": exit status")
  end
  local one = sh(NB .. " check -j1 --previous examples/previous examples/jiuqu-2024.txt")
  eq(one, (sh(NB .. " check -j2 --previous examples/previous examples/jiuqu-2024.txt")), "with --previous")
  one = sh(NB .. " check -j1 --stdin-filename a.txt - < examples/jiuqu-2024.txt")
  eq(one, (sh(NB .. " check -j2 --stdin-filename a.txt - < examples/jiuqu-2024.txt")), "standard input")
end)
