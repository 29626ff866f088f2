/* A dump holds every cell the report holds and no other, wherever the
** cells fall among the words of its ready bits: the first and last of a
** word, a word with none, the schema's last cell, cells set missing with
** nothing else (not held). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "nb.h"

#define CELLS 300

/* cells set in r: i % 7 == 3 or on a word's edge, but none of 128..255 */
static int is_set(size_t i) {
    if (i >= 128 && i < 256) return 0;
    return i % 7 == 3 || i % 64 == 0 || i % 64 == 63 || i == CELLS - 1;
}

static void every_held_cell_is_dumped_and_loaded_back_and_no_other(void **state) {
    nb_schema *s = nb_schema_new();
    nb_report *r, *back;
    nb_span at = { 5, 2, 40 }, nowhere = { 0, 0, 0 };
    nb_num n = { 12, 0 };
    size_t i, len, want = 20;           /* the head */
    unsigned char *bytes;
    char id[32], text[32];
    (void)state;
    assert_non_null(s);
    for (i = 0; i < CELLS; i++) {
        snprintf(id, sizeof id, "t.c%zu", i);
        nb_schema_add(s, id, NB_KIND_COUNT);
    }
    r = nb_report_new(s);
    assert_non_null(r);
    for (i = 0; i < CELLS; i++) {
        if (!is_set(i)) continue;
        if (i % 3 == 0) {               /* missing, nothing else: not held */
            assert_int_equal(nb_report_set_cell(r, i, NB_CELL_MISSING, n, NULL, nowhere), NB_OK);
        } else if (i % 3 == 1) {        /* a number, its text and place */
            snprintf(text, sizeof text, "%zu", i);
            assert_int_equal(nb_report_set_cell(r, i, NB_CELL_NUMBER, n, text, at), NB_OK);
            want += 5 + 9 + 4 + strlen(text) + 16;
        } else {                        /* a blank with a place only */
            assert_int_equal(nb_report_set_cell(r, i, NB_CELL_BLANK, n, NULL, at), NB_OK);
            want += 5 + 16;
        }
    }
    len = nb_report_dump(r, NULL, 0);
    assert_int_equal(len, want);
    bytes = malloc(len);
    assert_non_null(bytes);
    assert_int_equal(nb_report_dump(r, bytes, len), len);
    back = nb_report_new(s);
    assert_non_null(back);
    assert_int_equal(nb_report_load(back, bytes, len), NB_OK);
    for (i = 0; i < CELLS; i++) {
        const nb_cell *a = nb_report_cell(r, i), *b = nb_report_cell(back, i);
        assert_int_equal(a->state, b->state);
        assert_true(b->state != NB_CELL_NUMBER || (a->num.units == b->num.units && a->num.scale == b->num.scale));
        if (a->text) assert_string_equal(a->text, b->text); else assert_null(b->text);
        assert_true(a->span.line == b->span.line && a->span.col == b->span.col &&
                    a->span.offset == b->span.offset);
    }
    free(bytes);
    nb_report_free(back);
    nb_report_free(r);
    /* a report that sets none: the head alone */
    r = nb_report_new(s);
    assert_int_equal(nb_report_dump(r, NULL, 0), 20);
    nb_report_free(r);
    nb_schema_free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_held_cell_is_dumped_and_loaded_back_and_no_other),
    };
    return cmocka_run_group_tests_name("nb_report dump", tests, NULL, NULL);
}
