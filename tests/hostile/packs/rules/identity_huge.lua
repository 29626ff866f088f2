-- attack: an identity of 50,000 instances, all over the same cells: the
-- binder weighs every reading of glued digits against each, on every file.
-- expect: instances
id = "attack.identity_huge"
severity = "error"
message = { zh = "x" }
local same = {}
for i = 1, 50000 do same[i] = "np" end
identity = "t3.new.{c} = t3.new.{c}"
each = { c = same }
