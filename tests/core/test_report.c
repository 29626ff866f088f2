/* The report model: schema ids, cells with state and place, copies, and
** the findings list. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "nb.h"

static void a_schema_finds_every_id_it_holds_and_no_other(void **state) {
    nb_schema *s = nb_schema_new();
    char id[32];
    long i;
    (void)state;
    assert_non_null(s);
    for (i = 0; i < 1000; i++) {          /* grows past several rehashes */
        snprintf(id, sizeof id, "t3.row%ld.np", i);
        assert_int_equal(nb_schema_add(s, id, NB_KIND_COUNT), i);
    }
    assert_int_equal(nb_schema_add(s, "t3.row7.np", NB_KIND_MONEY), 7);   /* again: same index */
    assert_int_equal(nb_schema_kind(s, 7), NB_KIND_COUNT);
    for (i = 0; i < 1000; i++) {
        snprintf(id, sizeof id, "t3.row%ld.np", i);
        assert_int_equal(nb_schema_find(s, id), i);
        assert_string_equal(nb_schema_id(s, (size_t)i), id);
    }
    assert_int_equal(nb_schema_find(s, "t3.row1000.np"), -1);
    assert_int_equal(nb_schema_count(s), 1000);
    nb_schema_free(s);
}

static void a_new_report_has_every_cell_missing_never_zero(void **state) {
    nb_schema *s = nb_schema_new();
    nb_report *r;
    (void)state;
    nb_schema_add(s, "t2.fee.amount", NB_KIND_MONEY);
    nb_schema_add(s, "t4.rv.total", NB_KIND_COUNT);
    r = nb_report_new(s);
    assert_non_null(r);
    assert_int_equal(nb_report_cell(r, 0)->state, NB_CELL_MISSING);
    assert_int_equal(nb_report_cell(r, 1)->state, NB_CELL_MISSING);
    assert_null(nb_report_cell(r, 2));
    nb_report_free(r);
    nb_schema_free(s);
}

static void a_cell_keeps_its_value_text_and_place(void **state) {
    nb_schema *s = nb_schema_new();
    nb_report *r;
    nb_span at = { 76, 3, 1234 };
    nb_num n = { 961716, 1 };
    const nb_cell *c;
    (void)state;
    nb_schema_add(s, "t2.fee.amount", NB_KIND_MONEY);
    r = nb_report_new(s);
    assert_int_equal(nb_report_set_cell(r, 0, NB_CELL_NUMBER, n, "96171.6", at), NB_OK);
    c = nb_report_cell(r, 0);
    assert_int_equal(c->state, NB_CELL_NUMBER);
    assert_int_equal(c->num.units, 961716);
    assert_string_equal(c->text, "96171.6");
    assert_int_equal(c->span.line, 76);
    assert_int_equal(c->span.col, 3);
    assert_int_equal(nb_report_set_cell(r, 0, NB_CELL_MARKER, n, "/", at), NB_OK);
    assert_int_equal(nb_report_cell(r, 0)->num.units, 0);   /* a marker has no number */
    assert_int_equal(nb_report_set_cell(r, 5, NB_CELL_BLANK, n, NULL, at), NB_ENOTFOUND);
    nb_report_free(r);
    nb_schema_free(s);
}

static void a_text_of_a_length_is_kept_as_the_c_string_it_starts(void **state) {
    nb_schema *s = nb_schema_new();
    nb_report *r;
    nb_span at = { 2, 1, 9 };
    const char bytes[] = "12\x01\x7F" "3\0tail";
    (void)state;
    nb_schema_add(s, "t.a", NB_KIND_COUNT);
    r = nb_report_new(s);
    /* not NUL-terminated at len: only len bytes are read */
    assert_int_equal(nb_report_set_cell_n(r, 0, NB_CELL_TEXT, nb_num_int(0), bytes, 2, at), NB_OK);
    assert_string_equal(nb_report_cell(r, 0)->text, "12");
    /* control characters made printable, as nb_report_set_cell does */
    assert_int_equal(nb_report_set_cell_n(r, 0, NB_CELL_TEXT, nb_num_int(0), bytes, 5, at), NB_OK);
    assert_string_equal(nb_report_cell(r, 0)->text, "12??3");
    /* a NUL among the bytes ends the text there */
    assert_int_equal(nb_report_set_cell_n(r, 0, NB_CELL_TEXT, nb_num_int(0), bytes, sizeof bytes - 1, at), NB_OK);
    assert_string_equal(nb_report_cell(r, 0)->text, "12??3");
    assert_int_equal(nb_report_set_cell_n(r, 0, NB_CELL_BLANK, nb_num_int(0), bytes, 0, at), NB_OK);
    assert_string_equal(nb_report_cell(r, 0)->text, "");
    assert_int_equal(nb_report_set_cell_n(r, 0, NB_CELL_MISSING, nb_num_int(0), NULL, 7, at), NB_OK);
    assert_null(nb_report_cell(r, 0)->text);
    assert_int_equal(nb_report_set_cell_n(r, 1, NB_CELL_BLANK, nb_num_int(0), bytes, 2, at), NB_ENOTFOUND);
    nb_report_free(r);
    nb_schema_free(s);
}

