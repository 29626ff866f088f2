-- attack: a maxdepth past int (once cast unchecked) on a deeply nested page.
-- expect: depth out of range
id = "attack.html_depth"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  nianbao.html.parse(string.rep("<div>", 5000) .. "x", 2^40)
  error("html.parse took any depth")
end
