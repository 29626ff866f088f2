/*
** nb_finding.c — a growable list of findings that owns its strings.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "nb.h"

#define MAXTEXT 65536    /* bytes of one string of a finding; the rest is cut */

struct nb_findings {
    nb_finding *items;
    size_t count, cap;
};

static const char *const severity_names[] = { "error", "warning", "info" };

const char *nb_severity_name(nb_severity sev) {
    return (unsigned)sev < 3 ? severity_names[sev] : "error";
}

int nb_severity_parse(const char *s) {
    int i;
    for (i = 0; i < 3; i++)
        if (strcmp(s, severity_names[i]) == 0) return i;
    return -1;
}

/* The length of the UTF-8 character at s (at most n bytes), or 0 when the
** bytes there are not one: overlong, a surrogate, past U+10FFFF, cut off. */
static size_t utf8_char(const unsigned char *s, size_t n) {
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

/* What a byte starts, for clean_prefix: 1 printable ASCII (0x20..0x7E),
** 3 a three-byte character of its quick case (led by E1..EC or EE..EF,
** which no overlong form or surrogate can start), 0 anything else. */
static const unsigned char starts[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* The length of the prefix of p[0..n) that dup_clean copies as it is:
** printable ASCII and the three-byte characters of its quick case. Most
** texts are that all through, or all through but a line break or two:
** each run between is copied in one go. (What a byte starts is looked
** up: a character of Chinese is then passed in a few steps.) */
static size_t clean_prefix(const unsigned char *p, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned k = starts[p[i]];
        if (k == 1) {
            i++;
            continue;
        }
        if (k != 3) break;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        if (n - i >= 8) {
            /* this character and the next in one test (Chinese is most
            ** of a text): the next's lead looks up 3, four trail bytes */
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (starts[(w >> 24) & 0xFF] == 3 && (w & 0xC0C000C0C000u) == 0x808000808000u) {
                i += 6;
                continue;
            }
        }
#endif
        if (n - i >= 3 && ((p[i + 1] & 0xC0) | (p[i + 2] & 0xC0) << 8) == 0x8080) i += 3;
        else break;
    }
    return i;
}

/* A copy that a terminal, JSON and SARIF take as it is: valid UTF-8 (a
** bad byte becomes U+FFFD), no control characters (tab and line breaks
** become spaces, the others and C1 controls U+FFFD), at most MAXTEXT bytes. */
static char *dup_clean(const char *s, int *failed) {
    static const char replacement[] = "\xEF\xBF\xBD";
    const unsigned char *p = (const unsigned char *)s;
    size_t n, i, w;
    char *d;
    if (s == NULL) return NULL;
    n = strlen(s);
    if (n > MAXTEXT) n = MAXTEXT;
    i = w = clean_prefix(p, n);
    if ((d = malloc(i == n ? n + 1 : n * 3 + 1)) == NULL) { *failed = 1; return NULL; }
    memcpy(d, s, i);
    while (i < n) {
        size_t len, run = clean_prefix(p + i, n - i);
        memcpy(d + w, p + i, run);
        i += run;
        w += run;
        if (i >= n) break;
        len = utf8_char(p + i, n - i);
        if (len == 1 && (p[i] < 0x20 || p[i] == 0x7F)) {
            if (p[i] == '\t' || p[i] == '\n' || p[i] == '\r') d[w++] = ' ';
            else { memcpy(d + w, replacement, 3); w += 3; }
            i++;
        } else if (len == 0 || (len == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0)) {
            memcpy(d + w, replacement, 3);        /* a bad byte, or a C1 control */
            w += 3;
            i += len ? len : 1;
        } else {
            while (len-- > 0) d[w++] = (char)p[i++];    /* a character: a few bytes, no call */
        }
    }
    d[w] = '\0';
    return d;
}

static void clear(nb_finding *f) {
    size_t i;
    free(f->rule);
    free(f->message);
    free(f->expected);
    free(f->found);
    free(f->quote);
    for (i = 0; i < f->ncells; i++) free(f->cells[i]);
    free(f->cells);
}

nb_findings *nb_findings_new(void) {
    return calloc(1, sizeof(nb_findings));
}

void nb_findings_free(nb_findings *l) {
    size_t i;
    if (l == NULL) return;
    for (i = 0; i < l->count; i++) clear(&l->items[i]);
    free(l->items);
    free(l);
}

int nb_findings_add(nb_findings *l, const nb_finding *f) {
    nb_finding c;
    int failed = 0;
    size_t i;
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        nb_finding *items = realloc(l->items, cap * sizeof *items);
        if (items == NULL) return NB_ENOMEM;
        l->items = items;
        l->cap = cap;
    }
    memset(&c, 0, sizeof c);
    c.severity = f->severity;
    c.line = f->line;
    c.col = f->col;
    c.rule = dup_clean(f->rule ? f->rule : "", &failed);
    c.message = dup_clean(f->message ? f->message : "", &failed);
    c.expected = dup_clean(f->expected, &failed);
    c.found = dup_clean(f->found, &failed);
    c.quote = dup_clean(f->quote, &failed);
    if (f->ncells > 0) {
        c.cells = calloc(f->ncells, sizeof *c.cells);
        if (c.cells == NULL) failed = 1;
        for (i = 0; c.cells && i < f->ncells; i++) {
            c.cells[i] = dup_clean(f->cells[i], &failed);
            c.ncells = i + 1;
        }
    }
    if (failed) {
        clear(&c);
        return NB_ENOMEM;
    }
    l->items[l->count++] = c;
    return NB_OK;
}

size_t nb_findings_count(const nb_findings *l) { return l->count; }

const nb_finding *nb_findings_at(const nb_findings *l, size_t k) {
    return k < l->count ? &l->items[k] : NULL;
}

size_t nb_findings_tally(const nb_findings *l, nb_severity sev) {
    size_t i, n = 0;
    for (i = 0; i < l->count; i++) n += l->items[i].severity == sev;
    return n;
}

/* Unknown places (line 0) sort first: they concern the whole file. */
static int before(const nb_finding *a, const nb_finding *b) {
    if (a->line != b->line) return a->line < b->line;
    return a->col < b->col;
}

/* Stable merge sort: a hostile report may carry very many findings. */
static void merge_sort(nb_finding *a, nb_finding *tmp, size_t n) {
    size_t mid = n / 2, i = 0, j = mid, k = 0;
    if (n < 2) return;
    merge_sort(a, tmp, mid);
    merge_sort(a + mid, tmp, n - mid);
    while (i < mid && j < n) tmp[k++] = before(&a[j], &a[i]) ? a[j++] : a[i++];
    while (i < mid) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

int nb_findings_sort(nb_findings *l) {
    nb_finding *tmp;
    if (l->count < 2) return NB_OK;
    if ((tmp = malloc(l->count * sizeof *tmp)) == NULL) return NB_ENOMEM;
    merge_sort(l->items, tmp, l->count);
    free(tmp);
    return NB_OK;
}
