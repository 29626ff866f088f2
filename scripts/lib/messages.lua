-- Every message of the engine itself (not of rules, not of a format),
-- Chinese first, English with --lang en. Writers reach them through
-- `message(key, lang, …)`. The English are messages_en.lua's, required
-- the first time M.en is read: a run in Chinese never loads them.

local M = {
  zh = {
    -- reading a file
    cannot_open   = "无法读取文件：%s",
    empty         = "文件为空",
    binary        = "不是文本文件（含有二进制数据）",
    bad_encoding  = "文件编码无法识别：第%d行含有既非UTF-8也非GB18030/GBK的字节",
    bad_utf16     = "UTF-16文本无法转换：%s",
    too_large     = "文件过大：超过%d MB的上限（可用 --max-size-mb 调整）",
    not_report    = "不是政府信息公开工作年度报告：未找到统计表格，文中也未自称政府信息公开工作年度报告",
    report_in_file = "未找到年度报告的正文：文中有报告的标题，但未找到任何部分和统计表格；报告可能在文中所列的文件“%s”中，请检查该文件",
    report_body_missing = "未找到年度报告的正文：文中有报告的标题，但未找到任何部分和统计表格（报告可能以附件或图片发布）",
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
    where_sum     = "%s之和",
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
用法：nianbao 命令 [选项] [文件|目录|- …]

命令：
  check 文件|目录|-…    检查年报（- 读标准输入）
  extract 文件          输出读取到的规范化报告（--format yaml|json）
  render 文件           先检查，没有错误才生成发布稿（--format html|markdown；--draft 生成草稿）
  new --year 年度 --agency 机关名称 [--kind 机关类型]
                        生成待填写的空白年报（YAML）
  fill 文件.yaml        按勾稽关系算出留空的合计
  sum 文件|目录…        各报告表二至表四相加为一份合计报告（--sheet 各机关汇总表.xlsx）
  rules [规则编号]      列出规则包和每条规则；给出编号时说明这条规则的理由和依据
  run 脚本.lua 参数…     运行带 nianbao 模块的 Lua 脚本
  help [命令]           本帮助，或一个命令的帮助（也可写 nianbao 命令 --help）
  completion bash       输出 bash 的命令行补全脚本

通用选项：
  --config 文件         配置文件（默认：输入文件所在文件夹或其上级中最近的 .nianbao.yaml）
  --no-config           不读取 .nianbao.yaml
  --rules 目录          加载本地规则包（可重复）
  --lang zh|en          提示语言（默认 zh）
  --color[=auto|always|never]
                        彩色输出（默认 auto：输出到终端且未设置 NO_COLOR 时彩色）
  --no-color            不用彩色
  -o 文件               输出写入文件（不能是输入文件本身）
  --max-size-mb N       单个输入文件的上限（默认 64）
  --memory-mb N         每次调用规则、读取器、输出格式的内存上限（默认 256）
  --instructions N      每次调用规则的指令预算（默认 20000000）
  --list-readers        列出可用的读取器
  --list-formats        列出可用的输出格式
  -h, --help            帮助
  -V, --version         版本
  带值的选项也可以写成 --format=json。

检查选项（check、render）：
  --format 名称|路径    输出格式：text、json、yaml、csv、markdown、sarif、html，或一个输出格式文件
  --reader 名称|路径    指定读取器，或一个读取器文件（默认按文件自动识别）
  --previous 文件|目录  其他年度的报告，用于跨年度核对
  --select 规则,…       只用这些规则（编号或编号的前缀，逗号分隔，可重复）
  --ignore 规则,…       不用这些规则（同上）
  -q, --quiet           只报告错误，不报告警告和提示
  --max-warnings N      警告多于 N 个时退出码为 1
  --stdin-filename 名称 读标准输入（-）时用的文件名
  --db 文件             档案库（SQLite）：存入报告、单元格和问题，并从中查找上年度报告
  --baseline 文件       基线：首次记录全部问题，之后只报告新问题
  --include 通配符      目录中只检查匹配的文件（可重复；** 跨目录）
  --exclude 通配符      目录中不检查匹配的文件（可重复）
  -j N                  用 N 个工作进程并行检查（默认：处理器数）
  --files-from 文件|-   从文件（或标准输入）读取要检查的文件和目录，每行一个

合计选项（sum）：
  --sheet 文件.xlsx     各机关汇总表（同时写出 .csv）

退出码：0 没有错误；1 报告有错误（或警告多于 --max-warnings）；2 用法错误或文件无法读取；
3 规则或规则包执行出错，或工作进程意外结束（检查工具自身的问题，结果不完整）。
]],
    unknown_option = "未知选项 %s",
    missing_value = "选项 %s 需要一个值",
    no_command    = "缺少命令",
    unknown_command = "未知命令“%s”%s（命令：%s；nianbao help 查看用法）",
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
    ofd_failed    = "OFD 文件无法读取：%s",
    ofd_part_missing = "文件包中没有 %s",
    ofd_part_failed = "压缩包内的部分无法读取（%s）",
    ofd_content_missing = "第 %d 页的内容 %s 不在文件包中",
    ofd_not_xml   = "%s 不是 OFD 的 XML（没有 %s 元素）",
    ofd_no_root   = "OFD.xml 没有指明文档的根（DocBody/DocRoot）",
    ofd_outside   = "%s 指向文件包之外（%s）",
    ofd_loop      = "%s 指回已读过的部分（%s），引用成环",
    ofd_too_many_pages = "%s 列出的页面超过 %d 页的上限",
    ofd_too_large = "%s 解压后超过 %d MB 的上限（可用 --max-size-mb 调整）",
    ofd_page_missing = "第 %d 页没有 %s",
    ofd_no_template = "第 %d 页所用的模板 %s 未在 CommonData 中定义",
    ofd_no_pages  = "%s 中没有页面（Pages/Page）",
    ofd_no_text   = "OFD 文件没有文字（页面可能是扫描图片），无法核对",
    broken_listed = "以上规则或规则包无法加载",
    bad_jobs      = "-j 须为正整数（工作进程数），而不是“%s”",
    worker_died   = "检查此文件的工作进程意外结束（%s），此文件没有结果",
    by_signal     = "信号 %d",
    exit_status   = "退出码 %d",
    cannot_read_list = "无法读取文件清单 %s：%s",
    --{=== issue: conventions, config, render, review (the command line's words) ===
    did_you_mean  = "；是否要写“%s”？",
    list_sep      = "、",
    unexpected_value = "选项 %s 不带值",
    help_unknown  = "没有命令“%s”%s（命令：%s）",
    bad_color     = "--color 的值应为 auto、always 或 never，而不是“%s”",
    bad_lang      = "--lang 的值应为 zh 或 en，而不是“%s”",
    bad_count     = "%s 须为不小于 0 的整数，而不是“%s”",
    bad_sheet     = "--sheet 的文件名应以 .xlsx 或 .csv 结尾，而不是“%s”",
    not_for_command = "选项 %s 不能用于 %s 命令（可用于：%s）",
    is_folder     = "%s 的值“%s”是一个文件夹，应是一个文件",
    empty_value   = "选项 %s 的值不能为空",
    too_many_warnings = "警告太多：%d 个，多于 --max-warnings 允许的 %d 个",
    select_unknown = "%s：没有规则“%s”%s",
    output_is_input = "-o %s 就是输入文件 %s：nianbao 从不改写输入（fill 要改写原文件请用 --in-place）",
    stdin_name    = "<标准输入>",
    stdin_twice   = "标准输入（-）只能读一次",
    completion_shell = "completion 需要 shell 的名称：bash",
    takes_one     = "%s 只处理一个文件",
    new_needs     = "new 需要 --year 年度 和 --agency 机关名称（--kind 可选：%s）",
    new_kind      = "--kind 应为 %s，而不是“%s”%s",
    unknown_format = "没有输出格式“%s”%s（可用：%s；也可以给出一个输出格式文件的路径）",
    per_file_output = "--format %s 为每份报告写一个页面：请用 -o 给出文件夹",
    rule_field    = "%s：%s",
    cell_label    = "%s %s·%s",
    finding_line  = "%s: %s：%s [%s]",
    -- findings that are the checker's problem, not the report's
    internal_word = "内部错误",
    internal_n    = "，%d 个规则执行出错（检查工具自身的问题，不算报告的错误）",
    internal_while = "（检查 %s 时）",
    internal_exit = "有规则或规则包执行出错，检查结果不完整（退出码 3）",
    -- the config file
    config_used   = "配置：%s；规则包：%s",
    config_none   = "未用配置文件",
    config_errors = "因为以上错误，没有检查任何文件",
    conf_cannot_read = "无法读取配置文件：%s",
    conf_not_map  = "配置文件应是“键: 值”的映射，可用的键：%s",
    conf_unknown_key = "未知的配置项“%s”%s（可用的配置项：%s）",
    conf_not_list = "“%s”应是一个列表，如 %s",
    conf_not_map_of = "“%s”下面应是“键: 值”，如 %s",
    conf_colon_space = "“%s”下面的“%s”缺少冒号后的空格：应写成“键: 值”，冒号后空一格",
    conf_pack_word = "packs 的每一项应是规则包的名称或文件夹，而不是“%s”",
    conf_pack_missing = "规则包文件夹“%s”不存在（按配置文件所在位置找的是 %s）",
    conf_pack_comma = "规则包“%s”%s：列表里要用半角逗号“,”分隔，不能用全角“，”或顿号“、”（国家规则包：%s）",
    conf_pack_unknown = "没有名为“%s”的规则包%s（国家规则包：%s；本地规则包写文件夹路径，如 ./rules）",
    conf_rule_word = "rules 下的键应是规则编号，而不是“%s”",
    conf_rule_setting = "规则“%s”的设置“%s”无效%s：应为 off（关闭）、error（错误）、warning（警告）或 info（提示）",
    conf_limit_unknown = "limits 下没有“%s”%s（可用：%s）",
    conf_limit_value = "limits 的 %s 须为正整数，而不是“%s”",
    conf_limit_seconds = "limits 的 %s 须为正数，而不是“%s”",
    conf_params_map = "规则“%s”的参数应写成“参数: 值”，如 {min: 200}",
    conf_rule_unknown = "没有规则“%s”%s",
    conf_param_none = "规则“%s”没有可以设置的参数（配置中写了“%s”）",
    conf_param_unknown = "规则“%s”没有参数“%s”%s（可用参数：%s）",
    conf_param_date = "规则“%s”的参数“%s”应是日期，“%s”不是；写成 02-20、2月20日 或 2025-02-20",
    conf_param_kind = "规则“%s”的参数“%s”应是%s，而不是“%s”",
    kind_integer  = "整数",
    kind_number   = "数字",
    kind_text     = "文字",
    kind_boolean  = "true 或 false",
    kind_list     = "文字的列表，如 [甲, 乙]",
    kind_map      = "“键: 值”的映射",
    -- YAML slips
    yaml_error    = "YAML 格式有误：%s（libyaml：%s）",
    yaml_quiet    = "YAML 格式有误：%s（%s）",
    yaml_tab      = "这一行用了制表符（Tab）缩进；YAML 只能用空格缩进，请把 Tab 换成空格",
    yaml_fw_space = "这一行用了全角空格缩进；YAML 只能用半角空格缩进",
    yaml_fw_colon = "这一行键后面的冒号是全角“：”；要用半角冒号“:”，后面再空一格，写成“名称: 值”",
    yaml_colon_space = "这一行冒号后面要空一格，如“min: 200”，不是“min:200”",
    yaml_bad_char = "这里有一个不能出现在开头的字符（常见原因：Tab 缩进；以 @ 或 ` 开头的值要加引号）",
    yaml_no_colon = "这里缺少“键: 值”中的冒号（常见原因：用了全角冒号“：”，或缩进没有对齐）",
    yaml_mapping_here = "这里不能出现冒号（常见原因：上一个冒号后没有空格，或值里有冒号却没加引号）",
    yaml_indent   = "缩进没有对齐：同一层的各项要用同样多的空格缩进",
    yaml_unclosed = "文件在引号或括号配对之前就结束了：请检查是否漏了右引号或右括号",
    yaml_unclosed_flow = "方括号 [ ] 或花括号 { } 没有配对，或其中用了全角逗号“，”；请用半角逗号“,”分隔",
    yaml_tag      = "值以感叹号“!”开头，请给这个值加引号",
    yaml_escape   = "双引号里的反斜杠“\\”用法不对：路径请改用单引号，或把“\\”写成“/”",
    yaml_no_value = "这里缺少值",
    yaml_alias    = "不支持锚点和别名（& 和 *），请把内容直接写出来",
    yaml_key      = "键只能是普通文字",
    yaml_other    = "这一处无法按 YAML 解析",
    yaml_read_as_key = "全角空格被当成了文字，这一行成了上一层的键",
    -- what the system says, in words a clerk understands
    os_ENOENT     = "文件或文件夹不存在，请检查路径和文件名",
    os_EACCES     = "没有权限读取",
    os_EPERM      = "操作不被允许",
    os_EISDIR     = "这是一个文件夹，不是文件",
    os_ENOTDIR    = "路径中有一段不是文件夹",
    os_ELOOP      = "符号链接形成了循环",
    os_ENAMETOOLONG = "路径太长",
    os_ENOSPC     = "磁盘已满",
    os_EROFS      = "文件系统是只读的",
    os_EIO        = "读写出错（磁盘或网络存储有故障）",
    os_EMFILE     = "同时打开的文件太多",
    os_ENFILE     = "同时打开的文件太多",
    os_EEXIST     = "文件已存在",
    os_EBUSY      = "文件正被占用",
    os_EFBIG      = "文件太大",
    -- render
    render_refused = "%s 有 %d 个错误，不能生成发布稿；请改正后再生成，或加 --draft 生成标明“草稿”的稿子",
    render_internal = "%s：有规则执行出错，无法确认报告没有错误，不能生成发布稿（可加 --draft）",
    draft         = "草稿",
    draft_note    = "本稿没有通过核对，不能发布。须改正的 %d 处错误：",
    -- the review page
    at_page       = "第%d页",
    in_text       = "原文",
    report_text   = "正文",
    review_title  = "审核：%s（%s）",
    -- nianbao rules ID
    rule_unknown  = "没有规则“%s”%s",
    rule_severity = "级别",
    rule_pack     = "规则包",
    rule_file     = "文件",
    rule_message  = "提示语",
    rule_rationale = "为什么要查",
    rule_basis    = "依据",
    rule_identity = "勾稽关系",
    rule_params   = "参数",
    rule_off      = "关闭",
    rule_replaces = "替换",
    help_check    = [[
用法：nianbao check [选项] 文件|目录|- …

检查年报：表格的勾稽关系，缺少的部分、表格和行，正文与表格的矛盾，发布日期，
与上一年报告的衔接。每个问题一行（文件:行:列: 级别：说明 [规则编号]），最后是汇总，
并说明用了哪个配置文件、哪些规则包。目录中的文件逐个检查；一个文件读不了，其他文件照常检查。
读 PDF 时给出页码。规则或规则包自身出错时单独列出（内部错误），不算报告的错误，退出码为 3。

选项：
  --format 名称|路径    text（默认）、json、csv、sarif、markdown、html（每份报告一个审核页面，-o 给出文件夹）
  --select 规则,…       只用这些规则（编号或前缀，如 gb2021.t3）
  --ignore 规则,…       不用这些规则
  -q, --quiet           只报告错误
  --max-warnings N      警告多于 N 个时退出码为 1
  --previous 文件|目录  上一年度的报告，用于核对结转数和规范性文件件数
  --reader 名称|路径    指定读取器
  --stdin-filename 名称 读标准输入时用的文件名
  --include 通配符      目录中只检查匹配的文件（可重复；** 跨目录，如 **/2024/*.pdf）
  --exclude 通配符      目录中不检查匹配的文件（可重复）
  --files-from 文件|-   从文件（或标准输入）读取要检查的文件和目录，每行一个
  -j N                  用 N 个工作进程并行检查（默认：处理器数）
  --db 文件             档案库（SQLite）：存入报告、单元格和问题，并从中查找上年度报告
  --baseline 文件       基线：第一次记下全部问题，以后只报告新问题
  -o 文件|目录          输出写入文件（html：写入目录，按输入的目录结构存放，另有总览页和汇总表）

示例：
  nianbao check 年报.html
  nianbao check --previous 2023年/ 2024年/
  nianbao check --format html -o 审核/ 年报目录/
  nianbao check --select gb2021.t3,gb2021.t4 --quiet 年报.txt
  nianbao check --ignore gb2021.txt 年报.pdf
  curl -s https://…/年报.html | nianbao check --stdin-filename 年报.html -
  nianbao check --db 档案.sqlite --format html -o 审核/ --include '**/2024/*' 全区年报/
  nianbao check --baseline 基线.json 年报目录/
]],
    help_sum      = [[
用法：nianbao sum [选项] 文件|目录 …

把各报告的表二、表三、表四逐格相加，得到一份合计报告（YAML），并检查合计的勾稽关系。
某个报告缺少的单元格，在合计中记为未知。同一机关同一年度的报告只计一次。

选项：
  --sheet 文件.xlsx     各机关汇总表（同时写出同名 .csv）
  --include 通配符      目录中只计入匹配的文件（可重复）
  --exclude 通配符      目录中不计入匹配的文件（可重复）
  -o 文件               合计报告写入文件（不能是输入文件）

示例：
  nianbao sum 全区年报/2024/ -o 全区合计.yaml
  nianbao sum --sheet 各机关.xlsx 全区年报/2024/
]],
    help_extract  = [[
用法：nianbao extract [选项] 文件

输出读取到的报告：机关、年度、日期、索引号、各部分正文和三张表格的每个单元格，
按统一格式的编号（规范化报告）。可据此核对读取结果，或作为 fill、render 的起点。

选项：
  --format yaml|json    输出格式（默认 yaml）
  --reader 名称|路径    指定读取器
  -o 文件               输出写入文件

示例：
  nianbao extract 年报.html > 年报.yaml
  nianbao extract --format json 年报.pdf
]],
    help_render   = [[
用法：nianbao render [选项] 文件

生成发布稿：标题、索引号和日期、六个部分、按统一格式画出的三张表格、落款（机关和日期），
可直接在 A4 纸上打印（表头在每页重复）。先检查：有错误时不生成，列出错误，退出码为 1；
加 --draft 则生成标有“草稿”的稿子，错误列在稿子上。发布稿可用 extract 读回同一份报告。

选项：
  --format html|markdown  发布稿格式（默认 html）
  --draft               有错误也生成，标明草稿
  -o 文件               输出写入文件

示例：
  nianbao render 年报.yaml -o 年报.html
  nianbao render --draft 年报.yaml -o 草稿.html
  nianbao render --format markdown 年报.yaml
]],
    help_new      = [[
用法：nianbao new --year 年度 --agency 机关名称 [--kind 机关类型]

生成待填写的空白年报（YAML）：六个部分的文字和三张表格的每个单元格，带中文说明。
机关类型（决定发布期限）默认按机关名称判断：乡镇、街道为 township，人民政府为 gov，
其他部门为 dept。

选项：
  --year 年度           报告年度
  --agency 机关名称     发布机关
  --kind 机关类型       township、gov 或 dept
  -o 文件               输出写入文件

示例：
  nianbao new --year 2025 --agency 某市统计局 > 年报.yaml
]],
    help_fill     = [[
用法：nianbao fill [选项] 文件.yaml

按勾稽关系算出留空（~）的合计，写回 YAML；注释、顺序和排版保持原样。
已经填写的合计与各项之和不一致时保留原值、指出来，退出码为 1。

选项：
  --in-place            改写原文件
  -o 文件               写入另一个文件（不能是原文件）

示例：
  nianbao fill --in-place 年报.yaml
]],
    help_rules    = [[
用法：nianbao rules [选项] [规则编号]

列出加载的规则包（来自哪里、扩展哪个、替换了哪些规则）和每条规则的编号、级别、提示语。
给出规则编号时，说明这条规则查什么、为什么要查、依据（条例条款、国办公开办函〔2021〕30号的要求）、
勾稽关系和参数。

示例：
  nianbao rules
  nianbao rules gb2021.t3.balance
  nianbao rules --rules ./本地规则
]],
    help_run      = [[
用法：nianbao run 脚本.lua [参数 …]

运行一个 Lua 脚本，脚本中 require "nianbao" 可以读取、检查报告。脚本不在沙箱中运行，
能读写文件、执行命令，只运行信得过的脚本。

示例：
  nianbao run examples/scripts/tally.lua 年报目录/
]],
    help_help     = [[
用法：nianbao help [命令]

显示总的帮助，或一个命令的帮助（与 nianbao 命令 --help 相同）。
]],
    help_completion = [[
用法：nianbao completion bash

输出 bash 的命令行补全脚本：命令、选项、输出格式、读取器和规则编号都可以用 Tab 补全。

示例：
  nianbao completion bash > ~/.local/share/bash-completion/completions/nianbao
  source <(nianbao completion bash)
]],
    man_name      = "读取、核对、生成政府信息公开工作年度报告",
    man_synopsis  = "概要", man_description_head = "说明", man_commands = "命令", man_options = "选项",
    man_files_head = "文件", man_environment_head = "环境变量", man_exit = "退出码", man_see_also = "参见",
    man_description = [[
nianbao 读取、核对和生成按国办公开办函〔2021〕30号格式编写的政府信息公开工作年度报告。
它找出加不平的合计、缺少的部分和行、仍用2019年或更早格式的报告、与表格矛盾的正文、
晚于期限或日期有误的发布，并指出位置、读到的数和应有的数。
读取网页（HTML）、网页上复制的文字、Markdown、PDF 和规范化的 YAML。
格式、规则、读取器和输出格式都是运行时加载的 Lua 文件（见 nianbao-packs(7)）。]],
    man_files     = [[
.nianbao.yaml  配置文件：输入文件所在文件夹或其上级中最近的一个（或 --config 指定）。
  packs: [gb2021, ./rules]               加载的规则包
  rules: {gb2021.val.blank: error}       改级别，或 off 关闭
  params: {gb2021.date.late_dept: {township: 2月20日}}   规则参数
  limits: {instructions: 10000000}       只能调低的运行上限]],
    man_environment = [[
NO_COLOR       设置后不用彩色（除非 --color=always）。
NIANBAO_HOME   scripts/ 和 rules/ 所在的目录。]],
    --}===
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
}

setmetatable(M, { __index = function(t, k)
  if k ~= "en" then return nil end
  local en = require "messages_en"
  rawset(t, "en", en)
  return en
end })

-- Words a config may use for a rule's setting besides off/error/warning/info.
M.setting_words = {
  off = { "关闭", "不检查", "停用" }, on = { "开启", "启用" },
  error = { "错误" }, warning = { "警告" }, info = { "提示" },
}

-- list(lang, items) → the items joined as the language lists them.
function M.list(lang, items)
  return table.concat(items, M.text(lang, "list_sep"))
end

-- os_error(lang, reason, code) → what the system said (reason, its words;
-- code, the errno's name such as "ENOENT"), in the user's language.
function M.os_error(lang, reason, code)
  local t = M[lang] or M.zh
  local s = code and t["os_" .. code]
  if lang == "en" or not s then return tostring(reason) end
  return s
end

-- text(lang, key, ...) → the message in lang (Chinese when lang is unknown).
function M.text(lang, key, ...)
  local t = M[lang] or M.zh
  local s = t[key] or M.zh[key]
  if not s then return key end
  if select("#", ...) == 0 then return s end
  return string.format(s, ...)
end

return M
