-- make corpus: extract every corpus file that has an .expected.yaml and
-- score it cell by cell. Usage: nianbao run tests/lua/corpus.lua DIR [--strict]
local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local compare = dofile("tests/lua/compare.lua")

local dir, strict = arg[1] or "tests/corpus", arg[2] == "--strict"
local names = assert(nbio.listdir(dir))
-- the other years' reports of the same issuers are there too
nianbao.engine.opts.previous = { dir }
table.sort(names)
-- cells known to be undecidable from the text: allowed to be unknown, never wrong
local undecidable = {}
for line in (nbio.readfile("tests/corpus-undecidable.txt") or ""):gmatch("[^\n]+") do
  local file, cell = line:match("^([^#%s]+)%s+(%S+)")
  if file then undecidable[file .. " " .. cell] = true end
end
local all_ok, all_total, failed, scored = 0, 0, 0, 0
for _, name in ipairs(names) do
  local stem = name:match("^(.-)%.expected%.yaml$")
  if stem then
    local expected = assert(nianbao.yaml.decode(assert(nbio.readfile(dir .. "/" .. name)), name))
    for _, input in ipairs(names) do
      if input:sub(1, #stem + 1) == stem .. "." and input ~= name then
        local got, why = nianbao.extract(dir .. "/" .. input)
        local ok, total, wrong
        if got then
          ok, total, wrong = compare(expected, got)
        else
          ok, total, wrong = 0, select(2, compare(expected, {})), { why }
        end
        all_ok, all_total, scored = all_ok + ok, all_total + total, scored + 1
        local bad = {}
        for _, w in ipairs(wrong) do
          local cell = w:match("^(%S+):")
          if not (cell and undecidable[input .. " " .. cell] and w:find("got (missing)", 1, true)) then
            bad[#bad + 1] = w
          end
        end
        if #bad > 0 then failed = failed + 1 end
        wrong = bad
        print(string.format("%-28s %4d / %4d cells%s", input, ok, total,
                            #wrong == 0 and (ok < total and "   (the rest undecidable: tests/corpus-undecidable.txt)" or "")
                            or ("   WRONG: " .. table.concat(wrong, "; "))))
      end
    end
  end
end
print(string.format("%-28s %4d / %4d cells (%.1f%%)", "total", all_ok, all_total,
                    all_total > 0 and 100 * all_ok / all_total or 0))
if strict then print(string.format("corpus: %d passed, %d failed", scored - failed, failed)) end
return (strict and failed > 0) and 1 or 0
