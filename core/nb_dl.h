/*
** nb_dl.h — a shared library opened the first time a reader needs it.
** A text check never reads HTML, Word files or writes a workbook: their
** libraries (libxml2 with ICU, libzip with libcrypto, libxlsxwriter) are
** not linked, so the loader does not bind their symbols at every start.
*/
#ifndef NB_DL_H
#define NB_DL_H

#include <stddef.h>
#include <lua.h>

/* The functions `names` (n of them) of the library `soname`, as a table of
** n function pointers in that order, to be read as the caller's struct of
** them. The library is opened once per Lua state, kept in its registry
** under the address of names (one static list per library) and closed when
** the state closes; a userdata the caller makes after this call
** is finalised before the library goes. NULL when the library or one of its
** functions cannot be found: err (errlen bytes) then names the library and
** says why, in one line. */
const void *nb_dl_functions(lua_State *L, const char *soname, const char *const names[], size_t n,
                            char *err, size_t errlen);

#endif
