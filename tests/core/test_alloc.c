/* The sandbox's allocator: small blocks from its pool, large ones from
** malloc, the byte count and the memory cap exact across both, and every
** byte of the pool's region given back with the state's last block. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include "nb_sandbox.h"

/* Fill a block with a pattern that names it; check it is still there. */
static void fill(unsigned char *p, size_t n, unsigned seed) {
    size_t i;
    for (i = 0; i < n; i++) p[i] = (unsigned char)(seed * 31 + i);
}

static void holds(const unsigned char *p, size_t n, unsigned seed) {
    size_t i;
    for (i = 0; i < n; i++) assert_int_equal(p[i], (unsigned char)(seed * 31 + i));
}

static void blocks_of_every_size_are_aligned_apart_and_reused(void **state) {
    enum { N = NB_POOL_MAX + 40 };
    nb_sandbox sb;
    unsigned char *block[N + 1];
    size_t n, total = 0;
    (void)state;
    nb_sandbox_init(&sb);
    for (n = 1; n <= N; n++) {
        block[n] = nb_alloc(&sb, NULL, LUA_TTABLE, n);
        assert_non_null(block[n]);
        assert_int_equal((uintptr_t)block[n] % 16, 0);
        fill(block[n], n, (unsigned)n);
        total += n;
        assert_int_equal(sb.used, total);
    }
    for (n = 1; n <= N; n++) holds(block[n], n, (unsigned)n);    /* no block overlaps another */
    if (NB_POOLED) {
        /* a freed small block is the next one of its class, and stays put within it */
        unsigned char *again;
        assert_null(nb_alloc(&sb, block[40], 40, 0));
        again = nb_alloc(&sb, NULL, 0, 33);
        assert_ptr_equal(again, block[40]);
        block[40] = nb_alloc(&sb, again, 33, 40);
        assert_ptr_equal(block[40], again);
        fill(block[40], 40, 40);
        assert_int_equal(sb.used, total);
    }
    for (n = 1; n <= N; n++) {
        assert_null(nb_alloc(&sb, block[n], n, 0));
        total -= n;
        assert_int_equal(sb.used, total);
    }
    assert_int_equal(sb.used, 0);
    assert_null(sb.pool.base);            /* the last block out takes the region with it */
}

/* A region smaller than the blocks asked for: the rest come from malloc,
** and each is given back where it came from (valgrind sees a wrong free). */
static void blocks_past_the_pool_come_from_malloc_and_stay_apart(void **state) {
    enum { N = 3 * 65536 / 96 };
    nb_sandbox sb;
    static unsigned char *block[N];
    size_t i, size, in_region = 0;
    (void)state;
    nb_sandbox_init(&sb);
    if (NB_POOLED) sb.pool.size = 65536;
    for (i = 0; i < N; i++) {
        size = 1 + (i * 37) % NB_POOL_MAX;      /* every class, in no order */
        block[i] = nb_alloc(&sb, NULL, 0, size);
        assert_non_null(block[i]);
        fill(block[i], size, (unsigned)i);
        if (sb.pool.base && block[i] >= (unsigned char *)sb.pool.base &&
            block[i] < (unsigned char *)sb.pool.base + 65536) in_region++;
    }
    if (NB_POOLED) assert_true(in_region > 0 && in_region < N);
    for (i = 0; i < N; i++) holds(block[i], 1 + (i * 37) % NB_POOL_MAX, (unsigned)i);
    /* a block from malloc grows and shrinks within a class and into the pool's */
    block[N - 1] = nb_alloc(&sb, block[N - 1], 1 + ((N - 1) * 37) % NB_POOL_MAX, NB_POOL_MAX + 44);
    assert_non_null(block[N - 1]);
    holds(block[N - 1], 1 + ((N - 1) * 37) % NB_POOL_MAX, (unsigned)(N - 1));
    block[N - 1] = nb_alloc(&sb, block[N - 1], NB_POOL_MAX + 44, 20);
    assert_non_null(block[N - 1]);
    for (i = 0; i < N - 1; i++) assert_null(nb_alloc(&sb, block[i], 1 + (i * 37) % NB_POOL_MAX, 0));
    assert_null(nb_alloc(&sb, block[N - 1], 20, 0));
    assert_int_equal(sb.used, 0);
    assert_null(sb.pool.base);
}

static void a_block_keeps_its_bytes_growing_and_shrinking_across_classes(void **state) {
    static const size_t sizes[] = { 5, 16, 17, 30, 100, 256, 257, 4000, 300, 256, 200, 24, 8,
                                    NB_POOL_MAX, NB_POOL_MAX + 1, 64, 5000, 40, 100000, 1 };
    nb_sandbox sb;
    unsigned char *p;
    size_t i, old, keep;
    (void)state;
    nb_sandbox_init(&sb);
    old = sizes[0];
    p = nb_alloc(&sb, NULL, LUA_TSTRING, old);
    assert_non_null(p);
    fill(p, old, 7);
    for (i = 1; i < sizeof sizes / sizeof *sizes; i++) {
        unsigned char *q = nb_alloc(&sb, p, old, sizes[i]);
        assert_non_null(q);
        keep = old < sizes[i] ? old : sizes[i];
        holds(q, keep, 7);
        /* within one class the block does not move */
        if (NB_POOLED && old <= NB_POOL_MAX && sizes[i] <= NB_POOL_MAX && (old + 15) / 16 == (sizes[i] + 15) / 16)
            assert_ptr_equal(q, p);
        fill(q, sizes[i], 7);
        assert_int_equal(sb.used, sizes[i]);
        p = q;
        old = sizes[i];
    }
    assert_null(nb_alloc(&sb, p, old, 0));
    assert_int_equal(sb.used, 0);
    assert_null(sb.pool.base);
}

