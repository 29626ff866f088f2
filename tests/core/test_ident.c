/* Identities: parsing, expansion over a schema, exact evaluation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "nb.h"

static const char *const columns[] = { "np", "total" };
static const char *const rows[] = { "new", "carried", "result.public", "result.deny.secret",
                                    "result.deny.law", "result.total", "next" };

typedef struct fixture { nb_schema *s; nb_report *r; } fixture;

static int setup(void **state) {
    static fixture f;
    char id[64];
    size_t i, j;
    f.s = nb_schema_new();
    for (i = 0; i < sizeof rows / sizeof *rows; i++)
        for (j = 0; j < 2; j++) {
            snprintf(id, sizeof id, "t3.%s.%s", rows[i], columns[j]);
            nb_schema_add(f.s, id, NB_KIND_COUNT);
        }
    f.r = nb_report_new(f.s);
    *state = &f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    nb_report_free(f->r);
    nb_schema_free(f->s);
    return 0;
}

static void put(fixture *f, const char *id, int64_t v) {
    nb_span at = { 1, 1, 0 };
    long k = nb_schema_find(f->s, id);
    assert_true(k >= 0);
    nb_report_set_cell(f->r, (size_t)k, NB_CELL_NUMBER, nb_num_int(v), NULL, at);
}

static nb_ident *compile(fixture *f, const char *expr) {
    char err[256] = "";
    nb_binding b = { "c", columns, 2 };
    nb_ident *id = nb_ident_compile(f->s, expr, &b, 1, err, sizeof err);
    if (id == NULL) fail_msg("%s", err);
    return id;
}

static void the_balance_holds_per_column_and_names_the_failing_one(void **state) {
    fixture *f = *state;
    nb_ident *id = compile(f, "t3.new.{c} + t3.carried.{c} = t3.result.total.{c} + t3.next.{c}");
    nb_ident_result res;
    size_t n;
    assert_int_equal(nb_ident_instances(id), 2);
    put(f, "t3.new.np", 5); put(f, "t3.carried.np", 1); put(f, "t3.result.total.np", 6);
    put(f, "t3.next.np", 0);
    put(f, "t3.new.total", 5); put(f, "t3.carried.total", 1); put(f, "t3.result.total.total", 6);
    put(f, "t3.next.total", 1);
    assert_int_equal(nb_ident_eval(id, 0, f->r, &res), NB_OK);
    assert_int_equal(res.outcome, NB_IDENT_HOLDS);
    assert_int_equal(nb_ident_eval(id, 1, f->r, &res), NB_OK);
    assert_int_equal(res.outcome, NB_IDENT_FAILS);
    assert_int_equal(res.lhs.units, 6);
    assert_int_equal(res.rhs.units, 7);
    assert_int_equal(res.diff.units, -1);
    assert_string_equal(nb_ident_value(id, 1, "c"), "total");
    nb_ident_terms(id, 1, &n);
    assert_int_equal(n, 4);
    nb_ident_free(id);
}

static void a_wildcard_sums_the_leaves_of_one_level(void **state) {
    fixture *f = *state;
    nb_ident *id = compile(f, "t3.result.total.{c} = t3.result.public.{c} + t3.result.deny.*.{c}");
    nb_ident_result res;
    size_t n;
    const nb_ident_term *t = nb_ident_terms(id, 0, &n);
    assert_int_equal(n, 4);   /* total, public, secret, law */
    assert_int_equal(t[3].side, 1);
    put(f, "t3.result.public.np", 2); put(f, "t3.result.deny.secret.np", 1);
    put(f, "t3.result.deny.law.np", 3); put(f, "t3.result.total.np", 6);
    assert_int_equal(nb_ident_eval(id, 0, f->r, &res), NB_OK);
    assert_int_equal(res.outcome, NB_IDENT_HOLDS);
    nb_ident_free(id);
}

