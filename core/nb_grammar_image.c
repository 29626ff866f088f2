/*
** nb_grammar_image.c — re.compile answered from build-time images (see
** nb_grammar_image.h). Parsing a grammar with re is most of what compiling
** the bundled packs costs at every start; rebuilding the pattern it made
** is a copy of bytes and a table of constants.
**
** LPeg 1.0's patterns as this file reads them (lptree.h): the userdata
** holds the address of the compiled code (NULL until the first match),
** its size, then the tree's nodes; a node is a tag, a capture kind, a key
** into the pattern's constants (its user value, "ktable") and an int (a
** count, a character or the offset of the second child). A probe at the
** first compile checks this layout and that an image rebuilds what re
** builds; if it does not, no image is used. It checks too that the code
** LPeg makes for the probe is the one imaged; if not, no code is taken
** from an image, and code an image holds is taken only when it is whole
** (every instruction complete, its jumps inside it, its keys constants).
*/
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "nb_fnv.h"
#include "nb_grammar_image.h"
#include "nb_sandbox.h"

#define PATTERN_MT "lpeg-pattern"
#define STATE_KEY "nianbao.grammar_images"
#define MAX_ACCESSES 512
#define MAX_DEPTH 4000
#define KIND_GRAMMAR 2      /* an image of lpeg.P(table), not of re.compile */
#define MAX_RULES 4096
#define CODE_MARK 0xFFFFFFFFu /* in place of a text's length: an image of a pattern's code */

/* LPeg's tree tags (lptree.h, 1.0) */
enum { T_CHAR, T_SET, T_ANY, T_TRUE, T_FALSE, T_REP, T_SEQ, T_CHOICE, T_NOT, T_AND,
       T_CALL, T_OPENCALL, T_RULE, T_GRAMMAR, T_BEHIND, T_CAPTURE, T_RUNTIME };

typedef struct node {
    unsigned char tag, cap;
    unsigned short key;
    int u;
} node;

typedef struct pattern_head {
    void *code;
    int codesize;
    node tree[1];
} pattern_head;

typedef struct image_state {
    const unsigned char *data;
    size_t len;
    int enabled;            /* cleared by a failed probe or a change of locale */
    int probed;             /* the probe passed */
    long hits, misses;
    long code_hits;         /* first matches whose code an image gave */
    lua_CFunction tick;
    lua_CFunction match;    /* LPeg's own match */
    lua_CFunction P;        /* LPeg's own P */
    int code_ok;            /* the probe's code is the one imaged: code images are used */
    int in_compile;         /* imaging a re.compile: the grammars re makes are part of it */
    int code_recorded;      /* imaging: the probe's image is made, code is imaged */
    const struct keyed *index;  /* the records by key (in the state's user value), once made */
    size_t n_index;
    int indexed;
} image_state;

/*{=== fingerprints ===*/

static void mix(uint64_t *h, const void *p, size_t n) {
    const unsigned char *s = p;
    size_t i;
    for (i = 0; i < n; i++) *h = (*h ^ s[i]) * NB_FNV_PRIME;
}

static void mix_int(uint64_t *h, int64_t v) { mix(h, &v, sizeof v); }

static int is_pattern(lua_State *L, int idx) {
    int yes;
    if (lua_type(L, idx) != LUA_TUSERDATA || !lua_getmetatable(L, idx)) return 0;
    luaL_getmetatable(L, PATTERN_MT);
    yes = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return yes && lua_rawlen(L, idx) >= sizeof(pattern_head);
}

/* A node's word: its fields as LPeg reads them, the others zero. */
static uint64_t word_of(const node *x, int cap, int key, int u) {
    return (uint64_t)x->tag | (cap ? (uint64_t)x->cap << 8 : 0) | (key ? (uint64_t)x->key << 16 : 0) |
           (u ? (uint64_t)(uint32_t)x->u << 32 : 0);
}

/* Mix the node's word into h and, where o is not NULL, write its fields there. */
static void take_node(uint64_t *h, const node *x, node *o, int cap, int key, int u) {
    *h = (*h ^ word_of(x, cap, key, u)) * NB_FNV_PRIME;
    if (o) {
        o->tag = x->tag;
        if (cap) o->cap = x->cap;
        if (key) o->key = x->key;
        if (u) o->u = x->u;
    }
}

/* What of a tree LPeg reads, from node i on (n nodes), mixed into h and,
** where out is not NULL, copied there (the rest of out left as it is);
** -1 for a tree that is not one. */
static int walk(uint64_t *h, const node *t, node *out, size_t n, size_t i, int depth) {
    if (depth > MAX_DEPTH) return -1;
    for (;;) {
        const node *x;
        node *o;
        if (i >= n) return -1;
        x = &t[i];
        o = out ? &out[i] : NULL;
        switch (x->tag) {
        case T_CHAR: take_node(h, x, o, 0, 0, 1); return 0;
        case T_SET: {
            uint64_t w[4];
            if (n - i <= 32 / sizeof(node)) return -1;
            take_node(h, x, o, 0, 0, 0);
            memcpy(w, &x[1], 32);
            *h = (((((*h ^ w[0]) * NB_FNV_PRIME ^ w[1]) * NB_FNV_PRIME ^ w[2]) * NB_FNV_PRIME) ^ w[3]) * NB_FNV_PRIME;
            if (o) memcpy(&o[1], &x[1], 32);
            return 0;
        }
        case T_ANY: case T_TRUE: case T_FALSE: take_node(h, x, o, 0, 0, 0); return 0;
        case T_REP: case T_NOT: case T_AND: take_node(h, x, o, 0, 0, 0); i++; continue;
        case T_SEQ: case T_CHOICE: case T_RULE:
            take_node(h, x, o, x->tag == T_RULE, x->tag == T_RULE, 1);
            if (x->u <= 0 || walk(h, t, out, n, i + 1, depth + 1) != 0) return -1;
            i += (size_t)x->u;
            continue;
        case T_CALL: take_node(h, x, o, 0, 1, 1); return 0;
        case T_OPENCALL: take_node(h, x, o, 0, 1, 0); return 0;
        case T_GRAMMAR: case T_BEHIND: take_node(h, x, o, 0, 0, 1); i++; continue;
        case T_CAPTURE: take_node(h, x, o, 1, 1, 0); i++; continue;
        case T_RUNTIME: take_node(h, x, o, 0, 1, 0); i++; continue;
        default: return -1;
        }
    }
}

/* The fields of a node LPeg reads, by its tag (as walk takes them). */
#define F_CAP 0xFF00u
#define F_KEY 0xFFFF0000u
#define F_U 0xFFFFFFFF00000000u
static const uint64_t node_fields[T_RUNTIME + 1] = {
    [T_CHAR] = 0xFF | F_U, [T_SET] = 0xFF, [T_ANY] = 0xFF, [T_TRUE] = 0xFF, [T_FALSE] = 0xFF,
    [T_REP] = 0xFF, [T_SEQ] = 0xFF | F_U, [T_CHOICE] = 0xFF | F_U, [T_NOT] = 0xFF, [T_AND] = 0xFF,
    [T_CALL] = 0xFF | F_KEY | F_U, [T_OPENCALL] = 0xFF | F_KEY, [T_RULE] = 0xFF | F_CAP | F_KEY | F_U,
    [T_GRAMMAR] = 0xFF | F_U, [T_BEHIND] = 0xFF | F_U, [T_CAPTURE] = 0xFF | F_CAP | F_KEY,
    [T_RUNTIME] = 0xFF | F_KEY,
};

