-- What a batch's check does only when something asks for it: the year
-- after restored for readings still open, the dashboard's row made for
-- the dashboard.

local batch = require "batch"

local function two_years(name)
  local root = tmp .. "/" .. name
  os.execute("mkdir -p '" .. root .. "/jiuqu'")
  write(name .. "/jiuqu/2023.txt", assert(nbio.readfile("examples/previous/jiuqu-2023.txt")))
  write(name .. "/jiuqu/2024.txt", JIUQU)
  return root, root .. "/jiuqu/2023.txt", root .. "/jiuqu/2024.txt"
end

local function restored(B, path)
  for _, k in ipairs(B.neighbours) do
    if k.path == path then return true end
  end
  return false
end

test("a report with no reading left open is checked without its year after; the year before is still its previous", function()
  local root, y2023, y2024 = two_years("batch-lean-after")
  local B = batch.new(nianbao.engine, { files = { root } }, nil, 1)
  eq(y2024, B.by_path[y2023].after.path, "the batch pairs 2023 with the year after")
  local R = assert(B:read(y2023))
  eq(nil, R.previous, "no year before")
  eq(false, restored(B, y2024), "the year after not restored")
  local R2 = assert(B:read(y2024))
  eq(true, restored(B, y2023), "the year before restored")
  eq(y2023, R2.previous and R2.previous.path, "and made the previous")
  B:finish({}, nil)
end)

test("a report with a reading left open has its year after restored to decide it", function()
  local root, y2023, y2024 = two_years("batch-lean-open")
  local B = batch.new(nianbao.engine, { files = { root } }, nil, 1)
  local bind = B.bind
  -- a reading of a cell neither year has: restored for, decided by neither
  B.bind = function(self, path)
    local R, pending = bind(self, path)
    if path == y2023 then pending = { { slots = { "no.such.cell" }, candidates = {} } } end
    return R, pending
  end
  assert(B:read(y2023))
  eq(true, restored(B, y2024), "the year after restored")
  B:finish({}, nil)
end)

test("the dashboard's row is made only for a run that keeps rows; the record takes a check without one", function()
  local root, y2023, y2024 = two_years("batch-lean-rows")
  local B = batch.new(nianbao.engine, { files = { root } }, nil, 1)
  B.keep_rows = false
  local R = assert(B:read(y2023))
  local kept = B:keep(y2023, R, {}, "checked")
  eq(nil, kept.row, "no row")
  B:record(y2023, nil, kept, nil)
  eq(0, #B.rows, "none recorded")
  B.keep_rows = true
  R = assert(B:read(y2024))
  kept = B:keep(y2024, R, {}, "checked")
  eq(y2024, kept.row and kept.row.file, "a row of the file")
  B:record(y2024, nil, kept, "jiuqu/2024.html")
  eq(1, #B.rows, "recorded")
  eq("jiuqu/2024.html", B.rows[1].page, "with its page")
  B:finish({}, nil)
end)

test("a small batch keeps its reports as bound for their own check, once; a neighbour's year is restored", function()
  local root, y2023, y2024 = two_years("batch-lean-kept")
  local B = batch.new(nianbao.engine, { files = { root } }, nil, 1)
  local kept23, kept24 = B.bound[y2023], B.bound[y2024]
  eq("table", type(kept23), "2023 kept")
  eq("table", type(kept24), "2024 kept")
  local R = assert(B:read(y2024))
  eq(nil, B.bound[y2024], "taken by its check")
  eq(kept24[1], R, "the report the survey bound")
  eq(true, R.previous ~= nil and R.previous ~= kept23[1], "the year before restored, its kept report untouched")
  eq(kept23, B.bound[y2023], "still kept for its own check")
  local again = assert(B:read(y2024))
  eq(true, again ~= R, "a second read restores")
  eq(R.agency, again.agency, "the same report")
  B:finish({}, nil)
  eq(nil, B.bound, "let go at the end")
end)

test("a batch of more files than KEPT keeps its first KEPT, a year before among them stowed too; none surveyed in workers", function()
  local root, y2023, y2024 = two_years("batch-lean-bounded")
  local was = batch.KEPT
  local function batch_of(kept)
    batch.KEPT = kept
    local ok, B = pcall(batch.new, nianbao.engine, { files = { root } }, nil, 1)
    batch.KEPT = was
    assert(ok, B)
    return B
  end
  local B, spooled = batch_of(1), batch_of(0)
  eq("table", type(B.bound[y2023]), "the first kept")
  eq(nil, B.bound[y2024], "the second not")
  eq("number", type(B.by_path[y2024].stowed), "the second stowed")
  eq("number", type(B.by_path[y2023].stowed), "the first stowed as the second's year before")
  eq(nil, spooled.bound, "none kept of KEPT 0")
  -- the same findings, kept or restored, and the year before as it was read
  local function said(X, path)
    local R = assert(X:read(path))
    local out = { R.previous and R.previous.path or "-" }
    for _, f in ipairs(nianbao.engine:check(R):list()) do out[#out + 1] = f.rule .. ":" .. f.message end
    return table.concat(out, "\n")
  end
  local R24 = said(B, y2024)
  eq(said(spooled, y2024), R24, "2024 restored alike")
  eq(true, R24:find(y2023, 1, true) == 1, "2023 its previous")
  local kept23 = B.bound[y2023][1]
  eq(kept23, assert(B:read(y2023)), "2023 the report the survey bound")
  eq(said(spooled, y2023), said(batch_of(1), y2023), "2023 kept alike")
  B:finish({}, nil)
  spooled:finish({}, nil)
  local B2 = batch.new(nianbao.engine, { files = { root } }, nil, 2)
  eq(nil, B2.bound, "nothing kept of workers")
  B2:finish({}, nil)
end)

test("a file checked alone is not signed for copies; a batch of two signs each", function()
  local root, y2023, y2024 = two_years("batch-lean-sign")
  local signed = 0
  local signature = require("similar").signature
  package.loaded.similar.signature = function(text) signed = signed + 1; return signature(text) end
  local ok, err = pcall(function()
    batch.new(nianbao.engine, { files = { y2024 } }, nil, 1):finish({}, nil)
    eq(0, signed, "one file: no signature")
    batch.new(nianbao.engine, { files = { root } }, nil, 1):finish({}, nil)
    eq(2, signed, "two files: one each")
  end)
  package.loaded.similar.signature = signature
  assert(ok, err)
end)
