/*
** nb_db.c — the archive: an SQLite database (libsqlite3) as the engine
** sees it. One connection object; each statement lives in a box with a
** finaliser, so a Lua error in the middle of a call (a bad value, memory)
** never leaks it. For the engine's own use (the archive of reports,
** cells and findings), never handed to packs, readers or writers.
*/
#include <string.h>
#include <sqlite3.h>
#include <lauxlib.h>
#include "nb_db.h"

#define DB   "nianbao.Database"
#define STMT "nianbao.Statement"

typedef struct { sqlite3 *db; } db_box;
typedef struct { sqlite3_stmt *st; } stmt_box;

/*{=== the connection ===*/

static sqlite3 *check_db(lua_State *L, int idx) {
    db_box *u = luaL_checkudata(L, idx, DB);
    if (u->db == NULL) luaL_error(L, "the database is closed");
    return u->db;
}

/* db.open(path) -> database | nil, reason. The file is created if absent;
** foreign keys are enforced (cells and findings go with their report). */
static int l_open(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    db_box *u = lua_newuserdatauv(L, sizeof *u, 0);
    char *err = NULL;
    u->db = NULL;
    luaL_setmetatable(L, DB);
    if (sqlite3_open_v2(path, &u->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK
        || sqlite3_exec(u->db, "PRAGMA foreign_keys = ON", NULL, NULL, &err) != SQLITE_OK) {
        luaL_pushfail(L);
        lua_pushstring(L, err ? err : u->db ? sqlite3_errmsg(u->db) : "out of memory");
        sqlite3_free(err);
        sqlite3_close(u->db);
        u->db = NULL;
        return 2;
    }
    sqlite3_busy_timeout(u->db, 5000);   /* another process writing: wait, do not fail */
    return 1;
}

/* db:close(); also the finaliser. Statements still open close with the
** connection (sqlite3_close_v2 waits for them). */
static int l_close(lua_State *L) {
    db_box *u = luaL_checkudata(L, 1, DB);
    if (u->db) sqlite3_close_v2(u->db);
    u->db = NULL;
    return 0;
}

/*}===*/

/*{=== statements ===*/

static int stmt_gc(lua_State *L) {
    stmt_box *b = luaL_checkudata(L, 1, STMT);
    if (b->st) sqlite3_finalize(b->st);
    b->st = NULL;
    return 0;
}

/* Prepare sql into a new box left on the stack. */
static stmt_box *prepare(lua_State *L, sqlite3 *db, const char *sql) {
    stmt_box *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->st = NULL;
    luaL_setmetatable(L, STMT);
    if (sqlite3_prepare_v2(db, sql, -1, &b->st, NULL) != SQLITE_OK)
        luaL_error(L, "%s", sqlite3_errmsg(db));
    if (b->st == NULL) luaL_error(L, "no statement in the text");
    return b;
}

/* Bind one Lua value (at idx) to parameter i. */
static int bind_one(lua_State *L, sqlite3_stmt *st, int i, int idx) {
    switch (lua_type(L, idx)) {
    case LUA_TNIL: return sqlite3_bind_null(st, i);
    case LUA_TBOOLEAN: return sqlite3_bind_int(st, i, lua_toboolean(L, idx));
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) return sqlite3_bind_int64(st, i, (sqlite3_int64)lua_tointeger(L, idx));
        return sqlite3_bind_double(st, i, lua_tonumber(L, idx));
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        return sqlite3_bind_text64(st, i, s, (sqlite3_uint64)len, SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    default:
        return luaL_error(L, "cannot store a %s in the database", luaL_typename(L, idx));
    }
}

static void push_column(lua_State *L, sqlite3_stmt *st, int c) {
    switch (sqlite3_column_type(st, c)) {
    case SQLITE_INTEGER: lua_pushinteger(L, (lua_Integer)sqlite3_column_int64(st, c)); break;
    case SQLITE_FLOAT: lua_pushnumber(L, sqlite3_column_double(st, c)); break;
    case SQLITE_NULL: lua_pushnil(L); break;
    default: {
        const char *s = (const char *)sqlite3_column_text(st, c);
        lua_pushlstring(L, s ? s : "", (size_t)sqlite3_column_bytes(st, c));
    }
    }
}

/* Step st to its end, each row a table by column name appended to the
** table at index `rows` (none when rows is 0). */
static void step_all(lua_State *L, sqlite3 *db, sqlite3_stmt *st, int rows) {
    int rc, c, ncol = sqlite3_column_count(st);
    lua_Integer n = rows ? (lua_Integer)lua_rawlen(L, rows) : 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!rows) continue;
        lua_createtable(L, 0, ncol);
        for (c = 0; c < ncol; c++) {
            push_column(L, st, c);
            lua_setfield(L, -2, sqlite3_column_name(st, c));
        }
        lua_rawseti(L, rows, ++n);
    }
    if (rc != SQLITE_DONE) luaL_error(L, "%s", sqlite3_errmsg(db));
}

