/*
** nb_claims.c — the claims' look for the words their grammars need.
*/
#include <string.h>
#include <lauxlib.h>
#include "nb_claims.h"

typedef struct {
    const char *bytes;
    size_t len;
    lua_Integer group;
    int next;                  /* the next word of the same first byte; -1: none */
    int found;                 /* its group is found: not tried again */
} word;

int nb_claims_words_held(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TTABLE);
    lua_Integer count = luaL_len(L, 2);
    if (count != luaL_len(L, 3)) return luaL_error(L, "words_held: as many groups as words");
    if (count < 0 || (lua_Unsigned)count > (lua_Unsigned)(0x7fffffff / sizeof(word)))
        return luaL_error(L, "words_held: too many words");
    lua_newtable(L);                                      /* the result */
    int result = lua_gettop(L);
    if (count == 0) return 1;
    /* (the Lua state owns the scratch: an error frees it too) */
    word *w = lua_newuserdatauv(L, (size_t)count * sizeof(word), 0);
    int head[256];
    for (int b = 0; b < 256; b++) head[b] = -1;
    int left = 0;                                         /* words not yet found */
    for (lua_Integer i = count; i >= 1; i--) {            /* (backwards: each list in order) */
        word *x = &w[i - 1];
        lua_rawgeti(L, 2, i);
        if (lua_type(L, -1) != LUA_TSTRING) return luaL_error(L, "words_held: word %d is not a string", (int)i);
        x->bytes = lua_tolstring(L, -1, &x->len);        /* (the words table keeps it) */
        lua_pop(L, 1);
        lua_rawgeti(L, 3, i);
        int isnum;
        x->group = lua_tointegerx(L, -1, &isnum);
        if (!isnum) return luaL_error(L, "words_held: group %d is not an integer", (int)i);
        lua_pop(L, 1);
        x->found = 0;
        if (x->len == 0) {                                /* (found anywhere, as find finds it) */
            x->next = -1;
            x->found = 1;
            lua_pushboolean(L, 1);
            lua_rawseti(L, result, x->group);
            continue;
        }
        unsigned char b = (unsigned char)x->bytes[0];
        x->next = head[b];
        head[b] = (int)(i - 1);
        left++;
    }
    /* words whose group an empty word found are not looked for */
    for (lua_Integer i = 0; i < count; i++) {
        if (w[i].found) continue;
        lua_rawgeti(L, result, w[i].group);
        if (lua_toboolean(L, -1)) { w[i].found = 1; left--; }
        lua_pop(L, 1);
    }
    for (size_t at = 0; at < n && left > 0; at++) {
        for (int k = head[(unsigned char)s[at]]; k >= 0; k = w[k].next) {
            word *x = &w[k];
            if (x->found || x->len > n - at) continue;
            if (x->len > 1 && x->bytes[1] != s[at + 1]) continue;
            if (memcmp(x->bytes, s + at, x->len) != 0) continue;
            lua_pushboolean(L, 1);
            lua_rawseti(L, result, x->group);
            for (lua_Integer j = 0; j < count; j++) {     /* its group's words: none tried again */
                if (!w[j].found && w[j].group == x->group) { w[j].found = 1; left--; }
            }
        }
    }
    lua_settop(L, result);
    return 1;
}
