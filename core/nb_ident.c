/*
** nb_ident.c — parse identities, expand them over a schema, evaluate them.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "nb.h"

#define MAXVARS 4
#define MAXSEGS 16
#define MAXINST 100000      /* instances of one identity: every combination of its names */
#define MAXTERMS 1000000    /* cells of all instances together */
#define MAXWORK 20000000    /* schema ids looked at while expanding: compiling stays quick */

typedef struct raw_term {   /* a term as written, before expansion */
    char *path;
    int sign, side;
} raw_term;

struct nb_ident {
    const nb_schema *schema;   /* the schema the terms index into (borrowed) */
    nb_ident_relation rel;
    size_t ninst;
    size_t nvars;
    char *varnames[MAXVARS];
    char **values;          /* ninst * nvars owned copies */
    size_t *start;          /* ninst + 1 offsets into terms */
    nb_ident_term *terms;
    size_t nterms, capterms;
    size_t work;            /* while compiling: schema ids looked at */
};

static void fail(char *err, size_t errlen, const char *fmt, ...) {
    va_list ap;
    if (err == NULL || errlen == 0) return;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static int is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
}

/*{=== parsing ===*/

/* The relation at p ("=", "<=", ">=", "≤", "≥"): its length, or 0. */
static size_t relation_at(const char *p, nb_ident_relation *rel) {
    if (p[0] == '=') { *rel = NB_REL_EQ; return 1; }
    if ((p[0] == '<' || p[0] == '>') && p[1] == '=') {
        *rel = p[0] == '<' ? NB_REL_LE : NB_REL_GE;
        return 2;
    }
    if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x89 &&
        ((unsigned char)p[2] == 0xA4 || (unsigned char)p[2] == 0xA5)) {
        *rel = (unsigned char)p[2] == 0xA4 ? NB_REL_LE : NB_REL_GE;
        return 3;
    }
    return 0;
}

/* Split expr into signed terms on two sides of one relation; checks the
** path syntax. */
static int parse(const char *expr, nb_ident_relation *rel, raw_term **out, size_t *nout,
                 char *err, size_t errlen) {
    const char *p = expr;
    raw_term *terms = NULL;
    size_t n = 0, cap = 0;
    int side = 0, sign = 1, expect_term = 1;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n') p++;
        if (*p == '\0') break;
        {
            size_t rl = relation_at(p, rel);
            if (rl) {
                if (side == 1 || expect_term) goto syntax;
                side = 1; sign = 1; expect_term = 1; p += rl;
                continue;
            }
        }
        if (*p == '+' || *p == '-') {
            if (expect_term && sign == -1) goto syntax;
            if (!expect_term) expect_term = 1;
            sign = (*p == '-') ? -1 : 1;
            p++;
            continue;
        }
        if (!expect_term) goto syntax;
        {
            const char *s = p;
            int segchars = 0;
            while (*p && (is_name_char(*p) || *p == '.' || *p == '*' || *p == '{' || *p == '}')) {
                if (*p == '{') {
                    const char *q = p + 1;
                    while (is_name_char(*q)) q++;
                    if (*q != '}' || q == p + 1) goto syntax;
                    p = q + 1; segchars++;
                    continue;
                }
                if (*p == '.') {
                    if (segchars == 0) goto syntax;
                    segchars = 0;
                } else if (*p == '}') {
                    goto syntax;
                } else {
                    segchars++;
                }
                p++;
            }
            if (p == s || segchars == 0) goto syntax;
            if (n == cap) {
                size_t c2 = cap ? cap * 2 : 8;
                raw_term *t = realloc(terms, c2 * sizeof *t);
                if (t == NULL) { fail(err, errlen, "out of memory"); goto cleanup; }
                terms = t; cap = c2;
            }
            terms[n].path = malloc((size_t)(p - s) + 1);
            if (terms[n].path == NULL) { fail(err, errlen, "out of memory"); goto cleanup; }
            memcpy(terms[n].path, s, (size_t)(p - s));
            terms[n].path[p - s] = '\0';
            terms[n].sign = sign;
            terms[n].side = side;
            n++;
            sign = 1;
            expect_term = 0;
        }
    }
    if (side != 1 || expect_term) goto syntax;
    *out = terms;
    *nout = n;
    return NB_OK;
