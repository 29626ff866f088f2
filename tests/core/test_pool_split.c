/* A block of a class whose list is empty is cut from a freed block of the
** largest class, before the region is carved further: the rest of that
** block waits on the lists, cut in blocks of the class asked for (and
** what is left over in one of its own size). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <lua.h>
#include "nb_sandbox.h"

static void a_freed_largest_block_is_cut_before_the_region_is_carved(void **state) {
    nb_sandbox sb;
    char *keep, *big, *small[NB_POOL_MAX / 48 + 1], *carved, *rest;
    size_t i, n = NB_POOL_MAX / 48;                  /* blocks of 48 in one of the largest */
    (void)state;
    if (!NB_POOLED) skip();
    nb_sandbox_init(&sb);
    keep = nb_alloc(&sb, NULL, 0, 16);               /* maps the region, kept to the end */
    big = nb_alloc(&sb, NULL, 0, NB_POOL_MAX);
    assert_non_null(big);
    assert_null(nb_alloc(&sb, big, NB_POOL_MAX, 0));
    carved = sb.pool.next;
    for (i = 0; i < n; i++) {
        small[i] = nb_alloc(&sb, NULL, 0, 40);       /* class 48 */
        assert_non_null(small[i]);
        assert_true(small[i] >= big && small[i] + 48 <= big + NB_POOL_MAX);
        memset(small[i], (int)i, 40);
    }
    assert_ptr_equal(sb.pool.next, carved);          /* nothing carved */
    for (i = 1; i < n; i++) assert_true(small[i] != small[i - 1]);
    /* what is left over (512 - 10 * 48 = 32 bytes) waits in its own class */
    rest = nb_alloc(&sb, NULL, 0, NB_POOL_MAX - n * 48);
    assert_ptr_equal(rest, big + n * 48);
    assert_ptr_equal(sb.pool.next, carved);
    /* with no largest block free, a block is carved again */
    assert_ptr_equal(nb_alloc(&sb, NULL, 0, 40), carved);
    assert_ptr_equal(sb.pool.next, carved + 48);
    assert_null(nb_alloc(&sb, carved, 40, 0));
    assert_null(nb_alloc(&sb, rest, NB_POOL_MAX - n * 48, 0));
    for (i = 0; i < n; i++) assert_null(nb_alloc(&sb, small[i], 40, 0));
    assert_null(nb_alloc(&sb, keep, 16, 0));
    assert_int_equal(sb.used, 0);
    assert_null(sb.pool.base);
}

static void growing_to_a_class_cuts_a_freed_largest_block_too(void **state) {
    nb_sandbox sb;
    char *keep, *big, *grown, *carved;
    (void)state;
    if (!NB_POOLED) skip();
    nb_sandbox_init(&sb);
    keep = nb_alloc(&sb, NULL, 0, 16);
    big = nb_alloc(&sb, NULL, 0, NB_POOL_MAX);
    assert_null(nb_alloc(&sb, big, NB_POOL_MAX, 0));
    carved = sb.pool.next;
    grown = nb_alloc(&sb, keep, 16, 100);            /* resized: a block of class 112 */
    assert_ptr_equal(grown, big);
    assert_ptr_equal(sb.pool.next, carved);
    assert_null(nb_alloc(&sb, grown, 100, 0));
    assert_int_equal(sb.used, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_freed_largest_block_is_cut_before_the_region_is_carved),
        cmocka_unit_test(growing_to_a_class_cuts_a_freed_largest_block_too),
    };
    return cmocka_run_group_tests_name("nb_pool_split", tests, NULL, NULL);
}
