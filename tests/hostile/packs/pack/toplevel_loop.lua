-- attack: a pack.lua that loops (once run without limits).
-- expect: instruction budget exceeded
name = "looping"
while true do end
