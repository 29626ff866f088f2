/*
** nb_yaml.c — libyaml event streams to and from Lua tables.
*/
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include <lauxlib.h>
#include "nb.h"
#include "nb_yaml.h"

#define MAXDEPTH 64

/*{=== decoding ===*/

typedef struct decoder {
    lua_State *L;
    yaml_parser_t parser;
    const char *name;
    int nullidx, linesidx, keysidx;
    char path[512];
    size_t pathlen;
    char err[256];
} decoder;

static int is_int(const char *s, size_t n) {
    size_t i = (n > 0 && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    if (i == n || n - i > 18) return 0;   /* 18 digits always fit an int64 */
    for (; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

static int word_is(const char *s, size_t n, const char *const *words) {
    for (; *words; words++)
        if (strlen(*words) == n && memcmp(*words, s, n) == 0) return 1;
    return 0;
}

static const char *const null_words[] = { "~", "null", "Null", "NULL", NULL };
static const char *const true_words[] = { "true", "True", "TRUE", NULL };
static const char *const false_words[] = { "false", "False", "FALSE", NULL };

static void push_scalar(decoder *d, const yaml_event_t *ev) {
    const char *s = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
        lua_pushlstring(d->L, s, n);
    } else if (n == 0 || word_is(s, n, null_words)) {
        lua_pushvalue(d->L, d->nullidx);
    } else if (word_is(s, n, true_words)) {
        lua_pushboolean(d->L, 1);
    } else if (word_is(s, n, false_words)) {
        lua_pushboolean(d->L, 0);
    } else if (is_int(s, n)) {
        lua_pushinteger(d->L, (lua_Integer)strtoll(s, NULL, 10));
    } else {
        lua_pushlstring(d->L, s, n);
    }
}

static void note_at(decoder *d, const yaml_event_t *ev, int idx) {
    if (d->pathlen == 0) return;
    lua_pushlstring(d->L, d->path, d->pathlen);
    lua_pushinteger(d->L, (lua_Integer)ev->start_mark.line + 1);
    lua_rawset(d->L, idx);
}

/* The line of the value at the current path. */
static void note_line(decoder *d, const yaml_event_t *ev) { note_at(d, ev, d->linesidx); }

/* Append a key to the dotted path; returns the old length to restore. */
static size_t push_path(decoder *d, const char *key, size_t n) {
    size_t old = d->pathlen;
    if (d->pathlen + n + 2 >= sizeof d->path) return old;  /* too deep to name: keep parent */
    if (d->pathlen) d->path[d->pathlen++] = '.';
    memcpy(d->path + d->pathlen, key, n);
    d->pathlen += n;
    return old;
}

static int parse_node(decoder *d, yaml_event_t *ev, int depth);

static int next_event(decoder *d, yaml_event_t *ev) {
    if (!yaml_parser_parse(&d->parser, ev)) {
        snprintf(d->err, sizeof d->err, "%s:%lu:%lu: %s", d->name,
                 (unsigned long)d->parser.problem_mark.line + 1,
                 (unsigned long)d->parser.problem_mark.column + 1,
                 d->parser.problem ? d->parser.problem : "YAML syntax error");
        return 0;
    }
    return 1;
}

static int fail_at(decoder *d, const yaml_event_t *ev, const char *why) {
    snprintf(d->err, sizeof d->err, "%s:%lu:%lu: %s", d->name,
             (unsigned long)ev->start_mark.line + 1,
             (unsigned long)ev->start_mark.column + 1, why);
    return 0;
}

static int parse_sequence(decoder *d, int depth) {
    lua_Integer i = 0;
    lua_newtable(d->L);
    for (;;) {
        yaml_event_t ev;
        char key[24];
        size_t old;
        int ok;
        if (!next_event(d, &ev)) return 0;
        if (ev.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&ev);
            return 1;
        }
        old = push_path(d, key, (size_t)snprintf(key, sizeof key, "%lld", (long long)(i + 1)));
        note_line(d, &ev);
        ok = parse_node(d, &ev, depth + 1);
        d->pathlen = old;
        if (!ok) return 0;
        lua_rawseti(d->L, -2, ++i);
    }
}

static int parse_mapping(decoder *d, int depth) {
    lua_newtable(d->L);
    for (;;) {
        yaml_event_t ev;
        size_t old;
        int ok;
        if (!next_event(d, &ev)) return 0;
        if (ev.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&ev);
            return 1;
        }
        if (ev.type != YAML_SCALAR_EVENT) {
            fail_at(d, &ev, "only plain keys are supported");
            yaml_event_delete(&ev);
            return 0;
        }
        lua_pushlstring(d->L, (const char *)ev.data.scalar.value, ev.data.scalar.length);
        old = push_path(d, (const char *)ev.data.scalar.value, ev.data.scalar.length);
        note_at(d, &ev, d->keysidx);          /* the line of the key itself */
        yaml_event_delete(&ev);
        if (!next_event(d, &ev)) return 0;
        note_line(d, &ev);
        ok = parse_node(d, &ev, depth + 1);
        d->pathlen = old;
        if (!ok) return 0;
        lua_rawset(d->L, -3);
    }
}

