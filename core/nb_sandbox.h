/*
** nb_sandbox.h — limits for untrusted Lua: a memory cap through the
** allocator, and an instruction budget through a count hook.
*/
#ifndef NB_SANDBOX_H
#define NB_SANDBOX_H

#include <stddef.h>
#include <lua.h>

/* The allocator's state: bytes in use and the ceiling (0 = none). The
** ceiling may be lowered for one call (nb_sandbox_call) and restored. */
typedef struct nb_memory {
    size_t used;
    size_t limit;
} nb_memory;

/* A lua_Alloc that counts bytes and refuses growth past m->limit. */
void *nb_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* Open `nianbao.sandbox`: call(budget, memory, fn, ...) runs fn under
** pcall with at most `budget` VM instructions (0 = no limit) and at most
** `memory` more bytes (0 = no limit); returns true, results… or false and
** the error ("instruction budget exceeded", "not enough memory", or fn's).
** Also locks the string metatable so scripts cannot change string methods. */
int luaopen_nianbao_sandbox(lua_State *L);

#endif
