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
** Lua error; only a text cut in shingles for many pairs (a userdata) is
** kept between calls, until released or collected.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "nb_similar.h"
#include "nb_fnv.h"

#define MAX_HASHES 256

/*{=== characters ===*/

/* Decode one UTF-8 character at s[i]; its length in *len (1 for a bad byte,
** then the code point is 0xFFFD). */
static uint32_t decode(const unsigned char *s, size_t n, size_t i, size_t *len) {
    unsigned char c = s[i];
    uint32_t cp;
    size_t k, need;
    if (c < 0x80) { *len = 1; return c; }
    if (c >= 0xE0 && c <= 0xEF && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
        *len = 3;                       /* a Chinese character, most of a narrative: the loop below's result */
        return (uint32_t)(c & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
    }
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

/* fold(decode(s, n, i, len)), with the characters most of a narrative is
** made of (a Chinese character of three bytes, ASCII) read here inline: a
** call of each for every character cost as much as the rest of a cut. */
static inline uint32_t counted_at(const unsigned char *s, size_t n, size_t i, size_t *len) {
    unsigned char c = s[i];
    if (c >= 0xE0 && c <= 0xEF && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
        uint32_t cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
        *len = 3;                       /* as decode reads it; between the marks fold drops, kept */
        return cp >= 0x3040 && cp < 0xFE30 ? cp : fold(cp);
    }
    return fold(decode(s, n, i, len));
}

/*}===*/

/*{=== shingles ===*/

static uint64_t mix(uint64_t x) {           /* splitmix64's finaliser */
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/* FNV-1a over k code points, mixed: a shingle's hash. Shingles of ten
** characters, the batch's, spelt out (the loop's own instructions were
** half of it). */
static inline uint64_t shingle_hash(const uint32_t *w, size_t k) {
    uint64_t x = NB_FNV_OFFSET;
    size_t j;
    if (k == 10) {
#define STEP(q) x = (x ^ w[q]) * NB_FNV_PRIME
        STEP(0); STEP(1); STEP(2); STEP(3); STEP(4); STEP(5); STEP(6); STEP(7); STEP(8); STEP(9);
#undef STEP
        return mix(x);
    }
    for (j = 0; j < k; j++) {
        x ^= w[j];
        x *= NB_FNV_PRIME;
    }
    return mix(x);
}

/* The hash of each shingle of k characters of text (len bytes) in h, room
** for len of them: their number, the characters that count less k - 1 (0
** when fewer than k). A window of the last k characters, not an array of
** them all: a signature wants the hashes alone. */
static size_t shingle_hashes(const char *text, size_t len, size_t k, uint64_t *h) {
    const unsigned char *s = (const unsigned char *)text;
    uint32_t win[2 * 64];     /* the last k characters, twice over: win[r + 1 .. r + k] in order */
    size_t i, clen, t = 0, r = 0;
    for (i = 0; i < len; i += clen) {
        uint32_t f = counted_at(s, len, i, &clen);
        if (!f) continue;
        r = r + 1 == k ? 0 : r + 1;
        win[r] = win[r + k] = f;
        if (++t >= k) h[t - k] = shingle_hash(win + r + 1, k);
    }
    return t >= k ? t - k + 1 : 0;
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
    uint64_t *h;
    uint32_t mins[MAX_HASHES];
    unsigned char out[4 * MAX_HASHES];
    luaL_argcheck(L, nh >= 1 && nh <= MAX_HASHES, 3, "1 to 256 hashes");
    h = malloc((len + 1) * sizeof *h);                /* shingles: no more than bytes */
    if (h == NULL) return luaL_error(L, "out of memory");
    m = shingle_hashes(text, len, k, h);
    if (m == 0) {
        free(h);
        luaL_pushfail(L);
        return 1;
    }
    /* h -> (a h + b) mod 2^64, top 32 bits; four functions a walk of h
    ** (a shingle read once for four, the loop's own instructions shared) */
    for (j = 0; j < (size_t)nh; j += 4) {
        uint64_t a[4], b[4], least[4] = {UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX};
        size_t q, w = (size_t)nh - j < 4 ? (size_t)nh - j : 4;
        for (q = 0; q < 4; q++) {                      /* past nh: a copy of the last, not kept */
            size_t f = j + (q < w ? q : w - 1);
            a[q] = mix(2 * f + 1) | 1;
            b[q] = mix(2 * f + 2);
        }
        for (i = 0; i < m; i++) {                      /* the top bits of the least are the least top bits */
            uint64_t x = h[i], v0 = a[0] * x + b[0], v1 = a[1] * x + b[1];
            uint64_t v2 = a[2] * x + b[2], v3 = a[3] * x + b[3];
            if (v0 < least[0]) least[0] = v0;
            if (v1 < least[1]) least[1] = v1;
            if (v2 < least[2]) least[2] = v2;
            if (v3 < least[3]) least[3] = v3;
        }
        for (q = 0; q < w; q++) mins[j + q] = (uint32_t)(least[q] >> 32);
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

/*{=== the pairs a batch's signatures meet in ===*/

#define PAIR_SHIFT 26                          /* a pair as one integer: i << PAIR_SHIFT | j */
#define NO_GROUP UINT32_MAX                    /* an entry in no bucket of its band, or a crowded one */

/* similar.met(sigs, n, bands, rows, most) -> the pairs to measure, as
** each_pair meets them: a list of integers, i << 26 | j for entries i < j
** (of 1 .. n; sigs[i] a signature, or nil or false for none) whose
** signatures agree on a whole band (rows minima of 4 bytes) shared by no
** more than `most` entries, each pair once (in the first such band);
** a 0 after each bucket's pairs. Bucketing, and asking whether two
** entries met in an earlier band, took a table and a string a band an
** entry in Lua. The scratch is a userdata: nothing leaks on an error. */
static int l_met(lua_State *L) {
    lua_Integer n = luaL_checkinteger(L, 2), bands = luaL_checkinteger(L, 3);
    lua_Integer rows = luaL_checkinteger(L, 4), most = luaL_checkinteger(L, 5);
    size_t width, slots = 1, i, out = 0;
    const unsigned char **sig;
    uint32_t *group, *head, *tail, *count, *next;
    lua_Integer b;
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argcheck(L, n >= 0 && n < ((lua_Integer)1 << PAIR_SHIFT), 2, "too many entries");
    luaL_argcheck(L, bands >= 1 && bands <= MAX_HASHES, 3, "1 to 256 bands");
    luaL_argcheck(L, rows >= 1 && rows * bands <= MAX_HASHES, 4, "rows of a band");
    luaL_argcheck(L, most >= 2, 5, "a bucket holds two entries at least");
    width = 4 * (size_t)rows;
    while (slots < 2 * (size_t)n) slots *= 2;
    /* sig[n], then group[bands][n] (NO_GROUP or the bucket's slot), head, tail, count[slots], next[n] */
    sig = lua_newuserdatauv(L, (size_t)n * sizeof *sig + ((size_t)bands * (size_t)n + 3 * slots + (size_t)n) * sizeof *group
                               + 1, 0);
    group = (uint32_t *)(sig + n);
    head = group + (size_t)bands * (size_t)n;
    tail = head + slots;
    count = tail + slots;
    next = count + slots;
    for (i = 0; i < (size_t)n; i++) {
        size_t len;
        int t = lua_rawgeti(L, 1, (lua_Integer)i + 1);
        sig[i] = NULL;
        if (t == LUA_TSTRING) {
            sig[i] = (const unsigned char *)lua_tolstring(L, -1, &len);   /* kept alive by the table */
            luaL_argcheck(L, len == width * (size_t)bands, 1, "signatures of bands * rows minima");
        } else if (t != LUA_TNIL && !(t == LUA_TBOOLEAN && !lua_toboolean(L, -1)))
            luaL_argerror(L, 1, "a signature, or nil or false");
        lua_pop(L, 1);
    }
    lua_newtable(L);
    for (b = 0; b < bands; b++) {
        uint32_t *g = group + (size_t)b * (size_t)n;
        size_t off = (size_t)b * width, mask = slots - 1, s;
        /* the band's buckets: open addressing by the band's value, each a
        ** chain of its entries in their order */
        memset(head, 0xFF, slots * sizeof *head);
        for (i = 0; i < (size_t)n; i++) {
            g[i] = NO_GROUP;
            if (!sig[i]) continue;
            for (s = (size_t)nb_fnv1a(sig[i] + off, width) & mask; head[s] != NO_GROUP; s = (s + 1) & mask)
                if (memcmp(sig[head[s]] + off, sig[i] + off, width) == 0) break;
            if (head[s] == NO_GROUP) { head[s] = tail[s] = (uint32_t)i; count[s] = 1; }
            else { next[tail[s]] = (uint32_t)i; tail[s] = (uint32_t)i; count[s]++; }
            next[i] = NO_GROUP;
            g[i] = (uint32_t)s;
        }
        for (s = 0; s < slots; s++) {
            uint32_t x, y;
            size_t before = out;
            if (head[s] == NO_GROUP) continue;
            if (count[s] > (uint32_t)most) {               /* common wording: passed over, now and later */
                for (x = head[s]; x != NO_GROUP; x = next[x]) g[x] = NO_GROUP;
                continue;
            }
            for (x = head[s]; x != NO_GROUP; x = next[x])
                for (y = next[x]; y != NO_GROUP; y = next[y]) {
                    lua_Integer k;
                    for (k = 0; k < b; k++) {               /* met in an earlier band's bucket? */
                        const uint32_t *e = group + (size_t)k * (size_t)n;
                        if (e[x] != NO_GROUP && e[x] == e[y]) break;
                    }
                    if (k < b) continue;
                    lua_pushinteger(L, (lua_Integer)(x + 1) << PAIR_SHIFT | (lua_Integer)(y + 1));
                    lua_rawseti(L, -2, (lua_Integer)++out);
                }
            if (out > before) {
                lua_pushinteger(L, 0);
                lua_rawseti(L, -2, (lua_Integer)++out);
            }
        }
    }
    return 1;
}

/*}===*/

/*{=== a text cut in shingles ===*/

/* A text as a pair measures it, cut once and kept for all its pairs (a
** report meets many peers in a bucket): its shingles in order, and the set
** of them for asking whether the other text has one. As a userdata
** (similar.shingled) its user value is the text, which keeps `text` alive;
** the arrays are malloc'ed, freed by similar.release or the collector. */
typedef struct {
    const char *text;
    size_t len;            /* bytes of text */
    size_t n, m, k;        /* characters that count, shingles, characters a shingle */
    size_t mask;           /* slots in the set - 1 (a power of two, at most half full) */
    int released;
    int distinct;          /* no two shingles alike (by hash): a shingle the other
                           ** text has is then found at one place (measure) */
    uint32_t *start;       /* byte where each character that counts starts (a text
                           ** under 4 GB: half the bytes of a size_t each) */
    uint64_t *h;           /* each shingle's hash, in order */
    uint32_t *set;         /* each distinct hash as 1 + where it first is in h, open
                           ** addressing by the hash, 0 for empty: half the bytes of
                           ** the hashes themselves, so twice the slots for the memory */
} shingled;

/* Where in sh->h hash v first is, or -1 when sh has no such shingle. */
static inline ptrdiff_t find_shingle(const shingled *sh, uint64_t v) {
    const uint32_t *set = sh->set;
    const uint64_t *h = sh->h;
    size_t j, mask = sh->mask;
    uint32_t e;
    for (j = (size_t)v & mask; (e = set[j]) != 0; j = (j + 1) & mask)
        if (h[e - 1] == v) return (ptrdiff_t)e - 1;
    return -1;
}

#define SHINGLED "nianbao.shingled"
#define COPIES "nianbao.copies"

/* The library's functions hold the metatables of its two userdata as
** upvalues: a shingled text's (1) and a copies store's (2). */
#define SHINGLED_MT lua_upvalueindex(1)
#define COPIES_MT lua_upvalueindex(2)

/* Argument idx as the userdata of the metatable at upvalue mt (named
** tname in the registry): one compare with the upvalue, where
** luaL_checkudata looked the name up in the registry at every call (some
** 300 instructions, a pair measured asking it eight times); any other
** value raises luaL_checkudata's own error. */
static void *typed_arg(lua_State *L, int idx, int mt, const char *tname) {
    void *p = lua_touserdata(L, idx);
    if (p != NULL && lua_getmetatable(L, idx)) {
        int same = lua_rawequal(L, -1, mt);
        lua_pop(L, 1);
        if (same) return p;
    }
    return luaL_checkudata(L, idx, tname);
}

static void uncut(shingled *sh) {
    free(sh->start);
    free(sh->h);
    free(sh->set);
    sh->start = NULL;
    sh->h = NULL;
    sh->set = NULL;
    sh->n = sh->m = 0;
}

/* p, of at least size bytes, cut to size if it may be. */
static void *shrunk(void *p, size_t size) {
    void *q = realloc(p, size);
    return q ? q : p;
}

/* Cut text in shingles of k characters into sh: the same characters and
** hashes as shingle_hashes gives. 0 on success, -1 when out of
** memory (then nothing is held). */
static int cut(const char *text, size_t len, size_t k, shingled *sh) {
    const unsigned char *s = (const unsigned char *)text;
    uint32_t win[2 * 64];     /* the last k characters, twice over: win[r + 1 .. r + k] in order */
    size_t i, j, clen, t = 0, r = 0, slots = 1;
    memset(sh, 0, sizeof *sh);
    sh->text = text;
    sh->len = len;
    sh->k = k;
    if (len >= UINT32_MAX) return -1;                      /* a place of start is 32 bits */
    sh->start = malloc((len + 1) * sizeof *sh->start);  /* characters that count: at most len */
    sh->h = malloc((len + 1) * sizeof *sh->h);
    if (!sh->start || !sh->h) { uncut(sh); return -1; }
    for (i = 0; i < len; i += clen) {
        uint32_t f = counted_at(s, len, i, &clen);
        if (!f) continue;
        sh->start[t] = (uint32_t)i;
        r = r + 1 == k ? 0 : r + 1;
        win[r] = win[r + k] = f;
        if (++t >= k) sh->h[t - k] = shingle_hash(win + r + 1, k);   /* as shingles hashes them */
    }
    sh->n = t;
    sh->m = t >= k ? t - k + 1 : 0;
    sh->start = shrunk(sh->start, (t + 1) * sizeof *sh->start);  /* kept while its pairs are measured */
    sh->h = shrunk(sh->h, (t + 1) * sizeof *sh->h);
    if (sh->m >= UINT32_MAX) { uncut(sh); return -1; }           /* a place of the set is 32 bits */
    while (slots < 2 * sh->m) slots *= 2;      /* at most half full: a quarter held 16 bytes a shingle more */
    sh->set = calloc(slots, sizeof *sh->set);
    if (!sh->set) { uncut(sh); return -1; }
    sh->mask = slots - 1;
    sh->distinct = 1;
    for (i = 0; i < sh->m; i++) {
        uint64_t x = sh->h[i];
        uint32_t e;
        for (j = (size_t)x & sh->mask; (e = sh->set[j]) != 0 && sh->h[e - 1] != x; j = (j + 1) & sh->mask) {}
        if (e == 0) sh->set[j] = (uint32_t)i + 1;                 /* the first place of a hash */
        else sh->distinct = 0;
    }
    return 0;
}

static int l_release(lua_State *L) {
    shingled *sh = typed_arg(L, 1, SHINGLED_MT, SHINGLED);
    uncut(sh);
    sh->released = 1;
    return 0;
}

/* similar.shingled(text [, k]) -> the text cut in shingles of k characters
** (default 10), for similar.common to measure against many others. */
static int l_shingled(lua_State *L) {
    size_t len, k = check_k(L, 2);
    const char *text = luaL_checklstring(L, 1, &len);
    shingled *sh = lua_newuserdatauv(L, sizeof *sh, 1);
    memset(sh, 0, sizeof *sh);
    lua_pushvalue(L, SHINGLED_MT);
    lua_setmetatable(L, -2);                         /* from here the collector frees it */
    if (cut(text, len, k, sh) != 0) return luaL_error(L, "out of memory");
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1);
    return 1;
}

/* The characters of x covered by a shingle of x that y has too; the
** longest run of such shingles in *run_at, *run_len (in shingles). The
** shingles found come in order, so what they cover is counted as it grows.
** A shingle of a passage the two share most often follows, in y, the one
** found before it: that place is asked first, the set only when it differs,
** and such a stretch is walked in a loop of its own and counted at its end.
** mark, when given (room for y's shingles, all 0): each shingle of y found
** for one of x's is marked 1 there. */
static size_t cover(const shingled *x, const shingled *y, size_t *run_at, size_t *run_len, unsigned char *mark) {
    /* in locals: stores through run_at and run_len could otherwise alias
    ** the arrays, read again at each shingle */
    const uint64_t *h = x->h, *yh = y->h;
    size_t m = x->m, k = x->k, ym = y->m;
    size_t i = 0, covered = 0, at = 0, len = 0, hi = 0, best_at = 0, best_len = 0;
    size_t next = ym;                           /* the place in y after the last found, ym for none */
    while (i < m) {
        size_t p, r, most;
        if (next < ym && yh[next] == h[i]) p = next;
        else {
            ptrdiff_t q = find_shingle(y, h[i]);
            if (q < 0) { len = 0; next = ym; i++; continue; }
            p = (size_t)q;
        }
        /* shingles i .. i + r - 1 of x are y's p .. p + r - 1: each found */
        most = m - i < ym - p ? m - i : ym - p;
        for (r = 1; r < most && yh[p + r] == h[i + r]; r++) {}
        if (mark) memset(mark + p, 1, r);
        if (len == 0) at = i;
        len += r;
        if (len > best_len) { best_len = len; best_at = at; }
        /* [i, i + r - 1 + k) less what is counted, [.., hi) */
        covered += i + r - 1 + k - (i > hi ? i : hi);
        hi = i + r - 1 + k;
        next = p + r;
        i += r;
    }
    *run_at = best_at;
    *run_len = best_len;
    return covered;
}

/* Argument idx of similar.common checked (all that could raise, before
** any malloc): its shingled text, or NULL for a text. */
static shingled *common_arg(lua_State *L, int idx, size_t k) {
    shingled *sh;
    if (lua_type(L, idx) != LUA_TUSERDATA) { luaL_checkstring(L, idx); return NULL; }
    sh = typed_arg(L, idx, SHINGLED_MT, SHINGLED);
    luaL_argcheck(L, !sh->released, idx, "released");
    luaL_argcheck(L, sh->k == k, idx, "cut in shingles of another length");
    return sh;
}

/* Argument idx of similar.common as shingled: as given, or its text cut
** into *own (to be uncut by the caller); NULL when out of memory. */
static shingled *shingled_arg(lua_State *L, int idx, size_t k, shingled *given, shingled *own) {
    size_t len;
    const char *text;
    if (given) return given;
    text = lua_tolstring(L, idx, &len);              /* a string by now: no allocation */
    return cut(text, len, k, own) == 0 ? own : NULL;
}

/* The characters covered by the shingles marked (mark[i] 1 for shingle i
** of m, k characters each): what cover counts, of a text whose shingles
** the other has marked. Eight marks read at once where they are all 0 or
** all 1 (a text is most often long stretches of either). */
static size_t marked_cover(const unsigned char *mark, size_t m, size_t k) {
    static const uint64_t ALL = 0x0101010101010101u;
    size_t i = 0, covered = 0, hi = 0, from;
    uint64_t w;
    while (i < m) {
        if (!mark[i]) {
            i++;
            while (i + 8 <= m && (memcpy(&w, mark + i, 8), w == 0)) i += 8;
            continue;
        }
        from = i++;                                   /* a stretch of shingles marked: [from, i) */
        while (i + 8 <= m && (memcpy(&w, mark + i, 8), w == ALL)) i += 8;
        while (i < m && mark[i]) i++;
        covered += i - 1 + k - (from > hi ? from : hi);
        hi = i - 1 + k;
    }
    return covered;
}

/* What a pair has in common (A, B cut with one k): share of each, and the
** longest passage of B made of shingles A has, bytes [*pa, *pb) of B's
** text, *run its characters (0, and no passage, when none).
** When no two shingles of A are alike, the ones B has are each found at
** their one place as B's walk asks for them: marked there, they give A's
** share with no walk of A (half of a pair's measuring). */
#define MARKS 4096                                    /* shingles of A marked on the stack */
static void measure(const shingled *A, const shingled *B, double *share_a, double *share_b,
                    size_t *pa, size_t *pb, size_t *run) {
    size_t k = B->k, at = 0, ignore, clen;
    unsigned char marks[MARKS], *mark = NULL;
    *share_a = *share_b = 0;
    *pa = *pb = *run = 0;
    if (A->m == 0 || B->m == 0) return;               /* a text too short: nothing shared */
    if (A->distinct) {
        mark = A->m <= MARKS ? marks : malloc(A->m);  /* (none: A is walked, as ever) */
        if (mark) memset(mark, 0, A->m);
    }
    *share_b = (double)cover(B, A, &at, run, mark) / (double)B->n;
    if (mark) {
        *share_a = (double)marked_cover(mark, A->m, k) / (double)A->n;
        if (mark != marks) free(mark);
    } else {
        *share_a = (double)cover(A, B, &ignore, &ignore, NULL) / (double)A->n;
    }
    if (*run > 0) {
        size_t last = B->start[at + *run - 1 + k - 1];
        decode((const unsigned char *)B->text, B->len, last, &clen);
        *pa = B->start[at];
        *pb = last + clen;
        *run = *run + k - 1;                          /* characters, not shingles */
    }
}

/* similar.common(a, b [, k [, span]]) -> share of a, share of b, passage,
** its length: the share of each text's characters covered by shingles of k
** characters (default 10) that the other has too, and the longest
** passage of b made of shingles a has (as b prints it, punctuation
** included), with its length in characters that count. a and b are texts,
** or texts shingled with the same k (similar.shingled). With span true the
** passage is where it is in b's text, two numbers (from, to: b:sub(from,
** to) is it) in its place: a caller that says few passages makes none of
** the others. */
static int l_common(lua_State *L) {
    size_t k = check_k(L, 3), run = 0, pa = 0, pb = 0;
    int span = lua_toboolean(L, 4);
    shingled own_a, own_b, *A, *B;
    const char *b;
    double share_a = 0, share_b = 0;
    memset(&own_a, 0, sizeof own_a);
    memset(&own_b, 0, sizeof own_b);
    A = common_arg(L, 1, k);
    B = common_arg(L, 2, k);
    A = shingled_arg(L, 1, k, A, &own_a);
    B = A ? shingled_arg(L, 2, k, B, &own_b) : NULL;
    if (!A || !B) { uncut(&own_a); return luaL_error(L, "out of memory"); }
    measure(A, B, &share_a, &share_b, &pa, &pb, &run);
    b = B->text;
    uncut(&own_a);
    uncut(&own_b);
    lua_pushnumber(L, share_a);
    lua_pushnumber(L, share_b);
    if (span) {
        lua_pushinteger(L, (lua_Integer)pa + 1);
        lua_pushinteger(L, (lua_Integer)pb);
        lua_pushinteger(L, (lua_Integer)run);
        return 5;
    }
    lua_pushlstring(L, b + pa, pb - pa);
    lua_pushinteger(L, (lua_Integer)run);
    return 4;
}

/*}===*/

/*{=== a passage cut to a length ===*/

/* The length of the character at s[i] (of n bytes) as Lua 5.4's utf8.len
** decodes it (strictly: no surrogates, nothing past U+10FFFF, no overlong
** form), or 0 when it is not one. The byte past the end reads as the NUL
** that ends a Lua string. */
static size_t utf8_strict(const unsigned char *s, size_t n, size_t i) {
    static const uint32_t least[] = {~(uint32_t)0, 0x80, 0x800, 0x10000u, 0x200000u, 0x4000000u};
    unsigned int c = s[i];
    uint32_t res = 0;
    size_t count = 0;
    if (c < 0x80) return 1;
    for (; c & 0x40; c <<= 1) {                 /* a continuation byte for each bit of the lead */
        unsigned int cc = i + count + 1 < n ? s[i + count + 1] : 0;
        if ((cc & 0xC0) != 0x80 || ++count > 5) return 0;
        res = (res << 6) | (cc & 0x3F);
    }
    res |= (uint32_t)(c & 0x7F) << (count * 5);
    if (res < least[count] || res > 0x10FFFFu || (res >= 0xD800u && res <= 0xDFFFu)) return 0;
    return count + 1;
}

/* similar.cut(text, n [, from, to]) -> text cut after n characters with
** "…" added, or text itself when it has no more than n characters or is
** not UTF-8 as utf8.len reads it: what a passage says, in one walk of it
** (utf8.len, then utf8.offset, took some 80 instructions a character).
** With from and to, what text:sub(from, to) would give is cut, and that
** string made only as said. */
static int l_cut(lua_State *L) {
    size_t len, i = 0, chars = 0, at = 0, clen;
    const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &len);
    lua_Integer n = luaL_checkinteger(L, 2);
    int part = !lua_isnoneornil(L, 3);
    luaL_argcheck(L, n >= 0, 2, "a count of characters");
    if (part) {
        lua_Integer from = luaL_checkinteger(L, 3), to = luaL_checkinteger(L, 4);
        luaL_argcheck(L, from >= 1 && (lua_Unsigned)from <= (lua_Unsigned)len + 1, 3, "a place in the text");
        luaL_argcheck(L, to >= from - 1 && (lua_Unsigned)to <= (lua_Unsigned)len, 4, "a place in the text");
        s += from - 1;
        len = (size_t)(to - from + 1);
    }
    if (len <= (size_t)n) goto whole;          /* no more characters than bytes */
    while (i < len) {
        if (s[i] < 0x80) clen = 1;
        else if ((s[i] & 0xF0) == 0xE0 && i + 2 < len && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
                 (s[i] != 0xE0 || s[i + 1] >= 0xA0) && (s[i] != 0xED || s[i + 1] < 0xA0))
            clen = 3;                          /* a Chinese character, most of a passage: as utf8_strict takes it */
        else if ((clen = utf8_strict(s, len, i)) == 0)
            goto whole;                        /* not UTF-8: said as it is */
        if (chars == (size_t)n) at = i;        /* where character n + 1 begins */
        chars++;
        i += clen;
    }
    if (chars <= (size_t)n) goto whole;
    {
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        luaL_addlstring(&b, (const char *)s, at);
        luaL_addstring(&b, "\xE2\x80\xA6");    /* … */
        luaL_pushresult(&b);
    }
    return 1;
whole:
    if (part) lua_pushlstring(L, (const char *)s, len);
    else lua_settop(L, 1);
    return 1;
}

/*}===*/

static void push_hex(lua_State *L, uint64_t x) {
    char hex[16];
    int i;
    for (i = 0; i < 16; i++) hex[i] = "0123456789abcdef"[(x >> (60 - 4 * i)) & 0xF];
    lua_pushlstring(L, hex, 16);
}

/* nb_fnv1a, the same hash, eight bytes a turn of the loop: a file is read
** whole, and the loop's own step and compare were half of each byte's
** instructions. */
static uint64_t fnv1a_of_file(const unsigned char *s, size_t n) {
    uint64_t x = NB_FNV_OFFSET;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
#define STEP(q) x = (x ^ s[i + q]) * NB_FNV_PRIME
        STEP(0); STEP(1); STEP(2); STEP(3); STEP(4); STEP(5); STEP(6); STEP(7);
#undef STEP
    }
    for (; i < n; i++) x = (x ^ s[i]) * NB_FNV_PRIME;
    return x;
}

/*{=== the copies found of each report ===*/

/* While a batch measures its pairs, each report holds the copies found of
** it, the closest first: the year before, then its peers by the larger
** share, then by their names' places in the order of the paths. Only the
** `most` closest are kept. In C, slots of a fixed size in one growing
** array: a table a report held some 440 bytes of thirty thousand files'
** peak, and a copy here is 24 bytes. */
typedef struct {
    double share;
    int64_t passage;       /* as the driver sets it (0 until then) */
    int32_t length;        /* characters of the passage */
    int32_t other;         /* the other report's position, 0 for the year before */
} copy_slot;

typedef struct {
    size_t n, used, cap;   /* reports; lists given out and room for (each `most` slots) */
    int most;
    int32_t *rank;         /* each report's place in the order of the paths (1-based) */
    int32_t *list;         /* each report's list: 1 + its number, 0 for none yet */
    unsigned char *count;  /* copies in each report's list */
    copy_slot *slot;
} copies_store;

#define MOST_COPIES 64

static void copies_free(copies_store *c) {
    free(c->rank);
    free(c->list);
    free(c->count);
    free(c->slot);
    c->rank = c->list = NULL;
    c->count = NULL;
    c->slot = NULL;
    c->n = c->used = c->cap = 0;
}

/* store:free(): its memory given back now (and its __gc) */
static int l_copies_gc(lua_State *L) {
    copies_free(typed_arg(L, 1, COPIES_MT, COPIES));
    return 0;
}

/* similar.copies(ranks, most) -> a store of the copies of #ranks reports,
** report i placed ranks[i] in the order of the paths, `most` kept each */
static int l_copies(lua_State *L) {
    lua_Integer most = luaL_checkinteger(L, 2);
    size_t n, i;
    copies_store *c;
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argcheck(L, most >= 1 && most <= MOST_COPIES, 2, "copies kept out of range");
    n = (size_t)luaL_len(L, 1);
    luaL_argcheck(L, n < (size_t)INT32_MAX, 1, "too many reports");
    c = lua_newuserdatauv(L, sizeof *c, 0);
    memset(c, 0, sizeof *c);
    lua_pushvalue(L, COPIES_MT);
    lua_setmetatable(L, -2);                         /* from here the collector frees it */
    c->most = (int)most;
    c->rank = malloc((n + 1) * sizeof *c->rank);
    c->list = calloc(n + 1, sizeof *c->list);
    c->count = calloc(n + 1, 1);
    if (!c->rank || !c->list || !c->count) { copies_free(c); return luaL_error(L, "out of memory"); }
    c->n = n;
    for (i = 1; i <= n; i++) {
        lua_Integer r;
        lua_rawgeti(L, 1, (lua_Integer)i);
        r = lua_tointeger(L, -1);
        lua_pop(L, 1);
        c->rank[i] = r > 0 && r < INT32_MAX ? (int32_t)r : INT32_MAX;
    }
    c->rank[0] = 0;
    return 1;
}

static copies_store *check_copies(lua_State *L) {
    copies_store *c = typed_arg(L, 1, COPIES_MT, COPIES);
    if (!c->rank) luaL_error(L, "copies freed");
    return c;
}

/* report i's slots (i checked against the store) */
static copy_slot *copies_of(copies_store *c, size_t i) {
    return c->list[i] ? c->slot + (size_t)(c->list[i] - 1) * (size_t)c->most : NULL;
}

static size_t report_arg(lua_State *L, copies_store *c, int idx) {
    lua_Integer i = luaL_checkinteger(L, idx);
    luaL_argcheck(L, i >= 1 && (size_t)i <= c->n, idx, "no such report");
    return (size_t)i;
}

/* Report i's list given one more copy (other the other report's position,
** 0 for the year before): 1 and where it is kept (*kept_at, 1 the closest),
** 0 when it is not, -1 when out of memory. A copy is dropped only from a
** full list, so a list of fewer holds every copy found. */
static int copies_add(copies_store *c, size_t i, double share, int32_t length, int32_t other,
                      size_t *kept_at) {
    copy_slot *list = copies_of(c, i);
    size_t n = c->count[i], at, most = (size_t)c->most;
    int previous = other == 0;
    if (!list) {
        if (c->used == c->cap) {
            size_t cap = c->cap ? c->cap + c->cap / 2 : 64;
            copy_slot *more;
            if (cap > c->n) cap = c->n;
            if (cap > SIZE_MAX / sizeof *more / most) return -1;
            more = realloc(c->slot, cap * most * sizeof *more);
            if (!more) return -1;
            c->slot = more;
            c->cap = cap;
        }
        c->list[i] = (int32_t)++c->used;
        list = copies_of(c, i);
    }
    /* walked up from the end: the list is short */
    for (at = n; at > 0; at--) {
        const copy_slot *y = &list[at - 1];
        int y_previous = y->other == 0;
        if (previous != y_previous) {
            if (y_previous) break;
        } else if (share != y->share) {
            if (!(share > y->share)) break;
        } else if (!(c->rank[other] < c->rank[y->other])) break;
    }
    if (at >= most) return 0;
    if (n == most) n--;                              /* the last dropped */
    memmove(&list[at + 1], &list[at], (n - at) * sizeof *list);
    list[at].share = share;
    list[at].passage = 0;
    list[at].length = length;
    list[at].other = other;
    c->count[i] = (unsigned char)(n + 1);
    *kept_at = at + 1;
    return 1;
}

/* store:add(i, share, length, other) -> where in report i's list the copy
** is kept (1 the closest) | nil when it is not: other is the other
** report's position, 0 for the year before. */
static int l_copies_add(lua_State *L) {
    copies_store *c = check_copies(L);
    size_t i = report_arg(L, c, 2), at = 0;
    double share = luaL_checknumber(L, 3);
    lua_Integer length = luaL_checkinteger(L, 4), other = luaL_checkinteger(L, 5);
    int kept;
    luaL_argcheck(L, other >= 0 && (size_t)other <= c->n, 5, "no such report");
    luaL_argcheck(L, length >= INT32_MIN && length <= INT32_MAX, 4, "length out of range");
    kept = copies_add(c, i, share, (int32_t)length, (int32_t)other, &at);
    if (kept < 0) return luaL_error(L, "out of memory");
    if (kept == 0) lua_pushnil(L);
    else lua_pushinteger(L, (lua_Integer)at);
    return 1;
}

static size_t copy_arg(lua_State *L, copies_store *c, size_t i, int idx) {
    lua_Integer k = luaL_checkinteger(L, idx);
    luaL_argcheck(L, k >= 1 && k <= c->count[i], idx, "no such copy");
    return (size_t)k - 1;
}

/* store:set(i, k, passage): the passage (an integer) of report i's copy k */
static int l_copies_set(lua_State *L) {
    copies_store *c = check_copies(L);
    size_t i = report_arg(L, c, 2), k = copy_arg(L, c, i, 3);
    copies_of(c, i)[k].passage = luaL_checkinteger(L, 4);
    return 0;
}

/* store:count(i) -> the copies report i holds */
static int l_copies_count(lua_State *L) {
    copies_store *c = check_copies(L);
    lua_pushinteger(L, c->count[report_arg(L, c, 2)]);
    return 1;
}

/* store:get(i, k) -> share, passage, length, other of report i's copy k */
static int l_copies_get(lua_State *L) {
    copies_store *c = check_copies(L);
    size_t i = report_arg(L, c, 2), k = copy_arg(L, c, i, 3);
    const copy_slot *s = &copies_of(c, i)[k];
    lua_pushnumber(L, s->share);
    lua_pushinteger(L, s->passage);
    lua_pushinteger(L, s->length);
    lua_pushinteger(L, s->other);
    return 4;
}

/* Entry i's narrative as text(i) gives it ({text =, shingled =}), the
** table left on the stack to keep it alive: its text cut in shingles
** (*sh, NULL when only the text was cut by none) and its text (*str,
** NULL for none or an empty one). */
static void pair_text(lua_State *L, int text, lua_Integer i, shingled **sh, const char **str, size_t *len) {
    lua_pushvalue(L, text);
    lua_pushinteger(L, i);
    lua_call(L, 1, 1);
    *sh = NULL;
    *str = NULL;
    if (!lua_istable(L, -1)) return;
    if (lua_getfield(L, -1, "text") == LUA_TSTRING) {
        *str = lua_tolstring(L, -1, len);              /* kept alive by the table */
        if (*len == 0) *str = NULL;
    }
    lua_pop(L, 1);
    if (lua_getfield(L, -1, "shingled") == LUA_TUSERDATA) {
        *sh = typed_arg(L, -1, SHINGLED_MT, SHINGLED);
        if ((*sh)->released) *sh = NULL;
    }
    lua_pop(L, 1);
}

/* store:measure(met, q, text, let_go, keys, told, floor, k, shift) -> the
** place in met past the bucket that starts at q: each pair i, j of it (as
** similar.met lists them, a 0 after the bucket) measured and its copy
** added to both reports, where a pair a call each in Lua cost twice the
** measuring. As the driver's each_pair does it: text(i) is entry i's
** narrative, let_go(i) said when its row is done; entries of one key
** (keys[i], false for none) are not a pair; a pair sharing less than
** floor is not a copy; the passage is where it is in the spool, told[j]
** the place (<< shift) and length of j's narrative there. */
static int l_copies_measure(lua_State *L) {
    copies_store *c = check_copies(L);
    lua_Integer q = luaL_checkinteger(L, 3), row = 0;
    double floor = luaL_checknumber(L, 8);
    size_t k = check_k(L, 9);
    lua_Integer shift = luaL_checkinteger(L, 10);
    lua_Integer mask = ((lua_Integer)1 << PAIR_SHIFT) - 1;
    shingled *A = NULL;
    const char *ta = NULL;
    size_t la = 0;
    int have_a = 0, top;
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 4, LUA_TFUNCTION);
    luaL_checktype(L, 5, LUA_TFUNCTION);
    luaL_checktype(L, 6, LUA_TTABLE);
    luaL_checktype(L, 7, LUA_TTABLE);
    luaL_argcheck(L, shift >= 1 && shift < 63, 10, "a shift of 1 to 62 bits");
    lua_settop(L, 10);
    lua_pushnil(L);                                    /* 11: the row's key */
    lua_pushnil(L);                                    /* 12: the row's narrative, kept alive */
    top = lua_gettop(L);
    for (;; q++) {
        lua_Integer id, i, j;
        shingled *B, own_a, own_b, *X, *Y;
        const char *tb;
        size_t lb, pa, pb, run, at_a = 0, at_b = 0;
        double sa, sb;
        int kept_a, kept_b;
        int past = lua_rawgeti(L, 2, q) == LUA_TNIL;
        id = lua_tointeger(L, -1);
        lua_pop(L, 1);
        if (id <= 0) {                                 /* the bucket's end (or the list's) */
            if (row) {
                lua_pushvalue(L, 5);
                lua_pushinteger(L, row);
                lua_call(L, 1, 0);
            }
            lua_pushinteger(L, past ? q : q + 1);
            return 1;
        }
        i = id >> PAIR_SHIFT;
        j = id & mask;
        luaL_argcheck(L, i >= 1 && j > i && (size_t)j <= c->n, 2, "no such pair");
        if (i != row) {
            if (row) {
                lua_pushvalue(L, 5);
                lua_pushinteger(L, row);
                lua_call(L, 1, 0);
            }
            row = i;
            have_a = 0;
            A = NULL;
            ta = NULL;
            lua_rawgeti(L, 6, i);
            lua_replace(L, 11);
        }
        if (lua_toboolean(L, 11)) {                    /* one agency: its years are not a pair */
            int same;
            lua_rawgeti(L, 6, j);
            same = lua_rawequal(L, 11, -1);
            lua_pop(L, 1);
            if (same) continue;
        }
        if (!have_a) {
            pair_text(L, 4, i, &A, &ta, &la);
            lua_replace(L, 12);
            have_a = 1;
        }
        pair_text(L, 4, j, &B, &tb, &lb);
        if (!ta || !tb) { lua_settop(L, top); continue; }
        memset(&own_a, 0, sizeof own_a);
        memset(&own_b, 0, sizeof own_b);
        X = A ? A : (cut(ta, la, k, &own_a) == 0 ? &own_a : NULL);
        Y = !X ? NULL : B ? B : (cut(tb, lb, k, &own_b) == 0 ? &own_b : NULL);
        if (!X || !Y) { uncut(&own_a); return luaL_error(L, "out of memory"); }
        if (X->k != k || Y->k != k) { uncut(&own_a); uncut(&own_b); return luaL_error(L, "cut in shingles of another length"); }
        measure(X, Y, &sa, &sb, &pa, &pb, &run);
        uncut(&own_a);
        uncut(&own_b);
        lua_settop(L, top);                            /* j's narrative is the bucket's, kept there */
        if (sa < sb) sa = sb;
        if (sa < floor || run == 0) continue;
        if (run > INT32_MAX) return luaL_error(L, "passage too long");
        kept_a = copies_add(c, (size_t)i, sa, (int32_t)run, (int32_t)j, &at_a);
        kept_b = kept_a < 0 ? -1 : copies_add(c, (size_t)j, sa, (int32_t)run, (int32_t)i, &at_b);
        if (kept_b < 0) return luaL_error(L, "out of memory");
        if (kept_a || kept_b) {
            lua_Integer told, passage;
            int ok;
            lua_rawgeti(L, 7, j);
            told = lua_tointegerx(L, -1, &ok);
            lua_pop(L, 1);
            if (!ok || told < 0) return luaL_error(L, "no place of a narrative");
            passage = ((told >> shift) + (lua_Integer)pa) << shift | (lua_Integer)(pb - pa);
            if (kept_a) copies_of(c, (size_t)i)[at_a - 1].passage = passage;
            if (kept_b) copies_of(c, (size_t)j)[at_b - 1].passage = passage;
        }
    }
}

/*}===*/

/* similar.digest(bytes) -> 16 hex digits: a 64-bit hash of the bytes
** (FNV-1a, mixed), to tell the same file under two names. */
static int l_digest(lua_State *L) {
    size_t n;
    const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &n);
    push_hex(L, mix(fnv1a_of_file(s, n) ^ n));
    return 1;
}

