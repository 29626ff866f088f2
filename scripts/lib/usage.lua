-- How the command line presents itself: the commands, help for each (the
-- texts are messages.lua's: help_<command>), "did you mean" for a command
-- or an option, the bash completion script and the man page nianbao(1),
-- all from the one table of options the binary parses (opts.option_table)
-- and the one list of commands below.

local messages = require "messages"

local M = {}

-- The commands, in the order the help lists them.
M.commands = { "check", "extract", "render", "sum", "new", "fill", "rules", "run", "help", "completion" }

-- the options each command takes besides the common ones (for completion)
local own = {
  check = { "--format", "--reader", "--previous", "--select", "--ignore", "-q", "--quiet",
            "--max-warnings", "--stdin-filename", "--include", "--exclude", "--db", "--baseline", "-j",
            "--files-from" },
  sum = { "--include", "--exclude", "--sheet" },
  render = { "--format", "--reader", "--draft", "--previous", "--select", "--ignore", "-q", "--quiet" },
  extract = { "--format", "--reader", "--stdin-filename" },
  new = { "--year", "--agency", "--kind" },
  fill = { "--in-place" },
}
M.common = { "--config", "--no-config", "--rules", "--lang", "--color", "--no-color", "-o",
             "--max-size-mb", "--memory-mb", "--instructions", "--list-readers", "--list-formats",
             "-h", "--help", "-V", "--version" }

local function flags(option_table)
  local out = {}
  for _, o in ipairs(option_table or {}) do out[#out + 1] = o.flag end
  table.sort(out)
  return out
end

-- suggest_option(word, option_table) → the flag meant, or nil.
function M.suggest_option(word, option_table)
  local w = word:match("^([^=]*)") or word
  return require("suggest").best(w, flags(option_table))
end

-- suggest_command(word) → the command meant, or nil.
function M.suggest_command(word)
  return require("suggest").best(word, M.commands)
end

-- help(lang, command) → the help text of a command, or the general one
-- (nil for a command that does not exist).
function M.help(lang, command)
  if not command then return messages.text(lang, "usage") end
  local key = "help_" .. command
  local t = messages[lang] or messages.zh
  if not (t[key] or messages.zh[key]) then return nil end
  return messages.text(lang, key)
end

--{=== bash completion ===

local function words(list) return table.concat(list, " ") end

-- completion(option_table, names) → a bash completion script. names:
-- {formats=, readers=, rules=, kinds=} (lists of words).
function M.bash(option_table, names)
  local valued, all = {}, flags(option_table)
  for _, o in ipairs(option_table or {}) do
    if o.takes == "value" then valued[#valued + 1] = o.flag end
  end
  table.sort(valued)
  local per = {}
  for _, c in ipairs(M.commands) do
    local list = {}
    for _, f in ipairs(own[c] or {}) do list[#list + 1] = f end
    for _, f in ipairs(M.common) do list[#list + 1] = f end
    per[#per + 1] = string.format("    %s) opts=%q ;;", c, words(list))
  end
  return table.concat({
    "# bash completion for nianbao (nianbao completion bash)",
    "_nianbao() {",
    "  local cur prev cmd i opts",
    "  COMPREPLY=()",
    '  cur="${COMP_WORDS[COMP_CWORD]}"',
    '  prev="${COMP_WORDS[COMP_CWORD-1]}"',
    "  cmd=",
    "  for ((i = 1; i < COMP_CWORD; i++)); do",
    '    case "${COMP_WORDS[i]}" in',
    "      -*) ;;",
    '      *) cmd="${COMP_WORDS[i]}"; break ;;',
    "    esac",
    "  done",
    '  case "$prev" in',
    string.format('    --format) COMPREPLY=($(compgen -W %q -f -- "$cur")); return ;;', words(names.formats)),
    string.format('    --reader) COMPREPLY=($(compgen -W %q -f -- "$cur")); return ;;', words(names.readers)),
    string.format('    --select|--ignore) COMPREPLY=($(compgen -W %q -- "$cur")); return ;;', words(names.rules)),
    string.format('    --kind) COMPREPLY=($(compgen -W %q -- "$cur")); return ;;', words(names.kinds)),
    '    --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;',
    '    --rules|--previous) COMPREPLY=($(compgen -d -- "$cur")); return ;;',
    '    --config|-o|--stdin-filename|--db|--baseline|--files-from) COMPREPLY=($(compgen -f -- "$cur")); return ;;',
    '    --sheet) COMPREPLY=($(compgen -f -X "!*.@(xlsx|csv)" -- "$cur")); return ;;',
    string.format("    %s) return ;;", table.concat(valued, "|")),
    "  esac",
    '  if [[ "$prev" == "=" && "${COMP_WORDS[COMP_CWORD-2]}" == --color ]]; then',
    '    COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return',
    "  fi",
    '  if [[ "$cur" == --color=* ]]; then',
    '    COMPREPLY=($(compgen -W "--color=auto --color=always --color=never" -- "$cur")); return',
    "  fi",
    '  if [ -z "$cmd" ]; then',
    string.format('    COMPREPLY=($(compgen -W %q -- "$cur")); return', words(M.commands) .. " " .. words(all)),
    "  fi",
    '  case "$cmd" in',
    table.concat(per, "\n"),
    '    *) opts="" ;;',
    "  esac",
    '  case "$cmd" in',
    string.format('    help) COMPREPLY=($(compgen -W %q -- "$cur")); return ;;', words(M.commands)),
    '    completion) COMPREPLY=($(compgen -W "bash" -- "$cur")); return ;;',
    string.format('    rules) [[ "$cur" != -* ]] && { COMPREPLY=($(compgen -W %q -- "$cur")); return; } ;;',
                  words(names.rules)),
    "  esac",
    '  if [[ "$cur" == -* ]]; then',
    '    COMPREPLY=($(compgen -W "$opts" -- "$cur"))',
    "  else",
    '    COMPREPLY=($(compgen -f -- "$cur"))',
    "  fi",
    "}",
    "complete -o filenames -o bashdefault -F _nianbao nianbao",
    "" }, "\n")
end

--}===

--{=== the man page nianbao(1), as Markdown for scripts/tools/man.lua ===

-- The paragraphs of a text (split at empty lines).
local function paragraphs(text)
  local out = {}
  for p in (text:gsub("%s+$", "") .. "\n\n"):gmatch("(.-)\n\n+") do out[#out + 1] = p end
  return out
end

local function block(out, text)
  out[#out + 1] = "```"
  out[#out + 1] = text
  out[#out + 1] = "```"
  out[#out + 1] = ""
end

-- man(lang) → Markdown of nianbao(1) in lang (scripts/tools/man.lua makes
-- the roff): every command's help with its examples, the options, the
-- config file, the environment and the exit status.
function M.man(lang)
  local t = function(k) return messages.text(lang, k) end
  local sec = {}
  for i, k in ipairs { "synopsis", "description_head", "commands", "options", "files_head", "environment_head",
                       "exit", "see_also" } do
    sec[i] = t("man_" .. k)
  end
  local usage = paragraphs(t("usage"))
  local out = { "# " .. t("man_name"), "", "## " .. sec[1] }
  local synopsis = {}
  for _, c in ipairs(M.commands) do
    local first = M.help(lang, c):match("^[^\n]*")
    synopsis[#synopsis + 1] = first:match("^.-\u{FF1A}%s*(.*)$") or first:match("^.-:%s*(.*)$") or first
  end
  block(out, table.concat(synopsis, "\n"))
  out[#out + 1] = "## " .. sec[2]
  out[#out + 1] = t("man_description")
  out[#out + 1] = ""
  out[#out + 1] = "## " .. sec[3]
  for _, c in ipairs(M.commands) do
    out[#out + 1] = "### nianbao " .. c
    block(out, (M.help(lang, c):gsub("^[^\n]*\n+", "", 1):gsub("%s+$", "")))
  end
  out[#out + 1] = "## " .. sec[4]
  block(out, table.concat(usage, "\n\n", 3, #usage - 1))
  out[#out + 1] = "## " .. sec[5]
  block(out, t("man_files"))
  out[#out + 1] = "## " .. sec[6]
  block(out, t("man_environment"))
  out[#out + 1] = "## " .. sec[7]
  block(out, usage[#usage])
  out[#out + 1] = "## " .. sec[8]
  out[#out + 1] = "nianbao-packs(7)"
  return table.concat(out, "\n") .. "\n"
end

--}===

return M
