/*
** nb_marshal.c — plain Lua data as bytes and back: what the batch keeps of
** a report in its spool and what a worker process hands its parent.
**
** A value is a tag byte and its payload:
**   'n' nil   'f' false   't' true
**   'i' integer, zigzag varint      'd' float, 8 bytes (this machine's order)
**   's' string: varint length, bytes
**   'T' table: varint count of the array part (values 1..n, nil for a hole),
**       4 bytes count of the other fields, then each field's key and value.
** Tables are read raw; decode presizes each table as encode found it and
** sets its fields in the same order, so the restored table iterates alike.
*/
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <lauxlib.h>
#include "nb_marshal.h"
#include "nb_seen.h"

#define MAX_DEPTH 200
#define BOX "nianbao.box"

/*{=== the box ===*/

static int box_gc(lua_State *L) {
    nb_box_clear(luaL_checkudata(L, 1, BOX));
    return 0;
}

nb_box *nb_box_push(lua_State *L) {
    nb_box *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->p = NULL;
    b->n = b->cap = 0;
    b->alloc = lua_getallocf(L, &b->ud);
    if (luaL_newmetatable(L, BOX)) {
        lua_pushcfunction(L, box_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
    return b;
}

static int box_grow(nb_box *b, size_t len) {
    size_t cap = b->cap ? b->cap : 256;
    char *p;
    if (len > SIZE_MAX / 2 - b->n) return -1;
    while (cap - b->n < len) cap *= 2;
    p = b->alloc(b->ud, b->p, b->cap, cap);
    if (!p) return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

int nb_box_add(nb_box *b, const void *s, size_t len) {
    if (b->cap - b->n < len && box_grow(b, len) != 0) return -1;
    if (len) memcpy(b->p + b->n, s, len);
    b->n += len;
    return 0;
}

int nb_box_addc(nb_box *b, char c) {
    if (b->n == b->cap && box_grow(b, 1) != 0) return -1;
    b->p[b->n++] = c;
    return 0;
}

void nb_box_clear(nb_box *b) {
    if (!b) return;
    if (b->p) b->alloc(b->ud, b->p, b->cap, 0);
    b->p = NULL;
    b->n = b->cap = 0;
}

/*}===*/

/*{=== encode ===*/

static void fail(lua_State *L, const char *what) {
    lua_pushstring(L, what);
    lua_error(L);
}

static void add(lua_State *L, nb_box *b, const void *s, size_t len) {
    if (nb_box_add(b, s, len) != 0) fail(L, "marshal: not enough memory");
}

/* Room for len more bytes at the end of b: where they go. A value's tag,
** counts and bytes are then written at once, not a call a piece. */
static unsigned char *room(lua_State *L, nb_box *b, size_t len) {
    if (b->cap - b->n < len && box_grow(b, len) != 0) fail(L, "marshal: not enough memory");
    return (unsigned char *)b->p + b->n;
}

/* Write u at p as a varint (10 bytes at most): how many bytes. */
static size_t varint_at(unsigned char *p, uint64_t u) {
    size_t n = 0;
    while (u >= 0x80) { p[n++] = (unsigned char)(u | 0x80); u >>= 7; }
    p[n++] = (unsigned char)u;
    return n;
}

void nb_marshal_put_nil(lua_State *L, nb_box *b) {
    *room(L, b, 1) = 'n';
    b->n++;
}

void nb_marshal_put_integer(lua_State *L, nb_box *b, lua_Integer i) {
    uint64_t u = (uint64_t)i;
    unsigned char *p = room(L, b, 11);
    p[0] = 'i';
    b->n += 1 + varint_at(p + 1, (u << 1) ^ (0 - (u >> 63)));
}

void nb_marshal_put_string(lua_State *L, nb_box *b, const char *s, size_t len) {
    unsigned char *p;
    size_t n;
    if (len > SIZE_MAX / 2) fail(L, "marshal: not enough memory");
    p = room(L, b, 11 + len);
    p[0] = 's';
    n = 1 + varint_at(p + 1, len);
    if (len) memcpy(p + n, s, len);
    b->n += n + len;
}

void nb_marshal_put_list(lua_State *L, nb_box *b, size_t n) {
    unsigned char *p = room(L, b, 15);
    size_t k;
    p[0] = 'T';
    k = 1 + varint_at(p + 1, n);
    memset(p + k, 0, 4);
    b->n += k + 4;
}

/* The count of a table's other fields, written where its list left room
** for it (little-endian, as decode reads it). */
static void set_field_count(nb_box *b, size_t at, uint32_t nrec) {
    unsigned char count[4];
    count[0] = (unsigned char)nrec;
    count[1] = (unsigned char)(nrec >> 8);
    count[2] = (unsigned char)(nrec >> 16);
    count[3] = (unsigned char)(nrec >> 24);
    memcpy(b->p + at, count, 4);
}

/* Append the value on the top of the stack (left there). */
static void put(lua_State *L, nb_box *b, int depth) {
    switch (lua_type(L, -1)) {
    case LUA_TNIL: add(L, b, "n", 1); break;
    case LUA_TBOOLEAN: add(L, b, lua_toboolean(L, -1) ? "t" : "f", 1); break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, -1)) nb_marshal_put_integer(L, b, lua_tointeger(L, -1));
        else {
            lua_Number d = lua_tonumber(L, -1);
            add(L, b, "d", 1);
            add(L, b, &d, sizeof d);
        }
        break;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        nb_marshal_put_string(L, b, s, len);
        break;
    }
    case LUA_TTABLE: {
        lua_Unsigned narr = lua_rawlen(L, -1), i;
        uint32_t nrec = 0;
        size_t at;
        int t = lua_gettop(L);
        if (depth > MAX_DEPTH) fail(L, "marshal: nested too deeply");
        luaL_checkstack(L, 4, "marshal: nested too deeply");
        nb_marshal_put_list(L, b, narr);
        at = b->n - 4;                      /* the count of other fields, known after them */
        for (i = 1; i <= narr; i++) {
            lua_rawgeti(L, t, (lua_Integer)i);
            put(L, b, depth + 1);
            lua_pop(L, 1);
        }
        lua_pushnil(L);
        while (lua_next(L, t)) {
            lua_Integer k = lua_isinteger(L, -2) ? lua_tointeger(L, -2) : 0;
            if (!(k >= 1 && (lua_Unsigned)k <= narr)) {     /* not one of the array part */
                if (nrec == UINT32_MAX) fail(L, "marshal: too many fields");
                lua_pushvalue(L, -2);
                put(L, b, depth + 1);
                lua_pop(L, 1);
                put(L, b, depth + 1);
                nrec++;
            }
            lua_pop(L, 1);
        }
        set_field_count(b, at, nrec);
        break;
    }
    default:
        lua_pushfstring(L, "marshal: cannot pass on a %s", luaL_typename(L, -1));
        lua_error(L);
    }
}

