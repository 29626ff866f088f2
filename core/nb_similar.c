/*
** nb_similar.c — how much text two reports share, fast enough for a
** region's batch: a text is folded to its characters (punctuation, spaces
** and widths dropped), cut into shingles of k characters, and summed up
** in a MinHash signature (Broder 1997) whose bands the driver buckets
** (locality-sensitive hashing), so only likely pairs are compared. A pair
** is then measured exactly: the share of each text covered by shingles of
** the other, and the longest passage they have in common.
**
** Every buffer is malloc'ed and freed before anything that could raise a
** Lua error; nothing is kept between calls.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "nb_similar.h"

#define MAX_HASHES 256

/*{=== characters ===*/

/* A text as the characters that count: code points and their byte spans. */
typedef struct {
    uint32_t *cp;          /* folded code points */
    size_t *start, *end;   /* byte span of each in the text */
    size_t n;
} chars;

static void chars_free(chars *c) {
    free(c->cp);
    free(c->start);
    free(c->end);
    c->cp = NULL;
    c->start = c->end = NULL;
}

/* Decode one UTF-8 character at s[i]; its length in *len (1 for a bad byte,
** then the code point is 0xFFFD). */
static uint32_t decode(const unsigned char *s, size_t n, size_t i, size_t *len) {
    unsigned char c = s[i];
    uint32_t cp;
    size_t k, need;
    if (c < 0x80) { *len = 1; return c; }
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; }
    else { *len = 1; return 0xFFFD; }
    for (k = 1; k <= need; k++) {
        if (i + k >= n || (s[i + k] & 0xC0) != 0x80) { *len = 1; return 0xFFFD; }
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    *len = need + 1;
    return cp;
}

/* The folded character, or 0 for one that does not count (space,
** punctuation, symbols, controls, a bad byte). */
static uint32_t fold(uint32_t cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;         /* full width -> ASCII */
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') return cp + 32;
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return cp;
        return 0;
    }
    if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF)
        || cp == 0xFFFD || cp == 0xFEFF)
        return 0;
    return cp;
}

/* Fill c from text s; 0 on success, -1 when out of memory. */
static int chars_of(const char *text, size_t n, chars *c) {
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, len;
    c->n = 0;
    c->cp = malloc((n + 1) * sizeof *c->cp);
    c->start = malloc((n + 1) * sizeof *c->start);
    c->end = malloc((n + 1) * sizeof *c->end);
    if (!c->cp || !c->start || !c->end) { chars_free(c); return -1; }
    while (i < n) {
        uint32_t f = fold(decode(s, n, i, &len));
        if (f) {
            c->cp[c->n] = f;
            c->start[c->n] = i;
            c->end[c->n] = i + len;
            c->n++;
        }
        i += len;
    }
    return 0;
}

/*}===*/

/*{=== shingles ===*/

static uint64_t mix(uint64_t x) {           /* splitmix64's finaliser */
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/* The hash of each shingle of k characters: n - k + 1 of them (0 when the
** text is shorter). NULL with *count 0 for none, NULL with *count 1 when out
** of memory. */
static uint64_t *shingles(const chars *c, size_t k, size_t *count) {
    size_t i, j, m;
    uint64_t *h;
    *count = 0;
    if (c->n < k) return NULL;
    m = c->n - k + 1;
    h = malloc(m * sizeof *h);
    if (h == NULL) { *count = 1; return NULL; }
    for (i = 0; i < m; i++) {
        uint64_t x = 0xCBF29CE484222325ULL;            /* FNV-1a over the code points */
        for (j = 0; j < k; j++) {
            x ^= c->cp[i + j];
            x *= 0x100000001B3ULL;
        }
        h[i] = mix(x);
    }
    *count = m;
    return h;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int member(const uint64_t *sorted, size_t n, uint64_t x) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid] < x) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && sorted[lo] == x;
}

static size_t check_k(lua_State *L, int idx) {
    lua_Integer k = luaL_optinteger(L, idx, 10);
    luaL_argcheck(L, k >= 1 && k <= 64, idx, "a shingle is 1 to 64 characters");
    return (size_t)k;
}

