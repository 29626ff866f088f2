/*
** nb_sandbox.c — memory cap, work budget and time limit for rule packs,
** readers and writers. Not a security boundary by itself: the Lua side
** (scripts/lib/sandbox.lua) also hands these scripts an environment
** without io, os, load or debug. What this file adds is that a script
** cannot run long or big: every way to spend time or memory is metered,
** and once a limit is passed the call is over, whatever the script does.
*/
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <unistd.h>
#include <lauxlib.h>
#include "nb_sandbox.h"

#define HOOK_EVERY 1024           /* instructions between two looks at the limits */
#define HOOK_SLOW_NS 1000000      /* a stretch of HOOK_EVERY that took this long: look more often */
#define CHURN_CLOCK (4u << 20)    /* bytes allocated between two looks at the clock */
#define DEFAULT_NS (10 * (int64_t)1000000000)
#define MATCH_CHARGE 256          /* matcher steps charged at once */

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* CPU time is a system call away; it is read only once the monotonic
** clock (cheap) says the limit may have passed. */
static int64_t cpu_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* A call of a longer limit reads the CPU clock not when it begins but at
** its first look at the limits LAZY_CPU_NS later (most calls are over by
** then): until then cpu_start is NOT_READ and deadline is LAZY_CPU_NS
** after the call began. */
#define LAZY_CPU_NS 2000000
#define EAGER_BELOW_NS (100 * (int64_t)LAZY_CPU_NS)
#define NOT_READ (-1)
/* A call begun this long after the last reference read reads a new one. */
#define REF_STALE_NS 10000000

/* The CPU time at which the running call (call) began, read now if it was
** not. The process (one thread) spent no more CPU than wall time since the
** call began, nor than CPU time since the reference (ref, read before the
** call began): the lesser bounds it, so the estimate never gives the call
** more than its limit, and a process that waited for a loaded machine is
** charged its wait no more than REF_STALE_NS. */
static int64_t cpu_start_of(nb_sandbox *call, const nb_clock_ref *ref, int64_t now, int64_t cpu) {
    if (call->cpu_start == NOT_READ) {
        int64_t began = call->deadline - LAZY_CPU_NS, spent = now - began;
        if (ref->wall != 0 && ref->wall <= began && cpu - ref->cpu < spent && ref->pid == (long)getpid())
            spent = cpu - ref->cpu;
        call->cpu_start = cpu - spent;
        call->deadline = now;
    }
    return call->cpu_start;
}

/* Has the running call spent its CPU time? If not (the process waited for
** the machine), the next look at the clock is put off by what is left. */
static int out_of_time(nb_sandbox *sb, int64_t now) {
    int64_t spent, cpu;
    if (now <= sb->deadline) return 0;
    cpu = cpu_ns();
    spent = cpu - cpu_start_of(sb, &sb->ref, now, cpu);
    if (spent >= sb->limit_ns) return 1;
    sb->deadline = now + (sb->limit_ns - spent);
    return 0;
}

void nb_sandbox_init(nb_sandbox *sb) {
    memset(sb, 0, sizeof *sb);
    sb->default_ns = DEFAULT_NS;
    sb->pool.size = NB_POOLED ? NB_POOL_REGION : 0;
}

nb_sandbox *nb_sandbox_of(lua_State *L) {
    void *ud;
    return lua_getallocf(L, &ud) == nb_alloc ? ud : NULL;
}

/*{=== the allocator ===*/

#define POOL_MAX (NB_POOLED ? NB_POOL_MAX : 0)
#define POOL_HUGE ((size_t)4 << 20)        /* the part of the region advised as huge pages */
#define CLASS(n) (((n) + 15) / 16 - 1)    /* the free list of a small block of n > 0 bytes */

/* Was block p carved from the pool (else it came from malloc)? */
static int pooled(const nb_pool *pool, const void *p) {
    return pool->base != NULL && (const char *)p >= pool->base && (const char *)p < pool->end;
}

static void pool_put(nb_pool *pool, void *block, size_t size) {
    *(void **)block = pool->free[CLASS(size)];
    pool->free[CLASS(size)] = block;
}

/* The largest class's list: a batch frees its blocks by the megabyte (a
** report's copies while the pairs are measured) and then wants others. */
#define POOL_TOP (NB_POOL_MAX / 16 - 1)

/* A block of class cls cut from a freed block of the largest class, the
** rest of it cut likewise onto cls's list (and what is left over onto its
** own), or NULL when none is free: reused before the region is carved
** further, which would touch new pages while megabytes wait unused. */
static void *pool_split(nb_pool *pool, size_t cls) {
    size_t bytes = (cls + 1) * 16, left;
    char *big = pool->free[POOL_TOP], *p;
    if (big == NULL || cls >= POOL_TOP) return NULL;
    pool->free[POOL_TOP] = *(void **)big;
    for (p = big + bytes, left = NB_POOL_MAX - bytes; left >= bytes; p += bytes, left -= bytes)
        pool_put(pool, p, bytes);
    if (left > 0) pool_put(pool, p, left);
    return big;
}

/* A block of `size` (1..POOL_MAX) bytes, or NULL when the pool's region is
** used up (or cannot be had): the block then comes from malloc. */
static void *pool_get(nb_pool *pool, size_t size) {
    size_t cls = CLASS(size), bytes = (cls + 1) * 16;
    void *block = pool->free[cls];
    if (block != NULL) {
        pool->free[cls] = *(void **)block;
        return block;
    }
    if ((block = pool_split(pool, cls)) != NULL) return block;
    if (pool->base == NULL) {
        /* pages are taken from the system as they are first written */
        void *region = pool->size ? mmap(NULL, pool->size, PROT_READ | PROT_WRITE,
                                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0) : MAP_FAILED;
        if (region == MAP_FAILED) {
            pool->size = 0;                 /* no pool for this state: malloc serves all */
            return NULL;
        }
        pool->base = pool->next = region;
        pool->end = pool->base + pool->size;
#ifdef MADV_HUGEPAGE
        /* its first megabytes are written at start-up: a fault each 2 MB, not
        ** each 4 KB; past them a batch's heap grows by pages as it is used,
        ** not 2 MB at a time */
        madvise(region, pool->size < POOL_HUGE ? pool->size : POOL_HUGE, MADV_HUGEPAGE);
#endif
    }
    if ((size_t)(pool->end - pool->next) < bytes) return NULL;
    block = pool->next;
    pool->next += bytes;
    return block;
}

static void pool_release(nb_pool *pool) {
    size_t size = pool->size;
    if (pool->base != NULL) munmap(pool->base, (size_t)(pool->end - pool->base));
    memset(pool, 0, sizeof *pool);
    pool->size = size;
}