/* The n nodes of a tree mixed into h as they lie, each with the fields LPeg
** reads (a set with its bits): LPeg lays a tree out whole, each node after
** its first child's nodes, so the nodes in a row are the tree; -1 where a
** tag is none of LPeg's. (What walk reads, without its turns.) */
static int mix_tree(uint64_t *h, const node *t, size_t n) {
    size_t i = 0;
    uint64_t x = *h;
    while (i < n) {
        uint64_t w;
        unsigned tag = t[i].tag;
        if (tag > T_RUNTIME) return -1;
        memcpy(&w, &t[i], sizeof w);
        x = (x ^ (w & node_fields[tag])) * NB_FNV_PRIME;
        if (tag == T_SET) {
            uint64_t bits[4];
            if (n - i <= 32 / sizeof(node)) return -1;
            memcpy(bits, &t[i + 1], 32);
            x = (x ^ bits[0]) * NB_FNV_PRIME;
            x = (x ^ bits[1]) * NB_FNV_PRIME;
            x = (x ^ bits[2]) * NB_FNV_PRIME;
            x = (x ^ bits[3]) * NB_FNV_PRIME;
            i += 1 + 32 / sizeof(node);
        } else {
            i++;
        }
    }
    *h = x;
    return 0;
}

/* A literal value mixed in (its type and value); a function, table or
** userdata by its type only. */
static void mix_value(lua_State *L, int idx, uint64_t *h) {
    int t = lua_type(L, idx);
    mix_int(h, t);
    if (t == LUA_TBOOLEAN) mix_int(h, lua_toboolean(L, idx));
    else if (t == LUA_TNUMBER) {
        if (lua_isinteger(L, idx)) mix_int(h, lua_tointeger(L, idx));
        else { lua_Number d = lua_tonumber(L, idx); mix(h, "f", 1); mix(h, &d, sizeof d); }
    } else if (t == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        mix_int(h, (int64_t)n);
        mix(h, s, n);
    }
}

/* The fingerprint of a pattern: its n nodes at tree (its own, or the copy
** its image holds) and the constants of the pattern at idx; -1 for one an
** image cannot stand for. */
static int pattern_fingerprint(lua_State *L, int idx, const node *tree, size_t n, uint64_t *out) {
    uint64_t h = NB_FNV_OFFSET;
    size_t k, i;
    int ok;
    mix_int(&h, LUA_TUSERDATA);
    if (mix_tree(&h, tree, n) != 0) return -1;
    lua_getiuservalue(L, idx, 1);
    luaL_getmetatable(L, PATTERN_MT);
    ok = lua_istable(L, -2);
    if (lua_rawequal(L, -1, -2)) mix_int(&h, -1);
    else if (ok) {
        k = lua_rawlen(L, -2);
        mix_int(&h, (int64_t)k);
        for (i = 1; i <= k; i++) {
            lua_rawgeti(L, -2, (lua_Integer)i);
            mix_value(L, -1, &h);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 2);
    if (!ok) return -1;
    *out = h;
    return 0;
}

/* The registry's tables (weak keys) of the fingerprints of patterns
** rebuilt from an image, which the image holds (the walk of every node of
** each, some 1 M instructions of a start, is the build's), and of others
** once worked out: of a pattern before its first match, and after (LPeg
** fixes its tree then, lpcode.c; the tree and constants are otherwise
** those it was made with). */
static const char fingerprints_kept[2] = {0, 0};
#define FINGERPRINTS_ROOM 512       /* what a start keeps, made room for at once */

/* The fingerprint kept for the pattern at idx, before its first match or
** after (fixed): 1 and *out, or 0. */
static int kept_fingerprint(lua_State *L, int idx, int fixed, uint64_t *out) {
    int found = 0;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &fingerprints_kept[fixed]) == LUA_TTABLE) {
        lua_pushvalue(L, idx);
        if (lua_rawget(L, -2) == LUA_TNUMBER) {
            *out = (uint64_t)lua_tointeger(L, -1);
            found = 1;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return found;
}

/* Keep fingerprint fp of pattern p at idx; not inside a script's limits,
** whose memory it would count. */
static void keep_fingerprint(lua_State *L, int idx, const pattern_head *p, uint64_t fp) {
    nb_sandbox *sb = nb_sandbox_of(L);
    if (sb != NULL && sb->active) return;
    idx = lua_absindex(L, idx);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &fingerprints_kept[p->code != NULL]) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_createtable(L, 0, FINGERPRINTS_ROOM);
        lua_createtable(L, 0, 1);
        lua_pushliteral(L, "k");
        lua_setfield(L, -2, "__mode");
        lua_setmetatable(L, -2);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &fingerprints_kept[p->code != NULL]);
    }
    lua_pushvalue(L, idx);
    lua_pushinteger(L, (lua_Integer)fp);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

/* The fingerprint of the value at idx as a definition re reads; -1 for
** one an image cannot stand for (a table: re would make it a grammar).
** keep: a pattern's is kept (a definition, read again by the next grammar
** that names it; not a pattern at its first match, after which it is
** another's). */
static int fingerprint_as(lua_State *L, int idx, uint64_t *out, int keep) {
    uint64_t h = NB_FNV_OFFSET;
    int t = lua_type(L, idx);
    idx = lua_absindex(L, idx);
    if (t == LUA_TTABLE || t == LUA_TTHREAD || t == LUA_TLIGHTUSERDATA) return -1;
    if (t == LUA_TUSERDATA) {
        const pattern_head *p = lua_touserdata(L, idx);
        /* (only patterns are kept: one found needs no look at its metatable) */
        if (kept_fingerprint(L, idx, 0, out) && p->code == NULL) return 0;
        if (!is_pattern(L, idx)) return -1;
        if (p->code != NULL && kept_fingerprint(L, idx, 1, out)) return 0;
        if (pattern_fingerprint(L, idx, p->tree, (lua_rawlen(L, idx) - offsetof(pattern_head, tree)) / sizeof(node),
                                out) != 0)
            return -1;
        if (keep) keep_fingerprint(L, idx, p, *out);
        return 0;
    }
    mix_value(L, idx, &h);
    *out = h;
    return 0;
}

static int fingerprint(lua_State *L, int idx, uint64_t *out) { return fingerprint_as(L, idx, out, 0); }

/*}===*/

/*{=== images: writing (at build time) ===*/

/* A growing buffer kept in a userdata at a stack slot (replaced as it
** grows), so that an error of Lua's leaves nothing to free. */
typedef struct wbuf {
    lua_State *L;
    int slot, bad;
    unsigned char *p;
    size_t len, cap;
} wbuf;

static void put(wbuf *b, const void *p, size_t n) {
    if (b->bad) return;
    if (b->len + n > b->cap) {
        size_t cap = (b->len + n) * 2 + 256;
        unsigned char *q = lua_newuserdatauv(b->L, cap, 0);
        if (b->len) memcpy(q, b->p, b->len);
        lua_replace(b->L, b->slot);
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->len, p, n);
    b->len += n;
}

static void put_u32(wbuf *b, uint32_t v) { put(b, &v, 4); }
static void put_u64(wbuf *b, uint64_t v) { put(b, &v, 8); }

