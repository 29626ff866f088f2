/*
** nb_text.c — scraped text's lines as a reader's blocks, and labels.trim in C.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "nb_text.h"

/*{=== trim ===*/

static const char *const wide_spaces[] = {
    "\xE3\x80\x80", "\xC2\xA0", "\xE2\x80\x82", "\xE2\x80\x83", "\xE2\x80\x89", "\xE2\x80\x8B",
    "\xEF\xBB\xBF", NULL
};
static const size_t wide_lens[] = { 3, 2, 3, 3, 3, 3, 3 };

static int narrow_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* The first bytes of the wide spaces, and their last: any other byte begins
** (ends) none of them, and most texts begin and end with such a byte. */
static int wide_first(unsigned char c) {
    return c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF;
}

static int wide_last(unsigned char c) {
    return c == 0xA0 || c == 0x80 || c == 0x82 || c == 0x83 || c == 0x89 || c == 0x8B || c == 0xBF;
}

void nb_text_trim(const char *s, size_t len, size_t *from, size_t *to) {
    size_t i = 0, j = len;
    while (i < j) {
        size_t k = 0;
        int t;
        if (narrow_space((unsigned char)s[i])) k = 1;
        else if (wide_first((unsigned char)s[i]))
            for (t = 0; wide_spaces[t]; t++) {
                size_t wl = wide_lens[t];
                if (len - i >= wl && memcmp(s + i, wide_spaces[t], wl) == 0) { k = wl; break; }
            }
        if (k == 0) break;
        i += k;
    }
    while (j > i) {
        size_t k = 0;
        int t;
        if (narrow_space((unsigned char)s[j - 1])) k = 1;
        else if (wide_last((unsigned char)s[j - 1]))
            for (t = 0; wide_spaces[t]; t++) {
                size_t wl = wide_lens[t];
                if (j >= wl && memcmp(s + j - wl, wide_spaces[t], wl) == 0) { k = wl; break; }
            }
        if (k == 0) break;
        j -= k;
    }
    *from = i;
    *to = j;
}

/*}===*/

/*{=== columns: utf8.len of a line's first bytes ===*/

/* The length of the character at s[i] as Lua's utf8.len decodes it (strict),
** the bytes from len on read as the NUL after a Lua string; 0 if invalid. */
static size_t utf8_char(const unsigned char *s, size_t len, size_t i) {
    static const unsigned int limits[] = { ~0u, 0x80, 0x800, 0x10000u, 0x200000u, 0x4000000u };
    unsigned int c = s[i], res = 0;
    int count = 0;
    if (c < 0x80) return 1;
    for (; c & 0x40; c <<= 1) {
        unsigned int cc = i + count + 1 < len ? s[i + count + 1] : 0;
        count++;
        if ((cc & 0xC0) != 0x80) return 0;
        res = (res << 6) | (cc & 0x3F);
    }
    res |= ((unsigned int)(c & 0x7F) << (count * 5));
    if (count > 5 || res > 0x7FFFFFFFu || res < limits[count]) return 0;
    if (res > 0x10FFFFu || (0xD800u <= res && res <= 0xDFFFu)) return 0;
    return (size_t)count + 1;
}

/* utf8.len of a line's first bytes, asked left to right: what was counted
** is kept, so a line of many cells is read once. */
typedef struct {
    const unsigned char *line;
    size_t len;
    size_t at;                    /* the characters before this byte are counted */
    lua_Integer chars;
    int broken;                   /* the character at `at` is not UTF-8 */
} columns;

/* utf8.len(line:sub(1, n)), or -1 where it is nil. */
static lua_Integer chars_before(columns *c, size_t n) {
    if (n < c->at) {              /* to the left of what was counted: afresh */
        columns again = { c->line, c->len, 0, 0, 0 };
        return chars_before(&again, n);
    }
    while (c->at < n && !c->broken) {
        size_t k = utf8_char(c->line, c->len, c->at);
        if (k == 0) c->broken = 1;
        else if (c->at + k > n) return -1;      /* n cuts a character */
        else {
            c->at += k;
            c->chars++;
        }
    }
    return c->at == n ? c->chars : -1;
}

/*}===*/

/*{=== blocks ===*/

