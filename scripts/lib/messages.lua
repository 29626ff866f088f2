-- Every message of the engine itself (not of rules, not of a format),
-- Chinese first, English with --lang en. Writers reach them through
-- `message(key, lang, …)`.

local M = {
  zh = {
    -- reading a file
    cannot_open   = "无法读取文件：%s",
    empty         = "文件为空",
    binary        = "不是文本文件（含有二进制数据）",
    bad_encoding  = "文件编码无法识别：第%d行含有既非UTF-8也非GB18030/GBK的字节",
    bad_utf16     = "UTF-16文本无法转换：%s",
    too_large     = "文件过大：超过%d MB的上限（可用 --max-size-mb 调整）",
    not_report    = "不是政府信息公开工作年度报告：未找到报告的任何部分或统计表格",
    unknown_reader = "未知的读取器“%s”",
    reader_failed = "读取器“%s”出错：%s",
    rule_failed   = "规则“%s”执行出错：%s",
    internal      = "内部错误（请报告此问题）：%s",
    no_pdftotext  = "读取PDF需要 pdftotext（Debian 软件包 poppler-utils）",
    pdf_failed    = "PDF无法读取：%s",
    pdf_no_text   = "PDF没有文字层（可能是扫描图片），无法核对",
    no_files      = "没有可检查的文件",
    no_pack_dir   = "规则包目录不存在",
    -- the summary and the severities
    summary       = "%d 个文件：%d 个错误，%d 个警告，%d 条提示",
    unreadable_n  = "，%d 个文件无法读取",
    error         = "错误",
    warning       = "警告",
    info          = "提示",
    -- where a cell is
    where_cell    = "%s“%s”行“%s”列",
    where_flat    = "%s“%s”“%s”",
    -- writers
    findings      = "问题清单",
    no_findings   = "未发现问题。",
    published_on  = "发布日期 %s",
    at_line       = "第%d行",
    review_of     = "审核：%s",
    checked       = "已检查",
    unreadable    = "无法读取",
    csv_head      = "文件,机关,年度,发布日期,格式,状态",
    csv_tail      = "错误,警告,提示",
    -- authoring
    fill_differs  = "%s：%s 填写为%s，但各项之和为%s（保留原值）",
    fill_done     = "%s：填入%d个合计",
    -- the command line
    usage         = [[
用法：nianbao 命令 [选项] [文件|目录 …]

命令：
  check 文件|目录…      检查年报；退出码 0 无错误，1 有错误，2 文件无法读取或用法错误
  extract 文件          输出读取到的规范化报告（--format yaml|json）
  rules                 列出规则包和每条规则：编号、级别、提示语
  run 脚本.lua 参数…     运行带 nianbao 模块的 Lua 脚本
  new --year 年度 --agency 机关名称 [--kind 机关类型]
                        生成待填写的空白年报（YAML）
  fill 文件.yaml        按勾稽关系算出留空的合计
  render 文件           生成发布稿（--format html|markdown）
  sum 文件|目录…        各报告表二至表四相加为一份合计报告（--sheet 各机关汇总表.xlsx）

选项：
  --format 名称|路径    输出格式：text、json、yaml、csv、markdown、sarif、html，或一个输出格式文件
  --rules 目录          加载本地规则包（可重复）
  --config 文件         配置文件（默认：当前目录的 .nianbao.yaml）
  --no-config           不读取 .nianbao.yaml
  --lang zh|en          提示语言（默认 zh）
  --reader 名称|路径    指定读取器（默认按文件自动识别）
  --previous 文件|目录  其他年度的报告，用于跨年度核对
  --db 文件             档案库（SQLite）：存入报告、单元格和问题，并从中查找上年度报告
  --baseline 文件       基线：首次记录全部问题，之后只报告新问题
  --include 通配符      目录中只检查匹配的文件（可重复；** 跨目录）
  --exclude 通配符      目录中不检查匹配的文件（可重复）
  --sheet 文件.xlsx     sum：各机关汇总表（同时写出 .csv）
  --max-size-mb N       单个输入文件的上限（默认 64）
  --memory-mb N         每次调用规则、读取器、输出格式的内存上限（默认 256）
  --instructions N      每次调用规则的指令预算（默认 20000000）
  -j N                  用 N 个工作进程并行检查（默认：处理器数）
  --files-from 文件|-   从文件（或标准输入）读取要检查的文件和目录，每行一个
  -o 文件               输出写入文件
  -h, --help            本帮助
  -V, --version         版本
]],
    unknown_option = "未知选项 %s",
    missing_value = "选项 %s 需要一个值",
    no_command    = "缺少命令",
    unknown_command = "未知命令“%s”（check、extract、rules、run、new、fill、render、sum；--help 查看用法）",
    -- nianbao rules
    pack_extends  = "（扩展 %s）",
    pack_replaces = "%s：%s 替换规则 %s",
    pack_left_out = "%s：规则 %s 不适用于该格式（%s）",
    -- untrusted packs, readers and writers; limits; output
    rule_broken   = "规则“%s”无法加载：%s",
    pack_broken   = "规则包“%s”无法加载：%s",
    bad_limit     = "%s 须为正整数",
    cannot_write  = "无法写入 %s：%s",
    writer_failed = "输出格式在 %s 上出错：%s",
    pdf_timeout   = "PDF读取超时（超过%d秒）",
    pdf_too_large = "PDF的文字超过%d MB的上限（可用 --max-size-mb 调整）",
    no_wvware     = "读取 Word 97-2003（.doc）文件需要 wvWare（Debian 软件包 wv）",
    word_failed   = "Word 文件无法读取：%s",
    doc_failed    = "Word 97-2003（.doc）文件无法读取（wvWare 退出码 %d）：文件可能已损坏、加密，或实为 WPS 等其他格式",
    wps_failed    = "WPS 文字（.wps）文件无法读取（wvWare 退出码 %d）：文件可能已损坏或加密；请在 WPS 中另存为 .docx 后再检查",
    wps_unknown   = "此 .wps 文件不是按 Word 97-2003 格式保存的，无法读取；请在 WPS 中另存为 .docx 后再检查",
    word_timeout  = "Word 文件读取超时（超过%d秒）",
    word_too_large = "Word 文件的内容超过%d MB的上限（可用 --max-size-mb 调整）",
    zip_not_word  = "这是一个 zip 压缩文件，但不是 Word（.docx）文件：其中没有 word/document.xml",
    broken_listed = "以上规则或规则包无法加载",
    bad_jobs      = "-j 须为正整数（工作进程数），而不是“%s”",
    worker_died   = "检查此文件的工作进程意外结束（%s），此文件没有结果",
    by_signal     = "信号 %d",
    exit_status   = "退出码 %d",
    cannot_read_list = "无法读取文件清单 %s：%s",
    -- a region's batch (batch.lua, archive.lua, rollup.lua, dashboard.lua)
    progress      = "已处理 %d/%d 个文件，每秒 %.1f 个，约剩 %s",
    skip_own      = "本工具的配置、基线或预期结果文件，不是年报",
    skip_no_reader = "没有读取器处理此类文件",
    skip_excluded = "被 --exclude 排除",
    skip_not_included = "不在 --include 范围内",
    skip_duplicate = "与 %s 内容相同",
    skip_not_report = "不是政府信息公开工作年度报告",
    skipped_n     = "跳过 %d 个文件：",
    skipped_line  = "%s：%s",
    baselined_n   = "，%d 条已在基线中",
    acknowledged_n = "，%d 条已由机关说明",
    cannot_open_db = "无法打开档案库 %s：%s",
    no_such_folder = "文件夹 %s 不存在",
    previous_used = "上年度报告：%s（%s年，%s）",
    previous_none = "未找到上年度（%s年）报告",
    previous_from = "%s（%s）",
    from_batch    = "本批次",
    from_archive  = "档案库",
    from_previous = "--previous",
    from_none     = "未找到",
    yes           = "是",
    no            = "否",
    sheet_name    = "各机关",
    col_agency    = "机关",
    col_key       = "机关识别名",
    col_year      = "年度",
    col_file      = "文件",
    col_issuer    = "机关类型",
    col_published = "发布日期",
    col_deadline  = "发布期限",
    col_late      = "逾期发布",
    col_handled   = "办理结果总计",
    col_share     = "%s占比(%%)",
    col_previous  = "上年度报告",
    sum_agency    = "%d个报告合计",
    sum_done      = "%d 个报告相加（%s）；未计入：%s",
    sum_left_out  = "%s（与 %s 同一机关同一年度）",
    sum_gap       = "%s：%d 个单元格不是数字，合计中这些单元格记为未知",
    dash_title    = "年报检查总览",
    dash_reports  = "份报告",
    dash_agencies = "个机关",
    dash_late     = "份逾期发布",
    dash_skipped  = "个文件跳过",
    dash_copies   = "处文字雷同",
    dash_by_rule  = "各规则发现的问题",
    dash_outcomes = "全地区申请办理结果",
    dash_dates    = "发布日期与法定期限（相差天数）",
    dash_deadline = "期限",
    dash_list     = "各机关报告",
    dash_days     = "晚于期限天数",
    dash_page     = "审核页",
    dash_copied   = "文字雷同",
    dash_share    = "相同比例",
    dash_passage  = "相同段落",
    dash_skipped_h = "跳过的文件",
  },
  en = {
    cannot_open   = "cannot read the file: %s",
    empty         = "the file is empty",
    binary        = "not a text file (binary data)",
    bad_encoding  = "unknown text encoding: line %d holds bytes that are neither UTF-8 nor GB18030/GBK",
    bad_utf16     = "the UTF-16 text cannot be converted: %s",
    too_large     = "file too large: over the limit of %d MB (see --max-size-mb)",
    not_report    = "not a government information disclosure annual report: no part or table of one was found",
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
usage: nianbao COMMAND [options] [FILE|DIR ...]

commands:
  check FILE|DIR...     check reports; exit 0 no errors, 1 errors, 2 unreadable input or usage
  extract FILE          the report as read, canonical (--format yaml|json)
  rules                 the packs, and every rule: id, severity, message
  run SCRIPT.lua ARGS   run a Lua script with the nianbao module
  new --year N --agency NAME [--kind KIND]
                        a blank report (YAML) to fill in
  fill FILE.yaml        derive the blank totals from their parts
  render FILE           the publishable report (--format html|markdown)
  sum FILE|DIR...       tables 2-4 of the reports added into one (--sheet AGENCIES.xlsx)

options:
  --format NAME|PATH    writer: text, json, yaml, csv, markdown, sarif, html, or a writer file
  --rules DIR           add a local rule pack (repeatable)
  --config FILE         config file (default: ./.nianbao.yaml when present)
  --no-config           ignore ./.nianbao.yaml
  --lang zh|en          message language (default zh)
  --reader NAME|PATH    force a reader (default: by the file's shape)
  --previous FILE|DIR   other years' reports of the same issuers
  --db FILE             the archive (SQLite): reports, cells and findings stored, years before found
  --baseline FILE       findings recorded the first time; later runs report only new ones
  --include GLOB        in folders, only files that match (repeatable; ** spans folders)
  --exclude GLOB        in folders, not the files that match (repeatable)
  --sheet FILE.xlsx     sum: the per-agency sheet (and a .csv beside it)
  --max-size-mb N       largest input file (default 64)
  --memory-mb N         memory cap of each rule, reader and writer call (default 256)
  --instructions N      instruction budget of each rule call (default 20000000)
  -j N                  check with N worker processes (default: one per processor)
  --files-from FILE|-   the files and folders to check, one a line, from FILE (or stdin)
  -o FILE               write the output to FILE
  -h, --help            this help
  -V, --version         version
]],
    unknown_option = "unknown option %s",
    missing_value = "option %s needs a value",
    no_command    = "no command given",
    unknown_command = "unknown command '%s' (check, extract, rules, run, new, fill, render, sum; --help)",
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
    broken_listed = "the rules or packs above cannot be loaded",
    bad_jobs      = "-j takes a positive number of worker processes, not '%s'",
    worker_died   = "the worker process checking this file ended unexpectedly (%s); the file has no result",
    by_signal     = "signal %d",
    exit_status   = "exit status %d",
    cannot_read_list = "cannot read the list of files %s: %s",
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
  },
}

-- text(lang, key, ...) → the message in lang (Chinese when lang is unknown).
function M.text(lang, key, ...)
  local t = M[lang] or M.zh
  local s = t[key] or M.zh[key]
  if not s then return key end
  if select("#", ...) == 0 then return s end
  return string.format(s, ...)
end

return M