/* The block ptr of osize bytes (ptr NULL, osize 0: none yet) as one of
** nsize > 0 bytes; NULL only when growth finds no memory (a shrink that
** finds none keeps the block where it is). */
static void *resize(nb_pool *pool, void *ptr, size_t osize, size_t nsize) {
    int was_pooled = ptr != NULL && pooled(pool, ptr);
    void *p = NULL;
    if (was_pooled && nsize <= POOL_MAX && CLASS(osize) == CLASS(nsize)) return ptr;
    if (nsize <= POOL_MAX) p = pool_get(pool, nsize);
    if (p == NULL) {                        /* a large block, or the pool is used up */
        if (!was_pooled) {
            p = realloc(ptr, nsize);
            return p == NULL && nsize < osize ? ptr : p;   /* Lua relies on shrinking never failing */
        }
        p = malloc(nsize);
        /* a block that cannot leave the pool stays where it is, its end unused */
        if (p == NULL) return nsize < osize ? ptr : NULL;
    }
    if (ptr == NULL) return p;
    memcpy(p, ptr, osize < nsize ? osize : nsize);
    if (was_pooled) pool_put(pool, ptr, osize);
    else free(ptr);
    return p;
}

#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* A limit passed: the call is over and only unwinds now. What it may still
** allocate is a little, for the frame of its message handler (which names
** the line) and the error's unwinding: never its work. */
#define UNWIND_RESERVE 4096
static void trip(nb_sandbox *sb, nb_trip why) {
    sb->tripped = why;
    sb->limit = sb->used + UNWIND_RESERVE;
}

/* What nb_alloc does past its common cases: the limits of a growth in a
** limited call, and every block that is not a freed one of the pool's
** lists (apart so that the common cases save no registers). */
static NOINLINE void *alloc_slow(nb_sandbox *sb, void *ptr, size_t osize, size_t nsize) {
    void *p;
    if (nsize > osize && sb->active) {
        if (sb->limit && sb->used - osize + nsize > sb->limit) return NULL;   /* (tripped: see trip) */
        sb->churn += nsize - osize;
        if (sb->churn >= CHURN_CLOCK) {
            sb->churn = 0;
            if (!sb->tripped && out_of_time(sb, now_ns())) {
                trip(sb, NB_TRIP_TIME);
                return NULL;
            }
        }
    }
    p = resize(&sb->pool, ptr, osize, nsize);
    if (p == NULL) return NULL;
    sb->used = sb->used - osize + nsize;
    return p;
}

/* (NULL, for nb_alloc to return: its calls of this are its last, and so
** need no frame of its own) */
static NOINLINE void *free_slow(nb_sandbox *sb, void *ptr, size_t osize) {
    if (ptr != NULL && pooled(&sb->pool, ptr)) pool_put(&sb->pool, ptr, osize);
    else free(ptr);
    sb->used -= osize;
    if (sb->used == 0) pool_release(&sb->pool);   /* the state is closed */
    return NULL;
}

void *nb_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    nb_sandbox *sb = ud;
    if (ptr == NULL) {
        /* a new small block that its class's list has, or else the part of
        ** the region not yet carved (within the limits): start-up makes
        ** tens of thousands before any is freed */
        if (NB_POOLED && nsize - 1 < NB_POOL_MAX) {   /* (1..POOL_MAX; none without a pool) */
            void **head = &sb->pool.free[CLASS(nsize)], *block = *head;
            size_t bytes = (CLASS(nsize) + 1) * 16;
            /* (a free block of the largest class is cut in alloc_slow before more is carved) */
            if (block != NULL || (sb->pool.free[POOL_TOP] == NULL && sb->pool.next != NULL &&
                                  (size_t)(sb->pool.end - sb->pool.next) >= bytes)) {
                if (sb->active) {
                    /* past the limit (0, none: then limit - 1 is the largest
                    ** size_t), or time to look at the clock; a tripped call's
                    ** limit is its reserve (trip), which alloc_slow would
                    ** give it from the same list */
                    size_t churn = sb->churn + nsize;
                    if (sb->used + nsize - 1 > sb->limit - 1 || churn >= CHURN_CLOCK)
                        return alloc_slow(sb, NULL, 0, nsize);
                    sb->churn = churn;
                }
                if (block != NULL) *head = *(void **)block;
                else {
                    block = sb->pool.next;
                    sb->pool.next += bytes;
                }
                sb->used += nsize;
                return block;
            }
        }
        if (nsize != 0) return alloc_slow(sb, NULL, 0, nsize);   /* (osize encodes a type, not a size) */
        if (sb->used == 0) return free_slow(sb, NULL, 0);        /* (no block left: the region goes) */
        return NULL;
    }
    if (nsize == 0) {
        /* a pooled block freed, not the state's last */
        if (pooled(&sb->pool, ptr) && sb->used != osize) {
            pool_put(&sb->pool, ptr, osize);
            sb->used -= osize;
            return NULL;
        }
        return free_slow(sb, ptr, osize);
    }
    return alloc_slow(sb, ptr, osize, nsize);
}

/*}===*/

/*{=== the budget, the clock and the hook ===*/

static const char *trip_text(nb_trip why) {
    return why == NB_TRIP_TIME ? "time limit exceeded" : "instruction budget exceeded";
}

/* Look at the limits after `units` of work; raise when one is passed. */
static void account(lua_State *L, nb_sandbox *sb, int64_t units, int64_t now) {
    if (!sb->tripped) {
        if (units >= sb->left) {
            sb->left = -1;
            trip(sb, NB_TRIP_BUDGET);
        } else {
            sb->left -= units;
            if (out_of_time(sb, now)) trip(sb, NB_TRIP_TIME);
        }
    }
    if (sb->tripped) {
        /* the reason is sb->tripped's (push_reason): an error object that
        ** needs no memory leaves the reserve to the message handler's frame */
        lua_pushlightuserdata(L, sb);
        lua_error(L);
    }
}

void nb_sandbox_charge(lua_State *L, int64_t units) {
    nb_sandbox *sb = nb_sandbox_of(L);
    if (sb == NULL || !sb->active) return;
    account(L, sb, units < 0 ? 0 : units, now_ns());
}

/* Every `every` instructions: charge them, look at the clock. A stretch
** that took long (huge strings compared one instruction at a time) makes
** the hook come more often, so the time limit holds within a few
** instructions; quick stretches let it come back to HOOK_EVERY. */
static void count_hook(lua_State *L, lua_Debug *ar) {
    nb_sandbox *sb = nb_sandbox_of(L);
    int64_t now, spent;
    int every;
    (void)ar;
    if (sb == NULL || !sb->active) return;
    now = now_ns();
    spent = now - sb->last;
    sb->last = now;
    every = sb->every;
    if (spent > HOOK_SLOW_NS && every > 1) sb->every = every > 16 ? every / 16 : 1;
    else if (spent < HOOK_SLOW_NS / 10 && every < HOOK_EVERY) sb->every = every * 4 < HOOK_EVERY ? every * 4 : HOOK_EVERY;
    if (sb->every != every) lua_sethook(L, count_hook, LUA_MASKCOUNT, sb->every);
    account(L, sb, every, now);
}

/*}===*/

/*{=== calls under limits ===*/

static lua_Integer positive_field(lua_State *L, const char *k) {
    int isint;
    lua_Integer v;
    lua_getfield(L, 1, k);
    v = lua_tointegerx(L, -1, &isint);
    lua_pop(L, 1);
    if (!isint || v <= 0) luaL_error(L, "sandbox limits: '%s' must be a positive integer", k);
    return v;
}