/* marshal.encode(v) -> bytes */
static int l_encode(lua_State *L) {
    nb_box *b;
    lua_settop(L, 1);
    b = nb_box_push(L);
    lua_pushvalue(L, 1);
    put(L, b, 0);
    lua_pushlstring(L, b->p, b->n);
    nb_box_clear(b);
    return 1;
}

/* What put_plain refers to: the stack slots of ext, skip (0 for none) and
** the set of tables met. */
typedef struct {
    int ext, skip, met_at;
} plain_ctx;

/* The boolean, number or string at idx (of type type) appended as put
** would, where it is: no copy of it pushed (a key stays as lua_next needs
** it: a number is never made a string). */
static void put_scalar_at(lua_State *L, nb_box *b, int idx, int type) {
    if (type == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        nb_marshal_put_string(L, b, s, len);
    } else if (type == LUA_TBOOLEAN) {
        *room(L, b, 1) = lua_toboolean(L, idx) ? 't' : 'f';
        b->n++;
    } else if (lua_isinteger(L, idx)) {
        nb_marshal_put_integer(L, b, lua_tointeger(L, idx));
    } else {
        lua_Number d = lua_tonumber(L, idx);
        unsigned char *p = room(L, b, 1 + sizeof d);
        p[0] = 'd';
        memcpy(p + 1, &d, sizeof d);
        b->n += 1 + sizeof d;
    }
}

static int put_plain_table(lua_State *L, nb_box *b, int depth, plain_ctx *c);