static void an_unknown_cell_is_kept_apart_from_missing_and_from_zero(void **state) {
    nb_schema *s = nb_schema_new();
    nb_report *r;
    nb_span at = { 12, 1, 300 };
    (void)state;
    nb_schema_add(s, "t2.nrm.valid", NB_KIND_COUNT);
    r = nb_report_new(s);
    assert_int_equal(nb_report_set_cell(r, 0, NB_CELL_UNKNOWN, nb_num_int(665), "693665", at), NB_OK);
    assert_int_equal(nb_report_cell(r, 0)->state, NB_CELL_UNKNOWN);
    assert_int_equal(nb_report_cell(r, 0)->num.units, 0);   /* no value is kept for it */
    assert_string_equal(nb_report_cell(r, 0)->text, "693665");
    nb_report_free(r);
    nb_schema_free(s);
}

static void a_copy_owns_its_cells(void **state) {
    nb_schema *s = nb_schema_new();
    nb_report *r, *c;
    nb_span at = { 3, 2, 10 };
    (void)state;
    nb_schema_add(s, "t4.rv.total", NB_KIND_COUNT);
    nb_schema_add(s, "t4.rv.upheld", NB_KIND_COUNT);
    r = nb_report_new(s);
    nb_report_set_cell(r, 0, NB_CELL_NUMBER, nb_num_int(7), "7", at);
    c = nb_report_copy(r);
    assert_non_null(c);
    nb_report_set_cell(r, 0, NB_CELL_NUMBER, nb_num_int(8), "8", at);
    assert_int_equal(nb_report_cell(c, 0)->num.units, 7);
    assert_string_equal(nb_report_cell(c, 0)->text, "7");
    assert_int_equal(nb_report_cell(c, 1)->state, NB_CELL_MISSING);
    nb_report_free(r);                      /* the copy outlives the original */
    assert_int_equal(nb_report_cell(c, 0)->span.line, 3);
    nb_report_free(c);
    nb_schema_free(s);
}

/* Each set counts, a load's cells too (even a value set again as it was:
** the count says only that nothing changed while it stays); a copy starts
** its own count, and a set that fails counts nothing. */
static void every_set_of_a_cell_is_counted(void **state) {
    nb_schema *s = nb_schema_new();
    nb_report *r, *c, *back;
    nb_span at = { 1, 1, 0 };
    unsigned char bytes[256];
    size_t len;
    (void)state;
    nb_schema_add(s, "a", NB_KIND_COUNT);
    nb_schema_add(s, "b", NB_KIND_COUNT);
    r = nb_report_new(s);
    assert_int_equal(nb_report_sets(r), 0);
    nb_report_set_cell(r, 0, NB_CELL_NUMBER, nb_num_int(7), "7", at);
    assert_int_equal(nb_report_sets(r), 1);
    nb_report_set_cell(r, 0, NB_CELL_NUMBER, nb_num_int(7), "7", at);
    nb_report_set_cell_n(r, 1, NB_CELL_BLANK, nb_num_int(0), "-", 1, at);
    assert_int_equal(nb_report_sets(r), 3);
    assert_int_equal(nb_report_set_cell(r, 2, NB_CELL_NUMBER, nb_num_int(1), "1", at), NB_ENOTFOUND);
    assert_int_equal(nb_report_sets(r), 3);
    assert_int_equal(nb_report_cell(r, 0)->num.units, 7);   /* a read counts nothing */
    assert_int_equal(nb_report_sets(r), 3);
    c = nb_report_copy(r);
    assert_non_null(c);
    assert_int_equal(nb_report_sets(c), 0);
    len = nb_report_dump(r, bytes, sizeof bytes);
    assert_true(len > 0 && len <= sizeof bytes);
    back = nb_report_new(s);
    assert_int_equal(nb_report_load(back, bytes, len), NB_OK);
    assert_int_equal(nb_report_sets(back), 2);
    nb_report_free(back);
    nb_report_free(c);
    nb_report_free(r);
    nb_schema_free(s);
}

