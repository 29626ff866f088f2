/*
** nb_json.c — JSON text of plain Lua values, byte for byte as the writer
** in scripts/lib/json.lua gives it.
**
** Tables are read raw and no Lua code runs. Where json.lua's writer could
** see something a raw read does not (a metamethod, a key whose tostring
** runs code) or could fail, encode gives up and returns nil: the caller
** then runs the writer in Lua, which sees the value as it was.
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "nb_json.h"
#include "nb_marshal.h"

#define MAX_DEPTH 64
#define SMALL 16       /* keys of an object sorted without an allocation */
#define METAS 8        /* metatables remembered as plain in one call */

enum { OK = 0, GIVE_UP = 1 };

/* One encode call: where it writes, the stack slot of nianbao.null, and
** a table kept for the whole call that marks the keys of an object its
** __order wrote (key -> the object's number): a table an object would
** be made and grown for every object written. */
typedef struct {
    nb_box *b;
    int null, seen;
    lua_Integer object;
    /* metatables found plain (and whether each says __array) in this
    ** call: a writer's objects share a few, and no Lua code runs to change
    ** them, nor is any collected while the value written holds it */
    const void *plain[METAS];
    int plain_array[METAS], plain_exact[METAS], plains;
    /* an __exact metatable's keys as written ("key":), made at its first
    ** object: where each begins in `names` (its count first; -1 not yet
    ** made, 0 none: a key that is no plain string, or no room) */
    int named[METAS][SMALL + 2];
    char names[1024];
    size_t names_used;
} json_out;

/* Bytes a JSON string cannot hold as they are: controls, '"' and '\\'. */
static const unsigned char needs_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
};

/* A key of an object: its text, and the stack slot of the key itself. */
typedef struct {
    const char *s;
    size_t len;
    int slot;
} key;

static void add(lua_State *L, nb_box *b, const char *s, size_t len) {
    if (len <= b->cap - b->n && b->p) {      /* room: most adds, a few bytes each */
        memcpy(b->p + b->n, s, len);
        b->n += len;
        return;
    }
    if (nb_box_add(b, s, len) != 0) luaL_error(L, "json: not enough memory");
}

/* The first byte of s[0..len) that needs an escape, or len. Eight bytes
** are looked at a time (is one below 0x20, a '"', a '\\' or DEL?): texts
** are long and seldom hold one. The word test never misses a byte; the
** bytes of a word it stops at are looked at one by one. */
static size_t clean_run(const unsigned char *s, size_t len) {
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w, q, bs, del;
        memcpy(&w, s + i, 8);
        if ((w & highs) == highs) continue;    /* eight bytes of non-ASCII UTF-8 (Chinese): none to escape */
        q = w ^ (ones * '"');
        bs = w ^ (ones * '\\');
        del = w ^ (ones * 0x7F);
        if ((((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((bs - ones) & ~bs) | ((del - ones) & ~del)) & highs)
            break;
    }
    while (i < len && !needs_escape[s[i]]) i++;
    return i;
}

static void quote(lua_State *L, nb_box *b, const char *s, size_t len) {
    static const char hex[] = "0123456789abcdef";
    size_t i, from = 0, clean = clean_run((const unsigned char *)s, len);
    if (clean == len && b->p && len + 2 <= b->cap - b->n) {
        /* most texts and every key: nothing to escape, and room for it */
        char *d = b->p + b->n;
        d[0] = '"';
        memcpy(d + 1, s, len);
        d[len + 1] = '"';
        b->n += len + 2;
        return;
    }
    add(L, b, "\"", 1);
    for (i = clean; i < len; i++) {               /* the bytes before `clean` were looked at */
        unsigned char c;
        char esc[6];
        size_t n = 2;
        i += clean_run((const unsigned char *)s + i, len - i);
        if (i >= len) break;
        c = (unsigned char)s[i];
        esc[0] = '\\';
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            memcpy(esc + 1, "u00", 3);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            n = 6;
        }
        add(L, b, s + from, i - from);
        add(L, b, esc, n);
        from = i + 1;
    }
    add(L, b, s + from, len - from);
    add(L, b, "\"", 1);
}