/* The constant at idx: its kind and value, or where it was found among
** the definitions read (accesses: log's values at 2a; -1 for none). */
static int put_constant(lua_State *L, wbuf *b, int idx, int log, int n_acc, lua_CFunction tick) {
    int t = lua_type(L, idx), a;
    uint32_t found = 0;
    size_t where;
    idx = lua_absindex(L, idx);
    if (t == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        put(b, "S", 1);
        put_u32(b, (uint32_t)n);
        put(b, s, n);
        return 0;
    }
    if (t == LUA_TNUMBER && lua_isinteger(L, idx)) {
        put(b, "I", 1);
        put_u64(b, (uint64_t)lua_tointeger(L, idx));
        return 0;
    }
    if (t == LUA_TNUMBER) {
        lua_Number d = lua_tonumber(L, idx);
        put(b, "F", 1);
        put(b, &d, sizeof d);
        return 0;
    }
    if (t == LUA_TBOOLEAN) {
        unsigned char v = (unsigned char)lua_toboolean(L, idx);
        put(b, "B", 1);
        put(b, &v, 1);
        return 0;
    }
    if (tick != NULL && lua_tocfunction(L, idx) == tick) {
        put(b, "T", 1);
        return 0;
    }
    put(b, "R", 1);
    where = b->len;
    put_u32(b, 0);
    for (a = 1; a <= n_acc; a++) {
        int v;
        lua_rawgeti(L, log, 2 * a);
        v = lua_gettop(L);
        if (lua_rawequal(L, v, idx)) {
            put_u32(b, (uint32_t)a);
            put_u32(b, 0);
            found++;
        }
        if (is_pattern(L, v)) {
            lua_Integer j, k;
            lua_getiuservalue(L, v, 1);
            k = lua_istable(L, -1) ? (lua_Integer)lua_rawlen(L, -1) : 0;
            for (j = 1; j <= k; j++) {
                lua_rawgeti(L, -1, j);
                if (lua_rawequal(L, -1, idx)) {
                    put_u32(b, (uint32_t)a);
                    put_u32(b, (uint32_t)j);
                    found++;
                }
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    if (!b->bad) memcpy(b->p + where, &found, 4);
    return found > 0 ? 0 : -1;
}

/* The image of the pattern at result, compiled from text (text_idx) with the
** definitions read as log (at idx log: names at 2a-1, values at 2a, count
** in field n), appended to the file path. Nothing for a pattern an image
** cannot stand for. */
static void record(lua_State *L, int text_idx, int result, int log, const char *path, int untrusted,
                   lua_CFunction tick) {
    wbuf b;
    size_t tlen, blen;
    const char *text = lua_tolstring(L, text_idx, &tlen);
    int n_acc, a, refused = 0, top = lua_gettop(L);
    lua_Integer i, k;
    uint64_t rebuilt_fp = 0;
    FILE *f;
    if (!is_pattern(L, result)) return;
    lua_getfield(L, log, "n");
    n_acc = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (n_acc > MAX_ACCESSES) return;
    lua_pushnil(L);
    b.L = L; b.slot = lua_gettop(L); b.bad = 0; b.p = NULL; b.len = b.cap = 0;
    put_u32(&b, 0);                                 /* the record's length, set below */
    put_u64(&b, nb_fnv1a(text, tlen));
    put_u32(&b, (uint32_t)tlen);
    put(&b, text, tlen);
    { unsigned char kind = (unsigned char)untrusted; put(&b, &kind, 1); }
    put_u32(&b, (uint32_t)n_acc);
    for (a = 1; a <= n_acc && !refused; a++) {
        size_t nlen;
        const char *name;
        uint64_t fp;
        lua_rawgeti(L, log, 2 * a - 1);
        lua_rawgeti(L, log, 2 * a);
        name = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &nlen) : NULL;
        /* the pattern re returns may be a definition itself: not a copy */
        if (name == NULL || fingerprint(L, -1, &fp) != 0 || lua_rawequal(L, -1, result)) refused = 1;
        else {
            put_u32(&b, (uint32_t)nlen);
            put(&b, name, nlen);
            put_u64(&b, fp);
        }
        lua_pop(L, 2);
    }
    /* the tree as LPeg reads it, the rest zero: the fields a node does not
    ** use were never written, and an image is the same at every build */
    blen = lua_rawlen(L, result);
    put_u32(&b, (uint32_t)blen);
    {
        uint64_t h = 0;
        const pattern_head *p = lua_touserdata(L, result);
        size_t n = (blen - offsetof(pattern_head, tree)) / sizeof(node);
        pattern_head *copy = lua_newuserdatauv(L, blen, 0);
        memset(copy, 0, blen);
        if (walk(&h, p->tree, copy->tree, n, 0, 0) != 0) refused = 1;
        /* (the fingerprint of the pattern rebuilt from the image: its tree is the copy) */
        else if (pattern_fingerprint(L, result, copy->tree, n, &rebuilt_fp) != 0) refused = 1;
        put(&b, copy, blen);
        lua_pop(L, 1);
    }
    lua_getiuservalue(L, result, 1);
    luaL_getmetatable(L, PATTERN_MT);
    if (lua_rawequal(L, -1, -2)) put_u32(&b, (uint32_t)-1);
    else if (!lua_istable(L, -2)) refused = 1;
    else {
        k = (lua_Integer)lua_rawlen(L, -2);
        put_u32(&b, (uint32_t)k);
        for (i = 1; i <= k && !refused; i++) {
            lua_rawgeti(L, -2, i);
            if (put_constant(L, &b, -1, log, n_acc, tick) != 0) refused = 1;
            lua_pop(L, 1);
        }
    }
    put_u64(&b, rebuilt_fp);
    if (!refused && !b.bad) {
        uint32_t rest = (uint32_t)(b.len - 4);
        memcpy(b.p, &rest, 4);
        if ((f = fopen(path, "ab")) != NULL) {
            fwrite(b.p, 1, b.len, f);
            fclose(f);
        }
    }
    lua_settop(L, top);
}

/* The definitions table's __index while a grammar is imaged: defs[k]
** (upvalue 1: the definitions, 2: the log), logged. */
static int logged_index(lua_State *L) {
    lua_Integer n;
    lua_settop(L, 2);
    if (lua_istable(L, lua_upvalueindex(1))) {
        lua_pushvalue(L, 2);
        lua_gettable(L, lua_upvalueindex(1));
    } else {
        lua_pushnil(L);
    }
    lua_getfield(L, lua_upvalueindex(2), "n");
    n = lua_tointeger(L, -1) + 1;
    lua_pop(L, 1);
    lua_pushvalue(L, 2);
    lua_rawseti(L, lua_upvalueindex(2), 2 * n - 1);
    lua_pushvalue(L, 3);
    lua_rawseti(L, lua_upvalueindex(2), 2 * n);
    lua_pushinteger(L, n);
    lua_setfield(L, lua_upvalueindex(2), "n");
    return 1;
}

/*}===*/

/*{=== images: reading ===*/

typedef struct reader {
    const unsigned char *p, *end;
    int bad;
} reader;

static const unsigned char *take(reader *r, size_t n) {
    const unsigned char *p = r->p;
    if (r->bad || (size_t)(r->end - r->p) < n) { r->bad = 1; return NULL; }
    r->p += n;
    return p;
}

static uint32_t take_u32(reader *r) {
    uint32_t v = 0;
    const unsigned char *p = take(r, 4);
    if (p) memcpy(&v, p, 4);
    return v;
}

static uint64_t take_u64(reader *r) {
    uint64_t v = 0;
    const unsigned char *p = take(r, 8);
    if (p) memcpy(&v, p, 8);
    return v;
}

/* One record: where its parts begin. */
typedef struct image {
    const unsigned char *text, *accesses, *block, *constants, *end;
    size_t tlen, blen;
    uint32_t n_acc;
    int untrusted;
} image;

/* The record at r (r moved past it); 0, or -1 when it is broken. */
static int next_image(reader *r, image *im, uint64_t *hash) {
    uint32_t rest = take_u32(r), a;
    reader in;
    const unsigned char *body = take(r, rest);
    if (body == NULL) return -1;
    in.p = body; in.end = body + rest; in.bad = 0;
    *hash = take_u64(&in);
    im->tlen = take_u32(&in);
    im->text = take(&in, im->tlen);
    im->untrusted = in.p < in.end ? *take(&in, 1) : -1;
    im->n_acc = take_u32(&in);
    im->accesses = in.p;
    if (im->n_acc > MAX_ACCESSES) return -1;
    for (a = 0; a < im->n_acc && !in.bad; a++) {
        take(&in, take_u32(&in));
        take_u64(&in);
    }
    im->blen = take_u32(&in);
    im->block = take(&in, im->blen);
    im->constants = in.p;
    im->end = in.end;
    if (in.bad || im->blen < sizeof(pattern_head)) return -1;
    return 0;
}

/* The pattern p rebuilt on top, its image read as far as its fingerprint
** (r): 0, the fingerprint kept; or -1, nothing left above top, when the
** image does not end there. */
static int rebuilt(lua_State *L, reader *r, const pattern_head *p, int top) {
    uint64_t fp = take_u64(r);
    if (r->bad || r->p != r->end) {
        lua_settop(L, top);
        return -1;
    }
    keep_fingerprint(L, -1, p, fp);
    return 0;
}

/* The pattern of image im pushed, its definitions' values at stack slots
** vals..vals+n_acc-1; 0, or -1 (nothing pushed) when a constant is not
** what it was or the image is broken. */
static int rebuild(lua_State *L, const image *im, int vals, lua_CFunction tick) {
    reader r;
    int32_t k;
    int i, top = lua_gettop(L);
    pattern_head *p;
    r.p = im->constants; r.end = im->end; r.bad = 0;
    k = (int32_t)take_u32(&r);
    if (r.bad || k < -1) return -1;
    p = lua_newuserdatauv(L, im->blen, 1);
    memcpy(p, im->block, im->blen);
    p->code = NULL;
    p->codesize = 0;
    luaL_getmetatable(L, PATTERN_MT);
    if (k == -1) {
        lua_pushvalue(L, -1);
        lua_setiuservalue(L, -3, 1);
    }
    lua_setmetatable(L, -2);
    if (k == -1) return rebuilt(L, &r, p, top);
    lua_createtable(L, k, 0);
    for (i = 1; i <= k; i++) {
        const unsigned char *kind = take(&r, 1);
        if (kind == NULL) break;
        switch (*kind) {
        case 'S': {
            uint32_t n = take_u32(&r);
            const unsigned char *s = take(&r, n);
            if (s) lua_pushlstring(L, (const char *)s, n);
            break;
        }
        case 'I': lua_pushinteger(L, (lua_Integer)take_u64(&r)); break;
        case 'F': {
            lua_Number d = 0;
            const unsigned char *s = take(&r, sizeof d);
            if (s) memcpy(&d, s, sizeof d);
            lua_pushnumber(L, d);
            break;
        }
        case 'B': {
            const unsigned char *s = take(&r, 1);
            lua_pushboolean(L, s && *s);
            break;
        }
        case 'T': lua_pushcfunction(L, tick); break;
        case 'R': {
            /* every place the value was found must hold one value now */
            uint32_t n = take_u32(&r), s;
            lua_pushnil(L);
            for (s = 0; s < n && !r.bad; s++) {
                uint32_t a = take_u32(&r), j = take_u32(&r);
                if (a < 1 || a > im->n_acc) { r.bad = 1; break; }
                lua_pushvalue(L, vals + (int)a - 1);
                if (j > 0) {
                    if (!is_pattern(L, -1)) { r.bad = 1; break; }
                    lua_getiuservalue(L, -1, 1);
                    if (!lua_istable(L, -1)) { r.bad = 1; break; }
                    lua_rawgeti(L, -1, (lua_Integer)j);
                    lua_replace(L, -3);
                    lua_pop(L, 1);
                }
                if (s == 0) lua_replace(L, -2);
                else if (!lua_rawequal(L, -1, -2)) r.bad = 1;
                else lua_pop(L, 1);
            }
            if (n == 0 || lua_isnoneornil(L, -1)) r.bad = 1;
            break;
        }
        default: r.bad = 1;
        }
        if (r.bad) break;
        lua_rawseti(L, -2, i);
    }
    if (r.bad || i <= k) {
        lua_settop(L, top);
        return -1;
    }
    lua_setiuservalue(L, -2, 1);
    return rebuilt(L, &r, p, top);
}

/* Do two images read the same definitions, in the same order? */
static int names_match(const image *x, const image *y) {
    reader a, b;
    uint32_t i;
    if (x->n_acc != y->n_acc) return 0;
    a.p = x->accesses; a.end = x->block; a.bad = 0;
    b.p = y->accesses; b.end = y->block; b.bad = 0;
    for (i = 0; i < x->n_acc; i++) {
        uint32_t n = take_u32(&a);
        const unsigned char *s = take(&a, n);
        if (take_u32(&b) != n || s == NULL || take(&b, n) == NULL || memcmp(s, b.p - n, n) != 0) return 0;
        take_u64(&a);
        take_u64(&b);
    }
    return !a.bad && !b.bad;
}

/* A record's key (its text's hash, or its pattern's fingerprint) and place. */
typedef struct keyed {
    uint64_t key;
    size_t at;
} keyed;

static int by_key(const void *a, const void *b) {
    const keyed *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return (x->at > y->at) - (x->at < y->at);
}

/* The records of key, in the order of the data: the first of them, their
** count in n. At the first look the records are sorted by key (a look then
** reads only its own), as far as the first whose length runs past the end
** (no look read further); called from the wrapped functions (upvalue 2:
** the state, whose user value keeps them). */
static const keyed *records_of(lua_State *L, image_state *st, uint64_t key, size_t *n) {
    size_t lo = 0, hi;
    if (!st->indexed) {
        size_t count = 0, at = 0, i;
        keyed *all;
        while (st->len - at >= 12) {
            uint32_t rest;
            memcpy(&rest, st->data + at, 4);
            if (rest < 12 || rest > st->len - at - 4) break;
            count++;
            at += 4 + (size_t)rest;
        }
        all = lua_newuserdatauv(L, (count ? count : 1) * sizeof *all, 0);
        for (at = 0, i = 0; i < count; i++) {
            uint32_t rest;
            memcpy(&rest, st->data + at, 4);
            memcpy(&all[i].key, st->data + at + 4, 8);
            all[i].at = at;
            at += 4 + (size_t)rest;
        }
        qsort(all, count, sizeof *all, by_key);
        lua_setiuservalue(L, lua_upvalueindex(2), 1);
        st->index = all;
        st->n_index = count;
        st->indexed = 1;
    }
    hi = st->n_index;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->index[mid].key < key) lo = mid + 1; else hi = mid;
    }
    for (hi = lo; hi < st->n_index && st->index[hi].key == key; hi++) {}
    *n = hi - lo;
    return st->index + lo;
}

