/* libFuzzer: the identity parser, over a schema shaped like table 3. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "nb.h"

static const char *const cols[] = { "np", "biz", "total" };
static const char *const rows[] = { "t3.new", "t3.carried", "t3.result.deny.secret",
                                    "t3.result.deny.law", "t3.result.total", "t3.next" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    nb_schema *s = nb_schema_new();
    nb_report *r;
    nb_ident *id;
    nb_binding b[2] = { { "c", cols, 3 }, { "r", rows, 6 } };
    char *expr, err[256], cell[64];
    size_t i, j;
    if (s == NULL) return 0;
    for (i = 0; i < 6; i++)
        for (j = 0; j < 3; j++) {
            snprintf(cell, sizeof cell, "%s.%s", rows[i], cols[j]);
            nb_schema_add(s, cell, NB_KIND_COUNT);
        }
    r = nb_report_new(s);
    expr = malloc(size + 1);
    if (r && expr) {
        nb_span at = { 1, 1, 0 };
        memcpy(expr, data, size);
        expr[size] = '\0';
        for (i = 0; i < nb_schema_count(s); i += 2)
            nb_report_set_cell(r, i, NB_CELL_NUMBER, nb_num_int((int64_t)i * 7), NULL, at);
        id = nb_ident_compile(s, expr, b, 2, err, sizeof err);
        if (id) {
            nb_ident_result res;
            for (i = 0; i < nb_ident_instances(id); i++) nb_ident_eval(id, i, r, &res);
            nb_ident_free(id);
        }
    }
    free(expr);
    nb_report_free(r);
    nb_schema_free(s);
    return 0;
}
