-- Every file named that cannot be read is reported, each under its own
-- path: a failed stat's reason is no identity, so two missing files (the
-- same reason) are not taken for one file named twice.

test("each missing file named is reported, and the batch goes on", function()
  local out, status = sh(NB .. " check --format json -j1 /nonexistent/one.txt /nonexistent/two.txt examples/jiuqu-2024.txt")
  has(out, "/nonexistent/one.txt", "the first missing file")
  has(out, "/nonexistent/two.txt", "the second missing file")
  has(out, "jiuqu", "the readable file after them")
  eq(2, status, "exit status of a batch with unreadable files")
end)

test("a file named twice is still checked once", function()
  local out = sh(NB .. " check --format json -j1 examples/jiuqu-2024.txt examples/jiuqu-2024.txt")
  local _, n = out:gsub('"file":%s*"examples/jiuqu%-2024%.txt"', "")
  eq(1, n, "reports of the same file named twice")
end)
