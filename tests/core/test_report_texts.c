/* A report's cell texts are carved from blocks it frees whole: each text
** stays as set, however many are set, short or long, set again or set
** to the text the cell holds, copied, or loaded over. */
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

/* The text of cell i in round k: lengths from empty to past a block. */
static void text_of(char *buf, size_t cap, int i, int k) {
    size_t len = (size_t)((i * 37 + k * 101) % 9000), j;
    if (i % 50 == 0) len = 5000 + (size_t)k;            /* some past a block of short texts */
    if (len >= cap) len = cap - 1;
    for (j = 0; j < len; j++) buf[j] = (char)('a' + (i + k + (int)j) % 26);
    buf[len] = '\0';
}

static void every_text_stays_as_set_through_resets_copies_and_loads(void **state) {
    nb_schema *s = nb_schema_new();
    nb_report *r, *c, *l;
    static char buf[10000];
    char id[32];
    nb_span span = { 1, 1, 0 };
    unsigned char *dump;
    size_t n;
    int i, k;
    (void)state;
    assert_non_null(s);
    for (i = 0; i < CELLS; i++) {
        snprintf(id, sizeof id, "t1.c%d", i);
        nb_schema_add(s, id, NB_KIND_COUNT);
    }
    r = nb_report_new(s);
    assert_non_null(r);
    for (k = 0; k < 3; k++)
        for (i = 0; i < CELLS; i++) {
            text_of(buf, sizeof buf, i, k);
            assert_int_equal(nb_report_set_cell_n(r, (size_t)i, NB_CELL_TEXT, nb_num_int(0), buf, strlen(buf), span),
                             NB_OK);
        }
    /* a cell set to the text it holds keeps it */
    assert_int_equal(nb_report_set_cell(r, 3, NB_CELL_TEXT, nb_num_int(0), nb_report_cell(r, 3)->text, span), NB_OK);
    assert_int_equal(nb_report_set_cell(r, 4, NB_CELL_BLANK, nb_num_int(0), NULL, span), NB_OK);
    c = nb_report_copy(r);
    assert_non_null(c);
    n = nb_report_dump(r, NULL, 0);
    dump = malloc(n);
    assert_non_null(dump);
    nb_report_dump(r, dump, n);
    l = nb_report_new(s);
    assert_non_null(l);
    text_of(buf, sizeof buf, 7, 9);
    assert_int_equal(nb_report_set_cell(l, 7, NB_CELL_TEXT, nb_num_int(0), buf, span), NB_OK);
    assert_int_equal(nb_report_load(l, dump, n), NB_OK);
    assert_int_equal(nb_report_load(l, dump, n), NB_OK);        /* a second load: set one by one */
    for (i = 0; i < CELLS; i++) {
        if (i == 4) {
            assert_null(nb_report_cell(r, 4)->text);
            assert_null(nb_report_cell(c, 4)->text);
            assert_null(nb_report_cell(l, 4)->text);
            continue;
        }
        text_of(buf, sizeof buf, i, 2);
        assert_string_equal(nb_report_cell(r, (size_t)i)->text, buf);
        assert_string_equal(nb_report_cell(c, (size_t)i)->text, buf);
        assert_string_equal(nb_report_cell(l, (size_t)i)->text, buf);
        assert_ptr_not_equal(nb_report_cell(c, (size_t)i)->text, nb_report_cell(r, (size_t)i)->text);
    }
    free(dump);
    nb_report_free(r);
    assert_string_equal(nb_report_cell(c, 10)->text, (text_of(buf, sizeof buf, 10, 2), buf));   /* the copy's own */
    nb_report_free(c);
    nb_report_free(l);
    nb_schema_free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_text_stays_as_set_through_resets_copies_and_loads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
