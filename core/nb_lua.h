/*
** nb_lua.h — the `nianbao` Lua module: the C model seen from Lua.
*/
#ifndef NB_LUA_H
#define NB_LUA_H

#include <lua.h>

/* Open the module: schema, report, identity, findings, number helpers,
** yaml.decode/encode, html.parse, convert and the null sentinel. The
** classes' metatables and the sentinel's are locked (__metatable), so a
** script that is handed an object cannot reach __gc or the methods. */
int luaopen_nianbao(lua_State *L);

#endif
