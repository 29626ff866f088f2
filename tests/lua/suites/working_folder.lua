-- The working folder, found without starting a shell, is what the shell's
-- pwd would print: $PWD as given when it is absolute and names the folder
-- (a path through a link stays so), else the folder's own path.

test("the working folder is the one the shell's pwd names, link or not", function()
  local nb = NB
  if nb:sub(1, 1) ~= "/" then
    local p = io.popen("pwd")
    nb = p:read("l") .. "/" .. nb
    p:close()
  end
  local real, link = tmp .. "/wf_real", tmp .. "/wf_link"
  os.execute("mkdir -p " .. real .. "/sub && ln -sfn " .. real .. " " .. link)
  local probe = write("wf_probe.lua", 'local p = io.popen("pwd")\n' ..
                      'print("[" .. tostring(require("nianbao.io").cwd()) .. "][" .. p:read("l") .. "]")\n' ..
                      'p:close()\n')
  for _, pwd in ipairs { link, link .. "/", link .. "/sub/..", real, tmp .. "/wf_none", "relative", "" } do
    local out = sh("cd " .. link .. " && PWD='" .. pwd .. "' " .. nb .. " run " .. probe)
    local mine, shells = out:match("%[(.-)%]%[(.-)%]")
    eq(shells, mine, "the working folder with PWD=" .. pwd)
  end
  local out = sh("cd " .. link .. " && PWD='" .. link .. "/sub/..' " .. nb .. " run " .. probe)
  has(out, "[" .. link .. "/sub/..]", "a PWD naming the folder is kept as written")
  out = sh("cd " .. link .. " && PWD=relative " .. nb .. " run " .. probe)
  has(out, "wf_real]", "a relative PWD gives way to the folder's own path")
end)
