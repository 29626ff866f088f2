/*
** nb_lua.c — Lua bindings for the report model, identities, findings and YAML.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "nb.h"
#include "nb_lua.h"
#include "nb_yaml.h"
#include "nb_html.h"
#include "nb_text.h"
#include "nb_encoding.h"
#include "nb_sandbox.h"
#include "nb_marshal.h"
#include "nb_json.h"
#include "nb_seen.h"
#include "nb_claims.h"

#define SCHEMA   "nianbao.Schema"
#define REPORT   "nianbao.Report"
#define IDENT    "nianbao.Identity"
#define FINDINGS "nianbao.Findings"
#define POSITIONS "nianbao.Positions"

/* The upvalues every class's methods and __gc hold (new_class): the
** metatables of the classes, so that a method knows its arguments by a
** comparison rather than luaL_checkudata's look-up by name. */
enum { MT_SCHEMA = 1, MT_REPORT, MT_IDENT, MT_FINDINGS, MT_POSITIONS, MT_COUNT = MT_POSITIONS };

/* dumped: the size of the last dump of a report of this schema, the
** next one's first guess (report:dump) */
typedef struct { nb_schema *s; size_t dumped; } schema_ud;
typedef struct { nb_report *r; } report_ud;
typedef struct { nb_ident *id; } ident_ud;
typedef struct { nb_findings *l; } findings_ud;

static const char *const state_names[] = {
    "missing", "number", "blank", "marker", "text", "unknown", NULL
};

const char *nb_status_string(nb_status st) {
    switch (st) {
    case NB_OK: return "ok";
    case NB_ENOMEM: return "out of memory";
    case NB_ESYNTAX: return "syntax error";
    case NB_ERANGE: return "number out of range";
    case NB_ENOTFOUND: return "not found";
    }
    return "unknown error";
}

/*{=== numbers ===*/

/* Push a number as Lua sees it: an integer when printed without a point,
** else the decimal as its printed string (exact, never a float). */
static void push_num(lua_State *L, nb_num n) {
    char buf[32];
    if (n.scale == 0) {
        lua_pushinteger(L, (lua_Integer)n.units);
        return;
    }
    nb_num_format(n, buf, sizeof buf);
    lua_pushstring(L, buf);
}

static void push_num_string(lua_State *L, nb_num n) {
    char buf[32];
    nb_num_format(n, buf, sizeof buf);
    lua_pushstring(L, buf);
}

/* Read an integer or a decimal string at idx; raise on anything else. */
static nb_num check_num(lua_State *L, int idx) {
    nb_num n = { 0, 0 };
    if (lua_isinteger(L, idx)) return nb_num_int((int64_t)lua_tointeger(L, idx));
    if (lua_type(L, idx) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        int rc = nb_num_parse(s, len, &n);
        if (rc != NB_OK) luaL_error(L, "bad number \"%s\": %s", s, nb_status_string(rc));
        return n;
    }
    luaL_typeerror(L, idx, "integer or decimal string");
    return n;
}

/* nianbao.number(s) -> value | nil, reason. Parses an ASCII number exactly. */
static int l_number(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    nb_num n;
    int rc = nb_num_parse(s, len, &n);
    if (rc != NB_OK) {
        luaL_pushfail(L);
        lua_pushstring(L, nb_status_string(rc));
        return 2;
    }
    push_num(L, n);
    return 1;
}

/* nianbao.add(a, b, ...) -> exact sum as a value. */
static int l_add(lua_State *L) {
    int i, n = lua_gettop(L);
    nb_num sum = nb_num_int(0);
    for (i = 1; i <= n; i++)
        if (nb_num_add(sum, check_num(L, i), &sum) != NB_OK)
            return luaL_error(L, "sum out of range");
    push_num(L, sum);
    return 1;
}

/* nianbao.compare(a, b) -> -1 | 0 | 1, exact across scales. */
static int l_compare(lua_State *L) {
    int err = NB_OK, c = nb_num_cmp(check_num(L, 1), check_num(L, 2), &err);
    if (err != NB_OK) return luaL_error(L, "comparison out of range");
    lua_pushinteger(L, c);
    return 1;
}

/* nianbao.is_integral(v) -> boolean */
static int l_is_integral(lua_State *L) {
    lua_pushboolean(L, nb_num_is_integral(check_num(L, 1)));
    return 1;
}

/*}===*/

/*{=== schema ===*/

/* The userdata at idx when its metatable is the one upvalue `slot` holds,
** else luaL_checkudata's answer (a caller without those upvalues, or the
** error for a wrong argument, word for word). */
static void *class_udata(lua_State *L, int idx, int slot, const char *name) {
    void *u = NULL;
    if (lua_type(L, idx) == LUA_TUSERDATA && lua_getmetatable(L, idx)) {
        if (lua_rawequal(L, -1, lua_upvalueindex(slot))) u = lua_touserdata(L, idx);
        lua_pop(L, 1);
    }
    return u != NULL ? u : luaL_checkudata(L, idx, name);
}

static nb_schema *check_schema(lua_State *L, int idx) {
    schema_ud *u = class_udata(L, idx, MT_SCHEMA, SCHEMA);
    if (u->s == NULL) luaL_error(L, "schema already freed");
    return u->s;
}

/* nianbao.schema() -> an empty schema */
static int l_schema_new(lua_State *L) {
    schema_ud *u = lua_newuserdatauv(L, sizeof *u, 0);
    u->s = NULL;
    u->dumped = 0;
    luaL_setmetatable(L, SCHEMA);
    if ((u->s = nb_schema_new()) == NULL) return luaL_error(L, "out of memory");
    return 1;
}

static int l_schema_gc(lua_State *L) {
    schema_ud *u = class_udata(L, 1, MT_SCHEMA, SCHEMA);
    nb_schema_free(u->s);
    u->s = NULL;
    return 0;
}

/* schema:add(id [, "count"|"money"]) -> index (1-based) */
static int l_schema_add(lua_State *L) {
    static const char *const kinds[] = { "count", "money", NULL };
    nb_schema *s = check_schema(L, 1);
    const char *id = luaL_checkstring(L, 2);
    int kind = luaL_checkoption(L, 3, "count", kinds);
    long k = nb_schema_add(s, id, (nb_kind)kind);
    if (k < 0) return luaL_error(L, "out of memory");
    lua_pushinteger(L, k + 1);
    return 1;
}

/* schema:add_all(ids [, money [, prefix]]) -> the count: each id of the
** list added in its order, as add would (prefix before it when given; a
** kind "money" where the list money has true at its place, else "count").
** One call for a format's thousand ids, where an add each and a string
** joined in Lua for each prefixed one cost some 1 M instructions. */
static int l_schema_add_all(lua_State *L) {
    nb_schema *s = check_schema(L, 1);
    lua_Integer i, n;
    size_t plen = 0, cap = 0;
    const char *prefix;
    char *scratch = NULL;
    int money;
    luaL_checktype(L, 2, LUA_TTABLE);
    money = !lua_isnoneornil(L, 3);
    if (money) luaL_checktype(L, 3, LUA_TTABLE);
    prefix = luaL_optlstring(L, 4, "", &plen);
    lua_settop(L, 4);
    lua_pushnil(L);                   /* 5: the scratch block, once one is needed */
    n = luaL_len(L, 2);
    if (n > 0 && nb_schema_reserve(s, (size_t)n) != NB_OK) return luaL_error(L, "out of memory");
    for (i = 1; i <= n; i++) {
        size_t len;
        const char *id;
        nb_kind kind = NB_KIND_COUNT;
        if (lua_rawgeti(L, 2, i) != LUA_TSTRING) return luaL_error(L, "schema:add_all: id %d is not a string", (int)i);
        id = lua_tolstring(L, -1, &len);
        if (money) {
            if (lua_rawgeti(L, 3, i) == LUA_TBOOLEAN && lua_toboolean(L, -1)) kind = NB_KIND_MONEY;
            lua_pop(L, 1);
        }
        if (plen > 0) {               /* prefix and id joined in a scratch block the collector frees */
            if (plen + len + 1 > cap) {
                cap = (plen + len + 1) * 2;
                scratch = lua_newuserdatauv(L, cap, 0);
                memcpy(scratch, prefix, plen);
                lua_replace(L, 5);
            }
            memcpy(scratch + plen, id, len + 1);
            id = scratch;
        }
        if (nb_schema_add(s, id, kind) < 0) return luaL_error(L, "out of memory");
        lua_pop(L, 1);
    }
    lua_pushinteger(L, (lua_Integer)nb_schema_count(s));
    return 1;
}

/* schema:find_all(ids) -> the index of each id of the list at its place
** (none where find gives nil): one call where a find each cost a call. */
static int l_schema_find_all(lua_State *L) {
    nb_schema *s = check_schema(L, 1);
    lua_Integer i, n;
    luaL_checktype(L, 2, LUA_TTABLE);
    n = luaL_len(L, 2);
    lua_createtable(L, n > 0 && n < INT_MAX ? (int)n : 0, 0);
    for (i = 1; i <= n; i++) {
        long k;
        if (lua_rawgeti(L, 2, i) != LUA_TSTRING) return luaL_error(L, "schema:find_all: id %d is not a string", (int)i);
        k = nb_schema_find(s, lua_tostring(L, -1));
        lua_pop(L, 1);
        if (k >= 0) {
            lua_pushinteger(L, k + 1);
            lua_rawseti(L, -2, i);
        }
    }
    return 1;
}

/* schema:find(id) -> index or nil */
static int l_schema_find(lua_State *L) {
    long k = nb_schema_find(check_schema(L, 1), luaL_checkstring(L, 2));
    if (k < 0) luaL_pushfail(L);
    else lua_pushinteger(L, k + 1);
    return 1;
}

/* schema:kind(id) -> "count" | "money" | nil */
static int l_schema_kind(lua_State *L) {
    nb_schema *s = check_schema(L, 1);
    long k = nb_schema_find(s, luaL_checkstring(L, 2));
    if (k < 0) luaL_pushfail(L);
    else lua_pushstring(L, nb_schema_kind(s, (size_t)k) == NB_KIND_MONEY ? "money" : "count");
    return 1;
}

/* schema:ids() -> list of ids in order */
static int l_schema_ids(lua_State *L) {
    nb_schema *s = check_schema(L, 1);
    size_t i, n = nb_schema_count(s);
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        lua_pushstring(L, nb_schema_id(s, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

static int l_schema_len(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)nb_schema_count(check_schema(L, 1)));
    return 1;
}

/*}===*/

/*{=== report ===*/

/* A report given to a class's method is known without luaL_checkudata's
** look-up by name, the most of what a cell set cost (class_udata). */
static report_ud *check_report_ud(lua_State *L, int idx) {
    report_ud *u = class_udata(L, idx, MT_REPORT, REPORT);
    if (u->r == NULL) luaL_error(L, "report already freed");
    return u;
}

static nb_report *check_report(lua_State *L, int idx) {
    return check_report_ud(L, idx)->r;
}

/* nianbao.report(schema) -> a report with every cell missing */
static int l_report_new(lua_State *L) {
    nb_schema *s = check_schema(L, 1);
    report_ud *u = lua_newuserdatauv(L, sizeof *u, 1);
    u->r = NULL;
    luaL_setmetatable(L, REPORT);
    lua_pushvalue(L, 1);            /* keep the schema alive as long as the report */
    lua_setiuservalue(L, -2, 1);
    if ((u->r = nb_report_new(s)) == NULL) return luaL_error(L, "out of memory");
    return 1;
}

static int l_report_gc(lua_State *L) {
    report_ud *u = class_udata(L, 1, MT_REPORT, REPORT);
    nb_report_free(u->r);
    u->r = NULL;
    return 0;
}

/* The index of cell id in r: an id of the schema that r has a cell for
** (an id added to the schema after r was made has none). */
static size_t check_cell_index(lua_State *L, nb_report *r, int idx) {
    const char *id = luaL_checkstring(L, idx);
    long k = nb_schema_find(nb_report_schema(r), id);
    if (k < 0 || nb_report_cell(r, (size_t)k) == NULL)
        luaL_error(L, "no cell \"%s\" in the format", id);
    return (size_t)k;
}

/* An optional non-negative integer no larger than max (a line, a column,
** an offset), 0 when absent. An integer is taken as it is, before what
** luaL_optinteger would try. */
static lua_Integer opt_place(lua_State *L, int idx, lua_Integer max) {
    lua_Integer v = lua_isinteger(L, idx) ? lua_tointeger(L, idx) : luaL_optinteger(L, idx, 0);
    luaL_argcheck(L, v >= 0 && v <= max, idx, "place out of range");
    return v;
}

/* The state named at idx, as luaL_checkoption(L, idx, NULL, state_names)
** gives it: a name of the list compared here first, by length. */
static int check_state(lua_State *L, int idx) {
    static const size_t lens[] = { 7, 6, 5, 6, 4, 7 };
    if (lua_type(L, idx) == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        int i;
        for (i = 0; state_names[i]; i++)
            if (n == lens[i] && memcmp(s, state_names[i], n) == 0) return i;
    }
    return luaL_checkoption(L, idx, NULL, state_names);
}

/* report:set(id, state, value, text, line, col, offset) (col none: 1)
** state is "number" (value: integer or decimal string), "blank", "marker",
** "text", "unknown" or "missing"; text is the cell as printed. */
static int l_report_set(lua_State *L) {
    nb_report *r = check_report(L, 1);
    size_t k = check_cell_index(L, r, 2);
    int state = check_state(L, 3);
    nb_num num = nb_num_int(0);
    nb_span span;
    const char *text = NULL;
    size_t len = 0;
    if (state == NB_CELL_NUMBER) num = check_num(L, 4);
    span.line = (uint32_t)opt_place(L, 6, UINT32_MAX);
    span.col = lua_isnoneornil(L, 7) ? 1 : (uint32_t)opt_place(L, 7, UINT32_MAX);   /* none: its line's first */
    span.offset = (size_t)opt_place(L, 8, LUA_MAXINTEGER);
    if (lua_type(L, 5) == LUA_TSTRING) text = lua_tolstring(L, 5, &len);
    else if ((text = luaL_optstring(L, 5, NULL)) != NULL) len = strlen(text);
    if (nb_report_set_cell_n(r, k, (nb_cell_state)state, num, text, len, span) != NB_OK)
        return luaL_error(L, "out of memory");
    return 0;
}

/* The state a memo of value_state holds ("number", "blank", "marker"),
** told apart by length and first byte; any other name as check_state. */
static int known_state(lua_State *L, int idx) {
    size_t n;
    const char *s = lua_tolstring(L, idx, &n);
    if (s != NULL) {
        if (n == 6 && s[0] == 'n' && memcmp(s, "number", 6) == 0) return NB_CELL_NUMBER;
        if (n == 5 && s[0] == 'b' && memcmp(s, "blank", 5) == 0) return NB_CELL_BLANK;
        if (n == 6 && s[0] == 'm' && memcmp(s, "marker", 6) == 0) return NB_CELL_MARKER;
    }
    return check_state(L, idx);
}

/* Whether s is ASCII digits alone (one at least). */
static inline int all_digits(const char *s, size_t len) {
    size_t i;
    for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++) {}
    return len > 0 && i == len;
}

/* lua_toboolean of the value at idx, of type type (as lua_rawget said). */
static inline int is_true(lua_State *L, int idx, int type) {
    return type != LUA_TNIL && (type != LUA_TBOOLEAN || lua_toboolean(L, idx));
}

/* A token's field by its name pushed at slot key: a raw look-up. */
static int token_field(lua_State *L, int token, int key) {
    lua_pushvalue(L, key);
    return lua_rawget(L, token);
}

/* A token's col (field key) pushed: 1 where it has none, as a reader
** leaves out the col of a block that begins its line. */
static int token_col(lua_State *L, int token, int key) {
    if (token_field(L, token, key) != LUA_TNIL) return lua_type(L, -1);
    lua_pop(L, 1);
    lua_pushinteger(L, 1);
    return LUA_TNUMBER;
}

/* A place at idx (of type type, as lua_rawget said) as opt_place reads it,
** a whole number taken at once. */
static lua_Integer place_at(lua_State *L, int idx, int type, lua_Integer max) {
    int whole = 0;
    lua_Integer v;
    if (type == LUA_TNIL) return 0;         /* none (a page's token has no offset): at once */
    v = type == LUA_TNUMBER ? lua_tointegerx(L, idx, &whole) : 0;
    if (!whole) return opt_place(L, idx, max);
    luaL_argcheck(L, v >= 0 && v <= max, idx, "place out of range");
    return v;
}

/* What a walk over a table's tokens saw of one (stream_read, placed_read):
** its text (the token's string, held by the token for the call), its line
** (where lined), and whether the text is ASCII digits alone. ready: digits
** alone, no unit, and line, col and offset whole places, read by the walk
** (col and offset there alone): its cell is set without asking the token. */
typedef struct {
    const char *text;
    size_t len;
    lua_Integer line, col, offset;
    int digits, lined, ready;
} token_seen;

