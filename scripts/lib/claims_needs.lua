-- Which grammars may read a sentence: those that need no word, and those
-- one of whose words (`needs`) the sentence holds.

local nianbao = require "nianbao"

local M = {}

-- for_grammars(grammars, needs_by_word) → the looks at a sentence's words
-- for the grammars registered (the list, as it grows): { needs_in,
-- needs_of_all, may_read, needed_by, needed_of } (below). needs_by_word: how
-- many sentences have the words looked for one by one before the one pass
-- for all is built.
function M.for_grammars(grammars, needs_by_word)
  -- The words of the grammars' `needs`, looked for in a sentence in one
  -- pass, not a search for each word (nianbao.words_held: at each byte the
  -- words that begin with it are tried, so words inside others are found
  -- too). needs_in(s) → the numbers of the grammars one of whose words s
  -- holds (a grammar's words that are not all strings of some bytes:
  -- G.needs_apart, searched as they say).
  local needs_words, needs_groups, needs_count, needs_index = nil, nil, -1, nil
  -- (whether each grammar needs a word, and every word is a string of some bytes)
  local needs_all_plain = false
  local needs_read = 0
  local function needs_made()
    if needs_count ~= #grammars then
      needs_words, needs_groups, needs_index, needs_all_plain = {}, {}, nil, true
      for gi, G in ipairs(grammars) do
        G.needs_apart = false
        for _, w in ipairs(G.needs) do
          if type(w) ~= "string" or w == "" then G.needs_apart = true end
        end
        if G.needs_apart or #G.needs == 0 then needs_all_plain = false end
        if not G.needs_apart then
          for _, w in ipairs(G.needs) do
            needs_words[#needs_words + 1], needs_groups[#needs_groups + 1] = w, gi
          end
        end
      end
      needs_count = #grammars
    end
  end
  local function needs_in(s)
    if needs_read < needs_by_word then
      needs_read = needs_read + 1
      local found = {}
      for gi, G in ipairs(grammars) do
        for _, w in ipairs(G.needs) do
          if s:find(w, 1, true) then found[gi] = true break end
        end
      end
      return found
    end
    needs_made()
    local held, index = nianbao.words_held(s, needs_index or needs_words, needs_groups)
    needs_index = index                      -- (the words compiled once, taken in their place after)
    return held
  end
  -- the words of every grammar's needs, compiled (for nianbao.claim_sentence),
  -- when a sentence that holds none is read by no grammar; else nil
  local function needs_of_all()
    needs_made()
    if not needs_all_plain then return nil end
    if not needs_index then needs_index = select(2, nianbao.words_held("", needs_words, needs_groups)) end
    return needs_index
  end
  -- may_read(G, gi, s, needed) → whether grammar G (the gi-th) may read s:
  -- it needs no word, or s holds one it needs (needed: needs_in(s))
  local function may_read(G, gi, s, needed)
    if #G.needs == 0 or needed[gi] then return true end
    if G.needs_apart then
      for _, w in ipairs(G.needs) do
        if s:find(w, 1, true) then return true end
      end
    end
    return false
  end
  -- needs_in(s), or nil when no grammar may read s
  local function needed_by(s)
    local needed = needs_in(s)
    for gi, G in ipairs(grammars) do
      if may_read(G, gi, s, needed) then return needed end
    end
    return nil
  end
  -- needed_by(s), or held: what the look in C found s holds (nianbao.claim_sentence
  -- with needs_of_all()), while no grammar came since its index was made
  local function needed_of(s, held)
    return held and needs_count == #grammars and held or needed_by(s)
  end

  return { needs_in = needs_in, needs_of_all = needs_of_all, may_read = may_read,
           needed_by = needed_by, needed_of = needed_of }
end

return M