/* The pattern compiled from the text at slot text with the definitions
** at slot defs pushed from an image: 1; 0, nothing pushed, where none
** stands for it. */
static int from_image(lua_State *L, image_state *st, int text, int defs, int untrusted) {
    size_t tlen;
    const char *s = lua_tolstring(L, text, &tlen);
    uint64_t hash = nb_fnv1a(s, tlen), *fps = NULL;
    reader r;
    image im, first = { NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0 };
    int have_first = 0, vals = 0, top = lua_gettop(L);
    size_t n_keyed, k;
    const keyed *mine = records_of(L, st, hash, &n_keyed);
    for (k = 0; k < n_keyed; k++) {
        uint64_t h;
        uint32_t mark;
        r.p = st->data + mine[k].at; r.end = st->data + st->len; r.bad = 0;
        memcpy(&mark, r.p + 12, 4);
        if (mark == CODE_MARK) continue;                /* a pattern's code */
        if (next_image(&r, &im, &h) != 0) break;
        if (im.tlen != tlen || memcmp(im.text, s, tlen) != 0) continue;
        if (!have_first) {
            /* the definitions the grammar reads, read once as re reads them */
            reader a;
            uint32_t i;
            first = im;
            have_first = 1;
            luaL_checkstack(L, (int)im.n_acc + 8, "grammar image");
            fps = lua_newuserdatauv(L, (im.n_acc ? im.n_acc : 1) * sizeof *fps, 0);
            vals = lua_gettop(L) + 1;
            a.p = im.accesses; a.end = im.block; a.bad = 0;
            for (i = 0; i < im.n_acc; i++) {
                uint32_t n = take_u32(&a);
                const unsigned char *name = take(&a, n);
                take_u64(&a);
                if (name == NULL) break;
                if (untrusted == KIND_GRAMMAR) {
                    /* a grammar's rules, as lpeg.P reads them (raw); "" its first */
                    if (n == 0) lua_rawgeti(L, defs, 1);
                    else {
                        lua_pushlstring(L, (const char *)name, n);
                        lua_rawget(L, defs);
                    }
                } else if (lua_istable(L, defs)) {
                    lua_pushlstring(L, (const char *)name, n);
                    lua_gettable(L, defs);
                } else {
                    lua_pushnil(L);
                }
                if (fingerprint_as(L, -1, &fps[i], 1) != 0) fps[i] = 0;
            }
            if (i < im.n_acc) break;
        } else if (!names_match(&first, &im)) {
            continue;
        }
        if (im.untrusted == untrusted) {
            reader a;
            uint32_t i;
            a.p = im.accesses; a.end = im.block; a.bad = 0;
            for (i = 0; i < im.n_acc; i++) {
                take(&a, take_u32(&a));
                if (take_u64(&a) != fps[i] || fps[i] == 0) break;
            }
            if (i == im.n_acc && rebuild(L, &im, vals, st->tick) == 0) {
                lua_replace(L, top + 1);
                lua_settop(L, top + 1);
                return 1;
            }
        }
    }
    lua_settop(L, top);
    return 0;
}

