-- The canonical report (report-schema §1) as YAML.

extension = "yaml"

function Writer(findings, report, opts)
  return yaml(report:canonical())
end