static void a_cell_is_what_its_state_says_and_a_number_its_sign_and_fraction(void **state) {
    nb_schema *s = nb_schema_new();
    nb_report *r;
    nb_span at = { 1, 1, 0 };
    nb_num minus_half = { -5, 1 }, three = { 300, 2 }, minus_two = { -2, 0 };
    unsigned bad = NB_CELL_NEGATIVE | NB_CELL_FRACTION;
    (void)state;
    nb_schema_add(s, "a", NB_KIND_COUNT);
    nb_schema_add(s, "b", NB_KIND_COUNT);
    nb_schema_add(s, "c", NB_KIND_COUNT);
    nb_schema_add(s, "d", NB_KIND_COUNT);
    r = nb_report_new(s);
    nb_report_set_cell(r, 0, NB_CELL_NUMBER, minus_half, "-0.5", at);
    nb_report_set_cell(r, 1, NB_CELL_NUMBER, three, "3.00", at);
    nb_report_set_cell(r, 2, NB_CELL_NUMBER, minus_two, "-2", at);
    nb_report_set_cell(r, 3, NB_CELL_MARKER, nb_num_int(-1), "-", at);
    assert_true(nb_cell_is(nb_report_cell(r, 0), NB_CELL_NEGATIVE));
    assert_true(nb_cell_is(nb_report_cell(r, 0), NB_CELL_FRACTION));
    assert_false(nb_cell_is(nb_report_cell(r, 1), bad));           /* 3.00 is whole */
    assert_true(nb_cell_is(nb_report_cell(r, 2), NB_CELL_NEGATIVE));
    assert_false(nb_cell_is(nb_report_cell(r, 2), NB_CELL_FRACTION));
    assert_false(nb_cell_is(nb_report_cell(r, 3), bad));           /* a marker is no number */
    assert_true(nb_cell_is(nb_report_cell(r, 3), NB_CELL_IS(NB_CELL_MARKER)));
    assert_false(nb_cell_is(nb_report_cell(r, 3), NB_CELL_IS(NB_CELL_BLANK) | NB_CELL_IS(NB_CELL_NUMBER)));
    assert_true(nb_cell_is(nb_report_cell(r, 1), NB_CELL_IS(NB_CELL_BLANK) | NB_CELL_IS(NB_CELL_NUMBER)));
    assert_false(nb_cell_is(nb_report_cell(r, 4), ~0u));            /* no such cell: nothing */
    assert_false(nb_cell_is(nb_report_cell(r, 0), 0));              /* asked nothing: nothing */
    nb_report_free(r);
    nb_schema_free(s);
}

static void findings_copy_their_strings_and_sort_stably_by_place(void **state) {
    nb_findings *l = nb_findings_new();
    char rule[16] = "r.one";
    const char *cells[] = { "t3.new.np", "t3.next.np" };
    nb_finding f;
    (void)state;
    memset(&f, 0, sizeof f);
    f.rule = rule; f.message = "m1"; f.line = 9; f.col = 1;
    f.cells = (char **)cells; f.ncells = 2; f.expected = "6"; f.found = "7";
    assert_int_equal(nb_findings_add(l, &f), NB_OK);
    strcpy(rule, "r.two");                   /* the list holds its own copy */
    f.message = "m2"; f.line = 3; f.severity = NB_SEV_WARNING; f.cells = NULL; f.ncells = 0;
    assert_int_equal(nb_findings_add(l, &f), NB_OK);
    f.message = "m3"; f.line = 3; f.severity = NB_SEV_INFO;
    assert_int_equal(nb_findings_add(l, &f), NB_OK);
    f.message = "m0"; f.line = 0;            /* whole-file findings come first */
    assert_int_equal(nb_findings_add(l, &f), NB_OK);
    assert_int_equal(nb_findings_sort(l), NB_OK);
    assert_string_equal(nb_findings_at(l, 0)->message, "m0");
    assert_string_equal(nb_findings_at(l, 1)->message, "m2");
    assert_string_equal(nb_findings_at(l, 2)->message, "m3");
    assert_string_equal(nb_findings_at(l, 3)->rule, "r.one");
    assert_string_equal(nb_findings_at(l, 3)->cells[1], "t3.next.np");
    assert_int_equal(nb_findings_tally(l, NB_SEV_INFO), 2);
    assert_int_equal(nb_findings_tally(l, NB_SEV_ERROR), 1);
    assert_int_equal(nb_severity_parse("warning"), NB_SEV_WARNING);
    assert_int_equal(nb_severity_parse("fatal"), -1);
    nb_findings_free(l);
    nb_findings_free(NULL);
    nb_report_free(NULL);
    nb_schema_free(NULL);
}