/* db:run(sql, values...) -> list of rows (each a table by column name), the
** id of the last row inserted, and the number of rows changed. One
** statement; values bind to its ? parameters in order. */
static int l_run(lua_State *L) {
    sqlite3 *db = check_db(L, 1);
    const char *sql = luaL_checkstring(L, 2);
    int top = lua_gettop(L), i, rows;
    stmt_box *b = prepare(L, db, sql);
    if (top - 2 > sqlite3_bind_parameter_count(b->st)) return luaL_error(L, "too many values for the statement");
    for (i = 3; i <= top; i++)
        if (bind_one(L, b->st, i - 2, i) != SQLITE_OK) return luaL_error(L, "%s", sqlite3_errmsg(db));
    lua_newtable(L);
    rows = lua_gettop(L);
    step_all(L, db, b->st, rows);
    sqlite3_finalize(b->st);
    b->st = NULL;
    lua_pushinteger(L, (lua_Integer)sqlite3_last_insert_rowid(db));
    lua_pushinteger(L, (lua_Integer)sqlite3_changes(db));
    return 3;
}

/* db:many(sql, list) -> count: the statement prepared once and run for
** each list of values in list (rows of an insert). */
static int l_many(lua_State *L) {
    sqlite3 *db = check_db(L, 1);
    const char *sql = luaL_checkstring(L, 2);
    lua_Integer k, n;
    int i, nparam;
    stmt_box *b;
    luaL_checktype(L, 3, LUA_TTABLE);
    b = prepare(L, db, sql);
    nparam = sqlite3_bind_parameter_count(b->st);
    n = (lua_Integer)lua_rawlen(L, 3);
    for (k = 1; k <= n; k++) {
        int row, len;
        if (lua_rawgeti(L, 3, k) != LUA_TTABLE) return luaL_error(L, "row %d is not a list of values", (int)k);
        row = lua_gettop(L);
        len = (int)lua_rawlen(L, row);
        if (len > nparam) return luaL_error(L, "row %d: too many values for the statement", (int)k);
        sqlite3_reset(b->st);
        sqlite3_clear_bindings(b->st);
        for (i = 1; i <= len; i++) {
            lua_rawgeti(L, row, i);
            if (bind_one(L, b->st, i, lua_gettop(L)) != SQLITE_OK) return luaL_error(L, "%s", sqlite3_errmsg(db));
            lua_pop(L, 1);
        }
        step_all(L, db, b->st, 0);
        lua_pop(L, 1);
    }
    sqlite3_finalize(b->st);
    b->st = NULL;
    lua_pushinteger(L, n);
    return 1;
}

/* db:exec(sql) — statements without values or results (a schema, BEGIN,
** COMMIT). */
static int l_exec(lua_State *L) {
    sqlite3 *db = check_db(L, 1);
    char *err = NULL, copy[512];
    if (sqlite3_exec(db, luaL_checkstring(L, 2), NULL, NULL, &err) == SQLITE_OK) return 0;
    /* the text is copied out and freed before anything can raise */
    strncpy(copy, err ? err : sqlite3_errmsg(db), sizeof copy - 1);
    copy[sizeof copy - 1] = '\0';
    sqlite3_free(err);
    return luaL_error(L, "%s", copy);
}

/*}===*/

static const luaL_Reg db_methods[] = {
    {"run", l_run}, {"many", l_many}, {"exec", l_exec}, {"close", l_close}, {NULL, NULL}
};
static const luaL_Reg db_funcs[] = {
    {"open", l_open}, {NULL, NULL}
};

int luaopen_nianbao_db(lua_State *L) {
    luaL_newmetatable(L, DB);
    lua_newtable(L);
    luaL_setfuncs(L, db_methods, 0);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_close);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
    luaL_newmetatable(L, STMT);
    lua_pushcfunction(L, stmt_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
    luaL_newlib(L, db_funcs);
    return 1;
}
