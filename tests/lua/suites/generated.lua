-- Made-up reports whose tables add up and whose text says what the tables
-- say (tests/tools/genreports.lua), in three shapes: each reads to the
-- same tables, and nothing is found in any of them.

local dir = tmp .. "/generated"
local out, st = sh(NB .. " run tests/tools/genreports.lua " .. dir .. " 12")

local function tables_of(path)
  local doc = assert(nianbao.extract(path))
  return nianbao.yaml.encode { t2 = doc.t2, t3 = doc.t3, t4 = doc.t4 }
end

test("twelve consistent reports in three shapes are made", function()
  eq(0, st, "exit: " .. out)
  eq(36, #nianbao.files(dir), "files")
end)

test("a consistent report reads to the same tables as scraped text, a CMS page and PDF layout text", function()
  for i = 1, 12 do
    local stem = string.format("%s/%05d", dir, i)
    local want = tables_of(stem .. ".html")
    eq(want, tables_of(stem .. ".txt"), stem .. ".txt")
    eq(want, tables_of(stem .. ".pdf.txt"), stem .. ".pdf.txt")
  end
end)

test("nothing is found in a consistent report, in any shape", function()
  -- their narratives come from one template: copied text between them is
  -- no inconsistency (the copy rules are tested in region.lua)
  local conf = write("generated.yaml", "rules:\n  gb2021.qlt.copy_peer: off\n  gb2021.xy.copy: off\n")
  local out2, st2 = sh(NB .. " check --config " .. conf .. " " .. dir)
  eq(0, st2, "exit")
  has(out2, "36 个文件：0 个错误，0 个警告，0 条提示")
end)
