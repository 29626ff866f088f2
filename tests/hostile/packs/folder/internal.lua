-- attack: in a pack folder named `nianbao` (no pack.lua): the id would be
-- nianbao.internal, the engine's own.
-- expect: is taken
id = "nianbao.internal"
severity = "error"
message = { zh = "forged internal finding" }
function check(report, emit) emit {} end
