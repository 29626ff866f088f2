-- Reader for the canonical report (report-schema §1): the YAML an author
-- fills in, or `nianbao extract` wrote. libyaml parses it; every value
-- keeps its line, so findings point into the YAML.

name        = "yaml"
extensions  = { "yaml", "yml" }

-- a top-level key of the canonical report, at the start of a line
function sniff(head)
  local h = "\n" .. head
  return h:find("\nformat:%s*gb20") ~= nil or h:find("\nt3:[ \t]*[\n#]") ~= nil
end

function Reader(text, opts)
  local doc, lines = nianbao.yaml.decode(text, opts.path)
  if doc == nil then error(lines, 0) end
  if type(doc) ~= "table" then error("not a canonical report: the YAML is not a map", 0) end
  return { canonical = doc, lines = lines }
end
