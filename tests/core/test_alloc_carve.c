/* New small blocks are carved from the pool's region in nb_alloc itself
** when their class's list is empty: one after another, each its class's
** size, under the running call's limits, and from malloc once the region
** is used up. */
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

static void blocks_are_carved_in_order_each_its_class_size(void **state) {
    enum { N = NB_POOL_MAX };
    nb_sandbox sb;
    char *block[N + 1];
    size_t n, total = 0;
    (void)state;
    if (!NB_POOLED) skip();
    nb_sandbox_init(&sb);
    for (n = 1; n <= N; n++) {
        block[n] = nb_alloc(&sb, NULL, LUA_TSTRING, n);
        assert_non_null(block[n]);
        if (n > 1) assert_ptr_equal(block[n], block[n - 1] + ((n - 1 + 15) / 16) * 16);
        memset(block[n], (int)n, n);
        total += n;
        assert_int_equal(sb.used, total);
    }
    assert_ptr_equal(sb.pool.next, block[N] + N);
    for (n = 1; n <= N; n++) assert_null(nb_alloc(&sb, block[n], n, 0));
    assert_int_equal(sb.used, 0);
    assert_null(sb.pool.base);
}

static void carving_keeps_to_the_cap_and_leaves_a_used_region_for_malloc(void **state) {
    nb_sandbox sb;
    char *a, *b, *c, *end;
    (void)state;
    if (!NB_POOLED) skip();
    nb_sandbox_init(&sb);
    a = nb_alloc(&sb, NULL, 0, 16);                  /* maps the region */
    assert_non_null(a);
    sb.active = 1;
    sb.limit = 16 + 100;
    b = nb_alloc(&sb, NULL, 0, 64);                  /* carved within the cap */
    assert_ptr_equal(b, a + 16);
    assert_int_equal(sb.churn, 64);
    assert_null(nb_alloc(&sb, NULL, 0, 64));         /* 144 > 116: refused, nothing carved */
    assert_ptr_equal(sb.pool.next, b + 64);
    assert_int_equal(sb.used, 80);
    sb.tripped = NB_TRIP_BUDGET;                     /* as a trip leaves it (less the reserve) */
    sb.limit = sb.used;
    assert_null(nb_alloc(&sb, NULL, 0, 1));          /* a tripped call: no carving either */
    assert_ptr_equal(sb.pool.next, b + 64);
    sb.active = 0;
    sb.limit = 0;
    sb.tripped = NB_TRIP_NONE;
    end = sb.pool.end;
    sb.pool.end = sb.pool.next + 32;                 /* as if the region were nearly used up */
    c = nb_alloc(&sb, NULL, 0, 48);                  /* does not fit: from malloc */
    assert_non_null(c);
    assert_true(c < sb.pool.base || c >= end);
    assert_ptr_equal(sb.pool.next, b + 64);
    assert_int_equal(sb.used, 128);
    assert_null(nb_alloc(&sb, c, 48, 0));
    sb.pool.end = end;
    assert_null(nb_alloc(&sb, b, 64, 0));
    assert_null(nb_alloc(&sb, a, 16, 0));
    assert_int_equal(sb.used, 0);
    assert_null(sb.pool.base);
}

/* The kernel's huge-page setting: 0 when it gives none ("[never]"). */
static int huge_pages_on(void) {
    char line[128] = "";
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
    if (f == NULL) return 0;
    if (fgets(line, sizeof line, f) == NULL) line[0] = '\0';
    fclose(f);
    return line[0] != '\0' && strstr(line, "[never]") == NULL;
}

/* The flags (VmFlags) of the mapping that holds p, from /proc/self/smaps. */
static int mapping_flags(const void *p, char *flags, size_t size) {
    char line[512];
    int in = 0, found = 0;
    FILE *f = fopen("/proc/self/smaps", "r");
    if (f == NULL) return 0;
    while (!found && fgets(line, sizeof line, f) != NULL) {
        unsigned long from, to;
        if (sscanf(line, "%lx-%lx ", &from, &to) == 2)
            in = (uintptr_t)p >= from && (uintptr_t)p < to;
        else if (in && strncmp(line, "VmFlags:", 8) == 0) {
            snprintf(flags, size, "%s", line + 8);
            found = 1;
        }
    }
    fclose(f);
    return found;
}

/* Only the region's first megabytes, which start-up writes, are advised as
** huge pages: past them a batch's heap grows by pages as it is used. */
static void only_the_first_megabytes_are_advised_as_huge_pages(void **state) {
    nb_sandbox sb;
    char *a, flags[512];
    (void)state;
    if (!NB_POOLED || !huge_pages_on()) skip();
    nb_sandbox_init(&sb);
    a = nb_alloc(&sb, NULL, 0, 16);                  /* maps the region */
    assert_non_null(a);
    assert_ptr_equal(a, sb.pool.base);
    assert_true(mapping_flags(a, flags, sizeof flags));
    assert_non_null(strstr(flags, " hg"));
    assert_true(mapping_flags(sb.pool.end - 16, flags, sizeof flags));
    assert_null(strstr(flags, " hg"));
    assert_null(nb_alloc(&sb, a, 16, 0));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(blocks_are_carved_in_order_each_its_class_size),
        cmocka_unit_test(carving_keeps_to_the_cap_and_leaves_a_used_region_for_malloc),
        cmocka_unit_test(only_the_first_megabytes_are_advised_as_huge_pages),
    };
    return cmocka_run_group_tests_name("nb_alloc_carve", tests, NULL, NULL);
}
