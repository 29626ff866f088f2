/*
** nb_boot.h — a Lua state ready for the nianbao scripts, and the file
** access of the trusted driver (`nianbao.io`).
*/
#ifndef NB_BOOT_H
#define NB_BOOT_H

#include <lua.h>

/* Open the standard libraries, make lpeg, re, nianbao, nianbao.io and
** nianbao.sandbox (and, for the driver, nianbao.db, nianbao.xlsx and
** nianbao.similar) loadable with require, point package.path at
** home/scripts/lib (and nowhere else), and harden what scripts share:
** string.find/match/gmatch/gsub become nb_sandbox's metered matcher,
** string.rep and table.insert/remove/move/sort charge their work, lpeg.V
** and the `^` of patterns meter the rule calls and loops of patterns built
** by untrusted code, and the metatables of strings and LPeg patterns are
** locked (`re` is loaded before, so it keeps the operators). Raises a Lua
** error on failure. */
void nb_boot(lua_State *L, const char *home);

/* Open `nianbao.io`, for the trusted driver only (never handed to rule
** packs, readers or writers):
**   readfile(path [, limit]) -> bytes | nil, reason   (never blocks on a FIFO)
**   stat(path) -> "file"|"directory"|"other", identity ("dev:inode") | nil, reason
**   listdir(path) -> names (no . or ..) | nil, reason
**   isatty(fd) -> boolean
**   tempfile(target) -> file, path | nil, reason: a new file beside target,
**     created exclusively, removed unless committed (also on SIGINT,
**     SIGTERM, SIGHUP and SIGQUIT)
**   commit(file, target) -> true | nil, reason: flush, sync, close and rename
**     over target; on any failure the temporary file is removed and target
**     is left as it was. Closing the file instead discards it. */
int luaopen_nianbao_io(lua_State *L);

/* Remove the temporary files not yet committed (at exit; also what the
** signal handler does). */
void nb_io_discard_pending(void);

#endif
