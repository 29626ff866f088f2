-- Freezing a report makes its texts printable; the format's parts its
-- sections refer to are made printable at the first report that refers to
-- them, and the walks of the reports after pass them by, each section
-- keeping its part.

local view = require "view"

test("freeze: the format's parts made printable once, a report's texts every time, parts kept", function()
  local E = nianbao.engine
  local text = JIUQU:gsub("全面贯彻落实", "全面贯彻\27[31m落实", 1)
  local path = write("freeze-parts.txt", text)
  local core = getmetatable(nianbao).__index     -- the module report.lua calls
  local printable, calls = core.printable, {}
  core.printable = function(t, skip)
    local parts = 0
    for _, s in ipairs(rawget(t, "sections") or {}) do
      if rawget(s, "part") ~= nil then parts = parts + 1 end
    end
    calls[#calls + 1] = { report = rawget(t, "sections") ~= nil, parts = parts }
    return printable(t, skip)
  end
  local ok1, R1 = pcall(E.read, E, path)
  local first = #calls
  local ok2, R2 = pcall(E.read, E, path)
  core.printable = printable
  assert(ok1, R1)
  assert(ok2, R2)
  -- the second report: one walk, of the report, with no part attached
  eq(first + 1, #calls, "walks of the second report")
  eq(true, calls[#calls].report, "the report walked")
  eq(0, calls[#calls].parts, "parts passed by")
  for _, R in ipairs { R1, R2 } do
    local real = view.unwrap(R)
    local with_part = 0
    for _, s in ipairs(real.sections) do
      if s.part then with_part = with_part + 1 end
      eq(nil, s.text:find("\27", 1, true), "no control character left in " .. tostring(s.id))
    end
    eq(true, with_part > 3, "sections keep their parts")
  end
  local found = false
  for _, s in ipairs(view.unwrap(R2).sections) do
    if s.text:find("全面贯彻?[31m落实", 1, true) then found = true end
  end
  eq(true, found, "the escape made '?'")
end)

test("freeze: the year before's parts passed by too, and kept", function()
  local root = tmp .. "/freeze-previous"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "'")
  write("freeze-previous/2023.txt", assert(nbio.readfile("examples/previous/jiuqu-2023.txt")))
  write("freeze-previous/2024.txt", JIUQU)
  local B = require("batch").new(nianbao.engine, { files = { root } }, nil, 1)
  local core = getmetatable(nianbao).__index
  local printable, attached = core.printable, nil
  core.printable = function(t, skip)
    local previous = rawget(t, "previous")
    if previous then
      attached = 0
      for _, s in ipairs(previous.sections) do
        if rawget(s, "part") ~= nil then attached = attached + 1 end
      end
    end
    return printable(t, skip)
  end
  local ok, R = pcall(B.read, B, root .. "/2024.txt")
  core.printable = printable
  assert(ok, R)
  B:finish({}, nil)
  eq(0, attached, "the year before's parts attached while walked")
  local with_part = 0
  for _, s in ipairs(view.unwrap(R).previous.sections) do
    if s.part then with_part = with_part + 1 end
  end
  eq(true, with_part > 3, "the year before's sections keep their parts")
end)
