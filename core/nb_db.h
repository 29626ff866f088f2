/*
** nb_db.h — the archive's SQLite database, for the engine (not for packs).
*/
#ifndef NB_DB_H
#define NB_DB_H

#include <lua.h>

/* Open `nianbao.db`, for the trusted driver only:
**   open(path) -> database | nil, reason (created when absent)
**   database:run(sql, values...) -> rows (tables by column name), last
**     insert id, rows changed
**   database:many(sql, {{values...}, ...}) -> count: one statement run for
**     each row of values
**   database:exec(sql): statements without values (schema, BEGIN, COMMIT)
**   database:close() (also when collected)
** Errors raise with SQLite's message. */
int luaopen_nianbao_db(lua_State *L);

#endif
