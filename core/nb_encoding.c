/*
** nb_encoding.c — iconv(3) from the C library, one conversion per call.
*/
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "nb_encoding.h"

int nb_encoding_to_utf8(lua_State *L, const char *buf, size_t len, const char *from) {
    iconv_t cd = iconv_open("UTF-8", from);
    char *in = (char *)buf, *out, *start;
    size_t inleft = len, cap = len * 2 + 16, outleft;
    luaL_Buffer b;
    if (cd == (iconv_t)-1) {
        lua_pushnil(L);
        lua_pushfstring(L, "unknown encoding '%s'", from);
        return 0;
    }
    /* UTF-8 from GB18030 or UTF-16 takes at most 2× the bytes, so one pass */
    start = out = luaL_buffinitsize(L, &b, cap);
    outleft = cap;
    if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
        int e = errno;
        size_t at = (size_t)(in - buf) + 1;
        iconv_close(cd);
        luaL_pushresultsize(&b, 0);
        lua_pop(L, 1);
        lua_pushnil(L);
        lua_pushfstring(L, "%s at byte %I", e == E2BIG ? "text too large to convert" :
                        e == EINVAL ? "incomplete character" : "invalid character",
                        (lua_Integer)at);
        return 0;
    }
    iconv_close(cd);
    luaL_pushresultsize(&b, (size_t)(out - start));
    return 1;
}

/* The length of s's first characters that are ASCII, or of two bytes
** (led by C2..DF), or of three led by E1..EC, EE or EF (most of Chinese):
** UTF-8 as utf8.len reads it whatever continuation bytes follow such a
** lead, so a character is one test of its lead and one of each other byte.
** It stops at any other byte, a bad continuation or the last two bytes:
** a character's start, from which the full check below reads on. */
static size_t utf8_common_run(const unsigned char *s, size_t len) {
    size_t i = 0, end = len > 2 ? len - 2 : 0;      /* (the last two bytes: left to the other) */
    while (i < end) {
        unsigned c = s[i];
        if (c < 0x80) {
            /* a run of ASCII (markup, most of a page) sixteen bytes a step, then
            ** eight, then one: the first other byte is found in a few steps */
            const uint64_t highs = UINT64_C(0x8080808080808080);
            for (i++; i + 16 <= end; i += 16) {
                uint64_t w, v;
                memcpy(&w, s + i, 8);
                memcpy(&v, s + i + 8, 8);
                if ((w | v) & highs) break;
            }
            for (; i + 8 <= end; i += 8) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                if (w & highs) break;
            }
            while (i < end && s[i] < 0x80) i++;
        } else if (c - 0xE1u <= 0xEFu - 0xE1u && c != 0xEDu) {
            /* a run of such characters (Chinese text) without going round the tests above */
            do {
                if (((s[i + 1] | (unsigned)s[i + 2] << 8) & 0xC0C0u) != 0x8080u) return i;
                i += 3;
            } while (i < end && (c = s[i]) - 0xE1u <= 0xEFu - 0xE1u && c != 0xEDu);
        } else if (c - 0xC2u <= 0xDFu - 0xC2u) {
            if ((s[i + 1] & 0xC0) != 0x80) break;
            i += 2;
        } else break;
    }
    return i;
}

size_t nb_encoding_utf8_invalid(const char *buf, size_t len) {
    const unsigned char *s = (const unsigned char *)buf, *e = s + len, *p = s;
    p += utf8_common_run(s, len);
    while (p < e) {
        unsigned c = *p, lo = 0x80, hi = 0xBF;
        size_t n, i;
        if (c < 0x80) {
            /* a run of ASCII eight bytes at a time */
            for (; e - p >= 8; p += 8) {
                uint64_t w;
                memcpy(&w, p, 8);
                if (w & UINT64_C(0x8080808080808080)) break;
            }
            while (p < e && *p < 0x80) p++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) lo = 0xA0;          /* below U+0800: overlong */
            else if (c == 0xED) hi = 0x9F;     /* U+D800..U+DFFF: surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) lo = 0x90;          /* below U+10000: overlong */
            else if (c == 0xF4) hi = 0x8F;     /* past U+10FFFF */
        } else return (size_t)(p - s) + 1;
        if ((size_t)(e - p) <= n || p[1] < lo || p[1] > hi) return (size_t)(p - s) + 1;
        for (i = 2; i <= n; i++)
            if ((p[i] & 0xC0) != 0x80) return (size_t)(p - s) + 1;
        p += n + 1;
    }
    return 0;
}

