/*
** nb_ident.h — identities: equations over cell ids, evaluated exactly.
**
**   t3.new.{c} + t3.carried.{c} = t3.result.total.{c} + t3.next.{c}
**
** A term is a cell-id path. "{name}" is replaced by each value bound to
** name (one instance per combination of values); "*" stands for any one
** path segment and sums every schema cell that matches. The relation is
** "=", or "<=" / ">=" (also written ≤ ≥) for bounds. An identity is
** compiled once against a schema and evaluated per report.
*/
#ifndef NB_IDENT_H
#define NB_IDENT_H

#include <stddef.h>
#include "nb_num.h"
#include "nb_report.h"

typedef struct nb_ident nb_ident;

typedef enum nb_ident_relation { NB_REL_EQ = 0, NB_REL_LE, NB_REL_GE } nb_ident_relation;

/* Values for one {name} of the expression. */
typedef struct nb_binding {
    const char *name;
    const char *const *values;
    size_t count;
} nb_binding;

/* One cell of an instance: its schema index, +1 or -1, and 0 for the left
** side, 1 for the right. */
typedef struct nb_ident_term {
    size_t cell;
    int sign;
    int side;
} nb_ident_term;

typedef enum nb_ident_outcome {
    NB_IDENT_HOLDS = 0,
    NB_IDENT_FAILS,      /* the relation does not hold */
    NB_IDENT_SKIPPED     /* a cell is missing, unknown or text: not evaluable */
} nb_ident_outcome;

typedef struct nb_ident_result {
    nb_ident_outcome outcome;
    nb_num lhs, rhs;     /* the two sums (valid unless SKIPPED) */
    nb_num diff;         /* lhs - rhs */
    long first_skipped;  /* with SKIPPED: the cell that stopped it, else -1 */
} nb_ident_result;

/* Compile expr against schema s. Blank and marker cells count as 0 when
** evaluated. Returns NULL and writes a one-line reason into err (errlen
** bytes) on a syntax error, an unbound {name}, a term that names no cell
** of the schema, more than 100,000 instances or 1,000,000 cells in all,
** wildcards that would look at more than 20,000,000 schema ids, or no
** memory. The result borrows the schema (for nb_ident_schema) and nothing
** else. */
nb_ident *nb_ident_compile(const nb_schema *s, const char *expr,
                           const nb_binding *binds, size_t nbinds,
                           char *err, size_t errlen);
/* Free; NULL is fine. */
void nb_ident_free(nb_ident *id);

/* The relation between the two sides. */
nb_ident_relation nb_ident_relation_of(const nb_ident *id);
/* How many instances (combinations of bound values); 1 with no {name}. */
size_t nb_ident_instances(const nb_ident *id);
/* The value that {name} takes in instance k, or NULL if name is unused. */
const char *nb_ident_value(const nb_ident *id, size_t k, const char *name);
/* The cells of instance k; *n receives their count. */
const nb_ident_term *nb_ident_terms(const nb_ident *id, size_t k, size_t *n);

/* The schema the identity was compiled against. */
const nb_schema *nb_ident_schema(const nb_ident *id);

/* Evaluate instance k on report r. NB_ENOTFOUND when r is not of the
** compiling schema, NB_ERANGE if a sum overflows, else NB_OK with *res
** filled. */
int nb_ident_eval(const nb_ident *id, size_t k, const nb_report *r,
                  nb_ident_result *res);

#endif
