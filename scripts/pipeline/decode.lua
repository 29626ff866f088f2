-- Decoding: a file's bytes → UTF-8 text, or the reason it cannot be read.
-- UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK/GB2312
-- (declared in the page, or sniffed when the bytes are not UTF-8) are
-- read; a PDF is read through poppler's pdftotext.

local nianbao = require "nianbao"
local messages = require "messages"

local M = {}

-- The charset a page declares: <meta charset="gbk">, content="…; charset=gb2312",
-- or an XML declaration.
local function declared_charset(bytes)
  local head = bytes:sub(1, 4096):lower()
  return head:match("<meta[^>]-charset%s*=%s*[\"']?%s*([%w_%-]+)")
      or head:match("<%?xml[^>]-encoding%s*=%s*[\"']([%w_%-]+)")
end

-- GB18030 is the superset of the others: read them all as it.
local chinese = { gbk = true, gb2312 = true, gb18030 = true, ["x-gbk"] = true, cp936 = true,
                  ["euc-cn"] = true }

-- Mirror sites that print each character's pinyin after it ("總(zǒng)計(jì)"):
-- the pinyin goes, the characters stay. Only where a page does it often.
local function drop_pinyin(text)
  local ideograph = "[\228-\233][\128-\191][\128-\191]"
  local pattern = "(" .. ideograph .. ")%(([a-z\195-\201\128-\191]+)%)"
  local n = select(2, text:gsub(pattern, ""))
  if n < 5 then return text end
  return (text:gsub(pattern, function(ch, py)
    if #py <= 12 and not py:find("[\228-\233]") then return ch end
  end))
end

-- text(bytes, lang) → UTF-8 text, charset read (nil for UTF-8) | nil, reason
function M.text(bytes, lang)
  local b2 = bytes:sub(1, 2)
  if b2 == "\255\254" or b2 == "\254\255" then
    local t, err = nianbao.convert(bytes:sub(3), b2 == "\255\254" and "UTF-16LE" or "UTF-16BE")
    if not t then return nil, messages.text(lang, "bad_utf16", err) end
    bytes = t
  elseif bytes:sub(1, 3) == "\239\187\191" then
    bytes = bytes:sub(4)
  end
  if bytes:find("\0", 1, true) then return nil, messages.text(lang, "binary") end
  if not bytes:find("[^%s]") then return nil, messages.text(lang, "empty") end
  local ok, bad = utf8.len(bytes)
  if not ok then
    local cs = declared_charset(bytes)
    if cs == nil or chinese[cs] then
      local t = nianbao.convert(bytes, "GB18030")
      if t then return drop_pinyin(t), "GB18030" end
    end
    local line = select(2, bytes:sub(1, bad):gsub("\n", "")) + 1
    return nil, messages.text(lang, "bad_encoding", line)
  end
  return drop_pinyin(bytes)
end

function M.is_pdf(bytes)
  return bytes:sub(1, 5) == "%PDF-"
end

-- The limits of pdftotext (the engine sets them from its own): a PDF can
-- take minutes and gigabytes to lay out, or print without end.
M.pdf_limits = { seconds = 60, max_bytes = 64 * 1048576, memory_mb = 2048 }

-- pdf(path, lang) → the PDF's text layer in reading layout | nil, reason
function M.pdf(path, lang)
  local lim = M.pdf_limits
  local quoted = "'" .. path:gsub("'", "'\\''") .. "'"
  local cmd = string.format("ulimit -v %d 2>/dev/null; exec timeout -k 2 %d pdftotext -layout -enc UTF-8 -- %s - 2>&1",
                            math.floor(lim.memory_mb) * 1024, math.max(1, math.ceil(lim.seconds)), quoted)
  local p = io.popen(cmd, "r")
  local out = p and p:read(lim.max_bytes + 1) or ""
  local ok, how, code = true, "exit", 0
  if p then ok, how, code = p:close() end
  if #out > lim.max_bytes then
    return nil, messages.text(lang, "pdf_too_large", lim.max_bytes // 1048576)
  end
  if not ok or code ~= 0 then
    if how == "exit" and (code == 124 or code == 137) then
      return nil, messages.text(lang, "pdf_timeout", math.ceil(lim.seconds))
    end
    if code == 127 then return nil, messages.text(lang, "no_pdftotext") end
    return nil, messages.text(lang, "pdf_failed", (out:sub(1, 2000):gsub("%s+$", "")))
  end
  if not out:find("[^%s]") then return nil, messages.text(lang, "pdf_no_text") end
  return out
end

return M
