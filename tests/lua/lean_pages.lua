-- The helpers of the suites that compare the lean parse of random pages
-- with libxml2's full tree: numbers drawn from a seed (the same pages each
-- run), and the comparison of one page.
local markup = require "markup"

return function(eq, differ, html)   -- (html: nianbao.html, which the suites are given)
  local M = {}

  -- random(seed) → rand(k): a number of 1..k, the same sequence for a seed
  function M.random(seed)
    return function(k)
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % k + 1
    end
  end

  -- same_as_tree(text, depth, what) → whether the lean parse read the page
  -- (false: it left it to the tree); an error where the blocks differ
  function M.same_as_tree(text, depth, what)
    local got = html.blocks(text, depth)
    local tree = html.parse(text, depth)
    if got == nil or tree == nil then
      eq(got, tree, what .. " read by one and not the other: " .. text)
      return false
    end
    if got == false then return false end
    local opts = {}
    local want = markup.blocks(tree, opts)
    want.twins = opts.twins or nil        -- (the C list says it on itself)
    want.bars = opts.bars or nil
    local d = differ(want, got, "blocks")
    if d then error(what .. ": " .. d .. "\n" .. text) end
    return true
  end

  return M
end
