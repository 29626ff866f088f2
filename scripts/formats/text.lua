-- Compiler-style lines: file:line:col: severity: message [rule-id], the
-- severity in the user's language as GCC's translations print it
-- (“错误：”). The checker's own failures (opts.internal) come apart, placed
-- at the line of the rule's file where it failed. The summary counts the
-- report's findings and the failures apart, and names the config and packs.

extension = "txt"

local colors = { error = "\27[1;31m", warning = "\27[1;35m", info = "\27[1;36m", internal = "\27[1;33m" }

local function line(opts, place, sev, word, msg, rule)
  if opts.color then word = colors[sev] .. word .. "\27[0m" end
  return message("finding_line", opts.lang, place, word, msg, rule) .. "\n"
end

function Writer(findings, report, opts)
  local out = {}
  for _, f in ipairs(findings) do
    local place = opts.file
    if f.line then place = place .. ":" .. f.line .. ":" .. (f.col or 1) end
    out[#out + 1] = line(opts, place, f.severity, message(f.severity, opts.lang), f.message, f.rule)
  end
  for _, f in ipairs(opts.internal or {}) do
    local place = f.file or opts.file
    if f.file and f.line then place = place .. ":" .. f.line end
    out[#out + 1] = line(opts, place, "internal", message("internal_word", opts.lang),
                         f.message .. message("internal_while", opts.lang, opts.file), f.rule)
  end
  return table.concat(out)
end

function Summary(t, opts)
  local s = message("summary", opts.lang, t.files, t.error, t.warning, t.info)
  if t.unreadable > 0 then s = s .. message("unreadable_n", opts.lang, t.unreadable) end
  if (t.internal or 0) > 0 then s = s .. message("internal_n", opts.lang, t.internal) end
  if (t.baselined or 0) > 0 then s = s .. message("baselined_n", opts.lang, t.baselined) end
  if (t.acknowledged or 0) > 0 then s = s .. message("acknowledged_n", opts.lang, t.acknowledged) end
  local out = { s }
  for _, c in ipairs(t.configs or {}) do
    out[#out + 1] = message("config_used", opts.lang, c.config or message("config_none", opts.lang),
                            table.concat(c.packs or {}, message("list_sep", opts.lang)))
  end
  -- the files of the folders that were not checked, each with its reason
  if t.skipped and #t.skipped > 0 then
    out[#out + 1] = message("skipped_n", opts.lang, #t.skipped)
    for _, k in ipairs(t.skipped) do out[#out + 1] = "  " .. message("skipped_line", opts.lang, k.path, k.why) end
  end
  return table.concat(out, "\n") .. "\n"
end
