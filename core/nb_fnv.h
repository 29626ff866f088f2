/*
** nb_fnv.h — 64-bit FNV-1a of bytes: the files' digests and the findings'
** fingerprints (both must stay this hash); and its step taken eight bytes
** at a time, for keys only looked up within one build (the bundled
** scripts, a schema's ids).
*/
#ifndef NB_FNV_H
#define NB_FNV_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define NB_FNV_OFFSET 0xCBF29CE484222325ULL
#define NB_FNV_PRIME 0x100000001B3ULL

static inline uint64_t nb_fnv1a(const void *p, size_t n) {
    const unsigned char *s = p;
    uint64_t x = NB_FNV_OFFSET;
    size_t i;
    for (i = 0; i < n; i++) x = (x ^ s[i]) * NB_FNV_PRIME;
    return x;
}

/* A word of eight bytes for each step (a byte a step was some 4 M
** instructions of each start-up for the scripts' keys), the last bytes
** as FNV-1a takes them. Not FNV-1a: never a digest kept or shown. */
static inline uint64_t nb_fnv1a_wide(const void *p, size_t n) {
    const unsigned char *s = p;
    uint64_t x = NB_FNV_OFFSET, w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        x = (x ^ w) * NB_FNV_PRIME;
        x ^= x >> 32;
    }
    for (; i < n; i++) x = (x ^ s[i]) * NB_FNV_PRIME;
    return x;
}

#endif
