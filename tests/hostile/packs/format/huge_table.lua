-- attack: 100,000 rows more in table 2: a schema the binder and every rule
-- then walk on every report.
-- expect: cells (at most | instruction budget exceeded | time limit exceeded
for i = 1, 100000 do
  table.insert(tables.t2.blocks[1].rows, { id = "r" .. i, label = "第" .. i .. "行" })
end