/*}===*/

/*{=== code images: a pattern's compiled code, made at its first match ===
** LPeg compiles a pattern at its first match (lpcode.c), fixing its tree
** first (open calls closed, sequences and choices made right-associative).
** An image of that holds the fixed tree and the code, under the
** fingerprint of the tree and constants before; instructions are four
** bytes, jumps relative, so the code stands anywhere. */


/* LPeg's opcodes (lpvm.h, 1.0) */
enum { I_ANY, I_CHAR, I_SET, I_TESTANY, I_TESTCHAR, I_TESTSET, I_SPAN, I_BEHIND, I_RET, I_END,
       I_CHOICE, I_JMP, I_CALL, I_OPENCALL, I_COMMIT, I_PARTIALCOMMIT, I_BACKCOMMIT, I_FAILTWICE,
       I_FAIL, I_GIVEUP, I_FULLCAPTURE, I_OPENCAPTURE, I_CLOSECAPTURE, I_CLOSERUNTIME };

typedef union instr {
    struct { unsigned char code, aux; short key; } i;
    int offset;
} instr;

/* The n instructions at c as LPeg reads them into out (a key only where
** the instruction has one: the others were never written); -1 for code
** that is not LPeg's. */
static int canonical_code(const instr *c, instr *out, size_t n) {
    size_t i = 0, size;
    memset(out, 0, n * sizeof *out);
    while (i < n) {
        int op = c[i].i.code;
        switch (op) {
        case I_SET: case I_SPAN: size = 9; break;
        case I_TESTSET: size = 10; break;
        case I_TESTANY: case I_TESTCHAR: case I_CHOICE: case I_JMP: case I_CALL: case I_OPENCALL:
        case I_COMMIT: case I_PARTIALCOMMIT: case I_BACKCOMMIT: size = 2; break;
        default:
            if (op > I_CLOSERUNTIME) return -1;
            size = 1;
        }
        if (n - i < size) return -1;
        out[i].i.code = c[i].i.code;
        out[i].i.aux = c[i].i.aux;
        /* (a call's key is never read, nor always written: the grammar's first) */
        if (op >= I_FULLCAPTURE) out[i].i.key = c[i].i.key;
        if (size > 1) memcpy(&out[i + 1], &c[i + 1], (size - 1) * sizeof *out);
        i += size;
    }
    return 0;
}

/* The fixed tree (blen bytes) and code (n instructions) of the pattern at
** idx as LPeg reads them, in a userdata pushed; NULL (nothing pushed) for
** a pattern that is not LPeg's as this file knows it. */
static unsigned char *canonical_compiled(lua_State *L, int idx, size_t *blen, size_t *n) {
    const pattern_head *p = lua_touserdata(L, idx);
    pattern_head *copy;
    uint64_t h = 0;
    *blen = lua_rawlen(L, idx);
    *n = (size_t)p->codesize;
    if (p->code == NULL || p->codesize <= 0) return NULL;
    copy = lua_newuserdatauv(L, *blen + *n * sizeof(instr), 0);
    memset(copy, 0, *blen);
    if (walk(&h, p->tree, copy->tree, (*blen - offsetof(pattern_head, tree)) / sizeof(node), 0, 0) != 0 ||
        canonical_code(p->code, (instr *)((unsigned char *)copy + *blen), *n) != 0) {
        lua_pop(L, 1);
        return NULL;
    }
    return (unsigned char *)copy;
}