static int key_cmp(const void *pa, const void *pb) {
    const key *a = pa, *b = pb;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->s, b->s, n);
    if (c) return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

/* The metatable of table t as json.lua reads it: GIVE_UP unless it holds
** only __order (a plain table, pushed, else nil pushed), __array and __exact. */
static int plain_meta(lua_State *L, json_out *o, int t, int *array, int *exact, int *which) {
    int mt, i;
    const void *id;
    *array = 0;
    *exact = 0;
    *which = -1;
    if (!lua_getmetatable(L, t)) {
        lua_pushnil(L);
        return OK;
    }
    mt = lua_gettop(L);
    id = lua_topointer(L, mt);
    for (i = 0; i < o->plains; i++) {
        if (o->plain[i] != id) continue;
        *array = o->plain_array[i];
        *exact = o->plain_exact[i];
        *which = i;
        if (lua_getfield(L, mt, "__order") != LUA_TTABLE) {   /* raw: mt has no metatable */
            lua_pop(L, 1);
            lua_pushnil(L);
        }
        lua_remove(L, mt);
        return OK;
    }
    if (lua_getmetatable(L, mt)) return GIVE_UP;
    lua_pushnil(L);
    while (lua_next(L, mt)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "";
        lua_pop(L, 1);
        if (strcmp(k, "__order") != 0 && strcmp(k, "__array") != 0 && strcmp(k, "__exact") != 0) return GIVE_UP;
    }
    lua_getfield(L, mt, "__array");     /* raw: mt has no metatable */
    *array = lua_toboolean(L, -1);
    lua_pop(L, 1);
    lua_getfield(L, mt, "__exact");
    *exact = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (lua_getfield(L, mt, "__order") == LUA_TTABLE) {
        if (lua_getmetatable(L, -1)) return GIVE_UP;
    } else if (lua_toboolean(L, -1)) {
        return GIVE_UP;
    } else {
        lua_pop(L, 1);
        lua_pushnil(L);
    }
    if (o->plains < METAS) {
        o->plain[o->plains] = id;
        o->plain_array[o->plains] = *array;
        o->plain_exact[o->plains] = *exact;
        o->named[o->plains][0] = -1;
        *which = o->plains++;
    }
    lua_remove(L, mt);
    return OK;
}

/* The text tostring gives key k (at slot k), pushed; GIVE_UP when it could
** run code. */
static int key_text(lua_State *L, int k) {
    switch (lua_type(L, k)) {
    case LUA_TSTRING: lua_pushvalue(L, k); return OK;
    case LUA_TBOOLEAN: lua_pushstring(L, lua_toboolean(L, k) ? "true" : "false"); return OK;
    case LUA_TNUMBER:
        lua_pushvalue(L, k);
        lua_tolstring(L, -1, NULL);       /* the copy becomes its text */
        return OK;
    default: return GIVE_UP;
    }
}

static int encode(lua_State *L, json_out *o, int depth);

/* Append the field of table t keyed by the value at slot k. */
static int field(lua_State *L, json_out *o, int t, int k, const char *s, size_t len,
                 int *first, int depth) {
    int r;
    if (!*first) add(L, o->b, ",", 1);
    *first = 0;
    quote(L, o->b, s, len);
    add(L, o->b, ":", 1);
    lua_pushvalue(L, k);
    lua_rawget(L, t);
    r = encode(L, o, depth + 1);
    lua_pop(L, 1);
    return r;
}

