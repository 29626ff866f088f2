-- attack: a writer whose top level loops (once run without limits).
-- expect: instruction budget exceeded
extension = "txt"
while true do end
function Writer() return "" end
