-- make corpus: extract every corpus file that has an .expected.yaml and
-- score it cell by cell. Usage: nianbao run tests/lua/corpus.lua DIR [--strict]
local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local compare = dofile("tests/lua/compare.lua")

local dir, strict = arg[1] or "../shared/corpus/dev", arg[2] == "--strict"
local names = assert(nbio.listdir(dir))
table.sort(names)
local all_ok, all_total, failed = 0, 0, 0
for _, name in ipairs(names) do
  local stem = name:match("^(.-)%.expected%.yaml$")
  if stem then
    local expected = assert(nianbao.yaml.decode(assert(nbio.readfile(dir .. "/" .. name)), name))
    for _, input in ipairs(names) do
      if input:sub(1, #stem + 1) == stem .. "." and input ~= name and not input:match("%.pdf$") then
        local got, why = nianbao.extract(dir .. "/" .. input)
        local ok, total, wrong
        if got then
          ok, total, wrong = compare(expected, got)
        else
          ok, total, wrong = 0, select(2, compare(expected, {})), { why }
        end
        all_ok, all_total = all_ok + ok, all_total + total
        if ok < total then failed = failed + 1 end
        print(string.format("%-28s %4d / %4d cells%s", input, ok, total, ok == total and "" or
                            ("   first: " .. tostring(wrong[1]))))
      end
    end
  end
end
print(string.format("%-28s %4d / %4d cells (%.1f%%)", "total", all_ok, all_total,
                    all_total > 0 and 100 * all_ok / all_total or 0))
return (strict and failed > 0) and 1 or 0
