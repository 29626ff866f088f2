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
