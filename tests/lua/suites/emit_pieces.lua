-- A template's own pieces take the values of its names message by message:
-- a value given once is not left for the next message, a value that is
-- neither text nor number is filled apart, and a place or text given
-- wrongly is still refused where the rule gave it.

test("emit: a template's pieces filled afresh for each message; bad places and texts refused", function()
  os.execute("rm -rf " .. tmp .. "/piecespack && mkdir -p " .. tmp .. "/piecespack")
  write("piecespack/pack.lua", 'name = "piecespack"\ntitle = "片段"\nextends = "gb2021"\n')
  write("piecespack/pieces.lua", [[
id       = "piecespack.pieces"
severity = "info"
message  = { zh = "<{a}:{b}>" }
function check(report, emit)
  emit { line = 1, vars = { a = "one", b = 1 } }
  emit { line = 2, vars = { b = 2.5 } }
  emit { line = 3, vars = { a = setmetatable({}, { __tostring = function() return "table" end }) } }
  emit { line = 4, vars = { a = "four" } }
  emit { line = 5 }
  emit { line = 6, found = 6, expected = "six" }
end
]])
  write("piecespack/bad.lua", [[
id       = "piecespack.bad"
severity = "info"
message  = { zh = "bad" }
function check(report, emit)
  emit { line = -1 }
end
]])
  local out = sh(NB .. " check --format json --rules " .. tmp .. "/piecespack examples/jiuqu-2024.txt")
  local got = {}
  for m in out:gmatch('"rule":"piecespack%.pieces","severity":"info","message":"(<.->)"') do got[#got + 1] = m end
  eq("<one:1> <{a}:2.5> <table:{b}> <four:{b}> <{a}:{b}> <{a}:{b}>", table.concat(got, " "), "the messages")
  has(out, '"expected":"six","found":"6","line":6', "found and expected")
  has(out, "'line' must be a line or column number", "a bad line refused")
  has(out, 'bad.lua","line":5', "where the rule gave it")
end)
