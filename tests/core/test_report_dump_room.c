/* nb_report_dump given a buffer too small: it counts what it needs and
** writes nothing past cap; given room, the same bytes whatever it was given
** before (the Lua side guesses the size and calls again when short). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "nb.h"

static void a_dump_counts_past_its_room_and_writes_only_within_it(void **state) {
    nb_schema *s = nb_schema_new();
    nb_report *r, *back;
    nb_span at = { 12, 5, 4321 }, nowhere = { 0, 0, 0 };
    nb_num n = { 1234567, 2 };
    size_t need, cap, i;
    unsigned char *whole, *part;
    char id[16];
    (void)state;
    assert_non_null(s);
    for (i = 0; i < 200; i++) {
        snprintf(id, sizeof id, "t.c%zu", i);
        assert_true(nb_schema_add(s, id, NB_KIND_COUNT) >= 0);
    }
    r = nb_report_new(s);
    assert_non_null(r);
    for (i = 0; i < 200; i += 3)
        assert_int_equal(nb_report_set_cell(r, i, i % 2 ? NB_CELL_TEXT : NB_CELL_NUMBER, n,
                                            i % 5 ? "一段文字" : NULL, i % 7 ? at : nowhere), NB_OK);
    need = nb_report_dump(r, NULL, 0);
    assert_true(need > 20);
    whole = malloc(need);
    part = malloc(need + 8);
    assert_non_null(whole);
    assert_non_null(part);
    assert_int_equal(nb_report_dump(r, whole, need), need);
    for (cap = 0; cap < need; cap++) {
        memset(part, 0xAB, need + 8);
        assert_int_equal(nb_report_dump(r, part, cap), need);
        for (i = cap; i < need + 8; i++) assert_int_equal(part[i], 0xAB);
        /* and with room after a short one: the same bytes */
        assert_int_equal(nb_report_dump(r, part, need + 8), need);
        assert_memory_equal(part, whole, need);
    }
    back = nb_report_new(s);
    assert_non_null(back);
    assert_int_equal(nb_report_load(back, whole, need), NB_OK);
    for (i = 0; i < 200; i++) {
        const nb_cell *a = nb_report_cell(r, i), *b = nb_report_cell(back, i);
        assert_int_equal(a->state, b->state);
        if (a->text) assert_string_equal(a->text, b->text); else assert_null(b->text);
        assert_true(a->span.line == b->span.line && a->span.offset == b->span.offset);
    }
    nb_report_free(back);
    free(whole);
    free(part);
    nb_report_free(r);
    nb_schema_free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_dump_counts_past_its_room_and_writes_only_within_it),
    };
    return cmocka_run_group_tests_name("nb_report_dump_room", tests, NULL, NULL);
}
