/* A schema given room ahead (a format adds its ids all at once) holds and
** finds every id as one grown id by id does: the same indices, kinds and
** print, and room asked for again, or for none, changes nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "nb.h"

static void a_schema_with_room_holds_what_one_grown_holds(void **state) {
    nb_schema *grown = nb_schema_new(), *roomy = nb_schema_new();
    char id[32];
    long i;
    (void)state;
    assert_non_null(grown);
    assert_non_null(roomy);
    assert_int_equal(nb_schema_reserve(roomy, 0), NB_OK);
    assert_int_equal(nb_schema_add(roomy, "t1.first", NB_KIND_MONEY), 0);
    assert_int_equal(nb_schema_add(grown, "t1.first", NB_KIND_MONEY), 0);
    assert_int_equal(nb_schema_reserve(roomy, 3000), NB_OK);
    assert_int_equal(nb_schema_reserve(roomy, 10), NB_OK);      /* within the room: nothing */
    for (i = 1; i <= 3000; i++) {
        snprintf(id, sizeof id, "t3.row%ld.np", i);
        assert_int_equal(nb_schema_add(roomy, id, i % 3 ? NB_KIND_COUNT : NB_KIND_MONEY), i);
        assert_int_equal(nb_schema_add(grown, id, i % 3 ? NB_KIND_COUNT : NB_KIND_MONEY), i);
    }
    assert_int_equal(nb_schema_add(roomy, "t3.row7.np", NB_KIND_MONEY), 7);   /* again: same index */
    assert_int_equal(nb_schema_count(roomy), nb_schema_count(grown));
    assert_true(nb_schema_print(roomy) == nb_schema_print(grown));
    for (i = 0; i <= 3000; i++) {
        const char *name = nb_schema_id(grown, (size_t)i);
        assert_string_equal(nb_schema_id(roomy, (size_t)i), name);
        assert_int_equal(nb_schema_find(roomy, name), i);
        assert_int_equal(nb_schema_kind(roomy, (size_t)i), nb_schema_kind(grown, (size_t)i));
    }
    assert_int_equal(nb_schema_find(roomy, "t3.row3001.np"), -1);
    assert_int_equal(nb_schema_reserve(roomy, SIZE_MAX), NB_ENOMEM);     /* no such room: refused */
    assert_int_equal(nb_schema_count(roomy), 3001);
    assert_int_equal(nb_schema_find(roomy, "t3.row2999.np"), 2999);
    nb_schema_free(grown);
    nb_schema_free(roomy);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_schema_with_room_holds_what_one_grown_holds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
