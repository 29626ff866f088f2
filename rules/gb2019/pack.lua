-- The rules of gb2021 apply to 2019-format reports as well, except where a
-- file here of the same name replaces one.
name    = "gb2019"
inherit = "gb2021"
