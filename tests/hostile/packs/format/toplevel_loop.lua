-- attack: a format.lua that loops (once run without limits).
-- expect: instruction budget exceeded
while true do end