/* The image of the code of the pattern at idx (whose tree had fingerprint
** fp before its first match) added to the file at path. */
static void record_code(lua_State *L, int idx, uint64_t fp, const char *path) {
    size_t blen, n;
    int top = lua_gettop(L);
    unsigned char *c = canonical_compiled(L, idx, &blen, &n);
    FILE *f;
    if (c != NULL && (f = fopen(path, "ab")) != NULL) {
        uint32_t rest = (uint32_t)(8 + 4 + 4 + blen + 4 + n * sizeof(instr)), mark = CODE_MARK;
        uint32_t b32 = (uint32_t)blen, n32 = (uint32_t)n;
        fwrite(&rest, 4, 1, f);
        fwrite(&fp, 8, 1, f);
        fwrite(&mark, 4, 1, f);
        fwrite(&b32, 4, 1, f);
        fwrite(c, 1, blen, f);
        fwrite(&n32, 4, 1, f);
        fwrite(c + blen, sizeof(instr), n, f);
        fclose(f);
    }
    lua_settop(L, top);
}

/* The code image with fingerprint fp for a pattern of blen bytes: its
** fixed tree and code (n instructions); NULL for none. */
static const unsigned char *find_code(lua_State *L, image_state *st, uint64_t fp, size_t blen,
                                      const unsigned char **code, size_t *n) {
    reader r;
    size_t n_keyed, k;
    const keyed *mine = records_of(L, st, fp, &n_keyed);
    for (k = 0; k < n_keyed; k++) {
        uint32_t rest;
        r.p = st->data + mine[k].at; r.end = st->data + st->len; r.bad = 0;
        rest = take_u32(&r);
        reader in;
        const unsigned char *body = take(&r, rest), *tree;
        if (body == NULL) return NULL;
        in.p = body; in.end = body + rest; in.bad = 0;
        if (take_u64(&in) != fp || take_u32(&in) != CODE_MARK || take_u32(&in) != blen) continue;
        tree = take(&in, blen);
        *n = take_u32(&in);
        *code = take(&in, *n * sizeof(instr));
        if (tree == NULL || *code == NULL || *n == 0 || in.p != in.end) return NULL;
        return tree;
    }
    return NULL;
}

/* Is the code (n instructions) one LPeg could run: each instruction
** whole, every jump inside the code, every key one of the nkeys constants? */
static int code_sound(const unsigned char *code, size_t n, size_t nkeys) {
    size_t i = 0, size;
    instr x;
    while (i < n) {
        int op;
        memcpy(&x, code + i * sizeof x, sizeof x);
        op = x.i.code;
        switch (op) {
        case I_SET: case I_SPAN: size = 9; break;
        case I_TESTSET: size = 10; break;
        case I_TESTANY: case I_TESTCHAR: case I_CHOICE: case I_JMP: case I_CALL:
        case I_COMMIT: case I_PARTIALCOMMIT: case I_BACKCOMMIT: size = 2; break;
        default:
            if (op > I_CLOSERUNTIME || op == I_OPENCALL) return 0;
            size = 1;
        }
        if (n - i < size) return 0;
        if (op >= I_FULLCAPTURE && (x.i.key < 0 || (size_t)x.i.key > nkeys)) return 0;
        if (size == 2 || op == I_TESTSET) {
            instr to;
            long at;
            memcpy(&to, code + (i + 1) * sizeof to, sizeof to);
            at = (long)i + to.offset;
            if (at < 0 || (size_t)at >= n) return 0;
        }
        i += size;
    }
    return 1;
}

/* The pattern at idx, never matched, given the code its image holds (and
** its tree fixed as LPeg fixes it): 1, or 0 where there is none or it is
** not sound. */
static int install_code(lua_State *L, image_state *st, int idx, uint64_t fp) {
    pattern_head *p = lua_touserdata(L, idx);
    size_t blen = lua_rawlen(L, idx), n, nkeys;
    const unsigned char *code, *tree = find_code(L, st, fp, blen, &code, &n);
    void *ud, *c;
    lua_Alloc alloc;
    if (tree == NULL || n > (size_t)INT32_MAX / sizeof(instr)) return 0;
    lua_getiuservalue(L, idx, 1);
    nkeys = lua_istable(L, -1) ? lua_rawlen(L, -1) : 0;
    lua_pop(L, 1);
    if (!code_sound(code, n, nkeys)) return 0;
    alloc = lua_getallocf(L, &ud);
    /* (LPeg frees it as it would its own: codesize instructions) */
    if ((c = alloc(ud, NULL, 0, n * sizeof(instr))) == NULL) return 0;
    memcpy(c, code, n * sizeof(instr));
    memcpy(p->tree, tree + offsetof(pattern_head, tree), blen - offsetof(pattern_head, tree));
    p->code = c;
    p->codesize = (int)n;
    return 1;
}

/* lpeg.match(p, s, ...) (upvalues: LPeg's, the state, the path images
** are written to or nil): a pattern's first match takes its code from an
** image, or, where images are made, leaves one. */
static int match(lua_State *L) {
    image_state *st = lua_touserdata(L, lua_upvalueindex(2));
    const pattern_head *p = lua_touserdata(L, 1);
    uint64_t fp = 0;
    int results, record = 0;
    if (lua_type(L, 1) == LUA_TUSERDATA && lua_rawlen(L, 1) >= sizeof(pattern_head) && p->code == NULL &&
        (st->code_ok || lua_isstring(L, lua_upvalueindex(3))) && is_pattern(L, 1) && fingerprint(L, 1, &fp) == 0) {
        /* (code is imaged from the probe's on: the probe's image is the first) */
        if (lua_isstring(L, lua_upvalueindex(3))) record = st->code_recorded;
        else st->code_hits += install_code(L, st, 1, fp);
    }
    results = st->match(L);
    if (record && p->code != NULL) record_code(L, 1, fp, lua_tostring(L, lua_upvalueindex(3)));
    return results;
}

/* Is the code LPeg makes for the pattern at idx (never matched; a match
** of subject at idx + 1 compiles it) the one its image holds? */
static int code_as_imaged(lua_State *L, image_state *st, int idx) {
    uint64_t fp;
    size_t blen, n, in;
    const unsigned char *code, *tree;
    unsigned char *mine = NULL;
    int ok = 0, top = lua_gettop(L);
    if (fingerprint(L, idx, &fp) != 0) return 0;
    tree = find_code(L, st, fp, lua_rawlen(L, idx), &code, &in);
    if (tree == NULL) return 0;
    lua_pushcfunction(L, st->match);
    lua_pushvalue(L, idx);
    lua_pushliteral(L, "ab, 12,#1_,(xy)");
    if (lua_pcall(L, 2, 0, 0) == LUA_OK && (mine = canonical_compiled(L, idx, &blen, &n)) != NULL)
        ok = n == in && memcmp(mine, tree, blen) == 0 && memcmp(mine + blen, code, n * sizeof(instr)) == 0;
    lua_settop(L, top);
    return ok;
}

/*}===*/

/*{=== grammars from tables: lpeg.P(t) ===
** LPeg lays a grammar's rules out in the order a traversal of the table
** meets them, which differs from one process to the next (the strings'
** hashes are seeded anew): the image of lpeg.P(t) is keyed by the rules'
** names sorted, and by each rule's fingerprint. It holds the grammar as
** the build laid it out: the same rules in another order, the same
** grammar; and as it is the same at every start, so are the patterns
** made of it, and their code's images are found. */

typedef struct rule_name {
    const char *s;
    size_t n;
} rule_name;

static int by_name(const void *a, const void *b) {
    const rule_name *x = a, *y = b;
    int c = memcmp(x->s, y->s, x->n < y->n ? x->n : y->n);
    return c != 0 ? c : (x->n > y->n) - (x->n < y->n);
}