/* The seconds of limits table 1 in nanoseconds, or 0 when it names none
** (the state's default then, as it is when the call starts); *given, the
** number as the table gives it (0: none). */
static int64_t time_limit(lua_State *L, lua_Number *given) {
    int isnum;
    lua_Number s;
    *given = 0;
    lua_getfield(L, 1, "seconds");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return 0;
    }
    s = lua_tonumberx(L, -1, &isnum);
    lua_pop(L, 1);
    if (!isnum || !(s > 0)) luaL_error(L, "sandbox limits: 'seconds' must be a positive number");
    *given = s;
    return s > 1e6 ? (int64_t)1e15 : s < 1e-3 ? 1000000 : (int64_t)(s * 1e9);
}

/* The limits of a call, as read from a limits table. */
typedef struct call_limits {
    lua_Integer budget, memory;
    int64_t ns;                   /* 0: the state's default */
    lua_Number seconds;           /* as the table gave them (0: none), for limits.seconds */
    int untrusted;
    const char *source;           /* "@path" or NULL: the string is the userdata's uservalue, alive with it */
} call_limits;

#define LIMITS "nianbao.sandbox.limits"

/* Limits table 1 read into *cl; its source ("@path", or NULL) pushed
** when it names one. Returns whether it does. */
static int read_limits(lua_State *L, call_limits *cl) {
    cl->budget = positive_field(L, "instructions");
    cl->memory = positive_field(L, "memory");
    cl->ns = time_limit(L, &cl->seconds);
    lua_getfield(L, 1, "untrusted");
    cl->untrusted = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (lua_getfield(L, 1, "source") == LUA_TSTRING) return 1;
    lua_pop(L, 1);
    return 0;
}

/* sandbox.prepare(t) -> limits: table t's limits, read once for calls to
** come (the table is read whole now; changing it later changes nothing). */
static int l_limits(lua_State *L) {
    call_limits *cl;
    int has_source;
    call_limits read;
    luaL_checktype(L, 1, LUA_TTABLE);
    has_source = read_limits(L, &read);
    read.source = NULL;
    cl = lua_newuserdatauv(L, sizeof *cl, 1);
    *cl = read;
    luaL_setmetatable(L, LIMITS);
    if (has_source) {
        lua_pushvalue(L, -2);
        lua_setiuservalue(L, -2, 1);
        lua_getiuservalue(L, -1, 1);      /* the string the userdata holds, not a copy */
        cl->source = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    return 1;
}

/* limits.k of prepared limits (their __index): the fields of the table
** they were read from, as a call reads them (untrusted: true or nil). */
static int limits_field(lua_State *L) {
    const call_limits *cl = lua_touserdata(L, 1);
    const char *k = lua_tostring(L, 2);
    if (k == NULL) lua_pushnil(L);
    else if (strcmp(k, "instructions") == 0) lua_pushinteger(L, cl->budget);
    else if (strcmp(k, "memory") == 0) lua_pushinteger(L, cl->memory);
    else if (strcmp(k, "seconds") == 0 && cl->seconds > 0) lua_pushnumber(L, cl->seconds);
    else if (strcmp(k, "untrusted") == 0 && cl->untrusted) lua_pushboolean(L, 1);
    else if (strcmp(k, "source") == 0 && cl->source) lua_getiuservalue(L, 1, 1);
    else lua_pushnil(L);
    return 1;
}

/* The limits at index 1 (upvalue 1: the metatable of prepared ones)
** made prepared ones there when they are a table (the path they name is
** then held where no script reaches), the function at index 2 checked.
** (The metatables compared by address: lua_rawequal cost a call twice as
** much as the rest of this check.) */
static call_limits *limits_of(lua_State *L) {
    int ours = 0;
    if (lua_type(L, 1) == LUA_TUSERDATA && lua_getmetatable(L, 1)) {
        ours = lua_topointer(L, -1) == lua_topointer(L, lua_upvalueindex(1));
        lua_pop(L, 1);
    }
    if (!ours) {
        luaL_checktype(L, 1, LUA_TTABLE);
        luaL_checktype(L, 2, LUA_TFUNCTION);
        lua_pushcfunction(L, l_limits);
        lua_pushvalue(L, 1);
        lua_call(L, 1, 1);
        lua_replace(L, 1);
    } else if (lua_type(L, 2) != LUA_TFUNCTION) luaL_checktype(L, 2, LUA_TFUNCTION);
    return lua_touserdata(L, 1);
}

/* The error of a failed call as a string, converted without running any
** of the script's metamethods. */
static void push_reason(lua_State *L, int status, nb_trip why, int errobj) {
    if (why != NB_TRIP_NONE) lua_pushstring(L, trip_text(why));
    else if (status == LUA_ERRMEM) lua_pushliteral(L, "not enough memory (the script's memory cap)");
    else if (lua_type(L, errobj) == LUA_TSTRING || lua_type(L, errobj) == LUA_TNUMBER) {
        lua_pushvalue(L, errobj);
        lua_tostring(L, -1);
    } else lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, errobj));
}

/* The message handler of a call whose limits name a `source` ("@path"):
** the current line of the innermost frame running that chunk goes to
** the sandbox's failed_line (the running call's, sb->source its path).
** It runs no Lua code and allocates nothing. It is the __call of the
** prepared limits, which are then the handler themselves, in the slot
** below the function where they already are (a handler pushed there
** moved every argument up a slot, each call): called as (limits, error
** object), it gives back the error object. */
static int find_line(lua_State *L) {
    nb_sandbox *sb = nb_sandbox_of(L);
    const char *src = sb ? sb->source : NULL;
    lua_Debug ar;
    int level;
    for (level = 0; src && lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0 && strcmp(ar.source, src) == 0) {
            sb->failed_line = ar.currentline;
            break;
        }
    }
    lua_settop(L, 2);
    return 1;                                   /* the error object as it was */
}

/* The part of the sandbox state a call saves and restores: all but the
** pool, whose free lists are most of the struct and the allocator's own. */
#define CALL_STATE offsetof(nb_sandbox, ref)
typedef char ref_then_pool_last[CALL_STATE < offsetof(nb_sandbox, pool) &&
                                offsetof(nb_sandbox, pool) + sizeof(nb_pool) == sizeof(nb_sandbox) ? 1 : -1];