/* report:read(ids, tokens, F, value_state, known, units): set cell ids[i]
** from token tokens[i] for each i of ids, as the binder reads a value.
** ids may instead be a string of pairs of 32-bit little-endian places (a
** binding's plan, packed once): a cell's in the schema (as schema:find
** gives it), then its token's among the tokens. Each value: its
** state the memo known's ({state, value, unit} by text, or nil; ASCII
** digits alone it holds a number as nianbao.number reads them), else
** value_state(F, text)'s; a number too long to hold exact set as a text;
** the text with the unit printed after it (token.unit); each value with a
** unit added to units as {id=, unit=, text=, line=, col=}. One call a row
** (or a table), where a Lua call and a set a cell cost more than the rest.
** report_read: report:read with its arguments from slot base on (the report there);
** seen (nseen tokens, or NULL): what a walk of the same call saw of the
** tokens, so a value of digits alone with no unit printed is read without
** asking its token again for its text and line. */
static int report_read(lua_State *L, int base, const token_seen *seen, lua_Integer nseen) {
    const int IDS = base + 1, TOKENS = base + 2, FORMAT = base + 3, STATE_OF = base + 4, KNOWN = base + 5,
              UNITS = base + 6, K_TEXT = base + 7, K_UNIT = base + 8, K_LINE = base + 9, K_COL = base + 10,
              K_OFFSET = base + 11, TOP = K_OFFSET;
    const int ID = TOP + 1, TOKEN = TOP + 2, TEXT = TOP + 3, PRINTED = TOP + 4, MEMO = TOP + 5, STATE = TOP + 6,
              VALUE = TOP + 7, UNIT = TOP + 8, FULL = TOP + 9, LINE = TOP + 10, COL = TOP + 11, OFFSET = TOP + 12;
    static const char *const keys[] = { "text", "unit", "line", "col", "offset" };
    nb_report *r = check_report(L, base);
    const nb_schema *schema = nb_report_schema(r);
    lua_Integer i, n;
    int has_known, key;
    const unsigned char *pairs = NULL;      /* a plan's cells packed, or NULL */
    size_t npairs = 0;
    if (lua_type(L, IDS) == LUA_TSTRING) {
        pairs = (const unsigned char *)lua_tolstring(L, IDS, &npairs);
        if (npairs % 8 != 0) return luaL_argerror(L, IDS, "pairs of 32-bit places expected");
    } else {
        luaL_checktype(L, IDS, LUA_TTABLE);
    }
    luaL_checktype(L, TOKENS, LUA_TTABLE);
    luaL_checktype(L, STATE_OF, LUA_TFUNCTION);
    luaL_checktype(L, UNITS, LUA_TTABLE);
    has_known = lua_type(L, KNOWN) == LUA_TTABLE;
    lua_settop(L, UNITS);
    /* the tokens' field names pushed once: a raw look-up each, no name interned */
    for (key = 0; key < 5; key++) lua_pushstring(L, keys[key]);
    n = pairs ? (lua_Integer)(npairs / 8) : (lua_Integer)lua_rawlen(L, IDS);
    for (i = 1; i <= n; i++) {
        const char *id, *text, *token_text;
        size_t len, token_len;
        long k;
        int state, by_place, digits, printed_type;
        nb_num num = nb_num_int(0);
        nb_span span;
        if (pairs) {
            /* a cell's place in the schema and its token's among the tokens */
            const unsigned char *p = pairs + 8 * (size_t)(i - 1);
            uint32_t place = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
            uint32_t at = (uint32_t)p[4] | (uint32_t)p[5] << 8 | (uint32_t)p[6] << 16 | (uint32_t)p[7] << 24;
            k = place >= 1 && place <= nb_schema_count(schema) ? (long)(place - 1) : -1;
            if (k < 0 || nb_report_cell(r, (size_t)k) == NULL)
                return luaL_error(L, "no cell %d in the format", (int)place);
            if (seen && at >= 1 && (lua_Integer)at <= nseen && seen[at - 1].ready) {
                /* all the walk read of it (most values): the token not asked again */
                const token_seen *t = &seen[at - 1];
                state = nb_num_parse(t->text, t->len, &num) == NB_OK ? NB_CELL_NUMBER : NB_CELL_TEXT;
                span.line = (uint32_t)t->line;
                span.col = (uint32_t)t->col;
                span.offset = (size_t)t->offset;
                if (nb_report_set_cell_n(r, (size_t)k, (nb_cell_state)state, num, t->text, t->len, span) != NB_OK)
                    return luaL_error(L, "out of memory");
                continue;
            }
            by_place = 1;
            lua_pushnil(L);                                     /* ID: none, the place said */
            if (lua_rawgeti(L, TOKENS, (lua_Integer)at) != LUA_TTABLE)
                return luaL_error(L, "token %d is not a table", (int)at);
            if (seen && at >= 1 && (lua_Integer)at <= nseen && seen[at - 1].digits) {
                /* digits alone the walk saw: a number as value_state says of
                ** them, its text and line as the walk read them; read so
                ** where no unit is printed after it (the commonest value) */
                const token_seen *t = &seen[at - 1];
                lua_pushvalue(L, K_UNIT);
                if (lua_rawget(L, TOKEN) == LUA_TNIL) {
                    int slot = TOKEN + 2;
                    state = nb_num_parse(t->text, t->len, &num) == NB_OK ? NB_CELL_NUMBER : NB_CELL_TEXT;
                    if (t->lined && t->line >= 0 && t->line <= (lua_Integer)UINT32_MAX) {
                        span.line = (uint32_t)t->line;
                    } else {
                        span.line = (uint32_t)place_at(L, slot, token_field(L, TOKEN, K_LINE), UINT32_MAX);
                        slot++;
                    }
                    span.col = (uint32_t)place_at(L, slot, token_col(L, TOKEN, K_COL), UINT32_MAX);
                    span.offset = (size_t)place_at(L, slot + 1, token_field(L, TOKEN, K_OFFSET), LUA_MAXINTEGER);
                    if (nb_report_set_cell_n(r, (size_t)k, (nb_cell_state)state, num, t->text, t->len, span) != NB_OK)
                        return luaL_error(L, "out of memory");
                    lua_settop(L, TOP);
                    continue;
                }
                lua_settop(L, TOKEN);
            }
        } else {
            by_place = 0;
            lua_rawgeti(L, IDS, i);
            id = lua_tostring(L, ID);
            if (id == NULL) return luaL_error(L, "cell id %d is not a string", (int)i);
            k = nb_schema_find(schema, id);
            if (k < 0 || nb_report_cell(r, (size_t)k) == NULL)
                return luaL_error(L, "no cell \"%s\" in the format", id);
        }
        if (!pairs && lua_rawgeti(L, TOKENS, i) != LUA_TTABLE)
            return luaL_error(L, "token %d is not a table", (int)i);
        lua_pushvalue(L, K_TEXT);
        if (lua_rawget(L, TOKEN) != LUA_TSTRING) return luaL_error(L, "token %d has no text", (int)i);
        token_text = lua_tolstring(L, TEXT, &token_len);
        lua_pushvalue(L, K_UNIT);
        printed_type = lua_rawget(L, TOKEN);                    /* PRINTED */
        /* the state, value and unit the memo holds, else value_state's; ASCII
        ** digits alone the memo holds read at once: a number, no unit, as
        ** value_state says of them (first of all) and nianbao.number reads
        ** them (most values, where the memo's entry cost four look-ups) */
        lua_pushvalue(L, TEXT);
        digits = 0;
        if (has_known && lua_rawget(L, KNOWN) == LUA_TTABLE) {   /* MEMO */
            if ((digits = all_digits(token_text, token_len))) {
                lua_pushnil(L);                                 /* STATE, VALUE, UNIT: nil */
                lua_pushnil(L);
                lua_pushnil(L);
            } else {
                lua_rawgeti(L, MEMO, 1);
                lua_rawgeti(L, MEMO, 2);
                lua_rawgeti(L, MEMO, 3);
            }
        } else {
            lua_pushvalue(L, STATE_OF);
            lua_pushvalue(L, FORMAT);
            lua_pushvalue(L, TEXT);
            lua_call(L, 2, 3);
        }
        /* digits past what an exact number holds: a text, not lost */
        if (digits) {
            state = nb_num_parse(token_text, token_len, &num) == NB_OK ? NB_CELL_NUMBER : NB_CELL_TEXT;
        } else {
            state = lua_isnil(L, STATE) ? NB_CELL_TEXT : known_state(L, STATE);
            if (state == NB_CELL_NUMBER && lua_isnil(L, VALUE)) state = NB_CELL_TEXT;
            if (state == NB_CELL_NUMBER) num = check_num(L, VALUE);
        }
        text = token_text;
        len = token_len;
        if (printed_type == LUA_TNIL) {
            lua_pushvalue(L, TEXT);
        } else {
            if (!lua_toboolean(L, UNIT)) lua_copy(L, PRINTED, UNIT);
            lua_pushvalue(L, TEXT);
            if (lua_toboolean(L, PRINTED)) {
                lua_pushvalue(L, PRINTED);
                lua_concat(L, 2);
                text = lua_tolstring(L, FULL, &len);
            }
        }
        span.line = (uint32_t)place_at(L, LINE, token_field(L, TOKEN, K_LINE), UINT32_MAX);
        span.col = (uint32_t)place_at(L, COL, token_col(L, TOKEN, K_COL), UINT32_MAX);
        span.offset = (size_t)place_at(L, OFFSET, token_field(L, TOKEN, K_OFFSET), LUA_MAXINTEGER);
        if (nb_report_set_cell_n(r, (size_t)k, (nb_cell_state)state, num, text, len, span) != NB_OK)
            return luaL_error(L, "out of memory");
        /* digits without a unit printed: no unit (the commonest value) */
        if (!(digits && printed_type == LUA_TNIL) && lua_toboolean(L, UNIT)) {
            lua_createtable(L, 0, 5);
            if (by_place) lua_pushstring(L, nb_schema_id(schema, (size_t)k));   /* its name */
            else lua_pushvalue(L, ID);
            lua_setfield(L, -2, "id");
            lua_pushvalue(L, UNIT);
            lua_setfield(L, -2, "unit");
            lua_pushvalue(L, FULL);
            lua_setfield(L, -2, "text");
            lua_pushvalue(L, LINE);
            lua_setfield(L, -2, "line");
            lua_pushvalue(L, COL);
            lua_setfield(L, -2, "col");
            lua_rawseti(L, UNITS, (lua_Integer)lua_rawlen(L, UNITS) + 1);
        }
        lua_settop(L, TOP);
    }
    return 0;
}

static int l_report_read(lua_State *L) {
    return report_read(L, 1, NULL, 0);
}

/*{=== tables whose cells have places ===*/

/* The state at the top (value_state's): whether it is a value (a number
** or a marker), and whether it is any state at all (a string is true).
** The names compared by address: Lua holds one copy of a short string, and
** number and marker are that copy (lua_topointer of the names pushed),
** where lua_rawequal costs several times more. */
static void state_class(lua_State *L, const void *number, const void *marker, int *value, int *stated) {
    const void *name = lua_topointer(L, -1);
    *value = name != NULL && (name == number || name == marker);
    *stated = lua_toboolean(L, -1);
}

/* Whether the text at the top (a token's, not ASCII digits alone: those
** are a number, as value_state says first of all, and the walks tell them
** at once) is a value, and whether it has any state: the memo known's
** state ({state, ...} by text, known 0 for none), else state_of(F,
** text)'s. Leaves what it asked on the stack. */
static void token_state(lua_State *L, int known, int state_of, int format, const void *number, const void *marker,
                        int *value, int *stated) {
    lua_pushvalue(L, -1);
    if (known && lua_rawget(L, known) == LUA_TTABLE) {
        lua_rawgeti(L, -1, 1);
    } else {
        lua_pushvalue(L, state_of);
        lua_pushvalue(L, format);
        lua_pushvalue(L, -4);                 /* the text */
        lua_call(L, 2, 1);
    }
    state_class(L, number, marker, value, stated);
}

/* A place of a token read whole by a walk (at the top, of type type as
** lua_rawget said): none as 0, else an integer in [0, max] (into *v); 0
** where it is neither (report_read reads it again, and says what is wrong). */
static inline int seen_place(lua_State *L, int type, lua_Integer max, lua_Integer *v) {
    int whole = 0;
    *v = 0;
    if (type == LUA_TNIL) return 1;
    if (type == LUA_TNUMBER) *v = lua_tointegerx(L, -1, &whole);
    return whole && *v >= 0 && *v <= max;
}

/* What a walk reads more of a token of digits alone at slot token (a value,
** and in a plan most often a cell): whether it has no unit, and its places
** (line, unless the walk read it), so report_read sets its cell from *t
** alone. Keys at slots k_unit, k_line, k_col and k_offset; leaves what it
** read on the stack. */
static void seen_ready(lua_State *L, int token, int k_unit, int k_line, int k_col, int k_offset, token_seen *t) {
    int ready = token_field(L, token, k_unit) == LUA_TNIL;
    if (ready && !t->lined) ready = seen_place(L, token_field(L, token, k_line), UINT32_MAX, &t->line);
    else ready = ready && t->line >= 0 && t->line <= (lua_Integer)UINT32_MAX;
    t->ready = ready && seen_place(L, token_col(L, token, k_col), UINT32_MAX, &t->col) &&
               seen_place(L, token_field(L, token, k_offset), LUA_MAXINTEGER, &t->offset);
}

/* The start of the token walks below, (tokens, known, state_of, F): the
** arguments checked and the keys the walk reads pushed after F; whether
** known is a table. */
static int token_walk_start(lua_State *L, const char *const *keys, int nkeys) {
    int has_known = lua_type(L, 2) == LUA_TTABLE, key;
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TFUNCTION);
    lua_settop(L, 4);
    for (key = 0; key < nkeys; key++) lua_pushstring(L, keys[key]);
    return has_known;
}

/* An integer in a layout: zigzag (small negative numbers small too), then
** seven bits a byte, the high bit set on all bytes but the last: one or two
** bytes for a place or a line, where eight made a layout long to hash and
** compare as a memo's key; still no two integers read alike. */
static void add_layout_int(luaL_Buffer *b, lua_Integer v) {
    lua_Unsigned u = ((lua_Unsigned)v << 1) ^ (v < 0 ? ~(lua_Unsigned)0 : 0);
    /* a byte at a time: one or two, where luaL_addlstring's call and copy cost more */
    do {
        unsigned char c = (unsigned char)(u & 0x7F);
        u >>= 7;
        if (u) c |= 0x80;
        luaL_addchar(b, (char)c);
    } while (u);
}

/* add_layout_int, a place or line of one byte (most) added at once. */
static inline void add_layout_place(luaL_Buffer *b, lua_Integer v) {
    if (v >= 0 && v < 64) luaL_addchar(b, (char)(v << 1));
    else add_layout_int(b, v);
}

/* A token's text in a layout: its mark (a header, a blank, a label's
** number), then the text with its length before it. */
static void add_layout_text(luaL_Buffer *b, char mark, const char *text, size_t len) {
    luaL_addchar(b, mark);
    add_layout_int(b, (lua_Integer)len);
    luaL_addlstring(b, text, len);
}

/* nianbao.table_layout(tokens, known, state_of, F) -> the tokens' layout
** as a string, or nil where a place is not a whole number (or a token has
** no text): all that binding a table by the places of its cells reads of
** them but the values' texts. Each token: whether it starts a row of
** cells (the grid or row changed, or a token without a place came
** between), is in one, or has no place; a cell's places x0 and x1; then
** its text where it is no value (a label, a header, a blank), a value's
** text only for the first cell of a row (a value there may be a label's
** number). States as placed_rows reads them. Two batches' tables with one
** layout are bound alike, their values taken from the same places. */
static int table_walk(lua_State *L, token_seen *seen);

static int l_table_layout(lua_State *L) {
    return table_walk(L, NULL);
}

