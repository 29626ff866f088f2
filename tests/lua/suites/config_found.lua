-- A run looks for each input's config once per folder: what it found for
-- one folder (and the folders above it) answers the inputs after it, and
-- every answer is the one a look of its own would give.

local config = require "config"

local function tree()
  local root = tmp .. "/found"
  os.execute("rm -rf " .. root .. " && mkdir -p " .. root .. "/a/x/y " .. root .. "/b " .. root .. "/c/d/e")
  write("found/.nianbao.yaml", "rules: {}\n")
  write("found/a/.nianbao.yaml", "rules: {}\n")
  write("found/c/d/.nianbao.yaml", "rules: {}\n")
  return root
end

test("a run's config for each folder is the one a look of its own finds, in any order", function()
  local root = tree()
  local dirs = { root .. "/a/x/y", root .. "/a/x", root .. "/a", root .. "/b", root .. "/c/d/e",
                 root .. "/c/d", root .. "/c", root, tmp, "examples", "." }
  local want = {}
  for i, d in ipairs(dirs) do want[i] = config.find(d) or false end
  eq(root .. "/a/.nianbao.yaml", want[1], "a config two folders up")
  eq(root .. "/.nianbao.yaml", want[4], "a config in the parent")
  eq(root .. "/c/d/.nianbao.yaml", want[5], "the nearer of two configs above")
  eq(root .. "/.nianbao.yaml", want[7], "a folder between two configs takes the one above it")
  -- forwards, backwards and from the middle: one memo for the whole run
  for _, order in ipairs { { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, { 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 },
                           { 7, 5, 1, 4, 2, 11, 8, 6, 3, 10, 9 } } do
    local known = {}
    for _, i in ipairs(order) do
      eq(want[i], config.find(dirs[i], known) or false, "config of " .. dirs[i])
      eq(want[i], config.find(dirs[i], known) or false, "config of " .. dirs[i] .. ", asked again")
    end
  end
end)

test("two inputs in two folders with different configs each get their own from one memo", function()
  local root = tree()
  local known, opts = {}, {}
  local first, how = config.for_input(root .. "/a/x/y/r1.txt", opts, known)
  eq(root .. "/a/.nianbao.yaml", first, "the first input's")
  eq("near", how, "found near the input")
  eq(root .. "/.nianbao.yaml", (config.for_input(root .. "/b/r2.txt", opts, known)), "the second input's")
  eq(root .. "/a/.nianbao.yaml", (config.for_input(root .. "/a/r3.txt", opts, known)), "a third beside the first")
  eq(root .. "/c/d/.nianbao.yaml", (config.for_input(root .. "/c/d/e/r4.txt", opts, known)), "a fourth")
  eq("examples/nianbao.yaml", (config.for_input(root .. "/b/r2.txt", { config = "examples/nianbao.yaml" }, known)),
     "--config still wins")
  eq(nil, (config.for_input(root .. "/b/r2.txt", { no_config = true }, known)), "--no-config still wins")
end)