/* The value at the top of the stack, of type type, appended when plain
** (left there): 1; 0 when it is not (see put_plain_table). */
static int put_plain_value(lua_State *L, nb_box *b, int depth, plain_ctx *c, int type) {
    switch (type) {
    case LUA_TBOOLEAN: case LUA_TNUMBER: case LUA_TSTRING: put_scalar_at(L, b, -1, type); return 1;
    case LUA_TTABLE: return put_plain_table(L, b, depth, c);
    default: return 0;
    }
}

/* The table on the top of the stack appended as put would, when it is
** plain (left there): 1; 0, with part of it written, when it holds a table
** with a metatable, one of ext, one met before (in the set, seeded with
** the tables encode_plain's seen holds) or one nested deeper than
** MAX_DEPTH; a key not a string, number or boolean; a value not one of
** those nor a table. A table of skip leaves out its field of that (string)
** key. Keys and values are written where they are: a push, a call and a
** pop a field cost as much as the writing. */
static int put_plain_table(lua_State *L, nb_box *b, int depth, plain_ctx *c) {
    lua_Unsigned narr, i;
    uint32_t nrec = 0;
    size_t at;
    int t, leave, leaves;
    if (depth > MAX_DEPTH || lua_getmetatable(L, -1)) return 0;
    luaL_checkstack(L, 6, "marshal: nested too deeply");
    t = lua_gettop(L);
    lua_pushvalue(L, t);
    if (lua_rawget(L, c->ext) != LUA_TNIL) return 0;
    lua_pop(L, 1);
    if (nb_seen_met(L, c->met_at, lua_topointer(L, t))) return 0;
    leave = t + 1;                          /* the key to leave out, nil for none */
    if (c->skip) {
        lua_pushvalue(L, t);
        lua_rawget(L, c->skip);
    } else lua_pushnil(L);
    leaves = !lua_isnil(L, leave);
    if (leaves && lua_type(L, leave) != LUA_TSTRING) return 0;
    narr = lua_rawlen(L, t);
    nb_marshal_put_list(L, b, narr);
    at = b->n - 4;                          /* the count of other fields, known after them */
    for (i = 1; i <= narr; i++) {
        int vt = lua_rawgeti(L, t, (lua_Integer)i);
        if (vt == LUA_TNIL) nb_marshal_put_nil(L, b);   /* a hole, as put writes it */
        else if (!put_plain_value(L, b, depth + 1, c, vt)) return 0;
        lua_pop(L, 1);
    }
    lua_pushnil(L);
    while (lua_next(L, t)) {
        int kt = lua_type(L, -2);
        if (kt == LUA_TNUMBER) {
            if (lua_isinteger(L, -2)) {
                lua_Integer k = lua_tointeger(L, -2);
                if (k >= 1 && (lua_Unsigned)k <= narr) {        /* one of the array part */
                    lua_pop(L, 1);
                    continue;
                }
            }
        } else if (kt == LUA_TSTRING) {
            if (leaves && lua_rawequal(L, -2, leave)) {
                lua_pop(L, 1);
                continue;
            }
        } else if (kt != LUA_TBOOLEAN) return 0;
        if (nrec == UINT32_MAX) fail(L, "marshal: too many fields");
        put_scalar_at(L, b, -2, kt);
        if (!put_plain_value(L, b, depth + 1, c, lua_type(L, -1))) return 0;
        nrec++;
        lua_pop(L, 1);
    }
    set_field_count(b, at, nrec);
    lua_settop(L, t);
    return 1;
}

/* The value on the top of the stack appended when plain (left there): 1;
** 0 when it is not (see put_plain_table). */
static int put_plain(lua_State *L, nb_box *b, int depth, plain_ctx *c) {
    return put_plain_value(L, b, depth, c, lua_type(L, -1));
}

int nb_marshal_put_plain(lua_State *L, nb_box *b, int v, int ext, int seen, int skip) {
    plain_ctx c;
    int top = lua_gettop(L), plain;
    v = lua_absindex(L, v);
    c.ext = lua_absindex(L, ext);
    c.skip = skip ? lua_absindex(L, skip) : 0;
    seen = lua_absindex(L, seen);
    nb_seen_push(L, 256);                   /* the tables met */
    c.met_at = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, seen)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TTABLE) nb_seen_met(L, c.met_at, lua_topointer(L, -1));
    }
    lua_pushvalue(L, v);
    plain = put_plain(L, b, 0, &c);
    lua_settop(L, top);
    return plain;
}