/* Table t (of `total` keys) written as its __order list (slot `order`)
** alone: the writers' own objects hold only keys their list names. Done
** when the keys the list names and t holds are distinct strings and all
** of t's; else what was written is taken back and 0 returned (no key is
** then marked or sorted, and no second walk of t is made). total < 0: t's
** keys the list does not name are left out (an __exact object). */
static int ordered_only(lua_State *L, json_out *o, int t, int order, int total, int depth, int *r) {
    size_t from = o->b->n;
    int top = lua_gettop(L), m = 0, whole = 0, i, j;
    key named[SMALL];
    *r = OK;
    for (i = 1;; i++) {
        if (lua_rawgeti(L, order, i) == LUA_TNIL) {
            whole = 1;
            break;
        }
        if (lua_type(L, -1) != LUA_TSTRING || m == SMALL) break;
        /* the key's text stays alive in the list, which is on the stack */
        named[m].s = lua_tolstring(L, -1, &named[m].len);
        if (lua_rawget(L, t) == LUA_TNIL) {
            lua_pop(L, 1);
            continue;
        }
        for (j = 0; j < m; j++)
            if (named[j].len == named[m].len && memcmp(named[j].s, named[m].s, named[m].len) == 0) break;
        if (j < m) break;                             /* named twice: the general way */
        if (m > 0) add(L, o->b, ",", 1);
        quote(L, o->b, named[m].s, named[m].len);
        add(L, o->b, ":", 1);
        if ((*r = encode(L, o, depth + 1)) != OK) return 1;
        lua_pop(L, 1);
        m++;
    }
    lua_settop(L, top);
    if (whole && (total < 0 || m == total)) return 1;
    o->b->n = from;
    return 0;
}

/* The keys of order (slot) as written, for the metatable remembered at
** `which`, made in o->names: none when one is no string, needs an escape,
** or there is no room. */
static void make_names(lua_State *L, json_out *o, int which, int order) {
    int *named = o->named[which], n = 0;
    size_t at = o->names_used;
    named[0] = 0;
    named[1] = (int)at;
    while (lua_rawgeti(L, order, n + 1) != LUA_TNIL) {
        size_t len;
        const char *s;
        if (n == SMALL || lua_type(L, -1) != LUA_TSTRING) break;
        s = lua_tolstring(L, -1, &len);
        if (clean_run((const unsigned char *)s, len) != len || len + 3 > sizeof o->names - at) break;
        o->names[at] = '"';
        memcpy(o->names + at + 1, s, len);
        memcpy(o->names + at + 1 + len, "\":", 2);
        at += len + 3;
        named[++n + 1] = (int)at;
        lua_pop(L, 1);
    }
    if (lua_isnil(L, -1) && n > 0) {           /* the whole list: kept */
        named[0] = n;
        o->names_used = at;
    }
    lua_pop(L, 1);
}

/* Table t as an object whose metatable says __exact: the keys of its
** __order list (slot `order`) that it holds, in that order, and no other
** (t's keys not walked at all). A key not a string is json.lua's to write.
** which: where its metatable is remembered (-1: nowhere). */
static int exact_object(lua_State *L, json_out *o, int t, int order, int which, int depth) {
    int first = 1, i, r;
    if (!lua_checkstack(L, 4)) return GIVE_UP;
    add(L, o->b, "{", 1);
    if (which >= 0 && o->named[which][0] < 0) make_names(L, o, which, order);
    if (which >= 0 && o->named[which][0] > 0) {
        /* the keys' text made at the first object of this metatable */
        const int *named = o->named[which];
        for (i = 1; i <= named[0]; i++) {
            lua_rawgeti(L, order, i);
            if (lua_rawget(L, t) != LUA_TNIL) {
                if (!first) add(L, o->b, ",", 1);
                first = 0;
                add(L, o->b, o->names + named[i], (size_t)(named[i + 1] - named[i]));
                if (encode(L, o, depth + 1) != OK) return GIVE_UP;
            }
            lua_pop(L, 1);
        }
        add(L, o->b, "}", 1);
        return OK;
    }
    /* (keys not made: the order's loop of an object of known keys, t's others left out) */
    if (!ordered_only(L, o, t, order, -1, depth, &r) || r != OK) return GIVE_UP;
    add(L, o->b, "}", 1);
    return OK;
}

