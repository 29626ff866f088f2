/*
** nb_sheet.c — spreadsheets an evaluator hands in: an .xlsx workbook
** written by libxlsxwriter from plain Lua tables. One call writes the
** whole file; the workbook lives in a box with a finaliser, so a Lua
** error half-way frees it.
*/
#include <string.h>
#include <xlsxwriter.h>
#include <lauxlib.h>
#include "nb_dl.h"
#include "nb_sheet.h"

/* libxlsxwriter's functions, looked up when the first workbook is written */
#define LIBXLSXWRITER_FUNCTIONS(F) \
    F(workbook_new) F(workbook_add_format) F(workbook_add_worksheet) F(workbook_close) \
    F(lxw_workbook_free) F(format_set_bold) F(worksheet_write_number) F(worksheet_write_string) \
    F(worksheet_set_column) F(worksheet_freeze_panes) F(worksheet_autofilter) F(lxw_strerror)
#define AS_FIELD(name) __typeof__(name) *name;     /* the header's own declaration */
#define AS_NAME(name) #name,
typedef struct { LIBXLSXWRITER_FUNCTIONS(AS_FIELD) } xlsx_functions;
static const char *const xlsx_names[] = { LIBXLSXWRITER_FUNCTIONS(AS_NAME) };

#define BOOK "nianbao.Workbook"
#define MAXCOLS 16384          /* Excel's limit */
#define MAXROWS 1048576

typedef struct { lxw_workbook *wb; const xlsx_functions *x; } book_box;

static int book_gc(lua_State *L) {
    book_box *b = luaL_checkudata(L, 1, BOOK);
    if (b->wb) b->x->lxw_workbook_free(b->wb);
    b->wb = NULL;
    return 0;
}

/* A cell's display width in columns: a CJK character counts two. */
static double width_of(const char *s, size_t len) {
    double w = 0;
    size_t i;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) w += 1;
        else if (c >= 0xE0) w += 2;        /* a lead byte of a 3- or 4-byte character */
    }
    return w;
}

/* Write the row (a list at idx) to row r of ws; widen widths[] to fit. */
static void write_row(lua_State *L, const xlsx_functions *x, lxw_worksheet *ws, int idx, lxw_row_t r, lxw_format *fmt,
                      double *widths, int *ncols) {
    int c, n = (int)lua_rawlen(L, idx);
    if (n > MAXCOLS) luaL_error(L, "row %d: more than %d columns", (int)r + 1, MAXCOLS);
    for (c = 1; c <= n; c++) {
        lxw_error e = LXW_NO_ERROR;
        int t = lua_rawgeti(L, idx, c);
        double w = 0;
        if (t == LUA_TNUMBER) {
            e = x->worksheet_write_number(ws, r, (lxw_col_t)(c - 1), lua_tonumber(L, -1), fmt);
            w = 8;
        } else if (t == LUA_TSTRING) {
            size_t len;
            const char *s = lua_tolstring(L, -1, &len);
            if (len > 0) e = x->worksheet_write_string(ws, r, (lxw_col_t)(c - 1), s, fmt);
            w = width_of(s, len);
        } else if (t != LUA_TNIL && t != LUA_TBOOLEAN) {
            luaL_error(L, "row %d, column %d: a %s is not a cell value", (int)r + 1, c, luaL_typename(L, -1));
        }
        if (e != LXW_NO_ERROR) luaL_error(L, "row %d, column %d: %s", (int)r + 1, c, x->lxw_strerror(e));
        if (c <= 256 && w > widths[c - 1]) widths[c - 1] = w;   /* widths of the first 256 */
        lua_pop(L, 1);
    }
    if (n > *ncols) *ncols = n;
}