/* The key of the rules at t pushed (a byte 0xFF, then each name, its
** length in four bytes first, sorted; the first rule, t[1], as ""), and
** with log the rules as record reads definitions; 0, nothing pushed, for
** a table with other keys. */
static int grammar_key(lua_State *L, int t, int with_log) {
    rule_name *names;
    size_t count = 0, i;
    int top = lua_gettop(L), slot;
    luaL_Buffer b;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (++count > MAX_RULES) { lua_settop(L, top); return 0; }
    }
    names = lua_newuserdatauv(L, (count ? count : 1) * sizeof *names, 0);
    slot = lua_gettop(L);
    i = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (i >= count) { lua_settop(L, top); return 0; }
        if (lua_type(L, -1) == LUA_TSTRING) {
            names[i].s = lua_tolstring(L, -1, &names[i].n);
            if (names[i].n == 0) { lua_settop(L, top); return 0; }
        } else if (lua_isinteger(L, -1) && lua_tointeger(L, -1) == 1) {
            names[i].s = "";
            names[i].n = 0;
        } else {
            lua_settop(L, top);
            return 0;
        }
        i++;
    }
    if (i != count) { lua_settop(L, top); return 0; }
    qsort(names, count, sizeof *names, by_name);
    luaL_buffinit(L, &b);
    luaL_addchar(&b, (char)0xFF);
    for (i = 0; i < count; i++) {
        uint32_t n = (uint32_t)names[i].n;
        luaL_addlstring(&b, (const char *)&n, 4);
        luaL_addlstring(&b, names[i].s, names[i].n);
    }
    luaL_pushresult(&b);
    if (with_log) {
        lua_createtable(L, 2 * (int)count, 1);
        for (i = 0; i < count; i++) {
            lua_pushlstring(L, names[i].s, names[i].n);
            lua_rawseti(L, -2, 2 * (lua_Integer)i + 1);
            if (names[i].n == 0) lua_rawgeti(L, t, 1);
            else {
                lua_pushlstring(L, names[i].s, names[i].n);
                lua_rawget(L, t);
            }
            lua_rawseti(L, -2, 2 * (lua_Integer)i + 2);
        }
        lua_pushinteger(L, (lua_Integer)count);
        lua_setfield(L, -2, "n");
    }
    lua_remove(L, slot);
    return 1;
}

/* lpeg.P(v) (upvalues: LPeg's, the state, the path images are written
** to or nil): a grammar from a table rebuilt from its image. */
static int grammar(lua_State *L) {
    image_state *st = lua_touserdata(L, lua_upvalueindex(2));
    const char *path;
    if (lua_gettop(L) != 1 || !lua_istable(L, 1)) return st->P(L);
    path = lua_tostring(L, lua_upvalueindex(3));
    if (path != NULL) {
        if (st->in_compile > 0 || !grammar_key(L, 1, 1)) return st->P(L);
        lua_pushcfunction(L, st->P);
        lua_pushvalue(L, 1);
        lua_call(L, 1, 1);
        record(L, 2, 4, 3, path, KIND_GRAMMAR, st->tick);
        return 1;
    }
    if (st->enabled && st->probed && grammar_key(L, 1, 0)) {
        if (from_image(L, st, 2, 1, KIND_GRAMMAR)) {
            st->hits++;
            return 1;
        }
        lua_settop(L, 1);
    }
    return st->P(L);
}

/*}===*/

/*{=== the probe ===*/

static int probe_upper(lua_State *L) { lua_settop(L, 1); return 1; }
static int probe_number(lua_State *L) { lua_settop(L, 1); return 1; }

static const char probe_text[] =
    "list <- item (',' %sp item)* !.\n"
    "item <- {[a-z]+} -> up / {:n: %num :} / '#' [_%d]^2 -> 'h' / '(' {| item |} ')' -> 1";

/* lpeg.NAME(arg) pushed (lpeg at idx) */
static void lpeg_call(lua_State *L, int lpeg, const char *name, const char *arg) {
    lua_getfield(L, lpeg, name);
    lua_pushstring(L, arg);
    lua_call(L, 1, 1);
}

/* The probe's definitions pushed: a function, a pattern holding a
** function, a pattern of spaces. */
static void probe_defs(lua_State *L, int lpeg) {
    lua_createtable(L, 0, 3);
    lua_pushcfunction(L, probe_upper);
    lua_setfield(L, -2, "up");
    lua_getfield(L, lpeg, "C");
    lpeg_call(L, lpeg, "R", "09");
    lua_pushinteger(L, 1);
    lua_arith(L, LUA_OPPOW);
    lua_call(L, 1, 1);
    lua_pushcfunction(L, probe_number);
    lua_arith(L, LUA_OPDIV);
    lua_setfield(L, -2, "num");
    lpeg_call(L, lpeg, "S", " \t");
    lua_pushinteger(L, 0);
    lua_arith(L, LUA_OPPOW);
    lua_setfield(L, -2, "sp");
}

/* Are LPeg's patterns laid out as this file reads them? */
static int layout_known(lua_State *L, int lpeg) {
    const pattern_head *p;
    int ok;
    lua_getfield(L, lpeg, "P");
    lua_pushliteral(L, "a");
    lua_call(L, 1, 1);
    p = lua_touserdata(L, -1);
    ok = is_pattern(L, -1) && lua_rawlen(L, -1) == sizeof(pattern_head) && p->code == NULL &&
         p->tree[0].tag == T_CHAR && p->tree[0].u == 'a';
    lua_pop(L, 1);
    lua_getfield(L, lpeg, "P");
    lua_pushboolean(L, 0);
    lua_call(L, 1, 1);
    p = lua_touserdata(L, -1);
    ok = ok && is_pattern(L, -1) && p->tree[0].tag == T_FALSE;
    lua_pop(L, 1);
    return ok;
}

/* Does the probe's image rebuild, as this binary reads it, the pattern the
** build fingerprinted (its tree and constants), and does LPeg make for it
** the code imaged? (Stack: the compile's upvalues as in compile.) The
** images are made by the build's binary without them, of the same objects
** and the same LPeg and re.lua linked in, and the tests match each image
** of the home's grammars against a fresh compile of its text
** (tests/lua/suites/grammar_images.lua): the probe compiles nothing with
** re, which ran re.lua at every start that read a report (its grammar
** built, some 1.6 M instructions with the probe's compile), where the
** images answer every grammar of the home's packs. */
static int probe(lua_State *L, image_state *st) {
    int top = lua_gettop(L), lpeg, ok = 0;
    lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_getfield(L, -1, "lpeg");
    lpeg = lua_gettop(L);
    if (lua_istable(L, lpeg) && layout_known(L, lpeg)) {
        lua_pushstring(L, probe_text);
        probe_defs(L, lpeg);
        if (from_image(L, st, lpeg + 1, lpeg + 2, 0)) {
            int imaged = lua_gettop(L);
            const pattern_head *p = lua_touserdata(L, imaged);
            size_t n = (lua_rawlen(L, imaged) - offsetof(pattern_head, tree)) / sizeof(node);
            uint64_t recorded, anew;
            /* (the fingerprint the image records, and the rebuilt tree's own) */
            ok = fingerprint(L, imaged, &recorded) == 0 && pattern_fingerprint(L, imaged, p->tree, n, &anew) == 0 &&
                 recorded == anew;
            st->code_ok = ok && st->match != NULL && code_as_imaged(L, st, imaged);
        }
    }
    lua_settop(L, top);
    return ok;
}

