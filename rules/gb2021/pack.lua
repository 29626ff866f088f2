-- The national pack: the format of 国办公开办函〔2021〕30号 (format.lua) and
-- the checks of the spec, one rule per file. Every other pack extends it.
name  = "gb2021"
title = "政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）"
