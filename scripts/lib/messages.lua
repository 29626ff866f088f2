-- Messages of the engine itself (not of rules), Chinese first.

local M = {
  zh = {
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
    summary       = "%d 个文件：%d 个错误，%d 个警告，%d 条提示",
    unreadable_n  = "，%d 个文件无法读取",
    no_files      = "没有可检查的文件",
    no_pdftotext  = "读取PDF需要 pdftotext（Debian 软件包 poppler-utils）",
    pdf_failed    = "PDF无法读取：%s",
    pdf_no_text   = "PDF没有文字层（可能是扫描图片），无法核对",
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
    summary       = "%d file(s): %d error(s), %d warning(s), %d info",
    unreadable_n  = ", %d unreadable",
    no_files      = "no files to check",
    no_pdftotext  = "reading a PDF needs pdftotext (Debian package poppler-utils)",
    pdf_failed    = "the PDF cannot be read: %s",
    pdf_no_text   = "the PDF has no text layer (a scanned image?); nothing to check",
  },
}

-- text(lang, key, ...) → the message in lang (Chinese when lang is unknown).
function M.text(lang, key, ...)
  local t = M[lang] or M.zh
  return string.format(t[key] or M.zh[key], ...)
end

return M
