-- attack: a writer whose Summary loops.
-- expect: instruction budget exceeded
extension = "txt"
function Writer(findings, report, opts) return opts.file .. " written\n" end
function Summary() while true do end end