/* xlsx.write(path, sheets) -> true | nil, reason. sheets: a list of
** {name = "…", rows = {{v, …}, …}}; the first row is the header (bold,
** frozen, with filters). Numbers are written as numbers, strings as text,
** nil and booleans as blank cells. */
static int l_write(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    lua_Integer s, nsheets;
    book_box *b;
    lxw_format *bold;
    lxw_error e;
    const xlsx_functions *x;
    char err[256];
    luaL_checktype(L, 2, LUA_TTABLE);
    /* the library before the box: the box is finalised before the library is closed */
    x = nb_dl_functions(L, NB_LIBXLSXWRITER_SONAME, xlsx_names, sizeof xlsx_names / sizeof xlsx_names[0],
                        err, sizeof err);
    if (x == NULL) {
        luaL_pushfail(L);
        lua_pushstring(L, err);
        return 2;
    }
    b = lua_newuserdatauv(L, sizeof *b, 0);
    b->wb = NULL;
    b->x = x;
    luaL_setmetatable(L, BOOK);
    b->wb = x->workbook_new(path);
    if (b->wb == NULL) {
        luaL_pushfail(L);
        lua_pushfstring(L, "cannot create %s", path);
        return 2;
    }
    bold = x->workbook_add_format(b->wb);
    if (bold == NULL) return luaL_error(L, "out of memory");
    x->format_set_bold(bold);
    nsheets = (lua_Integer)lua_rawlen(L, 2);
    for (s = 1; s <= nsheets; s++) {
        int sheet, rows, ncols = 0;
        lua_Integer r, nrows;
        lxw_worksheet *ws;
        double widths[256];
        memset(widths, 0, sizeof widths);
        if (lua_rawgeti(L, 2, s) != LUA_TTABLE) return luaL_error(L, "sheet %d is not a table", (int)s);
        sheet = lua_gettop(L);
        lua_getfield(L, sheet, "name");
        ws = x->workbook_add_worksheet(b->wb, lua_isstring(L, -1) ? lua_tostring(L, -1) : NULL);
        if (ws == NULL) return luaL_error(L, "sheet %d: a name Excel refuses, or out of memory", (int)s);
        lua_pop(L, 1);
        if (lua_getfield(L, sheet, "rows") != LUA_TTABLE) return luaL_error(L, "sheet %d has no rows", (int)s);
        rows = lua_gettop(L);
        nrows = (lua_Integer)lua_rawlen(L, rows);
        if (nrows > MAXROWS) return luaL_error(L, "sheet %d: more than %d rows", (int)s, MAXROWS);
        for (r = 1; r <= nrows; r++) {
            if (lua_rawgeti(L, rows, r) != LUA_TTABLE) return luaL_error(L, "sheet %d, row %d is not a list", (int)s, (int)r);
            write_row(L, x, ws, lua_gettop(L), (lxw_row_t)(r - 1), r == 1 ? bold : NULL, widths, &ncols);
            lua_pop(L, 1);
        }
        if (ncols > 0) {
            int c;
            for (c = 0; c < ncols && c < 256; c++) {
                double w = widths[c] + 2;
                x->worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w > 60 ? 60 : w < 6 ? 6 : w, NULL);
            }
            x->worksheet_freeze_panes(ws, 1, 0);
            if (nrows > 1) x->worksheet_autofilter(ws, 0, 0, (lxw_row_t)(nrows - 1), (lxw_col_t)(ncols - 1));
        }
        lua_settop(L, sheet - 1);
    }
    e = x->workbook_close(b->wb);          /* writes the file and frees the workbook */
    b->wb = NULL;
    if (e != LXW_NO_ERROR) {
        luaL_pushfail(L);
        lua_pushfstring(L, "cannot write %s: %s", path, x->lxw_strerror(e));
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

static const luaL_Reg sheet_funcs[] = {
    {"write", l_write}, {NULL, NULL}
};

int luaopen_nianbao_xlsx(lua_State *L) {
    luaL_newmetatable(L, BOOK);
    lua_pushcfunction(L, book_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
    luaL_newlib(L, sheet_funcs);
    return 1;
}