/* sandbox.call(limits, fn, ...) -> true, results… | false, reason [, line].
** limits: a table (see nb_sandbox.h) or what sandbox.prepare made of one.
** With limits.source = "@path", line is where in that file the call
** failed (when the file was running). */
static int l_call(lua_State *L) {
    nb_sandbox *sb = nb_sandbox_of(L), saved;
    lua_Hook hook = lua_gethook(L);
    int mask = lua_gethookmask(L), count = lua_gethookcount(L), status;
    int failed_line, msgh;
    call_limits cl;
    const char *source = NULL;
    int64_t now, ns, start;
    nb_trip why;
    if (sb == NULL) return luaL_error(L, "sandbox.call: the Lua state has no sandbox allocator");
    cl = *limits_of(L);
    source = cl.source;     /* the uservalue of the limits at index 1, alive through the call */
    msgh = source ? 1 : 0;                      /* the limits, below the function: find_line */
    ns = cl.ns ? cl.ns : sb->default_ns;
    memcpy(&saved, sb, CALL_STATE);
    now = now_ns();
    /* a call inside a limited call never gets more than the outer one has left */
    sb->limit = (size_t)cl.memory > SIZE_MAX - sb->used ? SIZE_MAX : sb->used + (size_t)cl.memory;
    if (saved.active && saved.limit && sb->limit > saved.limit) sb->limit = saved.limit;
    sb->left = saved.active && saved.left < cl.budget ? saved.left : cl.budget;
    if (saved.active || ns < EAGER_BELOW_NS) {
        sb->cpu_start = cpu_ns();
        if (saved.active) {
            int64_t outer_left = saved.limit_ns - (sb->cpu_start - cpu_start_of(&saved, &sb->ref, now, sb->cpu_start));
            if (outer_left < ns) ns = outer_left > 0 ? outer_left : 0;
        }
        sb->deadline = ns > INT64_MAX - now ? INT64_MAX : now + ns;
    } else {
        if (now - sb->ref.wall > REF_STALE_NS) {
            /* (the reference read first: the CPU it holds was spent before the call began) */
            sb->ref.wall = now;
            sb->ref.cpu = cpu_ns();
            sb->ref.pid = (long)getpid();
            now = now_ns();
        }
        sb->cpu_start = NOT_READ;               /* (read at the first look LAZY_CPU_NS on) */
        sb->deadline = now + LAZY_CPU_NS;
    }
    sb->limit_ns = ns;
    sb->untrusted = cl.untrusted || (saved.active && saved.untrusted);
    sb->active = 1;
    sb->tripped = NB_TRIP_NONE;
    sb->every = HOOK_EVERY;
    sb->last = now;
    sb->churn = 0;
    sb->source = source;
    sb->failed_line = 0;
    start = sb->left;
    lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
    status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, msgh);
    why = sb->tripped;
    failed_line = sb->failed_line;
    {
        int64_t spent = start - (sb->left < 0 ? 0 : sb->left);
        size_t used = sb->used;           /* the allocator's state is not the call's to restore */
        memcpy(sb, &saved, CALL_STATE);
        sb->used = used;
        if (saved.active) sb->left = saved.left > spent ? saved.left - spent : 0;
    }
    lua_sethook(L, hook, mask, count);
    if (status == LUA_OK) {                     /* true in the slot below the results */
        lua_pushboolean(L, 1);
        lua_replace(L, 1);
        return lua_gettop(L);
    }
    push_reason(L, status, why, lua_gettop(L));
    lua_pushboolean(L, 0);
    lua_replace(L, 1);
    lua_replace(L, 2);
    lua_settop(L, 2);
    if (failed_line <= 0) return 2;
    lua_pushinteger(L, failed_line);
    return 3;
}

/* pcall for scripts: the limits' errors (and running out of memory) are
** not the script's to catch. */
static int l_pcall(lua_State *L) {
    nb_sandbox *sb = nb_sandbox_of(L);
    int status;
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0);
    if (status != LUA_OK) {
        if (status == LUA_ERRMEM || (sb && sb->tripped)) return lua_error(L);
        lua_pushboolean(L, 0);
        lua_replace(L, 1);
    }
    return lua_gettop(L);
}

/* setmetatable for scripts (upvalue 1: the base library's): no __gc. */
static int l_setmetatable(lua_State *L) {
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "a sandboxed script cannot set __gc (finalizers run outside its limits)");
        lua_pop(L, 1);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* sandbox.configure{seconds = S}: the time limit of calls that name none. */
static int l_configure(lua_State *L) {
    nb_sandbox *sb = nb_sandbox_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    if (sb) {
        lua_Number given;
        int64_t ns = time_limit(L, &given);
        if (ns) sb->default_ns = ns;
    }
    return 0;
}

/* sandbox.memory() -> bytes in use, ceiling (0 = none) */
static int l_memory(lua_State *L) {
    nb_sandbox *sb = nb_sandbox_of(L);
    lua_pushinteger(L, sb ? (lua_Integer)sb->used : 0);
    lua_pushinteger(L, sb ? (lua_Integer)sb->limit : 0);
    return 2;
}

/*}===*/

/*{=== Lua patterns, metered ===
** string.find, match, gmatch and gsub with a matcher of this file, which
** charges its steps to the running call: the standard one runs to its end
** inside one VM instruction, and ".-.-.-x" over a long text takes hours.
** The semantics are those of Lua 5.4's patterns (§6.4.1 of the manual);
** tests/core/test_sandbox.c holds the two side by side. */

#define PAT_ESC '%'
#define PAT_SPECIALS "^$*+?.([%-"
#define PAT_MAXDEPTH 200           /* nested match_here calls: "pattern too complex" */
#define PAT_MAXCAPS 32

enum { CAP_OPEN = -1, CAP_POSITION = -2 };

typedef struct matcher {
    lua_State *L;
    const char *s0, *s_end;        /* the subject */
    const char *p_end;             /* the end of the pattern */
    int depth;                     /* match_here calls left */
    int ncap;
    struct { const char *at; ptrdiff_t len; } cap[PAT_MAXCAPS];
    int metered;                   /* inside a limited call: count the steps */
    int64_t steps;                 /* steps not yet charged */
} matcher;

static void step(matcher *m) {
    if (m->metered && ++m->steps >= MATCH_CHARGE) {
        m->steps = 0;
        nb_sandbox_charge(m->L, MATCH_CHARGE);
    }
}

static void matcher_init(matcher *m, lua_State *L, const char *s, size_t ls,
                         const char *p, size_t lp) {
    nb_sandbox *sb = nb_sandbox_of(L);
    m->L = L;
    m->s0 = s;
    m->s_end = s + ls;
    m->p_end = p + lp;
    m->metered = sb != NULL && sb->active;
    m->steps = 0;
}

static void matcher_reset(matcher *m) {
    m->ncap = 0;
    m->depth = PAT_MAXDEPTH;
}

/* Charge `units` steps at once (a stretch of the subject skipped in one go). */
static void spend(matcher *m, int64_t units) {
    if (m->metered && (m->steps += units) >= MATCH_CHARGE) {
        nb_sandbox_charge(m->L, m->steps);
        m->steps = 0;
    }
}

static void matcher_flush(matcher *m) {
    if (m->metered && m->steps) nb_sandbox_charge(m->L, m->steps);
    m->steps = 0;
}

/* Does byte c belong to class letter cl (%a, %D, …)? Other letters stand
** for themselves. */
static int class_has(int c, int cl) {
    int in;
    switch (tolower(cl)) {
    case 'a': in = isalpha(c); break;
    case 'c': in = iscntrl(c); break;
    case 'd': in = isdigit(c); break;
    case 'g': in = isgraph(c); break;
    case 'l': in = islower(c); break;
    case 'p': in = ispunct(c); break;
    case 's': in = isspace(c); break;
    case 'u': in = isupper(c); break;
    case 'w': in = isalnum(c); break;
    case 'x': in = isxdigit(c); break;
    case 'z': in = c == 0; break;      /* deprecated, but Lua 5.4 still has it */
    default: return cl == c;
    }
    return isupper(cl) ? !in : in != 0;
}

