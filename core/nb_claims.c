/*
** nb_claims.c — the claims' look for the words their grammars need.
*/
#include <string.h>
#include <lauxlib.h>
#include "nb_claims.h"
#include "nb_encoding.h"

typedef struct {
    const char *bytes;         /* (in the index, after its words) */
    size_t len;
    lua_Integer group;
    int next;                  /* the next word of the same first byte; -1: none */
    int given;                 /* empty, or of a group an empty word is in: found in every text */
} word;

/* The words compiled once: what a call given the tables builds, and returns
** for the next call to take in their place (the tables are not read again).
** (A word of two bytes or more is listed by its first two: the words of
** Chinese mostly share a first byte, and each place would try them all.) */
#define PAIR_HEADS 1024
typedef struct {
    int count;
    int left;                  /* words not given */
    int groups;                /* the largest group, if small: the result's array part */
    int head[256];             /* the first word of one byte, by that byte; -1: none */
    unsigned char leads[256];  /* whether some word begins with the byte */
    int pair_head[PAIR_HEADS]; /* the first word of each pair of first bytes (hashed); -1: none */
    word w[];
} held_index;

/* (for a UTF-8 character of three bytes, its lead's low bits and the next
** byte's: distinct for every pair of such bytes) */
static unsigned pair_of(unsigned char a, unsigned char b) {
    return (((unsigned)a << 6) ^ (unsigned)b) & (PAIR_HEADS - 1);
}

#define HELD_INDEX "nianbao.held_words"

