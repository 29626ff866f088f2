-- A copy finding names where the report says the passage. In the fixtures'
-- batch most passages run over two parts (the narrative joins parts with
-- a line break): each is placed where the file says the passage, or where
-- it says one of the passage's later lines when the first is too short.

local json_decode = dofile("tests/lua/json.lua")

local function file_lines(path)
  local lines = {}
  for l in (assert(nbio.readfile(path)) .. "\n"):gmatch("(.-)\r?\n") do lines[#lines + 1] = l end
  return lines
end

-- the file's text from (line, col) on, its line breaks as the message's spaces
local function text_from(lines, line, col)
  local first = lines[line]
  local rest = { first:sub(utf8.offset(first, col)) }
  for i = line + 1, math.min(#lines, line + 6) do rest[#rest + 1] = lines[i] end
  return table.concat(rest, " ")
end

local function first_chars(s, n)
  local stop = utf8.offset(s, n + 1)
  return stop and s:sub(1, stop - 1) or s
end

test("copy findings of the fixtures' batch: each placed where the file says its passage", function()
  local out = sh(NB .. " check -j1 --format json tests/fixtures/consistent")
  local placed, later = 0, 0
  for record in out:gmatch("[^\n]+") do
    local r = record:sub(1, 1) == "{" and json_decode(record)
    for _, f in ipairs(r and r.findings or {}) do
      if f.rule == "gb2021.qlt.copy_peer" or f.rule == "gb2021.xy.copy" then
        local passage = assert(f.message:match("“(.*)”"), "a passage in the message")
        passage = passage:gsub("…$", "")
        eq("number", type(f.line), "a line for " .. r.file)
        eq("number", type(f.column), "a column for " .. r.file)
        local here = first_chars(text_from(file_lines(r.file), f.line, f.column), 10)
        -- the passage, or one of its lines after a break (a space here)
        local at, from = nil, 1
        while from and not at do
          if first_chars(passage:sub(from), 10) == here then at = from end
          from = passage:find(" ", from, true)
          if from then from = from + 1 end
        end
        eq(true, at ~= nil, r.file .. ":" .. f.line .. ": " .. here .. " begins no line of the passage")
        placed = placed + 1
        if at > 1 then later = later + 1 end
      end
    end
  end
  eq(true, placed >= 20, "the batch's copies found (" .. placed .. ")")
  eq(true, later > 0, "some placed at a later line of their passage, the first too short")
end)
