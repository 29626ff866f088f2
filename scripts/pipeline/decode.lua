-- Decoding: a file's bytes → UTF-8 text, or the reason it cannot be read.
-- UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK/GB2312
-- (declared in the page, or sniffed when the bytes are not UTF-8) are
-- read; a PDF is read through poppler's pdftotext, a Word 97-2003 file
-- through wvWare, a .docx by taking its document out of the zip, an
-- .ofd by taking its pages' words out of theirs (pipeline/ofd.lua).

local nianbao = require "nianbao"
local zip = require "nianbao.zip"
local nbio = require "nianbao.io"
local messages = require "messages"

local M = {}

-- The files taken out of their container here into a text no reader's
-- extension names: an OFD's pages, as the words pdftotext -bbox writes
M.extensions = { "ofd" }

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
  -- count the matches from the "(" each must hold (found by a plain
  -- search), stopping at 5: the same count as a gsub over the whole text,
  -- as no two matches can share a "(" or overlap
  local n, at, byte = 0, 1, string.byte
  while n < 5 do
    local open = text:find("(", at, true)
    if not open then break end
    at = open + 1
    local b1, b2, b3 = byte(text, open - 3, open - 1)
    if open > 3 and b1 >= 228 and b1 <= 233 and b2 >= 128 and b2 <= 191 and b3 >= 128 and b3 <= 191
       and text:find("^%([a-z\195-\201\128-\191]+%)", open) then
      n = n + 1
    end
  end
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
  local bad = nianbao.utf8_invalid(bytes)   -- utf8.len's answer, in C: a page is read a byte a step otherwise
  if bad ~= 0 then
    local cs = declared_charset(bytes)
    -- (a page that says utf-8 and whose first character other than ASCII is
    -- none: the claim is wrong, a CMS's template over a GBK article)
    if cs == nil or chinese[cs] or (cs == "utf-8" or cs == "utf8") and bad == bytes:find("[\128-\255]") then
      local t = nianbao.convert(bytes, "GB18030")
      if t then return nianbao.fold_radicals(drop_pinyin(t)), "GB18030" end
    end
    local line = select(2, bytes:sub(1, bad):gsub("\n", "")) + 1
    return nil, messages.text(lang, "bad_encoding", line)
  end
  -- (a PDF's font may give the Kangxi radicals for the ideographs they look
  -- like, 行 as ⾏: MuPDF's text of a page Chromium printed; they are those)
  return nianbao.fold_radicals(drop_pinyin(bytes))
end

function M.is_pdf(bytes)
  return bytes:sub(1, 5) == "%PDF-"
end

-- The limits of the outside converters (the engine sets them from its own):
-- a PDF or a Word file can take minutes and gigabytes to lay out, or print
-- without end.
M.pdf_limits = { seconds = 60, max_bytes = 64 * 1048576, memory_mb = 2048 }

local function quote(s)
  return "'" .. s:gsub("'", "'\\''") .. "'"
end

-- convert(command, lim) → output, exit status. The command runs in a
-- folder of its own (a converter that writes pictures writes them there,
-- never beside the input), under a memory and a time limit.
local function convert(command, lim)
  local script = string.format(
    "d=$(mktemp -d) || exit 126; cd \"$d\" || exit 126; ulimit -v %d 2>/dev/null; " ..
    "timeout -k 2 %d %s; rc=$?; cd / && rm -rf \"$d\"; exit $rc",
    math.floor(lim.memory_mb) * 1024, math.max(1, math.ceil(lim.seconds)), command)
  local p = io.popen("sh -c " .. quote(script), "r")
  if not p then return "", 126 end
  local out = p:read(lim.max_bytes + 1) or ""
  local _, how, code = p:close()
  if how ~= "exit" then code = 128 + (code or 0) end
  return out, code or 0
end

-- A path the converter can open from its own folder.
local function absolute(path)
  if path:sub(1, 1) == "/" then return path end
  return (os.getenv("PWD") or ".") .. "/" .. path
end

-- run(command, kind, path, after, lang) → the converter's output, its exit
-- status | nil, reason when it ran too long or printed too much, named for
-- the kind of file ("pdf" or "word"); `after` follows the file's name
local function run(command, kind, path, after, lang)
  local lim = M.pdf_limits
  local out, code = convert(command .. " -- " .. quote(absolute(path)) .. after, lim)
  if #out > lim.max_bytes then
    return nil, messages.text(lang, kind .. "_too_large", lim.max_bytes // 1048576)
  end
  if code == 124 or code == 137 then return nil, messages.text(lang, kind .. "_timeout", math.ceil(lim.seconds)) end
  return out, code
end

-- pdf(path, lang) → the PDF's text layer in reading layout | nil, reason
function M.pdf(path, lang)
  local out, code = run("pdftotext -layout -enc UTF-8", "pdf", path, " - 2>&1", lang)
  if not out then return nil, code end
  if code == 127 then return nil, messages.text(lang, "no_pdftotext") end
  if code ~= 0 then return nil, messages.text(lang, "pdf_failed", (out:sub(1, 2000):gsub("%s+$", ""))) end
  if not out:find("[^%s]") then return nil, messages.text(lang, "pdf_no_text") end
  return out
end

-- A Word 97-2003 file (an OLE compound file): wvWare turns it into HTML.
function M.is_ole(bytes)
  return bytes:sub(1, 8) == "\208\207\17\224\161\177\26\225"
end

-- doc(path, lang) → the document as an HTML page | nil, reason
function M.doc(path, lang)
  local out, code = run("wvWare -1 -c utf-8 -d .", "word", path, " 2>/dev/null", lang)
  if not out then return nil, code end
  if code == 127 then return nil, messages.text(lang, "no_wvware") end
  if code ~= 0 then
    return nil, messages.text(lang, path:lower():find("%.wps$") and "wps_failed" or "doc_failed", code)
  end
  -- wvWare titles every page so when the file has no title of its own
  return (out:gsub("<title>%s*Untitled%s*</title>", "<title></title>", 1))
end

-- A .docx (an Office Open XML zip): its word/document.xml.
function M.is_zip(bytes)
  return bytes:sub(1, 4) == "PK\3\4"
end

-- A Word file made from a web page (a site's "export to Word", html-docx-js)
-- may hold no text but one embedded page (w:altChunk), as HTML or as MHT
-- (quoted-printable HTML in a MIME part): that page, or nil.
local function alt_chunk(bytes, xml, lim)
  local id = xml:match('<w:altChunk[^>]-r:id="([^"]+)"')
  local rels = id and zip.entry(bytes, "word/_rels/document.xml.rels", lim.max_bytes)
  local target
  for rel in (rels or ""):gmatch("<Relationship%s[^>]*>") do
    if rel:match('%sId="([^"]+)"') == id then target = rel:match('%sTarget="([^"]+)"') end
  end
  if not target then return nil end
  local page = zip.entry(bytes, target:sub(1, 1) == "/" and target:sub(2) or "word/" .. target, lim.max_bytes)
  if not page or page:find("^%s*<") then return page end
  local head, body = page:match("Content%-Type:%s*text/html(.-)\r?\n\r?\n(.*)")
  if not head or head:lower():find("base64", 1, true) then return nil end
  local boundary = page:match('boundary="?([^"\r\n;]+)')
  local cut = boundary and body:find("\n--" .. boundary, 1, true)
  if cut then body = body:sub(1, cut - 1) end
  if head:lower():find("quoted-printable", 1, true) then
    body = body:gsub("=\r?\n", ""):gsub("=(%x%x)", function(h) return string.char(tonumber(h, 16)) end)
  end
  return body
end

-- docx(bytes, lang) → the text of word/document.xml | nil, reason [, true
-- when the archive holds none]
function M.docx(bytes, lang)
  local lim = M.pdf_limits
  local xml, err = zip.entry(bytes, "word/document.xml", lim.max_bytes)
  if not xml then
    if err:find("has no", 1, true) then return nil, messages.text(lang, "zip_not_word"), true end
    return nil, messages.text(lang, "word_failed", err)
  end
  if xml:find("altChunk", 1, true) and not xml:find("<w:t[%s>]") then
    local page = alt_chunk(bytes, xml, lim)
    if page then return page end
  end
  -- Word's list numbers (一、, （一）) are drawn from word/numbering.xml: the
  -- reader finds its lists at the document's end
  local numbering = zip.entry(bytes, "word/numbering.xml", lim.max_bytes)
  local lists = numbering and numbering:match("<w:numbering[%s>].*</w:numbering>")
  local at = lists and xml:find("</w:document>%s*$")
  if at then xml = xml:sub(1, at - 1) .. lists .. xml:sub(at) end
  return xml
end

-- The converters read a file: bytes that came from elsewhere (standard
-- input) are written to a temporary one first.
local function from_file(convert_file, bytes, path, lang)
  if nbio.stat(path) == "file" then return convert_file(path, lang) end
  local copy = os.tmpname()
  local f = io.open(copy, "wb")
  local ok = f and f:write(bytes) and f:close()
  if not ok then
    os.remove(copy)
    return nil, messages.text(lang, "cannot_open", copy)
  end
  local text, why = convert_file(copy, lang)
  os.remove(copy)
  return text, why
end

-- binary(bytes, path, lang) → the text inside a PDF, Word or OFD file, the bytes
-- of any other file as they are | nil, reason
function M.binary(bytes, path, lang)
  if M.is_pdf(bytes) then return from_file(M.pdf, bytes, path, lang) end
  if M.is_zip(bytes) then
    local xml, why, no_word = M.docx(bytes, lang)
    if not no_word then return xml, why end
    -- no Word document in it: an OFD's pages, or neither (an .ofd's name says which to tell)
    -- (required here: a run that meets no OFD never loads it)
    local pages, ofd_why, no_ofd = require("pipeline.ofd").pages(bytes, lang, M.pdf_limits)
    if no_ofd and not (path and path:lower():find("%.ofd$")) then return nil, why end
    if no_ofd then return nil, messages.text(lang, "ofd_failed", messages.text(lang, "ofd_part_missing", "OFD.xml")) end
    return pages, ofd_why
  end
  if M.is_ole(bytes) then return from_file(M.doc, bytes, path, lang) end
  -- WPS Writer saves .wps in Word's 97-2003 binary (read above); older WPS formats are its own
  if path and path:lower():find("%.wps$") then return nil, messages.text(lang, "wps_unknown") end
  return bytes
end

return M
