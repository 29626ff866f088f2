/*
** nb_zip.h — one file out of a zip archive held in memory (a .docx is a zip
** of XML parts), through libzip, with a size limit against zip bombs.
*/
#ifndef NB_ZIP_H
#define NB_ZIP_H

#include <stddef.h>
#include <lua.h>

/* Read the entry `name` of the zip archive in buf (len bytes) into a new
** malloc'd buffer *out of *outlen bytes (NUL-terminated; the caller frees
** it). NB_ENOTFOUND when the archive has no such entry, NB_ERANGE when the
** entry is larger than limit bytes, NB_ESYNTAX when buf is not a zip
** archive or the entry is damaged, NB_ENOMEM. On failure *out is NULL and
** err (errlen bytes) says why in one line. libzip is loaded into L's state
** when first needed: NB_ENOTFOUND, too, when it cannot be. */
int nb_zip_entry(lua_State *L, const char *buf, size_t len, const char *name, size_t limit,
                 char **out, size_t *outlen, char *err, size_t errlen);

/* Open `nianbao.zip`: entry(bytes, name [, limit]) -> text | nil, reason. */
int luaopen_nianbao_zip(lua_State *L);

#endif
