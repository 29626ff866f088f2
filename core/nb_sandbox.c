/*
** nb_sandbox.c — memory cap and instruction budget for rule packs,
** readers and writers. Not a security boundary by itself: the Lua side
** also hands these scripts an environment without io, os or load.
*/
#include <stdlib.h>
#include <lauxlib.h>
#include "nb_sandbox.h"

#define HOOK_EVERY 1000      /* instructions between two looks at the budget */

void *nb_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    nb_memory *m = ud;
    if (ptr == NULL) osize = 0;           /* then osize encodes a type, not a size */
    if (nsize == 0) {
        free(ptr);
        m->used -= osize;
        return NULL;
    }
    if (nsize > osize && m->limit && m->used - osize + nsize > m->limit) return NULL;
    {
        void *p = realloc(ptr, nsize);
        if (p == NULL) {
            if (nsize > osize) return NULL;
            p = ptr;                       /* Lua relies on shrinking never failing */
        }
        m->used = m->used - osize + nsize;
        return p;
    }
}

/* The budget left is kept in the registry under this key's address. */
static const char budget_key = 'b';

static void count_hook(lua_State *L, lua_Debug *ar) {
    lua_Integer left;
    (void)ar;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &budget_key);
    left = lua_tointeger(L, -1) - HOOK_EVERY;
    lua_pop(L, 1);
    lua_pushinteger(L, left);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &budget_key);
    if (left < 0) luaL_error(L, "instruction budget exceeded");
}

static nb_memory *memory_of(lua_State *L) {
    void *ud;
    return lua_getallocf(L, &ud) == nb_alloc ? ud : NULL;
}

/* sandbox.call(budget, memory, fn, ...) -> true, ... | false, err */
static int l_call(lua_State *L) {
    lua_Integer budget = luaL_checkinteger(L, 1);
    lua_Integer extra = luaL_checkinteger(L, 2);
    nb_memory *m = memory_of(L);
    size_t old_limit = m ? m->limit : 0;
    int nargs = lua_gettop(L) - 3, status;
    luaL_checktype(L, 3, LUA_TFUNCTION);
    if (budget > 0) {
        lua_pushinteger(L, budget);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &budget_key);
        lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
    }
    if (m && extra > 0) {
        size_t cap = m->used + (size_t)extra;
        if (old_limit == 0 || cap < old_limit) m->limit = cap;
    }
    status = lua_pcall(L, nargs, LUA_MULTRET, 0);
    if (m) m->limit = old_limit;
    if (budget > 0) lua_sethook(L, NULL, 0, 0);
    lua_pushboolean(L, status == LUA_OK);
    lua_insert(L, 3);                     /* status, then the results or the error */
    if (status == LUA_ERRMEM) {
        lua_settop(L, 3);
        lua_pushliteral(L, "not enough memory (the script's memory cap)");
    }
    return lua_gettop(L) - 2;
}

/* sandbox.memory() -> bytes in use, limit (0 = none) */
static int l_memory(lua_State *L) {
    nb_memory *m = memory_of(L);
    lua_pushinteger(L, m ? (lua_Integer)m->used : 0);
    lua_pushinteger(L, m ? (lua_Integer)m->limit : 0);
    return 2;
}

static const luaL_Reg sandbox_funcs[] = {
    {"call", l_call}, {"memory", l_memory}, {NULL, NULL}
};

int luaopen_nianbao_sandbox(lua_State *L) {
    /* scripts must not reach the string methods through getmetatable("") */
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    luaL_newlib(L, sandbox_funcs);
    return 1;
}