/*}===*/

/* similar.signature(text [, k [, hashes]]) -> signature | nil: the MinHash
** signature of the text's shingles of k characters (default 10), `hashes`
** minima of 32 bits (default 64, at most 256) packed in a string of
** 4 * hashes bytes; nil when the text has fewer than k characters. Two
** signatures agree in a share of places that estimates the Jaccard
** similarity of the two texts' shingle sets. */
static int l_signature(lua_State *L) {
    size_t len, k = check_k(L, 2), m, i, j;
    const char *text = luaL_checklstring(L, 1, &len);
    lua_Integer nh = luaL_optinteger(L, 3, 64);
    uint64_t a[MAX_HASHES], b[MAX_HASHES], *h;
    uint32_t mins[MAX_HASHES];
    unsigned char out[4 * MAX_HASHES];
    chars c;
    luaL_argcheck(L, nh >= 1 && nh <= MAX_HASHES, 3, "1 to 256 hashes");
    if (chars_of(text, len, &c) != 0) return luaL_error(L, "out of memory");
    h = shingles(&c, k, &m);
    chars_free(&c);
    if (h == NULL) {
        if (m) return luaL_error(L, "out of memory");
        luaL_pushfail(L);
        return 1;
    }
    for (j = 0; j < (size_t)nh; j++) {
        a[j] = mix(2 * j + 1) | 1;                     /* h -> (a h + b) mod 2^64, top 32 bits */
        b[j] = mix(2 * j + 2);
        mins[j] = UINT32_MAX;
    }
    for (i = 0; i < m; i++)
        for (j = 0; j < (size_t)nh; j++) {
            uint32_t v = (uint32_t)((a[j] * h[i] + b[j]) >> 32);
            if (v < mins[j]) mins[j] = v;
        }
    free(h);
    for (j = 0; j < (size_t)nh; j++) {
        out[4 * j] = (unsigned char)(mins[j] & 0xFF);
        out[4 * j + 1] = (unsigned char)((mins[j] >> 8) & 0xFF);
        out[4 * j + 2] = (unsigned char)((mins[j] >> 16) & 0xFF);
        out[4 * j + 3] = (unsigned char)(mins[j] >> 24);
    }
    lua_pushlstring(L, (const char *)out, 4 * (size_t)nh);
    return 1;
}

/* similar.agree(sig1, sig2) -> share of the places where two signatures
** of the same size agree (0..1). */
static int l_agree(lua_State *L) {
    size_t n1, n2, i, same = 0;
    const char *s1 = luaL_checklstring(L, 1, &n1), *s2 = luaL_checklstring(L, 2, &n2);
    luaL_argcheck(L, n1 == n2 && n1 % 4 == 0 && n1 > 0, 2, "signatures of one size");
    for (i = 0; i < n1; i += 4) same += memcmp(s1 + i, s2 + i, 4) == 0;
    lua_pushnumber(L, (lua_Number)same / (lua_Number)(n1 / 4));
    return 1;
}

/* Mark in cov[] the characters of x covered by a shingle of x that y has
** too (ys: y's shingle hashes, sorted); the longest run of such shingles
** in *run_at, *run_len (in shingles). → characters covered. */
static size_t cover(const uint64_t *xs, size_t nx, const uint64_t *ys, size_t ny, size_t k,
                    unsigned char *cov, size_t *run_at, size_t *run_len) {
    size_t i, j, covered = 0, at = 0, len = 0;
    *run_at = 0;
    *run_len = 0;
    for (i = 0; i < nx; i++) {
        if (!member(ys, ny, xs[i])) { len = 0; continue; }
        if (len == 0) at = i;
        len++;
        if (len > *run_len) { *run_len = len; *run_at = at; }
        for (j = i; j < i + k; j++)
            if (!cov[j]) { cov[j] = 1; covered++; }
    }
    return covered;
}

