/*
** nb_sandbox.h — limits for untrusted Lua: a memory cap through the
** allocator, and a work budget and a time limit through a count hook and
** through the library functions that can run long inside one VM
** instruction (string matching, string.rep, table.move/sort/insert/remove,
** LPeg loops). Once a call passes a limit it is over: the limit's error
** cannot be caught by the script.
*/
#ifndef NB_SANDBOX_H
#define NB_SANDBOX_H

#include <stddef.h>
#include <stdint.h>
#include <lua.h>

/* Why a limited call must stop. */
typedef enum nb_trip {
    NB_TRIP_NONE = 0,
    NB_TRIP_BUDGET,      /* the work budget is spent */
    NB_TRIP_TIME         /* the time limit has passed */
} nb_trip;

/* Lua's small blocks come from size classes of 16 bytes up to
** NB_POOL_MAX, carved from one region of NB_POOL_REGION bytes: Lua hands
** the allocator every block's size, so they need no header, and a freed
** block waits on its class's list for the next of its size. The region
** bounds what the lists can hold (a script cycling through the classes
** cannot make them keep more); past it, small blocks come from malloc. */
#define NB_POOL_MAX 512

/* AddressSanitizer must see every block itself: under it, no pool. */
#if defined(__SANITIZE_ADDRESS__)
#define NB_POOLED 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NB_POOLED 0
#endif
#endif
#ifndef NB_POOLED
#define NB_POOLED 1
#endif
#define NB_POOL_REGION ((size_t)64 << 20)

typedef struct nb_pool {
    void *free[NB_POOL_MAX / 16];  /* freed blocks of 16, 32, ... bytes, linked through their first word */
    char *base, *next, *end;       /* the region (mapped at first use), its part not yet carved */
    size_t size;                   /* the region's bytes: 0, no pool */
} nb_pool;

/* The state of one Lua state's sandbox: the allocator's user data. The
** fields after `limit` up to `ref` describe the limited call in progress
** and are zero outside one. Initialise with nb_sandbox_init. */
/* The process's CPU time read at a known moment, before some call began:
** what the process spent since bounds what that call spent. */
typedef struct nb_clock_ref {
    int64_t cpu;          /* CPU time (ns) read */
    int64_t wall;         /* monotonic time (ns) at or before that read; 0: none yet */
    long pid;             /* the process that read it (a forked worker's CPU clock starts again) */
} nb_clock_ref;

typedef struct nb_sandbox {
    size_t used;          /* bytes in use by the whole state */
    size_t limit;         /* the running call's memory ceiling; 0 = none */
    int active;           /* a limited call is running */
    int untrusted;        /* its code is not the home's: LPeg loops it builds are metered */
    nb_trip tripped;      /* set once a limit is passed; sticky until the call returns */
    int64_t left;         /* work units left (VM instructions and their equivalents) */
    int64_t deadline;     /* monotonic time (ns) when the call may be over: then its CPU time is read */
    int64_t cpu_start;    /* the process's CPU time (ns) when the call began; for a long limit,
                             not read until the first check (see nb_sandbox.c) */
    int64_t limit_ns;     /* the CPU time the call may take */
    int every;            /* instructions between two runs of the count hook */
    int64_t last;         /* when the hook last ran */
    size_t churn;         /* bytes allocated since the allocator last read the clock */
    int64_t default_ns;   /* the time limit of a call that names none */
    const char *source;   /* the running call's "@path" (its message handler looks for it), or NULL */
    int failed_line;      /* where in that file the running call failed: 0, not known */
    nb_clock_ref ref;     /* kept across calls: the last CPU time read as a call began */
    nb_pool pool;         /* the small blocks: released when the state's last byte is freed */
} nb_sandbox;

/* Zero a sandbox state, with the default time limit (10 s of CPU a call). */
void nb_sandbox_init(nb_sandbox *sb);

/* A lua_Alloc over an nb_sandbox: counts bytes, refuses growth past
** sb->limit, and once the running call has tripped all growth past a
** small reserve (its unwinding and the handler that names its line)
** (reading the clock every few MB allocated, so a loop of large copies
** stops at the time limit too). Blocks up to NB_POOL_MAX bytes come
** from sb->pool while its region lasts; the region is unmapped with the
** state's last block (the end of lua_close), so the state needs no other
** clean-up. */
void *nb_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* The sandbox state of L, or NULL when L's allocator is not nb_alloc. */
nb_sandbox *nb_sandbox_of(lua_State *L);

/* Charge `units` of work done by C code to the running limited call (no
** effect outside one). Raises the limit's error when the budget is spent
** or the time has passed. */
void nb_sandbox_charge(lua_State *L, int64_t units);

/* Set find, match, gmatch and gsub of the table at the top of the stack
** (the string library) to this file's matcher: Lua 5.4's patterns, with
** every step charged to the running limited call, so that a pattern that
** backtracks for hours stops at the limits. */
void nb_sandbox_patterns(lua_State *L);

/* Open `nianbao.sandbox`:
**   call(limits, fn, ...) -> true, results… | false, reason
**     runs fn under pcall with limits = {instructions = N, memory = bytes,
**     seconds = S (optional), untrusted = boolean}; both numbers must be
**     positive. The reason is always a string: an error object that is not
**     a string or a number is never converted by its own metamethods.
**     limits may also be what prepare() made of such a table.
**   prepare(t) -> limits  the limits table t read once, for calls to come
**   pcall(f, ...)         pcall for scripts: the limits' errors pass through
**   setmetatable(t, mt)   setmetatable for scripts: no __gc (finalizers would
**                         run outside any limit)
**   configure{seconds = S}  the time limit of calls that name none
**   memory() -> bytes in use, current ceiling */
int luaopen_nianbao_sandbox(lua_State *L);

#endif