/* table_layout's walk over (tokens, known, state_of, F) at slots 1 to 4,
** what is above them left as it is: the layout pushed (1), or nothing where
** there is none (0). seen (one for each token, or NULL): what it saw of
** each token's text, for a read in the same call. */
static int table_walk(lua_State *L, token_seen *seen) {
    enum { TOKENS = 1, KNOWN, STATE_OF, FORMAT };
    enum { K_GRID, K_X0, K_X1, K_ROW, K_TEXT, K_NUMBER, K_MARKER, K_UNIT, K_LINE, K_COL, K_OFFSET, GRID, ROW, NSLOTS };
    static const char *const keys[] = { "grid", "x0", "x1", "row", "text", "number", "marker", "unit", "line", "col",
                                        "offset" };
    lua_Integer i, n;
    int has_known = lua_type(L, KNOWN) == LUA_TTABLE, in_row = 0, key, at;
    const void *number, *marker;
    luaL_Buffer b;
    luaL_checktype(L, TOKENS, LUA_TTABLE);
    luaL_checktype(L, STATE_OF, LUA_TFUNCTION);
    luaL_checkstack(L, NSLOTS + 16, NULL);
    at = lua_gettop(L) + 1;                   /* the keys, then the grid and row of the row read */
    for (key = 0; key < K_OFFSET + 1; key++) lua_pushstring(L, keys[key]);
    lua_pushnil(L);
    lua_pushnil(L);
    number = lua_topointer(L, at + K_NUMBER);
    marker = lua_topointer(L, at + K_MARKER);
    n = (lua_Integer)lua_rawlen(L, TOKENS);
    luaL_buffinit(L, &b);
    for (i = 1; i <= n; i++) {
        /* what is read of the token is read above the buffer, then taken off
        ** the stack before the buffer is added to (as a buffer needs); the
        ** text stays the token's, and the token the list's */
        int level = lua_gettop(L), first = 0, placed = 0, value, stated, digits;
        lua_Integer place[2] = { 0, 0 };
        const char *text;
        size_t len;
        int grid_type, x0_type = LUA_TNIL;
        if (lua_rawgeti(L, TOKENS, i) != LUA_TTABLE) return 0;
        lua_pushvalue(L, at + K_GRID);
        grid_type = lua_rawget(L, -2);                    /* token grid */
        if (is_true(L, -1, grid_type)) {
            lua_pushvalue(L, at + K_X0);
            x0_type = lua_rawget(L, -3);
        } else {
            lua_pushnil(L);
        }                                                 /* token grid x0 */
        if (is_true(L, -1, x0_type)) {
            lua_pushvalue(L, at + K_ROW);
            lua_rawget(L, -4);                            /* token grid x0 row */
            first = !in_row || !lua_rawequal(L, at + GRID, -3) || !lua_rawequal(L, at + ROW, -1);
            if (first) {
                lua_copy(L, -3, at + GRID);
                lua_copy(L, -1, at + ROW);
            }
            in_row = placed = 1;
            lua_pushvalue(L, at + K_X1);
            lua_rawget(L, -5);                            /* token grid x0 row x1 */
            if (!lua_isinteger(L, -3) || !lua_isinteger(L, -1)) return 0;
            place[0] = lua_tointeger(L, -3);
            place[1] = lua_tointeger(L, -1);
            lua_pop(L, 4);
        } else {
            lua_pop(L, 2);
            in_row = 0;
        }                                                 /* token */
        lua_pushvalue(L, at + K_TEXT);
        if (lua_rawget(L, -2) != LUA_TSTRING) return 0;  /* token text */
        text = lua_tolstring(L, level + 2, &len);
        if ((digits = all_digits(text, len))) value = stated = 1;
        else token_state(L, has_known ? KNOWN : 0, STATE_OF, FORMAT, number, marker, &value, &stated);
        if (seen) {
            /* (value_state is given the text alone: the token, and so its
            ** text, stays as it is for the call) */
            token_seen *t = &seen[i - 1];
            t->text = text;
            t->len = len;
            t->digits = digits;
            t->lined = t->ready = 0;
            if (digits) seen_ready(L, level + 1, at + K_UNIT, at + K_LINE, at + K_COL, at + K_OFFSET, t);
        }
        lua_settop(L, level);
        if (placed) {
            luaL_addchar(&b, first ? 'R' : 'C');
            add_layout_place(&b, place[0]);
            add_layout_place(&b, place[1]);
        } else {
            luaL_addchar(&b, 'L');
        }
        if (value && !first) luaL_addchar(&b, 'N');
        else add_layout_text(&b, value ? 'F' : stated ? 'B' : 'T', text, len);
    }
    luaL_pushresult(&b);
    return 1;
}

/* nianbao.stream_layout(tokens, known, state_of, F[, by_lines]) -> the
** layout of a table's tokens read as a stream (by their labels), as a
** string, or nil where a token has a place in a grid, no whole line or no
** text: what the binder reads of them but the values' texts. Each token:
** whether it is a cell, and one the page holds (not cut from a line); its
** line, counted from the first token's; then its text where it is no value
** (a label, a header, a blank). States as table_layout reads them.
** by_lines false: a table read in order alone (one row), whose tokens'
** lines and grids the binder does not read: left out. */
static int stream_walk(lua_State *L, int by_lines, token_seen *seen);

static int l_stream_layout(lua_State *L) {
    int by_lines = lua_gettop(L) < 5 || lua_toboolean(L, 5);
    return stream_walk(L, by_lines, NULL);
}

/* stream_layout's walk over (tokens, known, state_of, F) at slots 1 to 4,
** what is above them left as it is: the layout pushed (1), or nothing where
** there is none (0). seen (one for each token, or NULL): what it saw of
** each token, for a read in the same call. */
static int stream_walk(lua_State *L, int by_lines, token_seen *seen) {
    enum { TOKENS = 1, KNOWN, STATE_OF, FORMAT };
    enum { K_GRID, K_KIND, K_DERIVED, K_LINE, K_TEXT, K_NUMBER, K_MARKER, K_CELL, K_UNIT, K_COL, K_OFFSET, NKEYS };
    static const char *const keys[] = { "grid", "kind", "derived", "line", "text", "number", "marker", "cell",
                                        "unit", "col", "offset" };
    lua_Integer i, n, line0 = 0;
    int has_known = lua_type(L, KNOWN) == LUA_TTABLE, key, keys_at;
    const void *number, *marker;
    const void *cell;
    luaL_Buffer b;
    luaL_checktype(L, TOKENS, LUA_TTABLE);
    luaL_checktype(L, STATE_OF, LUA_TFUNCTION);
    luaL_checkstack(L, NKEYS + 16, NULL); /* the keys, a token's fields, its text and its state's call */
    keys_at = lua_gettop(L) + 1;
    for (key = 0; key < NKEYS; key++) lua_pushstring(L, keys[key]);
    cell = lua_topointer(L, keys_at + K_CELL);      /* compared by address, as state_class does */
    number = lua_topointer(L, keys_at + K_NUMBER);
    marker = lua_topointer(L, keys_at + K_MARKER);
    n = (lua_Integer)lua_rawlen(L, TOKENS);
    luaL_buffinit(L, &b);
    for (i = 1; i <= n; i++) {
        /* read above the buffer, then taken off before it is added to */
        int level = lua_gettop(L), value, stated, digits;
        char kind;
        lua_Integer line;
        const char *text;
        size_t len;
        if (lua_rawgeti(L, TOKENS, i) != LUA_TTABLE) return 0;
        /* a row of a grid: not by lines (read alone, its grid is not asked) */
        if (by_lines && token_field(L, level + 1, keys_at + K_GRID) != LUA_TNIL) return 0;
        token_field(L, level + 1, keys_at + K_KIND);
        /* whether it is derived: asked of a cell alone, where it says more */
        kind = 'o';
        if (lua_topointer(L, -1) == cell)
            kind = token_field(L, level + 1, keys_at + K_DERIVED) && lua_toboolean(L, -1) ? 'd' : 'c';
        line = 0;
        if (by_lines) {
            if (token_field(L, level + 1, keys_at + K_LINE) != LUA_TNUMBER || !lua_isinteger(L, -1)) return 0;
            line = lua_tointeger(L, -1);
            if (seen) seen[i - 1].line = line;
            if (i == 1) line0 = line;
            line -= line0;
        }
        /* the text above what was read (all taken off at once after) */
        if (token_field(L, level + 1, keys_at + K_TEXT) != LUA_TSTRING) return 0;
        text = lua_tolstring(L, -1, &len);
        if ((digits = all_digits(text, len))) value = stated = 1;
        else token_state(L, has_known ? KNOWN : 0, STATE_OF, FORMAT, number, marker, &value, &stated);
        if (seen) {
            /* (value_state is given the text alone: the token, and so its
            ** text, stays as it is for the call) */
            token_seen *t = &seen[i - 1];
            t->text = text;
            t->len = len;
            t->digits = digits;
            t->lined = by_lines;
            t->ready = 0;
            if (digits)
                seen_ready(L, level + 1, keys_at + K_UNIT, keys_at + K_LINE, keys_at + K_COL, keys_at + K_OFFSET, t);
        }
        lua_settop(L, level);
        luaL_addchar(&b, kind);
        if (by_lines) add_layout_place(&b, line);
        if (value) luaL_addchar(&b, 'N');
        else add_layout_text(&b, stated ? 'B' : 'T', text, len);
    }
    luaL_pushresult(&b);
    return 1;
}

/*{=== a table's line cut into tokens (tables.tokens_of) ===*/

static int is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Whether byte i (from 1) of t's n bytes is a comma parting thousands:
** after a digit, before three digits and no fourth ("447,228"). */
static int thousands_comma(const unsigned char *t, size_t n, size_t i) {
    return t[i - 1] == ',' && i > 1 && is_digit(t[i - 2]) && i + 3 <= n && is_digit(t[i]) && is_digit(t[i + 1])
           && is_digit(t[i + 2]) && (i + 4 > n || !is_digit(t[i + 3]));
}

/* One line being cut: its n bytes t (byte i, from 1, at t[i - 1]), the
** marks after which a digit is an enumerator (at slot marks), the list of
** tokens (at slot out, k entries so far) and the characters among its
** first `at` bytes (counted on from the last asked: tokens come left to right). */
typedef struct {
    lua_State *L;
    const unsigned char *t;
    size_t n;
    int marks, out;
    lua_Integer k, chars;
    size_t at;
} line_cut;

/* The column of byte i: the characters before it. The text is UTF-8, so
** they are its bytes that are no continuation byte, as utf8.len counts. */
static lua_Integer cut_col(line_cut *c, size_t i) {
    size_t j;
    if (i - 1 < c->at) c->at = 0, c->chars = 0;
    for (j = c->at; j < i - 1; j++)
        if ((c->t[j] & 0xC0) != 0x80) c->chars++;
    c->at = i - 1;
    return c->chars;
}

/* A token: the bytes from..to, whether glued, the column and offset of byte at. */
static void cut_put(line_cut *c, size_t from, size_t to, int glued, size_t at) {
    lua_pushlstring(c->L, (const char *)c->t + from - 1, to - from + 1);
    lua_rawseti(c->L, c->out, ++c->k);
    lua_pushboolean(c->L, glued);
    lua_rawseti(c->L, c->out, ++c->k);
    lua_pushinteger(c->L, cut_col(c, at));
    lua_rawseti(c->L, c->out, ++c->k);
    lua_pushinteger(c->L, (lua_Integer)at - 1);
    lua_rawseti(c->L, c->out, ++c->k);
}

/* A piece of a label (bytes from..to, from where it begins): its token,
** trimmed, where it has a byte not a space. */
static void cut_piece(line_cut *c, size_t from, size_t to) {
    size_t a = from, b = to;
    while (a <= b && is_space(c->t[a - 1])) a++;
    if (a > b) return;
    while (is_space(c->t[b - 1])) b--;
    cut_put(c, a, b, 0, from);
}

/* A label (bytes from..to): a tab, or a gap of two spaces or more, parts two cells. */
static void cut_label(line_cut *c, size_t from, size_t to) {
    size_t i = from;
    while (i <= to) {
        size_t g = i, after;
        while (g <= to && !(c->t[g - 1] == '\t' || (g + 1 <= to && is_space(c->t[g - 1]) && is_space(c->t[g])))) g++;
        if (g > to) break;
        after = g + 1;
        while (after <= to && is_space(c->t[after - 1])) after++;
        cut_piece(c, i, g - 1);
        i = after;
    }
    cut_piece(c, i, to);
}

/* Whether one of the marks is at byte i. */
static int cut_mark_at(line_cut *c, size_t i) {
    lua_Integer m;
    for (m = 1; lua_rawgeti(c->L, c->marks, m) == LUA_TSTRING; m++) {
        size_t len;
        const char *s = lua_tolstring(c->L, -1, &len);
        lua_pop(c->L, 1);
        if (len == 0 || (i - 1 + len <= c->n && memcmp(c->t + i - 1, s, len) == 0)) return 1;
    }
    lua_pop(c->L, 1);
    return 0;
}

/* Whether the digits t[s..e] (1-based) are an item's number in brackets
** that a label's word follows right after: "（2）其他…", "(2)其他…". Such a
** number is the label's, as "2.其他"'s is: never a value of the row above
** (whose last cell a PDF's text may have run together with its neighbour). */
static int bracketed_item(const unsigned char *t, size_t n, size_t s, size_t e) {
    size_t i, after;
    for (i = s; i <= e; i++)
        if (!is_digit(t[i - 1])) return 0;
    if (s >= 2 && t[s - 2] == '(') {
        if (e + 1 > n || t[e] != ')') return 0;
        after = e + 2;
    } else if (s >= 4 && t[s - 4] == 0xEF && t[s - 3] == 0xBC && t[s - 2] == 0x88) {
        if (e + 3 > n || t[e] != 0xEF || t[e + 1] != 0xBC || t[e + 2] != 0x89) return 0;
        after = e + 4;
    } else {
        return 0;
    }
    /* (a word: no digit, space or bracket next, as a 栏次 row's "（1）（2）" has) */
    return after <= n && !is_digit(t[after - 1]) && !is_space(t[after - 1]) && t[after - 1] != '('
           && !(t[after - 1] == 0xEF && after + 2 <= n && t[after] == 0xBC && t[after + 1] == 0x88);
}

/* nianbao.line_tokens(text, marks) -> the flat tokens of a table's line
** as tables.tokens_of cuts them ({text, glued, column, offset, ...}), or
** nil where text is no UTF-8 or marks no list of strings (tokens_of cuts it). */
static int l_line_tokens(lua_State *L) {
    enum { TEXT = 1, MARKS, OUT };
    size_t n, pos = 1, label_at = 1;
    const char *text = luaL_checklstring(L, TEXT, &n);
    line_cut c;
    lua_Integer m;
    int type;
    nb_sandbox_charge(L, (int64_t)(n / 16));
    if (nb_encoding_utf8_invalid(text, n) != 0) return 0;
    if (lua_isnoneornil(L, MARKS)) {
        lua_newtable(L);
        lua_replace(L, MARKS);
    } else if (lua_type(L, MARKS) != LUA_TTABLE) {
        return 0;
    }
    lua_settop(L, MARKS);
    for (m = 1; (type = lua_rawgeti(L, MARKS, m)) != LUA_TNIL; m++) {
        lua_pop(L, 1);
        if (type != LUA_TSTRING) return 0;
    }
    lua_pop(L, 1);
    lua_createtable(L, 0, 0);                                        /* OUT */
    c.L = L;
    c.t = (const unsigned char *)text;
    c.n = n;
    c.marks = MARKS;
    c.out = OUT;
    c.k = 0;
    c.chars = 0;
    c.at = 0;
    while (pos <= n) {
        /* a run: "%-?%d[%d%.%s]*", and commas parting thousands */
        size_t s = pos, e;
        int enumerator;
        while (s <= n && !(is_digit(c.t[s - 1]) || (c.t[s - 1] == '-' && s + 1 <= n && is_digit(c.t[s])))) s++;
        if (s > n) break;
        e = c.t[s - 1] == '-' ? s + 1 : s;
        while (e + 1 <= n && (is_digit(c.t[e]) || c.t[e] == '.' || is_space(c.t[e]) || thousands_comma(c.t, n, e + 1))) e++;
        while (is_space(c.t[e - 1])) e--;                 /* the run less its trailing spaces */
        /* an enumerator right before a label belongs to that label: "3.其他", "1、申请人" */
        enumerator = c.t[e - 1] == '.' && e > s && is_digit(c.t[e - 2]);
        if (enumerator) {
            size_t next = e + 1;
            while (next <= n && is_space(c.t[next - 1])) next++;
            enumerator = next <= n && !is_digit(c.t[next - 1]) && !is_space(c.t[next - 1]);
        }
        if (enumerator) e -= 2;
        else if (is_digit(c.t[e - 1]) && cut_mark_at(&c, e + 1)) e -= 1;
        else if (bracketed_item(c.t, n, s, e)) {
            pos = e + 1;                              /* an item's number in brackets: still the label */
            continue;
        }
        if (e < s) {
            pos = s + 2;                              /* only an enumerator: still the label */
            continue;
        }
        if (s > label_at) cut_label(&c, label_at, s - 1);
        /* each group of the run (no space within) a number token, less a last "." */
        {
            size_t at = s;
            for (;;) {
                size_t g0 = at, g1;
                while (g0 <= e && !((c.t[g0 - 1] == '-' && g0 + 1 <= n && !is_space(c.t[g0]) && c.t[g0] != '-')
                                    || (c.t[g0 - 1] != '-' && !is_space(c.t[g0 - 1]))))
                    g0++;
                if (g0 > e) break;
                g1 = c.t[g0 - 1] == '-' ? g0 + 1 : g0;
                while (g1 + 1 <= n && !is_space(c.t[g1]) && c.t[g1] != '-') g1++;
                if (g1 > e) g1 = e;                   /* the group as the run holds it */
                if (g1 == g0 && c.t[g0 - 1] == '-') break; /* a sign the run ends with */
                if (c.t[g1 - 1] == '.') {
                    if (g1 > g0) cut_put(&c, g0, g1 - 1, 1, g0);
                } else {
                    cut_put(&c, g0, g1, 1, g0);
                }
                at = g1 + 1;
            }
        }
        pos = label_at = e + 1;
    }
    if (label_at <= n) cut_label(&c, label_at, n);
    return 1;
}

/*}===*/

