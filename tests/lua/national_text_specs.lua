-- The specs the national pack's text rules (rules/gb2021/txt.*) give their
-- grammars (text.grammar or text.claims), in the order of the files' names,
-- none compiled: specs(base) → list, base a claims set (claims.for_format)
-- lending the rules the rest of `text`.
local nbio = require "nianbao.io"

return function(base)
  local out = {}
  local function keep(spec) out[#out + 1] = spec; return { claims = function() return {} end } end
  local text = setmetatable({ grammar = keep, claims = function(spec) keep(spec); return function() end end },
                            { __index = base })
  local names = assert(nbio.listdir("rules/gb2021"))
  table.sort(names)
  for _, n in ipairs(names) do
    if n:match("^txt%..*%.lua$") then
      local env = setmetatable({ text = text }, { __index = _G })
      assert(loadfile("rules/gb2021/" .. n, "t", env))()
    end
  end
  return out
end
