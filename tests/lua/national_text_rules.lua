-- The national pack's text rules (rules/gb2021/txt.*, xy.text*) run with
-- `text` set to T, so that each declares its grammars and words there, as
-- the pack does when it loads: the claim reader's tests read with the
-- national grammars this way. load(T) → T.
local nbio = require "nianbao.io"

return function(T)
  for _, name in ipairs(assert(nbio.listdir("rules/gb2021"))) do
    if name:match("^txt%.") or name:match("^xy%.text") then
      local env = setmetatable({ text = T }, { __index = _G })
      assert(loadfile("rules/gb2021/" .. name, "t", env))()
    end
  end
  return T
end
