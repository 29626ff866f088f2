/*
** nb_lua.h — the `nianbao` Lua module: the C model seen from Lua.
*/
#ifndef NB_LUA_H
#define NB_LUA_H

#include <lua.h>

/* Open the module: schema, report, identity, findings, number helpers,
** yaml.decode/encode and the null sentinel. Safe for sandboxed scripts. */
int luaopen_nianbao(lua_State *L);

/* Open `nianbao.io`: readfile, listdir, isatty, writefile. For the trusted
** driver only; never handed to rule packs or writers. */
int luaopen_nianbao_io(lua_State *L);

#endif
