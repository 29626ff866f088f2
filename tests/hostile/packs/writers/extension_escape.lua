-- attack: an extension that climbs out of the -o folder: one page per
-- report written next to it, or anywhere.
-- expect: .out
extension = "/../../escaped"
per_file = true
function Writer(findings, report, opts) return "page of " .. opts.file .. "\n" end
