/*
** nb_sheet.h — .xlsx workbooks (libxlsxwriter), for the engine's roll-ups.
*/
#ifndef NB_SHEET_H
#define NB_SHEET_H

#include <lua.h>

/* Open `nianbao.xlsx`, for the trusted driver only:
**   write(path, {{name = "…", rows = {{v, …}, …}}, …}) -> true | nil, reason
** The first row of a sheet is its header: bold, frozen, with filters. */
int luaopen_nianbao_xlsx(lua_State *L);

#endif
