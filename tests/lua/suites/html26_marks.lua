-- A revised page's old row, each value struck whole (`<td><del>62</del></td>`)
-- above its new row, and a number wholly in `<sup>`: what a browser shows,
-- on ../html24's pages (x4-revised: pingtan-2021, x5-inline-number: pingtan-2022).

local E = nianbao.engine

local function changed(path, from, to, name)
  local text, n = assert(nbio.readfile(path)):gsub(from, to, 1)
  eq(1, n, "the place changed in " .. path)
  return write(name, text)
end

local NEW_ROW = '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td><del>62</del> <ins>64</ins></td><td>0</td><td>0</td><td>2</td><td>0</td><td>4</td><td><s>68</s><u>70</u></td></tr>'

test("an old row struck value by value above its new row is left out", function()
  local label = '<td colspan="3">一、本年新收政府信息公开申请数量</td>'
  for name, old in pairs {
    del = "<td><del>62</del></td><td><del>0</del></td><td><del>0</del></td><td><del>2</del></td><td><del>0</del></td><td><del>4</del></td><td><del>68</del></td>",
    mixed = "<td><s>62</s></td><td></td><td></td><td><strike>2</strike></td><td></td><td><del>4</del></td><td><del>68</del></td>",
  } do
    local path = changed("tests/fixtures/html24/x4-revised.html", NEW_ROW:gsub("%p", "%%%0"),
                         "<tr>" .. label .. old .. "</tr>\n<tr>" .. label ..
                         "<td>64</td><td>0</td><td>0</td><td>2</td><td>0</td><td>4</td><td>70</td></tr>",
                         "html26_old_row_" .. name .. ".html")
    local R = assert(E:read(path))
    eq(64, R:cell("t3.new.np").value, name .. ": 自然人, the new row's")
    eq(70, R:cell("t3.new.total").value, name .. ": 总计")
    eq(34, R:cell("t3.carried.total").state == "number" and 34 or 0, name .. ": the next row in its place")
    local found = rules_found(path)
    eq(nil, found:find(" gb2021.val.blank ", 1, true), name .. ": no blank cells")
    eq(nil, found:find(" gb2021.t3.balance ", 1, true), name .. ": 表三 balances")
  end
  -- a struck row whose next row is another's is kept (its cells empty), never taken for the next
  local path = changed("tests/fixtures/html24/x4-revised.html", NEW_ROW:gsub("%p", "%%%0"),
                       "<tr>" .. label .. "<td><del>64</del></td><td>0</td><td>0</td><td>2</td><td>0</td><td>4</td><td>70</td></tr>",
                       "html26_struck_cell.html")
  eq("blank", assert(E:read(path)):cell("t3.new.np").state, "a value struck alone: no value")
end)

test("a number wholly in <sup> is the number a browser shows; a mark after a number is none", function()
  local path = changed("tests/fixtures/html24/x5-inline-number.html", "<td><sub>&nbsp;</sub>71<sup>%*</sup></td>",
                       "<td><sup>71</sup></td>", "html26_sup_whole.html")
  local R = assert(E:read(path))
  eq(71, R:cell("t3.new.np").value, "自然人 in <sup>")
  eq(74, R:cell("t3.new.total").value, "总计 74<sup>1</sup>: the mark left out")
end)
