/*
** nb_dl.c — shared libraries opened when first needed, one handle per Lua
** state (a userdata in the registry, keyed by the caller's list of names,
** whose __gc closes it).
*/
#include <dlfcn.h>
#include <stdio.h>
#include <lauxlib.h>
#include "nb_dl.h"

#define DL_LIBRARY "nianbao.dl.library"

typedef struct {
    void *handle;
    size_t n;
    void *fns[];                  /* the functions, in the order asked for */
} dl_library;

static int library_gc(lua_State *L) {
    dl_library *lib = luaL_checkudata(L, 1, DL_LIBRARY);
    if (lib->handle) dlclose(lib->handle);
    lib->handle = NULL;
    return 0;
}

const void *nb_dl_functions(lua_State *L, const char *soname, const char *const names[], size_t n,
                            char *err, size_t errlen) {
    dl_library *lib;
    size_t i;
    luaL_checkstack(L, 3, "a library");
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, names) == LUA_TUSERDATA) {
        lib = lua_touserdata(L, -1);
        lua_pop(L, 1);
        if (lib->n == n) return lib->fns;
    } else {
        lua_pop(L, 1);
    }
    /* the userdata first: an open library is never left without its closer */
    lib = lua_newuserdatauv(L, sizeof *lib + n * sizeof lib->fns[0], 0);
    lib->handle = NULL;
    lib->n = 0;
    if (luaL_newmetatable(L, DL_LIBRARY)) {
        lua_pushcfunction(L, library_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
    dlerror();
    lib->handle = dlopen(soname, RTLD_LAZY | RTLD_LOCAL);
    if (lib->handle == NULL) {
        const char *why = dlerror();
        snprintf(err, errlen, "cannot load %s: %s", soname, why ? why : "not found");
        lua_pop(L, 1);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        void *sym = dlsym(lib->handle, names[i]);
        if (sym == NULL) {
            snprintf(err, errlen, "cannot load %s: no %s in it", soname, names[i]);
            lua_pop(L, 1);                  /* its __gc closes it */
            return NULL;
        }
        lib->fns[i] = sym;
    }
    lib->n = n;
    lua_rawsetp(L, LUA_REGISTRYINDEX, names);
    return lib->fns;
}
