-- A flat line cut into tokens (tables.lua's tokens_of, in C for UTF-8) with LPeg: the same
-- tokens, texts, columns and offsets as the cut by string.find's patterns
-- it replaced (kept below as it was, with the commas that part thousands,
-- the tab that parts cells and the item numbers in brackets since added), on every line of the
-- repository's reports and on lines made to hit its edges.

local tables = require "tables"

local function reference()
  local tokens_of
  tokens_of = function(text, marks)
    local out = {}
    -- the column of byte `at`, counted on from the last one asked (tokens come left
    -- to right), so a long line is not measured again from its start at each token;
    -- `at` always follows an ASCII byte, so a range never ends inside a character
    local known_at, known_n = 1, 0
    local function col_of(at)
      if at < known_at then return utf8.len(text, 1, at - 1) or 0 end
      local n = utf8.len(text, known_at, at - 1)
      if not n then return utf8.len(text, 1, at - 1) or 0 end   -- not UTF-8
      known_at, known_n = at, known_n + n
      return known_n
    end
    local function put(kind, s, at)
      if kind == "num" then        -- a group of digits holds no space: the text as it is
        if s ~= "" then
          local k = #out
          out[k + 1], out[k + 2], out[k + 3], out[k + 4] = s, true, col_of(at), at - 1
        end
        return
      end
      if kind == "label" then      -- a tab, or a gap of two spaces or more, parts two cells
        local from = 1
        while true do
          local g1, g2 = s:find("%s%s+", from)
          local t1, t2 = s:find("\t%s*", from)
          if t1 and (not g1 or t1 < g1) then g1, g2 = t1, t2 end
          if not g1 then break end
          put("cell", s:sub(from, g1 - 1), at + from - 1)
          from = g2 + 1
        end
        if from > 1 then s, at = s:sub(from), at + from - 1 end
      end
      if s:find("%S") then
        -- flat: text, glued, column and byte offset within the line, per token
        local k = #out
        out[k + 1], out[k + 2], out[k + 3], out[k + 4] = s:match("^%s*(.*%S)"), kind == "num", col_of(at), at - 1
      end
    end
    local function mark_at(i)
      for _, m in ipairs(marks or {}) do
        if text:sub(i, i + #m - 1) == m then return true end
      end
      return false
    end
    -- an item's number in brackets right before a label's word, "（2）其他": the label's
    local function bracketed(s, e)
      if not text:sub(s, e):match("^%d+$") then return false end
      local after
      if s > 1 and text:sub(s - 1, s - 1) == "(" then
        if text:sub(e + 1, e + 1) ~= ")" then return false end
        after = e + 2
      elseif s > 3 and text:sub(s - 3, s - 1) == "（" then
        if text:sub(e + 1, e + 3) ~= "）" then return false end
        after = e + 4
      else
        return false
      end
      local c = text:sub(after, after)
      return c ~= "" and not c:match("[%d%s(]") and text:sub(after, after + 2) ~= "（"
    end
    local label_at, pos, n = 1, 1, #text
    while pos <= n do
      local s, e = text:find("%-?%d[%d%.%s]*", pos)
      if not s then break end
      -- a comma after a digit and before three digits and no fourth parts thousands: the run goes on
      while text:find("^%d,%d%d%d", e) and not text:find("^%d", e + 5) do
        local _, e2 = text:find("^[%d%.%s]*", e + 5)
        e = e2
      end
      local run = text:sub(s, e):gsub("%s+$", "")
      e = s + #run - 1
      -- an enumerator right before a label belongs to that label: "3.其他", "1、申请人"
      local enum_at = run:find("%d%.$")
      local next_char = text:match("^%s*(.)", e + 1) or ""
      local item = false
      if enum_at and next_char ~= "" and not next_char:match("[%d%s]") then
        e = s + enum_at - 2
        run = text:sub(s, e)
      elseif run:match("%d$") and mark_at(e + 1) then
        e = e - 1
        run = text:sub(s, e)
      else
        item = bracketed(s, e)
      end
      if item then
        pos = e + 1                          -- an item's number in brackets: still the label
      elseif #run == 0 then
        pos = s + 2                          -- only an enumerator: still the label
      else
        put("label", text:sub(label_at, s - 1), label_at)
        local at = s
        for group in run:gmatch("%-?[^%s%-]+") do
          local g0 = text:find(group, at, true)
          put("num", group:byte(-1) == 46 and group:sub(1, -2) or group, g0)   -- less a last "."
          at = g0 + #group
        end
        pos, label_at = e + 1, e + 1
      end
    end
    if label_at <= n then put("label", text:sub(label_at), label_at) end
    return out
  end
  return tokens_of
end

local old_tokens_of = reference()

local function same(text, marks, what)
  local a, b = old_tokens_of(text, marks), tables.tokens_of(text, marks)
  local function show(t)
    local out = {}
    for i = 1, #t, 4 do out[#out + 1] = tostring(t[i]) .. "|" .. tostring(t[i + 1]) .. "|" .. t[i + 2] .. "|" .. t[i + 3] end
    return table.concat(out, " ; ")
  end
  eq(show(a), show(b), what)
end

local function files_under(dir, out)
  for _, name in ipairs(nbio.listdir(dir) or {}) do
    local path = dir .. "/" .. name
    if name:match("%.txt$") or name:match("%.md$") or name:match("%.html$") then out[#out + 1] = path
    elseif not name:find("%.") then files_under(path, out) end
  end
  return out
end

test("every line of the repository's reports cut into the same tokens as by the patterns it replaced", function()
  local marks = nianbao.engine:pack("gb2021").format.enumerator_marks
  local files = {}
  for _, dir in ipairs { "tests/corpus", "examples", "tests/fixtures" } do files_under(dir, files) end
  local lines = 0
  for _, path in ipairs(files) do
    local f = io.open(path, "rb")
    if f then
      local text = f:read("a")
      f:close()
      for line in text:gmatch("[^\n]+") do
        lines = lines + 1
        same(line, marks, path .. ": " .. line)
      end
    end
  end
  eq(true, lines > 1000, "lines enough to say so (" .. lines .. ")")
end)

test("lines made of signs, points, spaces, enumerators and marks cut the same", function()
  local marks = nianbao.engine:pack("gb2021").format.enumerator_marks
  local pieces = { "0", "1", "12", "3.", "4.5", ".", "-", "-7", "--8", " ", "  ", "\t", "、", "．", "其他", "规章",
                   "（一）", "1.其他", "2、申请人", "3. 其他", "万元", "\v", "\r", "a", "\xff", "9.", "-.", "- ", "5-",
                   ".-3", "\n", ",", "447,228", ",123", ",1234", "1,234,567", "（", "）", "(", ")", "（2）",
                   "(3)", "（1）（2）" }
  local seed = 2024
  local function rand(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
  for case = 1, 5000 do
    local t = {}
    for i = 1, rand(10) do t[i] = pieces[rand(#pieces)] end
    local line = table.concat(t)
    same(line, marks, "case " .. case .. ": " .. line)
    same(line, nil, "no marks, case " .. case)
  end
  same("", marks, "an empty line")
  same(string.rep("政", 20000) .. " 1", marks, "a long line")
end)

test("a line cut in C (UTF-8) and one cut in Lua (not UTF-8) cut the same, with marks of any length", function()
  local odd = { {}, { "" }, { "其", "1" }, { "、", "．", "其他法律" } }
  local lines = { "1.其他法律0  2", "3、其他1", "12其他 4", "-5.  6.  --7 8-", "规章 000行政规范性文件693665",
                  "（三）不予公开1.属于国家秘密00000002.其他法律03、其他1", "  7  ", "9.", "1. 2." }
  for _, marks in ipairs(odd) do
    for _, line in ipairs(lines) do
      same(line, marks, "marks " .. table.concat(marks, ",") .. ": " .. line)
      same(line .. "\xff", marks, "not UTF-8, marks " .. table.concat(marks, ",") .. ": " .. line)
      same("\xe4\xb8" .. line, marks, "a character cut short first: " .. line)
    end
  end
  eq(nil, nianbao.line_tokens("1 2\xff", {}), "a line not UTF-8 left to the Lua cut")
  eq(nil, nianbao.line_tokens("1 2", { 7 }), "a mark not a string left to the Lua cut")
  eq(nil, nianbao.line_tokens("1 2", "、"), "marks not a list left to the Lua cut")
  same("1、2 3", "、", "marks not a list")
end)

test("a comma parting thousands keeps a number one token, in C and in Lua; other commas part", function()
  local function texts(line)
    local t, out = tables.tokens_of(line, {}), {}
    for i = 1, #t, 4 do out[#out + 1] = t[i] end
    return table.concat(out, "|")
  end
  eq("行政许可|447,228", texts("行政许可       447,228"), "447,228")
  eq("行政许可|447,228|\xff", texts("行政许可       447,228 \xff"), "447,228, cut in Lua")
  eq("合计|1,234,567|8", texts("合计 1,234,567 8"), "two commas")
  eq("规章|1|,|2345|6", texts("规章 1,2345 6"), "four digits after: no thousands")
  eq("a|1|,|2|,|3", texts("a 1,2,3"), "one digit after")
end)

test("an item's number in brackets before a label's word is the label's, in C and in Lua", function()
  local function texts(line)
    local t, out = tables.tokens_of(line, {}), {}
    for i = 1, #t, 4 do out[#out + 1] = t[i] end
    return table.concat(out, "|")
  end
  eq("（2）其他法律|30|1|031", texts("（2）其他法律 30 1 031"), "（2） before its label")
  eq("予公开（1）属于国家秘密|2|02", texts("予公开（1）属于国家秘密 2 02"), "after a group's word")
  eq("(3)危及|5", texts("(3)危及 5"), "ASCII brackets")
  eq("（2）其他法律|30|\xff", texts("（2）其他法律 30 \xff"), "cut in Lua")
  eq("栏次 （|1|）（|2|）", texts("栏次 （1）（2）"), "a 栏次 row's numbers: a bracket next, no word")
  eq("合计（|3|）|4", texts("合计（3） 4"), "a space next: no word")
end)

test("a tab parts two cells of a label, in C and in Lua", function()
  local function texts(line)
    local t, out = tables.tokens_of(line, {}), {}
    for i = 1, #t, 4 do out[#out + 1] = t[i] end
    return table.concat(out, "|")
  end
  eq("（一）予以公开|21|0|／|/|-|—|21", texts("（一）予以公开\t21\t0\t／\t/\t-\t—\t21"), "markers between tabs")
  eq("（一）予以公开|21|0|／|/|-|—|21|\xff", texts("（一）予以公开\t21\t0\t／\t/\t-\t—\t21 \xff"), "cut in Lua")
  eq("规章 其他|1", texts("规章 其他  1"), "a space alone parts nothing")
end)
