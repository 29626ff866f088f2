-- A national format's compiled tables come from the build's image of them
-- where its format.lua files and the code that compiles them are the
-- build's, and are the tables a compile makes (the declaration's own
-- tables the same ones); a format.lua edited since, or the code that
-- compiles it, or a user pack over the format, and it is compiled as
-- before: what runs is the files.

local format = require "format"

-- The first place where a and b differ, walked in step: values equal, a
-- table of the declaration (in decl) the very same in both, any other
-- table the same in shape, each met again where its pair was.
local function differs(a, b, decl_tables, path, pairs_of)
  if type(a) ~= "table" or type(b) ~= "table" then
    if a ~= b or math.type(a) ~= math.type(b) then
      return string.format("%s: %s vs %s", path, tostring(a), tostring(b))
    end
    return nil
  end
  if decl_tables[a] or decl_tables[b] then
    if a ~= b then return path .. ": not the declaration's own table" end
    return nil
  end
  if pairs_of[a] ~= nil then
    if pairs_of[a] ~= b then return path .. ": another table where the same was" end
    return nil
  end
  pairs_of[a] = b
  if getmetatable(a) ~= getmetatable(b) then return path .. ": another metatable" end
  for k in pairs(b) do
    if rawget(a, k) == nil then return path .. "." .. tostring(k) .. ": only in the second" end
  end
  for k, v in pairs(a) do
    local d = differs(v, rawget(b, k), decl_tables, path .. "." .. tostring(k), pairs_of)
    if d then return d end
  end
  return nil
end

local function tables_of(t, set)
  if type(t) ~= "table" or set[t] then return set end
  set[t] = true
  for k, v in pairs(t) do tables_of(k, set); tables_of(v, set) end
  return set
end

test("a national format from its image is the format its compile makes", function()
  local set = require("packs").load(".", {}, {})
  for _, name in ipairs(set.order) do
    local decl = set:declaration(name).decl
    local image = set:format_image(name)
    eq("function", type(image), name .. ": an image of the build")
    local from_image = format.compile(decl, name, name, nil, image)
    local compiled = format.compile(decl, name, name)
    local skip = { labels = true, grammars = true, schema = true }
    local a, b = {}, {}
    for k, v in pairs(from_image) do if not skip[k] then a[k] = v end end
    for k, v in pairs(compiled) do if not skip[k] then b[k] = v end end
    eq(nil, differs(a, b, tables_of(decl, {}), name, {}), name .. ": the same tables")
    eq(nil, differ(compiled.schema:find_all(compiled.cells), from_image.schema:find_all(from_image.cells),
                   name .. ".schema"), name .. ": the same schema")
    eq(true, from_image.tables[1].grid ~= nil, name .. ": tables draw their grid")
  end
  -- what a set builds takes it
  eq(true, set:format_image("gb2021") ~= nil, "the set's base format from its image")
end)

test("no image for a format under a user pack", function()
  local dir = tmp .. "/format_images_user"
  os.execute("mkdir -p " .. dir)
  local set = require("packs").load(".", { dir }, {})
  eq(nil, set:format_image("gb2021"), "a user pack over the base")
  eq(nil, set:format_image("gb2019"), "a user pack over the pack it extends")
end)

-- a home of the build's files with one of them edited
local function home_with(name, file, edit)
  local dir = tmp .. "/" .. name
  os.execute("mkdir -p " .. dir .. " && cp -r scripts rules " .. dir)
  local path = dir .. "/" .. file
  local f = assert(io.open(path, "rb"))
  local src = f:read("a")
  f:close()
  f = assert(io.open(path, "wb"))
  f:write(edit(src))
  f:close()
  return dir
end

local PROBE = 'local set = require("packs").load(require("nianbao").engine.home, {}, {})\n' ..
              'local F = set:format("gb2021")\n' ..
              'print(set:format_image("gb2021") ~= nil, F.title)\n'

test("a format.lua or the compile edited since the build is compiled as it now reads", function()
  local script = write("probe_format_image.lua", PROBE)
  local title = '\ntitle = "{agency}{year}年政府信息公开工作年度报告"'
  local same = home_with("format_image_same", "rules/gb2021/format.lua", function(src) return src end)
  has(sh("NIANBAO_HOME=" .. same .. " " .. NB .. " run " .. script),
      "true\t{agency}{year}年政府信息公开工作年度报告", "as built: the image")
  local edited = home_with("format_image_edited", "rules/gb2021/format.lua", function(src)
    local out, n = src:gsub(title, '\ntitle = "{agency}{year}年政府信息公开工作年度报告（改）"', 1)
    assert(n == 1, "the title is in format.lua")
    return out
  end)
  has(sh("NIANBAO_HOME=" .. edited .. " " .. NB .. " run " .. script),
      "false\t{agency}{year}年政府信息公开工作年度报告（改）", "format.lua edited: compiled")
  local code = home_with("format_image_code", "scripts/lib/format.lua", function(src)
    return "-- one more line\n" .. src
  end)
  has(sh("NIANBAO_HOME=" .. code .. " " .. NB .. " run " .. script),
      "false\t{agency}{year}年政府信息公开工作年度报告", "the compile edited: compiled")
end)

-- The binder's index of the parts' headings (format.heading_index) is
-- made with the format's tables: a national format's comes from the image,
-- not made again at a check's first report; an edit of the code that makes
-- it takes effect at once.
test("a format's headings come indexed with its tables: from the image, or as the code now reads", function()
  local set = require("packs").load(".", {}, {})
  eq("function", type(set:format_image("gb2021")), "an image of the build")
  local F = set:format("gb2021")
  local ix = F.heading_index
  eq("table", type(ix), "the index, with the format")
  for _, p in ipairs(F.parts) do
    eq(p, ix.exact[p.numbered .. p.heads[1]].p, p.id .. ": its numbered heading")
  end
  local marked = [[print(require("packs").load(require("nianbao").engine.home, {}, {}):format("gb2021").heading_index.marked)]]
  local script = write("probe_heading_index.lua", marked)
  local code = home_with("heading_index_code", "scripts/lib/format.lua", function(src)
    local out, n = src:gsub("\n  return ix\nend\n", "\n  ix.marked = \"edited\"\n  return ix\nend\n", 1)
    assert(n == 1, "the index's end in format.lua")
    return out
  end)
  has(sh("NIANBAO_HOME=" .. code .. " " .. NB .. " run " .. script), "edited", "the code that makes it edited")
end)
