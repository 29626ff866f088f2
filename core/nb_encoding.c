/*
** nb_encoding.c — iconv(3) from the C library, one conversion per call.
*/
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
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
