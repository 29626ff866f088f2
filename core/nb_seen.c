/*
** nb_seen.c — the tables a walk has met, by address (see nb_seen.h).
*/
#include <stdint.h>
#include <string.h>
#include <lauxlib.h>
#include "nb_seen.h"

typedef struct {
    size_t cap, count;                 /* cap a power of two, count < cap / 2 */
    const void *slot[];
} seen_set;

static seen_set *seen_new(lua_State *L, size_t cap) {
    seen_set *s;
    if (cap > (SIZE_MAX - sizeof *s) / sizeof s->slot[0]) luaL_error(L, "too many tables");
    s = lua_newuserdatauv(L, sizeof *s + cap * sizeof s->slot[0], 0);
    s->cap = cap;
    s->count = 0;
    memset(s->slot, 0, cap * sizeof s->slot[0]);
    return s;
}

/* (the address's bits mixed by Fibonacci hashing: tables sit at strides) */
static size_t seen_place(const void *p, size_t cap) {
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h >> 32) & (cap - 1);
}

void nb_seen_push(lua_State *L, size_t cap) {
    seen_new(L, cap);
}

int nb_seen_met(lua_State *L, int at, const void *p) {
    seen_set *s = lua_touserdata(L, at);
    size_t i = seen_place(p, s->cap);
    while (s->slot[i] != NULL) {
        if (s->slot[i] == p) return 1;
        i = (i + 1) & (s->cap - 1);
    }
    if (2 * (s->count + 1) >= s->cap) {
        seen_set *g = seen_new(L, s->cap * 2);
        size_t k;
        for (k = 0; k < s->cap; k++) {
            if (s->slot[k] != NULL) {
                size_t j = seen_place(s->slot[k], g->cap);
                while (g->slot[j] != NULL) j = (j + 1) & (g->cap - 1);
                g->slot[j] = s->slot[k];
            }
        }
        g->count = s->count;
        lua_replace(L, at);
        s = g;
        i = seen_place(p, s->cap);
        while (s->slot[i] != NULL) i = (i + 1) & (s->cap - 1);
    }
    s->slot[i] = p;
    s->count++;
    return 0;
}
