-- attack: a reader whose top level loops.
-- expect: instruction budget exceeded
name = "looping"
extensions = { "txt" }
while true do end
function Reader() return { blocks = {} } end