/* marshal.encode_plain(v, ext, seen[, skip]) -> bytes | nil: seen's keys
** are tables taken as met already (seen itself is left as it is) */
static int l_encode_plain(lua_State *L) {
    nb_box *b;
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TTABLE);
    if (!lua_isnoneornil(L, 4)) luaL_checktype(L, 4, LUA_TTABLE);
    lua_settop(L, 4);
    b = nb_box_push(L);
    if (nb_marshal_put_plain(L, b, 1, 2, 3, lua_isnil(L, 4) ? 0 : 4)) lua_pushlstring(L, b->p, b->n);
    else lua_pushnil(L);
    nb_box_clear(b);
    return 1;
}

/*}===*/

/*{=== decode ===*/

typedef nb_marshal_reader reader;

static void bad(lua_State *L, const reader *r) {
    lua_pushfstring(L, "marshal: bad data at byte %I", (lua_Integer)(r->p - r->start) + 1);
    lua_error(L);
}

/* A varint of more than one byte (or none left: bad). */
static uint64_t get_varint_long(lua_State *L, reader *r) {
    uint64_t u = 0;
    int shift;
    for (shift = 0; shift < 64; shift += 7) {
        unsigned char c;
        if (r->p >= r->end) bad(L, r);
        c = *r->p++;
        if (shift == 63 && c > 1) bad(L, r);
        u |= (uint64_t)(c & 0x7F) << shift;
        if (!(c & 0x80)) return u;
    }
    bad(L, r);
    return 0;
}

/* One byte, most lengths and places, read here inline: a call a scalar
** with its registers saved for the long form cost as much as the rest. */
static inline uint64_t get_varint(lua_State *L, reader *r) {
    if (r->p < r->end && *r->p < 0x80) return *r->p++;
    return get_varint_long(L, r);
}

/* The values after the tags 'i', 'd' and 's', r->p past the tag: read, and
** r->p moved past them (a string's bytes stay in the buffer). */
static lua_Integer get_int(lua_State *L, reader *r) {
    uint64_t u = get_varint(L, r);
    return (lua_Integer)((u >> 1) ^ (0 - (u & 1)));
}

static lua_Number get_double(lua_State *L, reader *r) {
    lua_Number d;
    if ((size_t)(r->end - r->p) < sizeof d) bad(L, r);
    memcpy(&d, r->p, sizeof d);
    r->p += sizeof d;
    return d;
}

static const char *get_bytes(lua_State *L, reader *r, size_t *n) {
    uint64_t len = get_varint(L, r);
    const char *s = (const char *)r->p;
    if (len > (uint64_t)(r->end - r->p)) bad(L, r);
    r->p += len;
    *n = (size_t)len;
    return s;
}

int nb_marshal_get_scalar(lua_State *L, reader *r, nb_marshal_scalar *v) {
    if (r->p >= r->end) bad(L, r);
    v->s = NULL;
    v->len = 0;
    v->tag = (char)*r->p;
    switch (v->tag) {
    case 'n': case 't': case 'f': r->p++; return 1;
    case 'i': r->p++; v->i = get_int(L, r); return 1;
    case 'd': r->p++; v->d = get_double(L, r); return 1;
    case 's': r->p++; v->s = get_bytes(L, r, &v->len); return 1;
    case 'T': return 0;
    }
    bad(L, r);
    return 0;
}