/* nianbao.stream_read(tokens, known, state_of, F, by_lines, plans, noplan,
** report, units) -> layout, plan: stream_layout's layout (nil where there
** is none), and the plan plans holds for it (plans: a memo's lists by a
** layout's length, each {layout, plan, layout, plan, ...}, as memo.long_put
** keeps them; nil for none). Where that plan is no noplan, it is applied
** as the binder applies one: each token plan.unit_at[k] given the unit
** plan.unit_texts[k], then report:read(plan.cells, tokens, F, state_of,
** known, units). One walk over the tokens for the layout and the read: a
** value of digits alone is read with the text and line the walk saw. */
static int layout_read(lua_State *L, int placed) {
    enum { A_TOKENS = 1, A_KNOWN, A_STATE_OF, A_FORMAT, A_BY_LINES, A_PLANS, A_NOPLAN, A_REPORT, A_UNITS, A_SEEN, A_LAYOUT, A_PLAN };
    lua_Integer n, k, nunits;
    int by_lines = lua_toboolean(L, A_BY_LINES), base, unready = 0;
    token_seen *seen;
    size_t len;
    luaL_checktype(L, A_TOKENS, LUA_TTABLE);
    check_report(L, A_REPORT);
    luaL_checktype(L, A_UNITS, LUA_TTABLE);
    lua_settop(L, A_UNITS);
    n = (lua_Integer)lua_rawlen(L, A_TOKENS);
    /* (each entry written by the walk, which reads a token to the end or stops) */
    seen = lua_newuserdatauv(L, (size_t)(n > 0 ? n : 1) * sizeof(token_seen), 0);     /* A_SEEN */
    lua_pushvalue(L, A_TOKENS);            /* the walk's arguments above A_SEEN */
    lua_pushvalue(L, A_KNOWN);
    lua_pushvalue(L, A_STATE_OF);
    lua_pushvalue(L, A_FORMAT);
    lua_rotate(L, A_TOKENS, 4);            /* ...and at 1 to 4, the call's own above them */
    if (!(placed ? table_walk(L, seen) : stream_walk(L, by_lines, seen))) return 0;
    lua_replace(L, 4 + A_LAYOUT);          /* the layout at its slot, all else above it let go */
    lua_settop(L, 4 + A_LAYOUT);
    lua_rotate(L, 1, -4);                /* the call's arguments back at 1 to 4 */
    lua_settop(L, A_LAYOUT);
    /* the plan of the layout: compared as == compares strings */
    lua_tolstring(L, A_LAYOUT, &len);
    lua_pushnil(L);                      /* A_PLAN */
    if (lua_type(L, A_PLANS) == LUA_TTABLE && lua_rawgeti(L, A_PLANS, (lua_Integer)len) == LUA_TTABLE) {
        lua_Integer m = (lua_Integer)lua_rawlen(L, -1);
        for (k = 1; k <= m; k += 2) {
            lua_rawgeti(L, A_PLAN + 1, k);
            if (lua_rawequal(L, -1, A_LAYOUT)) {
                lua_rawgeti(L, A_PLAN + 1, k + 1);
                lua_replace(L, A_PLAN);
                break;
            }
            lua_pop(L, 1);
        }
    }
    lua_settop(L, A_PLAN);
    if (lua_type(L, A_PLAN) != LUA_TTABLE || lua_rawequal(L, A_PLAN, A_NOPLAN)) return 2;
    /* a plan by places is read where its binding was (plan.ok) */
    if (placed) {
        lua_getfield(L, A_PLAN, "ok");
        if (!lua_toboolean(L, -1)) {
            lua_settop(L, A_PLAN);
            return 2;
        }
    }
    lua_settop(L, A_PLAN);
    /* the units put after values: as the binder puts them, token by token */
    if (lua_getfield(L, A_PLAN, "unit_at") == LUA_TTABLE) {
        lua_getfield(L, A_PLAN, "unit_texts");                   /* A_PLAN + 2 */
        nunits = (lua_Integer)luaL_len(L, A_PLAN + 1);
        for (k = 1; k <= nunits; k++) {
            lua_geti(L, A_PLAN + 1, k);
            /* a token given a unit: its cell read from it again, as the walk did not see it */
            if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 1 && lua_tointeger(L, -1) <= n) {
                seen[lua_tointeger(L, -1) - 1].ready = 0;
            } else if (!unready) {
                /* a place not a token's index: none read from the walk (once) */
                lua_Integer j;
                for (j = 0; j < n; j++) seen[j].ready = 0;
                unready = 1;
            }
            if (lua_gettable(L, A_TOKENS) != LUA_TTABLE) return luaL_error(L, "unit %d: no token", (int)k);
            lua_geti(L, A_PLAN + 2, k);
            lua_setfield(L, -2, "unit");
            lua_pop(L, 1);
        }
    }
    lua_settop(L, A_PLAN);
    /* report:read(plan.cells, tokens, F, state_of, known, units) above the plan */
    base = lua_gettop(L) + 1;
    lua_pushvalue(L, A_REPORT);
    lua_getfield(L, A_PLAN, "cells");
    lua_pushvalue(L, A_TOKENS);
    lua_pushvalue(L, A_FORMAT);
    lua_pushvalue(L, A_STATE_OF);
    lua_pushvalue(L, A_KNOWN);
    lua_pushvalue(L, A_UNITS);
    report_read(L, base, seen, n);
    lua_settop(L, A_PLAN);
    return 2;
}

static int l_stream_read(lua_State *L) {
    return layout_read(L, 0);
}

/* nianbao.placed_read(tokens, known, state_of, F, plans, noplan, report,
** units) -> layout, plan: as stream_read, for a table bound by the places
** of its cells: table_layout's layout, and its plan, whose cells are read
** where it says the binding read them (plan.ok). */
static int l_placed_read(lua_State *L) {
    lua_settop(L, 8);
    lua_pushnil(L);
    lua_insert(L, 5);                    /* as stream_read's arguments, by_lines none */
    return layout_read(L, 1);
}

/* nianbao.placed_rows(tokens, known, state_of, F) -> rows, placed: the
** tokens as the binder reads a table by places. The cells of one row of one
** source table together; a token without a place (a paragraph, a caption)
** a row alone ({loose = true}). Each row says whether its cells are left to
** right and apart (`ordered`), how many of them are numbers or markers
** (`numbers`), and the texts of those that are no value, in order (`texts`,
** nil for none); a cell's state is the memo known's ({state, ...} by text)
** else state_of(F, text)'s. placed: how many rows have three cells or more.
** One walk in C, where the binder's loops cost a table look-up a step. */
static int l_placed_rows(lua_State *L) {
    enum { TOKENS = 1, KNOWN, STATE_OF, FORMAT, K_GRID, K_X0, K_X1, K_ROW, K_TEXT,
           K_NUMBER, K_MARKER, ROWS, GRID, ROW, RIGHT, CUR, CELLS, TEXTS, TOP = TEXTS };
    enum { TOKEN = TOP + 1, G, X0 };
    static const char *const keys[] = { "grid", "x0", "x1", "row", "text", "number", "marker" };
    lua_Integer i, n, nrows = 0, ncells = 0, ntexts = 0, numbers = 0, placed = 0;
    int has_known, in_row = 0;
    has_known = token_walk_start(L, keys, 7);
    n = (lua_Integer)lua_rawlen(L, TOKENS);
    lua_createtable(L, (int)(n < 64 ? n : 64), 0);      /* ROWS */
    lua_settop(L, TOP);
    for (i = 1; i <= n; i++) {
        int state_type, is_value = 0, is_text = 0;
        lua_rawgeti(L, TOKENS, i);
        if (lua_type(L, TOKEN) != LUA_TTABLE) return luaL_error(L, "token %d is not a table", (int)i);
        token_field(L, TOKEN, K_GRID);
        if (lua_toboolean(L, G)) token_field(L, TOKEN, K_X0);
        else lua_pushnil(L);
        if (lua_toboolean(L, X0)) {
            int new_row;
            token_field(L, TOKEN, K_ROW);                 /* X0 + 1: the row */
            new_row = !in_row || !lua_rawequal(L, GRID, G) || !lua_rawequal(L, ROW, X0 + 1);
            if (new_row) {
                if (in_row) {                              /* the row before: its counts */
                    lua_pushinteger(L, numbers);
                    lua_setfield(L, CUR, "numbers");
                }
                lua_copy(L, G, GRID);
                lua_copy(L, X0 + 1, ROW);
                lua_createtable(L, 4, 0);
                lua_replace(L, CELLS);
                lua_pushnil(L);
                lua_replace(L, TEXTS);
                lua_createtable(L, 0, 5);
                lua_pushvalue(L, CELLS);
                lua_setfield(L, -2, "cells");
                lua_pushboolean(L, 1);
                lua_setfield(L, -2, "ordered");
                lua_pushvalue(L, -1);
                lua_rawseti(L, ROWS, ++nrows);
                lua_replace(L, CUR);
                in_row = 1;
                ncells = ntexts = numbers = 0;
            }
            lua_settop(L, X0);
            lua_pushvalue(L, TOKEN);
            lua_rawseti(L, CELLS, ++ncells);
            token_field(L, TOKEN, K_X1);                  /* X0 + 1 */
            if (!lua_compare(L, X0, X0 + 1, LUA_OPLT) || (ncells > 1 && lua_compare(L, X0, RIGHT, LUA_OPLT))) {
                lua_pushboolean(L, 0);
                lua_setfield(L, CUR, "ordered");
            }
            lua_replace(L, RIGHT);
            if (ncells == 3) placed++;
        } else {
            if (in_row) {
                lua_pushinteger(L, numbers);
                lua_setfield(L, CUR, "numbers");
            }
            in_row = 0;
            lua_createtable(L, 1, 0);
            lua_pushvalue(L, TOKEN);
            lua_rawseti(L, -2, 1);
            lua_replace(L, CELLS);
            lua_pushnil(L);
            lua_replace(L, TEXTS);
            lua_createtable(L, 0, 4);
            lua_pushboolean(L, 1);
            lua_setfield(L, -2, "loose");
            lua_pushvalue(L, CELLS);
            lua_setfield(L, -2, "cells");
            lua_pushvalue(L, -1);
            lua_rawseti(L, ROWS, ++nrows);
            lua_replace(L, CUR);
            ntexts = numbers = 0;
        }
        lua_settop(L, TOKEN);
        /* the cell's state: the memo's, else state_of's */
        token_field(L, TOKEN, K_TEXT);                    /* G: the text */
        if (has_known && (lua_pushvalue(L, G), lua_rawget(L, KNOWN) == LUA_TTABLE)) {
            lua_rawgeti(L, -1, 1);
        } else {
            lua_settop(L, G);
            lua_pushvalue(L, STATE_OF);
            lua_pushvalue(L, FORMAT);
            lua_pushvalue(L, G);
            lua_call(L, 2, 1);
        }
        state_type = lua_type(L, -1);
        if (state_type == LUA_TNIL || (state_type == LUA_TBOOLEAN && !lua_toboolean(L, -1))) is_text = 1;
        else is_value = lua_rawequal(L, -1, K_NUMBER) || lua_rawequal(L, -1, K_MARKER);
        if (is_value) numbers++;
        if (is_text) {
            if (ntexts == 0) {
                lua_createtable(L, 2, 0);
                lua_replace(L, TEXTS);
                lua_pushvalue(L, TEXTS);
                lua_setfield(L, CUR, "texts");
            }
            lua_pushvalue(L, G);
            lua_rawseti(L, TEXTS, ++ntexts);
        }
        if (!in_row) {
            lua_pushinteger(L, numbers);
            lua_setfield(L, CUR, "numbers");
        }
        lua_settop(L, TOP);
    }
    if (in_row) {
        lua_pushinteger(L, numbers);
        lua_setfield(L, CUR, "numbers");
    }
    lua_pushvalue(L, ROWS);
    lua_pushinteger(L, placed);
    return 2;
}

/*}===*/

/* report:get(id) -> {state=, value=, text=, line=, col=} */
static int l_report_get(lua_State *L) {
    nb_report *r = check_report(L, 1);
    const nb_cell *c = nb_report_cell(r, check_cell_index(L, r, 2));
    /* room for what Report:cell adds (its place in the format): no rehash */
    lua_createtable(L, 0, 14);
    lua_pushstring(L, state_names[c->state]);
    lua_setfield(L, -2, "state");
    if (c->state == NB_CELL_NUMBER) {
        push_num(L, c->num);
        lua_setfield(L, -2, "value");
    }
    if (c->text) {
        lua_pushstring(L, c->text);
        lua_setfield(L, -2, "text");
    }
    if (c->span.line) {
        lua_pushinteger(L, c->span.line);
        lua_setfield(L, -2, "line");
        lua_pushinteger(L, c->span.col);
        lua_setfield(L, -2, "col");
        lua_pushinteger(L, (lua_Integer)c->span.offset);
        lua_setfield(L, -2, "offset");
    }
    return 1;
}

/* report:held() -> the cells the report holds, in the schema's order, as
** {id, state, value, text, line, col, offset} (the fields get gives, nil
** where get has none): each cell not simply missing, or with a text or a
** place. One call, where a get per id built a table per cell of the schema. */
static int l_report_held(lua_State *L) {
    nb_report *r = check_report(L, 1);
    const nb_schema *s = nb_report_schema(r);
    size_t i, n = nb_schema_count(s);
    lua_Integer k = 0;
    lua_newtable(L);
    for (i = 0; i < n; i++) {
        const nb_cell *c = nb_report_cell(r, i);
        if (c == NULL || (c->state == NB_CELL_MISSING && !c->text && !c->span.line)) continue;
        lua_createtable(L, 7, 0);
        lua_pushstring(L, nb_schema_id(s, i));
        lua_rawseti(L, -2, 1);
        lua_pushstring(L, state_names[c->state]);
        lua_rawseti(L, -2, 2);
        if (c->state == NB_CELL_NUMBER) push_num(L, c->num); else lua_pushnil(L);
        lua_rawseti(L, -2, 3);
        if (c->text) lua_pushstring(L, c->text); else lua_pushnil(L);
        lua_rawseti(L, -2, 4);
        if (c->span.line) {
            lua_pushinteger(L, c->span.line);
            lua_rawseti(L, -2, 5);
            lua_pushinteger(L, c->span.col);
            lua_rawseti(L, -2, 6);
            lua_pushinteger(L, (lua_Integer)c->span.offset);
            lua_rawseti(L, -2, 7);
        } else {
            int j;
            for (j = 5; j <= 7; j++) {
                lua_pushnil(L);
                lua_rawseti(L, -2, j);
            }
        }
        lua_rawseti(L, -2, ++k);
    }
    return 1;
}

/* report:held_bytes() -> what marshal.encode(report:held()) would give to
** decode and apply (each cell a list of its 7 fields, nil written out),
** written here: the spool stows a report's cells with no table made for
** each. */
static int l_report_held_bytes(lua_State *L) {
    nb_report *r = check_report(L, 1);
    const nb_schema *s = nb_report_schema(r);
    size_t i, n = nb_schema_count(s), held = 0;
    char buf[32];
    nb_box *b = nb_box_push(L);
    for (i = 0; i < n; i++) {
        const nb_cell *c = nb_report_cell(r, i);
        if (c != NULL && !(c->state == NB_CELL_MISSING && !c->text && !c->span.line)) held++;
    }
    nb_marshal_put_list(L, b, held);
    for (i = 0; i < n; i++) {
        const nb_cell *c = nb_report_cell(r, i);
        const char *id = nb_schema_id(s, i);
        if (c == NULL || (c->state == NB_CELL_MISSING && !c->text && !c->span.line)) continue;
        nb_marshal_put_list(L, b, 7);
        nb_marshal_put_string(L, b, id, strlen(id));
        nb_marshal_put_string(L, b, state_names[c->state], strlen(state_names[c->state]));
        if (c->state != NB_CELL_NUMBER) nb_marshal_put_nil(L, b);
        else if (c->num.scale == 0) nb_marshal_put_integer(L, b, (lua_Integer)c->num.units);
        else {
            nb_num_format(c->num, buf, sizeof buf);
            nb_marshal_put_string(L, b, buf, strlen(buf));
        }
        if (c->text) nb_marshal_put_string(L, b, c->text, strlen(c->text));
        else nb_marshal_put_nil(L, b);
        if (c->span.line) {
            nb_marshal_put_integer(L, b, c->span.line);
            nb_marshal_put_integer(L, b, c->span.col);
            nb_marshal_put_integer(L, b, (lua_Integer)c->span.offset);
        } else {
            nb_marshal_put_nil(L, b);
            nb_marshal_put_nil(L, b);
            nb_marshal_put_nil(L, b);
        }
    }
    lua_pushlstring(L, b->p, b->n);
    nb_box_clear(b);
    return 1;
}

