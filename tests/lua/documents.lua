-- The documents the readers make of the corpus, the fixtures, the examples
-- and three made-up reports of each shape (made in dir): {path =, blocks =},
-- in the order of their paths.
--   local documents = dofile("tests/lua/documents.lua")
--   documents(E, NB, dir)
local nbio = require "nianbao.io"
local read = require "pipeline.read"
local decode = require "pipeline.decode"

return function(E, NB, dir)
  assert(os.execute(NB .. " run tests/tools/genreports.lua " .. dir .. " 3 >/dev/null"), "made-up reports")
  local p = io.popen("find tests/corpus tests/fixtures examples " .. dir .. " -type f "
                     .. "\\( -name '*.txt' -o -name '*.md' -o -name '*.html' \\) | sort")
  local docs = {}
  for path in p:lines() do
    local bytes = assert(nbio.readfile(path, 64 * 1048576))
    local text = decode.text(bytes, E.lang)
    local reader = text and read.pick(E.readers, E.reader_by_name, nil, path, text, E.lang)
    local doc = reader and read.run(reader, text, path, E.limits, E.lang)
    if doc and type(doc.blocks) == "table" then docs[#docs + 1] = { path = path, blocks = doc.blocks } end
  end
  p:close()
  return docs
end