/* Table t as an object: the keys of its __order list (slot `order`, 0
** for none) that it holds, in that order, then the others sorted. The
** others are picked out before any value is written: a value written is
** an object that marks its own keys in o->seen. */
static int object(lua_State *L, json_out *o, int t, int order, int depth) {
    int first = 1, all_strings = 1, base, n = 0, total = 0, i;
    lua_Integer mark = 0;
    key small[SMALL], *keys = small;
    if (!lua_checkstack(L, 8)) return GIVE_UP;
    add(L, o->b, "{", 1);
    if (order) {
        int r;
        lua_pushnil(L);
        while (lua_next(L, t)) {
            total++;
            lua_pop(L, 1);
        }
        if (total < SMALL && ordered_only(L, o, t, order, total, depth, &r)) {
            if (r == OK) add(L, o->b, "}", 1);
            return r;
        }
        total = 0;
    }
    if (order) {
        mark = ++o->object;
        for (i = 1; lua_rawgeti(L, order, i) != LUA_TNIL; i++) {
            lua_pushvalue(L, -1);
            if (lua_rawget(L, t) != LUA_TNIL) {
                lua_pop(L, 1);
                lua_pushinteger(L, mark);
                lua_rawset(L, o->seen);
            } else {
                lua_pop(L, 2);
            }
        }
        lua_pop(L, 1);
    }
    lua_pushnil(L);
    while (lua_next(L, t)) {
        total++;
        lua_pop(L, 1);
    }
    if (total > SMALL) {
        keys = lua_newuserdatauv(L, (size_t)total * sizeof *keys, 0);
    }
    base = lua_gettop(L);
    if (!lua_checkstack(L, 2 * total + 8)) return GIVE_UP;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (order) {
            int marked;
            lua_pushvalue(L, -1);
            lua_rawget(L, o->seen);
            marked = lua_isinteger(L, -1) && lua_tointeger(L, -1) == mark;
            lua_pop(L, 1);
            if (marked) continue;
        }
        /* below the key lua_next goes on from: the key, then its text */
        lua_pushvalue(L, -1);
        lua_insert(L, -2);
        if (key_text(L, -2) != OK) return GIVE_UP;
        lua_insert(L, -2);
        if (lua_type(L, -3) != LUA_TSTRING) all_strings = 0;
        keys[n].slot = lua_gettop(L) - 2;
        keys[n].s = lua_tolstring(L, -2, &keys[n].len);
        n++;
    }
    if (order) {
        for (i = 1; lua_rawgeti(L, order, i) != LUA_TNIL; i++) {
            int k = lua_gettop(L);
            lua_pushvalue(L, k);
            if (lua_rawget(L, t) != LUA_TNIL) {
                size_t len;
                const char *s;
                lua_pop(L, 1);
                if (key_text(L, k) != OK) return GIVE_UP;
                s = lua_tolstring(L, -1, &len);
                if (field(L, o, t, k, s, len, &first, depth) != OK) return GIVE_UP;
                lua_pop(L, 1);
            } else {
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    qsort(keys, (size_t)n, sizeof *keys, key_cmp);
    /* keys of different kinds that print alike: json.lua's order is its sort's */
    if (!all_strings)
        for (i = 1; i < n; i++)
            if (key_cmp(&keys[i - 1], &keys[i]) == 0) return GIVE_UP;
    for (i = 0; i < n; i++)
        if (field(L, o, t, keys[i].slot, keys[i].s, keys[i].len, &first, depth) != OK)
            return GIVE_UP;
    lua_settop(L, base);
    if (keys != small) lua_pop(L, 1);
    add(L, o->b, "}", 1);
    return OK;
}

/* Append the value on the top of the stack (left there). */
static int encode(lua_State *L, json_out *o, int depth) {
    char num[64];
    if (depth > MAX_DEPTH) return GIVE_UP;
    switch (lua_type(L, -1)) {
    case LUA_TNIL: add(L, o->b, "null", 4); return OK;
    case LUA_TBOOLEAN:
        if (lua_toboolean(L, -1)) add(L, o->b, "true", 4);
        else add(L, o->b, "false", 5);
        return OK;
    case LUA_TNUMBER:
        if (lua_isinteger(L, -1)) {
            /* digits written backwards from the end: most values are small counts */
            lua_Integer v = lua_tointeger(L, -1);
            lua_Unsigned u = v < 0 ? 0u - (lua_Unsigned)v : (lua_Unsigned)v;
            char *e = num + sizeof num, *d = e;
            do {
                *--d = (char)('0' + u % 10);
                u /= 10;
            } while (u);
            if (v < 0) *--d = '-';
            add(L, o->b, d, (size_t)(e - d));
            return OK;
        } else {
            double d = (double)lua_tonumber(L, -1);
            if (isnan(d) || isinf(d)) {
                add(L, o->b, "null", 4);
                return OK;
            }
            snprintf(num, sizeof num, "%.17g", d);
        }
        add(L, o->b, num, strlen(num));
        return OK;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        quote(L, o->b, s, len);
        return OK;
    }
    case LUA_TTABLE: {
        int t = lua_gettop(L), array, exact, which, r;
        lua_Unsigned n, i;
        if (lua_rawequal(L, t, o->null)) {
            add(L, o->b, "null", 4);
            return OK;
        }
        if (!lua_checkstack(L, 8) || plain_meta(L, o, t, &array, &exact, &which) != OK) return GIVE_UP;
        n = lua_rawlen(L, t);
        if (n > 0 || array) {
            add(L, o->b, "[", 1);
            for (i = 1; i <= n; i++) {
                if (i > 1) add(L, o->b, ",", 1);
                lua_rawgeti(L, t, (lua_Integer)i);
                if (encode(L, o, depth + 1) != OK) return GIVE_UP;
                lua_pop(L, 1);
            }
            add(L, o->b, "]", 1);
            lua_settop(L, t);
            return OK;
        }
        if (exact && !lua_isnil(L, -1)) r = exact_object(L, o, t, t + 1, which, depth);
        else r = object(L, o, t, lua_isnil(L, -1) ? 0 : t + 1, depth);
        lua_settop(L, t);
        return r;
    }
    default: return GIVE_UP;
    }
}

/* An output above the stack's top: the null marker (the upvalue), the
** tables seen (against cycles) and the box of text, pushed in that order. */
static void out_start(lua_State *L, json_out *o) {
    int top = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    o->null = top + 1;
    lua_newtable(L);
    o->seen = top + 2;
    o->object = 0;
    o->plains = 0;
    o->names_used = 0;
    o->b = nb_box_push(L);
}

/* json.encode(v) -> text | nil */
static int l_encode(lua_State *L) {
    json_out o;
    lua_settop(L, 1);
    out_start(L, &o);
    lua_pushvalue(L, 1);
    if (encode(L, &o, 0) != OK) {
        nb_box_clear(o.b);
        lua_pushnil(L);
        return 1;
    }
    lua_pushlstring(L, o.b->p, o.b->n);
    nb_box_clear(o.b);
    return 1;
}

/* The keys of a finding as the json writer (scripts/formats/json.lua)
** writes them (quoted, with their colon), in its order, before its page;
** and the field of the finding each is read from ("cells" written apart). */
static const char *const finding_keys[] = { "\"rule\":", "\"severity\":", "\"message\":", "\"cells\":",
                                            "\"expected\":", "\"found\":", "\"line\":", "\"column\":" };
static const char *const finding_fields[] = { "rule", "severity", "message", "cells", "expected", "found",
                                              "line", "col" };
static const char *const severities[] = { "error", "warning", "info" };

/* The findings of list (slot 1) written as the json writer's list of them,
** each with its page of pages (slot 2: the first line of each, or nil);
** count: how many of each severity. GIVE_UP for anything its loop in Lua
** could see otherwise or would fail at: a metatable, a severity of none
** of the three, cells that are not a table, a page or a line not an
** integer. */
static int findings_list(lua_State *L, json_out *o, lua_Integer count[3]) {
    lua_Integer i, npages = 0, k;
    int fields = lua_gettop(L) + 1, j;
    /* the fields' names pushed once, each finding's read raw by them */
    if (!lua_checkstack(L, 16)) return GIVE_UP;
    for (j = 0; j < 8; j++) lua_pushstring(L, finding_fields[j]);
    if (!lua_istable(L, 1) || lua_getmetatable(L, 1)) return GIVE_UP;
    if (lua_toboolean(L, 2)) {
        if (!lua_istable(L, 2) || lua_getmetatable(L, 2)) return GIVE_UP;
        while (lua_rawgeti(L, 2, npages + 1) != LUA_TNIL) {
            if (!lua_isinteger(L, -1)) return GIVE_UP;
            lua_pop(L, 1);
            npages++;
        }
        lua_pop(L, 1);
    }
    add(L, o->b, "[", 1);
    for (i = 1; lua_rawgeti(L, 1, i) != LUA_TNIL; i++) {
        int f = lua_gettop(L), s, first = 1;
        lua_Integer page = 0;
        if (!lua_checkstack(L, 8) || !lua_istable(L, f) || lua_getmetatable(L, f)) return GIVE_UP;
        add(L, o->b, i > 1 ? ",{" : "{", i > 1 ? 2 : 1);
        for (j = 0; j < 8; j++) {
            int type;
            lua_pushvalue(L, fields + j);
            type = lua_rawget(L, f);                            /* f has no metatable */
            if (j == 1) {
                size_t len = 0;
                const char *sev = type == LUA_TSTRING ? lua_tolstring(L, -1, &len) : "";
                for (s = 0; s < 3 && !(strlen(severities[s]) == len && memcmp(sev, severities[s], len) == 0); s++) {}
                if (s == 3) return GIVE_UP;
                count[s]++;
            }
            if (j == 3) {                          /* cells: none, or a list, is written a list */
                lua_Unsigned n, c;
                if (!first) add(L, o->b, ",", 1);
                first = 0;
                add(L, o->b, "\"cells\":[", 9);           /* (cells are always written) */
                if (lua_toboolean(L, -1)) {
                    if (type != LUA_TTABLE || lua_getmetatable(L, -1)) return GIVE_UP;
                    n = lua_rawlen(L, -1);
                    for (c = 1; c <= n; c++) {
                        if (c > 1) add(L, o->b, ",", 1);
                        lua_rawgeti(L, -1, (lua_Integer)c);
                        if (encode(L, o, 4) != OK) return GIVE_UP;
                        lua_pop(L, 1);
                    }
                }
                add(L, o->b, "]", 1);
            } else if (type != LUA_TNIL) {
                if (!first) add(L, o->b, ",", 1);
                first = 0;
                add(L, o->b, finding_keys[j], strlen(finding_keys[j]));
                if (type == LUA_TSTRING) {                  /* most fields: a text */
                    size_t len;
                    const char *text = lua_tolstring(L, -1, &len);
                    quote(L, o->b, text, len);
                } else if (encode(L, o, 3) != OK) {
                    return GIVE_UP;
                }
            }
            if (j == 6 && npages > 0 && lua_toboolean(L, -1)) {
                /* the page: the last whose first line is not past the line */
                lua_Integer line;
                if (!lua_isinteger(L, -1)) return GIVE_UP;
                line = lua_tointeger(L, -1);
                for (k = 1; k <= npages; k++) {
                    lua_Integer at;
                    lua_rawgeti(L, 2, k);
                    at = lua_tointeger(L, -1);
                    lua_pop(L, 1);
                    if (at > line) break;
                    page = k;
                }
            }
            lua_pop(L, 1);
        }
        if (page > 0) {
            char num[32];
            snprintf(num, sizeof num, ",\"page\":%lld", (long long)page);
            add(L, o->b, num, strlen(num));
        }
        add(L, o->b, "}", 1);
        lua_settop(L, f - 1);
    }
    lua_pop(L, 9);
    add(L, o->b, "]", 1);
    return OK;
}

/* json.findings(list, pages) -> the json writer's list of findings as
** text, and how many are errors, warnings and infos | nil when its loop in
** Lua must write them: what findings_list gives up on, or a value the C
** writer leaves to Lua. */
static int l_findings(lua_State *L) {
    json_out o;
    lua_Integer count[3] = { 0, 0, 0 };
    int s;
    lua_settop(L, 2);
    out_start(L, &o);
    if (findings_list(L, &o, count) != OK) {
        nb_box_clear(o.b);
        lua_pushnil(L);
        return 1;
    }
    lua_pushlstring(L, o.b->p, o.b->n);
    nb_box_clear(o.b);
    for (s = 0; s < 3; s++) lua_pushinteger(L, count[s]);
    return 4;
}

static const luaL_Reg json_funcs[] = {
    {"encode", l_encode}, {"findings", l_findings}, {NULL, NULL}
};

int nb_json_open(lua_State *L) {
    luaL_newlibtable(L, json_funcs);
    lua_pushvalue(L, -2);
    luaL_setfuncs(L, json_funcs, 1);
    return 1;
}
