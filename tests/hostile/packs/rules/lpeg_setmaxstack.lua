-- attack: shrink LPeg's backtrack stack for everyone: later matches of
-- the engine fail.
-- expect: attempt to call a nil value
id = "attack.lpeg_setmaxstack"
severity = "error"
message = { zh = "x" }
lpeg.setmaxstack(1)
function check() end
