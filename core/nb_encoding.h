/*
** nb_encoding.h — text in other encodings (GB18030/GBK/GB2312, UTF-16) to UTF-8,
** and whether text is UTF-8 already.
*/
#ifndef NB_ENCODING_H
#define NB_ENCODING_H

#include <stddef.h>
#include <lua.h>

/* Convert buf from encoding `from` (an iconv name) to UTF-8 and push it.
** On an invalid or incomplete sequence pushes nil and a reason naming the
** byte offset (1-based) and returns 0; returns 1 on success. */
int nb_encoding_to_utf8(lua_State *L, const char *buf, size_t len, const char *from);

/* 0 when all len bytes of buf are UTF-8 as Lua's utf8.len reads it (no
** surrogate, nothing past U+10FFFF, no overlong form; NUL is a character);
** else the 1-based byte offset of the first sequence that is not, the
** position utf8.len reports. */
size_t nb_encoding_utf8_invalid(const char *buf, size_t len);

/* The Kangxi radicals in the UTF-8 text buf (and the supplement's that are
** drawn as a whole character) replaced in place by the ideographs they stand
** for, each three bytes by three; returns how many were. */
size_t nb_encoding_fold_radicals(char *buf, size_t len);

#endif
