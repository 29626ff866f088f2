-- The kind of a report's issuer is found from the name's last bytes, one
-- look-up per length of an ending, and each date as printed is read once
-- per format: the answers are formatlib.issuer's and the date grammar's.

local bind = require "pipeline.bind"
local formatlib = require "format"

local E = nianbao.engine
local P = E:pack("gb2021")
local F = P.format

local function names_of(Fx)
  local names = { "", "某", "局", "办公室", "安平县自然资源局", "澜州市人民政府", "青石县东风镇",
                  "凤栖区城关镇人民政府", "桐溪区", "某某管委会", "x" }
  for _, k in ipairs(Fx.issuers) do
    for _, e in ipairs(k.endings or {}) do
      for _, n in ipairs { e, "某" .. e, e .. "某", "a" .. e, e:sub(2), e:sub(1, -2) } do
        names[#names + 1] = n
      end
    end
  end
  return names
end

test("an issuer's kind is the one formatlib.issuer gives, for every ending and name", function()
  local docs = dofile("tests/lua/documents.lua")(E, NB, tmp .. "/issuer_dates")
  local names = names_of(F)
  for _, d in ipairs(docs) do
    local R = bind.bind(F, P.system, { blocks = d.blocks }, d.path, E:others(P.name))
    if R.agency then names[#names + 1] = R.agency end
  end
  local kinds = {}
  for _, name in ipairs(names) do
    local want = formatlib.issuer(F, name)
    eq(want, bind.issuer_of(F, name), name)
    kinds[want] = true
  end
  eq(formatlib.issuer(F, nil), bind.issuer_of(F, nil), "no name")
  local n = 0
  for _ in pairs(kinds) do n = n + 1 end
  eq(true, n >= 3, "kinds met")
end)

test("the first kind in order wins, a kind with no endings takes every name after it", function()
  local Fx = { unknown_issuer = { kind = "none" }, issuers = {
    { kind = "a", endings = { "局", "分局" } },
    { kind = "b", endings = { "委员会", "员会", "" } },
    { kind = "open", endings = {} },
    { kind = "c", endings = { "中心" } },
  } }
  for _, name in ipairs(names_of(Fx)) do
    eq(formatlib.issuer(Fx, name), bind.issuer_of(Fx, name), name)
  end
  eq("open", bind.issuer_of(Fx, "服务中心"), "after a kind with no endings")
  eq("a", bind.issuer_of(Fx, "某分局"), "the first kind")
  local Fy = { unknown_issuer = { kind = "none" }, issuers = { { kind = "a", endings = { "局" } } } }
  eq("none", bind.issuer_of(Fy, "某委员会"), "no kind")
  eq("none", bind.issuer_of(Fy, ""), "an empty name")
end)

test("a date as printed is read alike the first time and from the memo", function()
  local cases = {
    ["2025-01-22"] = "2025-01-22", ["2025年1月2日"] = "2025-01-02", ["2025/3/9"] = "2025-03-09",
    ["２０２５年１月２日"] = false, ["成文日期：2024年12月31日"] = "2024-12-31",
    ["2025-13-01"] = false, ["2025-01-32"] = false, [""] = false, ["无"] = false, ["2025"] = false,
  }
  for round = 1, 2 do
    for text, want in pairs(cases) do
      eq(want or nil, bind.parse_date(F, text), text .. ", round " .. round)
    end
  end
  eq(nil, bind.parse_date(F, nil), "no text")
end)

test("a name with a second in brackets is the kind both names are, else not known", function()
  local cases = {
    { "桑田市人民政府（桑田市人民政府办公室）", "gov" },
    { "桑田市人民政府(桑田市人民政府办公室)", "gov" },
    { "中共临江市委网络安全和信息化委员会办公室（临江市互联网信息办公室）", "dept" },
    { "桐江分局（青岚市生态环境局派出机构）", "dept" },
    { "青石县人民政府（青石县政务服务中心）", F.unknown_issuer.kind },
    { "（桑田市人民政府办公室）", formatlib.issuer(F, "（桑田市人民政府办公室）") },
  }
  for _, c in ipairs(cases) do
    eq(c[2], formatlib.issuer(F, c[1]), c[1])
    eq(c[2], bind.issuer_of(F, c[1]), c[1])
  end
  -- a government's report under its office's name too has the power to make 规章
  local text = assert(nbio.readfile("tests/fixtures/issuer/banner-dept-2024.txt"))
  text = text:gsub("^澜州市人民政府\n[^\n]*\n2024年", "桑田市人民政府（桑田市人民政府办公室）2024年")
             :gsub("\n澜州市医疗保障局\n(2025年1月24日%s*)$", "\n桑田市人民政府（桑田市人民政府办公室）\n%1")
  local path = write("issuer_bracketed.txt", text)
  local R = assert(E:read(path))
  eq("桑田市人民政府（桑田市人民政府办公室）", R.agency, "the title's name")
  eq("gov", R.issuer, "a government's kind")
  local found = rules_found(path)
  assert(not found:find("gb2021.t2.reg_no_power", 1, true), "said to have no power:" .. found)
end)