static int is_space(unsigned char c) {        /* Lua's %s */
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The index of the first byte of s[0, n) that is not %s, or 0 (text.lua's
** `piece:find("[^%s]") or 1`). */
static size_t lead_of(const char *s, size_t n) {
    size_t i;
    for (i = 0; i < n; i++)
        if (!is_space((unsigned char)s[i])) return i;
    return 0;
}

/* The names of the blocks' fields and kinds, pushed once on the stack:
** a field set with lua_rawset and a key already a Lua string skips the
** string lookup lua_setfield makes every time (the tables are new and
** plain, so the two make the same table). A text that is empty (a break's)
** or one digit is one of them too: most of a report's cells are one digit
** (0 most of all), and a text pushed from here is not hashed and looked up
** again as a new string. */
enum { K_KIND, K_TEXT, K_LINE, K_COL, K_OFFSET, K_X0, K_X1, K_ROW, K_GRID, K_TABS, K_INDENT, K_CELL, K_PARA,
       K_BREAK, K_EMPTY, K_DIGITS, K_COUNT = K_DIGITS + 10 };
static const char *const names[K_COUNT] = {
    "kind", "text", "line", "col", "offset", "x0", "x1", "row", "grid", "tabs", "indent", "cell", "para", "break",
    "", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"
};

/* Set field `key` of the table at the top to the value on top of it. */
static void set_top(lua_State *L, int names_at, int key) {
    lua_pushvalue(L, names_at + key);
    lua_insert(L, -2);
    lua_rawset(L, -3);
}

static void set_int(lua_State *L, int names_at, int key, lua_Integer v) {
    lua_pushvalue(L, names_at + key);
    lua_pushinteger(L, v);
    lua_rawset(L, -3);
}

/* A block of kind with s[from, to) as its text, room made for nfields
** fields (the ones it will hold: a table not grown while it is filled).
** A col of 1 is left out (the binder reads none as 1): most blocks begin
** their line, and four fields take half the room of five (a power of two). */
static void push_block(lua_State *L, int names_at, int nfields, int kind, const char *s, size_t from, size_t to,
                       lua_Integer line, lua_Integer col, lua_Integer offset) {
    lua_createtable(L, 0, col == 1 ? nfields - 1 : nfields);
    lua_pushvalue(L, names_at + K_KIND);
    lua_pushvalue(L, names_at + kind);
    lua_rawset(L, -3);
    lua_pushvalue(L, names_at + K_TEXT);
    if (to == from) lua_pushvalue(L, names_at + K_EMPTY);
    else if (to - from == 1 && s[from] >= '0' && s[from] <= '9') lua_pushvalue(L, names_at + K_DIGITS + (s[from] - '0'));
    else lua_pushlstring(L, s + from, to - from);
    lua_rawset(L, -3);
    set_int(L, names_at, K_LINE, line);
    if (col != 1) set_int(L, names_at, K_COL, col);
    set_int(L, names_at, K_OFFSET, offset);
}

/* The tabs among a line's trailing spaces s[from, to): a tab-parted row's
** empty cells after its last text, which trimming the line loses. */
static lua_Integer trailing_tabs(const char *s, size_t from, size_t to) {
    lua_Integer tabs = 0;
    for (; from < to; from++)
        if (s[from] == '\t') tabs++;
    return tabs;
}

/* Whether the byte at `at` begins its line but for Lua's %s before it. */
static int first_in_line(const char *s, const char *at) {
    while (at > s && at[-1] != '\n' && is_space((unsigned char)at[-1])) at--;
    return at == s || at[-1] == '\n';
}

/* Whether s[at, end) begins with word, in ASCII letters of either case. */
static int begins_with(const char *at, const char *end, const char *word) {
    for (; *word; word++, at++)
        if (at == end || (*at | 0x20) != *word) return 0;
    return 1;
}

/* The tags text.lua leaves out of a line, their text kept or (del, s, strike)
** not: a page's markup in a converter's Markdown. */
static const char *const inline_tags[] = {
    "span", "font", "u", "b", "i", "em", "strong", "ins", "small", "big", "mark", "a", "sub",
    "del", "s", "strike", NULL
};

static int is_letter(unsigned char c) {       /* an ASCII letter */
    c |= 0x20;
    return c >= 'a' && c <= 'z';
}

/* Whether s[at, end), after a "<", names one of inline_tags (closing or not). */
static int inline_tag_at(const char *at, const char *end) {
    const char *const *t;
    if (at < end && *at == '/') at++;
    for (t = inline_tags; *t; t++) {
        size_t n = strlen(*t);
        if (begins_with(at, end, *t) && (at + n == end || !is_letter((unsigned char)at[n]))) return 1;
    }
    return 0;
}

/* Whether the byte is ASCII punctuation (Lua's %p). */
static int is_punct(unsigned char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

/* Whether a "~~" closes text struck through from at on, before the line ends. */
static int closed_struck(const char *at, const char *end) {
    const char *nl = memchr(at, '\n', (size_t)(end - at)), *stop = nl ? nl : end;
    for (; (at = memchr(at, '~', (size_t)(stop - at))) != NULL; at++)
        if (stop - at > 1 && at[1] == '~') return 1;
    return 0;
}

/* Whether the text holds Markdown that text.lua rewrites: a line whose
** first byte past %s is # or > (a heading, a quote) or that begins an HTML
** table, a "**" or a "__" before a word (bold), a "<br", a "<sup", an inline tag, a link or span's "](" or "]{",
** an escape ("\\-") or a "---" (an alignment row) anywhere, or a "~~" before a
** word closed on its line (text struck through, ~~1280~~1282). A mark
** elsewhere is the page's text ("首页 > 政务公开", "印发<格式>的通知",
** "<!-- -->"): the loop leaves its line as it is, so C cuts it alike. Each
** mark found by memchr, which reads many bytes a step. */
static int has_markdown(const char *s, size_t len) {
    const char *at, *end = s + len;
    for (at = s; (at = memchr(at, '#', (size_t)(end - at))) != NULL; at++)
        if (first_in_line(s, at)) return 1;
    for (at = s; (at = memchr(at, '>', (size_t)(end - at))) != NULL; at++)
        if (first_in_line(s, at)) return 1;
    for (at = s; (at = memchr(at, '<', (size_t)(end - at))) != NULL; at++)
        if (begins_with(at + 1, end, "br") || begins_with(at + 1, end, "sup") || inline_tag_at(at + 1, end) ||
            (begins_with(at + 1, end, "table") && first_in_line(s, at)))
            return 1;
    for (at = s; (at = memchr(at, ']', (size_t)(end - at))) != NULL; at++)
        if (end - at > 1 && (at[1] == '(' || at[1] == '{')) return 1;
    for (at = s; (at = memchr(at, '\\', (size_t)(end - at))) != NULL; at++)
        if (end - at > 1 && is_punct((unsigned char)at[1])) return 1;
    for (at = s; (at = memchr(at, '*', (size_t)(end - at))) != NULL; at++)
        if (end - at > 1 && at[1] == '*') return 1;
    for (at = s; (at = memchr(at, '_', (size_t)(end - at))) != NULL; at++)
        if (end - at > 2 && at[1] == '_' && at[2] != '_' && at[2] != ' ' && at[2] != '\t' && at[2] != '\n' && at[2] != '\r') return 1;
    for (at = s; (at = memchr(at, '-', (size_t)(end - at))) != NULL; at++)
        if (end - at > 2 && at[1] == '-' && at[2] == '-') return 1;
    for (at = s; (at = memchr(at, '~', (size_t)(end - at))) != NULL; at++)
        if (end - at > 2 && at[1] == '~' && at[2] != '~' && !is_space((unsigned char)at[2]) && closed_struck(at + 2, end))
            return 1;
    return 0;
}

int nb_text_blocks(lua_State *L, const char *s, size_t len) {
    lua_Integer n = 0, lineno = 0, grid = 0, row = 0, last_row_line = -1, grid_last = 0;
    size_t pos = 0;
    luaL_Buffer nofeed;
    int list, names_at, k;
    if (has_markdown(s, len)) {
        lua_pushboolean(L, 0);
        return 1;
    }
    luaL_checkstack(L, K_COUNT + 8, NULL);
    names_at = lua_gettop(L) + 1;
    for (k = 0; k < K_COUNT; k++) lua_pushstring(L, names[k]);
    lua_newtable(L);
    list = lua_gettop(L);
    while (pos < len) {
        const char *line = s + pos, *nl = memchr(line, '\n', len - pos), *bar1;
        size_t eol = nl ? (size_t)(nl - s) : len, ll = eol - pos, i, j;
        columns cols;
        if (ll > 0 && line[ll - 1] == '\r') ll--;
        cols.line = (const unsigned char *)line;
        cols.len = ll;
        cols.at = 0;
        cols.chars = 0;
        cols.broken = 0;
        lineno++;
        bar1 = memchr(line, '|', ll);
        if (bar1 && (size_t)(bar1 - line) == ll - 1 && ll > 1) {   /* the commonest line, "text |" */
            nb_text_trim(line, ll - 1, &i, &j);
            if (j > i) {
                size_t lead = lead_of(line, ll - 1);
                lua_Integer col = chars_before(&cols, lead);
                push_block(L, names_at, 5, K_CELL, line, i, j, lineno, (col < 0 ? (lua_Integer)lead : col) + 1,
                           (lua_Integer)(pos + lead));
                lua_rawseti(L, list, ++n);
                goto next_line;
            }
        }
        if (bar1) {
            size_t start = 0, k = 0;
            lua_Integer first = n + 1, x = 0;
            int any = 0, leading;
            /* a line of two bars or more is most likely a row of a table: its
            ** cells made with room for row and grid too, not grown for them */
            int nfields = memchr(bar1 + 1, '|', ll - (size_t)(bar1 - line) - 1) ? 9 : 7;
            while (k < ll && is_space((unsigned char)line[k])) k++;
            leading = k < ll && line[k] == '|';
            for (;;) {
                const char *bar = start < ll ? memchr(line + start, '|', ll - start) : NULL;
                size_t end = bar ? (size_t)(bar - line) : ll;
                if (!bar && start >= ll) break;             /* nothing after the last bar */
                nb_text_trim(line + start, end - start, &i, &j);
                /* " |" is an empty cell; a bare "|" only pads a merged cell */
                if (j > i || (end > start && bar)) {
                    size_t at = start + lead_of(line + start, end - start);
                    lua_Integer col = chars_before(&cols, at);
                    push_block(L, names_at, nfields, K_CELL, line, start + i, start + j, lineno,
                               (col < 0 ? (lua_Integer)at : col) + 1, (lua_Integer)(pos + at));
                    set_int(L, names_at, K_X0, x);
                    set_int(L, names_at, K_X1, x + 1);
                    lua_rawseti(L, list, ++n);
                    any = 1;
                }
                if (bar && !(leading && start == 0)) x++;
                if (!bar) break;
                start = end + 1;
            }
            if (n - first + 1 >= 2) {                       /* a row of a table: its grid */
                lua_Integer c;
                char name[32];
                if (last_row_line != lineno - 1) grid++, row = 0;
                row++;
                last_row_line = lineno;
                snprintf(name, sizeof name, "t" LUA_INTEGER_FMT, grid);
                lua_pushstring(L, name);
                for (c = first; c <= n; c++) {
                    lua_rawgeti(L, list, c);
                    /* text.lua's `b.grid, b.row = …` stores row first, as Lua assigns right to left */
                    set_int(L, names_at, K_ROW, row);
                    lua_pushvalue(L, -2);
                    set_top(L, names_at, K_GRID);
                    lua_pop(L, 1);
                }
                lua_pop(L, 1);
                grid_last = n;
            } else if (n >= first) {                        /* one cell a line: no grid */
                lua_rawgeti(L, list, n);
                lua_pushnil(L);
                set_top(L, names_at, K_X1);
                lua_pushnil(L);
                set_top(L, names_at, K_X0);
                lua_pop(L, 1);
            }
            if (!any) {
                push_block(L, names_at, 5, K_BREAK, "", 0, 0, lineno, 1, (lua_Integer)pos);
                lua_rawseti(L, list, ++n);
                if (last_row_line == lineno - 1) last_row_line = lineno;
            }
        } else if (memchr(line, '\f', ll)) {              /* a form feed is a PDF page break */
            size_t k;
            luaL_buffinit(L, &nofeed);
            for (k = 0; k < ll; k++)
                if (line[k] != '\f') luaL_addchar(&nofeed, line[k]);
            luaL_pushresult(&nofeed);
            {
                size_t fl;
                const char *f = lua_tolstring(L, -1, &fl);
                nb_text_trim(f, fl, &i, &j);
                if (j > i) {
                    push_block(L, names_at, 5, K_PARA, f, i, j, lineno, 1, (lua_Integer)pos);
                    lua_rawseti(L, list, ++n);
                }
            }
            lua_pop(L, 1);
        } else {
            nb_text_trim(line, ll, &i, &j);
            if (j > i) {
                lua_Integer tabs = trailing_tabs(line, j, ll), indent = 0;
                if (i > 0) {                  /* the columns of white before the text */
                    columns c = { (const unsigned char *)line, ll, 0, 0, 0 };
                    indent = chars_before(&c, i);
                }
                push_block(L, names_at, 5 + (tabs ? 1 : 0) + (indent > 0 ? 1 : 0), K_PARA, line, i, j, lineno, 1,
                           (lua_Integer)pos);
                if (tabs) set_int(L, names_at, K_TABS, tabs);
                if (indent > 0) set_int(L, names_at, K_INDENT, indent);
                lua_rawseti(L, list, ++n);
            }
        }
    next_line:
        pos = eol + 1;
    }
    lua_replace(L, names_at);                 /* the list alone is left pushed */
    lua_settop(L, names_at);
    lua_pushinteger(L, grid_last);            /* and the last block with a grid (0: none) */
    return 2;
}

/*}===*/

/*{=== folder ===*/

/* The pieces a text is looked up by, as labels.char_folder's LPeg pass cuts
** it: a lead byte (ASCII, or 0xC2 to 0xFD) with the continuation bytes after
** it, all of them; or one other byte alone, which no key matches. */
static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }
static int is_lead(unsigned char c) { return c < 0x80 || (c >= 0xC2 && c <= 0xFD); }

/* A piece's bytes (at most MAX_PIECE) with their count, as one number: no
** two such byte strings share one. A longer piece is no character, and no
** key of a map of characters. */
#define MAX_PIECE 7
static uint64_t piece_key(const unsigned char *s, size_t n) {
    uint64_t k = (uint64_t)n << 56;
    size_t i;
    for (i = 0; i < n; i++) k |= (uint64_t)s[i] << (8 * (n - 1 - i));
    return k;
}

typedef struct {
    uint64_t key;
    uint32_t at, len;       /* the replacement: bytes [at, at + len) of the pool */
} fold_entry;

/* The folder: the map's keys that are such pieces, sorted, and which lead
** bytes (and, after a lead, which second bytes) begin any of them, for a
** piece most of a text is: surely no key, passed without a search. A key
** of one byte, and one of three led by E0..EF (spaces, full-width marks:
** most of the keys a text holds), found without a search too. The pool
** of replacements follows the entries. */
typedef struct {
    size_t n;
    uint32_t alone[256];           /* 1 + the entry of the key of this byte alone; 0: none */
    uint64_t seconds[256];         /* lead byte → bit (b & 63) for each key's second byte b */
    unsigned char threes[8192];    /* a bit for each piece of three bytes led by E0..EF: a key */
    uint32_t three_at[1024];       /* 1 + the first entry of such keys, by three_bit >> 6 (their first two bytes) */
    fold_entry e[1];
} folder;

/* The bit of threes for a piece of three bytes led by E0..EF (most of
** Chinese): its lead's low four bits and its other bytes' low six, which
** tell such pieces apart. Searched for only where that bit is set. */
static unsigned three_bit(const unsigned char *s) {
    return (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (unsigned)(s[2] & 0x3F);
}

/* The entry of a key of three bytes led by E0..EF whose bit is set in
** threes: the bit is the key's alone, so it is among the entries of its
** first two bytes, which lie together (sorted). */
static const fold_entry *three_find(const folder *f, uint64_t key, unsigned bit) {
    size_t j = f->three_at[bit >> 6] - 1;
    while (j < f->n && f->e[j].key != key) j++;
    return j < f->n ? &f->e[j] : NULL;
}

static int entry_cmp(const void *a, const void *b) {
    uint64_t x = ((const fold_entry *)a)->key, y = ((const fold_entry *)b)->key;
    return x < y ? -1 : x > y;
}

static const fold_entry *fold_find(const folder *f, uint64_t key) {
    size_t lo = 0, hi = f->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->e[mid].key < key) lo = mid + 1;
        else if (f->e[mid].key > key) hi = mid;
        else return &f->e[mid];
    }
    return NULL;
}

