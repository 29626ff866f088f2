/* The allocator's quick path keeps the limits to the byte: a call of no
** cap (limit 0) is capped by nothing, a tripped call gets its unwinding's
** reserve and not a byte more (from a class's list as from the region),
** and the bytes allocated between two looks at the clock are counted to
** the look that resets them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <lua.h>
#include "nb_sandbox.h"

#define RESERVE 4096                 /* a tripped call's unwinding (nb_sandbox.c) */
#define CLOCK ((size_t)4 << 20)      /* bytes between two looks at the clock (nb_sandbox.c) */

static void a_call_of_no_cap_is_capped_by_nothing(void **state) {
    nb_sandbox sb;
    void *block[100];
    size_t i;
    (void)state;
    nb_sandbox_init(&sb);
    sb.active = 1;                   /* limit 0: none */
    sb.deadline = INT64_MAX;
    for (i = 0; i < 100; i++) {
        block[i] = nb_alloc(&sb, NULL, 0, 500);
        assert_non_null(block[i]);
    }
    assert_int_equal(sb.used, 100 * 500);
    assert_int_equal(sb.churn, 100 * 500);
    sb.active = 0;
    for (i = 0; i < 100; i++) assert_null(nb_alloc(&sb, block[i], 500, 0));
    assert_int_equal(sb.used, 0);
}

static void a_tripped_call_gets_its_reserve_to_the_byte(void **state) {
    nb_sandbox sb;
    void *first, *waiting, *block[RESERVE / 16 + 1];
    size_t i, n = 0;
    (void)state;
    nb_sandbox_init(&sb);
    first = nb_alloc(&sb, NULL, 0, 16);
    waiting = nb_alloc(&sb, NULL, 0, 16);
    assert_non_null(first);
    assert_null(nb_alloc(&sb, waiting, 16, 0));       /* a block of 16 waits on its list */
    sb.active = 1;
    sb.deadline = INT64_MAX;
    sb.tripped = NB_TRIP_BUDGET;                      /* as a trip leaves it */
    sb.limit = sb.used + RESERVE;
    for (;;) {
        void *p = nb_alloc(&sb, NULL, 0, 16);
        if (p == NULL) break;
        if (NB_POOLED && n == 0) assert_ptr_equal(p, waiting);   /* the list's first, as the slow path gives it */
        block[n++] = p;
        assert_true(n <= RESERVE / 16);
    }
    assert_int_equal(n, RESERVE / 16);
    assert_int_equal(sb.used, sb.limit);
    assert_null(nb_alloc(&sb, NULL, 0, 1));           /* not a byte more */
    assert_null(nb_alloc(&sb, block[0], 16, 0));      /* freed: one block of room again */
    assert_non_null(block[0] = nb_alloc(&sb, NULL, 0, 16));
    assert_null(nb_alloc(&sb, NULL, 0, 1));
    sb.active = 0;
    sb.tripped = NB_TRIP_NONE;
    sb.limit = 0;
    for (i = 0; i < n; i++) assert_null(nb_alloc(&sb, block[i], 16, 0));
    assert_null(nb_alloc(&sb, first, 16, 0));
    assert_int_equal(sb.used, 0);
}

static void the_clock_is_read_when_the_churn_reaches_it(void **state) {
    nb_sandbox sb;
    void *a, *b;
    (void)state;
    nb_sandbox_init(&sb);
    sb.active = 1;
    sb.deadline = INT64_MAX;                          /* a look at the clock finds time left */
    sb.churn = CLOCK - 33;
    a = nb_alloc(&sb, NULL, 0, 32);                   /* one byte short of the clock */
    assert_non_null(a);
    assert_int_equal(sb.churn, CLOCK - 1);
    b = nb_alloc(&sb, NULL, 0, 1);                    /* reaches it: looked, and counted afresh */
    assert_non_null(b);
    assert_int_equal(sb.churn, 0);
    assert_int_equal(sb.tripped, NB_TRIP_NONE);
    sb.active = 0;
    assert_null(nb_alloc(&sb, a, 32, 0));
    assert_null(nb_alloc(&sb, b, 1, 0));
    assert_int_equal(sb.used, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_call_of_no_cap_is_capped_by_nothing),
        cmocka_unit_test(a_tripped_call_gets_its_reserve_to_the_byte),
        cmocka_unit_test(the_clock_is_read_when_the_churn_reaches_it),
    };
    return cmocka_run_group_tests_name("nb_alloc's limits", tests, NULL, NULL);
}