/* similar.common(a, b [, k]) -> share of a, share of b, passage, its
** length: the share of each text's characters covered by shingles of k
** characters (default 10) that the other has too, and the longest
** passage of b made of shingles a has (as b prints it, punctuation
** included), with its length in characters that count. */
static int l_common(lua_State *L) {
    size_t la, lb, k = check_k(L, 3), na, nb, ca = 0, cb = 0, at = 0, run = 0, ignore, pa = 0, pb = 0;
    const char *a = luaL_checklstring(L, 1, &la), *b = luaL_checklstring(L, 2, &lb);
    chars A, B;
    uint64_t *ha = NULL, *hb = NULL, *sa = NULL, *sb = NULL;
    unsigned char *cov = NULL;
    int oom = 0;
    double share_a = 0, share_b = 0;
    A.cp = B.cp = NULL;
    A.start = A.end = B.start = B.end = NULL;
    A.n = B.n = 0;
    if (chars_of(a, la, &A) != 0 || chars_of(b, lb, &B) != 0) { oom = 1; goto cleanup; }
    ha = shingles(&A, k, &na);
    if (!ha && na) { oom = 1; goto cleanup; }
    hb = shingles(&B, k, &nb);
    if (!hb && nb) { oom = 1; goto cleanup; }
    if (!ha || !hb) goto cleanup;                      /* a text too short: nothing shared */
    sa = malloc(na * sizeof *sa);
    sb = malloc(nb * sizeof *sb);
    cov = malloc((A.n > B.n ? A.n : B.n) + 1);
    if (!sa || !sb || !cov) { oom = 1; goto cleanup; }
    memcpy(sa, ha, na * sizeof *sa);
    memcpy(sb, hb, nb * sizeof *sb);
    qsort(sa, na, sizeof *sa, cmp_u64);
    qsort(sb, nb, sizeof *sb, cmp_u64);
    memset(cov, 0, A.n);
    ca = cover(ha, na, sb, nb, k, cov, &ignore, &ignore);
    memset(cov, 0, B.n);
    cb = cover(hb, nb, sa, na, k, cov, &at, &run);
    share_a = (double)ca / (double)A.n;
    share_b = (double)cb / (double)B.n;
    if (run > 0) {
        pa = B.start[at];
        pb = B.end[at + run - 1 + k - 1];
        run = run + k - 1;                            /* characters, not shingles */
    }
cleanup:
    chars_free(&A);
    chars_free(&B);
    free(ha);
    free(hb);
    free(sa);
    free(sb);
    free(cov);
    if (oom) return luaL_error(L, "out of memory");
    lua_pushnumber(L, share_a);
    lua_pushnumber(L, share_b);
    lua_pushlstring(L, b + pa, pb - pa);
    lua_pushinteger(L, (lua_Integer)run);
    return 4;
}

/* 64-bit FNV-1a of n bytes */
static uint64_t fnv1a(const unsigned char *s, size_t n) {
    uint64_t x = 0xCBF29CE484222325ULL;
    size_t i;
    for (i = 0; i < n; i++) {
        x ^= s[i];
        x *= 0x100000001B3ULL;
    }
    return x;
}

static void push_hex(lua_State *L, uint64_t x) {
    char hex[16];
    int i;
    for (i = 0; i < 16; i++) hex[i] = "0123456789abcdef"[(x >> (60 - 4 * i)) & 0xF];
    lua_pushlstring(L, hex, 16);
}

/* similar.digest(bytes) -> 16 hex digits: a 64-bit hash of the bytes
** (FNV-1a, mixed), to tell the same file under two names. */
static int l_digest(lua_State *L) {
    size_t n;
    const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &n);
    push_hex(L, mix(fnv1a(s, n) ^ n));
    return 1;
}

/* similar.fnv(bytes) -> 16 hex digits: plain 64-bit FNV-1a, unmixed, as
** the baselines that reviewers keep on disk hold their fingerprints. */
static int l_fnv(lua_State *L) {
    size_t n;
    const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &n);
    push_hex(L, fnv1a(s, n));
    return 1;
}

static const luaL_Reg similar_funcs[] = {
    {"signature", l_signature}, {"agree", l_agree}, {"common", l_common}, {"digest", l_digest},
    {"fnv", l_fnv}, {NULL, NULL}
};

int luaopen_nianbao_similar(lua_State *L) {
    luaL_newlib(L, similar_funcs);
    return 1;
}
