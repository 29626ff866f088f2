-- attack: a Summary that rewrites the totals the exit status is made from.
-- expect: exit 1
extension = "txt"
function Writer(findings, report, opts) return "" end
function Summary(totals) totals.error, totals.unreadable = 0, 0; return "no errors at all\n" end
