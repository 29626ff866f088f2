-- A paragraph is tried as a numbered heading worded a little otherwise
-- only where it begins with the first character of some part's numeral:
-- the answers are those of trying every part, for the documents'
-- paragraphs and for headings worded otherwise, numbered or not.

local bind = require "pipeline.bind"
local tables = require "tables"
local formatlib = require "format"

local E = nianbao.engine
local P = E:pack("gb2021")
local F = P.format

-- a contents line's end: dot leaders, or a space alone, and a page number
local function contents_end(s)
  local spaced = s:find("^[%s\u{3000}\u{A0}]") ~= nil
  s = s:gsub("^[%s\u{3000}\u{A0}]+", "")
  local leaders = 0
  for _, l in ipairs(F.decl.contents_leaders) do
    while s:sub(1, #l) == l do s = s:sub(#l + 1); leaders = leaders + 1 end
  end
  if leaders == 0 and not (spaced and s:match("^%d+[%s\u{3000}\u{A0}]*$")) then return false end
  for _, l in ipairs(F.decl.contents_leaders) do s = s:gsub(l:gsub("%p", "%%%0"), "") end
  s = s:gsub("[%s\u{3000}\u{A0}]", "")
  return s:match("^%d+$") ~= nil
end

-- heading_of the long way: every heading in order, then every part
local function heading_long_way(block, renumbered)
  local t = F.labels.norm(block.text)
  for _, p in ipairs(F.parts) do
    for k, h in ipairs(p.heads) do
      local numbered = p.numbered .. h
      if t == numbered or t == h then return p, "", k > 1 end
      if t:sub(1, #numbered) == numbered then
        local cut = F.labels.prefix_end(block.text, numbered)
        if cut and contents_end(block.text:sub(cut)) then return nil end
        if cut then return p, block.text:sub(cut), k > 1 end
      end
    end
  end
  if block.kind == "para" and (utf8.len(t) or 99) <= 40 then
    for _, p in ipairs(F.parts) do
      if p.numbered ~= "" and t:sub(1, #p.numbered) == p.numbered then
        local rest = t:sub(#p.numbered + 1)
        local chars = utf8.len(rest)
        -- (held, holding or a part's word: printed "六、", or after a number of a part alone)
        local printed = renumbered ~= true and block.text:match("^%s*(.*)"):sub(1, #p.lead) == p.lead
        for k, h in ipairs(p.heads) do
          if tables.alike(rest, h, 0.8) then return p, "", true end
          if printed and chars >= 4 and (k == 1 and (h:find(rest, 1, true) or 0) > 1 or rest:find(h, 1, true)) then
            return p, "", true
          end
        end
        for _, w in ipairs(printed and chars <= 16 and p.words or {}) do
          if rest:find(w, 1, true) then return p, "", "words" end
        end
      end
    end
  end
  -- a part's whole title under any numeral names that part
  for _, c in utf8.codes(F.decl.numerals) do
    local lead = F.labels.norm(formatlib.fill(F.heading, { n = utf8.char(c), title = "" }))
    for _, p in ipairs(F.parts) do
      for _, h in ipairs(p.heads) do
        if t == lead .. h then return p, "", true end
      end
    end
  end
  -- numbered otherwise: the heading with the part's own numeral names that part
  for _, form in ipairs(renumbered and {} or F.decl.heading_numbers) do
    for _, p in ipairs(F.parts) do
      for _, h in ipairs(p.heads) do
        local title = h:sub(1, utf8.offset(h, 2) - 1)
        local lead = F.labels.norm(formatlib.fill(form, p.numbers) .. title)
        local cut = t:sub(1, #lead) == lead and F.labels.prefix_end(block.text, lead)
        if cut then
          local q, glued, variant = heading_long_way({ kind = block.kind,
            text = formatlib.fill(F.heading, { n = p.n, title = "" }) .. block.text:sub(cut - #title) }, true)
          if q == p then return q, glued, variant end
        end
      end
    end
  end
  -- numbered by a number of a part alone ("第五部分："), the longest that begins the text:
  -- then worded as after the part's own numeral, or no heading
  local best
  for _, form in ipairs(renumbered and {} or F.decl.heading_numbers) do
    for _, only in ipairs(F.decl.part_numbers) do
      for _, p in ipairs(form:sub(1, #only) == only and F.parts or {}) do
        local number = F.labels.norm(formatlib.fill(form, p.numbers))
        if t:sub(1, #number) == number and F.labels.prefix_end(block.text, number)
           and (not best or #number > #best.number) then
          best = { number = number, p = p }
        end
      end
    end
  end
  if best then
    local cut = F.labels.prefix_end(block.text, best.number)
    local q, glued, variant = heading_long_way({ kind = block.kind,
      text = formatlib.fill(F.heading, { n = best.p.n, title = "" }) .. block.text:sub(cut) }, "numbered")
    if q == best.p then return q, glued, variant end
  end
  return nil
end

test("a heading worded otherwise is found as trying every part finds it", function()
  local texts = {}
  for _, d in ipairs(dofile("tests/lua/documents.lua")(E, NB, tmp .. "/numerals")) do
    for _, b in ipairs(d.blocks) do
      if b.kind == "para" then texts[#texts + 1] = b.text end
    end
  end
  for _, p in ipairs(F.parts) do
    for _, h in ipairs(p.raw_heads) do
      local last = utf8.offset(h, -1)
      texts[#texts + 1] = h:sub(1, last - 1)                       -- a character short
      texts[#texts + 1] = h:sub(1, last - 1) .. "工作"               -- and another added
      local one = h:sub(1, utf8.offset(h, 2) - 1)
      texts[#texts + 1] = h:sub(#one + 1)                           -- no numeral
      texts[#texts + 1] = "七" .. h:sub(#one + 1, last - 1)         -- another numeral
    end
    -- held in the title, holding it, a part's word; and so but bracketed
    local lead = formatlib.fill(F.heading, { n = p.n, title = "" })
    local title = p.title
    local tail = title:sub(utf8.offset(title, 3))
    local head = title:sub(1, utf8.offset(title, -2) - 1)
    for _, t in ipairs { lead .. tail, lead .. head, lead .. "本单位" .. title, lead .. (p.words[1] or "") .. "情况",
                         "（" .. p.n .. "）" .. tail, "（" .. p.n .. "）" .. (p.words[1] or ""),
                         "第" .. p.n .. "部分 " .. tail, "第" .. p.n .. "部分：" .. (p.words[1] or "") .. "情况",
                         "第" .. p.n .. "章 本单位" .. title, p.index .. "." .. (p.words[1] or "") } do
      texts[#texts + 1] = t
    end
  end
  local found = 0
  for _, text in ipairs(texts) do
    local block = { kind = "para", text = text, line = 1, col = 1 }
    local wp, wg, wv = heading_long_way(block)
    local gp, gg, gv = bind.match_heading(F, block)
    eq(wp, gp, text .. ": part")
    eq(wg, gg, text .. ": glued")
    eq(wv, gv, text .. ": variant")
    if wp then found = found + 1 end
  end
  eq(true, found > 20, "headings found (" .. found .. ")")
end)