/*}===*/

static int metered_now(lua_State *L) {
    nb_sandbox *sb = nb_sandbox_of(L);
    return sb != NULL && sb->active && sb->untrusted;
}

/* The original compile of the text at slot text with the definitions at
** slot defs, its result pushed and imaged into the file at path. */
static void compile_recorded(lua_State *L, int text, int defs, const char *path, image_state *st, int untrusted) {
    int log;
    lua_newtable(L);
    log = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, text);
    lua_newtable(L);                            /* the definitions, each read logged */
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, defs);
    lua_pushvalue(L, log);
    lua_pushcclosure(L, logged_index, 2);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    st->in_compile++;
    if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
        st->in_compile--;
        lua_error(L);
    }
    st->in_compile--;
    record(L, text, lua_gettop(L), log, path, untrusted, st->tick);
    lua_remove(L, log);
}

/* The probe's grammar imaged, as the first grammar of an imaging run. */
static void record_probe(lua_State *L, const char *path, image_state *st) {
    int top = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_getfield(L, -1, "lpeg");
    if (lua_istable(L, -1)) {
        int lpeg = lua_gettop(L);
        lua_pushstring(L, probe_text);
        probe_defs(L, lpeg);
        compile_recorded(L, lpeg + 1, lpeg + 2, path, st, 0);
        st->code_recorded = 1;
        lua_getfield(L, lpeg, "match");              /* its code imaged too */
        lua_insert(L, -2);
        lua_pushliteral(L, "ab, 12,#1_,(xy)");
        lua_call(L, 2, 0);
    }
    lua_settop(L, top);
}

/* re.compile(p [, defs]) (upvalues: the original, the state, the path
** images are written to or nil). */
static int compile(lua_State *L) {
    image_state *st = lua_touserdata(L, lua_upvalueindex(2));
    int untrusted = metered_now(L);
    lua_settop(L, 2);
    if (lua_type(L, 1) == LUA_TSTRING && (lua_isnil(L, 2) || lua_istable(L, 2))) {
        const char *path = lua_tostring(L, lua_upvalueindex(3));
        if (path != NULL) {
            if (!st->probed && !untrusted) {
                st->probed = 1;
                record_probe(L, path, st);
            }
            compile_recorded(L, 1, 2, path, st, untrusted);
            return 1;
        }
        if (st->enabled && st->len > 0 && !untrusted && !st->probed) {
            st->probed = 1;
            st->enabled = probe(L, st);
        }
        if (st->enabled && st->probed) {
            if (from_image(L, st, 1, 2, untrusted)) {
                st->hits++;
                return 1;
            }
            st->misses++;
        }
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* re.updatelocale(): the classes re gives names to change: no image
** stands for a grammar that names them (upvalue 1: the original). */
static int updatelocale(lua_State *L) {
    image_state *st = lua_touserdata(L, lua_upvalueindex(2));
    st->enabled = 0;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* Field `name` of the table on top (a C function) replaced by `wrapper`,
** a closure of it, the image state (third from the top) and the records'
** file `out` (or nil): the original, or NULL where it is none (the field
** then left as it is). */
static lua_CFunction wrap_field(lua_State *L, const char *name, lua_CFunction wrapper, const char *out) {
    lua_CFunction original;
    lua_getfield(L, -1, name);
    original = lua_tocfunction(L, -1);
    if (original == NULL) {
        lua_pop(L, 1);
        return NULL;
    }
    lua_pushvalue(L, -4);
    if (out != NULL && *out != '\0') lua_pushstring(L, out); else lua_pushnil(L);
    lua_pushcclosure(L, wrapper, 3);
    lua_setfield(L, -2, name);
    return original;
}

void nb_grammar_images_wrap(lua_State *L, int re_idx, lua_CFunction tick) {
    image_state *st;
    const char *out = getenv("NB_GRAMMAR_IMAGES_OUT");
    re_idx = lua_absindex(L, re_idx);
    st = lua_newuserdatauv(L, sizeof *st, 1);      /* (its user value: the records by key) */
    st->data = nb_grammar_images;
    st->len = nb_grammar_images_len;
    st->enabled = 1;
    st->probed = 0;
    st->hits = st->misses = st->code_hits = 0;
    st->tick = tick;
    st->match = NULL;
    st->P = NULL;
    st->code_ok = 0;
    st->in_compile = 0;
    st->code_recorded = 0;
    st->index = NULL;
    st->n_index = 0;
    st->indexed = 0;
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, STATE_KEY);
    lua_getfield(L, re_idx, "compile");
    lua_pushvalue(L, -2);
    if (out != NULL && *out != '\0') lua_pushstring(L, out); else lua_pushnil(L);
    lua_pushcclosure(L, compile, 3);
    lua_setfield(L, re_idx, "compile");
    lua_getfield(L, re_idx, "updatelocale");
    lua_pushvalue(L, -2);
    lua_pushcclosure(L, updatelocale, 2);
    lua_setfield(L, re_idx, "updatelocale");
    lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    if (lua_getfield(L, -1, "lpeg") == LUA_TTABLE) {
        st->P = wrap_field(L, "P", grammar, out);
        st->match = wrap_field(L, "match", match, out);
    }
    lua_pop(L, 3);
}

static image_state *state_of(lua_State *L) {
    image_state *st;
    lua_getfield(L, LUA_REGISTRYINDEX, STATE_KEY);
    st = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return st;
}

void nb_grammar_images_aside(lua_State *L, lua_CFunction f) {
    image_state *st = state_of(L);
    int lpeg = 0, status;
    if (st != NULL && st->P != NULL) {
        lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
        if (lua_getfield(L, -1, "lpeg") == LUA_TTABLE) {
            lpeg = lua_gettop(L);
            lua_getfield(L, lpeg, "P");             /* (the wrapper, put back after) */
            lua_pushcfunction(L, st->P);
            lua_setfield(L, lpeg, "P");
        } else {
            lua_pop(L, 2);
        }
    }
    lua_pushcfunction(L, f);
    status = lua_pcall(L, 0, 1, 0);
    if (lpeg != 0) {
        lua_pushvalue(L, lpeg + 1);
        lua_setfield(L, lpeg, "P");
        lua_replace(L, lpeg - 1);               /* f's result where the loaded table was */
        lua_settop(L, lpeg - 1);
    }
    if (status != LUA_OK) lua_error(L);
}

int nb_grammar_images_use(lua_State *L, const unsigned char *data, size_t len) {
    image_state *st = state_of(L);
    if (st == NULL) return 0;
    st->data = data;
    st->len = len;
    st->enabled = 1;
    st->probed = 0;
    st->code_ok = 0;
    st->indexed = 0;                            /* (the index made anew at the next look) */
    return 1;
}

long nb_grammar_images_hits(lua_State *L, long *misses) {
    image_state *st = state_of(L);
    if (st == NULL) return -1;
    if (misses) *misses = st->misses;
    return st->hits;
}

long nb_grammar_images_code_hits(lua_State *L) {
    image_state *st = state_of(L);
    return st == NULL ? -1 : st->code_hits;
}

int nb_grammar_image_fingerprint(lua_State *L, int idx, uint64_t *out) {
    return fingerprint(L, idx, out);
}