/* Is byte c in the set that opens at p ('[') and closes at close (']')? */
static int set_has(int c, const char *p, const char *close) {
    int want = 1;
    p++;
    if (*p == '^') { want = 0; p++; }
    while (p < close) {
        if (*p == PAT_ESC) {
            if (class_has(c, (unsigned char)p[1])) return want;
            p += 2;
        } else if (p[1] == '-' && p + 2 < close) {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2]) return want;
            p += 3;
        } else {
            if ((unsigned char)*p == c) return want;
            p++;
        }
    }
    return !want;
}

/* The end of the single-character item at p (a character, '.', %x or a
** set), or NULL when the pattern ends inside it. */
static const char *item_end_or_null(const char *p, const char *p_end) {
    char c = *p++;
    if (c == PAT_ESC) return p >= p_end ? NULL : p + 1;
    if (c == '[') {
        if (*p == '^') p++;
        do {                       /* the set's first character is itself, even ']' */
            if (p >= p_end) return NULL;
            c = *p++;
            if (c == PAT_ESC && p < p_end) p++;
        } while (*p != ']');
        return p + 1;
    }
    return p;
}

/* Does byte c match the single-character item at p..ep? */
static int byte_has(int c, const char *p, const char *ep) {
    switch (*p) {
    case '.': return 1;
    case PAT_ESC: return class_has(c, (unsigned char)p[1]);
    case '[': return set_has(c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

static const char *item_end(matcher *m, const char *p) {
    const char *ep = item_end_or_null(p, m->p_end);
    if (ep == NULL)
        luaL_error(m->L, *p == PAT_ESC ? "malformed pattern (ends with '%%')" : "malformed pattern (missing ']')");
    return ep;
}

static int item_has(matcher *m, const char *s, const char *p, const char *ep) {
    return s < m->s_end && byte_has((unsigned char)*s, p, ep);
}

static const char *match_here(matcher *m, const char *s, const char *p);

static const char *open_capture(matcher *m, const char *s, const char *p, ptrdiff_t what) {
    const char *r;
    if (m->ncap >= PAT_MAXCAPS) luaL_error(m->L, "too many captures");
    m->cap[m->ncap].at = s;
    m->cap[m->ncap].len = what;
    m->ncap++;
    if ((r = match_here(m, s, p)) == NULL) m->ncap--;
    return r;
}

static const char *close_capture(matcher *m, const char *s, const char *p) {
    int k = m->ncap - 1;
    const char *r;
    while (k >= 0 && m->cap[k].len != CAP_OPEN) k--;
    if (k < 0) luaL_error(m->L, "invalid pattern capture");
    m->cap[k].len = s - m->cap[k].at;
    if ((r = match_here(m, s, p)) == NULL) m->cap[k].len = CAP_OPEN;
    return r;
}

/* %bxy at p (p points at x): a balanced run from x to its y. */
static const char *match_balance(matcher *m, const char *s, const char *p) {
    int open = 1;
    if (p + 1 >= m->p_end) luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= m->s_end || *s != p[0]) return NULL;
    while (++s < m->s_end) {
        step(m);
        if (*s == p[1]) {
            if (--open == 0) return s + 1;
        } else if (*s == p[0]) {
            open++;
        }
    }
    return NULL;
}

/* The item at p..ep repeated as often as it matches, then the rest; fewer on failure. */
static const char *match_greedy(matcher *m, const char *s, const char *p, const char *ep) {
    ptrdiff_t n = 0;
    while (item_has(m, s + n, p, ep)) {
        n++;
        step(m);
    }
    if (ep[1] == '$' && ep + 2 == m->p_end) {  /* the rest is the end: only the longest run can reach it */
        if (m->depth == 0) luaL_error(m->L, "pattern too complex");    /* as the first try would say */
        return s + n == m->s_end ? s + n : NULL;
    }
    for (; n >= 0; n--) {
        const char *r = match_here(m, s + n, ep + 1);
        if (r) return r;
    }
    return NULL;
}

/* The rest tried first, then one repetition more, and so on. */
static const char *match_lazy(matcher *m, const char *s, const char *p, const char *ep) {
    for (;;) {
        const char *r = match_here(m, s, ep + 1);
        if (r) return r;
        if (!item_has(m, s, p, ep)) return NULL;
        s++;
    }
}

/* The end of the match of pattern p at s, or NULL. */
static const char *match_here(matcher *m, const char *s, const char *p) {
    if (m->depth-- == 0) luaL_error(m->L, "pattern too complex");
    step(m);
    while (p < m->p_end) {
        const char *ep;
        switch (*p) {
        case '(':
            s = p[1] == ')' ? open_capture(m, s, p + 2, CAP_POSITION)
                            : open_capture(m, s, p + 1, CAP_OPEN);
            goto done;
        case ')':
            s = close_capture(m, s, p + 1);
            goto done;
        case '$':
            if (p + 1 != m->p_end) break;         /* not at the end: a character */
            if (s != m->s_end) s = NULL;
            goto done;
        case PAT_ESC:
            if (p[1] == 'b') {
                if ((s = match_balance(m, s, p + 2)) == NULL) goto done;
                p += 4;
                continue;
            }
            if (p[1] == 'f') {
                int before, here;
                p += 2;
                if (*p != '[') luaL_error(m->L, "missing '[' after '%%f' in pattern");
                ep = item_end(m, p);
                before = s == m->s0 ? '\0' : (unsigned char)s[-1];
                here = s < m->s_end ? (unsigned char)*s : '\0';
                if (set_has(before, p, ep - 1) || !set_has(here, p, ep - 1)) {
                    s = NULL;
                    goto done;
                }
                p = ep;
                continue;
            }
            if (isdigit((unsigned char)p[1])) {   /* %1: the text of capture 1 again */
                int k = p[1] - '1';
                size_t len;
                if (k < 0 || k >= m->ncap || m->cap[k].len == CAP_OPEN)
                    luaL_error(m->L, "invalid capture index %%%d", k + 1);
                len = (size_t)m->cap[k].len;
                if ((size_t)(m->s_end - s) < len || memcmp(m->cap[k].at, s, len) != 0) {
                    s = NULL;
                    goto done;
                }
                s += len;
                p += 2;
                continue;
            }
            break;
        default:
            break;
        }
        ep = item_end(m, p);
        if (!item_has(m, s, p, ep)) {
            if (*ep == '*' || *ep == '?' || *ep == '-') {   /* zero repetitions will do */
                p = ep + 1;
                continue;
            }
            s = NULL;
            goto done;
        }
        switch (*ep) {
        case '?': {
            const char *r = match_here(m, s + 1, ep + 1);
            if (r) { s = r; goto done; }
            p = ep + 1;
            continue;
        }
        case '+': s = match_greedy(m, s + 1, p, ep); goto done;
        case '*': s = match_greedy(m, s, p, ep); goto done;
        case '-': s = match_lazy(m, s, p, ep); goto done;
        default: s++; p = ep; continue;
        }
    }
done:
    m->depth++;
    return s;
}

/* The first n (nl > 0) in s..s_end, or NULL. memchr looks for n's last
** byte: in UTF-8 Chinese text a first byte (one of a few lead bytes) is
** common, a last one much rarer. At a last byte found, the first byte is
** compared before the rest (most near misses differ there: a call of
** memcmp costs more than the byte). Each near miss is charged. */
static const char *find_run(matcher *m, const char *s, const char *n, size_t nl) {
    const char *at;
    const unsigned char first = (unsigned char)n[0], last = (unsigned char)n[nl - 1];
    if ((size_t)(m->s_end - s) < nl) return NULL;
    for (at = s + nl - 1; (at = memchr(at, last, (size_t)(m->s_end - at))) != NULL; at++) {
        const char *from = at - (nl - 1);
        if ((unsigned char)*from == first && memcmp(from, n, nl - 1) == 0) return from;
        spend(m, 1 + (int64_t)(nl / 64));
    }
    return NULL;
}

/*{--- where a match can start ---
** When every match begins with a known literal run or with one byte of a
** class or set, a search jumps from one such place to the next instead of
** trying the whole pattern at every byte. Only an item that cannot match
** the empty string counts, and only one that no error can come before: at
** the places skipped the pattern would have failed at that item. */

typedef struct starts {
    const char *lit;               /* the literal run every match begins with, or NULL */
    size_t lit_len;
    const char *item, *item_end;   /* else its first item, or NULL: no skipping */
    int tail;                      /* the pattern is that item, '+' and '$': a match is the final run */
    int verdicts;                  /* verdict is in use (a long subject: worth clearing it) */
    unsigned char verdict[256];    /* the item's on a byte: 0 not asked yet, 1 no, 2 yes */
} starts;

/* A byte of the pattern that stands for itself wherever it is. */
static int is_literal(char c) {
    return c != PAT_ESC && c != '(' && c != ')' && c != '[' && c != '.' && c != '^' && c != '$' &&
           c != '*' && c != '+' && c != '-' && c != '?';
}

/* What every match of the pattern p (its anchor, if any, taken off) begins
** with; an anchored search tries one place only and skips nothing. */
static void starts_init(matcher *m, starts *st, const char *p, int anchored) {
    const char *ep, *p_end = m->p_end;
    int opens = 0;
    st->lit = NULL;
    st->item = NULL;
    if (anchored) return;
    while (p < p_end && *p == '(' && ++opens < PAT_MAXCAPS)   /* captures open first */
        p += p[1] == ')' ? 2 : 1;
    if (p >= p_end || opens >= PAT_MAXCAPS) return;
    if (*p == PAT_ESC) {
        if (p + 1 >= p_end || p[1] == 'b' || p[1] == 'f' || isdigit((unsigned char)p[1])) return;
        ep = p + 2;
    } else if (*p == '[') {
        if ((ep = item_end_or_null(p, p_end)) == NULL) return;
    } else if (is_literal(*p)) {
        ep = p + 1;
    } else {
        return;                                  /* '.', ')', '$' and the like */
    }
    if (*ep == '*' || *ep == '?' || *ep == '-') return;     /* may match the empty string */
    st->tail = opens == 0 && ep[0] == '+' && ep[1] == '$' && ep + 2 == p_end;
    if (is_literal(*p) && !st->tail) {
        st->lit = p;                             /* and the literals after it, each once */
        while (*ep != '+' && ep < p_end && is_literal(*ep) && ep[1] != '*' && ep[1] != '?' && ep[1] != '-')
            ep++;
        st->lit_len = (size_t)(ep - p);
        return;
    }
    st->item = p;
    st->item_end = ep;
    st->verdicts = 0;
}

/* The first place at or after s where a match may start, or NULL. */
static const char *starts_next(matcher *m, starts *st, const char *s) {
    const char *from = s;
    if (st->item != NULL && st->tail) {        /* only the run that ends the subject can match */
        const char *t = m->s_end;
        while (t > s && byte_has((unsigned char)t[-1], st->item, st->item_end)) t--;
        spend(m, (m->s_end - t) / 16);
        return t == m->s_end ? NULL : t;
    }
    if (st->lit != NULL) {
        s = find_run(m, s, st->lit, st->lit_len);
        spend(m, (int64_t)(st->lit_len / 64));   /* the run compared at the place found */
    } else {
        if (!st->verdicts && m->s_end - s > 64) {
            memset(st->verdict, 0, sizeof st->verdict);
            st->verdicts = 1;
        }
        for (; s < m->s_end; s++) {
            unsigned char c = (unsigned char)*s;
            if (!st->verdicts) {
                if (byte_has(c, st->item, st->item_end)) break;
                continue;
            }
            if (st->verdict[c] == 0) st->verdict[c] = byte_has(c, st->item, st->item_end) ? 2 : 1;
            if (st->verdict[c] == 2) break;
        }
        if (s == m->s_end) s = NULL;
    }
    spend(m, ((s ? s : m->s_end) - from) / 16);
    return s;
}

/*}---*/

/* Push capture k of the match s..e (the whole match when there are none). */
static void push_capture(matcher *m, int k, const char *s, const char *e) {
    if (k >= m->ncap) {
        if (k != 0) luaL_error(m->L, "invalid capture index %%%d", k + 1);
        lua_pushlstring(m->L, s, (size_t)(e - s));
    } else if (m->cap[k].len == CAP_OPEN) {
        luaL_error(m->L, "unfinished capture");
    } else if (m->cap[k].len == CAP_POSITION) {
        lua_pushinteger(m->L, (lua_Integer)(m->cap[k].at - m->s0) + 1);
    } else {
        lua_pushlstring(m->L, m->cap[k].at, (size_t)m->cap[k].len);
    }
}

static int push_captures(matcher *m, const char *s, const char *e) {
    int k, n = m->ncap == 0 && s ? 1 : m->ncap;
    luaL_checkstack(m->L, n, "too many captures");
    for (k = 0; k < n; k++) push_capture(m, k, s, e);
    return n;
}

/* Optional integer argument i (luaL_optinteger, quicker when it is one). */
static lua_Integer opt_integer(lua_State *L, int i, lua_Integer def) {
    return lua_isinteger(L, i) ? lua_tointeger(L, i) : luaL_optinteger(L, i, def);
}

/* A position argument (1-based, negative from the end) as an offset. */
static size_t offset_of(lua_Integer pos, size_t len) {
    if (pos > 0) return (size_t)pos - 1;
    if (pos == 0 || pos < -(lua_Integer)len) return 0;
    return len + (size_t)pos;
}

/* Whether p holds a byte of PAT_SPECIALS (a switch: one test a byte, not
** a strchr call). */
static int has_specials(const char *p, size_t lp) {
    size_t i;
    for (i = 0; i < lp; i++) {
        switch (p[i]) {
        case '^': case '$': case '*': case '+': case '?': case '.': case '(': case '[': case '%': case '-':
            return 1;
        default:
            break;
        }
    }
    return 0;
}


static int find_or_match(lua_State *L, int find) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = offset_of(opt_integer(L, 3, 1), ls);
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    if (find && (lua_toboolean(L, 4) || !has_specials(p, lp))) {
        matcher m;
        const char *at = s + init;
        int64_t hay = (int64_t)((ls - init) / 64), needle = (int64_t)(lp / 64) + 1;
        matcher_init(&m, L, s, ls, p, lp);
        /* up front, the bound of the search's work: every place compared in full */
        spend(&m, hay > INT64_MAX / needle ? INT64_MAX : hay * needle);
        if (lp > 0) at = find_run(&m, at, p, lp);
        matcher_flush(&m);
        if (at) {
            lua_pushinteger(L, (lua_Integer)(at - s) + 1);
            lua_pushinteger(L, (lua_Integer)(at - s + lp));
            return 2;
        }
    } else {
        matcher m;
        const char *at = s + init;
        int anchored = *p == '^';
        starts st;
        if (anchored) { p++; lp--; }
        matcher_init(&m, L, s, ls, p, lp);
        starts_init(&m, &st, p, anchored);
        do {
            const char *e;
            if ((st.lit || st.item) && (at = starts_next(&m, &st, at)) == NULL) break;
            matcher_reset(&m);
            if ((e = match_here(&m, at, p)) != NULL) {
                matcher_flush(&m);
                if (!find) return push_captures(&m, at, e);
                lua_pushinteger(L, (lua_Integer)(at - s) + 1);
                lua_pushinteger(L, (lua_Integer)(e - s));
                return push_captures(&m, NULL, NULL) + 2;
            }
        } while (at++ < m.s_end && !anchored);
        matcher_flush(&m);
    }
    luaL_pushfail(L);
    return 1;
}

static int pat_find(lua_State *L) { return find_or_match(L, 1); }
static int pat_match(lua_State *L) { return find_or_match(L, 0); }

/* gmatch's state: where the next search starts, where the last match ended. */
typedef struct gmatch_state {
    size_t at;
    ptrdiff_t last;
} gmatch_state;

static int gmatch_next(lua_State *L) {
    size_t ls, lp;
    const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
    const char *p = lua_tolstring(L, lua_upvalueindex(2), &lp);
    gmatch_state *g = lua_touserdata(L, lua_upvalueindex(3));
    matcher m;
    starts st;
    matcher_init(&m, L, s, ls, p, lp);
    starts_init(&m, &st, p, 0);
    for (; g->at <= ls; g->at++) {
        const char *e;
        if (st.lit || st.item) {
            const char *at = starts_next(&m, &st, s + g->at);
            if (at == NULL) {
                g->at = ls + 1;
                break;
            }
            g->at = (size_t)(at - s);
        }
        matcher_reset(&m);
        e = match_here(&m, s + g->at, p);
        if (e != NULL && e - s != g->last) {
            size_t start = g->at;
            g->at = (size_t)(e - s);
            g->last = e - s;
            matcher_flush(&m);
            return push_captures(&m, s + start, e);
        }
    }
    matcher_flush(&m);
    return 0;
}

static int pat_gmatch(lua_State *L) {
    size_t ls;
    gmatch_state *g;
    size_t init;
    luaL_checklstring(L, 1, &ls);
    luaL_checkstring(L, 2);
    init = offset_of(luaL_optinteger(L, 3, 1), ls);
    lua_settop(L, 2);
    g = lua_newuserdatauv(L, sizeof *g, 0);
    g->at = init > ls ? ls + 1 : init;
    g->last = -1;
    lua_pushcclosure(L, gmatch_next, 3);
    return 1;
}

/* A replacement string: %0 the match, %1… its captures, %% a '%'. */
static void add_template(matcher *m, luaL_Buffer *b, const char *s, const char *e) {
    size_t l;
    const char *t = lua_tolstring(m->L, 3, &l), *t_end = t + l;
    while (t < t_end) {
        const char *pct = memchr(t, PAT_ESC, (size_t)(t_end - t));
        if (pct == NULL) {
            luaL_addlstring(b, t, (size_t)(t_end - t));
            return;
        }
        luaL_addlstring(b, t, (size_t)(pct - t));
        t = pct + 1;                       /* *t_end is the string's '\0' */
        if (*t == PAT_ESC) luaL_addchar(b, PAT_ESC);
        else if (*t == '0') luaL_addlstring(b, s, (size_t)(e - s));
        else if (isdigit((unsigned char)*t)) {
            push_capture(m, *t - '1', s, e);
            luaL_addvalue(b);
        } else luaL_error(m->L, "invalid use of '%c' in replacement string", PAT_ESC);
        t++;
    }
}

static void add_replacement(matcher *m, luaL_Buffer *b, const char *s, const char *e, int kind) {
    lua_State *L = m->L;
    if (kind == LUA_TFUNCTION) {
        int n;
        lua_pushvalue(L, 3);
        n = push_captures(m, s, e);
        lua_call(L, n, 1);
    } else if (kind == LUA_TTABLE) {
        push_capture(m, 0, s, e);
        lua_gettable(L, 3);
    } else {
        add_template(m, b, s, e);
        return;
    }
    if (!lua_toboolean(L, -1)) {           /* nil or false: keep the match */
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
    } else if (!lua_isstring(L, -1)) {
        luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    } else {
        luaL_addvalue(b);
    }
}

static int pat_gsub(lua_State *L) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    const char *at = s, *last = NULL, *kept = s;
    int kind = lua_type(L, 3), anchored = *p == '^';
    lua_Integer most = opt_integer(L, 4, (lua_Integer)ls + 1), n = 0;
    matcher m;
    starts st;
    luaL_Buffer b;
    luaL_argexpected(L, kind == LUA_TNUMBER || kind == LUA_TSTRING ||
                     kind == LUA_TFUNCTION || kind == LUA_TTABLE, 3, "string/function/table");
    luaL_buffinit(L, &b);
    if (anchored) { p++; lp--; }
    matcher_init(&m, L, s, ls, p, lp);
    starts_init(&m, &st, p, anchored);
    while (n < most) {
        const char *e;
        if ((st.lit || st.item) && (at = starts_next(&m, &st, at)) == NULL) break;
        matcher_reset(&m);
        if ((e = match_here(&m, at, p)) != NULL && e != last) {
            n++;
            luaL_addlstring(&b, kept, (size_t)(at - kept));    /* the text since the last match, kept */
            add_replacement(&m, &b, at, e, kind);
            at = last = kept = e;
        } else if (at < m.s_end) {
            at++;
        } else {
            break;
        }
        if (anchored) break;
    }
    matcher_flush(&m);
    luaL_addlstring(&b, kept, (size_t)(m.s_end - kept));
    luaL_pushresult(&b);
    lua_pushinteger(L, n);
    return 2;
}

