/*
** nb_num.h — exact numbers for report cells.
** A count is an int64; the fee (万元) is a decimal with up to NB_NUM_MAXSCALE
** places. Both are one type: value = units / 10^scale. Never a float.
*/
#ifndef NB_NUM_H
#define NB_NUM_H

#include <stddef.h>
#include <stdint.h>

#define NB_NUM_MAXSCALE 6

typedef struct nb_num {
    int64_t units;  /* the digits, sign included */
    int scale;      /* places after the point as printed, 0..NB_NUM_MAXSCALE */
} nb_num;

/* An integer as a number of scale 0. */
nb_num nb_num_int(int64_t v);

/* Parse s[0..len) as -?digits(.digits)? in ASCII, nothing else (callers fold
** full-width digits and separators first). NB_ESYNTAX for anything else,
** NB_ERANGE past int64 or NB_NUM_MAXSCALE places. The scale is kept as
** printed: "96171.60" has scale 2. */
int nb_num_parse(const char *s, size_t len, nb_num *out);

/* out = a + b, a - b; aligned to the larger scale. NB_ERANGE on overflow,
** with *out untouched. */
int nb_num_add(nb_num a, nb_num b, nb_num *out);
int nb_num_sub(nb_num a, nb_num b, nb_num *out);

/* -1, 0, 1 as a < b, a == b, a > b; exact across scales (1.50 == 1.5).
** Sets *err to NB_ERANGE if the scales cannot be aligned, else leaves it. */
int nb_num_cmp(nb_num a, nb_num b, int *err);

/* True when the value has no fractional part (3.00 counts as integral). */
int nb_num_is_integral(nb_num a);

/* Write the number as printed (its own scale) into buf, NUL-terminated.
** Returns the length it needs, like snprintf; 32 bytes is always enough. */
size_t nb_num_format(nb_num a, char *buf, size_t cap);

#endif