static void a_finding_keeps_valid_text_and_replaces_each_bad_byte(void **state) {
    nb_findings *l = nb_findings_new();
    nb_finding f;
    (void)state;
    memset(&f, 0, sizeof f);
    f.rule = "r";
    /* ASCII, CJK, a 4-byte character, DEL, an overlong '/', a surrogate, a lone
    ** continuation byte, a C1 control, and a character cut off at the end */
    f.message = "ab 表三\xf0\x9f\x98\x80\x7f\xc0\xaf\xed\xa0\x80\x80\xc2\x85~\xe8\xa1";
    f.quote = "\r\n\t";
    assert_int_equal(nb_findings_add(l, &f), NB_OK);
    assert_string_equal(nb_findings_at(l, 0)->message,
                        "ab 表三\xf0\x9f\x98\x80\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
                        "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd~"
                        "\xef\xbf\xbd\xef\xbf\xbd");
    assert_string_equal(nb_findings_at(l, 0)->quote, "   ");
    nb_findings_free(l);
}

static void three_byte_characters_are_kept_and_their_bad_forms_replaced(void **state) {
    nb_findings *l = nb_findings_new();
    nb_finding f;
    (void)state;
    memset(&f, 0, sizeof f);
    f.rule = "r";
    /* U+E000, U+FFFF, U+D7FF (led by ED), an overlong '/' led by E0, an E1
    ** with a bad second byte, and an E1 cut off after one more byte */
    f.message = "\xee\x80\x80\xef\xbf\xbf\xed\x9f\xbf\xe0\x80\xaf\xe1\x41\x80\xe1\x80";
    assert_int_equal(nb_findings_add(l, &f), NB_OK);
    assert_string_equal(nb_findings_at(l, 0)->message,
                        "\xee\x80\x80\xef\xbf\xbf\xed\x9f\xbf"
                        "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
                        "\xef\xbf\xbd" "A" "\xef\xbf\xbd"
                        "\xef\xbf\xbd\xef\xbf\xbd");
    nb_findings_free(l);
}

/* dump the cells of r, load them into a new report of schema s: status */
static int dump_and_load(const nb_report *r, const nb_schema *s, nb_report **out) {
    size_t n = nb_report_dump(r, NULL, 0);
    unsigned char *bytes = malloc(n);
    int st;
    assert_non_null(bytes);
    assert_int_equal(nb_report_dump(r, bytes, n), n);
    *out = nb_report_new(s);
    assert_non_null(*out);
    st = nb_report_load(*out, bytes, n);
    free(bytes);
    return st;
}

