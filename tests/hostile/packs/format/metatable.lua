-- attack: a declaration whose tables loop when the format compiler reads
-- them (outside the file's limits).
-- expect: takes away
parts = setmetatable({}, { __index = function() while true do end end,
                           __len = function() while true do end end })
