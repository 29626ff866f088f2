-- Copied narrative in a batch: between agencies (雷同), and an agency's
-- text from its own year before. Each report's narrative (the parts its
-- format names in `narrative`) gets a MinHash signature of its character
-- shingles (core: nianbao.similar); the signatures are cut in bands and
-- bucketed, so only reports that agree on a whole band are compared —
-- work and memory linear in the batch. A bucket that many agencies share
-- is the region's common wording, not a copy, and is passed over. Each
-- pair left is measured exactly (share of text in common, longest shared
-- passage) and handed to the reports, before they are frozen, as
-- `copies`: the rules (qlt.copy_peer, xy.copy) decide what to report.

local sim = require "nianbao.similar"

local M = {}

M.K = 10            -- characters in a shingle
M.HASHES = 64       -- minima in a signature
M.BANDS = 16        -- bands of HASHES / BANDS minima each
M.BUCKET_MAX = 25   -- a band value shared by more reports is common wording
M.FLOOR = 0.3       -- pairs sharing less are not handed on at all
M.PASSAGE = 120     -- characters of the passage kept
M.SEEN_MAX = 2000   -- up to this many entries the core lists the pairs met, an integer each
                    -- (fewer instructions); past it they are asked of the signatures (less memory)
M.CUT_BYTES = 1 << 20  -- narratives of a bucket kept cut in shingles at once (bytes of text;
                       -- up to 28 bytes of memory a byte): past it a text is cut for each pair