static void a_dump_loads_back_the_same_cells_in_a_report_of_its_schema_only(void **state) {
    nb_schema *s = nb_schema_new(), *other = nb_schema_new(), *grown = nb_schema_new();
    nb_report *r, *back;
    nb_span at = { 76, 3, 1234 }, nowhere = { 0, 0, 0 };
    nb_num n = { -961716, 2 };
    size_t i, len;
    unsigned char *bytes;
    (void)state;
    nb_schema_add(s, "t.a", NB_KIND_MONEY);
    nb_schema_add(s, "t.b", NB_KIND_COUNT);
    nb_schema_add(s, "t.c", NB_KIND_COUNT);
    nb_schema_add(s, "t.d", NB_KIND_COUNT);
    nb_schema_add(other, "t.b", NB_KIND_COUNT);       /* the same ids, another order */
    nb_schema_add(other, "t.a", NB_KIND_MONEY);
    nb_schema_add(other, "t.c", NB_KIND_COUNT);
    nb_schema_add(other, "t.d", NB_KIND_COUNT);
    nb_schema_add(grown, "t.a", NB_KIND_MONEY);
    assert_int_not_equal(nb_schema_print(s), nb_schema_print(other));
    r = nb_report_new(s);
    assert_int_equal(nb_report_set_cell(r, 0, NB_CELL_NUMBER, n, "-9617.16", at), NB_OK);
    assert_int_equal(nb_report_set_cell(r, 2, NB_CELL_MISSING, n, "见附件", nowhere), NB_OK);
    assert_int_equal(nb_report_set_cell(r, 3, NB_CELL_BLANK, n, NULL, at), NB_OK);
    assert_int_equal(dump_and_load(r, s, &back), NB_OK);
    for (i = 0; i < 4; i++) {
        const nb_cell *a = nb_report_cell(r, i), *b = nb_report_cell(back, i);
        assert_int_equal(a->state, b->state);
        assert_true(a->num.units == b->num.units && a->num.scale == b->num.scale);
        if (a->text) assert_string_equal(a->text, b->text); else assert_null(b->text);
        assert_true(a->span.line == b->span.line && a->span.col == b->span.col &&
                    a->span.offset == b->span.offset);
    }
    /* a loaded cell set again, and the report freed, free their texts once */
    assert_int_equal(nb_report_set_cell(back, 0, NB_CELL_TEXT, n, "x", at), NB_OK);
    assert_int_equal(nb_report_set_cell(back, 2, NB_CELL_TEXT, n, "y", at), NB_OK);
    nb_report_free(back);
    assert_int_equal(dump_and_load(r, other, &back), NB_ESYNTAX);
    nb_report_free(back);
    nb_schema_add(grown, "t.b", NB_KIND_COUNT);
    assert_int_equal(dump_and_load(r, grown, &back), NB_ESYNTAX);
    nb_report_free(back);
    /* cut short anywhere, or a byte past: refused, never read past */
    len = nb_report_dump(r, NULL, 0);
    bytes = malloc(len + 1);
    assert_non_null(bytes);
    nb_report_dump(r, bytes, len);
    for (i = 0; i < len; i++) {
        back = nb_report_new(s);
        assert_int_equal(nb_report_load(back, bytes, i), NB_ESYNTAX);
        nb_report_free(back);
    }
    bytes[len] = 0;
    back = nb_report_new(s);
    assert_int_equal(nb_report_load(back, bytes, len + 1), NB_ESYNTAX);
    /* a second load into one report takes the texts apart */
    assert_int_equal(nb_report_load(back, bytes, len), NB_OK);
    assert_string_equal(nb_report_cell(back, 2)->text, "见附件");
    nb_report_free(back);
    free(bytes);
    nb_report_free(r);
    nb_schema_free(s);
    nb_schema_free(other);
    nb_schema_free(grown);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(three_byte_characters_are_kept_and_their_bad_forms_replaced),
        cmocka_unit_test(a_schema_finds_every_id_it_holds_and_no_other),
        cmocka_unit_test(a_new_report_has_every_cell_missing_never_zero),
        cmocka_unit_test(a_cell_keeps_its_value_text_and_place),
        cmocka_unit_test(a_text_of_a_length_is_kept_as_the_c_string_it_starts),
        cmocka_unit_test(an_unknown_cell_is_kept_apart_from_missing_and_from_zero),
        cmocka_unit_test(a_copy_owns_its_cells),
        cmocka_unit_test(every_set_of_a_cell_is_counted),
        cmocka_unit_test(a_dump_loads_back_the_same_cells_in_a_report_of_its_schema_only),
        cmocka_unit_test(a_cell_is_what_its_state_says_and_a_number_its_sign_and_fraction),
        cmocka_unit_test(findings_copy_their_strings_and_sort_stably_by_place),
        cmocka_unit_test(a_finding_keeps_valid_text_and_replaces_each_bad_byte),
    };
    return cmocka_run_group_tests_name("nb_report", tests, NULL, NULL);
}