/* The index of the words and groups at 2 and 3, pushed. */
static held_index *build_index(lua_State *L) {
    luaL_checktype(L, 2, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TTABLE);
    lua_Integer count = luaL_len(L, 2);
    if (count != luaL_len(L, 3)) { luaL_error(L, "words_held: as many groups as words"); return NULL; }
    if (count < 0 || (lua_Unsigned)count > (lua_Unsigned)(0x3fffffff / sizeof(word)))
        { luaL_error(L, "words_held: too many words"); return NULL; }
    size_t bytes = 0;
    for (lua_Integer i = 1; i <= count; i++) {
        size_t len;
        lua_rawgeti(L, 2, i);
        if (lua_type(L, -1) != LUA_TSTRING) { luaL_error(L, "words_held: word %d is not a string", (int)i); return NULL; }
        lua_tolstring(L, -1, &len);
        lua_pop(L, 1);
        if (len > (size_t)0x3fffffff - bytes) { luaL_error(L, "words_held: too many words"); return NULL; }
        bytes += len;
    }
    held_index *x = lua_newuserdatauv(L, sizeof(held_index) + (size_t)count * sizeof(word) + bytes, 0);
    char *store = (char *)&x->w[count];
    x->count = (int)count;
    x->left = 0;
    x->groups = 0;
    for (int b = 0; b < 256; b++) x->head[b] = -1;
    for (int b = 0; b < PAIR_HEADS; b++) x->pair_head[b] = -1;
    memset(x->leads, 0, sizeof x->leads);
    for (lua_Integer i = count; i >= 1; i--) {            /* (backwards: each list in order) */
        word *y = &x->w[i - 1];
        const char *src;
        lua_rawgeti(L, 2, i);
        src = lua_tolstring(L, -1, &y->len);
        memcpy(store, src, y->len);
        y->bytes = store;
        store += y->len;
        lua_pop(L, 1);
        lua_rawgeti(L, 3, i);
        int isnum;
        y->group = lua_tointegerx(L, -1, &isnum);
        if (!isnum) { luaL_error(L, "words_held: group %d is not an integer", (int)i); return NULL; }
        lua_pop(L, 1);
        if (y->group > x->groups && y->group <= 64) x->groups = (int)y->group;
        y->given = y->len == 0;
        if (y->len == 0) { y->next = -1; continue; }
        x->leads[(unsigned char)y->bytes[0]] = 1;
        int *head = y->len == 1 ? &x->head[(unsigned char)y->bytes[0]]
                                : &x->pair_head[pair_of((unsigned char)y->bytes[0], (unsigned char)y->bytes[1])];
        y->next = *head;
        *head = (int)(i - 1);
    }
    /* words whose group an empty word finds are not looked for */
    for (int i = 0; i < x->count; i++) {
        if (x->w[i].len != 0) continue;
        for (int j = 0; j < x->count; j++)
            if (x->w[j].group == x->w[i].group) x->w[j].given = 1;
    }
    for (int i = 0; i < x->count; i++) x->left += !x->w[i].given;
    if (luaL_newmetatable(L, HELD_INDEX)) {              /* (its metatable hidden: an index is only passed back) */
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
    return x;
}

/* The words of x that s[from, to) holds whole, marked in found (each
** already marked is not looked for; left: how many are not), and the group
** of each set true in the table at result. A word found marks the rest of
** its group found. Returns how many groups were set. */
static int mark_held(lua_State *L, const held_index *x, const char *s, size_t from, size_t to,
                     unsigned char *found, int left, int result) {
    int groups = 0;
    for (size_t at = from; at < to && left > 0; at++) {
        if (!x->leads[(unsigned char)s[at]]) continue;
        /* (the words of one byte at this byte, then those of two or more at its pair) */
        int k = x->head[(unsigned char)s[at]];
        int pair = at + 1 < to ? x->pair_head[pair_of((unsigned char)s[at], (unsigned char)s[at + 1])] : -1;
        for (int list = 0; list < 2; list++, k = pair) {
            for (; k >= 0; k = x->w[k].next) {
                const word *y = &x->w[k];
                if (y->len > to - at) continue;
                /* (a character's last byte first: most words of a list share their first two) */
                if (y->len > 2 && y->bytes[2] != s[at + 2]) continue;
                if (found[k] || memcmp(y->bytes, s + at, y->len) != 0) continue;
                lua_pushboolean(L, 1);
                lua_rawseti(L, result, y->group);
                groups++;
                for (int j = 0; j < x->count; j++) {  /* its group's words: none tried again */
                    if (!found[j] && x->w[j].group == y->group) { found[j] = 1; left--; }
                }
            }
        }
    }
    return groups;
}

/* mark_held's scratch, a byte a word: few (256 bytes) for up to 256 words,
** else a userdata the Lua state owns (pushed). */
static unsigned char *found_scratch(lua_State *L, const held_index *x, unsigned char *few) {
    return x->count <= 256 ? few : lua_newuserdatauv(L, (size_t)x->count, 0);
}

/* nianbao.words_held(s, words, groups) → held, index; nianbao.words_held(s,
** index) → held, index: index is the words and groups compiled, what a
** later call takes in their place. */
int nb_claims_words_held(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    held_index *x = luaL_testudata(L, 2, HELD_INDEX);
    if (x == NULL) x = build_index(L);
    else lua_pushvalue(L, 2);
    int index = lua_gettop(L);
    lua_createtable(L, x->groups, 0);                     /* the result */
    int result = lua_gettop(L);
    for (int i = x->count - 1; i >= 0; i--) {             /* (as the tables were read: backwards) */
        if (x->w[i].len != 0) continue;
        lua_pushboolean(L, 1);
        lua_rawseti(L, result, x->w[i].group);
    }
    if (x->left > 0) {
        unsigned char few[256];
        unsigned char *found = found_scratch(L, x, few);
        for (int i = 0; i < x->count; i++) found[i] = (unsigned char)x->w[i].given;
        mark_held(L, x, s, 0, n, found, x->left, result);
    }
    lua_settop(L, result);
    lua_pushvalue(L, index);
    return 2;
}

/* Does a word of x lie whole in s[from, to)? */
static int holds_word(const held_index *x, const char *s, size_t from, size_t to) {
    for (size_t at = from; at < to; at++) {
        if (!x->leads[(unsigned char)s[at]]) continue;    /* (in Chinese text, two bytes of three) */
        int k = x->head[(unsigned char)s[at]];
        int pair = at + 1 < to ? x->pair_head[pair_of((unsigned char)s[at], (unsigned char)s[at + 1])] : -1;
        for (int list = 0; list < 2; list++, k = pair) {
            for (; k >= 0; k = x->w[k].next) {
                const word *y = &x->w[k];
                if (y->len > to - at) continue;
                /* (a character's last byte first: most words of a list share their first two) */
                if (y->len > 2 && y->bytes[2] != s[at + 2]) continue;
                if (memcmp(y->bytes, s + at, y->len) == 0) return 1;
            }
        }
    }
    return 0;
}

/* nianbao.word_at(s, init, index) (nb_claims.h) */
int nb_claims_word_at(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    lua_Integer init = luaL_checkinteger(L, 2);
    const held_index *x = luaL_checkudata(L, 3, HELD_INDEX);
    luaL_argcheck(L, init >= 1, 2, "a position of the text");
    if ((lua_Unsigned)init > (lua_Unsigned)n + 1) {
        luaL_pushfail(L);
        return 1;
    }
    if (x->left < x->count) {                             /* (an empty word begins anywhere) */
        lua_pushinteger(L, init);
        return 1;
    }
    for (size_t at = (size_t)(init - 1); at < n; at++) {
        if (!x->leads[(unsigned char)s[at]]) continue;
        if (x->head[(unsigned char)s[at]] >= 0) {         /* (a word of one byte: this one) */
            lua_pushinteger(L, (lua_Integer)at + 1);
            lua_pushinteger(L, x->w[x->head[(unsigned char)s[at]]].group);
            return 2;
        }
        if (at + 1 >= n) continue;
        for (int k = x->pair_head[pair_of((unsigned char)s[at], (unsigned char)s[at + 1])]; k >= 0; k = x->w[k].next) {
            const word *y = &x->w[k];
            if (y->len > n - at) continue;
            if (y->len > 2 && y->bytes[2] != s[at + 2]) continue;
            if (memcmp(y->bytes, s + at, y->len) == 0) {
                lua_pushinteger(L, (lua_Integer)at + 1);
                lua_pushinteger(L, y->group);
                return 2;
            }
        }
    }
    luaL_pushfail(L);
    return 1;
}

#define FEW_MARKS 16

/* nianbao.claim_sentence(text, init, marks, index [, held]) (nb_claims.h) */
int nb_claims_sentence(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    lua_Integer init = luaL_checkinteger(L, 2);
    luaL_checktype(L, 3, LUA_TTABLE);
    const held_index *x = luaL_checkudata(L, 4, HELD_INDEX);
    luaL_argcheck(L, init >= 1, 2, "a position of the text");
    int want_held = lua_toboolean(L, 5);
    /* the marks, in the order they are tried: the table anchors their bytes while no Lua runs */
    const char *few_marks[FEW_MARKS];
    size_t few_lens[FEW_MARKS];
    const char **mark = few_marks;
    size_t *mark_len = few_lens;
    unsigned char starts_mark[256] = { 0 };
    starts_mark['\n'] = starts_mark[';'] = starts_mark['!'] = starts_mark['?'] = 1;
    lua_Integer marks = luaL_len(L, 3);
    if (marks < 0 || (lua_Unsigned)marks > (lua_Unsigned)(0x3fffffff / (sizeof *mark + sizeof *mark_len)))
        return luaL_error(L, "claim_sentence: too many marks");
    if (marks > FEW_MARKS) {                              /* (more: a scratch the Lua state owns) */
        mark = lua_newuserdatauv(L, (size_t)marks * (sizeof *mark + sizeof *mark_len), 0);
        mark_len = (size_t *)(void *)(mark + marks);
    }
    for (lua_Integer i = 0; i < marks; i++) {
        lua_rawgeti(L, 3, i + 1);
        if (lua_type(L, -1) != LUA_TSTRING) return luaL_error(L, "claim_sentence: mark %d is not a string", (int)i + 1);
        mark[i] = lua_tolstring(L, -1, &mark_len[i]);
        lua_pop(L, 1);
        if (mark_len[i] == 0) return luaL_error(L, "claim_sentence: mark %d is empty", (int)i + 1);
        starts_mark[(unsigned char)mark[i][0]] = 1;
    }
    /* (a word given to every text: each sentence holds it) */
    int every = x->left < x->count;
    /* held: the groups of the sentence's words, found by the look that finds it
    ** (an index with an empty word gives none: every sentence holds that one) */
    unsigned char few[256], *found = NULL;
    int result = 0;
    if (want_held && !every) {
        found = found_scratch(L, x, few);
        lua_createtable(L, x->groups, 0);
        result = lua_gettop(L);
    }
    for (size_t from = (size_t)(init - 1); from < n; ) {
        size_t to = n;                                    /* (no mark: the sentence runs to the end) */
        for (size_t at = from; at < n; at++) {
            unsigned char b = (unsigned char)s[at];
            if (!starts_mark[b]) continue;
            size_t len = 0;
            if (b == '\n' || b == ';' || b == '!' || b == '?') len = 1;
            for (lua_Integer i = 0; len == 0 && i < marks; i++)
                if (mark_len[i] <= n - at && memcmp(mark[i], s + at, mark_len[i]) == 0) len = mark_len[i];
            if (len > 0) { to = at + len; break; }
        }
        if (found) {
            memset(found, 0, (size_t)x->count);
            if (mark_held(L, x, s, from, to, found, x->count, result) > 0) {
                lua_pushinteger(L, (lua_Integer)from + 1);
                lua_pushinteger(L, (lua_Integer)to + 1);
                lua_pushvalue(L, result);
                return 3;
            }
        } else if (every || holds_word(x, s, from, to)) {
            lua_pushinteger(L, (lua_Integer)from + 1);
            lua_pushinteger(L, (lua_Integer)to + 1);
            return 2;
        }
        from = to;
    }
    lua_pushnil(L);
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

/* Is s[i, n) a digit, ASCII or full-width? Its length in bytes; 0: not one. */
static size_t digit_at(const char *s, size_t i, size_t n) {
    if (i < n && s[i] >= '0' && s[i] <= '9') return 1;
    if (i + 2 < n && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBC
        && (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99) return 3;
    return 0;
}

/* Is s[0, n) numbers alone, the last a digit: digits, spaces, tabs, commas
** and points ("103", "2,932 53")? */
static int only_numbers(const char *s, size_t n) {
    size_t i = 0, last = 0;
    while (i < n) {
        size_t d = digit_at(s, i, n);
        if (d > 0) { i += d; last = i; continue; }
        if (s[i] != ' ' && s[i] != '\t' && s[i] != ',' && s[i] != '.') return 0;
        i++;
    }
    return last == n && n > 0;
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
    lua_Integer slots = 0;
    int keep_break = 1, first = 1;
    int numbers_line = 0;                                 /* (the last line kept is numbers alone) */
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
            size_t indent = 0;
            while (indent < line_len && (line[indent] == ' ' || line[indent] == '\t')) indent++;
            /* (after a line of numbers alone, a line that begins with a digit: a
            ** table's cells a line each, as MuPDF gives them; joined, the last
            ** number and the next would be one) */
            if (numbers_line && digit_at(line, indent, line_len) > 0) keep_break = 1;
            if (first) {
                piece[0] = line; piece_len[0] = line_len; piece_at[0] = pos + 1;
            } else if (keep_break || body == 0) {
                piece[0] = "\n"; piece_len[0] = 1; piece_at[0] = pos;
                piece[1] = line; piece_len[1] = line_len; piece_at[1] = pos + 1;
            } else {
                piece[0] = line + indent; piece_len[0] = line_len - indent; piece_at[0] = pos + 1 + indent;
            }
            for (int k = 0; k < 2; k++) {
                if (!piece[k] || piece_len[k] == 0) continue;
                lua_pushinteger(L, (lua_Integer)n + 1);
                lua_rawseti(L, 5, ++slots);
                lua_pushinteger(L, (lua_Integer)piece_at[k]);
                lua_rawseti(L, 5, ++slots);
                memcpy(out + n, piece[k], piece_len[k]);
                n += piece_len[k];
            }
            first = 0;
            numbers_line = only_numbers(line, body);
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
