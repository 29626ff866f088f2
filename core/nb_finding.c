/*
** nb_finding.c — a growable list of findings that owns its strings.
*/
#include <stdlib.h>
#include <string.h>
#include "nb.h"

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

static char *dup_or_null(const char *s, int *failed) {
    char *d;
    size_t n;
    if (s == NULL) return NULL;
    n = strlen(s) + 1;
    if ((d = malloc(n)) == NULL) { *failed = 1; return NULL; }
    memcpy(d, s, n);
    return d;
}

static void clear(nb_finding *f) {
    size_t i;
    free(f->rule);
    free(f->message);
    free(f->expected);
    free(f->found);
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
    c.rule = dup_or_null(f->rule ? f->rule : "", &failed);
    c.message = dup_or_null(f->message ? f->message : "", &failed);
    c.expected = dup_or_null(f->expected, &failed);
    c.found = dup_or_null(f->found, &failed);
    if (f->ncells > 0) {
        c.cells = calloc(f->ncells, sizeof *c.cells);
        if (c.cells == NULL) failed = 1;
        for (i = 0; c.cells && i < f->ncells; i++) {
            c.cells[i] = dup_or_null(f->cells[i], &failed);
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
