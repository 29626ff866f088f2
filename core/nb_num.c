/*
** nb_num.c — exact integer and fixed-point decimal arithmetic.
*/
#include <stdio.h>
#include "nb.h"

static const int64_t pow10_table[NB_NUM_MAXSCALE + 1] = {
    1, 10, 100, 1000, 10000, 100000, 1000000
};

nb_num nb_num_int(int64_t v) {
    nb_num n = { v, 0 };
    return n;
}

int nb_num_parse(const char *s, size_t len, nb_num *out) {
    size_t i = 0;
    int neg = 0, scale = 0, seen_point = 0, digits = 0;
    int64_t v = 0;
    if (len > 0 && (s[0] == '-' || s[0] == '+')) {
        neg = (s[0] == '-');
        i = 1;
    }
    for (; i < len; i++) {
        char c = s[i];
        if (c == '.' && !seen_point && digits > 0) {
            seen_point = 1;
            continue;
        }
        if (c < '0' || c > '9') return NB_ESYNTAX;
        if (seen_point && ++scale > NB_NUM_MAXSCALE) return NB_ERANGE;
        if (__builtin_mul_overflow(v, 10, &v)) return NB_ERANGE;
        if (__builtin_add_overflow(v, (int64_t)(neg ? -(c - '0') : c - '0'), &v))
            return NB_ERANGE;
        digits++;
    }
    if (digits == 0 || (seen_point && scale == 0)) return NB_ESYNTAX;
    out->units = v;
    out->scale = scale;
    return NB_OK;
}

/* Bring a to the given (larger or equal) scale. */
static int rescale(nb_num a, int scale, int64_t *units) {
    return __builtin_mul_overflow(a.units, pow10_table[scale - a.scale], units)
        ? NB_ERANGE : NB_OK;
}

static int align(nb_num a, nb_num b, int64_t *ua, int64_t *ub, int *scale) {
    *scale = a.scale > b.scale ? a.scale : b.scale;
    if (rescale(a, *scale, ua) != NB_OK) return NB_ERANGE;
    return rescale(b, *scale, ub);
}

int nb_num_add(nb_num a, nb_num b, nb_num *out) {
    int64_t ua, ub, r;
    int scale;
    if (align(a, b, &ua, &ub, &scale) != NB_OK) return NB_ERANGE;
    if (__builtin_add_overflow(ua, ub, &r)) return NB_ERANGE;
    out->units = r;
    out->scale = scale;
    return NB_OK;
}

int nb_num_sub(nb_num a, nb_num b, nb_num *out) {
    int64_t ua, ub, r;
    int scale;
    if (align(a, b, &ua, &ub, &scale) != NB_OK) return NB_ERANGE;
    if (__builtin_sub_overflow(ua, ub, &r)) return NB_ERANGE;
    out->units = r;
    out->scale = scale;
    return NB_OK;
}

int nb_num_cmp(nb_num a, nb_num b, int *err) {
    int64_t ua, ub;
    int scale;
    if (align(a, b, &ua, &ub, &scale) != NB_OK) {
        if (err) *err = NB_ERANGE;
        return 0;
    }
    return (ua > ub) - (ua < ub);
}

int nb_num_is_integral(nb_num a) {
    return a.units % pow10_table[a.scale] == 0;
}

size_t nb_num_format(nb_num a, char *buf, size_t cap) {
    uint64_t mag = a.units < 0 ? (uint64_t)0 - (uint64_t)a.units : (uint64_t)a.units;
    uint64_t p = (uint64_t)pow10_table[a.scale];
    int n;
    if (a.scale == 0)
        n = snprintf(buf, cap, "%s%llu", a.units < 0 ? "-" : "",
                     (unsigned long long)mag);
    else
        n = snprintf(buf, cap, "%s%llu.%0*llu", a.units < 0 ? "-" : "",
                     (unsigned long long)(mag / p), a.scale,
                     (unsigned long long)(mag % p));
    return n < 0 ? 0 : (size_t)n;
}