M.KEEP_BYTES = 1 << 19 -- of them, the first cut are kept for every band up to these bytes of
                       -- text: a small batch cuts each narrative once, not once a band it meets in
                       -- (a thousand files' some 1.5% fewer instructions than at 128 KB, for 0.6 MB)
M.KEEP_BYTES_MANY = 1 << 17  -- that, past SEEN_MAX entries: their bands' buckets make the peak

-- The narrative of report R: the text of the parts the format names.
function M.narrative(F, R)
  local parts = type(F.decl) == "table" and type(F.decl.narrative) == "table" and F.decl.narrative or {}
  local out = {}
  for _, id in ipairs(parts) do
    local s = R:section(id)
    if s and s.text and s.text ~= "" then out[#out + 1] = s.text end
  end
  return table.concat(out, "\n")
end

function M.signature(text)
  if not text or text == "" then return nil end
  return sim.signature(text, M.K, M.HASHES)
end

-- s cut after n characters, "…" added: in C, a passage is most of a
-- narrative and utf8.len walked it at some 80 instructions a character
local cut = sim.cut

-- said(passage) → the passage as a copy says it: its first PASSAGE characters
function M.said(passage) return cut(passage, M.PASSAGE) end

-- A pair measured whole keeps where its passage is in b's text (within =,
-- from =, to =): the passage, most of a narrative, is made a string only
-- when read, and said_of cuts it from the text directly.
local Whole = {
  __index = function(m, k)
    if k ~= "passage" or not m.within then return nil end
    local passage = m.within:sub(m.from, m.to)
    rawset(m, "passage", passage)
    return passage
  end,
}

-- said_at(within, from, to) → within:sub(from, to) as a copy says it
-- (M.said), the passage made a string only as said
function M.said_at(within, from, to) return cut(within, M.PASSAGE, from, to) end

-- said_of(m) → the passage of a measured pair as a copy says it (M.said)
function M.said_of(m)
  local passage = rawget(m, "passage")
  if passage or not m.within then return cut(passage, M.PASSAGE) end
  return M.said_at(m.within, m.from, m.to)
end

-- measure(a, b[, whole]) → {share =, passage =, length =} | nil: how much
-- of the shorter text is in the other (a, b: {text =}, each perhaps with
-- its text cut in shingles, shingled =, when it meets many). whole: the
-- passage as found, for a caller that says (M.said_of) only the pairs it
-- keeps; a string only once read (Whole).
local common = sim.common
-- common_of(a, b) → share, length, within, from, to (within:sub(from, to)
-- the passage, in b's text) | nil: measure's whole pair, as values
local function common_of(a, b)
  local ta, tb = a.text, b.text
  if not ta or not tb or ta == "" or tb == "" then return nil end
  local sa, sb, from, to, length = common(a.shingled or ta, b.shingled or tb, M.K, true)
  if sa < sb then sa = sb end                  -- math.max(sa, sb)
  if sa < M.FLOOR or length == 0 then return nil end
  return sa, length, tb, from, to
end

function M.measure(a, b, whole)
  if not a.text or not b.text or a.text == "" or b.text == "" then return nil end
  if whole then
    local share, length, within, from, to = common_of(a, b)
    if not share then return nil end
    return setmetatable({ share = share, length = length, within = within, from = from, to = to }, Whole)
  end
  local sa, sb, passage, length = sim.common(a.shingled or a.text, b.shingled or b.text, M.K)
  local share = math.max(sa, sb)
  if share < M.FLOOR or length == 0 then return nil end
  return { share = share, passage = cut(passage, M.PASSAGE), length = length }
end

-- each_pair(entries, text_of, found[, sigs[, whole]]): found(m) for each pair of the
-- entries (each {sig =, text =, key =, year =}; the signatures may come
-- apart, sigs[i] that of entries[i]) whose narratives likely
-- share text, measured: m = {a =, b =, share =, passage =, length =}, a
-- before b in entries, in no set order. Entries of one agency key and
-- year (the same report twice) are not a pair. text_of(e) gives an
-- entry's narrative (default e.text): a caller may keep it out of memory
-- until measured. Past SEEN_MAX entries one band's buckets at a time, and
-- no pair kept here: a region's template shared by thousands makes pairs
-- by the ten thousand.
-- whole: each passage as found (measure), for a caller that keeps few;
-- "span": that, handed to found as values, found(a, b, share, length,
-- within, from, to, i, j) (within:sub(from, to) the passage; i, j the
-- places of a and b in entries): no table a pair.
-- band_of(i, from, to): bytes from..to of entry i's signature, for a
-- caller whose signatures wait elsewhere: past SEEN_MAX a band is read
-- apart, not the whole signature once a band (garbage that, at ten
-- thousand files, doubled the heap while the pairs were measured).
-- agencies: entries of one agency key are never a pair, whatever their
-- years, for a caller that measures an agency's years apart (a batch:
-- such pairs, a quarter of ten thousand files', were measured and then
-- passed over).
local math_type = math.type

-- measured(a, b, ea, eb) → measure(a, b, true) with the pair's entries
-- (a =, b =) in it: the table made whole at once, for every pair met
local function measured(a, b, ea, eb)
  local share, length, within, from, to = common_of(a, b)
  if not share then return nil end
  return setmetatable({ share = share, length = length, within = within, from = from, to = to, a = ea, b = eb }, Whole)
end

-- sink: {store =, told =, shift =}, for a caller that keeps the copies
-- in a store (similar.copies) and its narratives in a spool: up to
-- SEEN_MAX entries each pair found is added there in the core (store:add
-- of both, entries of one agency key never a pair, the passage set to
-- where it is, told[j] the place << shift and length of b's narrative),
-- found not called; past it found as ever.
function M.each_pair(entries, text_of, found, sigs, whole, band_of, agencies, sink)
  text_of = text_of or function(e) return e.text end
  local rows = M.HASHES // M.BANDS
  local function sig_of(i) return sigs and sigs[i] or entries[i].sig end
  band_of = band_of or function(i, from, to)
    local sig = sig_of(i)
    return sig and sig:sub(from, to)
  end
  -- texts cut once for every band (i → {text =, shingled =, kept = true}),
  -- and the bytes of text held cut at once, these and a bucket's
  local kept, kept_bytes, cut_bytes = {}, 0, 0
  local keep_max = #entries <= M.SEEN_MAX and M.KEEP_BYTES or M.KEEP_BYTES_MANY
  -- each narrative of a bucket read and cut once for all its pairs, when
  -- first measured, and let go after its own row
  local texts = {}
  local function text(i)
    local t = texts[i] or kept[i]
    if not t then
      t = { text = text_of(entries[i]) }
      if t.text and t.text ~= "" and cut_bytes + #t.text <= M.CUT_BYTES then
        t.shingled = sim.shingled(t.text, M.K)
        cut_bytes = cut_bytes + #t.text
        if kept_bytes + #t.text <= keep_max then
          t.kept, kept[i], kept_bytes = true, t, kept_bytes + #t.text
        end
      end
      texts[i] = t
    end
    return t
  end
  local function release(t)
    if t.shingled and not t.kept then
      sim.release(t.shingled)
      cut_bytes = cut_bytes - #t.text
    end
  end
  local function let_go(i)      -- entry i's row of a bucket measured
    local t = texts[i]
    if t then
      release(t)
      texts[i] = nil
    end
  end
  local function bucket_done()
    for _, t in pairs(texts) do release(t) end
    texts = {}
  end
  -- spanned(a, b, ea, eb, i, j): measured, handed to found as values
  local function spanned(a, b, ea, eb, i, j)
    local share, length, within, from, to = common_of(a, b)
    if share then found(ea, eb, share, length, within, from, to, i, j) end
  end
  -- pair(i, j): entries i and j met in a bucket for the first time
  local function pair(i, j, ti)
    local a, c = entries[i], entries[j]
    if a.key and a.key == c.key and (agencies or a.year == c.year) then return ti end
    ti = ti or text(i)
    local m
    if whole == "span" then
      spanned(ti, text(j), a, c, i, j)
      return ti
    elseif whole then m = measured(ti, text(j), a, c)
    else
      m = M.measure(ti, text(j))
      if m then m.a, m.b = a, c end
    end
    if m then found(m) end
    return ti
  end
  if #entries <= M.SEEN_MAX then
    -- the buckets, and whether a pair met in an earlier band, worked out
    -- in the core: a list of the pairs, bucket after bucket
    local list = {}
    for i = 1, #entries do list[i] = sig_of(i) or false end
    local met = sim.met(list, #entries, M.BANDS, rows, M.BUCKET_MAX)
    list = nil
    if sink then
      -- a bucket's pairs measured and added to the store in the core, one
      -- call a bucket (as pair and found below, agencies as one)
      local keys = {}
      for i = 1, #entries do keys[i] = entries[i].key or false end
      local store, told, shift, q = sink.store, sink.told, sink.shift, 1
      while q <= #met do
        q = store:measure(met, q, text, let_go, keys, told, M.FLOOR, M.K, shift)
        bucket_done()
      end
    else
      local row, ti = nil, nil
      for q = 1, #met do
        local id = met[q]
        if id == 0 then
          if row then let_go(row) end
          bucket_done()
          row, ti = nil, nil
        else
          local i, j = id >> 26, id & 0x3FFFFFF
          if i ~= row then
            if row then let_go(row) end
            row, ti = i, nil
          end
          ti = pair(i, j, ti)
        end
      end
    end
  else
    -- a pair was met in an earlier band when the two agree on one whose
    -- bucket was not passed over: asked of the signatures, where a set of
    -- the pairs met would hold some ten a report
    local crowded = {}    -- band → the values it passed over
    local bucket_sigs     -- the signatures of a bucket's entries, read once for all its pairs
    local function met(i, j, b)
      local si, sj = bucket_sigs[i], bucket_sigs[j]
      if not si then si = sig_of(i); bucket_sigs[i] = si end
      if not sj then sj = sig_of(j); bucket_sigs[j] = sj end
      for k = 0, b - 1 do
        local from, to = k * rows * 4 + 1, (k + 1) * rows * 4
        local v = si:sub(from, to)
        if v == sj:sub(from, to) and not crowded[k][v] then return true end
      end
      return false
    end
    for b = 0, M.BANDS - 1 do
      -- a band value met once is its entry's number: most are, and a list
      -- for each would be a table an entry a band
      local bucket = {}
      local from, to = b * rows * 4 + 1, (b + 1) * rows * 4
      for i in ipairs(entries) do
        local v = band_of(i, from, to)
        if v then
          local list = bucket[v]
          if not list then bucket[v] = i
          elseif math_type(list) then bucket[v] = { list, i }
          elseif #list <= M.BUCKET_MAX then list[#list + 1] = i end
        end
      end
      crowded[b] = {}
      for v, list in pairs(bucket) do
        if not math_type(list) and #list > M.BUCKET_MAX then crowded[b][v] = true end
      end
      for _, list in pairs(bucket) do
        if not math_type(list) and #list <= M.BUCKET_MAX then
          bucket_sigs = {}
          for x = 1, #list - 1 do
            local i, ti = list[x], nil
            for y = x + 1, #list do
              local j = list[y]
              if not met(i, j, b) then ti = pair(i, j, ti) end
            end
            let_go(i)
          end
          bucket_done()
        end
      end
    end
  end
  for _, t in pairs(kept) do sim.release(t.shingled) end
end

-- in the order of the entries: by a, then by b
function M.in_order(x, y)
  if x.a.index ~= y.a.index then return x.a.index < y.a.index end
  return x.b.index < y.b.index
end

-- pairs(entries[, text_of]) → the list of each_pair's pairs, in the
-- order of the entries (each entry has an index).
function M.pairs(entries, text_of)
  local out = {}
  M.each_pair(entries, text_of, function(m) out[#out + 1] = m end)
  table.sort(out, M.in_order)
  return out
end

return M