/* similar.fnv(bytes) -> 16 hex digits: plain 64-bit FNV-1a, unmixed, as
** the baselines that reviewers keep on disk hold their fingerprints. */
static int l_fnv(lua_State *L) {
    size_t n;
    const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &n);
    push_hex(L, nb_fnv1a(s, n));
    return 1;
}

static const luaL_Reg similar_funcs[] = {
    {"signature", l_signature}, {"agree", l_agree}, {"shingled", l_shingled}, {"release", l_release},
    {"common", l_common}, {"met", l_met}, {"cut", l_cut}, {"digest", l_digest}, {"fnv", l_fnv},
    {"copies", l_copies}, {NULL, NULL}
};

int luaopen_nianbao_similar(lua_State *L) {
    static const luaL_Reg copies_methods[] = {
        {"add", l_copies_add}, {"set", l_copies_set}, {"get", l_copies_get},
        {"count", l_copies_count}, {"measure", l_copies_measure}, {"free", l_copies_gc}, {NULL, NULL}
    };
    int shingled_mt, copies_mt;
    luaL_newmetatable(L, SHINGLED);
    shingled_mt = lua_gettop(L);
    luaL_newmetatable(L, COPIES);
    copies_mt = lua_gettop(L);
    /* each C function with the two metatables as its upvalues */
#define WITH_MTS() (lua_pushvalue(L, shingled_mt), lua_pushvalue(L, copies_mt))
    WITH_MTS();
    lua_pushcclosure(L, l_release, 2);
    lua_setfield(L, shingled_mt, "__gc");
    luaL_newlibtable(L, copies_methods);
    WITH_MTS();
    luaL_setfuncs(L, copies_methods, 2);
    lua_setfield(L, copies_mt, "__index");
    WITH_MTS();
    lua_pushcclosure(L, l_copies_gc, 2);
    lua_setfield(L, copies_mt, "__gc");
    luaL_newlibtable(L, similar_funcs);
    WITH_MTS();
    luaL_setfuncs(L, similar_funcs, 2);
#undef WITH_MTS
    return 1;
}