syntax:
    fail(err, errlen, "identity syntax error at column %d: %s",
         (int)(p - expr) + 1, expr);
cleanup:
    while (n > 0) free(terms[--n].path);
    free(terms);
    return NB_ESYNTAX;
}

/*}===*/

/*{=== expansion ===*/

static int add_term(nb_ident *id, size_t cell, int sign, int side) {
    if (id->nterms >= MAXTERMS) return NB_ERANGE;
    if (id->nterms == id->capterms) {
        size_t cap = id->capterms ? id->capterms * 2 : 32;
        nb_ident_term *t = realloc(id->terms, cap * sizeof *t);
        if (t == NULL) return NB_ENOMEM;
        id->terms = t;
        id->capterms = cap;
    }
    id->terms[id->nterms].cell = cell;
    id->terms[id->nterms].sign = sign;
    id->terms[id->nterms].side = side;
    id->nterms++;
    return NB_OK;
}

/* Replace each {name} in path by its value in this instance. */
static char *substitute(const nb_ident *id, size_t inst, const char *path) {
    size_t len = 0, k, longest = 0;
    const char *p;
    char *out, *w;
    for (k = 0; k < id->nvars; k++) {
        size_t vl = strlen(id->values[inst * id->nvars + k]);
        if (vl > longest) longest = vl;
    }
    for (p = path; *p; p++) len += (*p == '{') ? longest + 1 : 1;
    if ((out = malloc(len + 1)) == NULL) return NULL;
    for (p = path, w = out; *p; ) {
        if (*p == '{') {
            const char *q = strchr(p, '}');
            for (k = 0; k < id->nvars; k++) {
                if (strlen(id->varnames[k]) == (size_t)(q - p - 1) &&
                    strncmp(id->varnames[k], p + 1, (size_t)(q - p - 1)) == 0) {
                    const char *v = id->values[inst * id->nvars + k];
                    size_t vl = strlen(v);
                    memcpy(w, v, vl);
                    w += vl;
                    break;
                }
            }
            p = q + 1;
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    return out;
}

static size_t split(char *path, char **segs) {
    size_t n = 0;
    char *p = path;
    segs[n++] = p;
    for (; *p; p++) {
        if (*p == '.') {
            *p = '\0';
            if (n == MAXSEGS) return 0;
            segs[n++] = p + 1;
        }
    }
    return n;
}

/* Does schema id (dotted) match the pattern segments? A segment "*" is
** any one segment. One pass over the id: it runs for every id of the
** schema, for each pattern term of each identity compiled. */
static int matches(const char *id, char **segs, size_t nsegs) {
    size_t k;
    for (k = 0; k < nsegs; k++) {
        const char *s = segs[k];
        if (s[0] == '*' && s[1] == '\0') {
            while (*id != '\0' && *id != '.') id++;
        } else {
            while (*s != '\0' && *s == *id) s++, id++;
            if (*s != '\0' || (*id != '\0' && *id != '.')) return 0;
        }
        if (k + 1 < nsegs) {
            if (*id != '.') return 0;
            id++;
        } else if (*id != '\0') {
            return 0;
        }
    }
    return 1;
}

/* The schema ids that begin with a term's last written prefix: an
** identity's instances mostly share it ("t3.result.deny.*.{c}" over each
** column), and the ids are then looked at once for them all, not once for
** each instance. */
typedef struct prefix_ids {
    char prefix[128];
    size_t plen;            /* 0: nothing kept yet */
    size_t *ids, nids;
} prefix_ids;

/* The ids of schema s that begin with prefix[0..plen) (plen > 0), in
** schema order, kept in c. */
static int ids_with_prefix(prefix_ids *c, const nb_schema *s, const char *prefix, size_t plen) {
    size_t i, n = nb_schema_count(s);
    if (c->plen == plen && memcmp(c->prefix, prefix, plen) == 0) return NB_OK;
    c->plen = 0;
    free(c->ids);
    if ((c->ids = malloc((n ? n : 1) * sizeof *c->ids)) == NULL) return NB_ENOMEM;
    c->nids = 0;
    for (i = 0; i < n; i++) {
        const char *cell = nb_schema_id(s, i);
        size_t j = 0;
        while (j < plen && cell[j] == prefix[j]) j++;
        if (j == plen) c->ids[c->nids++] = i;
    }
    memcpy(c->prefix, prefix, plen);
    c->plen = plen;
    return NB_OK;
}

static int expand(nb_ident *id, const nb_schema *s, size_t inst,
                  const raw_term *t, prefix_ids *kept, char *err, size_t errlen) {
    char *path = substitute(id, inst, t->path), *segs[MAXSEGS], prefix[128];
    size_t nsegs, i, found = 0, plen, first = 0, n;
    int rc = NB_OK;
    if (path == NULL) { fail(err, errlen, "out of memory"); return NB_ENOMEM; }
    if (strchr(path, '*') == NULL) {
        long k = nb_schema_find(s, path);
        if (k < 0) {
            fail(err, errlen, "identity names no cell \"%s\"", path);
            rc = NB_ENOTFOUND;
        } else if ((rc = add_term(id, (size_t)k, t->sign, t->side)) != NB_OK) {
            fail(err, errlen, rc == NB_ERANGE ? "identity has more than %d cells" : "out of memory",
                 MAXTERMS);
        }
        free(path);
        return rc;
    }
    /* the written segments before the first with a '*': an id that does
    ** not begin with them is passed over without a closer look */
    plen = (size_t)(strchr(path, '*') - path);
    while (plen > 0 && path[plen - 1] != '.') plen--;
    if (plen >= sizeof prefix) plen = 0;
    memcpy(prefix, path, plen);
    if ((nsegs = split(path, segs)) == 0) {
        fail(err, errlen, "identity path too deep: %s", t->path);
        free(path);
        return NB_ESYNTAX;
    }
    for (i = 0; i < plen; i++) first += path[i] == '\0';   /* the segments the prefix holds */
    if (nb_schema_count(s) > MAXWORK - id->work) {
        fail(err, errlen, "identity too large to expand (more than %d cells looked at)", MAXWORK);
        free(path);
        return NB_ERANGE;
    }
    n = nb_schema_count(s);
    id->work += n;
    if (plen > 0) {
        if (ids_with_prefix(kept, s, prefix, plen) != NB_OK) {
            fail(err, errlen, "out of memory");
            free(path);
            return NB_ENOMEM;
        }
        for (i = 0; i < kept->nids && rc == NB_OK; i++) {
            size_t k = kept->ids[i];
            if (!matches(nb_schema_id(s, k) + plen, segs + first, nsegs - first)) continue;
            found++;
            if ((rc = add_term(id, k, t->sign, t->side)) != NB_OK)
                fail(err, errlen, rc == NB_ERANGE ? "identity has more than %d cells" : "out of memory",
                     MAXTERMS);
        }
    } else {
        for (i = 0; i < n && rc == NB_OK; i++) {
            if (!matches(nb_schema_id(s, i), segs + first, nsegs - first)) continue;
            found++;
            if ((rc = add_term(id, i, t->sign, t->side)) != NB_OK)
                fail(err, errlen, rc == NB_ERANGE ? "identity has more than %d cells" : "out of memory",
                     MAXTERMS);
        }
    }
    if (rc == NB_OK && found == 0) {
        fail(err, errlen, "identity pattern \"%s\" matches no cell", t->path);
        rc = NB_ENOTFOUND;
    }
    free(path);
    return rc;
}

/* Which bound names does the expression use? Error on an unbound one. */
static int collect_vars(nb_ident *id, const raw_term *terms, size_t nterms,
                        const nb_binding *binds, size_t nbinds,
                        const nb_binding **used, char *err, size_t errlen) {
    size_t i, b;
    for (i = 0; i < nterms; i++) {
        const char *p = terms[i].path;
        while ((p = strchr(p, '{')) != NULL) {
            const char *q = strchr(p, '}');
            size_t len = (size_t)(q - p - 1), k, known = 0;
            for (k = 0; k < id->nvars; k++)
                if (strlen(id->varnames[k]) == len && strncmp(id->varnames[k], p + 1, len) == 0)
                    known = 1;
            for (b = 0; !known && b < nbinds; b++) {
                if (strlen(binds[b].name) != len || strncmp(binds[b].name, p + 1, len) != 0)
                    continue;
                if (id->nvars == MAXVARS) {
                    fail(err, errlen, "identity uses more than %d names", MAXVARS);
                    return NB_ESYNTAX;
                }
                if ((id->varnames[id->nvars] = malloc(len + 1)) == NULL) {
                    fail(err, errlen, "out of memory");
                    return NB_ENOMEM;
                }
                memcpy(id->varnames[id->nvars], p + 1, len);
                id->varnames[id->nvars][len] = '\0';
                used[id->nvars++] = &binds[b];
                known = 1;
            }
            if (!known) {
                fail(err, errlen, "identity uses {%.*s} but no values are given for it",
                     (int)len, p + 1);
                return NB_ENOTFOUND;
            }
            p = q + 1;
        }
    }
    return NB_OK;
}

static int make_instances(nb_ident *id, const nb_binding **used, char *err, size_t errlen) {
    size_t i, k;
    id->ninst = 1;
    for (k = 0; k < id->nvars; k++) {
        if (used[k]->count == 0) {
            fail(err, errlen, "no values given for {%s}", id->varnames[k]);
            return NB_ENOTFOUND;
        }
        if (used[k]->count > MAXINST / id->ninst) {
            fail(err, errlen, "identity has more than %d instances", MAXINST);
            return NB_ERANGE;
        }
        id->ninst *= used[k]->count;
    }
    id->values = calloc(id->ninst * (id->nvars ? id->nvars : 1), sizeof *id->values);
    if (id->values == NULL) goto nomem;
    for (i = 0; i < id->ninst; i++) {
        size_t rest = i;
        for (k = id->nvars; k-- > 0; ) {   /* the first name varies slowest */
            const char *v = used[k]->values[rest % used[k]->count];
            size_t len = strlen(v) + 1;
            rest /= used[k]->count;
            if ((id->values[i * id->nvars + k] = malloc(len)) == NULL) goto nomem;
            memcpy(id->values[i * id->nvars + k], v, len);
        }
    }
    return NB_OK;
nomem:
    fail(err, errlen, "out of memory");
    return NB_ENOMEM;
}

/*}===*/

nb_ident *nb_ident_compile(const nb_schema *s, const char *expr,
                           const nb_binding *binds, size_t nbinds,
                           char *err, size_t errlen) {
    raw_term *terms = NULL;
    prefix_ids *kept = NULL;    /* one for each term */
    size_t nterms = 0, i, t;
    const nb_binding *used[MAXVARS];
    nb_ident *id = calloc(1, sizeof *id);
    if (id == NULL) { fail(err, errlen, "out of memory"); return NULL; }
    id->schema = s;
    if (parse(expr, &id->rel, &terms, &nterms, err, errlen) != NB_OK) goto cleanup;
    if (collect_vars(id, terms, nterms, binds, nbinds, used, err, errlen) != NB_OK) goto cleanup;
    if (make_instances(id, used, err, errlen) != NB_OK) goto cleanup;
    if (nterms > MAXTERMS / id->ninst) {
        fail(err, errlen, "identity has more than %d cells", MAXTERMS);
        goto cleanup;
    }
    if ((id->start = malloc((id->ninst + 1) * sizeof *id->start)) == NULL) {
        fail(err, errlen, "out of memory");
        goto cleanup;
    }
    if ((kept = calloc(nterms ? nterms : 1, sizeof *kept)) == NULL) {
        fail(err, errlen, "out of memory");
        goto cleanup;
    }
    for (i = 0; i < id->ninst; i++) {
        id->start[i] = id->nterms;
        for (t = 0; t < nterms; t++)
            if (expand(id, s, i, &terms[t], &kept[t], err, errlen) != NB_OK) goto cleanup;
    }
    id->start[id->ninst] = id->nterms;
    for (t = 0; t < nterms; t++) free(terms[t].path), free(kept[t].ids);
    free(terms);
    free(kept);
    return id;
cleanup:
    for (t = 0; t < nterms; t++) {
        free(terms[t].path);
        if (kept) free(kept[t].ids);
    }
    free(terms);
    free(kept);
    nb_ident_free(id);
    return NULL;
}

void nb_ident_free(nb_ident *id) {
    size_t i;
    if (id == NULL) return;
    if (id->values)
        for (i = 0; i < id->ninst * id->nvars; i++) free(id->values[i]);
    for (i = 0; i < id->nvars; i++) free(id->varnames[i]);
    free(id->values);
    free(id->start);
    free(id->terms);
    free(id);
}

size_t nb_ident_instances(const nb_ident *id) { return id->ninst; }
const nb_schema *nb_ident_schema(const nb_ident *id) { return id->schema; }
nb_ident_relation nb_ident_relation_of(const nb_ident *id) { return id->rel; }

const char *nb_ident_value(const nb_ident *id, size_t k, const char *name) {
    size_t v;
    if (k >= id->ninst) return NULL;
    for (v = 0; v < id->nvars; v++)
        if (strcmp(id->varnames[v], name) == 0) return id->values[k * id->nvars + v];
    return NULL;
}

const nb_ident_term *nb_ident_terms(const nb_ident *id, size_t k, size_t *n) {
    if (k >= id->ninst) { *n = 0; return NULL; }
    *n = id->start[k + 1] - id->start[k];
    return id->terms + id->start[k];
}

int nb_ident_eval(const nb_ident *id, size_t k, const nb_report *r,
                  nb_ident_result *res) {
    size_t n, i;
    const nb_ident_term *t = nb_ident_terms(id, k, &n);
    nb_num sum[2] = { { 0, 0 }, { 0, 0 } };
    int err = NB_OK;
    res->outcome = NB_IDENT_SKIPPED;
    res->first_skipped = -1;
    if (nb_report_schema(r) != id->schema) return NB_ENOTFOUND;
    for (i = 0; i < n; i++) {
        const nb_cell *c = nb_report_cell(r, t[i].cell);
        nb_num v = { 0, 0 };
        if (c == NULL || c->state == NB_CELL_MISSING || c->state == NB_CELL_TEXT ||
            c->state == NB_CELL_UNKNOWN) {
            res->first_skipped = (long)t[i].cell;
            return NB_OK;
        }
        if (c->state == NB_CELL_NUMBER) v = c->num;
        if (v.scale == sum[t[i].side].scale) {
            /* of one scale (most sums: whole numbers) the digits are added
            ** as nb_num_add adds them, without its call */
            int64_t *u = &sum[t[i].side].units;
            if (t[i].sign > 0 ? __builtin_add_overflow(*u, v.units, u)
                              : __builtin_sub_overflow(*u, v.units, u))
                return NB_ERANGE;
        } else if ((t[i].sign > 0 ? nb_num_add(sum[t[i].side], v, &sum[t[i].side])
                                  : nb_num_sub(sum[t[i].side], v, &sum[t[i].side])) != NB_OK)
            return NB_ERANGE;
    }
    if (nb_num_sub(sum[0], sum[1], &res->diff) != NB_OK) return NB_ERANGE;
    res->lhs = sum[0];
    res->rhs = sum[1];
    {
        int c = nb_num_cmp(sum[0], sum[1], &err);
        int holds = id->rel == NB_REL_EQ ? c == 0 : id->rel == NB_REL_LE ? c <= 0 : c >= 0;
        res->outcome = holds ? NB_IDENT_HOLDS : NB_IDENT_FAILS;
    }
    return err;
}
