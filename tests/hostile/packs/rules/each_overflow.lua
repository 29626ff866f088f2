-- attack: an identity whose names' value lists multiply past 2^64 (once a
-- heap overflow in nb_ident).
-- expect: instances
id = "attack.each_overflow"
severity = "error"
message = { zh = "x" }
local many = {}
for i = 1, 65536 do many[i] = "np" end
identity = "t3.new.{a} + t3.new.{b} = t3.new.{c} + t3.new.{d}"
each = { a = many, b = many, c = many, d = many }