/* Push the value at r->p, moving past it. */
static void get(lua_State *L, reader *r, int depth) {
    uint64_t narr, nrec, i, left;
    int t;
    /* a scalar pushed as its tag is read: through nb_marshal_get_scalar and
    ** its struct, a report's decode took an eighth more instructions */
    if (r->p >= r->end) bad(L, r);
    switch (*r->p++) {
    case 'n': lua_pushnil(L); return;
    case 't': lua_pushboolean(L, 1); return;
    case 'f': lua_pushboolean(L, 0); return;
    case 'i': lua_pushinteger(L, get_int(L, r)); return;
    case 'd': lua_pushnumber(L, get_double(L, r)); return;
    case 's': {
        size_t n;
        const char *bytes = get_bytes(L, r, &n);
        lua_pushlstring(L, bytes, n);
        return;
    }
    case 'T': break;                        /* past the table's tag */
    default:
        r->p--;                             /* the bad tag's place */
        bad(L, r);
    }
    if (depth > MAX_DEPTH) bad(L, r);
    narr = get_varint(L, r);
    if (r->end - r->p < 4) bad(L, r);
    nrec = (uint64_t)r->p[0] | (uint64_t)r->p[1] << 8 | (uint64_t)r->p[2] << 16 |
           (uint64_t)r->p[3] << 24;
    r->p += 4;
    left = (uint64_t)(r->end - r->p);
    /* each value takes a byte at least: counts beyond the bytes are corrupt */
    if (narr > left || nrec > (left - narr) / 2 || narr > INT_MAX || nrec > INT_MAX)
        bad(L, r);
    luaL_checkstack(L, 4, "marshal: nested too deeply");
    lua_createtable(L, (int)narr, (int)nrec);
    t = lua_gettop(L);
    /* (a value's tag byte says what the checks below would ask of it pushed) */
    for (i = 1; i <= narr; i++) {
        if (r->p < r->end && *r->p == 'n') {
            r->p++;                         /* a hole */
            continue;
        }
        get(L, r, depth + 1);
        lua_rawseti(L, t, (lua_Integer)i);
    }
    for (i = 0; i < nrec; i++) {
        const unsigned char *at = r->p;
        int tag = r->p < r->end ? *r->p : 0;
        if (tag == 'n') bad(L, r);          /* a nil key */
        get(L, r, depth + 1);
        if (tag == 'd' && lua_tonumber(L, -1) != lua_tonumber(L, -1)) {
            r->p = at;                      /* a NaN key */
            bad(L, r);
        }
        if (r->p < r->end && *r->p == 'n') bad(L, r);   /* a nil value */
        get(L, r, depth + 1);
        lua_rawset(L, t);
    }
}

void nb_marshal_decode(lua_State *L, const char *s, size_t len) {
    reader r;
    r.start = r.p = (const unsigned char *)s;
    r.end = r.start + len;
    get(L, &r, 0);
    if (r.p != r.end) fail(L, "marshal: trailing data");
}

/* marshal.decode(bytes) -> v */
static int l_decode(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    nb_marshal_decode(L, s, len);
    return 1;
}

/*{=== apply ===*/

#define APPLY_MAX_ARGS 16

void nb_marshal_get_table(lua_State *L, reader *r, uint64_t *narr, uint64_t *nrec) {
    uint64_t left;
    if (r->p >= r->end || *r->p != 'T') bad(L, r);
    r->p++;
    *narr = get_varint(L, r);
    if (r->end - r->p < 4) bad(L, r);
    *nrec = (uint64_t)r->p[0] | (uint64_t)r->p[1] << 8 | (uint64_t)r->p[2] << 16 |
            (uint64_t)r->p[3] << 24;
    r->p += 4;
    left = (uint64_t)(r->end - r->p);
    if (*narr > left || *nrec > (left - *narr) / 2 || *narr > INT_MAX || *nrec > INT_MAX) bad(L, r);
}

uint64_t nb_marshal_get_list(lua_State *L, reader *r) {
    uint64_t narr, nrec;
    nb_marshal_get_table(L, r, &narr, &nrec);
    if (nrec != 0) bad(L, r);               /* a list: no other field */
    return narr;
}

void nb_marshal_apply_item(lua_State *L, reader *r, int fn, int first, int n, lua_Integer i) {
    uint64_t inarr, inrec, j;
    const unsigned char *at;
    int base = lua_gettop(L);
    luaL_checkstack(L, n + 8, "marshal: nested too deeply");
    lua_pushvalue(L, fn);
    lua_pushvalue(L, first);
    for (j = 0; j < (uint64_t)n; j++) lua_pushnil(L);
    if (r->p >= r->end || *r->p != 'T') {
        lua_pushfstring(L, "marshal: item %I is not a table", i);
        lua_error(L);
    }
    nb_marshal_get_table(L, r, &inarr, &inrec);
    for (j = 1; j <= inarr; j++) {
        get(L, r, 2);
        if (j <= (uint64_t)n) lua_replace(L, base + 2 + (int)j);
        else lua_pop(L, 1);
    }
    for (j = 0; j < inrec; j++) {
        lua_Integer k;
        int isint;
        at = r->p;
        get(L, r, 2);
        if (lua_isnil(L, -1) || (lua_type(L, -1) == LUA_TNUMBER && !lua_isinteger(L, -1) &&
                                 lua_tonumber(L, -1) != lua_tonumber(L, -1))) {
            r->p = at;
            bad(L, r);
        }
        k = lua_tointegerx(L, -1, &isint);
        if (lua_type(L, -1) != LUA_TNUMBER) isint = 0;
        lua_pop(L, 1);
        at = r->p;
        get(L, r, 2);
        if (lua_isnil(L, -1)) {
            r->p = at;
            bad(L, r);
        }
        if (isint && k >= 1 && k <= n) lua_replace(L, base + 2 + (int)k);
        else lua_pop(L, 1);
    }
    lua_call(L, n + 1, 0);
}

