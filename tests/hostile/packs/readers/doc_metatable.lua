-- attack: a document whose blocks loop when the binder reads them (the
-- binder runs outside the reader's limits): it reads as a page with nothing,
-- the report's body not found.
-- expect: 未找到年度报告的正文
name = "tricky"
extensions = { "txt" }
function Reader(text, opts)
  local loop = function() while true do end end
  local blocks = setmetatable({}, { __index = loop, __len = function() return 1e9 end })
  return setmetatable({ blocks = blocks }, { __index = loop, __pairs = loop })
end