/* A key that is such a piece (a lead byte followed by continuation bytes
** only, MAX_PIECE bytes at most): the only keys a text's pieces can equal. */
static int is_piece(const unsigned char *k, size_t n) {
    size_t i;
    if (n == 0 || n > MAX_PIECE || !is_lead(k[0])) return 0;
    for (i = 1; i < n; i++)
        if (!is_cont(k[i])) return 0;
    return 1;
}

static int map_key(lua_State *L, int at, const unsigned char **k, size_t *n) {
    if (lua_type(L, at) != LUA_TSTRING) return 0;
    *k = (const unsigned char *)lua_tolstring(L, at, n);
    return is_piece(*k, *n);
}

/* The folder's function: s with each piece that is a key replaced by its value. */
static int folder_apply(lua_State *L) {
    size_t len, i = 0, kept = 0;
    const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &len);
    const folder *f = lua_touserdata(L, lua_upvalueindex(1));
    const char *pool = (const char *)(f->e + f->n);
    luaL_Buffer b;
    int started = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t k = 1;
        const fold_entry *hit = NULL;
        if ((c & 0xF0) == 0xE0 && len - i >= 3 && is_cont(s[i + 1]) && is_cont(s[i + 2]) &&
            (len - i == 3 || !is_cont(s[i + 3]))) {     /* a piece of three bytes led by E0..EF: most of Chinese */
            unsigned bit = three_bit(s + i);
            k = 3;
            if ((f->threes[bit >> 3] >> (bit & 7)) & 1) hit = three_find(f, piece_key(s + i, 3), bit);
        } else if (!is_lead((unsigned char)c)) {      /* a byte no piece begins with: kept */
            i++;
            continue;
        } else {
            while (i + k < len && is_cont(s[i + k])) k++;
            if (k == 1) {
                if (f->alone[c]) hit = &f->e[f->alone[c] - 1];
            } else if (k <= MAX_PIECE && ((f->seconds[c] >> (s[i + 1] & 63)) & 1)) {
                hit = fold_find(f, piece_key(s + i, k));
            }
        }
        if (hit) {
            if (!started) {
                luaL_buffinit(L, &b);
                started = 1;
            }
            luaL_addlstring(&b, (const char *)s + kept, i - kept);
            luaL_addlstring(&b, pool + hit->at, hit->len);
            kept = i + k;
        }
        i += k;
    }
    if (!started) {                   /* nothing replaced: the text itself */
        lua_settop(L, 1);
        return 1;
    }
    luaL_addlstring(&b, (const char *)s + kept, len - kept);
    luaL_pushresult(&b);
    return 1;
}

