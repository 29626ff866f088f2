-- attack: rewrite the format's tables and the lists identities range over.
-- expect: read-only
id = "attack.format_tables"
severity = "error"
message = { zh = "x" }
t3.columns[1] = "biz"
format.tables.t3.rows = {}
function check() end
