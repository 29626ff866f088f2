/*
** nb_boot.c — what every nianbao Lua state starts with: the libraries, the
** modules the binary carries (LPeg linked in, re.lua embedded at build
** time), and a module path that sees only the driver's own scripts
** (scripts/lib/NAME.lua, scripts/pipeline/NAME.lua as "pipeline.NAME").
*/
#include <lauxlib.h>
#include <lualib.h>
#include <lua-lpeg.h>
#include "nb_boot.h"
#include "nb_lua.h"
#include "nb_sandbox.h"
#include "re_lua.h"

static int load_re(lua_State *L) {
    if (luaL_loadbufferx(L, (const char *)re_lua, re_lua_len, "=re", "t") != LUA_OK)
        return lua_error(L);
    lua_pushstring(L, "re");
    lua_call(L, 1, 1);
    return 1;
}

static const luaL_Reg preload[] = {
    {"lpeg", luaopen_lpeg}, {"re", load_re}, {"nianbao", luaopen_nianbao},
    {"nianbao.io", luaopen_nianbao_io}, {"nianbao.sandbox", luaopen_nianbao_sandbox},
    {NULL, NULL}
};

void nb_boot(lua_State *L, const char *home) {
    const luaL_Reg *r;
    luaL_openlibs(L);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    for (r = preload; r->name; r++) {
        lua_pushcfunction(L, r->func);
        lua_setfield(L, -2, r->name);
    }
    lua_pop(L, 1);
    lua_getglobal(L, "package");
    lua_pushfstring(L, "%s/scripts/lib/?.lua;%s/scripts/?.lua", home, home);
    lua_setfield(L, -2, "path");
    lua_pushliteral(L, "");
    lua_setfield(L, -2, "cpath");
    lua_pop(L, 1);
}