/* Push the node that starts with ev (consumed). */
static int parse_node(decoder *d, yaml_event_t *ev, int depth) {
    int ok = 1;
    if (depth > MAXDEPTH) {
        ok = fail_at(d, ev, "nested too deeply");
    } else if (!lua_checkstack(d->L, 8)) {
        ok = fail_at(d, ev, "nested too deeply");
    } else switch (ev->type) {
    case YAML_SCALAR_EVENT: push_scalar(d, ev); break;
    case YAML_SEQUENCE_START_EVENT: ok = parse_sequence(d, depth); break;
    case YAML_MAPPING_START_EVENT: ok = parse_mapping(d, depth); break;
    case YAML_ALIAS_EVENT: ok = fail_at(d, ev, "aliases are not supported"); break;
    default: ok = fail_at(d, ev, "unexpected YAML event"); break;
    }
    yaml_event_delete(ev);
    return ok;
}

int nb_yaml_decode(lua_State *L, const char *buf, size_t len, const char *name,
                   int nullidx) {
    decoder d;
    yaml_event_t ev;
    int top = lua_gettop(L), ok = 0, done = 0;
    memset(&d, 0, sizeof d);
    d.L = L;
    d.name = name;
    d.nullidx = lua_absindex(L, nullidx);
    if (!yaml_parser_initialize(&d.parser)) return luaL_error(L, "out of memory");
    yaml_parser_set_input_string(&d.parser, (const unsigned char *)buf, len);
    lua_newtable(L);
    d.linesidx = lua_gettop(L);
    lua_newtable(L);
    d.keysidx = lua_gettop(L);
    while (!done) {
        if (!next_event(&d, &ev)) break;
        switch (ev.type) {
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
            yaml_event_delete(&ev);
            break;
        case YAML_STREAM_END_EVENT:   /* empty stream: an empty document */
            yaml_event_delete(&ev);
            lua_pushvalue(L, d.nullidx);
            ok = done = 1;
            break;
        default:
            ok = parse_node(&d, &ev, 0);
            done = 1;
            break;
        }
    }
    yaml_parser_delete(&d.parser);
    if (!ok) {
        lua_settop(L, top);
        lua_pushnil(L);
        lua_pushstring(L, d.err[0] ? d.err : "YAML error");
        return 0;
    }
    lua_rotate(L, -3, 1);   /* value, lines, keys */
    return 3;
}

/*}===*/

/*{=== encoding ===*/

typedef struct outbuf {
    char *data;
    size_t len, cap;
    int failed;
} outbuf;

static int write_handler(void *ud, unsigned char *bytes, size_t n) {
    outbuf *b = ud;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        char *p;
        while (cap < b->len + n) cap *= 2;
        if ((p = realloc(b->data, cap)) == NULL) { b->failed = 1; return 0; }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
    return 1;
}