/* report:hold(cells): set each {id, state, value, text, line, col,
** offset} of the list, as report:set would: what held() gave back into
** a report (the spool's reports restored), in one call. */
static int l_report_hold(lua_State *L) {
    lua_Integer i, n;
    int j;
    check_report(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    n = luaL_len(L, 2);
    for (i = 1; i <= n; i++) {
        lua_settop(L, 2);
        lua_pushcfunction(L, l_report_set);
        lua_pushvalue(L, 1);
        if (lua_geti(L, 2, i) != LUA_TTABLE) return luaL_error(L, "report:hold: entry %d is not a table", (int)i);
        for (j = 1; j <= 7; j++) lua_geti(L, 5, j);
        lua_remove(L, 5);
        lua_call(L, 8, 0);
    }
    return 0;
}

/* Set cell k of r to the 7 fields of a held cell as read (id aside), as
** report:set would: 1, or 0 when they are of another shape than held_bytes
** writes (set is then to take them, and to raise what it raises). */
static int set_held(lua_State *L, nb_report *r, size_t k, const nb_marshal_scalar *f) {
    nb_num num = nb_num_int(0);
    nb_span span = { 0, 0, 0 };
    int state, j;
    lua_Integer place[3] = { 0, 0, 0 };
    if (f[1].tag != 's') return 0;
    for (state = 0; state_names[state]; state++)
        if (strlen(state_names[state]) == f[1].len &&
            memcmp(state_names[state], f[1].s, f[1].len) == 0) break;
    if (!state_names[state]) return 0;
    if (state == NB_CELL_NUMBER) {
        if (f[2].tag == 'i') num = nb_num_int((int64_t)f[2].i);
        else if (f[2].tag != 's' || nb_num_parse(f[2].s, f[2].len, &num) != NB_OK) return 0;
    }
    if (f[3].tag != 'n' && f[3].tag != 's') return 0;
    for (j = 0; j < 3; j++) {
        if (f[4 + j].tag == 'i') place[j] = f[4 + j].i;
        else if (f[4 + j].tag != 'n') return 0;
    }
    if (place[0] < 0 || place[0] > (lua_Integer)UINT32_MAX || place[1] < 0 ||
        place[1] > (lua_Integer)UINT32_MAX || place[2] < 0) return 0;
    span.line = (uint32_t)place[0];
    span.col = (uint32_t)place[1];
    span.offset = (size_t)place[2];
    if (nb_report_set_cell_n(r, k, (nb_cell_state)state, num, f[3].tag == 's' ? f[3].s : NULL,
                             f[3].len, span) != NB_OK)
        luaL_error(L, "out of memory");
    return 1;
}

/* report:hold_bytes(bytes): set the cells held_bytes wrote, as
** marshal.apply(bytes, report.set, report, 7) would (the same cells, the
** same errors), each cell of the shape held_bytes writes set here with no
** Lua value made for it: the spool's reports restored. */
static int l_report_hold_bytes(lua_State *L) {
    nb_report *r = check_report(L, 1);
    const nb_schema *s = nb_report_schema(r);
    size_t len;
    const char *bytes = luaL_checklstring(L, 2, &len);
    nb_marshal_reader rd;
    uint64_t n, i;
    lua_settop(L, 2);
    lua_pushcfunction(L, l_report_set);     /* 3: what takes a cell of another shape */
    rd.start = rd.p = (const unsigned char *)bytes;
    rd.end = rd.start + len;
    n = nb_marshal_get_list(L, &rd);
    for (i = 1; i <= n; i++) {
        const unsigned char *item = rd.p;
        nb_marshal_scalar f[7];
        uint64_t narr, nrec;
        char id[256];
        long k = -1;
        int j, plain = 0;
        if (rd.p < rd.end && *rd.p == 'T') {
            nb_marshal_get_table(L, &rd, &narr, &nrec);
            plain = narr == 7 && nrec == 0;
            for (j = 0; j < 7 && plain; j++) plain = nb_marshal_get_scalar(L, &rd, &f[j]);
        }
        if (plain && f[0].tag == 's' && f[0].len < sizeof id && !memchr(f[0].s, '\0', f[0].len)) {
            memcpy(id, f[0].s, f[0].len);
            id[f[0].len] = '\0';
            k = nb_schema_find(s, id);
        }
        if (k < 0 || nb_report_cell(r, (size_t)k) == NULL || !set_held(L, r, (size_t)k, f)) {
            rd.p = item;
            nb_marshal_apply_item(L, &rd, 3, 1, 7, (lua_Integer)i);
        }
    }
    if (rd.p != rd.end) luaL_error(L, "marshal: trailing data");
    return 0;
}

/* report:dump() -> the cells held_bytes would write, as nb_report_dump
** writes them: by schema index, no id nor state name, for load in this
** process (the spool's reports). */
static int l_report_dump(lua_State *L) {
    nb_report *r = check_report(L, 1);
    schema_ud *s = NULL;
    size_t guess, n;
    luaL_Buffer b;
    unsigned char *d;
    if (lua_getiuservalue(L, 1, 1) == LUA_TUSERDATA) s = lua_touserdata(L, -1);   /* its schema */
    lua_pop(L, 1);
    /* one pass where the reports of a schema dump to about one size: a
    ** second only for a report past the guess */
    guess = s ? s->dumped + s->dumped / 4 + 64 : 64;
    d = (unsigned char *)luaL_buffinitsize(L, &b, guess);
    n = nb_report_dump(r, d, guess);
    if (n == 0) return luaL_error(L, "report:dump: a text too long");
    if (n > guess) nb_report_dump(r, (unsigned char *)luaL_prepbuffsize(&b, n), n);
    if (s) s->dumped = n;
    luaL_pushresultsize(&b, n);
    return 1;
}

/* report:load(bytes): set the cells dump wrote, in a report of the same
** schema; bytes of another schema or corrupt are an error. */
static int l_report_load(lua_State *L) {
    nb_report *r = check_report(L, 1);
    size_t len;
    const char *bytes = luaL_checklstring(L, 2, &len);
    int st = nb_report_load(r, bytes, len);
    if (st == NB_ENOMEM) return luaL_error(L, "out of memory");
    if (st != NB_OK) return luaL_error(L, "report:load: not the cells of a report of this schema");
    return 0;
}

/* The index of cell prefix..id in schema s, or -1; *name the joined id
** (in buf when it fits, else a string pushed on the stack). */
static long find_prefixed(lua_State *L, const nb_schema *s, const char *prefix, size_t plen,
                          const char *id, size_t len, char *buf, size_t cap, const char **name) {
    if (plen + len < cap) {
        memcpy(buf, prefix, plen);
        memcpy(buf + plen, id, len + 1);
        *name = buf;
    } else *name = lua_pushfstring(L, "%s%s", prefix, id);
    return nb_schema_find(s, *name);
}

/* report:copy_cells(from, ids, prefix): for each id of the list that report
** `from` has a cell for, set cell prefix..id here to that cell, as
** set(prefix .. id, from:get(id) as fields) would; an id `from` has no cell
** for is passed over (a year before in another format), a prefixed id this
** report lacks is set's error. One call, where a get and a set an id built
** a table and a string each. */
static int l_report_copy_cells(lua_State *L) {
    nb_report *r = check_report(L, 1), *from = check_report(L, 2);
    const nb_schema *s = nb_report_schema(r), *fs = nb_report_schema(from);
    size_t plen;
    const char *prefix = luaL_checklstring(L, 4, &plen);
    lua_Integer i, n;
    luaL_checktype(L, 3, LUA_TTABLE);
    n = (lua_Integer)lua_rawlen(L, 3);
    for (i = 1; i <= n; i++) {
        const nb_cell *c;
        nb_span span = { 0, 0, 0 };
        const char *id, *name;
        char buf[256];
        size_t len;
        long k;
        int t = lua_rawgeti(L, 3, i);
        if (t != LUA_TSTRING && t != LUA_TNUMBER) {     /* get's error, passed over */
            lua_pop(L, 1);
            continue;
        }
        id = lua_tolstring(L, -1, &len);
        k = nb_schema_find(fs, id);
        if (k < 0 || (c = nb_report_cell(from, (size_t)k)) == NULL) {
            lua_pop(L, 1);
            continue;
        }
        k = find_prefixed(L, s, prefix, plen, id, len, buf, sizeof buf, &name);
        if (k < 0 || nb_report_cell(r, (size_t)k) == NULL)
            return luaL_error(L, "no cell \"%s\" in the format", name);
        if (c->span.line) span = c->span;       /* get gives no col nor offset without a line */
        if (nb_report_set_cell(r, (size_t)k, c->state, c->num, c->text, span) != NB_OK)
            return luaL_error(L, "out of memory");
        lua_settop(L, 4);
    }
    return 0;
}

/* What a cell map was made for: the schemas of both reports as they were,
** the length of the ids list and the prefix; then its pairs. */
typedef struct cell_map_head {
    uint64_t from_print, to_print;
    uint32_t from_count, to_count, nids, npairs, stopped, plen;
} cell_map_head;

/* report:cell_map(from, ids, prefix) -> what copy_cells(from, ids, prefix)
** looks up, as bytes for copy_map: each id's cell index in from's schema
** and prefix..id's in this one, looked up once for every report of the
** two schemas. An id that is not a string nor a number, or that from's
** schema lacks, is left out; a prefixed id this schema lacks ends the map
** there (copy_map then leaves it to copy_cells, to raise its error). */
static int l_report_cell_map(lua_State *L) {
    nb_report *r = check_report(L, 1), *from = check_report(L, 2);
    const nb_schema *s = nb_report_schema(r), *fs = nb_report_schema(from);
    size_t plen, len, size;
    const char *prefix = luaL_checklstring(L, 4, &plen);
    lua_Integer i, n;
    cell_map_head h;
    int32_t *pairs;
    char *out;
    luaL_Buffer b;
    luaL_checktype(L, 3, LUA_TTABLE);
    n = (lua_Integer)lua_rawlen(L, 3);
    if (plen > 255 || n > (lua_Integer)(UINT32_MAX / 2)) return luaL_error(L, "report:cell_map: too long a list or prefix");
    memset(&h, 0, sizeof h);
    h.from_print = nb_schema_print(fs);
    h.to_print = nb_schema_print(s);
    h.from_count = (uint32_t)nb_schema_count(fs);
    h.to_count = (uint32_t)nb_schema_count(s);
    h.nids = (uint32_t)n;
    h.plen = (uint32_t)plen;
    lua_settop(L, 4);
    pairs = lua_newuserdatauv(L, (size_t)(n ? n : 1) * 2 * sizeof *pairs, 0);     /* 5 */
    for (i = 1; i <= n; i++) {
        char buf[256];
        const char *id, *name;
        long k, k2;
        int t = lua_rawgeti(L, 3, i);
        if (t != LUA_TSTRING && t != LUA_TNUMBER) { lua_settop(L, 5); continue; }
        id = lua_tolstring(L, -1, &len);
        k = nb_schema_find(fs, id);
        if (k < 0) { lua_settop(L, 5); continue; }
        k2 = find_prefixed(L, s, prefix, plen, id, len, buf, sizeof buf, &name);
        lua_settop(L, 5);
        if (k2 < 0) { h.stopped = 1; break; }
        pairs[2 * h.npairs] = (int32_t)k;
        pairs[2 * h.npairs + 1] = (int32_t)k2;
        h.npairs++;
    }
    size = sizeof h + plen + (size_t)h.npairs * 2 * sizeof *pairs;
    out = luaL_buffinitsize(L, &b, size);
    memcpy(out, &h, sizeof h);
    memcpy(out + sizeof h, prefix, plen);
    memcpy(out + sizeof h + plen, pairs, (size_t)h.npairs * 2 * sizeof *pairs);
    luaL_pushresultsize(&b, size);
    return 1;
}

/* report:copy_map(from, map, prefix, ids) -> true when it did what
** copy_cells(from, ids, prefix) does, by the indices of a cell_map made
** for the same schemas, ids and prefix; false, with nothing done, when the
** map is not for them or copy_cells would raise (copy_cells is then to be
** called). */
static int l_report_copy_map(lua_State *L) {
    nb_report *r = check_report(L, 1), *from = check_report(L, 2);
    const nb_schema *s = nb_report_schema(r), *fs = nb_report_schema(from);
    size_t len, plen;
    const char *m = luaL_checklstring(L, 3, &len);
    const char *prefix = luaL_checklstring(L, 4, &plen);
    const char *pairs;
    cell_map_head h;
    uint32_t i;
    luaL_checktype(L, 5, LUA_TTABLE);
    if (len < sizeof h) goto refuse;
    memcpy(&h, m, sizeof h);
    if (h.stopped || h.from_print != nb_schema_print(fs) || h.to_print != nb_schema_print(s) ||
        h.from_count != nb_schema_count(fs) || h.to_count != nb_schema_count(s) ||
        (lua_Unsigned)h.nids != lua_rawlen(L, 5) || h.plen != plen ||
        len != sizeof h + plen + (size_t)h.npairs * 2 * sizeof(int32_t) ||
        memcmp(m + sizeof h, prefix, plen) != 0)
        goto refuse;
    pairs = m + sizeof h + plen;
    for (i = 0; i < h.npairs; i++) {             /* a report made before its schema grew has fewer cells */
        int32_t pair[2];
        memcpy(pair, pairs + (size_t)i * sizeof pair, sizeof pair);
        if (nb_report_cell(r, (size_t)pair[1]) == NULL) goto refuse;
    }
    for (i = 0; i < h.npairs; i++) {
        int32_t pair[2];
        const nb_cell *c;
        nb_span span = { 0, 0, 0 };
        memcpy(pair, pairs + (size_t)i * sizeof pair, sizeof pair);
        if ((c = nb_report_cell(from, (size_t)pair[0])) == NULL) continue;
        if (c->span.line) span = c->span;       /* as copy_cells */
        if (nb_report_set_cell(r, (size_t)pair[1], c->state, c->num, c->text, span) != NB_OK)
            return luaL_error(L, "out of memory");
    }
    lua_pushboolean(L, 1);
    return 1;
refuse:
    lua_pushboolean(L, 0);
    return 1;
}

/* report:state(id) -> the state alone, and the value of a number: the
** cheap question that binding and the identity system ask most. */
static int l_report_state(lua_State *L) {
    nb_report *r = check_report(L, 1);
    const nb_cell *c = nb_report_cell(r, check_cell_index(L, r, 2));
    lua_pushstring(L, state_names[c->state]);
    if (c->state != NB_CELL_NUMBER) return 1;
    push_num(L, c->num);
    return 2;
}

/* report:pick(at, what...) -> the positions k in list `at` (schema indices,
** 1-based as schema:find gives them) whose cell is any of `what`: a state
** name, "negative", "fraction" or "halves" (numbers: nb_cell_is). Names
** it does not know ask for nothing. One pass, no cell built: what rules ask of every cell. */
static int l_report_pick(lua_State *L) {
    nb_report *r = check_report(L, 1);
    lua_Integer n, k, found = 0;
    const lua_Integer *pos = NULL;
    unsigned what = 0;
    int i, top = lua_gettop(L);
    if (lua_type(L, 2) == LUA_TUSERDATA) {
        pos = class_udata(L, 2, MT_POSITIONS, POSITIONS);
        n = *pos++;
    } else {
        luaL_checktype(L, 2, LUA_TTABLE);
        n = (lua_Integer)lua_rawlen(L, 2);
    }
    for (i = 3; i <= top; i++) {
        const char *name = lua_type(L, i) == LUA_TSTRING ? lua_tostring(L, i) : "";
        int s;
        for (s = 0; state_names[s]; s++)
            if (strcmp(name, state_names[s]) == 0) what |= NB_CELL_IS(s);
        if (strcmp(name, "negative") == 0) what |= NB_CELL_NEGATIVE;
        if (strcmp(name, "fraction") == 0) what |= NB_CELL_FRACTION;
        if (strcmp(name, "halves") == 0) what |= NB_CELL_HALVES;
    }
    lua_newtable(L);
    for (k = 1; k <= n; k++) {
        int isint = 1;
        lua_Integer at;
        if (pos) at = pos[k - 1];
        else {
            lua_rawgeti(L, 2, k);
            at = lua_tointegerx(L, -1, &isint);
            lua_pop(L, 1);
        }
        if (isint && at >= 1) {
            /* its state asked here (most cells are not wanted): nb_cell_is
            ** only for a number whose sign or fraction is asked */
            const nb_cell *c = nb_report_cell(r, (size_t)(at - 1));
            if (c != NULL && ((what & NB_CELL_IS(c->state)) ||
                              (c->state == NB_CELL_NUMBER && (what & (NB_CELL_NEGATIVE | NB_CELL_FRACTION | NB_CELL_HALVES)) &&
                               nb_cell_is(c, what)))) {
                lua_pushinteger(L, k);
                lua_rawseti(L, -2, ++found);
            }
        }
    }
    return 1;
}

/* nianbao.positions(list) -> the schema indexes of list (a table walked
** as pick walks it: up to its length, what is no integer as 0) held in C,
** for pick to read without a table look-up a cell: made once, walked for
** every report. */
static int l_positions(lua_State *L) {
    lua_Integer n, k, *pos;
    luaL_checktype(L, 1, LUA_TTABLE);
    n = (lua_Integer)lua_rawlen(L, 1);
    if ((lua_Unsigned)n >= (SIZE_MAX / sizeof *pos) - 1) return luaL_error(L, "positions: too many");
    pos = lua_newuserdatauv(L, (size_t)(n + 1) * sizeof *pos, 0);
    pos[0] = n;
    for (k = 1; k <= n; k++) {
        int isint;
        lua_Integer at;
        lua_rawgeti(L, 1, k);
        at = lua_tointegerx(L, -1, &isint);
        lua_pop(L, 1);
        pos[k] = isint ? at : 0;
    }
    luaL_setmetatable(L, POSITIONS);
    return 1;
}

/* report:sets() -> how many times a cell was set (a load's cells too):
** what was computed from the cells holds while it stays the same */
static int l_report_sets(lua_State *L) {
    uint64_t n = nb_report_sets(check_report(L, 1));
    lua_pushinteger(L, n > (uint64_t)LUA_MAXINTEGER ? LUA_MAXINTEGER : (lua_Integer)n);
    return 1;
}

/* report:copy() -> a new report with the same cells (and schema) */
static int l_report_copy(lua_State *L) {
    nb_report *r = check_report(L, 1);
    report_ud *u = lua_newuserdatauv(L, sizeof *u, 1);
    u->r = NULL;
    luaL_setmetatable(L, REPORT);
    lua_getiuservalue(L, 1, 1);
    lua_setiuservalue(L, -2, 1);
    if ((u->r = nb_report_copy(r)) == NULL) return luaL_error(L, "out of memory");
    return 1;
}

/*}===*/

/*{=== identity ===*/

/* nianbao.identity(schema, expr [, {name = {values...}}]) -> identity
** Raises with the reason when expr does not compile. */
static int l_ident_new(lua_State *L) {
    nb_schema *s = check_schema(L, 1);
    const char *expr = luaL_checkstring(L, 2);
    nb_binding binds[4];
    const char **values[4] = { NULL, NULL, NULL, NULL };
    size_t nbinds = 0, i;
    char err[256];
    ident_ud *u;
    int failed = 0;
    if (!lua_isnoneornil(L, 3)) {
        luaL_checktype(L, 3, LUA_TTABLE);
        lua_pushnil(L);
        while (lua_next(L, 3)) {
            size_t n, v;
            if (nbinds == 4) { failed = 1; lua_pop(L, 2); break; }
            if (lua_type(L, -2) != LUA_TSTRING || !lua_istable(L, -1)) {
                failed = 2; lua_pop(L, 2); break;
            }
            n = lua_rawlen(L, -1);
            values[nbinds] = calloc(n ? n : 1, sizeof(char *));
            if (values[nbinds] == NULL) { failed = 3; lua_pop(L, 2); break; }
            binds[nbinds].name = lua_tostring(L, -2);
            binds[nbinds].values = values[nbinds];
            binds[nbinds].count = n;
            for (v = 0; v < n; v++) {
                lua_rawgeti(L, -1, (lua_Integer)v + 1);
                if (lua_type(L, -1) == LUA_TSTRING)
                    values[nbinds][v] = lua_tostring(L, -1);  /* anchored by the table */
                else
                    failed = 2;
                lua_pop(L, 1);
            }
            nbinds++;
            lua_pop(L, 1);   /* the key stays for lua_next; strings stay anchored */
        }
    }
    u = lua_newuserdatauv(L, sizeof *u, 0);
    u->id = NULL;
    luaL_setmetatable(L, IDENT);
    if (!failed)
        u->id = nb_ident_compile(s, expr, binds, nbinds, err, sizeof err);
    for (i = 0; i < 4; i++) free((void *)values[i]);
    if (failed == 1) return luaL_error(L, "an identity takes at most 4 names");
    if (failed == 2) return luaL_error(L, "identity values must be lists of strings, by name");
    if (failed == 3) return luaL_error(L, "out of memory");
    if (u->id == NULL) return luaL_error(L, "%s", err);
    return 1;
}

static int l_ident_gc(lua_State *L) {
    ident_ud *u = class_udata(L, 1, MT_IDENT, IDENT);
    nb_ident_free(u->id);
    u->id = NULL;
    return 0;
}

static nb_ident *check_ident(lua_State *L, int idx) {
    ident_ud *u = class_udata(L, idx, MT_IDENT, IDENT);
    if (u->id == NULL) luaL_error(L, "identity already freed");
    return u->id;
}

/* The report at idx, which must be of the schema the identity was compiled
** against: its terms are indexes into that schema. */
static nb_report *check_same_schema(lua_State *L, const nb_ident *id, int idx) {
    nb_report *r = check_report(L, idx);
    if (nb_report_schema(r) != nb_ident_schema(id))
        luaL_error(L, "identity and report are of different schemas");
    return r;
}

static void push_terms(lua_State *L, const nb_ident *id, size_t k, const nb_schema *s) {
    size_t n, i;
    const nb_ident_term *t = nb_ident_terms(id, k, &n);
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        const char *cell = nb_schema_id(s, t[i].cell);
        lua_createtable(L, 0, 3);
        lua_pushstring(L, cell ? cell : "?");
        lua_setfield(L, -2, "id");
        lua_pushstring(L, t[i].side ? "rhs" : "lhs");
        lua_setfield(L, -2, "side");
        lua_pushinteger(L, t[i].sign);
        lua_setfield(L, -2, "sign");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* identity:eval(report [, {names}]) -> list of failures:
**   {instance = k, values = {c = "np"}, lhs = "6", rhs = "7", diff = "-1",
**    terms = {{id=, side=, sign=}...}}  — and {overflow = true, ...} for a
** sum past int64. names lists the bound names to report in values. */
static int l_ident_eval(lua_State *L) {
    nb_ident *id = check_ident(L, 1);
    nb_report *r = check_same_schema(L, id, 2);
    const nb_schema *s = nb_report_schema(r);
    size_t k, nfail = 0, ninst = nb_ident_instances(id);
    lua_newtable(L);
    for (k = 0; k < ninst; k++) {
        nb_ident_result res;
        int rc = nb_ident_eval(id, k, r, &res);
        if (rc == NB_OK && res.outcome != NB_IDENT_FAILS) continue;
        lua_createtable(L, 0, 6);
        lua_newtable(L);
        if (lua_istable(L, 3)) {
            lua_Integer j, m = (lua_Integer)lua_rawlen(L, 3);
            for (j = 1; j <= m; j++) {
                const char *name, *v;
                lua_rawgeti(L, 3, j);
                name = lua_tostring(L, -1);
                v = name ? nb_ident_value(id, k, name) : NULL;
                if (v) {
                    lua_pushstring(L, v);
                    lua_rawset(L, -3);
                } else {
                    lua_pop(L, 1);
                }
            }
        }
        lua_setfield(L, -2, "values");
        lua_pushinteger(L, (lua_Integer)k + 1);
        lua_setfield(L, -2, "instance");
        if (rc != NB_OK) {
            lua_pushboolean(L, 1);
            lua_setfield(L, -2, "overflow");
        } else {
            push_num_string(L, res.lhs);
            lua_setfield(L, -2, "lhs");
            push_num_string(L, res.rhs);
            lua_setfield(L, -2, "rhs");
            push_num_string(L, res.diff);
            lua_setfield(L, -2, "diff");
        }
        push_terms(L, id, k, s);
        lua_setfield(L, -2, "terms");
        lua_rawseti(L, -2, (lua_Integer)++nfail);
    }
    return 1;
}

static size_t check_instance(lua_State *L, nb_ident *id, int idx) {
    lua_Integer k = luaL_checkinteger(L, idx);
    luaL_argcheck(L, k >= 1 && (size_t)k <= nb_ident_instances(id), idx, "no such instance");
    return (size_t)k - 1;
}

/* identity:check(report, k) -> "holds" | "fails" | "skipped", lhs, rhs, diff
** for instance k (1-based); "overflow" when a sum passes int64. */
static int l_ident_check(lua_State *L) {
    nb_ident *id = check_ident(L, 1);
    nb_report *r = check_same_schema(L, id, 2);
    size_t k = check_instance(L, id, 3);
    nb_ident_result res;
    if (nb_ident_eval(id, k, r, &res) != NB_OK) {
        lua_pushliteral(L, "overflow");
        return 1;
    }
    if (res.outcome == NB_IDENT_SKIPPED) {
        lua_pushliteral(L, "skipped");
        return 1;
    }
    lua_pushstring(L, res.outcome == NB_IDENT_HOLDS ? "holds" : "fails");
    push_num_string(L, res.lhs);
    push_num_string(L, res.rhs);
    push_num_string(L, res.diff);
    return 4;
}

/* identity:terms(schema, k) -> {{id=, side=, sign=}...} of instance k */
static int l_ident_terms(lua_State *L) {
    nb_ident *id = check_ident(L, 1);
    nb_schema *s = check_schema(L, 2);
    size_t k = check_instance(L, id, 3);
    if (nb_ident_schema(id) != s) return luaL_error(L, "identity and schema differ");
    push_terms(L, id, k, s);
    return 1;
}

/* identity:cells(schema, k) -> {id...}: the cells of instance k's terms,
** in the terms' order (a cell twice where a term repeats it). What the
** index of a system's instances needs of every instance: a string a term
** where terms() makes a table of three fields. */
static int l_ident_cells(lua_State *L) {
    nb_ident *id = check_ident(L, 1);
    nb_schema *s = check_schema(L, 2);
    size_t k = check_instance(L, id, 3), n, i;
    const nb_ident_term *t;
    if (nb_ident_schema(id) != s) return luaL_error(L, "identity and schema differ");
    t = nb_ident_terms(id, k, &n);
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        const char *cell = nb_schema_id(s, t[i].cell);
        lua_pushstring(L, cell ? cell : "?");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* identity:values(k, {names}) -> {name = value} of instance k */
static int l_ident_values(lua_State *L) {
    nb_ident *id = check_ident(L, 1);
    size_t k = check_instance(L, id, 2);
    lua_Integer j, m;
    luaL_checktype(L, 3, LUA_TTABLE);
    m = (lua_Integer)lua_rawlen(L, 3);
    lua_createtable(L, 0, (int)m);
    for (j = 1; j <= m; j++) {
        const char *name, *v;
        lua_rawgeti(L, 3, j);
        name = lua_tostring(L, -1);
        v = name ? nb_ident_value(id, k, name) : NULL;
        if (v) {
            lua_pushstring(L, v);
            lua_rawset(L, -3);
        } else {
            lua_pop(L, 1);
        }
    }
    return 1;
}

/* identity:relation() -> "=" | "<=" | ">=" */
static int l_ident_relation(lua_State *L) {
    static const char *const names[] = { "=", "<=", ">=" };
    lua_pushstring(L, names[nb_ident_relation_of(check_ident(L, 1))]);
    return 1;
}

static int l_ident_instances(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)nb_ident_instances(check_ident(L, 1)));
    return 1;
}

/*}===*/

/*{=== findings ===*/

static nb_findings *check_findings(lua_State *L, int idx) {
    findings_ud *u = class_udata(L, idx, MT_FINDINGS, FINDINGS);
    if (u->l == NULL) luaL_error(L, "findings already freed");
    return u->l;
}

/* nianbao.findings() -> an empty list */
static int l_findings_new(lua_State *L) {
    findings_ud *u = lua_newuserdatauv(L, sizeof *u, 0);
    u->l = NULL;
    luaL_setmetatable(L, FINDINGS);
    if ((u->l = nb_findings_new()) == NULL) return luaL_error(L, "out of memory");
    return 1;
}

static int l_findings_gc(lua_State *L) {
    findings_ud *u = class_udata(L, 1, MT_FINDINGS, FINDINGS);
    nb_findings_free(u->l);
    u->l = NULL;
    return 0;
}

/* The place at `slot`: absent, or an integer from 0 to UINT32_MAX. */
static lua_Integer finding_place(lua_State *L, int slot, const char *k) {
    lua_Integer v;
    lua_pushvalue(L, slot);
    v = luaL_optinteger(L, -1, 0);
    lua_pop(L, 1);
    if (v < 0 || v > (lua_Integer)UINT32_MAX) luaL_error(L, "a finding's %s is out of range", k);
    return v;
}

/* Whether strings' metatable lacks __tostring, as luaL_tolstring would
** look it up (raw): then a string is its own tostring. */
static int strings_plain(lua_State *L) {
    int plain = 1;
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        lua_pushliteral(L, "__tostring");
        plain = lua_rawget(L, -2) == LUA_TNIL;
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
    return plain;
}

/* The text at `slot` (its tostring, kept alive on the stack until the
** caller pops), or NULL when it is nil. A plain string is read where it
** is, and a number without a metatable is converted from a copy (the
** digits luaL_tolstring's format gives): no metamethod looked up. */
static const char *opt_text(lua_State *L, int slot, int plain) {
    switch (lua_type(L, slot)) {
    case LUA_TNIL:
        return NULL;
    case LUA_TSTRING:
        if (plain) return lua_tostring(L, slot);
        break;
    case LUA_TNUMBER:
        if (lua_getmetatable(L, slot)) {
            lua_pop(L, 1);
            break;
        }
        lua_pushvalue(L, slot);
        return lua_tostring(L, -1);
    }
    return luaL_tolstring(L, slot, NULL);
}

/* The fields of a finding in nine slots from `at` (rule, severity,
** message, cells, expected, found, quote, line, col) added to list l. */
static int add_finding(lua_State *L, nb_findings *l, int at) {
    nb_finding f;
    const char *sev;
    const char **cells = NULL;
    size_t i;
    int sevn, rc, plain;
    memset(&f, 0, sizeof f);
    plain = strings_plain(L);
    f.rule = (char *)opt_text(L, at, plain);
    f.message = (char *)opt_text(L, at + 2, plain);
    f.expected = (char *)opt_text(L, at + 4, plain);
    f.found = (char *)opt_text(L, at + 5, plain);
    f.quote = (char *)opt_text(L, at + 6, plain);
    sev = opt_text(L, at + 1, plain);
    if (f.rule == NULL || f.message == NULL)
        return luaL_error(L, "a finding needs a rule and a message");
    sevn = sev ? nb_severity_parse(sev) : NB_SEV_ERROR;
    if (sevn < 0) return luaL_error(L, "unknown severity \"%s\"", sev);
    f.severity = (nb_severity)sevn;
    f.line = (uint32_t)finding_place(L, at + 7, "line");
    f.col = (uint32_t)finding_place(L, at + 8, "col");
    if (lua_istable(L, at + 3)) {
        int t = at + 3;
        f.ncells = lua_rawlen(L, t);
        if (f.ncells > 100000) return luaL_error(L, "a finding names too many cells");
        /* the strings stay on the stack until the finding is copied */
        luaL_checkstack(L, (int)f.ncells + 4, "too many cells in a finding");
        if (f.ncells && (cells = calloc(f.ncells, sizeof *cells)) == NULL)
            return luaL_error(L, "out of memory");
        for (i = 0; i < f.ncells; i++) {
            lua_rawgeti(L, t, (lua_Integer)i + 1);
            cells[i] = lua_tostring(L, -1);
            if (cells[i] == NULL) cells[i] = "?";
        }
    }
    f.cells = (char **)cells;
    rc = nb_findings_add(l, &f);
    free(cells);
    lua_settop(L, at - 1);
    if (rc != NB_OK) return luaL_error(L, "out of memory");
    return 0;
}

/* nianbao.fill(parts, vars) -> a message template's texts with the values
** of its names between them: parts is the template cut into a list
** alternating text, name, text, ..., text; vars is read raw (a table with
** no metatable). A text is put as it is, a number as tostring puts it, an
** absent name as "{name}"; nil when a value is anything else (its
** tostring may run a script's code: the caller fills that message
** itself). One call, where a Lua loop asked the type of each value. */
static int l_fill(lua_State *L) {
    luaL_Buffer b;
    lua_Integer i, n;
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    n = (lua_Integer)lua_rawlen(L, 1);
    lua_settop(L, 2);
    luaL_buffinit(L, &b);
    for (i = 1; i <= n; i++) {
        const char *name;
        size_t len;
        if (lua_rawgeti(L, 1, i) != LUA_TSTRING) return 0;    /* (a list parts_of did not make) */
        if (i % 2 == 1) {
            luaL_addvalue(&b);
            continue;
        }
        name = lua_tolstring(L, -1, &len);                    /* (parts holds it: it stays) */
        switch (lua_rawget(L, 2)) {                           /* the buffer's is the slot below */
        case LUA_TSTRING:
            luaL_addvalue(&b);
            break;
        case LUA_TNUMBER:
            if (lua_getmetatable(L, -1)) return 0;
            lua_tolstring(L, -1, NULL);                       /* tostring's digits, in place */
            luaL_addvalue(&b);
            break;
        case LUA_TNIL:
            lua_pop(L, 1);
            luaL_addchar(&b, '{');
            luaL_addlstring(&b, name, len);
            luaL_addchar(&b, '}');
            break;
        default:
            return 0;
        }
    }
    luaL_pushresult(&b);
    return 1;
}

static const char *const finding_fields[] = {
    "rule", "severity", "message", "cells", "expected", "found", "quote", "line", "col"
};

/* findings:add{rule=, severity=, message=, cells={...}, expected=, found=,
**              quote=, line=, col=} */
static int l_findings_add(lua_State *L) {
    nb_findings *l = check_findings(L, 1);
    int i;
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    for (i = 0; i < 9; i++) lua_getfield(L, 2, finding_fields[i]);
    return add_finding(L, l, 3);
}

/* findings:put(rule, severity, message, cells, expected, found, quote,
** line, col): add's fields as arguments, for the checker's emitter (a
** table a finding was garbage). */
static int l_findings_put(lua_State *L) {
    nb_findings *l = check_findings(L, 1);
    lua_settop(L, 10);
    return add_finding(L, l, 2);
}

/*{=== the checker's emitter: its common finding in one call ===*/

/* The limits of one rule's findings on one report, as check.lua gives
** them: upvalues after the class metatables. */
enum { EMIT_FINDINGS = MT_COUNT + 1, EMIT_BYTES, EMIT_MESSAGE, EMIT_VALUE, EMIT_CELLS, EMIT_ID, EMIT_LIMITS = 6 };

/* The fields it reads, their names upvalues after the limits (a name
** pushed from C is hashed and looked for at every push). */
enum { K_AT, K_RULE, K_FINDINGS, K_LANG, K_MESSAGE, K_ZH, K_COUNT, K_BYTES, K_CELL, K_VARS, K_CELLS,
       K_LINE, K_COL, K_FOUND, K_EXPECTED, K_QUOTE, K_ID, K_SEVERITY, K_COUNT_OF_KEYS };
static const char *const emit_keys[K_COUNT_OF_KEYS] = {
    "at", "rule", "findings", "lang", "message", "zh", "count", "bytes", "cell", "vars", "cells",
    "line", "col", "found", "expected", "quote", "id", "severity"
};
#define EMIT_KEY(k) lua_upvalueindex(MT_COUNT + EMIT_LIMITS + 1 + (k))

static void push_class_metatables(lua_State *L);

static int raw_field(lua_State *L, int t, int k) {
    lua_pushvalue(L, EMIT_KEY(k));
    return lua_rawget(L, t);
}

/* A table with no metatable, whose raw reads are its reads. */
static int plain_table(lua_State *L, int idx) {
    if (!lua_istable(L, idx)) return 0;
    if (!lua_getmetatable(L, idx)) return 1;
    lua_pop(L, 1);
    return 0;
}

/* nil, or a text of at most max bytes (*n its length, 0 for nil) */
static int opt_short_text(lua_State *L, int idx, lua_Integer max, size_t *n) {
    *n = 0;
    if (lua_isnil(L, idx)) return 1;
    if (lua_type(L, idx) != LUA_TSTRING) return 0;
    lua_tolstring(L, idx, n);
    return (lua_Integer)*n <= max;
}

/* nil, or a line or column number as the emitter takes it as it is */
static int opt_place_as_is(lua_State *L, int idx) {
    lua_Integer v;
    if (lua_isnil(L, idx)) return 1;
    if (!lua_isinteger(L, idx)) return 0;
    v = lua_tointeger(L, idx);
    return v >= 0 && v <= 0x7FFFFFFF;
}

/* emit_fast(st, f, templates) -> whether finding f, which a rule gave its
** emitter (check.lua: st its state, templates the messages cut in parts),
** was put whole, as the emitter would put it: the common finding (no
** cell, vars a table with no metatable, cells a list of ids, texts within
** their limits, a line given or none to look for, a template already
** cut). false, nothing changed, for any other: the emitter then does all
** of it, and says what is wrong. The emitter runs under the rule's count
** hook, where its own steps were most of what a finding cost. */
static int l_emit_fast(lua_State *L) {
    size_t nmessage, nfound, nexpected, nquote, size = 0, n;
    lua_Integer count, bytes, ncells = 0, i;
    nb_findings *list;
    lua_settop(L, 3);
    luaL_checkstack(L, 32, "emit");                 /* (its slots: up to 30) */
    if (!plain_table(L, 1) || !plain_table(L, 2) || !lua_istable(L, 3)) goto slow;
    if (raw_field(L, 1, K_AT) != LUA_TTABLE) goto slow;                     /* 4 */
    if (raw_field(L, 1, K_RULE) != LUA_TTABLE || !plain_table(L, 5)) goto slow;   /* 5 */
    raw_field(L, 4, K_FINDINGS);                                            /* 6 */
    list = check_findings(L, 6);
    raw_field(L, 4, K_LANG);                                                /* 7 */
    if (raw_field(L, 5, K_MESSAGE) != LUA_TTABLE || !plain_table(L, 8)) goto slow;   /* 8 */
    lua_pushvalue(L, 7);
    lua_rawget(L, 8);                                                       /* 9: the template */
    if (!lua_toboolean(L, 9)) {
        lua_pop(L, 1);
        raw_field(L, 8, K_ZH);
    }
    if (lua_type(L, 9) != LUA_TSTRING) goto slow;
    raw_field(L, 1, K_COUNT);
    count = lua_tointeger(L, -1) + 1;
    raw_field(L, 1, K_BYTES);
    bytes = lua_tointeger(L, -1);
    lua_pop(L, 2);
    if (count > lua_tointeger(L, lua_upvalueindex(EMIT_FINDINGS))) goto slow;
    if (raw_field(L, 2, K_CELL) == LUA_TTABLE) goto slow;                   /* 10 */
    switch (raw_field(L, 2, K_VARS)) {                                      /* 11 */
    case LUA_TTABLE:
        if (!plain_table(L, 11)) goto slow;
        break;
    default:
        lua_pop(L, 1);
        lua_pushnil(L);
    }
    switch (raw_field(L, 2, K_CELLS)) {                                     /* 12: the ids, or nil */
    case LUA_TNIL:
        break;
    case LUA_TBOOLEAN:
        if (lua_toboolean(L, 12)) goto slow;
        lua_pop(L, 1);
        lua_pushnil(L);
        break;
    case LUA_TTABLE:
        if (!plain_table(L, 12)) goto slow;
        ncells = (lua_Integer)lua_rawlen(L, 12);
        if (ncells > lua_tointeger(L, lua_upvalueindex(EMIT_CELLS))) goto slow;
        if (ncells == 0) {
            lua_pop(L, 1);
            lua_pushnil(L);
            break;
        }
        lua_createtable(L, (int)ncells, 0);
        for (i = 1; i <= ncells; i++) {
            if (lua_rawgeti(L, 12, i) != LUA_TSTRING) goto slow;
            lua_tolstring(L, -1, &n);
            if ((lua_Integer)n > lua_tointeger(L, lua_upvalueindex(EMIT_ID))) goto slow;
            size += n;
            lua_rawseti(L, -2, i);
        }
        lua_replace(L, 12);
        break;
    default:
        goto slow;
    }
    raw_field(L, 2, K_LINE);                                                /* 13 */
    raw_field(L, 2, K_COL);                                                 /* 14 */
    if (!opt_place_as_is(L, 13) || !opt_place_as_is(L, 14)) goto slow;
    if (lua_isnil(L, 13) && ncells > 0) goto slow;                          /* (its cells' line is looked for) */
    lua_pushvalue(L, 9);
    if (lua_rawget(L, 3) != LUA_TTABLE) goto slow;                          /* 15: the template's parts */
    if (lua_rawlen(L, 15) == 1) lua_pushvalue(L, 9);                        /* 16: the message */
    else {
        lua_pushcfunction(L, l_fill);
        lua_pushvalue(L, 15);
        if (lua_isnil(L, 11)) lua_newtable(L);
        else lua_pushvalue(L, 11);
        lua_call(L, 2, 1);
        if (lua_type(L, 16) != LUA_TSTRING) goto slow;
    }
    lua_tolstring(L, 16, &nmessage);
    if ((lua_Integer)nmessage > lua_tointeger(L, lua_upvalueindex(EMIT_MESSAGE))) goto slow;
    raw_field(L, 2, K_FOUND);                                               /* 17 */
    raw_field(L, 2, K_EXPECTED);                                            /* 18 */
    raw_field(L, 2, K_QUOTE);                                               /* 19 */
    if (!opt_short_text(L, 17, lua_tointeger(L, lua_upvalueindex(EMIT_VALUE)), &nfound) ||
        !opt_short_text(L, 18, lua_tointeger(L, lua_upvalueindex(EMIT_VALUE)), &nexpected) ||
        !opt_short_text(L, 19, lua_tointeger(L, lua_upvalueindex(EMIT_MESSAGE)), &nquote)) goto slow;
    bytes += (lua_Integer)(nmessage + size + nfound + nexpected + nquote);
    if (bytes > lua_tointeger(L, lua_upvalueindex(EMIT_BYTES))) goto slow;
    lua_pushvalue(L, EMIT_KEY(K_COUNT));
    lua_pushinteger(L, count);
    lua_rawset(L, 1);
    lua_pushvalue(L, EMIT_KEY(K_BYTES));
    lua_pushinteger(L, bytes);
    lua_rawset(L, 1);
    /* 20..28: put's arguments */
    raw_field(L, 5, K_ID);
    raw_field(L, 5, K_SEVERITY);
    lua_pushvalue(L, 16);
    lua_pushvalue(L, 12);
    lua_pushvalue(L, 18);
    lua_pushvalue(L, 17);
    lua_pushvalue(L, 19);
    lua_pushvalue(L, 13);
    lua_pushvalue(L, 14);
    add_finding(L, list, 20);
    lua_pushboolean(L, 1);
    return 1;
slow:
    lua_pushboolean(L, 0);
    return 1;
}

/* nianbao.emitter_fast(max_findings, max_bytes, max_message, max_value,
** max_cells, max_id) -> emit_fast, with these limits */
static int l_emitter_fast(lua_State *L) {
    int k;
    for (k = 1; k <= EMIT_LIMITS; k++) luaL_checkinteger(L, k);
    lua_settop(L, EMIT_LIMITS);
    luaL_checkstack(L, MT_COUNT + EMIT_LIMITS + K_COUNT_OF_KEYS, "emitter");
    push_class_metatables(L);
    for (k = 1; k <= EMIT_LIMITS; k++) lua_pushvalue(L, k);
    for (k = 0; k < K_COUNT_OF_KEYS; k++) lua_pushstring(L, emit_keys[k]);
    lua_pushcclosure(L, l_emit_fast, MT_COUNT + EMIT_LIMITS + K_COUNT_OF_KEYS);
    return 1;
}

/*}===*/

static void push_finding(lua_State *L, const nb_finding *f) {
    size_t i;
    lua_createtable(L, 0, 8);
    lua_pushstring(L, f->rule);
    lua_setfield(L, -2, "rule");
    lua_pushstring(L, nb_severity_name(f->severity));
    lua_setfield(L, -2, "severity");
    lua_pushstring(L, f->message);
    lua_setfield(L, -2, "message");
    lua_createtable(L, (int)f->ncells, 0);
    for (i = 0; i < f->ncells; i++) {
        lua_pushstring(L, f->cells[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "cells");
    if (f->expected) {
        lua_pushstring(L, f->expected);
        lua_setfield(L, -2, "expected");
    }
    if (f->found) {
        lua_pushstring(L, f->found);
        lua_setfield(L, -2, "found");
    }
    if (f->quote) {
        lua_pushstring(L, f->quote);
        lua_setfield(L, -2, "quote");
    }
    if (f->line) {
        lua_pushinteger(L, f->line);
        lua_setfield(L, -2, "line");
        lua_pushinteger(L, f->col);
        lua_setfield(L, -2, "col");
    }
}

/* findings:list() -> list of finding tables, in order */
static int l_findings_list(lua_State *L) {
    nb_findings *l = check_findings(L, 1);
    size_t i, n = nb_findings_count(l);
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        push_finding(L, nb_findings_at(l, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* findings:tally() -> {error=, warning=, info=} */
static int l_findings_tally(lua_State *L) {
    nb_findings *l = check_findings(L, 1);
    int s;
    lua_createtable(L, 0, 3);
    for (s = NB_SEV_ERROR; s <= NB_SEV_INFO; s++) {
        lua_pushinteger(L, (lua_Integer)nb_findings_tally(l, (nb_severity)s));
        lua_setfield(L, -2, nb_severity_name((nb_severity)s));
    }
    return 1;
}

static int l_findings_sort(lua_State *L) {
    if (nb_findings_sort(check_findings(L, 1)) != NB_OK) return luaL_error(L, "out of memory");
    return 0;
}

static int l_findings_len(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)nb_findings_count(check_findings(L, 1)));
    return 1;
}

/*}===*/

/*{=== yaml ===*/

/* nianbao.yaml.decode(text [, name]) -> value, lines, key lines | nil, "name:line:col: why" */
static int l_yaml_decode(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    const char *name = luaL_optstring(L, 2, "<yaml>");
    return nb_yaml_decode(L, s, len, name, lua_upvalueindex(1)) ? 3 : 2;
}

/* nianbao.yaml.encode(value) -> text */
static int l_yaml_encode(lua_State *L) {
    luaL_checkany(L, 1);
    return nb_yaml_encode(L, 1, lua_upvalueindex(1));
}

/*}===*/

/*{=== html and encodings ===*/

#define HTML_MAXDEPTH 1024      /* the C recursion of the tree's copy */
#define HTML_TREE_FACTOR 16     /* libxml2's tree of a page: at most this many bytes a byte */

typedef int (*markup_parser)(lua_State *L, const char *buf, size_t len, int maxdepth, int flags);

/* parse's values: as many as it says it pushed, or its nil and reason (it says 0) */
static int parse_markup(lua_State *L, markup_parser parse, const char *kind, int flags) {
    size_t len;
    int n;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_Integer maxdepth = luaL_optinteger(L, 2, 256);
    nb_sandbox *sb = nb_sandbox_of(L);
    luaL_argcheck(L, maxdepth >= 1 && maxdepth <= HTML_MAXDEPTH, 2, "depth out of range");
    /* libxml2's tree is not counted by the Lua allocator: refuse a page
    ** whose tree would pass the running call's memory cap */
    if (sb && sb->active && sb->limit &&
        (sb->used >= sb->limit || len > (sb->limit - sb->used) / HTML_TREE_FACTOR)) {
        luaL_pushfail(L);
        lua_pushfstring(L, "%s text too large for the memory cap", kind);
        return 2;
    }
    nb_sandbox_charge(L, (int64_t)(len / 16));
    n = parse(L, s, len, (int)maxdepth, flags);
    return n ? n : 2;
}

static int html_tree(lua_State *L, const char *buf, size_t len, int maxdepth, int flags) {
    (void)flags;
    return nb_html_parse(L, buf, len, maxdepth);
}

static int xml_tree(lua_State *L, const char *buf, size_t len, int maxdepth, int flags) {
    (void)flags;
    return nb_xml_parse(L, buf, len, maxdepth);
}

/* nianbao.html.parse(text [, maxdepth]) -> tree | nil, reason */
static int l_html_parse(lua_State *L) {
    return parse_markup(L, html_tree, "HTML", 0);
}

/* nianbao.html.blocks(text [, maxdepth [, spans [, sheets_read]]]) -> blocks | false [, why] | nil, reason
** (spans false: cells without column, rowspan and colspan; sheets_read: the
** caller has read the page's style sheets, and no rule of theirs hides an element) */
static int l_html_blocks(lua_State *L) {
    int flags = (lua_isnoneornil(L, 3) || lua_toboolean(L, 3) ? NB_HTML_SPANS : 0) |
                (lua_toboolean(L, 4) ? NB_HTML_SHEETS_READ : 0);
    return parse_markup(L, nb_html_blocks, "HTML", flags);
}

/* nianbao.text.blocks(text) -> blocks, last block with a grid | false */
static int l_text_blocks(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    return nb_text_blocks(L, s, len);
}

/* nianbao.xml.parse(text [, maxdepth]) -> tree | nil, reason */
static int l_xml_parse(lua_State *L) {
    return parse_markup(L, xml_tree, "XML", 0);
}

/* nianbao.convert(bytes, from) -> UTF-8 text | nil, reason */
static int l_convert(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    return nb_encoding_to_utf8(L, s, len, luaL_checkstring(L, 2)) ? 1 : 2;
}

/* nianbao.new_table(list_size, key_count) -> an empty table with room
** for that many list items and other keys: a table whose size is known
** ahead is not grown (and rehashed) item by item. */
static int l_new_table(lua_State *L) {
    lua_Integer narr = luaL_checkinteger(L, 1), nrec = luaL_optinteger(L, 2, 0);
    luaL_argcheck(L, narr >= 0 && narr <= (1 << 24), 1, "out of range");
    luaL_argcheck(L, nrec >= 0 && nrec <= (1 << 24), 2, "out of range");
    lua_createtable(L, (int)narr, (int)nrec);
    return 1;
}

/* nianbao.utf8_invalid(bytes) -> 0 when bytes are UTF-8 as utf8.len reads
** them, else the byte where utf8.len stops; charged under limits as
** utf8.len is */
static int l_utf8_invalid(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    nb_sandbox_charge(L, (int64_t)(len / 64));
    lua_pushinteger(L, (lua_Integer)nb_encoding_utf8_invalid(s, len));
    return 1;
}

/* nianbao.fold_radicals(text) -> text with the Kangxi radicals a PDF's
** font gave for ideographs (U+2F8F for 行) made those ideographs, the same
** length; text itself when it holds none */
static int l_fold_radicals(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    nb_sandbox_charge(L, (int64_t)(len / 64));
    const char *p = s;
    for (;;) {                                            /* (most texts hold none: no copy) */
        p = memchr(p, 0xE2, len - (size_t)(p - s));
        if (p == NULL) { lua_settop(L, 1); return 1; }
        if ((size_t)(p - s) + 1 < len && (unsigned char)p[1] >= 0xBA && (unsigned char)p[1] <= 0xBF) break;
        p++;
    }
    luaL_Buffer b;
    char *out = luaL_buffinitsize(L, &b, len);
    memcpy(out, s, len);
    nb_encoding_fold_radicals(out, len);
    luaL_pushresultsize(&b, len);
    return 1;
}

/* The characters of s's bytes i..j (s:sub(i, j), its indices read as sub
** reads them) as utf8.len counts them, or the bytes when they are not
** UTF-8: in C, where a Lua sub made a string and len decoded it a
** character a step. Charged under limits as utf8.len is. */
static lua_Integer chars_between(lua_State *L, const char *s, size_t len, lua_Integer i, lua_Integer j) {
    const unsigned char *p, *e;
    size_t n;
    lua_Integer count = 0;
    if (i < 0) i = i < -(lua_Integer)len ? 1 : (lua_Integer)len + i + 1;
    else if (i == 0) i = 1;
    if (j > (lua_Integer)len) j = (lua_Integer)len;
    else if (j < 0) j = j < -(lua_Integer)len ? 0 : (lua_Integer)len + j + 1;
    if (i > j) return 0;
    n = (size_t)(j - i + 1);
    p = (const unsigned char *)s + (i - 1);
    e = p + n;
    nb_sandbox_charge(L, (int64_t)(n / 64));
    /* valid as nb_encoding_utf8_invalid reads it (utf8.len's rules), a
    ** character counted as it is passed: no second walk */
    while (p < e) {
        unsigned c = *p, lo = 0x80, hi = 0xBF;
        size_t k, more;
        if (c < 0x80) {
            p++;
            count++;
            continue;
        }
        if (c >= 0xE1 && c <= 0xEF && c != 0xED) {
            /* most of a Chinese text: three bytes, no range of its own */
            if (e - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return (lua_Integer)n;
            p += 3;
            count++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) more = 1;
        else if (c == 0xE0 || c == 0xED) {
            more = 2;
            if (c == 0xE0) lo = 0xA0;
            else hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            more = 3;
            if (c == 0xF0) lo = 0x90;
            else if (c == 0xF4) hi = 0x8F;
        } else return (lua_Integer)n;
        if ((size_t)(e - p) <= more || p[1] < lo || p[1] > hi) return (lua_Integer)n;
        for (k = 2; k <= more; k++)
            if ((p[k] & 0xC0) != 0x80) return (lua_Integer)n;
        p += more + 1;
        count++;
    }
    return count;
}

/* nianbao.chars(s, i, j) -> the characters of s:sub(i, j) (utf8.len's
** count, or #s:sub(i, j) when that is not UTF-8); nil when s is not a
** string or i or j not an integer (the caller's Lua then says why). */
static int l_chars(lua_State *L) {
    size_t len;
    const char *s;
    if (lua_type(L, 1) != LUA_TSTRING || !lua_isinteger(L, 2) || !lua_isinteger(L, 3)) return 0;
    s = lua_tolstring(L, 1, &len);
    lua_pushinteger(L, chars_between(L, s, len, lua_tointeger(L, 2), lua_tointeger(L, 3)));
    return 1;
}

/*}===*/


/*{=== printable texts ===*/

/* A control character of a text (C0 but tab and line breaks, DEL): '?'. */
static int is_control(unsigned char c) {
    return c <= 8 || c == 11 || c == 12 || (c >= 14 && c <= 31) || c == 127;
}

/* The bytes has_control looks at twice: the controls, and 0xC2 (the lead
** byte of a C1 control). One look a byte at the rest: texts are long. */
static const unsigned char maybe_control[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    [127] = 1, [0xC2] = 1,
};

/* Does s hold a control character, or a C1 one (0xC2 0x80..0x9F)? Eight
** bytes are looked at together: a word none of whose bytes is below 0x20,
** 0x7F or 0xC2 is passed over whole. */
static int has_control(const unsigned char *s, size_t n) {
    const uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
    size_t i = 0, j;
    while (i < n) {
        if (n - i >= 8) {
            uint64_t w, del, c2;
            memcpy(&w, s + i, 8);
            del = w ^ (ones * 0x7F);
            c2 = w ^ (ones * 0xC2);
            if (!((((w - ones * 0x20) & ~w) | ((del - ones) & ~del) | ((c2 - ones) & ~c2)) & highs)) {
                i += 8;
                continue;
            }
        }
        for (j = i + (n - i < 8 ? n - i : 8); i < j; i++) {
            if (!maybe_control[s[i]]) continue;
            if (is_control(s[i])) return 1;
            if (s[i] == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) return 1;
        }
    }
    return 0;
}

/* Push s with each control character as '?' and each C1 one as "??": one
** byte for one byte, so positions in the text stay where they were. */
static void push_printable(lua_State *L, const unsigned char *s, size_t n) {
    luaL_Buffer b;
    char *d = luaL_buffinitsize(L, &b, n);
    size_t i;
    for (i = 0; i < n; i++) {
        if (is_control(s[i])) d[i] = '?';
        else if (s[i] == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) {
            d[i] = d[i + 1] = '?';
            i++;
        } else d[i] = (char)s[i];
    }
    luaL_pushresultsize(&b, n);
}

/* nianbao.printable(t, skip): every text held in t, and in every table
** reached from it but `skip`, with its control characters as '?' (keys
** are left as they are). Tables are walked with next, from a list, not
** by recursion: a deep input does not reach the C stack. (The list keeps
** the tables it is given: each is reached from t all through the walk,
** which replaces texts only, so the set of the ones seen may hold their
** addresses.) */
static int l_printable(lua_State *L) {
    lua_Integer top = 0;
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    nb_seen_push(L, 128);                          /* 3: the tables seen */
    lua_createtable(L, 16, 0);                     /* 4: the tables to walk */
    nb_seen_met(L, 3, lua_topointer(L, 1));
    lua_pushvalue(L, 1);
    lua_rawseti(L, 4, ++top);
    while (top > 0) {
        lua_rawgeti(L, 4, top--);                  /* 5: the table (its slot is written over next) */
        lua_pushnil(L);
        while (lua_next(L, 5)) {                   /* 6: key, 7: value */
            int kind = lua_type(L, 7);
            if (kind == LUA_TSTRING) {
                size_t n;
                const unsigned char *v = (const unsigned char *)lua_tolstring(L, 7, &n);
                if (has_control(v, n)) {
                    lua_pushvalue(L, 6);
                    push_printable(L, v, n);
                    lua_rawset(L, 5);
                }
            } else if (kind == LUA_TTABLE && !lua_rawequal(L, 7, 2) && !nb_seen_met(L, 3, lua_topointer(L, 7))) {
                lua_pushvalue(L, 7);
                lua_rawseti(L, 4, ++top);
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    return 0;
}

/*}===*/

/*{=== views ===*/

/* The __index of read-only views (view.lua), shared by every view of one
** kind: rules read the report and the libraries through views field by
** field, and a Lua closure a read cost a call frame each. Upvalues: 1
** originals (view -> table), 2 proxies (table -> view), 3 hidden (keys not
** handed out, or nil), 4 readonly (makes the view of a table not seen),
** 5 the metatable of views with no hidden keys (nil until known: a view
** without hidden keys knows it as its own; one with them learns it from
** the first view readonly makes of a plain table). hidden: HIDDEN_NONE,
** HIDDEN_RAW (a set with no metatable, read raw: most reads of the report
** ask it of a key it lacks, where a read as a table is read goes on to its
** metatable) or HIDDEN_SET (one with a metatable, read as a table is), as
** the set was when the closure was made. */
enum { HIDDEN_NONE, HIDDEN_RAW, HIDDEN_SET };

static int view_read(lua_State *L, int hidden) {
    /* (called as __index alone, with the view and the key: slots 1 and 2) */
    lua_pushvalue(L, 1);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TTABLE) return luaL_error(L, "not a view");
    if (hidden) {
        lua_pushvalue(L, 2);
        if (hidden == HIDDEN_RAW) lua_rawget(L, lua_upvalueindex(3));
        else lua_gettable(L, lua_upvalueindex(3));
        if (lua_toboolean(L, -1)) return 0;
        lua_pop(L, 1);
    }
    lua_pushvalue(L, 2);
    if (lua_gettable(L, 3) != LUA_TTABLE) return 1;     /* most reads: a string or a number */
    lua_pushvalue(L, 4);
    if (lua_rawget(L, lua_upvalueindex(2)) != LUA_TNIL) return 1;   /* a table read before */
    lua_pop(L, 1);
    if (!lua_getmetatable(L, 4)) {
        /* a plain table first read through a view: its view is made here,
        ** as readonly would (the metatable of views with no hidden keys),
        ** a Lua call less for every section and row a rule walks */
        lua_pushvalue(L, 4);
        if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) {   /* a view: its own view */
            lua_settop(L, 4);
            return 1;
        }
        lua_pop(L, 1);
        if (!hidden || lua_type(L, lua_upvalueindex(5)) == LUA_TTABLE) {
            lua_createtable(L, 0, 0);              /* 5: the view */
            if (hidden) lua_pushvalue(L, lua_upvalueindex(5));
            else lua_getmetatable(L, 1);
            lua_setmetatable(L, 5);
            lua_pushvalue(L, 4);
            lua_pushvalue(L, 5);
            lua_rawset(L, lua_upvalueindex(2));    /* proxies[t] = view */
            lua_pushvalue(L, 5);
            lua_pushvalue(L, 4);
            lua_rawset(L, lua_upvalueindex(1));    /* originals[view] = t */
            return 1;
        }
        /* the first plain table read through a view with hidden keys:
        ** readonly makes its view, whose metatable is kept for the next */
        lua_settop(L, 4);
        lua_pushvalue(L, lua_upvalueindex(4));
        lua_insert(L, 4);
        lua_call(L, 1, 1);
        if (lua_type(L, 4) == LUA_TTABLE && lua_getmetatable(L, 4)) lua_replace(L, lua_upvalueindex(5));
        return 1;
    }
    lua_settop(L, 4);
    lua_pushvalue(L, lua_upvalueindex(4));
    lua_insert(L, 4);
    lua_call(L, 1, 1);
    return 1;
}

/* The __index of views with hidden keys (their set read raw, or as a
** table), and of views with none (known when the closure is made, not
** asked at every read). */
static int view_index_raw(lua_State *L) { return view_read(L, HIDDEN_RAW); }
static int view_index(lua_State *L) { return view_read(L, HIDDEN_SET); }
static int view_index_plain(lua_State *L) { return view_read(L, HIDDEN_NONE); }

/* nianbao.view_index(originals, proxies, hidden, readonly) -> the __index
** of the views whose hidden keys are `hidden` (nil: none). */
static int l_view_index(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    if (!lua_isnoneornil(L, 3)) luaL_checktype(L, 3, LUA_TTABLE);
    luaL_checktype(L, 4, LUA_TFUNCTION);
    lua_settop(L, 5);                          /* 5: nil, the plain views' metatable not yet known */
    if (!lua_istable(L, 3)) {
        lua_pushcclosure(L, view_index_plain, 5);
    } else if (lua_getmetatable(L, 3)) {
        lua_pop(L, 1);
        lua_pushcclosure(L, view_index, 5);
    } else {
        lua_pushcclosure(L, view_index_raw, 5);
    }
    return 1;
}

/*}===*/

static const luaL_Reg schema_methods[] = {
    {"add", l_schema_add}, {"find", l_schema_find}, {"kind", l_schema_kind},
    {"add_all", l_schema_add_all}, {"find_all", l_schema_find_all},
    {"ids", l_schema_ids}, {NULL, NULL}
};
static const luaL_Reg report_methods[] = {
    {"set", l_report_set}, {"read", l_report_read}, {"get", l_report_get}, {"state", l_report_state},
    {"held", l_report_held}, {"held_bytes", l_report_held_bytes}, {"hold", l_report_hold},
    {"hold_bytes", l_report_hold_bytes}, {"dump", l_report_dump}, {"load", l_report_load}, {"copy_cells", l_report_copy_cells},
    {"cell_map", l_report_cell_map}, {"copy_map", l_report_copy_map}, {"pick", l_report_pick}, {"copy", l_report_copy}, {"sets", l_report_sets}, {NULL, NULL}
};
static const luaL_Reg ident_methods[] = {
    {"eval", l_ident_eval}, {"check", l_ident_check}, {"terms", l_ident_terms}, {"cells", l_ident_cells},
    {"values", l_ident_values}, {"instances", l_ident_instances},
    {"relation", l_ident_relation}, {NULL, NULL}
};
static const luaL_Reg findings_methods[] = {
    {"add", l_findings_add}, {"put", l_findings_put}, {"list", l_findings_list}, {"tally", l_findings_tally},
    {"sort", l_findings_sort}, {NULL, NULL}
};
static const luaL_Reg nianbao_funcs[] = {
    {"schema", l_schema_new}, {"report", l_report_new}, {"identity", l_ident_new},
    {"findings", l_findings_new}, {"number", l_number}, {"add", l_add},
    {"compare", l_compare}, {"is_integral", l_is_integral}, {"convert", l_convert}, {"utf8_invalid", l_utf8_invalid},
    {"fold_radicals", l_fold_radicals},
    {"chars", l_chars}, {"fill", l_fill}, {"new_table", l_new_table}, {"emitter_fast", l_emitter_fast},
    {"view_index", l_view_index}, {"printable", l_printable}, {"positions", l_positions},
    {"placed_rows", l_placed_rows}, {"table_layout", l_table_layout},
    {"stream_layout", l_stream_layout}, {"stream_read", l_stream_read},
    {"placed_read", l_placed_read}, {"line_tokens", l_line_tokens},
    {"words_held", nb_claims_words_held}, {"claim_sentence", nb_claims_sentence}, {"word_at", nb_claims_word_at},
    {"unwrap", nb_claims_unwrap},
    {NULL, NULL}
};
static const luaL_Reg html_funcs[] = {
    {"parse", l_html_parse}, {"blocks", l_html_blocks}, {NULL, NULL}
};
static const luaL_Reg text_funcs[] = {
    {"blocks", l_text_blocks}, {"folder", nb_text_folder}, {"first_of", nb_text_first_of},
    {"lone_lines", nb_text_lone_lines}, {NULL, NULL}
};
static const luaL_Reg xml_funcs[] = {
    {"parse", l_xml_parse}, {NULL, NULL}
};
static const luaL_Reg yaml_funcs[] = {
    {"decode", l_yaml_decode}, {"encode", l_yaml_encode}, {NULL, NULL}
};

/* Push the class metatables in upvalue order (MT_SCHEMA...). */
static void push_class_metatables(lua_State *L) {
    luaL_getmetatable(L, SCHEMA);
    luaL_getmetatable(L, REPORT);
    luaL_getmetatable(L, IDENT);
    luaL_getmetatable(L, FINDINGS);
    luaL_getmetatable(L, POSITIONS);
}

/* The class `name` (its metatable made before): methods and __gc closed
** over every class's metatable (MT_SCHEMA...). */
static void new_class(lua_State *L, const char *name, const luaL_Reg *methods,
                      lua_CFunction gc, lua_CFunction len) {
    luaL_getmetatable(L, name);
    lua_newtable(L);
    push_class_metatables(L);
    luaL_setfuncs(L, methods, MT_COUNT);
    lua_setfield(L, -2, "__index");
    push_class_metatables(L);
    lua_pushcclosure(L, gc, MT_COUNT);
    lua_setfield(L, -2, "__gc");
    if (len) {
        push_class_metatables(L);
        lua_pushcclosure(L, len, MT_COUNT);
        lua_setfield(L, -2, "__len");
    }
    lua_pushstring(L, name);
    lua_setfield(L, -2, "__name");
    lua_pushboolean(L, 0);              /* scripts cannot reach __gc or the methods */
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

static int null_tostring(lua_State *L) {
    lua_pushliteral(L, "null");
    return 1;
}

int luaopen_nianbao(lua_State *L) {
    luaL_newmetatable(L, SCHEMA);
    luaL_newmetatable(L, REPORT);
    luaL_newmetatable(L, IDENT);
    luaL_newmetatable(L, FINDINGS);
    luaL_newmetatable(L, POSITIONS);    /* plain data: nothing to free, no methods */
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 5);
    new_class(L, SCHEMA, schema_methods, l_schema_gc, l_schema_len);
    new_class(L, REPORT, report_methods, l_report_gc, NULL);
    new_class(L, IDENT, ident_methods, l_ident_gc, NULL);
    new_class(L, FINDINGS, findings_methods, l_findings_gc, l_findings_len);
    luaL_newlibtable(L, nianbao_funcs);
    push_class_metatables(L);           /* report(schema), stream_read(..., report, ...) */
    luaL_setfuncs(L, nianbao_funcs, MT_COUNT);
    lua_pushliteral(L, NB_VERSION);
    lua_setfield(L, -2, "version");
    /* the null sentinel: a blank cell in YAML, distinct from an absent one */
    lua_newtable(L);
    lua_createtable(L, 0, 3);
    lua_pushcfunction(L, null_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, "null");
    lua_setfield(L, -2, "__name");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, "null");
    luaL_newlibtable(L, yaml_funcs);
    lua_pushvalue(L, -2);
    luaL_setfuncs(L, yaml_funcs, 1);
    lua_setfield(L, -3, "yaml");
    nb_json_open(L);
    lua_setfield(L, -3, "json");
    lua_pop(L, 1);
    luaopen_nianbao_marshal(L);
    lua_setfield(L, -2, "marshal");
    lua_newtable(L);
    luaL_setfuncs(L, html_funcs, 0);
    lua_setfield(L, -2, "html");
    lua_newtable(L);
    luaL_setfuncs(L, text_funcs, 0);
    lua_setfield(L, -2, "text");
    lua_newtable(L);
    luaL_setfuncs(L, xml_funcs, 0);
    lua_setfield(L, -2, "xml");
    return 1;
}
