/* The pool's region is advised as huge pages for its first megabytes
** alone, which start-up writes: past them a batch's heap grows by pages as
** it is used, not 2 MB at a time. */
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
        cmocka_unit_test(only_the_first_megabytes_are_advised_as_huge_pages),
    };
    return cmocka_run_group_tests_name("nb_pool_huge", tests, NULL, NULL);
}
