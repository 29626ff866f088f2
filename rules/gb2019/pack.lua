-- The 2019 trial format (国办公开办函〔2019〕60号), for the 2019 and 2020
-- reports: the national pack but for table 2 and the one row （六）其他处理.
-- Its format.lua states only the differences; its rules replace the
-- national ones that the 2019 grid changes.
name    = "gb2019"
title   = "政府信息公开工作年度报告格式（试行）（国办公开办函〔2019〕60号）"
extends = "gb2021"
