/* Exact numbers: counts as int64, the fee as a fixed-point decimal. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "nb.h"

static nb_num parse(const char *s) {
    nb_num n;
    assert_int_equal(nb_num_parse(s, strlen(s), &n), NB_OK);
    return n;
}

static void a_count_parses_to_its_integer(void **state) {
    nb_num n = parse("3985758");
    (void)state;
    assert_int_equal(n.units, 3985758);
    assert_int_equal(n.scale, 0);
}

static void a_fee_keeps_its_decimal_places_as_printed(void **state) {
    char buf[32];
    (void)state;
    nb_num_format(parse("96171.60"), buf, sizeof buf);
    assert_string_equal(buf, "96171.60");
    nb_num_format(parse("24252.311082"), buf, sizeof buf);
    assert_string_equal(buf, "24252.311082");
    nb_num_format(parse("-0.5"), buf, sizeof buf);
    assert_string_equal(buf, "-0.5");
}

static void text_that_is_not_a_plain_number_is_refused(void **state) {
    nb_num n;
    const char *bad[] = { "", "-", "1e3", "1.", ".5", "1,000", "１２", "5件", "1.2.3", " 1", NULL };
    int i;
    (void)state;
    for (i = 0; bad[i]; i++)
        assert_int_equal(nb_num_parse(bad[i], strlen(bad[i]), &n), NB_ESYNTAX);
}

static void numbers_past_int64_or_six_places_are_out_of_range(void **state) {
    nb_num n;
    (void)state;
    assert_int_equal(nb_num_parse("9223372036854775807", 19, &n), NB_OK);
    assert_int_equal(nb_num_parse("9223372036854775808", 19, &n), NB_ERANGE);
    assert_int_equal(nb_num_parse("-9223372036854775808", 20, &n), NB_OK);
    assert_int_equal(nb_num_parse("1.1234567", 9, &n), NB_ERANGE);
}

static void sums_align_scales_exactly(void **state) {
    nb_num r;
    char buf[32];
    int err = NB_OK;
    (void)state;
    assert_int_equal(nb_num_add(parse("0.1"), parse("0.2"), &r), NB_OK);
    assert_int_equal(nb_num_cmp(r, parse("0.3"), &err), 0);
    assert_int_equal(nb_num_sub(parse("5"), parse("0.25"), &r), NB_OK);
    nb_num_format(r, buf, sizeof buf);
    assert_string_equal(buf, "4.75");
    assert_int_equal(nb_num_cmp(parse("1.50"), parse("1.5"), &err), 0);
    assert_int_equal(nb_num_cmp(parse("2"), parse("1.999999"), &err), 1);
    assert_int_equal(err, NB_OK);
}

static void overflow_is_reported_and_leaves_the_result_alone(void **state) {
    nb_num r = nb_num_int(42);
    int err = NB_OK;
    (void)state;
    assert_int_equal(nb_num_add(nb_num_int(INT64_MAX), nb_num_int(1), &r), NB_ERANGE);
    assert_int_equal(r.units, 42);
    assert_int_equal(nb_num_sub(nb_num_int(INT64_MIN), nb_num_int(1), &r), NB_ERANGE);
    assert_int_equal(nb_num_add(nb_num_int(INT64_MAX / 10), parse("0.000001"), &r), NB_ERANGE);
    nb_num_cmp(nb_num_int(INT64_MAX), parse("0.5"), &err);
    assert_int_equal(err, NB_ERANGE);
}

static void integral_means_no_fraction(void **state) {
    (void)state;
    assert_true(nb_num_is_integral(parse("3")));
    assert_true(nb_num_is_integral(parse("3.00")));
    assert_false(nb_num_is_integral(parse("2.5")));
    assert_false(nb_num_is_integral(parse("-0.001")));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_count_parses_to_its_integer),
        cmocka_unit_test(a_fee_keeps_its_decimal_places_as_printed),
        cmocka_unit_test(text_that_is_not_a_plain_number_is_refused),
        cmocka_unit_test(numbers_past_int64_or_six_places_are_out_of_range),
        cmocka_unit_test(sums_align_scales_exactly),
        cmocka_unit_test(overflow_is_reported_and_leaves_the_result_alone),
        cmocka_unit_test(integral_means_no_fraction),
    };
    return cmocka_run_group_tests_name("nb_num", tests, NULL, NULL);
}
