-- The engine's messages in English (messages.lua holds the Chinese, which
-- come first): loaded only when a run asks for English (--lang en, or a
-- test or tool that reads them), not at every start.

return {
  cannot_open   = "cannot read the file: %s",
  empty         = "the file is empty",
  binary        = "not a text file (binary data)",
  bad_encoding  = "unknown text encoding: line %d holds bytes that are neither UTF-8 nor GB18030/GBK",
  bad_utf16     = "the UTF-16 text cannot be converted: %s",
  too_large     = "file too large: over the limit of %d MB (see --max-size-mb)",
  not_report    = "not a government information disclosure annual report: no table of one was found, and the text does not call itself one",
  report_in_file = "the report's body was not found: the text has a report's title but no part and no table; the report may be in the file it names, “%s”: check that file",
  report_body_missing = "the report's body was not found: the text has a report's title but no part and no table (the report may be published as an attachment or as images)",
  unknown_reader = "unknown reader '%s'",
  reader_failed = "reader '%s' failed: %s",
  rule_failed   = "rule '%s' failed: %s",
  internal      = "internal error (please report it): %s",
  no_pdftotext  = "reading a PDF needs pdftotext (Debian package poppler-utils)",
  pdf_failed    = "the PDF cannot be read: %s",
  pdf_no_text   = "the PDF has no text layer (a scanned image?); nothing to check",
  no_files      = "no files to check",
  no_pack_dir   = "no such rule pack folder",
  summary       = "%d file(s): %d error(s), %d warning(s), %d info",
  unreadable_n  = ", %d unreadable",
  error         = "error",
  warning       = "warning",
  info          = "info",
  where_cell    = "%s, row %s, column %s (%s)",
  where_flat    = "%s, %s, %s",
  where_labelled = "Table %s, row “%s”, column “%s”",
  where_sum     = "the sum of %s",
  findings      = "Findings",
  no_findings   = "No findings.",
  published_on  = "published %s",
  at_line       = "line %d",
  review_of     = "Review: %s",
  checked       = "checked",
  unreadable    = "unreadable",
  csv_head      = "file,agency,year,published,format,status",
  csv_tail      = "errors,warnings,info",
  fill_differs  = "%s: %s is %s but its parts add up to %s (kept)",
  fill_done     = "%s: %d total(s) filled",
  usage         = [[
usage: nianbao COMMAND [options] [FILE|DIR|- ...]

commands:
  check FILE|DIR|-...   check reports (- reads standard input)
  extract FILE          the report as read, canonical (--format yaml|json)
  render FILE           check, then the publishable report if there is no error
                        (--format html|markdown; --draft for a draft)
  new --year N --agency NAME [--kind KIND]
                        a blank report (YAML) to fill in
  fill FILE.yaml        derive the blank totals from their parts
  sum FILE|DIR...       tables 2-4 of the reports added into one (--sheet AGENCIES.xlsx)
  rules [RULE-ID]       the packs and every rule; with an id, that rule's rationale and basis
  run SCRIPT.lua ARGS   run a Lua script with the nianbao module
  help [COMMAND]        this help, or a command's (also: nianbao COMMAND --help)
  completion bash       a bash completion script

common options:
  --config FILE         config file (default: the nearest .nianbao.yaml in the input's folder or above)
  --no-config           ignore .nianbao.yaml
  --rules DIR           add a local rule pack (repeatable)
  --lang zh|en          message language (default zh)
  --color[=auto|always|never]
                        colour (default auto: on a terminal, unless NO_COLOR is set)
  --no-color            no colour
  -o FILE               write the output to FILE (never an input)
  --max-size-mb N       largest input file (default 64)
  --memory-mb N         memory cap of each rule, reader and writer call (default 256)
  --instructions N      instruction budget of each rule call (default 20000000)
  --list-readers        the readers there are
  --list-formats        the output formats there are
  -h, --help            help
  -V, --version         version
  An option's value may also follow an equals sign: --format=json.

checking options (check, render):
  --format NAME|PATH    writer: text, json, yaml, csv, markdown, sarif, html, or a writer file
  --reader NAME|PATH    force a reader, or a reader file (default: by the file's shape)
  --previous FILE|DIR   other years' reports of the same issuers
  --select RULE,...     only these rules (ids or id prefixes, comma-separated, repeatable)
  --ignore RULE,...     not these rules (the same)
  -q, --quiet           report errors only, no warnings or info
  --max-warnings N      exit 1 when there are more than N warnings
  --stdin-filename NAME the file name of standard input (-)
  --db FILE             the archive (SQLite): reports, cells and findings stored, years before found
  --baseline FILE       findings recorded the first time; later runs report only new ones
  --include GLOB        in folders, only files that match (repeatable; ** spans folders)
  --exclude GLOB        in folders, not the files that match (repeatable)
  -j N                  check with N worker processes (default: one per processor)
  --files-from FILE|-   the files and folders to check, one a line, from FILE (or stdin)

sum options:
  --sheet FILE.xlsx     the per-agency sheet (and a .csv beside it)

exit status: 0 no errors; 1 errors (or more warnings than --max-warnings); 2 usage error or an
unreadable input; 3 a rule or pack failed or a worker died (the checker's problem: the results
are incomplete).
]],
  unknown_option = "unknown option %s",
  missing_value = "option %s needs a value",
  no_command    = "no command given",
  unknown_command = "unknown command '%s'%s (commands: %s; see nianbao help)",
  pack_extends  = " (extends %s)",
  pack_replaces = "%s: %s replaces %s",
  pack_left_out = "%s: %s does not apply to this format (%s)",
  rule_broken   = "rule '%s' cannot be loaded: %s",
  pack_broken   = "pack '%s' cannot be loaded: %s",
  bad_limit     = "%s must be a positive integer",
  cannot_write  = "cannot write %s: %s",
  writer_failed = "the writer failed on %s: %s",
  pdf_timeout   = "reading the PDF took longer than %d s",
  pdf_too_large = "the PDF's text is over the limit of %d MB (see --max-size-mb)",
  no_wvware     = "reading a Word 97-2003 (.doc) file needs wvWare (Debian package wv)",
  word_failed   = "the Word file cannot be read: %s",
  doc_failed    = "the Word 97-2003 (.doc) file cannot be read (wvWare exit status %d): damaged, encrypted, or another format such as WPS",
  wps_failed    = "the WPS Writer (.wps) file cannot be read (wvWare exit status %d): damaged or encrypted; save it as .docx in WPS and check that",
  wps_unknown   = "this .wps file is not saved in the Word 97-2003 format and cannot be read; save it as .docx in WPS and check that",
  word_timeout  = "reading the Word file took longer than %d s",
  word_too_large = "the Word file's content is over the limit of %d MB (see --max-size-mb)",
  zip_not_word  = "a zip archive, but not a Word (.docx) file: it has no word/document.xml",
  ofd_failed    = "the OFD file cannot be read: %s",
  ofd_part_missing = "the archive has no %s",
  ofd_part_failed = "a part of the archive cannot be read (%s)",
  ofd_content_missing = "page %d's content %s is not in the archive",
  ofd_not_xml   = "%s is not an OFD part's XML (it has no %s element)",
  ofd_no_root   = "OFD.xml names no document root (DocBody/DocRoot)",
  ofd_outside   = "%s points outside the archive (%s)",
  ofd_loop      = "%s points back to a part already read (%s): a loop",
  ofd_too_many_pages = "%s lists more pages than the limit of %d",
  ofd_too_large = "%s unpacked is over the limit of %d MB (see --max-size-mb)",
  ofd_page_missing = "page %d has no %s",
  ofd_no_template = "page %d uses template %s, which CommonData does not define",
  ofd_no_pages  = "%s lists no pages (Pages/Page)",
  ofd_no_text   = "the OFD file has no text (scanned pages?); nothing to check",
  broken_listed = "the rules or packs above cannot be loaded",
  bad_jobs      = "-j takes a positive number of worker processes, not '%s'",
  worker_died   = "the worker process checking this file ended unexpectedly (%s); the file has no result",
  by_signal     = "signal %d",
  exit_status   = "exit status %d",
  cannot_read_list = "cannot read the list of files %s: %s",
  --{=== issue: conventions, config, render, review (the command line's words) ===
  did_you_mean  = "; did you mean '%s'?",
  list_sep      = ", ",
  unexpected_value = "option %s takes no value",
  help_unknown  = "no command '%s'%s (commands: %s)",
  bad_color     = "--color takes auto, always or never, not '%s'",
  bad_lang      = "--lang takes zh or en, not '%s'",
  bad_count     = "%s must be a whole number, 0 or more, not '%s'",
  bad_sheet     = "the file of --sheet ends in .xlsx or .csv, not '%s'",
  not_for_command = "option %s does not apply to the %s command (it applies to: %s)",
  is_folder     = "the %s '%s' is a folder; it must be a file",
  empty_value   = "option %s needs a value that is not empty",
  too_many_warnings = "too many warnings: %d, more than the %d --max-warnings allows",
  select_unknown = "%s: no rule '%s'%s",
  output_is_input = "-o %s is the input %s: nianbao never overwrites its input (fill: use --in-place)",
  stdin_name    = "<stdin>",
  stdin_twice   = "standard input (-) can be read only once",
  completion_shell = "completion needs the shell's name: bash",
  takes_one     = "%s takes one file",
  new_needs     = "new needs --year YEAR and --agency NAME (and may take --kind %s)",
  new_kind      = "--kind is %s, not '%s'%s",
  unknown_format = "no output format '%s'%s (there are: %s; or give the path of a writer file)",
  per_file_output = "--format %s writes one page per report: give a folder with -o",
  rule_field    = "%s: %s",
  cell_label    = "%s %s · %s",
  finding_line  = "%s: %s: %s [%s]",
  internal_word = "internal error",
  internal_n    = ", %d rule failure(s) (the checker's problem, not the report's)",
  internal_while = " (while checking %s)",
  internal_exit = "a rule or pack failed: the results are incomplete (exit 3)",
  config_used   = "config: %s; packs: %s",
  config_none   = "no config file",
  config_errors = "nothing was checked, for the mistakes above",
  conf_cannot_read = "cannot read the config file: %s",
  conf_not_map  = "a config file is a map of 'key: value'; its keys: %s",
  conf_unknown_key = "unknown key '%s'%s (the keys: %s)",
  conf_not_list = "'%s' must be a list, such as %s",
  conf_not_map_of = "'%s' must hold 'key: value' lines, such as %s",
  conf_colon_space = "under '%s', '%s' lacks the space after the colon: write 'key: value'",
  conf_pack_word = "each of packs is a pack's name or folder, not '%s'",
  conf_pack_missing = "no pack folder '%s' (looked for %s, beside the config file)",
  conf_pack_comma = "pack '%s'%s: separate a list with ',' not a full-width comma (national packs: %s)",
  conf_pack_unknown = "no pack named '%s'%s (national packs: %s; a local pack is a folder path, such as ./rules)",
  conf_rule_word = "the keys of rules are rule ids, not '%s'",
  conf_rule_setting = "rule '%s': '%s' is no setting%s: use off, error, warning or info",
  conf_limit_unknown = "limits has no '%s'%s (there are: %s)",
  conf_limit_value = "limits: %s must be a positive integer, not '%s'",
  conf_limit_seconds = "limits: %s must be a positive number, not '%s'",
  conf_params_map = "rule '%s': parameters are 'name: value', such as {min: 200}",
  conf_rule_unknown = "no rule '%s'%s",
  conf_param_none = "rule '%s' has no parameters to set (the config sets '%s')",
  conf_param_unknown = "rule '%s' has no parameter '%s'%s (its parameters: %s)",
  conf_param_date = "rule '%s', parameter '%s' is a date, and '%s' is none: write 02-20 or 2025-02-20",
  conf_param_kind = "rule '%s', parameter '%s' must be %s, not '%s'",
  kind_integer  = "a whole number",
  kind_number   = "a number",
  kind_text     = "a text",
  kind_boolean  = "true or false",
  kind_list     = "a list of texts, such as [a, b]",
  kind_map      = "a map of 'key: value'",
  yaml_error    = "YAML syntax error: %s (libyaml: %s)",
  yaml_quiet    = "YAML syntax error: %s (%s)",
  yaml_tab      = "this line is indented with a tab; YAML indents with spaces only",
  yaml_fw_space = "this line is indented with a full-width space; YAML indents with spaces only",
  yaml_fw_colon = "the colon after this key is a full-width one; write ':' and a space: 'name: value'",
  yaml_colon_space = "put a space after the colon: 'min: 200', not 'min:200'",
  yaml_bad_char = "a character that cannot start a value here (often: a tab; quote a value that starts with @ or `)",
  yaml_no_colon = "the ':' of a 'key: value' is missing here (often: a full-width colon, or the indentation)",
  yaml_mapping_here = "no colon may be here (often: no space after the last colon, or a value holding a colon without quotes)",
  yaml_indent   = "the indentation does not line up: the items of one level need the same number of spaces",
  yaml_unclosed = "the file ends inside quotes or brackets: a closing quote or bracket is missing",
  yaml_unclosed_flow = "a [ ] or { } is not closed, or holds a full-width comma: separate with ','",
  yaml_tag      = "a value starting with '!' must be quoted",
  yaml_escape   = "a backslash inside double quotes: quote a path with single quotes, or write '/'",
  yaml_no_value = "a value is missing here",
  yaml_alias    = "anchors and aliases (& and *) are not supported; write the content out",
  yaml_key      = "a key must be plain text",
  yaml_other    = "this cannot be read as YAML",
  yaml_read_as_key = "the full-width space was read as text, which made the line a key of the level above",
  render_refused = "%s has %d error(s): not rendered for publication; fix them, or use --draft for a page marked draft",
  render_internal = "%s: a rule failed, so the report cannot be shown to be free of errors; not rendered (see --draft)",
  draft         = "DRAFT",
  draft_note    = "This draft failed the checks and must not be published. %d error(s) to fix:",
  at_page       = "page %d",
  in_text       = "text",
  report_text   = "Text",
  review_title  = "Review: %s (%s)",
  rule_unknown  = "no rule '%s'%s",
  rule_severity = "severity",
  rule_pack     = "pack",
  rule_file     = "file",
  rule_message  = "message",
  rule_rationale = "rationale",
  rule_basis    = "basis",
  rule_identity = "identity",
  rule_params   = "parameters",
  rule_off      = "off",
  rule_replaces = "replaces",
  help_check    = [[
usage: nianbao check [options] FILE|DIR|- ...

Check reports: the tables' identities, missing parts, tables and rows, text
that contradicts the tables, publication dates, and the link to last year's
report. One line per finding (file:line:col: severity: message [rule-id]),
then a summary naming the config file and the packs used. Files of a folder
are checked one by one; one that cannot be read does not stop the others.
A PDF's findings carry page numbers. A rule or pack that fails is listed
apart (internal error): not the report's error; exit status 3.

options:
  --format NAME|PATH    text (default), json, csv, sarif, markdown, html (a review page per report; -o FOLDER)
  --select RULE,...     only these rules (ids or prefixes such as gb2021.t3)
  --ignore RULE,...     not these rules
  -q, --quiet           report errors only
  --max-warnings N      exit 1 when there are more than N warnings
  --previous FILE|DIR   last year's reports, for carry-over and stock
  --reader NAME|PATH    force a reader
  --stdin-filename NAME the file name of standard input
  --include GLOB        in folders, only the files that match (repeatable; ** spans folders, as **/2024/*.pdf)
  --exclude GLOB        in folders, not the files that match (repeatable)
  --files-from FILE|-   the files and folders to check, one a line, from FILE (or stdin)
  -j N                  check with N worker processes (default: one per processor)
  --db FILE             the archive (SQLite): reports, cells and findings stored, years before found
  --baseline FILE       the first run records every finding; later runs report only new ones
  -o FILE|DIR           write the output to FILE (html: a folder mirroring the inputs, with an
                        overview page and a sheet)

examples:
  nianbao check report.html
  nianbao check --previous 2023/ 2024/
  nianbao check --format html -o review/ reports/
  nianbao check --select gb2021.t3,gb2021.t4 --quiet report.txt
  nianbao check --ignore gb2021.txt report.pdf
  curl -s https://.../report.html | nianbao check --stdin-filename report.html -
  nianbao check --db archive.sqlite --format html -o review/ --include '**/2024/*' region/
  nianbao check --baseline baseline.json reports/
]],
  help_sum      = [[
usage: nianbao sum [options] FILE|DIR ...

Tables 2, 3 and 4 of the reports added cell by cell into one report (YAML), and
the identities checked on the sum. A cell some report lacks is unknown in the
sum. Reports of the same agency and year count once.

options:
  --sheet FILE.xlsx     the per-agency sheet (and a .csv of the same name)
  --include GLOB        in folders, only the files that match (repeatable)
  --exclude GLOB        in folders, not the files that match (repeatable)
  -o FILE               write the sum to FILE (never an input)

examples:
  nianbao sum region/2024/ -o region-sum.yaml
  nianbao sum --sheet agencies.xlsx region/2024/
]],
  help_extract  = [[
usage: nianbao extract [options] FILE

The report as read: agency, year, dates, index number, the text of each part
and every cell of the three tables, by the format's ids (the canonical
report). To check what was read, or to start fill or render from.

options:
  --format yaml|json    output (default yaml)
  --reader NAME|PATH    force a reader
  -o FILE               write the output to FILE

examples:
  nianbao extract report.html > report.yaml
  nianbao extract --format json report.pdf
]],
  help_render   = [[
usage: nianbao render [options] FILE

The publishable report: title, index number and dates, the six parts, the
three tables in the official grid, and the signature (agency, date); prints
on A4 with the table headers repeated on every page. It checks first: a report
with errors is not rendered (the errors are listed, exit 1) unless --draft,
which marks the page as a draft and lists the errors on it. extract reads a
rendered page back to the same report.

options:
  --format html|markdown  (default html)
  --draft               render even with errors, marked as a draft
  -o FILE               write the output to FILE

examples:
  nianbao render report.yaml -o report.html
  nianbao render --draft report.yaml -o draft.html
  nianbao render --format markdown report.yaml
]],
  help_new      = [[
usage: nianbao new --year N --agency NAME [--kind KIND]

A blank report (YAML) to fill in: the text of the six parts and every cell of
the three tables, with notes. The issuer kind (it sets the deadline) is taken
from the agency's name unless given: township, gov or dept.

options:
  --year N              the report year
  --agency NAME         the issuer
  --kind KIND           township, gov or dept
  -o FILE               write the output to FILE

examples:
  nianbao new --year 2025 --agency 某市统计局 > report.yaml
]],
  help_fill     = [[
usage: nianbao fill [options] FILE.yaml

Derive the blank (~) totals from their parts and write them into the YAML;
comments, order and layout stay as they were. A total that was filled in and
disagrees with its parts is kept and reported, and the exit status is 1.

options:
  --in-place            rewrite the file itself
  -o FILE               write another file (never the input)

examples:
  nianbao fill --in-place report.yaml
]],
  help_rules    = [[
usage: nianbao rules [options] [RULE-ID]

The packs loaded (from where, what each extends and replaces) and every
rule: id, severity, message. With a rule id: what the rule checks, why, its
legal basis (the article of the 条例, the point of 国办公开办函〔2021〕30号),
its identity and its parameters.

examples:
  nianbao rules
  nianbao rules gb2021.t3.balance
  nianbao rules --rules ./local-rules
]],
  help_run      = [[
usage: nianbao run SCRIPT.lua [ARGS ...]

Run a Lua script in which require "nianbao" reads and checks reports. Scripts
are not sandboxed: they can read and write files and run commands. Run only
scripts you trust.

examples:
  nianbao run examples/scripts/tally.lua reports/
]],
  help_help     = [[
usage: nianbao help [COMMAND]

The general help, or a command's (the same as nianbao COMMAND --help).
]],
  help_completion = [[
usage: nianbao completion bash

A bash completion script: commands, options, output formats, readers and rule
ids complete with Tab.

examples:
  nianbao completion bash > ~/.local/share/bash-completion/completions/nianbao
  source <(nianbao completion bash)
]],
  man_name      = "read, check and write government information disclosure annual reports",
  man_synopsis  = "SYNOPSIS", man_description_head = "DESCRIPTION", man_commands = "COMMANDS",
  man_options = "OPTIONS", man_files_head = "FILES", man_environment_head = "ENVIRONMENT",
  man_exit = "EXIT STATUS", man_see_also = "SEE ALSO",
  man_description = [[
nianbao reads, checks and writes the government information disclosure annual
reports (政府信息公开工作年度报告) of the national format of 国办公开办函〔2021〕30号.
It finds totals that do not add up, missing parts and rows, reports still in the
2019 or an older format, text that contradicts the tables, and late or mis-dated
publication, and says where, with the numbers found and expected. It reads web
pages (HTML), text copied from them, Markdown, PDF and the canonical YAML. The
format, the rules, the readers and the output formats are Lua files loaded at
run time (see nianbao-packs(7)).]],
  man_files     = [[
.nianbao.yaml  the config file: the nearest in the input's folder or above (or --config FILE).
  packs: [gb2021, ./rules]               packs to load
  rules: {gb2021.val.blank: error}       severities, or off
  params: {gb2021.date.late_dept: {township: 02-20}}   rule parameters
  limits: {instructions: 10000000}       limits, which a config may only lower]],
  man_environment = [[
NO_COLOR       no colour when set (unless --color=always).
NIANBAO_HOME   the folder that holds scripts/ and rules/.]],
  --}===
  progress      = "%d/%d files, %.1f a second, %s left",
  skip_own      = "a config, baseline or expectation file of this tool, not a report",
  skip_no_reader = "no reader takes this kind of file",
  skip_excluded = "excluded by --exclude",
  skip_not_included = "not matched by --include",
  skip_duplicate = "the same bytes as %s",
  skip_not_report = "not a government information disclosure annual report",
  skipped_n     = "%d file(s) skipped:",
  skipped_line  = "%s: %s",
  baselined_n   = ", %d in the baseline",
  acknowledged_n = ", %d acknowledged by the agency",
  cannot_open_db = "cannot open the archive %s: %s",
  no_such_folder = "the folder %s does not exist",
  previous_used = "previous year's report: %s (%s, %s)",
  previous_none = "no report of the year before (%s) found",
  previous_from = "%s (%s)",
  from_batch    = "this batch",
  from_archive  = "the archive",
  from_previous = "--previous",
  from_none     = "none found",
  yes           = "yes",
  no            = "no",
  sheet_name    = "agencies",
  col_agency    = "agency",
  col_key       = "agency key",
  col_year      = "year",
  col_file      = "file",
  col_issuer    = "issuer kind",
  col_published = "published",
  col_deadline  = "deadline",
  col_late      = "late",
  col_handled   = "outcomes total",
  col_share     = "%s share (%%)",
  col_previous  = "previous year's report",
  sum_agency    = "sum of %d reports",
  sum_done      = "%d reports added (%s); left out: %s",
  sum_left_out  = "%s (the same agency and year as %s)",
  sum_gap       = "%s: %d cell(s) not a number: those cells of the sum are unknown",
  dash_title    = "Annual reports: overview",
  dash_reports  = "reports",
  dash_agencies = "agencies",
  dash_late     = "published late",
  dash_skipped  = "files skipped",
  dash_copies   = "copied passages",
  dash_by_rule  = "findings by rule",
  dash_outcomes = "outcomes of requests across the region",
  dash_dates    = "publication against the deadline (days)",
  dash_deadline = "deadline",
  dash_list     = "reports",
  dash_days     = "days after deadline",
  dash_page     = "review page",
  dash_copied   = "copied narrative",
  dash_share    = "share in common",
  dash_passage  = "passage in common",
  dash_skipped_h = "files skipped",
}
