/*
** nb_claims.c — the claims' look for the words their grammars need.
*/
#include <string.h>
#include <lauxlib.h>
#include "nb_claims.h"
#include "nb_encoding.h"

typedef struct {
    const char *bytes;
    size_t len;
    lua_Integer group;
    int next;                  /* the next word of the same first byte; -1: none */
    int found;                 /* its group is found: not tried again */
} word;

int nb_claims_words_held(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TTABLE);
    lua_Integer count = luaL_len(L, 2);
    if (count != luaL_len(L, 3)) return luaL_error(L, "words_held: as many groups as words");
    if (count < 0 || (lua_Unsigned)count > (lua_Unsigned)(0x7fffffff / sizeof(word)))
        return luaL_error(L, "words_held: too many words");
    lua_newtable(L);                                      /* the result */
    int result = lua_gettop(L);
    if (count == 0) return 1;
    /* (the Lua state owns the scratch: an error frees it too) */
    word *w = lua_newuserdatauv(L, (size_t)count * sizeof(word), 0);
    int head[256];
    for (int b = 0; b < 256; b++) head[b] = -1;
    int left = 0;                                         /* words not yet found */
    for (lua_Integer i = count; i >= 1; i--) {            /* (backwards: each list in order) */
        word *x = &w[i - 1];
        lua_rawgeti(L, 2, i);
        if (lua_type(L, -1) != LUA_TSTRING) return luaL_error(L, "words_held: word %d is not a string", (int)i);
        x->bytes = lua_tolstring(L, -1, &x->len);        /* (the words table keeps it) */
        lua_pop(L, 1);
        lua_rawgeti(L, 3, i);
        int isnum;
        x->group = lua_tointegerx(L, -1, &isnum);
        if (!isnum) return luaL_error(L, "words_held: group %d is not an integer", (int)i);
        lua_pop(L, 1);
        x->found = 0;
        if (x->len == 0) {                                /* (found anywhere, as find finds it) */
            x->next = -1;
            x->found = 1;
            lua_pushboolean(L, 1);
            lua_rawseti(L, result, x->group);
            continue;
        }
        unsigned char b = (unsigned char)x->bytes[0];
        x->next = head[b];
        head[b] = (int)(i - 1);
        left++;
    }
    /* words whose group an empty word found are not looked for */
    for (lua_Integer i = 0; i < count; i++) {
        if (w[i].found) continue;
        lua_rawgeti(L, result, w[i].group);
        if (lua_toboolean(L, -1)) { w[i].found = 1; left--; }
        lua_pop(L, 1);
    }
    for (size_t at = 0; at < n && left > 0; at++) {
        for (int k = head[(unsigned char)s[at]]; k >= 0; k = w[k].next) {
            word *x = &w[k];
            if (x->found || x->len > n - at) continue;
            if (x->len > 1 && x->bytes[1] != s[at + 1]) continue;
            if (memcmp(x->bytes, s + at, x->len) != 0) continue;
            lua_pushboolean(L, 1);
            lua_rawseti(L, result, x->group);
            for (lua_Integer j = 0; j < count; j++) {     /* its group's words: none tried again */
                if (!w[j].found && w[j].group == x->group) { w[j].found = 1; left--; }
            }
        }
    }
    lua_settop(L, result);
    return 1;
}

/* a footer: [ \t]* "-" [ \t]* [0-9]+ [ \t]* "-" [ \t]* and nothing after it */
static int is_footer(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i >= n || s[i] != '-') return 0;
    i++;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    size_t digits = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    if (i == digits) return 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i >= n || s[i] != '-') return 0;
    i++;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    return i == n;
}

/* Is s UTF-8 as utf8.len reads it, of more than max characters? (A
** character is at least a byte: a text of max bytes or fewer is not.) */
static int valid_and_longer(const char *s, size_t n, size_t max) {
    size_t chars = 0, i;
    if (n <= max || nb_encoding_utf8_invalid(s, n) != 0) return 0;
    for (i = 0; i < n; i++) chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    return chars > max;
}

/* ends[key]: a truthy value */
static int ends_with_mark(lua_State *L, int ends, const char *s, size_t n, size_t last) {
    size_t k = n < last ? n : last;
    lua_pushlstring(L, s + n - k, k);
    lua_rawget(L, ends);
    int yes = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return yes;
}

int nb_claims_unwrap(lua_State *L) {
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    luaL_checktype(L, 2, LUA_TTABLE);
    int has_heading = !lua_isnoneornil(L, 3);
    if (has_heading) luaL_checktype(L, 3, LUA_TFUNCTION);
    lua_Integer heading_max = luaL_checkinteger(L, 4);
    lua_settop(L, 4);
    lua_newtable(L);                                      /* 5: the map */
    /* (every piece is bytes of the text, or a break in place of one: no more than it) */
    char *out = lua_newuserdatauv(L, len ? len : 1, 0);  /* 6: the flat text */
    size_t n = 0;
    lua_Integer pieces = 0;
    int keep_break = 1, first = 1;
    size_t pos = 0;                                       /* (0-based: Lua's pos - 1) */
    for (;;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        const char *line = text + pos;
        size_t line_len = end - pos;
        unsigned char lead = line_len ? (unsigned char)line[0] : 0;
        if (!((lead == '-' || lead == ' ' || lead == '\t') && is_footer(line, line_len))) {
            size_t body = line_len;                       /* (without its trailing spaces and tabs) */
            while (body > 0 && (line[body - 1] == ' ' || line[body - 1] == '\t')) body--;
            const char *piece[2] = { NULL, NULL };
            size_t piece_len[2] = { 0, 0 }, piece_at[2] = { 0, 0 };
            if (first) {
                piece[0] = line; piece_len[0] = line_len; piece_at[0] = pos + 1;
            } else if (keep_break || body == 0) {
                piece[0] = "\n"; piece_len[0] = 1; piece_at[0] = pos;
                piece[1] = line; piece_len[1] = line_len; piece_at[1] = pos + 1;
            } else {
                size_t indent = 0;
                while (indent < line_len && (line[indent] == ' ' || line[indent] == '\t')) indent++;
                piece[0] = line + indent; piece_len[0] = line_len - indent; piece_at[0] = pos + 1 + indent;
            }
            for (int k = 0; k < 2; k++) {
                if (!piece[k] || piece_len[k] == 0) continue;
                lua_createtable(L, 0, 2);
                lua_pushinteger(L, (lua_Integer)n + 1);
                lua_setfield(L, -2, "flat");
                lua_pushinteger(L, (lua_Integer)piece_at[k]);
                lua_setfield(L, -2, "orig");
                lua_rawseti(L, 5, ++pieces);
                memcpy(out + n, piece[k], piece_len[k]);
                n += piece_len[k];
            }
            first = 0;
            if (body == 0 || ends_with_mark(L, 2, line, body, 3) || ends_with_mark(L, 2, line, body, 1)) {
                keep_break = 1;
            } else if (has_heading && (heading_max < 0
                       || !valid_and_longer(line, body, (size_t)heading_max))) {
                lua_pushvalue(L, 3);
                lua_pushlstring(L, line, body);
                lua_call(L, 1, 1);
                keep_break = lua_toboolean(L, -1);
                lua_pop(L, 1);
            } else {
                keep_break = 0;
            }
        }
        if (!nl) break;
        pos = end + 1;
    }
    lua_pushlstring(L, out, n);
    lua_pushvalue(L, 5);
    return 2;
}
