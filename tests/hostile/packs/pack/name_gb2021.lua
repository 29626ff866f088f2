-- attack: a pack named as the national pack: duplicate national ids.
-- expect: is taken
name = "gb2021"