/* A wildcard stands for one whole segment, empty or not; a written
** segment matches only itself (not a longer one it begins), and a
** pattern matches ids of its own depth only. */
static void a_wildcard_is_one_whole_segment_and_a_segment_only_itself(void **state) {
    fixture *f = *state;
    nb_binding b = { "c", columns, 2 };
    char err[256] = "";
    nb_ident *id;
    const nb_ident_term *t;
    size_t n;
    nb_schema_add(f->s, "t3.result.deny.lawful.np", NB_KIND_COUNT);
    nb_schema_add(f->s, "t3.result.deny.la.np.x", NB_KIND_COUNT);
    nb_schema_add(f->s, "t3.result.deny..np", NB_KIND_COUNT);
    assert_null(nb_ident_compile(f->s, "t3.new.np = t3.result.deny.la.*", &b, 1, err, sizeof err));
    assert_non_null(strstr(err, "matches no cell"));
    id = compile(f, "t3.result.total.np = t3.result.deny.*.np");
    t = nb_ident_terms(id, 0, &n);
    assert_int_equal(n, 5);
    assert_int_equal(t[1].cell, nb_schema_find(f->s, "t3.result.deny.secret.np"));
    assert_int_equal(t[2].cell, nb_schema_find(f->s, "t3.result.deny.law.np"));
    assert_int_equal(t[3].cell, nb_schema_find(f->s, "t3.result.deny.lawful.np"));
    assert_int_equal(t[4].cell, nb_schema_find(f->s, "t3.result.deny..np"));
    nb_ident_free(id);
    id = compile(f, "t3.*.np = t3.*.*.np");
    t = nb_ident_terms(id, 0, &n);
    assert_int_equal(n, 5);   /* new, carried, next = result.public, result.total */
    assert_int_equal(t[2].cell, nb_schema_find(f->s, "t3.next.np"));
    assert_int_equal(t[3].side, 1);
    assert_int_equal(t[3].cell, nb_schema_find(f->s, "t3.result.public.np"));
    assert_int_equal(t[4].cell, nb_schema_find(f->s, "t3.result.total.np"));
    nb_ident_free(id);
    id = compile(f, "t3.new.np = *.new.np");   /* a wildcard first: no written segment before it */
    t = nb_ident_terms(id, 0, &n);
    assert_int_equal(n, 2);
    assert_int_equal(t[1].cell, nb_schema_find(f->s, "t3.new.np"));
    nb_ident_free(id);
}

static void a_missing_cell_skips_the_instance_blank_and_marker_count_as_zero(void **state) {
    fixture *f = *state;
    nb_ident *id = compile(f, "t3.next.{c} = t3.new.{c} - t3.carried.{c}");
    nb_ident_result res;
    nb_span at = { 2, 1, 0 };
    long k;
    assert_int_equal(nb_ident_eval(id, 0, f->r, &res), NB_OK);
    assert_int_equal(res.outcome, NB_IDENT_SKIPPED);
    assert_int_equal(res.first_skipped, nb_schema_find(f->s, "t3.next.np"));
    put(f, "t3.next.np", 0); put(f, "t3.new.np", 0);
    k = nb_schema_find(f->s, "t3.carried.np");
    nb_report_set_cell(f->r, (size_t)k, NB_CELL_BLANK, nb_num_int(0), "", at);
    assert_int_equal(nb_ident_eval(id, 0, f->r, &res), NB_OK);
    assert_int_equal(res.outcome, NB_IDENT_HOLDS);
    nb_report_set_cell(f->r, (size_t)k, NB_CELL_TEXT, nb_num_int(0), "若干", at);
    assert_int_equal(nb_ident_eval(id, 0, f->r, &res), NB_OK);
    assert_int_equal(res.outcome, NB_IDENT_SKIPPED);
    nb_ident_free(id);
}