/*}===*/

void nb_sandbox_patterns(lua_State *L) {
    static const luaL_Reg patterns[] = {
        {"find", pat_find}, {"match", pat_match}, {"gmatch", pat_gmatch}, {"gsub", pat_gsub},
        {NULL, NULL}
    };
    luaL_setfuncs(L, patterns, 0);
}

/*{=== fingerprints of plain data ===*/

/* The fingerprint of a grammar's spec (claims.lua), made here: the same
** string as the Lua walk's, at a small part of its cost. Tables deeper
** than FP_DEPTH, more than FP_TABLES of them, or a value not plain: not
** plain data. A key neither a string nor an integer, or more than FP_KEYS
** keys in all: the Lua walk decides (its order of such keys; its work is
** metered, where this call's is not). */
#define FP_DEPTH 8
#define FP_TABLES 2000
#define FP_KEYS 65536

enum { FP_OK, FP_NOT_PLAIN, FP_UNSURE };

typedef struct fp_buf {
    char *p;
    size_t n, cap;
    int slot;                     /* the stack slot of the userdata that holds p */
    int tables;
    size_t keys;                  /* keys of every table walked */
} fp_buf;

typedef struct fp_key {
    const char *s;                /* NULL: an integer key */
    size_t len;
    lua_Integer i;
    int at;                       /* the stack slot of its value */
} fp_key;