int nb_text_folder(lua_State *L) {
    size_t n = 0, pool = 0, at = 0, i = 0, m;
    const unsigned char *k;
    folder *f;
    char *bytes;
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        if (map_key(L, -2, &k, &m)) {
            size_t vl;
            if (lua_type(L, -1) != LUA_TSTRING) return luaL_error(L, "folder: the value of a character is no string");
            lua_tolstring(L, -1, &vl);
            if (pool > UINT32_MAX - vl) return luaL_error(L, "folder: replacements too long");
            n++;
            pool += vl;
        }
        lua_pop(L, 1);
    }
    if (n >= UINT32_MAX) return luaL_error(L, "folder: too many characters");
    f = lua_newuserdatauv(L, sizeof(folder) + n * sizeof(fold_entry) + pool, 0);
    memset(f, 0, sizeof(folder));
    f->n = n;
    bytes = (char *)(f->e + n);
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        if (map_key(L, -2, &k, &m) && i < n) {
            size_t vl;
            const char *v = lua_tolstring(L, -1, &vl);
            f->e[i].key = piece_key(k, m);
            f->e[i].at = (uint32_t)at;
            f->e[i].len = (uint32_t)vl;
            memcpy(bytes + at, v, vl);
            at += vl;
            if (m > 1) f->seconds[k[0]] |= (uint64_t)1 << (k[1] & 63);
            if (m == 3 && (k[0] & 0xF0) == 0xE0) {
                unsigned bit = three_bit(k);
                f->threes[bit >> 3] |= (unsigned char)(1u << (bit & 7));
            }
            i++;
        }
        lua_pop(L, 1);
    }
    qsort(f->e, n, sizeof(fold_entry), entry_cmp);
    for (i = n; i-- > 0;) {           /* from the last: each slot of three_at ends at its first entry */
        uint64_t key = f->e[i].key;
        if (key >> 56 == 1) f->alone[key & 0xFF] = (uint32_t)i + 1;
        else if (key >> 56 == 3 && ((key >> 16) & 0xF0) == 0xE0) {
            unsigned char three[3];
            three[0] = (unsigned char)(key >> 16);
            three[1] = (unsigned char)(key >> 8);
            three[2] = (unsigned char)key;
            f->three_at[three_bit(three) >> 6] = (uint32_t)i + 1;
        }
    }
    lua_pushcclosure(L, folder_apply, 1);
    return 1;
}