static void bad_identities_are_refused_with_a_reason(void **state) {
    fixture *f = *state;
    char err[256];
    nb_binding b = { "c", columns, 2 };
    struct { const char *expr, *why; } bad[] = {
        { "t3.new.np", "syntax" },
        { "t3.new.np = ", "syntax" },
        { "= t3.new.np", "syntax" },
        { "t3.new.np == t3.next.np", "syntax" },
        { "t3.new.np <= t3.next.np = t3.carried.np", "syntax" },
        { "t3.new.np < t3.next.np", "syntax" },
        { "t3..np = t3.next.np", "syntax" },
        { "t3.new.np + = t3.next.np", "syntax" },
        { "t3.new.{} = t3.next.np", "syntax" },
        { "t3.nwe.np = t3.next.np", "names no cell \"t3.nwe.np\"" },
        { "t3.new.{col} = t3.next.np", "no values are given for it" },
        { "t3.result.nothing.*.np = t3.next.np", "matches no cell" },
        { NULL, NULL }
    };
    int i;
    for (i = 0; bad[i].expr; i++) {
        err[0] = '\0';
        assert_null(nb_ident_compile(f->s, bad[i].expr, &b, 1, err, sizeof err));
        if (strstr(err, bad[i].why) == NULL) fail_msg("%s: %s", bad[i].expr, err);
    }
}

static void a_bound_holds_on_its_side_and_fails_past_it(void **state) {
    fixture *f = *state;
    nb_ident *le = compile(f, "t3.next.{c} <= t3.new.{c} + t3.carried.{c}");
    nb_ident *ge = compile(f, "t3.new.{c} + t3.carried.{c} \xE2\x89\xA5 t3.next.{c}");
    nb_ident_result res;
    assert_int_equal(nb_ident_relation_of(le), NB_REL_LE);
    assert_int_equal(nb_ident_relation_of(ge), NB_REL_GE);
    put(f, "t3.new.np", 3); put(f, "t3.carried.np", 1); put(f, "t3.next.np", 4);
    assert_int_equal(nb_ident_eval(le, 0, f->r, &res), NB_OK);
    assert_int_equal(res.outcome, NB_IDENT_HOLDS);          /* equal is within the bound */
    assert_int_equal(nb_ident_eval(ge, 0, f->r, &res), NB_OK);
    assert_int_equal(res.outcome, NB_IDENT_HOLDS);
    put(f, "t3.next.np", 5);
    assert_int_equal(nb_ident_eval(le, 0, f->r, &res), NB_OK);
    assert_int_equal(res.outcome, NB_IDENT_FAILS);
    assert_int_equal(res.lhs.units, 5);
    assert_int_equal(res.rhs.units, 4);
    nb_ident_free(le);
    nb_ident_free(ge);
}

static void an_unknown_cell_is_not_evaluated(void **state) {
    fixture *f = *state;
    nb_ident *id = compile(f, "t3.next.{c} = t3.new.{c}");
    nb_ident_result res;
    nb_span at = { 1, 1, 0 };
    put(f, "t3.new.np", 2);
    nb_report_set_cell(f->r, (size_t)nb_schema_find(f->s, "t3.next.np"), NB_CELL_UNKNOWN,
                       nb_num_int(0), "22", at);
    assert_int_equal(nb_ident_eval(id, 0, f->r, &res), NB_OK);
    assert_int_equal(res.outcome, NB_IDENT_SKIPPED);
    nb_ident_free(id);
}

static void too_many_instances_are_refused_not_allocated(void **state) {
    fixture *f = *state;
    static const char *many[1000];
    nb_binding b[3];
    char err[256] = "";
    int i;
    for (i = 0; i < 1000; i++) many[i] = "np";
    for (i = 0; i < 3; i++) b[i].values = many, b[i].count = 1000;
    b[0].name = "a"; b[1].name = "b"; b[2].name = "c";
    assert_null(nb_ident_compile(f->s, "t3.new.{a} = t3.next.{b} + t3.carried.{c}", b, 3, err, sizeof err));
    assert_non_null(strstr(err, "more than 100000 instances"));
}