/* The ideograph each Kangxi radical (U+2F00..U+2FD5) stands for, as NFKC
** maps it: a PDF's font may map its glyphs to the radicals, and a text
** taken out of it reads 行 as U+2F8F. */
static const unsigned short kangxi_ideograph[0x2FD6 - 0x2F00] = {
    0x4E00, 0x4E28, 0x4E36, 0x4E3F, 0x4E59, 0x4E85, 0x4E8C, 0x4EA0,
    0x4EBA, 0x513F, 0x5165, 0x516B, 0x5182, 0x5196, 0x51AB, 0x51E0,
    0x51F5, 0x5200, 0x529B, 0x52F9, 0x5315, 0x531A, 0x5338, 0x5341,
    0x535C, 0x5369, 0x5382, 0x53B6, 0x53C8, 0x53E3, 0x56D7, 0x571F,
    0x58EB, 0x5902, 0x590A, 0x5915, 0x5927, 0x5973, 0x5B50, 0x5B80,
    0x5BF8, 0x5C0F, 0x5C22, 0x5C38, 0x5C6E, 0x5C71, 0x5DDB, 0x5DE5,
    0x5DF1, 0x5DFE, 0x5E72, 0x5E7A, 0x5E7F, 0x5EF4, 0x5EFE, 0x5F0B,
    0x5F13, 0x5F50, 0x5F61, 0x5F73, 0x5FC3, 0x6208, 0x6236, 0x624B,
    0x652F, 0x6534, 0x6587, 0x6597, 0x65A4, 0x65B9, 0x65E0, 0x65E5,
    0x66F0, 0x6708, 0x6728, 0x6B20, 0x6B62, 0x6B79, 0x6BB3, 0x6BCB,
    0x6BD4, 0x6BDB, 0x6C0F, 0x6C14, 0x6C34, 0x706B, 0x722A, 0x7236,
    0x723B, 0x723F, 0x7247, 0x7259, 0x725B, 0x72AC, 0x7384, 0x7389,
    0x74DC, 0x74E6, 0x7518, 0x751F, 0x7528, 0x7530, 0x758B, 0x7592,
    0x7676, 0x767D, 0x76AE, 0x76BF, 0x76EE, 0x77DB, 0x77E2, 0x77F3,
    0x793A, 0x79B8, 0x79BE, 0x7A74, 0x7ACB, 0x7AF9, 0x7C73, 0x7CF8,
    0x7F36, 0x7F51, 0x7F8A, 0x7FBD, 0x8001, 0x800C, 0x8012, 0x8033,
    0x807F, 0x8089, 0x81E3, 0x81EA, 0x81F3, 0x81FC, 0x820C, 0x821B,
    0x821F, 0x826E, 0x8272, 0x8278, 0x864D, 0x866B, 0x8840, 0x884C,
    0x8863, 0x897E, 0x898B, 0x89D2, 0x8A00, 0x8C37, 0x8C46, 0x8C55,
    0x8C78, 0x8C9D, 0x8D64, 0x8D70, 0x8DB3, 0x8EAB, 0x8ECA, 0x8F9B,
    0x8FB0, 0x8FB5, 0x9091, 0x9149, 0x91C6, 0x91CC, 0x91D1, 0x9577,
    0x9580, 0x961C, 0x96B6, 0x96B9, 0x96E8, 0x9751, 0x975E, 0x9762,
    0x9769, 0x97CB, 0x97ED, 0x97F3, 0x9801, 0x98A8, 0x98DB, 0x98DF,
    0x9996, 0x9999, 0x99AC, 0x9AA8, 0x9AD8, 0x9ADF, 0x9B25, 0x9B2F,
    0x9B32, 0x9B3C, 0x9B5A, 0x9CE5, 0x9E75, 0x9E7F, 0x9EA5, 0x9EBB,
    0x9EC3, 0x9ECD, 0x9ED1, 0x9EF9, 0x9EFD, 0x9F0E, 0x9F13, 0x9F20,
    0x9F3B, 0x9F4A, 0x9F52, 0x9F8D, 0x9F9C, 0x9FA0,
};

/* The radicals of the supplement (U+2E80..U+2EF3) drawn as a whole
** character (the simplified forms: 民, 长, 门 ...), and that character;
** those that are only a part of one (纟 讠 钅 辶) are left. */
static const struct { unsigned short radical, ideograph; } supplement_ideograph[] = {
    {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11}, {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2},
    {0x2EC9, 0x8D1D}, {0x2ECB, 0x8F66}, {0x2ED3, 0x957F}, {0x2ED4, 0x95E8},
    {0x2ED9, 0x97E6}, {0x2EDA, 0x9875}, {0x2EDB, 0x98CE}, {0x2EDC, 0x98DE},
    {0x2EE2, 0x9A6C}, {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F}, {0x2EE7, 0x5364},
    {0x2EE8, 0x9EA6}, {0x2EE9, 0x9EC4}, {0x2EEA, 0x9EFE}, {0x2EEC, 0x9F50},
    {0x2EEE, 0x9F7F}, {0x2EF0, 0x9F99}, {0x2EF3, 0x9F9F},
};

/* The ideograph radical code point c stands for, or 0. */
static unsigned radical_ideograph(unsigned c) {
    if (c >= 0x2F00 && c < 0x2FD6) return kangxi_ideograph[c - 0x2F00];
    for (size_t i = 0; i < sizeof supplement_ideograph / sizeof supplement_ideograph[0]; i++)
        if (supplement_ideograph[i].radical == c) return supplement_ideograph[i].ideograph;
    return 0;
}

size_t nb_encoding_fold_radicals(char *buf, size_t len) {
    size_t changed = 0;
    unsigned char *s = (unsigned char *)buf;
    for (size_t i = 0; i + 2 < len; i++) {
        /* (U+2E80..U+2FDF is E2 BA 80 .. E2 BF 9F: three bytes, as the ideographs) */
        const unsigned char *p = memchr(s + i, 0xE2, len - 2 - i);
        if (p == NULL) break;
        i = (size_t)(p - s);
        if (s[i + 1] < 0xBA || s[i + 1] > 0xBF || (s[i + 2] & 0xC0) != 0x80) continue;
        unsigned c = ((unsigned)(s[i] & 0x0F) << 12) | ((unsigned)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
        unsigned to = radical_ideograph(c);
        if (to == 0) continue;
        s[i] = (unsigned char)(0xE0 | (to >> 12));
        s[i + 1] = (unsigned char)(0x80 | ((to >> 6) & 0x3F));
        s[i + 2] = (unsigned char)(0x80 | (to & 0x3F));
        changed++;
        i += 2;
    }
    return changed;
}
