/* The texts a finding keeps: copied in runs, the same bytes as a copy made
** one character at a time (the reference below), whatever the input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "nb.h"

/* The cleaning a finding's text gets, one character at a time. */
static size_t ref_char(const unsigned char *s, size_t n) {
    size_t len, i;
    unsigned long c;
    if (s[0] < 0x80) return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF) { len = 2; c = s[0] & 0x1F; }
    else if (s[0] >= 0xE0 && s[0] <= 0xEF) { len = 3; c = s[0] & 0x0F; }
    else if (s[0] >= 0xF0 && s[0] <= 0xF4) { len = 4; c = s[0] & 0x07; }
    else return 0;
    if (len > n) return 0;
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
        (len == 4 && (c < 0x10000 || c > 0x10FFFF)))
        return 0;
    return len;
}

static char *ref_clean(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0, w = 0;
    char *d = malloc(n * 3 + 1);
    assert_non_null(d);
    while (i < n) {
        size_t len = ref_char(p + i, n - i);
        if (len == 1 && (p[i] < 0x20 || p[i] == 0x7F)) {
            if (p[i] == '\t' || p[i] == '\n' || p[i] == '\r') d[w++] = ' ';
            else { memcpy(d + w, "\xEF\xBF\xBD", 3); w += 3; }
            i++;
        } else if (len == 0 || (len == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0)) {
            memcpy(d + w, "\xEF\xBF\xBD", 3);
            w += 3;
            i += len ? len : 1;
        } else {
            while (len-- > 0) d[w++] = (char)p[i++];
        }
    }
    d[w] = '\0';
    return d;
}

static void assert_kept_as_reference(const char *text) {
    nb_findings *l = nb_findings_new();
    nb_finding f;
    char *want = ref_clean(text), *given = malloc(strlen(text) + 1), rule[] = "r";
    assert_non_null(l);
    assert_non_null(given);
    strcpy(given, text);
    memset(&f, 0, sizeof f);
    f.rule = rule;
    f.message = given;
    f.quote = given;
    assert_int_equal(nb_findings_add(l, &f), NB_OK);
    assert_string_equal(nb_findings_at(l, 0)->message, want);
    assert_string_equal(nb_findings_at(l, 0)->quote, want);
    free(want);
    free(given);
    nb_findings_free(l);
}

static void runs_after_a_line_break_or_a_bad_byte_are_kept_as_they_are(void **state) {
    (void)state;
    assert_kept_as_reference("");
    assert_kept_as_reference("plain ascii");
    assert_kept_as_reference("表三：政府信息公开行政复议情况");
    assert_kept_as_reference("第一段。\n第二段，\t第三段\r\n完");
    assert_kept_as_reference("甲\x01乙\x7f丙\xc2\x85丁\xc2\xa0戊\xed\x9f\xbf己\xed\xa0\x80庚");
    assert_kept_as_reference("\xe4\xb8");                 /* cut off */
    assert_kept_as_reference("\xe4\xb8\xad\xe4");         /* one whole, one cut off */
    assert_kept_as_reference("\xf0\x9f\x98\x80 emoji \xe0\xa4\x85 devanagari \xe0\x80\xaf");
    assert_kept_as_reference("…“引号”，全角（括号）【】～");
}

/* pieces texts are drawn from: each kind of byte the copy treats apart */
static const char *const pieces[] = {
    "a", "Z", " ", "~", "\n", "\t", "\r", "\x01", "\x7f", "中", "文", "…", "\xef\xbc\x8c",
    "\xee\x80\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xe0\xa4\x85", "\xe0\x80\xaf", "\xc2\x85",
    "\xc2\xa0", "\xc3\xa9", "\xf0\x9f\x98\x80", "\xf4\x90\x80\x80", "\x80", "\xff", "\xe4", "\xe4\xb8",
};

static void any_mix_of_characters_is_kept_as_the_reference_keeps_it(void **state) {
    unsigned long seed = 12345;
    char text[512];
    int round;
    (void)state;
    for (round = 0; round < 3000; round++) {
        size_t n = 0;
        int k, count;
        seed = seed * 6364136223846793005ul + 1442695040888963407ul;
        count = (int)((seed >> 33) % 60);
        for (k = 0; k < count; k++) {
            const char *p;
            size_t len;
            seed = seed * 6364136223846793005ul + 1442695040888963407ul;
            p = pieces[(seed >> 33) % (sizeof pieces / sizeof *pieces)];
            len = strlen(p);
            if (n + len >= sizeof text) break;
            memcpy(text + n, p, len);
            n += len;
        }
        text[n] = '\0';
        assert_kept_as_reference(text);
    }
}

/* every byte before two continuation bytes, before a byte that is not
** one, and alone at the end: each lead byte as the quick copy sorts it */
static void every_first_byte_is_kept_as_the_reference_keeps_it(void **state) {
    static const char *const after[] = { "\x80\x80", "\xbf\xbf", "\x41\x80", "\x80\x41", "\x80", "" };
    char text[16];
    unsigned c;
    size_t k;
    (void)state;
    for (c = 1; c < 256; c++)
        for (k = 0; k < sizeof after / sizeof *after; k++) {
            snprintf(text, sizeof text, "a%c%s\xe4\xb8\xad", (int)c, after[k]);
            assert_kept_as_reference(text);
            snprintf(text, sizeof text, "%c%s", (int)c, after[k]);
            assert_kept_as_reference(text);
        }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(runs_after_a_line_break_or_a_bad_byte_are_kept_as_they_are),
        cmocka_unit_test(any_mix_of_characters_is_kept_as_the_reference_keeps_it),
        cmocka_unit_test(every_first_byte_is_kept_as_the_reference_keeps_it),
    };
    return cmocka_run_group_tests_name("nb_finding", tests, NULL, NULL);
}