static void fp_add(lua_State *L, fp_buf *b, const char *s, size_t n) {
    if (b->cap - b->n < n) {
        size_t cap = b->cap;
        char *p;
        while (cap - b->n < n) cap *= 2;
        p = lua_newuserdatauv(L, cap, 0);
        memcpy(p, b->p, b->n);
        lua_replace(L, b->slot);
        b->p = p, b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

/* v in decimal, as "%lld" writes it (snprintf was half of a walk). */
static void fp_int(lua_State *L, fp_buf *b, lua_Integer v) {
    char tmp[24], *p = tmp + sizeof tmp;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0) *--p = '-';
    fp_add(L, b, p, (size_t)(tmp + sizeof tmp - p));
}

static void fp_string(lua_State *L, fp_buf *b, const char *s, size_t len) {
    fp_int(L, b, (lua_Integer)len);                  /* (its length says where it ends) */
    fp_add(L, b, ":", 1);
    fp_add(L, b, s, len);
}

/* Lua's order of the keys: numbers before strings, strings byte by byte. */
static int fp_before(const void *x, const void *y) {
    const fp_key *a = x, *b = y;
    int c;
    if ((a->s == NULL) != (b->s == NULL)) return a->s == NULL ? -1 : 1;
    if (a->s == NULL) return a->i < b->i ? -1 : a->i > b->i;
    c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
    return c != 0 ? c : a->len < b->len ? -1 : a->len > b->len;
}

static int fp_walk(lua_State *L, fp_buf *b, int idx, int depth) {
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        fp_string(L, b, s, len);
        return FP_OK;
    }
    case LUA_TNUMBER: {
        size_t len;
        const char *s;
        if (lua_isinteger(L, idx)) fp_add(L, b, "integer:", 8);
        else fp_add(L, b, "float:", 6);
        s = luaL_tolstring(L, idx, &len);
        fp_add(L, b, s, len);
        lua_pop(L, 1);
        return FP_OK;
    }
    case LUA_TBOOLEAN:
        if (lua_toboolean(L, idx)) fp_add(L, b, "true", 4);
        else fp_add(L, b, "false", 5);
        return FP_OK;
    case LUA_TTABLE: {
        lua_Integer n = 0, i;
        size_t count = 0, k;
        fp_key *keys;
        int r, base;
        if (depth >= FP_DEPTH || b->tables >= FP_TABLES) return FP_NOT_PLAIN;
        b->tables++;
        luaL_checkstack(L, 6, "fingerprint");
        while (lua_rawgeti(L, idx, n + 1) != LUA_TNIL) {
            lua_pop(L, 1);
            n++;
        }
        lua_pop(L, 1);
        fp_add(L, b, "[", 1);
        fp_int(L, b, n);
        for (i = 1; i <= n; i++) {
            fp_add(L, b, ",", 1);
            lua_rawgeti(L, idx, i);
            r = fp_walk(L, b, lua_gettop(L), depth + 1);
            lua_pop(L, 1);
            if (r != FP_OK) return r;
        }
        /* the other keys, each left on the stack above its value's slot
        ** (one pass of lua_next, each value then walked where it lies) */
        base = lua_gettop(L);
        lua_pushnil(L);
        while (lua_next(L, idx)) {
            int keep;
            if (lua_isinteger(L, -2)) {
                lua_Integer ki = lua_tointeger(L, -2);
                keep = ki < 1 || ki > n;
            } else if (lua_type(L, -2) == LUA_TSTRING) {
                keep = 1;
            } else {
                lua_settop(L, base);
                return FP_UNSURE;
            }
            if (++b->keys > FP_KEYS) {
                lua_settop(L, base);
                return FP_UNSURE;
            }
            if (keep) {
                if (!lua_checkstack(L, 3)) {   /* (no room: the Lua walk decides) */
                    lua_settop(L, base);
                    return FP_UNSURE;
                }
                lua_pushvalue(L, -2);          /* key, value, key: the next lua_next's */
                count++;
            } else {
                lua_pop(L, 1);
            }
        }
        if (!lua_checkstack(L, 4)) {           /* the keys, and a number's text */
            lua_settop(L, base);
            return FP_UNSURE;
        }
        keys = lua_newuserdatauv(L, (count ? count : 1) * sizeof *keys, 0);
        for (k = 0; k < count; k++) {
            int at = base + 1 + 2 * (int)k;
            keys[k].at = at + 1;
            if (lua_type(L, at) == LUA_TSTRING) {
                keys[k].s = lua_tolstring(L, at, &keys[k].len);
                keys[k].i = 0;
            } else {
                keys[k].s = NULL, keys[k].len = 0, keys[k].i = lua_tointeger(L, at);
            }
        }
        qsort(keys, count, sizeof *keys, fp_before);
        fp_add(L, b, "{", 1);
        for (k = 0; k < count; k++) {
            if (keys[k].s) {
                fp_string(L, b, keys[k].s, keys[k].len);
            } else {
                fp_add(L, b, "integer:", 8);
                fp_int(L, b, keys[k].i);
            }
            fp_add(L, b, "=", 1);
            r = fp_walk(L, b, keys[k].at, depth + 1);
            if (r != FP_OK) {
                lua_settop(L, base);
                return r;
            }
            fp_add(L, b, ";", 1);
        }
        fp_add(L, b, "}", 1);
        lua_settop(L, base);                  /* the keys, their values, the pairs */
        return FP_OK;
    }
    default:
        return FP_NOT_PLAIN;
    }
}

