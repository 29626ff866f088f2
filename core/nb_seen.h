/*
** nb_seen.h — the tables a walk has met, by address.
** An open-addressed set in a userdata at a fixed stack slot, so the
** collector frees it whatever error ends the walk. A Lua table keyed by
** tables cost several times more a look-up, and rehashed as it grew.
*/
#ifndef NB_SEEN_H
#define NB_SEEN_H

#include <stddef.h>
#include <lua.h>

/* Push an empty set of room for cap addresses (cap a power of two). */
void nb_seen_push(lua_State *L, size_t cap);

/* Whether p was met before in the set at stack slot `at`; from now on it
** is. A half-full set is replaced at `at` by one twice its size (raises
** when that size cannot be had). */
int nb_seen_met(lua_State *L, int at, const void *p);

#endif
