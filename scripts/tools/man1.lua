-- The man page nianbao(1) as Markdown, from the command line's own help
-- texts (messages.lua), in one language; scripts/tools/man.lua makes the
-- roff, as for nianbao-packs(7).
--   nianbao run scripts/tools/man1.lua zh|en > nianbao.1.md
local usage = require "usage"
io.stdout:write(usage.man(arg[1] == "en" and "en" or "zh"))
