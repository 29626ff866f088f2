-- attack: a page of millions of elements for libxml2, whose tree is not
-- counted by the Lua allocator.
-- expect: too large for the memory cap
id = "attack.html_memory"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  local tree, why = nianbao.html.parse(string.rep("<b>", 10 * 1048576))
  error(why or "parsed")
end
