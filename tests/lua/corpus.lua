-- Score the reader on real or fixture reports: extract every file that has
-- an X.expected.yaml and compare it cell by cell.
--   nianbao run tests/lua/corpus.lua DIR [--strict | --no-wrong]
-- --strict: every cell must be read right (but those in tests/corpus-undecidable.txt,
--           which may only be unknown);
-- --no-wrong: no cell may be read wrong; a cell left unknown is allowed.
-- Prints per file: right / expected, and the cells read wrong or not read.
local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local compare = dofile("tests/lua/compare.lua")

local dir, mode = arg[1] or "tests/corpus", arg[2]
local names = assert(nbio.listdir(dir))
-- the other years' reports of the same issuers are there too
nianbao.engine.opts.previous = { dir }
table.sort(names)
local undecidable = {}
for line in (nbio.readfile("tests/corpus-undecidable.txt") or ""):gmatch("[^\n]+") do
  local file, cell = line:match("^([^#%s]+)%s+(%S+)")
  if file then undecidable[file .. " " .. cell] = true end
end
local all_ok, all_total, all_wrong, failed, scored = 0, 0, 0, 0, 0
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
          ok, total, wrong = 0, select(2, compare(expected, {})), {}
        end
        local bad, missing = {}, 0
        for _, w in ipairs(wrong) do
          local cell = w:match("^(%S+):")
          if w:find("got (missing)", 1, true) then
            missing = missing + 1
            if mode == "--strict" and not (cell and undecidable[input .. " " .. cell]) then bad[#bad + 1] = w end
          else
            bad[#bad + 1] = w
          end
        end
        local read_wrong = #wrong - missing
        all_ok, all_total, all_wrong, scored = all_ok + ok, all_total + total, all_wrong + read_wrong, scored + 1
        if (mode == "--strict" or mode == "--no-wrong") and #bad > 0 then failed = failed + 1 end
        print(string.format("%-30s %4d / %4d right, %3d not read, %3d WRONG%s", input, ok, total, missing, read_wrong,
                            got and "" or ("   (" .. tostring(why) .. ")")))
        if #bad > 0 then print("    " .. table.concat(bad, "\n    ", 1, math.min(#bad, 12))) end
      end
    end
  end
end
print(string.format("%-30s %4d / %4d right (%.1f%%), %d WRONG", "total", all_ok, all_total,
                    all_total > 0 and 100 * all_ok / all_total or 0, all_wrong))
if mode then print(string.format("corpus: %d passed, %d failed", scored - failed, failed)) end
return (mode and failed > 0) and 1 or 0