/*}===*/

/*{=== first_of ===*/

/* The first position at which w[0, wl) begins in s[0, len), among the
** positions before `before`; `before` when there is none. memchr looks for
** w's last byte: in UTF-8 Chinese text a first byte (one of a few lead
** bytes) is common, a last one much rarer. */
static size_t first_place(const char *s, size_t len, const char *w, size_t wl, size_t before) {
    size_t end;                         /* w ends before this byte */
    const char *at;
    if (wl == 0) return 0;
    if (wl > len) return before;
    end = before <= len - wl ? before + wl - 1 : len;
    for (at = s + wl - 1; at < s + end && (at = memchr(at, w[wl - 1], (size_t)(s + end - at))) != NULL; at++)
        if (memcmp(at - (wl - 1), w, wl - 1) == 0) return (size_t)(at - s) - (wl - 1);
    return before;
}

int nb_text_first_of(lua_State *L) {
    size_t len, best, k, n;
    const char *s = luaL_checklstring(L, 1, &len);
    luaL_checktype(L, 2, LUA_TTABLE);
    n = (size_t)lua_rawlen(L, 2);
    best = len + 1;                     /* no word found yet */
    for (k = 1; k <= n; k++) {
        size_t wl;
        const char *w;
        lua_rawgeti(L, 2, (lua_Integer)k);
        w = lua_tolstring(L, -1, &wl);
        if (w == NULL) return luaL_error(L, "first_of: word %d is no string", (int)k);
        best = first_place(s, len, w, wl, best);
        lua_pop(L, 1);
    }
    if (best > len) lua_pushnil(L);
    else lua_pushinteger(L, (lua_Integer)best + 1);
    return 1;
}

