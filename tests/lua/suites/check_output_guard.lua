-- check -o never overwrites one of its inputs, however the input is named;
-- the inputs are looked up for that guard only, so only when -o is given.

test("check -o onto one of its inputs, named otherwise, is refused and leaves it as it was", function()
  local dir = tmp .. "/outguard"
  os.execute("mkdir -p " .. dir .. " && cp examples/jiuqu-2024.txt " .. dir .. "/a.txt"
             .. " && cp examples/broken/t3-balance.txt " .. dir .. "/b.txt"
             .. " && ln -sf a.txt " .. dir .. "/link.txt")
  local a0 = assert(nbio.readfile(dir .. "/a.txt"))
  for _, j in ipairs { "-j1", "-j2" } do
    for _, target in ipairs { dir .. "/a.txt", dir .. "/./a.txt", dir .. "/link.txt" } do
      local out, st = sh(NB .. " check " .. j .. " --format json " .. dir .. "/b.txt " .. dir .. "/a.txt -o " .. target)
      eq(2, st, j .. " -o " .. target)
      has(out, "就是输入文件", j .. " -o " .. target)
      eq(a0, assert(nbio.readfile(dir .. "/a.txt")), "the input after -o " .. target)
    end
  end
  -- a target that is not an input is written, and what stdout would have had
  local want = sh(NB .. " check -j1 --format json " .. dir .. "/a.txt " .. dir .. "/b.txt")
  local _, st = sh(NB .. " check -j2 --format json " .. dir .. "/a.txt " .. dir .. "/b.txt -o " .. dir .. "/out.json")
  eq(1, st, "exit status of the batch written to a file")
  eq(want, assert(nbio.readfile(dir .. "/out.json")), "the file holds what stdout had")
end)