typedef struct encoder {
    lua_State *L;
    yaml_emitter_t emitter;
    int nullidx;
    const char *err;
} encoder;

static int emit(encoder *e, yaml_event_t *ev) {
    if (!yaml_emitter_emit(&e->emitter, ev)) {
        if (!e->err) e->err = e->emitter.problem ? e->emitter.problem : "YAML emitter error";
        return 0;
    }
    return 1;
}

/* A string that a reader would take for something else must be quoted.
** Decimals stay plain: in a report they are numbers (the fee) by design. */
static int needs_quotes(const char *s, size_t n) {
    return n == 0 || word_is(s, n, null_words) || word_is(s, n, true_words) ||
           word_is(s, n, false_words) || is_int(s, n);
}

static int emit_scalar(encoder *e, const char *s, size_t n, yaml_scalar_style_t style) {
    yaml_event_t ev;
    if (n > (size_t)INT_MAX ||
        !yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)n,
                                      1, 1, style)) {
        if (!e->err) e->err = "a string is not valid UTF-8";
        return 0;
    }
    return emit(e, &ev);
}

static int encode_value(encoder *e, int idx, int depth);

static int table_flag(lua_State *L, int idx, const char *field) {
    int on = 0;
    if (lua_getmetatable(L, idx)) {
        lua_getfield(L, -1, field);
        on = lua_toboolean(L, -1);
        lua_pop(L, 2);
    }
    return on;
}

/* Compare two keys at absolute indexes as strings, without touching them. */
static int key_cmp(lua_State *L, int a, int b) {
    int c = strcmp(luaL_tolstring(L, a, NULL), luaL_tolstring(L, b, NULL));
    lua_pop(L, 2);
    return c;
}

static int encode_map(encoder *e, int idx, int depth, int flow) {
    lua_State *L = e->L;
    yaml_event_t ev;
    int ordered, keys, i, n;
    yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
        flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
    if (!emit(e, &ev)) return 0;
    /* keys: the __order list first, then the rest sorted as strings */
    lua_newtable(L);
    keys = lua_gettop(L);
    n = 0;
    lua_newtable(L);   /* seen */
    ordered = 0;
    if (lua_getmetatable(L, idx)) {
        lua_getfield(L, -1, "__order");
        if (lua_istable(L, -1)) {
            int k, m = (int)luaL_len(L, -1);
            for (k = 1; k <= m; k++) {
                lua_rawgeti(L, -1, k);
                lua_pushvalue(L, -1);
                lua_rawget(L, idx);
                if (!lua_isnil(L, -1)) {
                    lua_pop(L, 1);
                    lua_pushvalue(L, -1);
                    lua_rawseti(L, keys, ++n);
                    lua_pushboolean(L, 1);
                    lua_rawset(L, keys + 1);
                } else {
                    lua_pop(L, 2);
                }
            }
            ordered = n;
        }
        lua_pop(L, 2);
    }
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawget(L, keys + 1);
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            if (lua_type(L, -1) != LUA_TSTRING && lua_type(L, -1) != LUA_TNUMBER) {
                e->err = "a map key must be a string or a number";
                lua_pop(L, 3);
                return 0;
            }
            lua_pushvalue(L, -1);
            lua_rawseti(L, keys, ++n);
        } else {
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);   /* seen */
    /* the keys not in __order, sorted; insertion sort: maps are small */
    for (i = ordered + 2; i <= n; i++) {
        int j;
        for (j = i; j > ordered + 1; j--) {
            int top = lua_gettop(L);
            lua_rawgeti(L, keys, j - 1);
            lua_rawgeti(L, keys, j);
            if (key_cmp(L, top + 2, top + 1) >= 0) { lua_pop(L, 2); break; }
            lua_rawseti(L, keys, j - 1);
            lua_rawseti(L, keys, j);
        }
    }
    for (i = 1; i <= n; i++) {
        size_t klen;
        const char *k;
        lua_rawgeti(L, keys, i);
        k = luaL_tolstring(L, -1, &klen);
        if (!emit_scalar(e, k, klen, YAML_ANY_SCALAR_STYLE)) return 0;
        lua_pop(L, 1);
        lua_rawget(L, idx);
        if (!encode_value(e, lua_gettop(L), depth + 1)) return 0;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);   /* keys */
    yaml_mapping_end_event_initialize(&ev);
    return emit(e, &ev);
}