static void a_sum_past_int64_is_an_error_not_a_wrong_answer(void **state) {
    fixture *f = *state;
    nb_ident *id = compile(f, "t3.result.total.{c} = t3.new.{c} + t3.carried.{c}");
    nb_ident_result res;
    put(f, "t3.new.np", INT64_MAX); put(f, "t3.carried.np", 1); put(f, "t3.result.total.np", 0);
    assert_int_equal(nb_ident_eval(id, 0, f->r, &res), NB_ERANGE);
    nb_ident_free(id);
}

static void put_num(fixture *f, const char *id, int64_t units, int scale) {
    nb_span at = { 1, 1, 0 };
    nb_num v = { units, scale };
    long k = nb_schema_find(f->s, id);
    assert_true(k >= 0);
    nb_report_set_cell(f->r, (size_t)k, NB_CELL_NUMBER, v, NULL, at);
}

/* a sum's terms of its own scale are added in place, others aligned: the
** same sums, and a subtraction past int64 is an error as an addition is */
static void sums_of_one_scale_and_of_several_are_exact(void **state) {
    fixture *f = *state;
    nb_ident *id = compile(f, "t3.result.total.{c} = t3.new.{c} + t3.carried.{c} - t3.next.{c}");
    nb_ident_result res;
    put_num(f, "t3.new.np", 15, 1); put_num(f, "t3.carried.np", 225, 2); put_num(f, "t3.next.np", 5, 1);
    put_num(f, "t3.result.total.np", 325, 2);
    assert_int_equal(nb_ident_eval(id, 0, f->r, &res), NB_OK);
    assert_int_equal(res.outcome, NB_IDENT_HOLDS);
    assert_int_equal(res.rhs.units, 325);
    assert_int_equal(res.rhs.scale, 2);
    put_num(f, "t3.new.total", 7, 0); put_num(f, "t3.carried.total", 8, 0); put_num(f, "t3.next.total", 20, 0);
    put_num(f, "t3.result.total.total", -5, 0);
    assert_int_equal(nb_ident_eval(id, 1, f->r, &res), NB_OK);
    assert_int_equal(res.outcome, NB_IDENT_HOLDS);
    assert_int_equal(res.rhs.units, -5);
    assert_int_equal(res.rhs.scale, 0);
    put_num(f, "t3.new.total", INT64_MIN, 0); put_num(f, "t3.carried.total", 0, 0); put_num(f, "t3.next.total", 1, 0);
    assert_int_equal(nb_ident_eval(id, 1, f->r, &res), NB_ERANGE);
    put_num(f, "t3.new.total", INT64_MAX, 0); put_num(f, "t3.next.total", -1, 0);
    assert_int_equal(nb_ident_eval(id, 1, f->r, &res), NB_ERANGE);
    nb_ident_free(id);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_balance_holds_per_column_and_names_the_failing_one, setup, teardown),
        cmocka_unit_test_setup_teardown(a_wildcard_sums_the_leaves_of_one_level, setup, teardown),
        cmocka_unit_test_setup_teardown(a_wildcard_is_one_whole_segment_and_a_segment_only_itself, setup, teardown),
        cmocka_unit_test_setup_teardown(a_missing_cell_skips_the_instance_blank_and_marker_count_as_zero, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_identities_are_refused_with_a_reason, setup, teardown),
        cmocka_unit_test_setup_teardown(a_bound_holds_on_its_side_and_fails_past_it, setup, teardown),
        cmocka_unit_test_setup_teardown(an_unknown_cell_is_not_evaluated, setup, teardown),
        cmocka_unit_test_setup_teardown(too_many_instances_are_refused_not_allocated, setup, teardown),
        cmocka_unit_test_setup_teardown(a_sum_past_int64_is_an_error_not_a_wrong_answer, setup, teardown),
        cmocka_unit_test_setup_teardown(sums_of_one_scale_and_of_several_are_exact, setup, teardown),
    };
    return cmocka_run_group_tests_name("nb_ident", tests, NULL, NULL);
}
