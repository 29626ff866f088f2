/*
** nb_fnv.h — 64-bit FNV-1a of bytes: the files' digests and the findings'
** fingerprints (both must stay this hash).
*/
#ifndef NB_FNV_H
#define NB_FNV_H

#include <stddef.h>
#include <stdint.h>

#define NB_FNV_OFFSET 0xCBF29CE484222325ULL
#define NB_FNV_PRIME 0x100000001B3ULL

static inline uint64_t nb_fnv1a(const void *p, size_t n) {
    const unsigned char *s = p;
    uint64_t x = NB_FNV_OFFSET;
    size_t i;
    for (i = 0; i < n; i++) x = (x ^ s[i]) * NB_FNV_PRIME;
    return x;
}

#endif