static void the_cap_refuses_growth_of_small_blocks_as_of_large(void **state) {
    nb_sandbox sb;
    void *a, *b, *c;
    (void)state;
    nb_sandbox_init(&sb);
    a = nb_alloc(&sb, NULL, 0, 100);
    assert_non_null(a);
    sb.active = 1;
    sb.limit = 100 + 150;                 /* 150 bytes more may be had */
    b = nb_alloc(&sb, NULL, 0, 120);
    assert_non_null(b);
    assert_null(nb_alloc(&sb, NULL, 0, 31));          /* 251 > 250 */
    assert_int_equal(sb.used, 220);
    c = nb_alloc(&sb, NULL, 0, 30);                   /* exactly the cap */
    assert_non_null(c);
    assert_null(nb_alloc(&sb, b, 120, 121));          /* growth inside its class: refused too */
    assert_null(nb_alloc(&sb, b, 120, 1000));
    assert_null(nb_alloc(&sb, c, 30, 300));
    assert_int_equal(sb.used, 250);
    b = nb_alloc(&sb, b, 120, 10);                    /* shrinking is always let through */
    assert_non_null(b);
    assert_int_equal(sb.used, 140);
    sb.tripped = NB_TRIP_BUDGET;                      /* as a trip leaves it: the limit where */
    sb.limit = sb.used;                               /* it tripped (less its unwinding's reserve) */
    assert_null(nb_alloc(&sb, NULL, 0, 1));           /* a tripped call gets nothing more */
    sb.active = 0;
    sb.tripped = NB_TRIP_NONE;
    sb.limit = 0;
    assert_null(nb_alloc(&sb, a, 100, 0));
    assert_null(nb_alloc(&sb, b, 10, 0));
    assert_null(nb_alloc(&sb, c, 30, 0));
    assert_int_equal(sb.used, 0);
    assert_null(sb.pool.base);
}

/* A block waiting on its class's list is handed out under the same
** limits as one carved anew: the cap, a tripped call, the churn count. */
static void a_freed_block_reused_is_under_the_limits_too(void **state) {
    nb_sandbox sb;
    void *a, *b, *c;
    (void)state;
    nb_sandbox_init(&sb);
    a = nb_alloc(&sb, NULL, 0, 40);
    b = nb_alloc(&sb, NULL, 0, 40);
    c = nb_alloc(&sb, NULL, 0, 40);
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    assert_null(nb_alloc(&sb, b, 40, 0));
    assert_null(nb_alloc(&sb, c, 40, 0));             /* two blocks of 48 wait */
    assert_int_equal(sb.used, 40);
    sb.active = 1;
    sb.limit = 40 + 50;
    b = nb_alloc(&sb, NULL, 0, 40);                   /* from the list, within the cap */
    assert_non_null(b);
    assert_int_equal(sb.used, 80);
    assert_int_equal(sb.churn, 40);
    assert_null(nb_alloc(&sb, NULL, 0, 33));          /* 113 > 90, though a block waits */
    c = nb_alloc(&sb, NULL, 0, 10);                   /* exactly the cap */
    assert_non_null(c);
    assert_null(nb_alloc(&sb, c, 10, 0));
    sb.tripped = NB_TRIP_TIME;                        /* as a trip leaves it (less the reserve) */
    sb.limit = sb.used;
    assert_null(nb_alloc(&sb, NULL, 0, 5));           /* a tripped call gets nothing, listed or not */
    sb.active = 0;
    sb.tripped = NB_TRIP_NONE;
    sb.limit = 0;
    c = nb_alloc(&sb, NULL, 0, 5);                    /* outside a call: no cap */
    assert_non_null(c);
    assert_null(nb_alloc(&sb, NULL, LUA_TTABLE, 0));  /* nothing to free: nothing done */
    assert_int_equal(sb.used, 85);
    assert_null(nb_alloc(&sb, a, 40, 0));
    assert_null(nb_alloc(&sb, b, 40, 0));
    assert_null(nb_alloc(&sb, c, 5, 0));
    assert_int_equal(sb.used, 0);
    assert_null(sb.pool.base);
}

static void a_lua_state_gives_its_region_back_when_closed(void **state) {
    nb_sandbox sb;
    lua_State *L;
    (void)state;
    nb_sandbox_init(&sb);
    L = lua_newstate(nb_alloc, &sb);
    assert_non_null(L);
    luaL_openlibs(L);
    assert_int_equal(luaL_dostring(L,
        "local t = {} "
        "for i = 1, 20000 do t[i] = { i, tostring(i), string.rep('x', i % 300) } end "
        "for i = 1, 20000, 2 do t[i] = nil end "
        "collectgarbage() "
        "local s = 0 for _, v in pairs(t) do s = s + #v[3] end "
        "assert(s > 0)"), LUA_OK);
    if (NB_POOLED) assert_non_null(sb.pool.base);
    lua_close(L);
    assert_int_equal(sb.used, 0);
    assert_null(sb.pool.base);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(blocks_of_every_size_are_aligned_apart_and_reused),
        cmocka_unit_test(blocks_past_the_pool_come_from_malloc_and_stay_apart),
        cmocka_unit_test(a_block_keeps_its_bytes_growing_and_shrinking_across_classes),
        cmocka_unit_test(the_cap_refuses_growth_of_small_blocks_as_of_large),
        cmocka_unit_test(a_freed_block_reused_is_under_the_limits_too),
        cmocka_unit_test(a_lua_state_gives_its_region_back_when_closed),
    };
    return cmocka_run_group_tests_name("nb_alloc", tests, NULL, NULL);
}