/* marshal.apply(bytes, fn, first, n): bytes encode a list of tables; for
** each in order, fn(first, t[1], ..., t[n]). What decode then a loop over
** the list would do, with no table made for each item. */
static int l_apply(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_Integer n = luaL_checkinteger(L, 4);
    uint64_t narr, i;
    reader r;
    luaL_argcheck(L, n >= 0 && n <= APPLY_MAX_ARGS, 4, "0 to 16 values an item");
    lua_settop(L, 3);
    r.start = r.p = (const unsigned char *)s;
    r.end = r.start + len;
    narr = nb_marshal_get_list(L, &r);
    for (i = 1; i <= narr; i++) nb_marshal_apply_item(L, &r, 2, 3, (int)n, (lua_Integer)i);
    if (r.p != r.end) fail(L, "marshal: trailing data");
    return 0;
}

/*}===*/

/*{=== reachable ===*/

/* Push the table at idx onto the work list (a table at stack) unless set
** holds it already. */
static void reach_push(lua_State *L, int idx, int set, int stack, lua_Integer *top) {
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) != LUA_TTABLE) return;
    lua_pushvalue(L, idx);
    if (lua_rawget(L, set) == LUA_TNIL) {
        lua_pushvalue(L, idx);
        lua_rawseti(L, stack, ++*top);
    }
    lua_pop(L, 1);
}

/* marshal.reachable(...) -> set: each table reached from the arguments
** through keys, values and what getmetatable gives (the metatable, or its
** __metatable field), raw, a key of set. What the spool's encoding leaves
** out of a report (a format's tables): one walk in C, where a Lua function
** called for each key and value cost some thirty times as much. */
static int l_reachable(lua_State *L) {
    int n = lua_gettop(L), i, set, stack;
    lua_Integer top = 0;
    lua_newtable(L);
    set = n + 1;
    lua_newtable(L);
    stack = n + 2;
    for (i = 1; i <= n; i++) reach_push(L, i, set, stack, &top);
    while (top > 0) {
        int t;
        lua_rawgeti(L, stack, top--);
        t = lua_gettop(L);
        lua_pushvalue(L, t);
        if (lua_rawget(L, set) != LUA_TNIL) {   /* pushed twice before it was walked */
            lua_settop(L, t - 1);
            continue;
        }
        lua_pop(L, 1);
        lua_pushvalue(L, t);
        lua_pushboolean(L, 1);
        lua_rawset(L, set);
        luaL_checkstack(L, 4, "marshal: too deep");
        lua_pushnil(L);
        while (lua_next(L, t)) {
            reach_push(L, -2, set, stack, &top);
            reach_push(L, -1, set, stack, &top);
            lua_pop(L, 1);
        }
        if (lua_getmetatable(L, t)) {             /* as getmetatable gives it */
            lua_pushliteral(L, "__metatable");
            if (lua_rawget(L, -2) == LUA_TNIL) lua_pop(L, 1);
            reach_push(L, -1, set, stack, &top);
        }
        lua_settop(L, t - 1);
    }
    lua_settop(L, set);
    return 1;
}

/*}===*/

static const luaL_Reg marshal_funcs[] = {
    {"encode", l_encode}, {"encode_plain", l_encode_plain}, {"decode", l_decode}, {"apply", l_apply},
    {"reachable", l_reachable}, {NULL, NULL}
};

int luaopen_nianbao_marshal(lua_State *L) {
    luaL_newlib(L, marshal_funcs);
    return 1;
}