/* fingerprint(v) → its string | nil (not plain data) | false (the Lua walk decides) */
static int l_fingerprint(lua_State *L) {
    fp_buf b;
    int r;
    lua_settop(L, 1);
    b.cap = 1024, b.n = 0, b.tables = 0, b.keys = 0;
    b.p = lua_newuserdatauv(L, b.cap, 0);
    b.slot = lua_gettop(L);
    r = fp_walk(L, &b, 1, 0);
    if (r == FP_OK) lua_pushlstring(L, b.p, b.n);
    else if (r == FP_NOT_PLAIN) lua_pushnil(L);
    else lua_pushboolean(L, 0);
    return 1;
}

/*}===*/

int luaopen_nianbao_sandbox(lua_State *L) {
    static const luaL_Reg funcs[] = {
        {"call", NULL}, {"prepare", l_limits}, {"pcall", l_pcall}, {"configure", l_configure}, {"memory", l_memory},
        {"fingerprint", l_fingerprint}, {"setmetatable", NULL}, {NULL, NULL}
    };
    luaL_newlib(L, funcs);
    luaL_newmetatable(L, LIMITS);
    lua_pushliteral(L, "sandbox limits");
    lua_setfield(L, -2, "__name");
    lua_pushcfunction(L, find_line);
    lua_setfield(L, -2, "__call");
    lua_pushcfunction(L, limits_field);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pushcclosure(L, l_call, 1);
    lua_setfield(L, -2, "call");
    lua_getglobal(L, "setmetatable");
    lua_pushcclosure(L, l_setmetatable, 1);
    lua_setfield(L, -2, "setmetatable");
    return 1;
}
