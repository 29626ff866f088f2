-- attack: in a pack folder named `gb2021.t3` (no pack.lua): the id would be
-- gb2021.t3.balance, the id of a national rule.
-- expect: must be a word of letters
id = "gb2021.t3.balance"
severity = "info"
message = { zh = "forged" }
function check(report, emit) emit {} end