static int encode_value(encoder *e, int idx, int depth) {
    lua_State *L = e->L;
    yaml_event_t ev;
    if (depth > MAXDEPTH || !lua_checkstack(L, 16)) {
        e->err = "value nested too deeply (a cycle?)";
        return 0;
    }
    if (lua_rawequal(L, idx, e->nullidx) || lua_isnil(L, idx))
        return emit_scalar(e, "null", 4, YAML_PLAIN_SCALAR_STYLE);
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
        return lua_toboolean(L, idx) ? emit_scalar(e, "true", 4, YAML_PLAIN_SCALAR_STYLE)
                                     : emit_scalar(e, "false", 5, YAML_PLAIN_SCALAR_STYLE);
    case LUA_TNUMBER: {
        char num[64];
        int n = lua_isinteger(L, idx)
            ? snprintf(num, sizeof num, "%lld", (long long)lua_tointeger(L, idx))
            : snprintf(num, sizeof num, "%.17g", (double)lua_tonumber(L, idx));
        return emit_scalar(e, num, (size_t)n, YAML_PLAIN_SCALAR_STYLE);
    }
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
        if (needs_quotes(s, n)) style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
        else if (memchr(s, '\n', n)) style = YAML_LITERAL_SCALAR_STYLE;   /* prose stays readable */
        return emit_scalar(e, s, n, style);
    }
    case LUA_TTABLE: {
        int flow = table_flag(L, idx, "__flow");
        lua_Integer i, n = (lua_Integer)lua_rawlen(L, idx);
        if (n == 0) return encode_map(e, idx, depth, flow);
        yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
            flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
        if (!emit(e, &ev)) return 0;
        for (i = 1; i <= n; i++) {
            lua_rawgeti(L, idx, i);
            if (!encode_value(e, lua_gettop(L), depth + 1)) return 0;
            lua_pop(L, 1);
        }
        yaml_sequence_end_event_initialize(&ev);
        return emit(e, &ev);
    }
    default:
        e->err = "a value of this type has no YAML form";
        return 0;
    }
}

int nb_yaml_encode(lua_State *L, int idx, int nullidx) {
    encoder e;
    outbuf out = { NULL, 0, 0, 0 };
    yaml_event_t ev;
    int ok, top;
    idx = lua_absindex(L, idx);
    memset(&e, 0, sizeof e);
    e.L = L;
    e.nullidx = lua_absindex(L, nullidx);
    if (!yaml_emitter_initialize(&e.emitter)) return luaL_error(L, "out of memory");
    yaml_emitter_set_output(&e.emitter, write_handler, &out);
    yaml_emitter_set_unicode(&e.emitter, 1);
    yaml_emitter_set_width(&e.emitter, -1);
    top = lua_gettop(L);
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    ok = emit(&e, &ev);
    if (ok) {
        yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
        ok = emit(&e, &ev);
    }
    if (ok) ok = encode_value(&e, idx, 0);
    if (ok) {
        yaml_document_end_event_initialize(&ev, 1);
        ok = emit(&e, &ev);
    }
    if (ok) {
        yaml_stream_end_event_initialize(&ev);
        ok = emit(&e, &ev);
    }
    yaml_emitter_delete(&e.emitter);
    lua_settop(L, top);
    if (!ok || out.failed) {
        free(out.data);
        return luaL_error(L, "cannot write YAML: %s", out.failed ? "out of memory" : e.err);
    }
    lua_pushlstring(L, out.data ? out.data : "", out.len);
    free(out.data);
    return 1;
}

/*}===*/
