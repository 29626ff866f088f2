-- attack: a pack named as the engine itself, whose rules would then be
-- nianbao.* (a file internal.lua would forge internal findings).
-- expect: is taken
name = "nianbao"
