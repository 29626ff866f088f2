/*
** nb_boot.h — a Lua state ready for the nianbao scripts.
*/
#ifndef NB_BOOT_H
#define NB_BOOT_H

#include <lua.h>

/* Open the standard libraries, make lpeg, re, nianbao, nianbao.io and
** nianbao.sandbox loadable with require, and point package.path at
** home/scripts/lib (and nowhere else). Raises a Lua error on failure. */
void nb_boot(lua_State *L, const char *home);

#endif