/*}===*/

/*{=== lone_lines ===*/

/* Whether s[from, to) holds only spaces, tabs and a carriage return. */
static int blank_line(const char *s, size_t from, size_t to) {
    for (; from < to; from++)
        if (s[from] != ' ' && s[from] != '\t' && s[from] != '\r') return 0;
    return 1;
}

int nb_text_lone_lines(lua_State *L) {
    size_t len, at = 0, prev_from = 0, prev_to = 0, from, to;
    const char *s = luaL_checklstring(L, 1, &len);
    const char *nl;
    lua_Integer n = 0;
    int have_prev = 0;        /* a line before this one, [prev_from, prev_to) */
    lua_newtable(L);
    while (at < len && (nl = memchr(s + at, '\n', len - at)) != NULL) {
        from = at;
        to = (size_t)(nl - s);
        /* the line [prev_from, prev_to) between an empty line before it and this one, empty */
        if (have_prev && blank_line(s, from, to)) {
            size_t i = prev_from, j = prev_to;
            while (i < j && (s[i] == ' ' || s[i] == '\t')) i++;
            while (j > i && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\r')) j--;
            if (j > i && j - i <= 32 && prev_from > 0 && s[prev_from - 1] == '\n') {
                size_t b = prev_from - 1, k;
                int digit = 0;
                size_t before = b;      /* the line before it: [before, b) */
                while (before > 0 && s[before - 1] != '\n') before--;
                for (k = i; k < j; k++) digit = digit || (s[k] >= '0' && s[k] <= '9');
                if (digit && blank_line(s, before, b)) {
                    lua_pushinteger(L, (lua_Integer)i + 1);
                    lua_rawseti(L, -2, ++n);
                    lua_pushinteger(L, (lua_Integer)prev_to + 1);
                    lua_rawseti(L, -2, ++n);
                }
            }
        }
        prev_from = from;
        prev_to = to;
        have_prev = 1;
        at = to + 1;
    }
    return 1;
}

/*}===*/
