/*
** nb_html.c — libxml2's HTML and XML parsers, their trees copied into Lua tables.
*/
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <lauxlib.h>
#include "nb_dl.h"
#include "nb_encoding.h"
#include "nb_html.h"
#include "nb_text.h"

/* libxml2's functions called here, looked up when the first page is read
** (xmlFree is a variable; htmlDefaultSAXHandler the function libxml2's macro calls) */
#define LIBXML_FUNCTIONS(F) \
    F(xmlInitParser) F(xmlCreateMemoryParserCtxt) F(xmlFreeParserCtxt) F(htmlDefaultSAXHandlerInit) \
    F(__htmlDefaultSAXHandler) F(htmlCtxtUseOptions) F(xmlFindCharEncodingHandler) \
    F(xmlSwitchToEncoding) F(xmlFree) F(xmlStrdup) F(htmlParseDocument) F(xmlFreeDoc) \
    F(xmlDocGetRootElement) F(xmlGetLineNo) F(xmlNodeListGetString) F(xmlReadMemory) \
    F(xmlSplitQName) F(xmlStopParser)
#define AS_FIELD(name) __typeof__(name) *name;     /* the header's own declaration */
#define AS_NAME(name) #name,
typedef struct { LIBXML_FUNCTIONS(AS_FIELD) } libxml_functions;
static const char *const libxml_names[] = { LIBXML_FUNCTIONS(AS_NAME) };

/* libxml2's functions for L; NULL with nil and the reason pushed when it cannot be loaded. */
static const libxml_functions *libxml_of(lua_State *L) {
    char err[256];
    const libxml_functions *x = nb_dl_functions(L, NB_LIBXML2_SONAME, libxml_names,
                                                sizeof libxml_names / sizeof libxml_names[0], err, sizeof err);
    if (x == NULL) {
        lua_pushnil(L);
        lua_pushstring(L, err);
    }
    return x;
}

/* xmlFree(p): xmlFree is a variable of libxml2's, its allocator's free */
static void xml_free(const libxml_functions *x, void *p) {
    (*x->xmlFree)(p);
}

/* Elements whose text is not the page's: code, what a browser does not draw,
** and in a web page a revised value's struck old one (del, s, strike) and a
** footnote's mark (sup: 12<sup>1</sup> is 12, not 121). An XML document's
** elements of those names are its own (Word's w:strike, ODF's text:s). */
static int is_mark(const char *name) {
    return strcmp(name, "del") == 0 || strcmp(name, "s") == 0 || strcmp(name, "strike") == 0 ||
           strcmp(name, "sup") == 0;
}

/* A web page's struck value or footnote mark: nb_html_parse's tree keeps
** it (markup.lua reads a cell held in it whole), the walks here leave it out. */
static int mark_element(const xmlNode *n) {
    return n->doc != NULL && n->doc->type == XML_HTML_DOCUMENT_NODE && is_mark((const char *)n->name);
}

static int skipped(const xmlNode *n) {
    const char *name = (const char *)n->name;
    if (strcmp(name, "script") == 0 || strcmp(name, "style") == 0 ||
        strcmp(name, "noscript") == 0 || strcmp(name, "template") == 0)
        return 1;
    return mark_element(n);
}

static int style_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');   /* as Lua's %s */
}

/* The declaration at the ':' colon of style text s..e: -1 where it sets no
** display, else whether it sets display to none ("display:none", "display: none"). */
static int display_none(const char *s, const char *e, const char *colon) {
    static const char display[] = "display", none[] = "none";
    const char *b = colon, *a = colon + 1;
    size_t m;
    while (b > s && style_space(b[-1])) b--;
    if (b - s < 7) return -1;
    for (m = 0; m < 7 && (b[(ptrdiff_t)m - 7] | 0x20) == display[m]; m++) ;
    if (m < 7) return -1;
    while (a < e && style_space(*a)) a++;
    for (m = 0; m < 4 && a + m < e && (a[m] | 0x20) == none[m]; m++) ;
    return m == 4;
}

/* Does a style sheet s[0..len) hide anything (a rule of display:none)? A
** page's print copy or a draft of a class it hides: markup.lua reads the rules. */
static int sheet_hides(const char *s, size_t len) {
    const char *e = s + len, *p = s, *colon;
    while ((colon = memchr(p, ':', (size_t)(e - p))) != NULL) {
        if (display_none(s, e, colon) == 1) return 1;
        p = colon + 1;
    }
    return 0;
}

/* What markup.lua's hidden() and struck() make of an element's own
** attributes (no style sheet read): ATTS_HIDDEN for the hidden attribute or
** a style whose last display is none, ATTS_STRUCK for a style that strikes
** through, ATTS_UNREAD for a style too long to read here. */
enum { ATTS_SHOWN = 0, ATTS_HIDDEN = 1, ATTS_STRUCK = 2, ATTS_UNREAD = 4 };
#define STYLE_MAX 2048

static int lower_ch(char c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int word_ch(char c) {                       /* Lua's [%w%-] */
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/* Does s[0..len), lowered, hold word (lowercase)? */
static int holds_lowered(const char *s, size_t len, const char *word) {
    size_t m = strlen(word), i, k;
    for (i = 0; i + m <= len; i++) {
        for (k = 0; k < m && lower_ch(s[i + k]) == word[k]; k++) ;
        if (k == m) return 1;
    }
    return 0;
}

/* markup.lua's display of a style s[0..len), when the style holds
** "display": the style lowered, each comment taken out (from its opening
** to the first close after it, as its gsub does), then the last match of
** "display%s*:%s*([%w%-]+)": 1 when it is none, 0 another, -1 none set,
** -2 a style too long for this. */
static int style_display_none(const char *s, size_t len) {
    char low[STYLE_MAX];
    size_t n = 0, i = 0;
    int shown = -1;
    if (!holds_lowered(s, len, "display")) return -1;
    if (len > STYLE_MAX) return -2;
    while (i < len) {
        if (s[i] == '/' && i + 1 < len && s[i + 1] == '*') {
            size_t k;
            for (k = i + 2; k + 1 < len && !(s[k] == '*' && s[k + 1] == '/'); k++) ;
            if (k + 1 < len) {
                i = k + 2;
                continue;
            }
        }
        low[n++] = lower_ch(s[i++]);
    }
    for (i = 0; i + 7 <= n;) {
        if (memcmp(low + i, "display", 7) == 0) {
            size_t j = i + 7, v;
            while (j < n && style_space(low[j])) j++;
            if (j < n && low[j] == ':') {
                for (j++; j < n && style_space(low[j]); j++) ;
                for (v = j; j < n && word_ch(low[j]); j++) ;
                if (j > v) {
                    shown = j - v == 4 && memcmp(low + v, "none", 4) == 0;
                    i = j;
                    continue;
                }
            }
        }
        i++;
    }
    return shown;
}

/* Does style text s[0..len) say line-through, in any case? */
static int strikes(const char *s, size_t len) {
    static const char line[] = "line", through[] = "through";
    const char *e = s + len, *p = s, *dash;
    while ((dash = memchr(p, '-', (size_t)(e - p))) != NULL) {
        size_t m = 0;
        if (dash - s >= 4 && e - dash > 7) {
            for (m = 0; m < 4 && (dash[(ptrdiff_t)m - 4] | 0x20) == line[m]; m++) ;
            if (m == 4)
                for (m = 0; m < 7 && (dash[m + 1] | 0x20) == through[m]; m++) ;
        }
        if (m == 7) return 1;
        p = dash + 1;
    }
    return 0;
}

/* May a style's value s[0..len), as written, hide or strike its element
** (atts_shown says, once libxml2 has read its references)? Without a
** reference or a comment, only where a display is set before a colon or
** it strikes: a look at its colons and dashes. */
static int style_may_hide(const char *s, size_t len) {
    const char *e = s + len, *p = s, *colon;
    if (memchr(s, '&', len) != NULL || memchr(s, '/', len) != NULL || strikes(s, len)) return 1;
    while ((colon = memchr(p, ':', (size_t)(e - p))) != NULL) {
        if (display_none(s, e, colon) >= 0) return 1;
        p = colon + 1;
    }
    return 0;
}

/* ATTS_ of an element's attributes as libxml2 hands them on. */
static int atts_shown(const xmlChar **atts) {
    int i, shown = ATTS_SHOWN;
    for (i = 0; atts && atts[i]; i += 2) {
        const char *name = (const char *)atts[i], *v = atts[i + 1] ? (const char *)atts[i + 1] : "";
        if (strcmp(name, "hidden") == 0) shown |= ATTS_HIDDEN;
        else if (strcmp(name, "style") == 0) {
            size_t len = strlen(v);
            int none;
            if (!style_may_hide(v, len)) continue;
            none = style_display_none(v, len);
            if (none == -2) shown |= ATTS_UNREAD;
            else if (none == 1) shown |= ATTS_HIDDEN;
            if (strikes(v, len)) shown |= ATTS_STRUCK;
        }
    }
    return shown;
}

/* Does the element's id end in a digit (a script's pager's page_2)? */
static int numbered_id(const xmlChar **atts) {
    int i;
    for (i = 0; atts && atts[i]; i += 2)
        if (strcmp((const char *)atts[i], "id") == 0 && atts[i + 1] && atts[i + 1][0]) {
            size_t len = strlen((const char *)atts[i + 1]);
            return atts[i + 1][len - 1] >= '0' && atts[i + 1][len - 1] <= '9';
        }
    return 0;
}

/* Push node n as a Lua value; returns 0 when the Lua stack cannot grow. */
static int push_node(lua_State *L, const libxml_functions *x, xmlNode *n, int depth, int maxdepth) {
    xmlNode *c;
    xmlAttr *a;
    lua_Integer k = 0;
    if (!lua_checkstack(L, 6)) return 0;
    lua_newtable(L);
    lua_pushstring(L, (const char *)n->name);
    lua_setfield(L, -2, "tag");
    lua_pushinteger(L, (lua_Integer)x->xmlGetLineNo(n));
    lua_setfield(L, -2, "line");
    lua_newtable(L);
    for (a = n->properties; a; a = a->next) {
        xmlChar *v = x->xmlNodeListGetString(n->doc, a->children, 1);
        lua_pushstring(L, v ? (const char *)v : "");
        lua_setfield(L, -2, (const char *)a->name);
        xml_free(x, v);
    }
    lua_setfield(L, -2, "attrs");
    if (depth >= maxdepth) return 1;   /* deeper content is dropped, not crashed on */
    for (c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content == NULL || c->content[0] == '\0') continue;
            lua_pushstring(L, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE && (!skipped(c) || mark_element(c))) {
            if (!push_node(L, x, c, depth + 1, maxdepth)) return 0;
        } else {
            continue;
        }
        lua_rawseti(L, -2, ++k);
    }
    return 1;
}

/* Push doc's tree under a "#document" node and free doc; 0 with nil and a
** reason pushed when there is no tree or it is nested too deeply. */
static int push_doc(lua_State *L, const libxml_functions *x, xmlDocPtr doc, int maxdepth, const char *kind) {
    xmlNode *root, *n;
    int top = lua_gettop(L), ok = 1;
    lua_Integer k = 0;
    if (doc == NULL || (root = x->xmlDocGetRootElement(doc)) == NULL) {
        x->xmlFreeDoc(doc);
        lua_pushnil(L);
        lua_pushfstring(L, "no %s content", kind);
        return 0;
    }
    /* a fragment may have several top-level nodes: wrap them in one */
    lua_newtable(L);
    lua_pushliteral(L, "#document");
    lua_setfield(L, -2, "tag");
    lua_newtable(L);
    lua_setfield(L, -2, "attrs");
    lua_pushinteger(L, 1);
    lua_setfield(L, -2, "line");
    for (n = root; n && ok; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && !skipped(n)) {
            ok = push_node(L, x, n, 1, maxdepth);
            if (ok) lua_rawseti(L, -2, ++k);
        } else if (n->type == XML_TEXT_NODE && n->content) {
            lua_pushstring(L, (const char *)n->content);
            lua_rawseti(L, -2, ++k);
        }
    }
    x->xmlFreeDoc(doc);
    if (!ok) {
        lua_settop(L, top);
        lua_pushnil(L);
        lua_pushfstring(L, "%s nested too deeply", kind);
        return 0;
    }
    return 1;
}

/* How every HTML parse here reads a page: whatever its markup, never from the network. */
#define PAGE_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                      HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED)

typedef struct lean_parse lean_parse;
static htmlDocPtr read_lean(const libxml_functions *x, lean_parse *lp, const char *buf, int len);

int nb_html_parse(lua_State *L, const char *buf, size_t len, int maxdepth) {
    const libxml_functions *x;
    if (len > INT_MAX) {
        lua_pushnil(L);
        lua_pushliteral(L, "HTML text too large");
        return 0;
    }
    if ((x = libxml_of(L)) == NULL) return 0;
    return push_doc(L, x, read_lean(x, NULL, buf, (int)len), maxdepth, "HTML");
}

int nb_xml_parse(lua_State *L, const char *buf, size_t len, int maxdepth) {
    const libxml_functions *x;
    if (len > INT_MAX) {
        lua_pushnil(L);
        lua_pushliteral(L, "XML text too large");
        return 0;
    }
    if ((x = libxml_of(L)) == NULL) return 0;
    /* no network, no external entities, no entity expansion: a document
    ** cannot reach beyond itself or grow itself */
    return push_doc(L, x, x->xmlReadMemory(buf, (int)len, NULL, NULL,
                                           XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                           XML_PARSE_NONET),
                    maxdepth, "XML");
}

/*{=== a page straight to a reader's blocks ===*/

/* What markup.blocks (scripts/lib/markup.lua) makes of nb_html_parse's tree,
** made from libxml2's tree directly: no Lua table per node. Every step below
** mirrors a line of markup.lua, which stays the reference (and the path for
** what this walk leaves to it). */

#define SPAN_RECTS 64           /* merged cells of one table placed here; more go to Lua */
#define SPAN_STACK 1024         /* of all the tables open at once (a table in a cell) */
#define TWIN_TABLES 32          /* tables whose sizes are kept to find two of one size */
#define SPAN_AREA  65536        /* grid places one table's merged cells may cover here */
#define SPAN_MAX   1000         /* markup.lua's cap on a rowspan or colspan */

typedef struct {
    lua_Integer r0, r1, c0, c1;   /* rows r0..r1, columns c0..c1, inclusive */
} span_rect;

typedef struct {
    char *p;
    size_t n, cap;
    int in_run;                   /* the last byte kept was a run of white space */
} text_buf;

/* The blocks' field names and fixed values, pushed once on the stack: a
** field set from there is not looked up by its C string each time. A
** cell's text of one digit is one of them too (most of a report's cells
** are 0: pushed from here, none is hashed and looked up again). */
enum { N_KIND, N_TEXT, N_LINE, N_GRID, N_ROW, N_COLUMN, N_ROWSPAN, N_COLSPAN, N_X0, N_X1,
       N_PARA, N_CELL, N_BREAK, N_EMPTY, N_DIGITS, N_COUNT = N_DIGITS + 10 };
static const char *const names[N_COUNT] = {
    "kind", "text", "line", "grid", "row", "column", "rowspan", "colspan", "x0", "x1",
    "para", "cell", "break", "", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"
};

struct lean_parse {
    xmlSAXHandler sax;            /* libxml2's callbacks, which the lean parse calls from its own */
    int hidden;                   /* an element the page hides was seen: the page goes the Lua way */
    int sheet;                    /* so was a style sheet that may hide one (its rules are markup.lua's to read) */
    int sheets_read;              /* the caller read the sheets' rules: none hides an element */
};

typedef struct {
    const libxml_functions *x;
    xmlDocPtr doc;
    lua_Alloc alloc;
    void *alloc_ud;
    text_buf para, cell;
    lua_Integer para_line;        /* 0: none yet */
    lua_Integer nblocks, tables;
    int blocks;                   /* stack index of the list */
    int names;                    /* stack index of names[0] */
    int maxdepth;
    int spans;                    /* whether cells carry column, rowspan and colspan (x0, x1 say the same) */
    int nrects;
    lean_parse lean;
    struct stream_state *stream;  /* the streaming read's state (its own allocation) */
    lua_Integer sizes[TWIN_TABLES]; /* the cells of each table so far */
    int nsizes;
    int twins;                    /* two tables of as many cells (a table twice?): the list's twins is true */
    int bars;                     /* a paragraph opens with a bar (a Markdown table's row?): the list's bars is true */
    int caprects;
    span_rect *rects;             /* room for caprects, grown as merged cells come (most pages have few) */
} html_walk;

enum { WALK_OK = 0, WALK_LEFT_TO_LUA = 1 };

static void stream_free(html_walk *w);

static void walk_free(html_walk *w) {
    stream_free(w);
    if (w->doc) w->x->xmlFreeDoc(w->doc);
    w->doc = NULL;
    if (w->para.p) w->alloc(w->alloc_ud, w->para.p, w->para.cap, 0);
    if (w->cell.p) w->alloc(w->alloc_ud, w->cell.p, w->cell.cap, 0);
    if (w->rects) w->alloc(w->alloc_ud, w->rects, (size_t)w->caprects * sizeof *w->rects, 0);
    w->para.p = w->cell.p = NULL;
    w->rects = NULL;
    w->caprects = 0;
}

/* A merged cell's place, rows r0..r1 and columns c0..c1, after the others
** (fewer than SPAN_STACK); 0 without memory. */
static int add_rect(html_walk *w, lua_Integer r0, lua_Integer r1, lua_Integer c0, lua_Integer c1) {
    span_rect *s;
    if (w->nrects >= w->caprects) {
        int cap = w->caprects ? w->caprects * 4 : 16;
        span_rect *p;
        if (cap > SPAN_STACK) cap = SPAN_STACK;
        p = (span_rect *)w->alloc(w->alloc_ud, w->rects, (size_t)w->caprects * sizeof *p, (size_t)cap * sizeof *p);
        if (p == NULL) return 0;
        w->rects = p;
        w->caprects = cap;
    }
    s = &w->rects[w->nrects++];
    s->r0 = r0;
    s->r1 = r1;
    s->c0 = c0;
    s->c1 = c1;
    return 1;
}

/* __gc of the walk: what an error left (a walk that ends frees its own). */
static int walk_gc(lua_State *L) {
    walk_free((html_walk *)lua_touserdata(L, 1));
    return 0;
}

/* Room for len more bytes in b; 0 when there is no memory for them. */
static int buf_room(html_walk *w, text_buf *b, size_t len) {
    if (b->cap - b->n < len) {
        size_t cap = b->cap ? b->cap : 256;
        char *p;
        while (cap - b->n < len) {
            if (cap > ((size_t)-1) / 2) return 0;
            cap *= 2;
        }
        p = (char *)w->alloc(w->alloc_ud, b->p, b->p ? b->cap : 0, cap);
        if (p == NULL) return 0;
        b->p = p;
        b->cap = cap;
    }
    return 1;
}

/* Append s[0..len) with each run of " \t\r\n\f" as one space (markup.lua's
** clean, across pieces as table.concat then gsub would); 0 without memory. */
static int buf_put(html_walk *w, text_buf *b, const char *s, size_t len) {
    const unsigned char *u = (const unsigned char *)s, *e = u + len;
    char *o;
    int in_run = b->in_run;
    if (!buf_room(w, b, len)) return 0;
    /* the end and the run in locals: a store through o could be to b's fields, for all the compiler knows */
    o = b->p + b->n;
    for (; u < e; u++) {
        unsigned char c = *u;
        if (c <= ' ' && (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f')) {
            if (!in_run) *o++ = ' ';
            in_run = 1;
        } else {
            *o++ = (char)c;
            in_run = 0;
        }
    }
    b->n = (size_t)(o - b->p);
    b->in_run = in_run;
    return 1;
}

static void buf_add(lua_State *L, html_walk *w, text_buf *b, const char *s) {
    if (!buf_put(w, b, s, strlen(s))) luaL_error(L, "not enough memory");
}

/* Push b's text trimmed as labels.trim does, and empty b. */
static void buf_push_trimmed(lua_State *L, text_buf *b) {
    size_t i = 0, j = 0;
    if (b->p) nb_text_trim(b->p, b->n, &i, &j);
    lua_pushlstring(L, b->p ? b->p + i : "", j - i);
    b->n = 0;
    b->in_run = 0;
}

/* Is b's text nothing once trimmed? */
static int blank_text(const text_buf *b) {
    size_t i = 0, j = 0;
    if (b->p) nb_text_trim(b->p, b->n, &i, &j);
    return j == i;
}

static lua_Integer line_of(const html_walk *w, const xmlNode *n) {
    long line = w->x->xmlGetLineNo(n);
    return line > 0 ? (lua_Integer)line : 0;
}

/* A child as nb_html_parse's tree holds it: 1 text, 2 element, 0 left out. */
static int child_kind(const xmlNode *c) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        return c->content != NULL && c->content[0] != '\0';
    return c->type == XML_ELEMENT_NODE && !skipped(c) ? 2 : 0;
}

static int is(const xmlNode *n, const char *name) {
    return strcmp((const char *)n->name, name) == 0;
}

/* Does a paragraph end at this element (markup.lua's block tags)? */
static int block_name(const char *name) {
    static const char *const tags[] = {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "pre",
        "title", "address", "figure", "figcaption", "caption", "center", "form", "hr", "br",
        "body", "html", "tr", NULL
    };
    int i;
    for (i = 0; tags[i]; i++)
        if (strcmp(name, tags[i]) == 0) return 1;
    return 0;
}

static int is_block(const xmlNode *n) {
    return block_name((const char *)n->name);
}

static void add_block(lua_State *L, html_walk *w) {
    lua_rawseti(L, w->blocks, ++w->nblocks);
}

/* A table of n cells: twins when an earlier one had as many. A page may
** hold a table twice (a draft, a print copy), which the reader compares;
** past TWIN_TABLES tables it compares them all. */
static void table_cells(html_walk *w, lua_Integer n) {
    int i;
    if (n < 4) return;
    for (i = 0; i < w->nsizes; i++) {
        if (w->sizes[i] == n) { w->twins = 1; return; }
    }
    if (w->nsizes < TWIN_TABLES) w->sizes[w->nsizes++] = n;
    else w->twins = 1;
}

/* blocks.twins = true on the list when two tables had as many cells. */
static void set_twins(lua_State *L, const html_walk *w) {
    if (w->bars) {
        lua_pushboolean(L, 1);
        lua_setfield(L, w->blocks, "bars");
    }
    if (!w->twins) return;
    lua_pushboolean(L, 1);
    lua_setfield(L, w->blocks, "twins");
}

/* t[names[k]] = v for the table on top (new, no metatable: a raw set is a set) */
static void set_int(lua_State *L, const html_walk *w, int k, lua_Integer v) {
    lua_pushvalue(L, w->names + k);
    lua_pushinteger(L, v);
    lua_rawset(L, -3);
}

static void set_name(lua_State *L, const html_walk *w, int k, int v) {
    lua_pushvalue(L, w->names + k);
    lua_pushvalue(L, w->names + v);
    lua_rawset(L, -3);
}

/* The paragraph gathered so far, if any text is left once trimmed. */
static void flush(lua_State *L, html_walk *w) {
    lua_Integer line = w->para_line ? w->para_line : 1;
    w->para_line = 0;
    if (w->para.n == 0) { w->para.in_run = 0; return; }
    buf_push_trimmed(L, &w->para);
    if (lua_rawlen(L, -1) == 0) { lua_pop(L, 1); return; }
    if (*lua_tostring(L, -1) == '|') w->bars = 1;
    lua_createtable(L, 0, 3);       /* the size markup.lua's constructor gives: the same table */
    set_name(L, w, N_KIND, N_PARA);
    lua_pushvalue(L, w->names + N_TEXT);
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
    set_int(L, w, N_LINE, line);
    add_block(L, w);
    lua_pop(L, 1);
}

static void cell_text(lua_State *L, html_walk *w, const xmlNode *n, int depth) {
    const xmlNode *c;
    if (depth >= w->maxdepth) return;
    for (c = n->children; c; c = c->next) {
        int k = child_kind(c);
        if (k == 1) buf_add(L, w, &w->cell, (const char *)c->content);
        else if (k == 2 && !is(c, "table")) cell_text(L, w, c, depth + 1);
    }
}

/* tonumber(attrs[name]) clamped to 1..SPAN_MAX as markup.lua does; -1 when
** the value reads as a float (markup.lua would keep a fraction). */
static lua_Integer span_of(lua_State *L, const libxml_functions *x, const xmlNode *n, const char *name) {
    const xmlAttr *a, *last = NULL;
    xmlChar *v;
    lua_Integer span = 1;
    for (a = n->properties; a; a = a->next)
        if (strcmp((const char *)a->name, name) == 0) last = a;
    if (last == NULL) return 1;
    v = x->xmlNodeListGetString(n->doc, last->children, 1);
    if (v && lua_stringtonumber(L, (const char *)v) != 0) {
        if (!lua_isinteger(L, -1)) span = -1;
        else {
            span = lua_tointeger(L, -1);
            span = span > SPAN_MAX ? SPAN_MAX : span < 1 ? 1 : span;
        }
        lua_pop(L, 1);
    }
    xml_free(x, v);
    return span;
}

static int taken(const html_walk *w, int base, lua_Integer r, lua_Integer col) {
    int i;
    for (i = base; i < w->nrects; i++) {
        const span_rect *s = &w->rects[i];
        if (col >= s->c0 && col <= s->c1 && r >= s->r0 && r <= s->r1) return 1;
    }
    return 0;
}

typedef struct {
    char grid[32];
    int base;                     /* this table's first rect */
    lua_Integer row, area, cells;
} table_walk;

static int do_table(lua_State *L, html_walk *w, const xmlNode *t, int depth);
static int walk(lua_State *L, html_walk *w, const xmlNode *n, int depth);

/* Does a struck value or a footnote mark lie inside n (a cell of no other
** text is markup.lua's)? */
static int holds_mark(const xmlNode *n, int depth, int maxdepth) {
    const xmlNode *c;
    if (depth >= maxdepth) return 0;
    for (c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (mark_element(c) || (!skipped(c) && holds_mark(c, depth + 1, maxdepth))))
            return 1;
    return 0;
}

/* Does a table lie anywhere inside n? Such a cell lays out a page (an old
** site's body in a layout table): its paragraphs and tables are the page's. */
static int holds_table(const xmlNode *n, int depth, int maxdepth) {
    const xmlNode *c;
    if (depth >= maxdepth) return 0;
    for (c = n->children; c; c = c->next)
        if (child_kind(c) == 2 && (is(c, "table") || holds_table(c, depth + 1, maxdepth))) return 1;
    return 0;
}

static int do_row(lua_State *L, html_walk *w, table_walk *tw, const xmlNode *tr, int depth) {
    const xmlNode *td;
    lua_Integer col = 1, r = ++tw->row;
    if (depth < w->maxdepth) for (td = tr->children; td; td = td->next) {
        lua_Integer rs, cs, line;
        if (child_kind(td) != 2 || !(is(td, "td") || is(td, "th"))) continue;
        while (taken(w, tw->base, r, col)) col++;
        rs = span_of(L, w->x, td, "rowspan");
        cs = span_of(L, w->x, td, "colspan");
        if (rs < 0 || cs < 0) return WALK_LEFT_TO_LUA;
        if (rs > 1 || cs > 1) {
            tw->area += rs * cs;
            if (w->nrects - tw->base >= SPAN_RECTS || w->nrects >= SPAN_STACK || tw->area > SPAN_AREA)
                return WALK_LEFT_TO_LUA;
            if (!add_rect(w, r, r + rs - 1, col, col + cs - 1)) return luaL_error(L, "not enough memory");
        }
        if (holds_table(td, depth + 1, w->maxdepth)) {
            int st;
            flush(L, w);
            st = walk(L, w, td, depth + 1);
            flush(L, w);
            if (st != WALK_OK) return st;
            col += cs;
            continue;
        }
        cell_text(L, w, td, depth + 1);
        if (blank_text(&w->cell) && holds_mark(td, depth + 1, w->maxdepth)) return WALK_LEFT_TO_LUA;
        line = line_of(w, td) ? line_of(w, td) : line_of(w, tr) ? line_of(w, tr) : 1;
        lua_createtable(L, 0, w->spans ? 10 : 7);
        set_name(L, w, N_KIND, N_CELL);
        lua_pushvalue(L, w->names + N_TEXT);
        buf_push_trimmed(L, &w->cell);
        lua_rawset(L, -3);
        set_int(L, w, N_LINE, line);
        lua_pushvalue(L, w->names + N_GRID);
        lua_pushstring(L, tw->grid);
        lua_rawset(L, -3);
        set_int(L, w, N_ROW, r);
        if (w->spans) {
            set_int(L, w, N_COLUMN, col);
            set_int(L, w, N_ROWSPAN, rs);
            set_int(L, w, N_COLSPAN, cs);
        }
        set_int(L, w, N_X0, col);
        set_int(L, w, N_X1, col + cs);
        add_block(L, w);
        tw->cells++;
        col += cs;
    }
    lua_createtable(L, 0, 3);
    set_name(L, w, N_KIND, N_BREAK);
    set_name(L, w, N_TEXT, N_EMPTY);
    set_int(L, w, N_LINE, line_of(w, tr) ? line_of(w, tr) : 1);
    add_block(L, w);
    return WALK_OK;
}

/* The rows of a table, not those of a table inside it, in document order. */
static int do_rows(lua_State *L, html_walk *w, table_walk *tw, const xmlNode *n, int depth) {
    const xmlNode *c;
    if (depth >= w->maxdepth) return WALK_OK;
    for (c = n->children; c; c = c->next) {
        int st = WALK_OK;
        if (child_kind(c) != 2) continue;
        if (is(c, "tr")) st = do_row(L, w, tw, c, depth + 1);
        else if (!is(c, "table")) st = do_rows(L, w, tw, c, depth + 1);
        if (st != WALK_OK) return st;
    }
    return WALK_OK;
}

static int do_table(lua_State *L, html_walk *w, const xmlNode *t, int depth) {
    table_walk tw;
    int st;
    snprintf(tw.grid, sizeof tw.grid, "h" LUA_INTEGER_FMT, ++w->tables);
    tw.base = w->nrects;
    tw.row = tw.area = tw.cells = 0;
    st = do_rows(L, w, &tw, t, depth);
    w->nrects = tw.base;
    table_cells(w, tw.cells);
    return st;
}

static int walk(lua_State *L, html_walk *w, const xmlNode *n, int depth) {
    const xmlNode *c;
    if (depth >= w->maxdepth) return WALK_OK;
    for (c = n->children; c; c = c->next) {
        int k = child_kind(c), st = WALK_OK;
        if (k == 1) {
            buf_add(L, w, &w->para, (const char *)c->content);
            if (w->para_line == 0) w->para_line = line_of(w, n);
        } else if (k == 2 && is(c, "table")) {
            flush(L, w);
            st = do_table(L, w, c, depth + 1);
        } else if (k == 2 && is_block(c)) {
            flush(L, w);
            st = walk(L, w, c, depth + 1);
            flush(L, w);
        } else if (k == 2) {
            st = walk(L, w, c, depth + 1);
        }
        if (st != WALK_OK) return st;
    }
    return WALK_OK;
}

/* The page's top level, as push_doc wraps it in its "#document" (line 1). */
static int walk_doc(lua_State *L, html_walk *w, const xmlNode *root) {
    const xmlNode *n;
    for (n = root; n; n = n->next) {
        int st = WALK_OK;
        if (n->type == XML_ELEMENT_NODE && !skipped(n)) {
            if (is(n, "table")) { flush(L, w); st = do_table(L, w, n, 1); }
            else if (is_block(n)) { flush(L, w); st = walk(L, w, n, 1); flush(L, w); }
            else st = walk(L, w, n, 1);
        } else if (n->type == XML_TEXT_NODE && n->content) {
            buf_add(L, w, &w->para, (const char *)n->content);
            if (w->para_line == 0) w->para_line = 1;
        }
        if (st != WALK_OK) return st;
    }
    flush(L, w);
    return WALK_OK;
}

/* The callbacks of libxml2's that the lean parse wraps. */
static lean_parse *lean_of(void *ctx) {
    return (lean_parse *)((xmlParserCtxtPtr)ctx)->_private;
}

/* The walk reads no attribute but a cell's spans: libxml2 builds the others
** (and indexes every id) for nothing. Its structure is not touched: the
** parser alone decides where an element goes. */
static void start_lean(void *ctx, const xmlChar *name, const xmlChar **atts) {
    lean_parse *lp = lean_of(ctx);
    const xmlChar *kept[5];
    int i, k = 0;
    for (i = 0; atts && atts[i]; i += 2) {
        if (strcmp((const char *)atts[i], "rowspan") != 0 && strcmp((const char *)atts[i], "colspan") != 0)
            continue;
        if (k == 4) break;        /* the parser keeps one of each: not reached */
        kept[k++] = atts[i];
        kept[k++] = atts[i + 1];
    }
    kept[k] = NULL;
    if (atts_shown(atts) != ATTS_SHOWN) lp->hidden = 1;
    lp->sax.startElement(ctx, name, atts && atts[i] ? atts : k ? kept : NULL);
}

/* Is text put under p never read? The walk reads text outside every table
** and inside a cell, so not when the nearest table, td or th holding it is
** a table: the white space between rows and cells, mostly. */
static int unread(const xmlNode *p) {
    for (; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        const char *name = (const char *)p->name;
        if (name[0] != 't') continue;
        if (strcmp(name, "table") == 0) return 1;
        if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0) return 0;
    }
    return 0;
}

static void chars_lean(void *ctx, const xmlChar *s, int len) {
    lean_parse *lp = lean_of(ctx);
    if (!unread(((xmlParserCtxtPtr)ctx)->node)) lp->sax.characters(ctx, s, len);
}

/* The text of a <script> or <style>, which the walk skips, is not kept. */
static void cdata_lean(void *ctx, const xmlChar *value, int len) {
    lean_parse *lp = lean_of(ctx);
    const xmlNode *n = ((xmlParserCtxtPtr)ctx)->node;
    int sheet = n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, "style") == 0;
    if (sheet && len > 0 && !lp->sheets_read && sheet_hides((const char *)value, (size_t)len))
        lp->hidden = lp->sheet = 1;
    if (!(sheet || (n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, "script") == 0)))
        lp->sax.cdataBlock(ctx, value, len);
}

/* What htmlReadMemory(buf, len, NULL, "UTF-8", PAGE_OPTIONS) does to its
** context before it parses: the parses below set their callbacks first. */
static void read_as_page(const libxml_functions *x, xmlParserCtxtPtr ctxt) {
    xmlCharEncodingHandlerPtr utf8;
    x->htmlCtxtUseOptions(ctxt, PAGE_OPTIONS);
    /* a text run past 10,000,000 bytes (a web font in <style>) would end the
    ** tree there, and the report after it with it: the input's size is bounded already */
    ctxt->options |= XML_PARSE_HUGE;
    ctxt->html = 1;
    utf8 = x->xmlFindCharEncodingHandler("UTF-8");
    if (utf8 != NULL) {
        x->xmlSwitchToEncoding(ctxt, utf8);
        if (ctxt->input->encoding != NULL) xml_free(x, (xmlChar *)ctxt->input->encoding);
        ctxt->input->encoding = x->xmlStrdup(BAD_CAST "UTF-8");
    }
}

/* htmlReadMemory(buf, len, NULL, "UTF-8", PAGE_OPTIONS), step by step as
** libxml2 does it, with the callbacks above (lp NULL: libxml2's own). */
static htmlDocPtr read_lean(const libxml_functions *x, lean_parse *lp, const char *buf, int len) {
    xmlParserCtxtPtr ctxt;
    htmlDocPtr doc;
    x->xmlInitParser();
    ctxt = x->xmlCreateMemoryParserCtxt(buf, len);
    if (ctxt == NULL) return NULL;
    if (ctxt->sax == NULL || ctxt->input == NULL) {
        x->xmlFreeParserCtxt(ctxt);
        return NULL;
    }
    x->htmlDefaultSAXHandlerInit();
    memcpy(ctxt->sax, x->__htmlDefaultSAXHandler(), sizeof(xmlSAXHandlerV1));
    if (lp != NULL) {
        lp->sax = *ctxt->sax;
        ctxt->_private = lp;
        /* every callback of libxml2's that builds on the node goes through one above */
        if (lp->sax.startElement) ctxt->sax->startElement = start_lean;
        if (lp->sax.characters) ctxt->sax->characters = chars_lean;
        if (lp->sax.cdataBlock) ctxt->sax->cdataBlock = cdata_lean;
    }
    read_as_page(x, ctxt);
    x->htmlParseDocument(ctxt);
    doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    x->xmlFreeParserCtxt(ctxt);
    return doc;
}

/*{=== the blocks made as libxml2 parses: no tree at all ===*/

/* The walk above, done from libxml2's callbacks: each open element knows
** what the walk would do with its children, and the blocks are kept in C
** (a cell's place taken when it opens, filled when it closes) and made Lua
** tables once the parse is over. What the tree would have been is followed
** where it matters: libxml2 hangs an element that follows the page's first
** element at the top under that element when nothing came before it. A
** page this does not follow (lines past 65534, nesting near libxml2's
** limit) is read the tree's way. */

#define OPEN_MAX 200            /* elements open at once read here; deeper goes the tree's way */

enum { M_PARA, M_SKIP, M_ROWS, M_ROW, M_CELL };      /* what is done with an element's children */
enum { R_NONE, R_BLOCK, R_TABLE, R_ROW, R_CELL };    /* what is done when it closes */
enum { K_OTHER, K_SKIPPED, K_TABLE, K_TR, K_CELL, K_BLOCK };
/* S_AGAIN: a table or list read here was not met where libxml2 reads the page, or not as a
** paragraph's: read it again, none read here */
enum { S_OK = 0, S_LEFT_TO_LUA, S_TREE, S_NO_MEMORY, S_AGAIN };
enum { ROOT_NONE, ROOT_OPEN, ROOT_PARKED, ROOT_UNDER };   /* ROOT_UNDER: open[0] again, for a later element */

typedef struct {
    lua_Integer line;             /* 0: none known, as line_of */
    lua_Integer row, col;         /* a row's number, the column its next cell may take */
    size_t slot;                  /* a cell's block */
    size_t text_from;             /* where a cell's text starts in the cell buffer */
    int depth;                    /* the tree walk's: 1 at the top */
    int table;                    /* the open table whose rows are read here, -1 none */
    int in_run;                   /* a cell's enclosing cell's white-space state */
    int marked;                   /* a cell holds a struck value or a footnote mark */
    int hidden;                   /* it or an element around it is hidden (markup.lua counts the tables in it) */
    unsigned char mode, role;
} open_el;

typedef struct {
    lua_Integer number, row, area;
    int base;
} open_table;

typedef struct {
    size_t text, len;             /* in the texts buffer */
    lua_Integer line, grid, row, column, rowspan, colspan;
    int kind;                     /* N_PARA, N_CELL or N_BREAK */
} block_rec;

/* A table whose rows are plain (plain_rows), or a list whose items are
** (plain_items): libxml2 is given its start tag, the line ends of its rows
** or items and its end tag, and the walk reads them from the page's text
** as libxml2 would hand them on. */
typedef struct {
    size_t at;                    /* the '>' of its start tag, in the text libxml2 reads */
    size_t from;                  /* its rows or items, in the text kept */
    const char *list;             /* a list's name as libxml2 gives it ("ul", "ol"; "p" for a run of
                                  ** paragraphs), NULL for a table */
    size_t end;                   /* a run of paragraphs': its last end tag, which libxml2 reads */
} hollow_table;

typedef struct stream_state {
    xmlParserCtxtPtr ctxt;
    lua_State *L;
    html_walk *w;
    int status, nopen, ntables;
    int seen;                     /* an element has been opened */
    int root;                     /* ROOT_: the page's first element when it is the tree's first node */
    int root_left;                /* a DOCTYPE came after it: what follows is beside it */
    int spans_cut;                /* the lean page has spans taken out (lean_page) */
    int cells_cut;                /* and p's in cells (lean_page) */
    open_el parked;               /* that element, closed, while nothing hangs under it */
    block_rec *recs;
    size_t nrecs, caprecs;
    text_buf texts;               /* the blocks' texts, one after another */
    const char *kept;             /* the page's text before its tables' rows were taken out */
    size_t keptn;
    char *kept_own;               /* kept when it is the walk's own (w's allocator, of kept_cap bytes) */
    size_t kept_cap;
    hollow_table *hollows;        /* the tables taken out, in the order of the page */
    size_t nhollows, caphollows, next_hollow;
    xmlSAXHandler sax;            /* libxml2's own callbacks */
    open_el open[OPEN_MAX];       /* these two last: set before read, not cleared */
    open_table tables[OPEN_MAX];
} stream_state;

static void stream_free(html_walk *w) {
    stream_state *ss = w->stream;
    if (ss == NULL) return;
    if (ss->ctxt) {
        if (ss->ctxt->myDoc) w->x->xmlFreeDoc(ss->ctxt->myDoc);
        ss->ctxt->myDoc = NULL;
        w->x->xmlFreeParserCtxt(ss->ctxt);
    }
    if (ss->recs) w->alloc(w->alloc_ud, ss->recs, ss->caprecs * sizeof *ss->recs, 0);
    if (ss->texts.p) w->alloc(w->alloc_ud, ss->texts.p, ss->texts.cap, 0);
    if (ss->kept_own) w->alloc(w->alloc_ud, ss->kept_own, ss->kept_cap, 0);
    if (ss->hollows) w->alloc(w->alloc_ud, ss->hollows, ss->caphollows * sizeof *ss->hollows, 0);
    w->alloc(w->alloc_ud, ss, sizeof *ss, 0);
    w->stream = NULL;
}

static stream_state *state_of(void *ctx) {
    return (stream_state *)((xmlParserCtxtPtr)ctx)->_private;
}

static void stop(stream_state *ss, int status) {
    if (ss->status == S_OK) ss->status = status;
    if (ss->ctxt) ss->w->x->xmlStopParser(ss->ctxt);
}

/* The walk's reading of a tag: block_name and the tags it looks for, by length first. */
static int tag_kind(const char *name, size_t len) {
#define IS(lit) (memcmp(name, lit, sizeof lit) == 0)
    switch (len) {
    case 1: return name[0] == 'p' ? K_BLOCK : name[0] == 's' ? K_SKIPPED : K_OTHER;
    case 2:
        if (IS("td") || IS("th")) return K_CELL;
        if (IS("tr")) return K_TR;
        if ((name[0] == 'h' && name[1] >= '1' && name[1] <= '6') || IS("li") || IS("ul") || IS("ol") ||
            IS("dl") || IS("dt") || IS("dd") || IS("hr") || IS("br")) return K_BLOCK;
        return K_OTHER;
    case 3:
        if (IS("del") || IS("sup")) return K_SKIPPED;
        return IS("div") || IS("nav") || IS("pre") ? K_BLOCK : K_OTHER;
    case 4: return IS("main") || IS("body") || IS("html") || IS("form") ? K_BLOCK : K_OTHER;
    case 5:
        if (IS("table")) return K_TABLE;
        if (IS("style")) return K_SKIPPED;
        return IS("aside") || IS("title") ? K_BLOCK : K_OTHER;
    case 6:
        if (IS("script") || IS("strike")) return K_SKIPPED;
        return IS("header") || IS("footer") || IS("figure") || IS("center") ? K_BLOCK : K_OTHER;
    case 7: return IS("section") || IS("article") || IS("address") || IS("caption") ? K_BLOCK : K_OTHER;
    case 8: return IS("noscript") || IS("template") ? K_SKIPPED : K_OTHER;
    case 10: return IS("blockquote") || IS("figcaption") ? K_BLOCK : K_OTHER;
    }
    return K_OTHER;
#undef IS
}

/* A new block, its place returned; (size_t)-1 without memory. */
static size_t new_block(stream_state *ss, int kind, lua_Integer line) {
    html_walk *w = ss->w;
    block_rec *r;
    if (ss->nrecs == ss->caprecs) {
        size_t cap = ss->caprecs ? ss->caprecs * 2 : 256;
        block_rec *p;
        if (cap > ((size_t)-1) / (2 * sizeof *p)) return (size_t)-1;
        p = (block_rec *)w->alloc(w->alloc_ud, ss->recs, ss->caprecs * sizeof *p, cap * sizeof *p);
        if (p == NULL) return (size_t)-1;
        ss->recs = p;
        ss->caprecs = cap;
    }
    r = &ss->recs[ss->nrecs];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->line = line;
    return ss->nrecs++;
}

/* The text b holds from `from` on, trimmed, as block k's; b cut back to from. */
static int take_text(stream_state *ss, text_buf *b, size_t from, size_t k) {
    size_t i = 0, j = 0;
    if (b->n > from) nb_text_trim(b->p + from, b->n - from, &i, &j);
    if (!buf_room(ss->w, &ss->texts, j - i)) return 0;
    if (j > i) memcpy(ss->texts.p + ss->texts.n, b->p + from + i, j - i);
    ss->recs[k].text = ss->texts.n;
    ss->recs[k].len = j - i;
    ss->texts.n += j - i;
    b->n = from;
    return 1;
}

/* flush above, into a record */
static void stream_flush(stream_state *ss) {
    html_walk *w = ss->w;
    lua_Integer line = w->para_line ? w->para_line : 1;
    size_t i = 0, j = 0, k;
    w->para_line = 0;
    if (w->para.n == 0) { w->para.in_run = 0; return; }
    nb_text_trim(w->para.p, w->para.n, &i, &j);
    if (j == i) { w->para.n = 0; w->para.in_run = 0; return; }
    if (w->para.p[i] == '|') w->bars = 1;
    k = new_block(ss, N_PARA, line);
    if (k == (size_t)-1 || !take_text(ss, &w->para, 0, k)) { stop(ss, S_NO_MEMORY); return; }
    w->para.in_run = 0;
}

/* What do_row does at a td or th, up to its text: 0 when the table is left to Lua. */
static int open_cell(stream_state *ss, open_el *tr, open_el *e, const xmlChar **atts) {
    html_walk *w = ss->w;
    open_table *t = &ss->tables[tr->table];
    lua_Integer rs = 1, cs = 1, r = tr->row, col = tr->col;
    const xmlChar *rv = NULL, *cv = NULL;
    int i, has_rs = 0, has_cs = 0;
    size_t k;
    for (i = 0; atts && atts[i]; i += 2) {
        if (strcmp((const char *)atts[i], "rowspan") == 0) { rv = atts[i + 1]; has_rs = 1; }
        else if (strcmp((const char *)atts[i], "colspan") == 0) { cv = atts[i + 1]; has_cs = 1; }
    }
    while (taken(w, t->base, r, col)) col++;
    for (i = 0; i < 2; i++) {
        const xmlChar *v = i == 0 ? rv : cv;
        lua_Integer span = 1;
        if ((i == 0 ? has_rs : has_cs) && v && lua_stringtonumber(ss->L, (const char *)v) != 0) {
            if (!lua_isinteger(ss->L, -1)) span = -1;
            else {
                span = lua_tointeger(ss->L, -1);
                span = span > SPAN_MAX ? SPAN_MAX : span < 1 ? 1 : span;
            }
            lua_pop(ss->L, 1);
        }
        if (i == 0) rs = span; else cs = span;
    }
    if (rs < 0 || cs < 0) return 0;
    if (rs > 1 || cs > 1) {
        t->area += rs * cs;
        if (w->nrects - t->base >= SPAN_RECTS || w->nrects >= SPAN_STACK || t->area > SPAN_AREA) return 0;
        if (!add_rect(w, r, r + rs - 1, col, col + cs - 1)) { stop(ss, S_NO_MEMORY); return 1; }
    }
    k = new_block(ss, N_CELL, e->line ? e->line : tr->line ? tr->line : 1);
    if (k == (size_t)-1) { stop(ss, S_NO_MEMORY); return 1; }
    ss->recs[k].grid = t->number;
    ss->recs[k].row = r;
    ss->recs[k].column = col;
    ss->recs[k].rowspan = rs;
    ss->recs[k].colspan = cs;
    e->slot = k;
    e->text_from = w->cell.n;
    e->in_run = w->cell.in_run;
    w->cell.in_run = 0;
    tr->col = col + cs;
    return 1;
}

static void close_el(stream_state *ss, open_el *e);

static void open_table_at(stream_state *ss, open_el *e) {
    open_table *t = &ss->tables[ss->ntables];
    t->number = ++ss->w->tables;
    t->row = t->area = 0;
    t->base = ss->w->nrects;
    e->table = ss->ntables++;
}

/* An element opens, its start tag ending on line (libxml2's count). */
static void stream_open(stream_state *ss, const xmlChar *fullname, const xmlChar **atts, int line) {
    xmlParserCtxtPtr ctxt = ss->ctxt;
    html_walk *w = ss->w;
    open_el *p, *e;
    const char *name = (const char *)fullname;
    xmlChar *local = NULL;
    int kind, sees, mark, shown, colon = 0;
    size_t len;
    if (ss->status != S_OK) return;
    if (line >= 65535 || ss->nopen >= OPEN_MAX - 1) {
        stop(ss, S_TREE);
        return;
    }
    for (len = 0; name[len]; len++) colon |= name[len] == ':';
    /* the tree's node is named without a namespace prefix (o:p is "p") */
    if (colon) {
        xmlChar *prefix = NULL;
        local = w->x->xmlSplitQName(ctxt, fullname, &prefix);
        xml_free(w->x, prefix);
        if (local) {
            name = (const char *)local;
            len = strlen(name);
        }
    }
    kind = tag_kind(name, len);
    mark = kind == K_SKIPPED && is_mark(name);
    if (local) xml_free(w->x, local);
    /* a hidden or struck element (its attributes kept whole by the lean page) */
    shown = atts_shown((const xmlChar **)atts);
    if (shown & ATTS_UNREAD) {
        stop(ss, S_LEFT_TO_LUA);
        return;
    }
    if (ss->nopen == 0) {
        if (!ss->seen) {
            ss->seen = 1;
            if (ctxt->myDoc && ctxt->myDoc->children == NULL) ss->root = ROOT_OPEN;
        } else if (ss->root == ROOT_PARKED && !ss->root_left) {
            ss->open[0] = ss->parked;   /* libxml2 hangs it under the first element */
            ss->nopen = 1;
            ss->root = ROOT_UNDER;
        } else if (ss->root == ROOT_PARKED) {
            close_el(ss, &ss->parked);
            ss->root = ROOT_NONE;
        }
    }
    p = ss->nopen ? &ss->open[ss->nopen - 1] : NULL;
    e = &ss->open[ss->nopen++];
    memset(e, 0, sizeof *e);
    e->line = ctxt->linenumbers ? (lua_Integer)line : 0;
    e->depth = p ? p->depth + 1 : 1;
    e->table = -1;
    e->mode = M_SKIP;
    e->role = R_NONE;
    sees = p == NULL || (p->mode != M_SKIP && p->depth < w->maxdepth);
    e->hidden = p && p->hidden;
    /* markup.lua leaves out what is hidden or struck, but for a table's row, row group or cell
    ** (its place in the grid) and a pager's later page: those are its to read */
    if (sees && shown != ATTS_SHOWN) {
        int around = p ? p->mode : M_PARA;
        if (around == M_ROWS || around == M_ROW || (around == M_PARA && (shown & ATTS_HIDDEN) && numbered_id(
                (const xmlChar **)atts))) {
            stop(ss, S_LEFT_TO_LUA);
            return;
        }
        /* a struck element's marks are still the cell's (markup.lua's marked_text reads them) */
        if (around == M_CELL && shown == ATTS_STRUCK) {
            int k = ss->nopen - 2;
            while (k >= 0 && ss->open[k].role != R_CELL) k--;
            if (k >= 0) ss->open[k].marked = 1;
        }
        if (shown & ATTS_HIDDEN) e->hidden = 1;
        sees = 0;
    }
    /* a table in a hidden element: markup.lua reads the page whole when more are hidden than shown */
    if (kind == K_TABLE && e->hidden) {
        stop(ss, S_LEFT_TO_LUA);
        return;
    }
    /* a struck value or a footnote mark in a cell: said on the cell, markup.lua's if nothing else is in it */
    if (sees && mark && p && p->mode == M_CELL) {
        int k = ss->nopen - 2;
        while (k >= 0 && ss->open[k].role != R_CELL) k--;
        if (k >= 0) ss->open[k].marked = 1;
    }
    if (sees && kind != K_SKIPPED) {
        switch (p ? p->mode : M_PARA) {
        case M_PARA:
            if (kind == K_TABLE) {
                stream_flush(ss);
                open_table_at(ss, e);
                e->role = R_TABLE;
                e->mode = M_ROWS;
            } else {
                if (kind == K_BLOCK || kind == K_TR) { stream_flush(ss); e->role = R_BLOCK; }
                e->mode = M_PARA;
            }
            break;
        case M_ROWS:
            if (kind == K_TR) {
                e->table = p->table;
                e->row = ++ss->tables[p->table].row;
                e->col = 1;
                e->role = R_ROW;
                e->mode = M_ROW;
            } else if (kind != K_TABLE) {
                e->table = p->table;
                e->mode = M_ROWS;
            }
            break;
        case M_ROW:
            if (kind == K_CELL) {
                if (!open_cell(ss, p, e, atts)) { stop(ss, S_LEFT_TO_LUA); return; }
                e->role = R_CELL;
                e->mode = M_CELL;
            }
            break;
        case M_CELL:
            if (kind != K_TABLE) e->mode = M_CELL;
            else {                          /* a cell holding a table lays out a page: the tree's way */
                stop(ss, S_TREE);
                return;
            }
            break;
        }
    }
    if (e->depth >= w->maxdepth) e->mode = M_SKIP;
    /* a span taken out under this element would have been one deeper (its o:p two): near a limit, the tree's way */
    if (ss->spans_cut && (e->depth + 3 >= w->maxdepth || ss->nopen >= OPEN_MAX - 3)) stop(ss, S_TREE);
    /* a p taken out of a cell read as a paragraph (no row around it) would have been a block: the tree's way */
    if (ss->cells_cut && kind == K_CELL && e->mode == M_PARA) stop(ss, S_TREE);
}

static size_t plain_rows(stream_state *ss, const char *s, size_t from, size_t n, int line);
static size_t plain_items(stream_state *ss, const char *s, size_t from, size_t n, int line, const char *list);
static size_t plain_paras(stream_state *ss, const char *s, size_t from, size_t n, int line, size_t end);

static void stream_start(void *ctx, const xmlChar *fullname, const xmlChar **atts) {
    stream_state *ss = state_of(ctx);
    xmlParserCtxtPtr ctxt = ss->ctxt;
    xmlParserInputPtr in = ctxt->input;
    if (ss->status != S_OK) return;
    if (in == NULL) {
        stop(ss, S_TREE);
        return;
    }
    stream_open(ss, fullname, atts, in->line);
    /* a table whose rows were taken out: they are read here, as libxml2 would have read them */
    if (ss->status == S_OK && ss->next_hollow < ss->nhollows && strcmp((const char *)fullname, "table") == 0) {
        const hollow_table *h = &ss->hollows[ss->next_hollow];
        size_t at = (size_t)in->consumed + (size_t)(in->cur - in->base);
        if (at == h->at && *in->cur == '>') {
            ss->next_hollow++;
            if (h->list) stop(ss, S_AGAIN);
            else plain_rows(ss, ss->kept, h->from, ss->keptn, in->line);
        } else if (at > h->at) {
            stop(ss, S_AGAIN);
        }
    }
    /* a list whose items were taken out: read here too, but in a cell, whose text would keep a
    ** space for the line ends libxml2 then hands on (a paragraph's list is a block, and white
    ** space at a block's end is kept by none; a list skipped or in a table's rows is not read) */
    if (ss->status == S_OK && ss->next_hollow < ss->nhollows &&
        (strcmp((const char *)fullname, "ul") == 0 || strcmp((const char *)fullname, "ol") == 0 ||
         strcmp((const char *)fullname, "p") == 0)) {
        const hollow_table *h = &ss->hollows[ss->next_hollow];
        size_t at = (size_t)in->consumed + (size_t)(in->cur - in->base);
        if (at == h->at && *in->cur == '>' && h->list && strcmp((const char *)fullname, h->list) == 0) {
            ss->next_hollow++;
            if (ss->nopen == 0 || ss->open[ss->nopen - 1].mode == M_CELL) stop(ss, S_AGAIN);
            else if (h->list[0] == 'p') plain_paras(ss, ss->kept, h->from, ss->keptn, in->line, h->end);
            else plain_items(ss, ss->kept, h->from, ss->keptn, in->line, h->list);
        } else if (at >= h->at) {
            stop(ss, S_AGAIN);
        }
    }
}

/* What the walk does once an element's children are done. */
static void close_el(stream_state *ss, open_el *e) {
    html_walk *w = ss->w;
    size_t k;
    switch (e->role) {
    case R_BLOCK:
        stream_flush(ss);
        break;
    case R_TABLE:
        w->nrects = ss->tables[e->table].base;
        ss->ntables = e->table;
        break;
    case R_ROW:
        k = new_block(ss, N_BREAK, e->line ? e->line : 1);
        if (k == (size_t)-1) stop(ss, S_NO_MEMORY);
        else ss->recs[k].len = 0;
        break;
    case R_CELL:
        if (!take_text(ss, &w->cell, e->text_from, e->slot)) stop(ss, S_NO_MEMORY);
        else if (e->marked && ss->recs[e->slot].len == 0) stop(ss, S_LEFT_TO_LUA);
        w->cell.in_run = e->in_run;
        break;
    }
}

static void stream_end(void *ctx, const xmlChar *name) {
    stream_state *ss = state_of(ctx);
    (void)name;
    if (ss->status != S_OK || ss->nopen == 0) return;
    if (ss->nopen == 1 && ss->root == ROOT_OPEN) {
        ss->parked = ss->open[0];       /* closed in the tree walk once all that hangs under it is read */
        ss->nopen = 0;
        ss->root = ROOT_PARKED;
        return;
    }
    ss->nopen--;
    close_el(ss, &ss->open[ss->nopen]);
    if (ss->nopen == 1 && ss->root == ROOT_UNDER) {
        ss->parked = ss->open[0];
        ss->nopen = 0;
        ss->root = ROOT_PARKED;
    }
}

/* The element text goes to, as libxml2's tree would hold it; NULL for none. */
static open_el *text_parent(stream_state *ss) {
    if (ss->status != S_OK || ss->nopen == 0 || (ss->nopen == 1 && ss->root == ROOT_UNDER)) return NULL;
    return &ss->open[ss->nopen - 1];
}

static void stream_text(void *ctx, const xmlChar *s, int len) {
    stream_state *ss = state_of(ctx);
    open_el *e = text_parent(ss);
    html_walk *w = ss->w;
    const xmlChar *name = ss->ctxt ? ss->ctxt->name : NULL;
    if (e == NULL || len <= 0) return;
    /* a style sheet that hides a class: markup.lua reads its rules */
    if (e->mode == M_SKIP && !w->lean.sheets_read && name && strcmp((const char *)name, "style") == 0 &&
        sheet_hides((const char *)s, (size_t)len)) {
        w->lean.sheet = 1;
        stop(ss, S_LEFT_TO_LUA);
        return;
    }
    if (e->mode == M_PARA) {
        if (!buf_put(w, &w->para, (const char *)s, (size_t)len)) { stop(ss, S_NO_MEMORY); return; }
        if (w->para_line == 0) w->para_line = e->line;
    } else if (e->mode == M_CELL) {
        if (!buf_put(w, &w->cell, (const char *)s, (size_t)len)) stop(ss, S_NO_MEMORY);
    }
}

/* Comments and processing instructions are no text: only one at the top
** changes the tree (it comes before the first element), so only those go
** to libxml2. */
static void stream_comment(void *ctx, const xmlChar *value) {
    stream_state *ss = state_of(ctx);
    if (ss->status == S_OK && ss->nopen == 0 && ss->sax.comment) ss->sax.comment(ctx, value);
}

static void stream_pi(void *ctx, const xmlChar *target, const xmlChar *data) {
    stream_state *ss = state_of(ctx);
    if (ss->status == S_OK && ss->nopen == 0 && ss->sax.processingInstruction)
        ss->sax.processingInstruction(ctx, target, data);
}

/* A DOCTYPE goes before every other node of an HTML tree. */
static void stream_subset(void *ctx, const xmlChar *name, const xmlChar *id, const xmlChar *sys) {
    stream_state *ss = state_of(ctx);
    if (ss->seen) ss->root_left = 1;
    if (ss->sax.internalSubset) ss->sax.internalSubset(ctx, name, id, sys);
}

static void stream_reference(void *ctx, const xmlChar *name) {
    (void)name;
    stop(state_of(ctx), S_TREE);
}

/* The page as libxml2 is given it: without the attributes the blocks never
** read (all but a cell's spans), nor the text of comments, scripts and
** styles, which libxml2 would copy a character at a time. Dropped only while this scan reads the markup as libxml2 does, one
** construct at a time (tags, end tags, comments, a DOCTYPE, the text of a
** script or style); at anything else the rest is left as it is. Only
** attributes of printable ASCII or of clean UTF-8 (a style naming a Chinese
** font, a link's title) on one line go: no line moves, and no byte libxml2
** would complain of is taken away. */

#define LEAN_MAX 1000000         /* longer pieces stay: libxml2 has limits of length of its own */
#define RUN_KEPT 8               /* spans and fonts open in a paragraph's run; more end it */

/* Tags read before, by their bytes: all lean_tag reads of a tag that ends
** well is its own bytes, so a tag of the same bytes reads the same (Word
** writes one cell's or span's attributes again and again). Kept in sets by
** the tag's length up to its first '>', a few tags a set. */
#define TAG_SETS 16
#define TAG_WAYS 4
#define TAG_RUNS 4               /* runs of attributes dropped from one tag kept; more: not kept */

typedef struct {
    size_t from;                  /* the tag is src[from..from+len) */
    uint32_t len;                 /* 0: none */
    unsigned char raw, nruns;
    uint32_t runs[TAG_RUNS][2];   /* the runs it dropped, from its start */
} tag_seen;

typedef struct {
    tag_seen sets[TAG_SETS][TAG_WAYS];
    unsigned char next[TAG_SETS]; /* the way a set fills next */
} tag_memo;

typedef struct {
    const char *src;
    size_t n, done;               /* src copied or dropped up to done */
    char *out;                    /* NULL until something is dropped */
    size_t outn;
    html_walk *w;
    int dry;                      /* lean_tag reads a tag and drops nothing */
    int may_hide;                 /* lean_tag read a style or attribute that may hide or strike */
    int spans_cut;                /* a span was taken out around its text */
    int cells_cut;                /* a p was taken out around a cell's text */
    tag_seen *rec;                /* where lean_tag notes the runs it drops, or NULL */
    tag_memo read;                /* tags lean_tag read and dropped from */
    tag_memo quiet;               /* tags quiet_tag took */
} lean_text;

/* What each byte is to the scan: one look-up a byte where names and blanks are read */
enum { CH_BLANK = 1, CH_LETTER = 2, CH_NAME = 4 };
#define LETTER (CH_LETTER | CH_NAME)
static const unsigned char char_class[256] = {
    [' '] = CH_BLANK, ['\t'] = CH_BLANK, ['\n'] = CH_BLANK, ['\r'] = CH_BLANK,
    [':'] = CH_NAME, ['-'] = CH_NAME, ['_'] = CH_NAME, ['.'] = CH_NAME,
    ['a'] = LETTER, ['b'] = LETTER, ['c'] = LETTER, ['d'] = LETTER, ['e'] = LETTER, ['f'] = LETTER, ['g'] = LETTER,
    ['h'] = LETTER, ['i'] = LETTER, ['j'] = LETTER, ['k'] = LETTER, ['l'] = LETTER, ['m'] = LETTER, ['n'] = LETTER,
    ['o'] = LETTER, ['p'] = LETTER, ['q'] = LETTER, ['r'] = LETTER, ['s'] = LETTER, ['t'] = LETTER, ['u'] = LETTER,
    ['v'] = LETTER, ['w'] = LETTER, ['x'] = LETTER, ['y'] = LETTER, ['z'] = LETTER,
    ['A'] = LETTER, ['B'] = LETTER, ['C'] = LETTER, ['D'] = LETTER, ['E'] = LETTER, ['F'] = LETTER, ['G'] = LETTER,
    ['H'] = LETTER, ['I'] = LETTER, ['J'] = LETTER, ['K'] = LETTER, ['L'] = LETTER, ['M'] = LETTER, ['N'] = LETTER,
    ['O'] = LETTER, ['P'] = LETTER, ['Q'] = LETTER, ['R'] = LETTER, ['S'] = LETTER, ['T'] = LETTER, ['U'] = LETTER,
    ['V'] = LETTER, ['W'] = LETTER, ['X'] = LETTER, ['Y'] = LETTER, ['Z'] = LETTER,
    ['0'] = CH_NAME, ['1'] = CH_NAME, ['2'] = CH_NAME, ['3'] = CH_NAME, ['4'] = CH_NAME,
    ['5'] = CH_NAME, ['6'] = CH_NAME, ['7'] = CH_NAME, ['8'] = CH_NAME, ['9'] = CH_NAME
};
#undef LETTER

static int blank_ch(char c) {
    return char_class[(unsigned char)c] & CH_BLANK;
}

static int letter_ch(char c) {
    return char_class[(unsigned char)c] & CH_LETTER;
}

static int name_ch(char c) {
    return char_class[(unsigned char)c] & CH_NAME;
}

/* Is s[0..len) text libxml2 reads without a word, all on one line: printable
** ASCII, or UTF-8 (as nb_encoding_utf8_invalid reads it) of characters XML
** allows (no control byte, no U+FFFE or U+FFFF, which it reports as out of
** range)? One pass: runs of ASCII eight bytes at a time, a character at a
** time otherwise. QUIET_BREAKS lets line ends and tabs pass too (as
** between the runs of a plain table's cell); QUIET_BLANKS carriage returns
** as well (text next to a span taken out). */
enum { QUIET_LINE = 0, QUIET_BREAKS = 1, QUIET_BLANKS = 2 };
static int quiet_run(const char *s, size_t len, int breaks) {
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    const unsigned char *u = (const unsigned char *)s, *e = u + len;
    while (u < e) {
        unsigned c = *u;
        if (c - 0x20u <= 0x7eu - 0x20u) {
            for (u++; e - u >= 8; u += 8) {
                uint64_t w;
                memcpy(&w, u, 8);
                /* a byte below 0x20 (it borrows), 0x7f (it carries) or above */
                if (((w - ones * 0x20) | (w + ones) | w) & highs) break;
            }
            while (u < e && *u - 0x20u <= 0x7eu - 0x20u) u++;
        } else if (c - 0xE1u <= 0xECu - 0xE1u || c == 0xEEu) {
            /* most of Chinese: any two continuation bytes */
            if (e - u < 3 || ((u[1] | (unsigned)u[2] << 8) & 0xC0C0u) != 0x8080u) return 0;
            u += 3;
        } else if (c - 0xC2u <= 0xDFu - 0xC2u) {
            if (e - u < 2 || (u[1] & 0xC0) != 0x80) return 0;
            u += 2;
        } else if (c == 0xE0u || c == 0xEDu || c == 0xEFu) {
            unsigned lo = c == 0xE0u ? 0xA0u : 0x80u, hi = c == 0xEDu ? 0x9Fu : 0xBFu;
            if (e - u < 3 || u[1] < lo || u[1] > hi || (u[2] & 0xC0) != 0x80) return 0;
            if (c == 0xEFu && u[1] == 0xBF && u[2] >= 0xBE) return 0;   /* U+FFFE, U+FFFF */
            u += 3;
        } else if (c - 0xF0u <= 0xF4u - 0xF0u) {
            unsigned lo = c == 0xF0u ? 0x90u : 0x80u, hi = c == 0xF4u ? 0x8Fu : 0xBFu;
            if (e - u < 4 || u[1] < lo || u[1] > hi || (u[2] & 0xC0) != 0x80 || (u[3] & 0xC0) != 0x80) return 0;
            u += 4;
        } else if (breaks && (c == '\n' || c == '\t' || (breaks == QUIET_BLANKS && c == '\r'))) {
            u++;
        } else {
            return 0;                         /* a control byte, 0x7f, or no character's lead */
        }
    }
    return 1;
}

static int quiet_text(const char *s, size_t len) {
    return quiet_run(s, len, QUIET_LINE);
}

/* libxml2's htmlParseHTMLName from s[i] (a letter here): the end, or 0 when
** the name is long enough for libxml2 to cut it. */
static size_t name_end(const char *s, size_t n, size_t i) {
    size_t j = i;
    while (j < n && name_ch(s[j])) j++;
    return j - i < 90 ? j : 0;
}

/* Is s[0..len), each byte's 0x20 bit set, the lowercase name? The bytes are
** compared a word at a time (the bit set in a word is the bit set in each of
** its bytes), the last word overlapping the one before: a handful of steps
** for any name of the markup's, most of which differ in their first bytes. */
static int same_name_n(const char *s, size_t len, const char *name, size_t name_len) {
    if (name_len != len) return 0;
    if (len >= 4) {
        uint32_t a, b;
        size_t k;
        for (k = 0; k + 4 < len; k += 4) {
            memcpy(&a, s + k, 4);
            memcpy(&b, name + k, 4);
            if ((a | UINT32_C(0x20202020)) != b) return 0;
        }
        memcpy(&a, s + len - 4, 4);
        memcpy(&b, name + len - 4, 4);
        return (a | UINT32_C(0x20202020)) == b;
    }
    if (len >= 2) {
        uint16_t a, b, c, d;
        memcpy(&a, s, 2);
        memcpy(&b, name, 2);
        memcpy(&c, s + len - 2, 2);
        memcpy(&d, name + len - 2, 2);
        return (uint16_t)(a | 0x2020u) == b && (uint16_t)(c | 0x2020u) == d;
    }
    return len == 0 || (char)(s[0] | 0x20) == name[0];
}

/* the name's length known where it is written: most names are told apart by it alone */
#define same_name(s, len, name) same_name_n(s, len, name, sizeof name - 1)

/* Drop src[from..to); 0 without memory. */
static int lean_drop(lean_text *t, size_t from, size_t to) {
    if (t->out == NULL) {
        t->out = (char *)t->w->alloc(t->w->alloc_ud, NULL, 0, t->n);
        if (t->out == NULL) return 0;
    }
    memcpy(t->out + t->outn, t->src + t->done, from - t->done);
    t->outn += from - t->done;
    t->done = to;
    return 1;
}

/* Drop src[from..to) and put s[0..len) in its place, len at most to - from
** (the copy never outgrows the page); 0 without memory. */
static int lean_replace(lean_text *t, size_t from, size_t to, const char *s, size_t len) {
    if (!lean_drop(t, from, to)) return 0;
    memcpy(t->out + t->outn, s, len);
    t->outn += len;
    return 1;
}

/* Word's empty <o:p></o:p> at s[i], in either case. */
static int empty_office_p(const char *s, size_t n, size_t i) {
    return n - i >= 11 && (memcmp(s + i, "<o:p></o:p>", 11) == 0 || memcmp(s + i, "<O:P></O:P>", 11) == 0);
}

/* Drop all of src[from..to) but its line ends: the text of a comment, a
** script or a style, which the blocks never read. Not when it is not UTF-8
** (libxml2 would change how it reads the rest of the page there). */
static int lean_squeeze(lean_text *t, size_t from, size_t to) {
    const char *s = t->src;
    size_t seg = from, k;
    if (to <= from || to - from > LEAN_MAX || nb_encoding_utf8_invalid(s + from, to - from) != 0) return 1;
    for (k = from; k < to; k++) {
        const char *nl = memchr(s + k, '\n', to - k);
        if (nl == NULL) break;
        k = (size_t)(nl - s);
        if (k > seg && !lean_drop(t, seg, k)) return 0;
        seg = k + 1;
    }
    return to > seg ? lean_drop(t, seg, to) : 1;
}

/* lean_drop of a run of attributes of the tag at src[i], noted where t->rec says. */
static int tag_drop(lean_text *t, size_t i, size_t from, size_t to) {
    if (t->rec && t->rec->nruns <= TAG_RUNS) {
        if (t->rec->nruns < TAG_RUNS && to - i <= UINT32_MAX) {
            t->rec->runs[t->rec->nruns][0] = (uint32_t)(from - i);
            t->rec->runs[t->rec->nruns][1] = (uint32_t)(to - i);
        }
        t->rec->nruns++;
    }
    return lean_drop(t, from, to);
}

/* Drop the run of attributes src[from..to) of the tag at src[i] when it is
** quiet_text, or all of it but its line ends when each line of it is (a
** value of several lines: libxml2 counts the lines of a tag's blanks as it
** counts those of its values); else keep it. 0 without memory. */
static int drop_run(lean_text *t, size_t i, size_t from, size_t to) {
    const char *s = t->src;
    size_t seg = from, k;
    if (quiet_text(s + from, to - from)) return tag_drop(t, i, from, to);
    for (k = from; k < to; k++) {
        if (s[k] != '\n') continue;
        if (!quiet_text(s + seg, k - seg)) return 1;
        seg = k + 1;
    }
    if (!quiet_text(s + seg, to - seg)) return 1;
    for (seg = k = from; k < to; k++) {
        if (s[k] != '\n') continue;
        if (k > seg && !tag_drop(t, i, seg, k)) return 0;
        seg = k + 1;
    }
    return to > seg ? tag_drop(t, i, seg, to) : 1;
}

/* Are s[from..to) spaces alone (no line end: the lines read the same without them)? */
static int spaces_only(const char *s, size_t from, size_t to) {
    for (; from < to; from++)
        if (s[from] != ' ') return 0;
    return 1;
}

/* A start tag at s[i] ('<' and a letter): the end of the tag (past its '>'),
** *raw set to the element's text kind (1 script or style, 2 one whose
** markup libxml2 versions read differently), or 0 to stop; attributes
** dropped on the way: those only spaces apart together with the spaces, in
** one piece when all of it is quiet_text (it is when each is), else kept. */
static size_t lean_tag(lean_text *t, size_t i, int *raw, int *ok) {
    const char *s = t->src;
    size_t n = t->n, j = name_end(s, n, i + 1), tag = i + 1, taglen, end = 0;
    size_t run_from = 0, run_to = 0;          /* the attributes to drop next: s[run_from..run_to) */
    int keep_all, dropped = 0;                /* dropped: a run of this tag's was (or may have been) */
    *raw = 0;
    *ok = 1;
    if (j == 0) return 0;
    taglen = j - tag;
    keep_all = same_name(s + tag, taglen, "meta");   /* libxml2 reads a meta's charset */
    if (same_name(s + tag, taglen, "script") || same_name(s + tag, taglen, "style")) *raw = 1;
    else if (same_name(s + tag, taglen, "title") || same_name(s + tag, taglen, "textarea") ||
             same_name(s + tag, taglen, "xmp") || same_name(s + tag, taglen, "plaintext") ||
             same_name(s + tag, taglen, "iframe") || same_name(s + tag, taglen, "noembed") ||
             same_name(s + tag, taglen, "noframes")) *raw = 2;
    if (j < n && !blank_ch(s[j]) && s[j] != '>' && s[j] != '/') return 0;
    for (;;) {
        size_t a, an, k;
        while (j < n && blank_ch(s[j])) j++;
        if (j >= n) break;
        if (s[j] == '>') {
            end = j + 1;
            break;
        }
        if (s[j] == '/') {
            if (j + 1 < n && s[j + 1] == '>') {
                *raw = 0;
                end = j + 2;
            }
            break;
        }
        if (!(letter_ch(s[j]) || s[j] == '_' || s[j] == ':' || s[j] == '.')) break;
        a = j;
        an = name_end(s, n, j);
        if (an == 0) break;
        j = an;
        k = j;
        while (k < n && blank_ch(s[k])) k++;
        if (k < n && s[k] == '=') {
            k++;
            while (k < n && blank_ch(s[k])) k++;
            if (k >= n) break;
            if (s[k] == '"' || s[k] == '\'') {
                const char *q = memchr(s + k + 1, s[k], n - k - 1);
                if (q == NULL) break;
                j = (size_t)(q - s) + 1;
            } else {
                size_t v = k;
                while (k < n && !blank_ch(s[k]) && s[k] != '>') k++;
                if (k == v || k >= n) break;
                j = k;
            }
        }
        /* name[=value] is s[a..j); an element that may be hidden or struck keeps all its
        ** attributes for the walk to read (as libxml2 hands them on, references read),
        ** or, when some are dropped already, its page is markup.lua's */
        if ((same_name(s + a, an - a, "style") && style_may_hide(s + an, j - an)) ||
            same_name(s + a, an - a, "hidden")) {
            t->may_hide = 1;
            if (dropped) t->w->lean.hidden = 1;
            keep_all = 1;
            run_to = 0;
        }
        if (t->dry || keep_all || same_name(s + a, an - a, "rowspan") || same_name(s + a, an - a, "colspan"))
            continue;
        if (j - a > LEAN_MAX) continue;
        if (run_to != 0 && spaces_only(s, run_to, a)) {
            run_to = j;
            continue;
        }
        if (run_to != 0 && !drop_run(t, i, run_from, run_to)) goto no_memory;
        dropped |= run_to != 0;
        run_from = a;
        run_to = j;
    }
    /* what was read is dropped, whether or not the tag ends well */
    if (run_to != 0 && !drop_run(t, i, run_from, run_to)) goto no_memory;
    return end;
no_memory:
    *ok = 0;
    return 0;
}

/* The memo's tag of len bytes equal to src[i..i+len), or NULL. */
static tag_seen *memo_find(tag_memo *m, const char *s, size_t i, size_t len) {
    tag_seen *set = m->sets[len % TAG_SETS];
    int k;
    for (k = 0; k < TAG_WAYS; k++)
        if (set[k].len == len && memcmp(s + set[k].from, s + i, len) == 0) return &set[k];
    return NULL;
}

static void memo_put(tag_memo *m, size_t i, size_t len, int raw, const tag_seen *runs) {
    unsigned char *next = &m->next[len % TAG_SETS];
    tag_seen *e = &m->sets[len % TAG_SETS][*next];
    *next = (unsigned char)((*next + 1) % TAG_WAYS);
    if (runs) *e = *runs;
    else e->nruns = 0;
    e->from = i;
    e->len = (uint32_t)len;
    e->raw = (unsigned char)raw;
}

/* The length of the tag at s[i] as far as its first '>' (the memo's key), 0 with none. */
static size_t tag_key(const lean_text *t, size_t i) {
    const char *gt = memchr(t->src + i + 1, '>', t->n - i - 1);
    return gt ? (size_t)(gt - t->src) + 1 - i : 0;
}

/* lean_tag through the memo: a tag of bytes read before has its runs dropped again at the same places. */
static size_t lean_tag_seen(lean_text *t, size_t i, int *raw, int *ok) {
    size_t len = tag_key(t, i), end, k;
    tag_seen *e, fresh;
    if (len != 0 && (e = memo_find(&t->read, t->src, i, len)) != NULL) {
        *raw = e->raw;
        *ok = 1;
        for (k = 0; k < e->nruns; k++)
            if (!lean_drop(t, i + e->runs[k][0], i + e->runs[k][1])) {
                *ok = 0;
                return 0;
            }
        return i + len;
    }
    memset(&fresh, 0, sizeof fresh);
    t->rec = &fresh;
    end = lean_tag(t, i, raw, ok);
    t->rec = NULL;
    if (len != 0 && end == i + len && len <= UINT32_MAX && fresh.nruns <= TAG_RUNS)
        memo_put(&t->read, i, len, *raw, &fresh);
    return end;
}

/* lean_tag's reading of the start tag at s[i], dropping nothing, when all
** of it is quiet_text and it does not close itself: its end, else 0. */
static size_t quiet_tag(lean_text *t, size_t i) {
    const char *s = t->src;
    size_t len = tag_key(t, i), j;
    int raw, ok;
    if (len != 0 && memo_find(&t->quiet, s, i, len) != NULL) return i + len;
    t->dry = 1;
    t->may_hide = 0;
    j = lean_tag(t, i, &raw, &ok);
    t->dry = 0;
    if (j == 0 || t->may_hide || s[j - 2] == '/' || !quiet_text(s + i, j - i)) return 0;
    if (len != 0 && j == i + len && len <= UINT32_MAX) memo_put(&t->quiet, i, len, 0, NULL);
    return j;
}

/* Is s[from..to) text whose every '&' starts a whole reference (a name or
** number and its ';'), which reads the same whatever text follows it? */
static int whole_references(const char *s, size_t from, size_t to) {
    const char *amp;
    while ((amp = memchr(s + from, '&', to - from)) != NULL) {
        size_t k = (size_t)(amp - s) + 1;
        while (k < to && (letter_ch(s[k]) || (s[k] >= '0' && s[k] <= '9') || s[k] == '#')) k++;
        if (k == (size_t)(amp - s) + 1 || k >= to || s[k] != ';') return 0;
        from = k + 1;
    }
    return 1;
}

/* quiet_text but for tabs (a tab is white space to the blocks, on the same line). */
static int quiet_text_tabs(const char *s, size_t from, size_t to) {
    const char *tab;
    while ((tab = memchr(s + from, '\t', to - from)) != NULL) {
        if (!quiet_text(s + from, (size_t)(tab - s) - from)) return 0;
        from = (size_t)(tab - s) + 1;
    }
    return quiet_text(s + from, to - from);
}

/* Is s[from..to), text next to a span taken out, text that reads the same
** joined to the span's: clean UTF-8 (white space of any kind between) and
** whole references? */
static int joinable_text(const char *s, size_t from, size_t to) {
    return quiet_run(s + from, to - from, QUIET_BLANKS) && whole_references(s, from, to);
}

/*{=== tables of plain rows ===*/

/* The rows of most tables are plain: row groups, rows and cells closed in
** turn, of plain text and the cells' spans alone (and the columns' widths
** before them: a col, or cols in a colgroup closed in turn). libxml2 reads such a row
** as its tags and text say (no element is implied or closed for them, as
** none of these names closes the one it is in), handing on each tag and
** each run of text as it is; its reading of them is most of its work on a
** page. Such tables are taken out of what libxml2 is given but for their
** line ends, and plain_rows hands their rows on to the walk in its place. */

#define PLAIN_TEXT_MAX 999       /* libxml2 hands on a run of text of fewer bytes in one piece */

enum { PR_NONE, PR_TBODY, PR_THEAD, PR_TFOOT, PR_TR, PR_TD, PR_TH, PR_TABLE, PR_COLGROUP, PR_COL };
static const char *const plain_names[] = { "", "tbody", "thead", "tfoot", "tr", "td", "th", "table", "colgroup", "col" };
static const size_t plain_lens[] = { 0, 5, 5, 5, 2, 2, 2, 5, 8, 3 };

/* The PR_ of the name s[0..len) in either case, PR_NONE for any other. */
static int plain_name(const char *s, size_t len) {
    int k;
    /* (a cell's or a row's tag most often: the names of its length alone are compared) */
    if (len == 2) {
        for (k = PR_TR; k <= PR_TH; k++)
            if (same_name_n(s, len, plain_names[k], 2)) return k;
        return PR_NONE;
    }
    for (k = PR_TBODY; k <= PR_COL; k++)
        if (same_name_n(s, len, plain_names[k], plain_lens[k])) return k;
    return PR_NONE;
}

/* The elements a cell's text may sit in, as the editors of CMS pages and
** Word write them (after the lean page dropped their attributes). None of
** them closes a cell or another of them as it opens, but for a p, which
** closes a p, a b, an i or a u that is open (CELL_P: taken only where the
** cell itself is what is open); a br is empty, closed as it opens. */
#define CELL_INLINE_MAX 8        /* deeper than this, libxml2's reading of them */
enum { CI_SPAN, CI_FONT, CI_B, CI_STRONG, CI_I, CI_EM, CI_U, CI_OFFICE_P, CI_P, CI_BR, CI_NONE };
static const char *const cell_inline_names[] = { "span", "font", "b", "strong", "i", "em", "u", "o:p", "p", "br" };

/* The CI_ of the name s[0..len) in either case, CI_NONE for any other. */
static int cell_inline(const char *s, size_t len) {
    int k;
    for (k = CI_SPAN; k < CI_NONE; k++)
        if (same_name_n(s, len, cell_inline_names[k], strlen(cell_inline_names[k]))) return k;
    return CI_NONE;
}

/* References libxml2 hands on as their characters (by their names, which it reads in this case alone). */
static const char *const plain_refs[][2] = {
    { "&nbsp;", "\xC2\xA0" }, { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
    /* and the typography of CMS editors: quotes, dashes, an ellipsis, spaces, a dot, a times sign */
    { "&ldquo;", "\xE2\x80\x9C" }, { "&rdquo;", "\xE2\x80\x9D" }, { "&lsquo;", "\xE2\x80\x98" },
    { "&rsquo;", "\xE2\x80\x99" }, { "&mdash;", "\xE2\x80\x94" }, { "&ndash;", "\xE2\x80\x93" },
    { "&hellip;", "\xE2\x80\xA6" }, { "&ensp;", "\xE2\x80\x82" }, { "&emsp;", "\xE2\x80\x83" },
    { "&middot;", "\xC2\xB7" }, { "&times;", "\xC3\x97" }
};

/* The reference of plain_refs at s[at..to): its place there, or -1. */
static int plain_ref(const char *s, size_t at, size_t to) {
    int k;
    for (k = 0; k < (int)(sizeof plain_refs / sizeof plain_refs[0]); k++) {
        size_t len = strlen(plain_refs[k][0]);
        if (to - at >= len && memcmp(s + at, plain_refs[k][0], len) == 0) return k;
    }
    return -1;
}

/* A numeric reference at s[at..to) (&#37; or &#x3000;, its ';' written)
** of a character libxml2 hands on as its UTF-8 (no control, no surrogate,
** no U+FFFE or U+FFFF, none past U+10FFFF): that UTF-8 in out (4 bytes at
** most), its length returned and *end set past the ';'; 0 for any other. */
static size_t numeric_ref(const char *s, size_t at, size_t to, char out[4], size_t *end) {
    size_t k = at + 2, digits = 0;
    unsigned long v = 0;
    int hex;
    if (to - at < 4 || s[at] != '&' || s[at + 1] != '#') return 0;
    hex = s[k] == 'x' || s[k] == 'X';
    if (hex) k++;
    for (; k < to && digits < 8; k++, digits++) {
        char c = s[k];
        if (c >= '0' && c <= '9') v = v * (hex ? 16 : 10) + (unsigned long)(c - '0');
        else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') v = v * 16 + (unsigned long)((c | 0x20) - 'a' + 10);
        else break;
    }
    if (digits == 0 || k >= to || s[k] != ';') return 0;
    if (v < 0x20 || v == 0x7F || (v >= 0xD800 && v <= 0xDFFF) || v == 0xFFFE || v == 0xFFFF || v > 0x10FFFF) return 0;
    *end = k + 1;
    if (v < 0x80) {
        out[0] = (char)v;
        return 1;
    }
    if (v < 0x800) {
        out[0] = (char)(0xC0 | (v >> 6));
        out[1] = (char)(0x80 | (v & 0x3F));
        return 2;
    }
    if (v < 0x10000) {
        out[0] = (char)(0xE0 | (v >> 12));
        out[1] = (char)(0x80 | ((v >> 6) & 0x3F));
        out[2] = (char)(0x80 | (v & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (v >> 18));
    out[1] = (char)(0x80 | ((v >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((v >> 6) & 0x3F));
    out[3] = (char)(0x80 | (v & 0x3F));
    return 4;
}

/* Is s[from..to) text libxml2 hands on as it is: clean UTF-8 of characters
** XML allows (line ends and tabs between), no reference, no \r? */
static int plain_text(const char *s, size_t from, size_t to) {
    if (memchr(s + from, '&', to - from) != NULL) return 0;
    return quiet_run(s + from, to - from, QUIET_BREAKS);
}

/* Past the spaces and line ends at s[j] in a tag (a value of several lines
** the lean page left its line ends of), adding those to *line when given. */
static size_t tag_blanks(const char *s, size_t j, size_t n, int *line) {
    for (; j < n && (s[j] == ' ' || s[j] == '\n'); j++)
        if (line && s[j] == '\n') ++*line;
    return j;
}

/* The line ends in s[from..to). */
static int line_ends(const char *s, size_t from, size_t to) {
    const char *nl;
    int k = 0;
    while (from < to && (nl = memchr(s + from, '\n', to - from)) != NULL) {
        k++;
        from = (size_t)(nl - s) + 1;
    }
    return k;
}

/* The text s[from..to) of a cell, an item or a paragraph: 1 when it is plain
** text and references libxml2 hands on as their characters, with ss each
** run handed on to the walk as libxml2 hands it on (a reference apart). */
static int plain_runs(stream_state *ss, const char *s, size_t from, size_t to) {
    size_t at = from;
    while (at < to) {
        const char *amp = memchr(s + at, '&', to - at);
        size_t run_end = amp ? (size_t)(amp - s) : to, ulen, end;
        char utf8[4];
        int ref;
        if (!ss && !plain_text(s, at, run_end)) return 0;
        if (ss && run_end > at) stream_text(ss->ctxt, (const xmlChar *)(s + at), (int)(run_end - at));
        if (amp == NULL) break;
        if ((ref = plain_ref(s, run_end, to)) >= 0) {
            if (ss) stream_text(ss->ctxt, (const xmlChar *)plain_refs[ref][1], (int)strlen(plain_refs[ref][1]));
            at = run_end + strlen(plain_refs[ref][0]);
        } else if ((ulen = numeric_ref(s, run_end, to, utf8, &end)) != 0) {
            if (ss) stream_text(ss->ctxt, (const xmlChar *)utf8, (int)ulen);
            at = end;
        } else {
            return 0;
        }
    }
    return 1;
}

/* The rows of a table from s[from] (after its start tag) up to its end tag
** "</table>": where that tag starts, or 0 when they are not plain. With
** ss, its rows are handed on to the walk as libxml2 hands them on, the
** start tag ending at s[from - 1] being on line: rows hollow_page found
** plain in the same text, so their text is not checked again. */
static size_t plain_rows(stream_state *ss, const char *s, size_t from, size_t n, int line) {
    size_t i = from;
    int group = PR_NONE, row = 0, cell = PR_NONE;
    int inl[CELL_INLINE_MAX], ninl = 0;       /* the elements open in the cell, innermost last */
    while (i < n) {
        size_t j, k;
        int tag;
        if (s[i] != '<') {
            const char *lt = memchr(s + i, '<', n - i);
            if (lt == NULL) return 0;
            k = (size_t)(lt - s);
            if (k - i > PLAIN_TEXT_MAX) return 0;
            /* white space alone between the tags of rows (the walk reads none of it, nor is
            ** it handed on: a table's, a row group's or a row's text is never read; a line
            ** ends at each \n, a \r before it or not, as libxml2 counts them) */
            if (cell == PR_NONE) {
                if (!ss) for (j = i; j < k; j++)
                    if (s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && (s[j] != '\r' || j + 1 >= k || s[j + 1] != '\n'))
                        return 0;
            } else if (!plain_runs(ss, s, i, k)) {
                /* a cell's text: its runs apart, each reference handed on as its characters alone */
                return 0;
            }
            if (ss) line += line_ends(s, i, k);
            i = k;
            continue;
        }
        if (n - i < 3) return 0;
        if (s[i + 1] == '/') {
            for (j = i + 2; j < n && (letter_ch(s[j]) || s[j] == ':'); j++) {}
            if (j >= n || s[j] != '>') return 0;
            /* an element open in a cell closes as the innermost (another end tag would close more, or none) */
            if (ninl > 0) {
                if (cell_inline(s + i + 2, j - i - 2) != inl[ninl - 1]) return 0;
                ninl--;
                if (ss) stream_end(ss->ctxt, (const xmlChar *)cell_inline_names[inl[ninl]]);
                i = j + 1;
                continue;
            }
            tag = plain_name(s + i + 2, j - i - 2);
            if (tag == PR_TABLE) return group == PR_NONE && !row && cell == PR_NONE ? i : 0;
            if (cell != PR_NONE) {
                if (tag != cell) return 0;
                cell = PR_NONE;
            } else if (row) {
                if (tag != PR_TR) return 0;
                row = 0;
            } else if (group != PR_NONE) {
                if (tag != group) return 0;
                group = PR_NONE;
            } else {
                return 0;
            }
            if (ss) stream_end(ss->ctxt, (const xmlChar *)plain_names[tag]);
            i = j + 1;
        } else {
            /* libxml2's names for the spans and their values, as it hands them on */
            const xmlChar *atts[5];
            char values[2][12];
            int natts = 0;
            for (j = i + 1; j < n && (letter_ch(s[j]) || s[j] == ':'); j++) {}
            if (cell != PR_NONE) {
                /* in a cell, an element of cell_inline_names without attributes: <font >, <br>, <br/> */
                int in = cell_inline(s + i + 1, j - i - 1);
                if (in == CI_NONE || (in == CI_P && ninl > 0) || (in != CI_BR && ninl == CELL_INLINE_MAX)) return 0;
                j = tag_blanks(s, j, n, ss ? &line : NULL);
                if (in == CI_BR && j < n && s[j] == '/') j++;
                if (j >= n || s[j] != '>') return 0;
                if (ss) stream_open(ss, (const xmlChar *)cell_inline_names[in], NULL, line);
                if (in == CI_BR) {
                    if (ss) stream_end(ss->ctxt, (const xmlChar *)cell_inline_names[in]);
                } else {
                    inl[ninl++] = in;
                }
                i = j + 1;
                continue;
            }
            tag = plain_name(s + i + 1, j - i - 1);
            if (tag == PR_TBODY || tag == PR_THEAD || tag == PR_TFOOT || tag == PR_COLGROUP) {
                if (group != PR_NONE || row) return 0;
                group = tag;
            } else if (tag == PR_COL) {
                /* empty: libxml2 closes it as it opens (<col>, <col/>, <col />) */
                if (row || (group != PR_NONE && group != PR_COLGROUP)) return 0;
                j = tag_blanks(s, j, n, ss ? &line : NULL);
                if (j < n && s[j] == '/') j++;
                if (j >= n || s[j] != '>') return 0;
                if (ss) {
                    stream_open(ss, (const xmlChar *)plain_names[tag], NULL, line);
                    stream_end(ss->ctxt, (const xmlChar *)plain_names[tag]);
                }
                i = j + 1;
                continue;
            } else if (tag == PR_TR) {
                /* (a tr closes a colgroup left open) */
                if (row || group == PR_COLGROUP) return 0;
                row = 1;
            } else if (tag == PR_TD || tag == PR_TH) {
                if (!row || cell != PR_NONE) return 0;
                cell = tag;
            } else {
                return 0;
            }
            /* the name, then spans of digits alone, each after a space: name=7, name="7" or name='7' */
            for (;;) {
                size_t a, v;
                char quote = 0;
                const char *att;
                if (j >= n || (s[j] != ' ' && s[j] != '\n' && s[j] != '>')) return 0;
                j = tag_blanks(s, j, n, ss ? &line : NULL);
                if (j >= n) return 0;
                if (s[j] == '>') break;
                if (tag != PR_TD && tag != PR_TH) return 0;
                for (a = j; j < n && letter_ch(s[j]); j++) {}
                if (same_name(s + a, j - a, "colspan")) att = "colspan";
                else if (same_name(s + a, j - a, "rowspan")) att = "rowspan";
                else return 0;
                if (natts == 2 || (natts == 1 && atts[0] == (const xmlChar *)att)) return 0;
                if (j >= n || s[j] != '=') return 0;
                j++;
                if (j < n && (s[j] == '"' || s[j] == '\'')) quote = s[j++];
                for (v = j; j < n && s[j] >= '0' && s[j] <= '9'; j++) {}
                if (j == v || j - v >= sizeof values[0]) return 0;
                memcpy(values[natts], s + v, j - v);
                values[natts][j - v] = '\0';
                if (quote) {
                    if (j >= n || s[j] != quote) return 0;
                    j++;
                }
                atts[2 * natts] = (const xmlChar *)att;
                atts[2 * natts + 1] = (const xmlChar *)values[natts];
                natts++;
            }
            atts[2 * natts] = NULL;
            if (ss) stream_open(ss, (const xmlChar *)plain_names[tag], natts ? atts : NULL, line);
            i = j + 1;
        }
    }
    return 0;
}

/* The items of a list from s[from] (after its start tag) up to its end tag
** "</ul>" or "</ol>" (list, as libxml2 names it): where that tag starts, or
** 0 when they are not plain: items closed in turn, of plain text and a few
** references alone, white space between them. libxml2 hands each on as
** its tags and text say (an li closes none of the elements it may be in
** but an li, and here none is open), and the white space between them as
** text. With ss, they are handed on to the walk so, the start tag ending
** at s[from - 1] being on line. */
static size_t plain_items(stream_state *ss, const char *s, size_t from, size_t n, int line, const char *list) {
    size_t i = from, j, k;
    int item = 0;
    while (i < n) {
        if (s[i] != '<') {
            const char *lt = memchr(s + i, '<', n - i);
            if (lt == NULL) return 0;
            k = (size_t)(lt - s);
            if (k - i > PLAIN_TEXT_MAX) return 0;
            if (!item) {
                /* between items: white space alone (a \r before a \n), handed on as it is */
                if (!ss) for (j = i; j < k; j++)
                    if (s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && (s[j] != '\r' || j + 1 >= k || s[j + 1] != '\n'))
                        return 0;
                if (ss) stream_text(ss->ctxt, (const xmlChar *)(s + i), (int)(k - i));
            } else if (!plain_runs(ss, s, i, k)) {
                return 0;
            }
            if (ss) line += line_ends(s, i, k);
            i = k;
            continue;
        }
        if (n - i < 4) return 0;
        if (s[i + 1] == '/') {
            for (j = i + 2; j < n && letter_ch(s[j]); j++) {}
            if (j >= n || s[j] != '>') return 0;
            if (item && same_name(s + i + 2, j - i - 2, "li")) {
                item = 0;
                if (ss) stream_end(ss->ctxt, (const xmlChar *)"li");
                i = j + 1;
                continue;
            }
            return !item && same_name_n(s + i + 2, j - i - 2, list, 2) ? i : 0;
        }
        /* an item's start tag, without attributes: <li>, <li > */
        if (item || !same_name(s + i + 1, 2, "li")) return 0;
        j = tag_blanks(s, i + 3, n, ss ? &line : NULL);
        if (j >= n || s[j] != '>') return 0;
        if (ss) stream_open(ss, (const xmlChar *)"li", NULL, line);
        item = 1;
        i = j + 1;
    }
    return 0;
}

/* Is s[i..) white space and then a paragraph's start tag, <p> or <p >? */
static int para_next(const char *s, size_t i, size_t n) {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n'))) i++;
    return n - i >= 3 && s[i] == '<' && (s[i + 1] | 0x20) == 'p' && (s[i + 2] == '>' || s[i + 2] == ' ');
}

/* A run of paragraphs from s[from] (after the first one's start tag): each
** closed in turn, of plain text and references in elements of a cell's
** (cell_inline_names but a p and an o:p) closed in turn, white space
** between them, each after the first opened as <p> or <p >. None of these
** closes an element as it opens (a p closes a p, a b, an i or a u, none of
** which is open when one opens here, and the first one's closing was
** libxml2's own). Without ss: the place of the end tag "</p>" of the last
** paragraph read whole (the next one not plain, or none following), or 0
** when the first is not. With ss, all up to that end tag, at end, is handed
** on to the walk as libxml2 would hand it on, the first start tag ending at
** s[from - 1] being on line; libxml2 reads that end tag itself. */
static size_t plain_paras(stream_state *ss, const char *s, size_t from, size_t n, int line, size_t end) {
    size_t i = from, j, k, last = 0;
    int inl[CELL_INLINE_MAX], ninl = 0, in_para = 1;
    while (i < n) {
        int in;
        if (s[i] != '<') {
            const char *lt = memchr(s + i, '<', n - i);
            if (lt == NULL) return last;
            k = (size_t)(lt - s);
            if (k - i > PLAIN_TEXT_MAX) return last;
            if (!in_para) {
                /* between paragraphs: white space alone (para_next read it), handed on as it is */
                if (ss) stream_text(ss->ctxt, (const xmlChar *)(s + i), (int)(k - i));
            } else if (!plain_runs(ss, s, i, k)) {
                return last;
            }
            if (ss) line += line_ends(s, i, k);
            i = k;
            continue;
        }
        if (n - i < 4) return last;
        if (s[i + 1] == '/') {
            for (j = i + 2; j < n && letter_ch(s[j]); j++) {}
            if (j >= n || s[j] != '>') return last;
            if (ninl > 0) {
                if (cell_inline(s + i + 2, j - i - 2) != inl[ninl - 1]) return last;
                ninl--;
                if (ss) stream_end(ss->ctxt, (const xmlChar *)cell_inline_names[inl[ninl]]);
                i = j + 1;
                continue;
            }
            if (!in_para || !same_name(s + i + 2, j - i - 2, "p")) return last;
            if (ss ? i == end : !para_next(s, j + 1, n)) return i;
            last = i;
            if (ss) stream_end(ss->ctxt, (const xmlChar *)"p");
            in_para = 0;
            i = j + 1;
            continue;
        }
        if (!in_para) {
            /* the next paragraph's start tag (para_next found its name) */
            j = tag_blanks(s, i + 2, n, ss ? &line : NULL);
            if (j >= n || s[j] != '>') return last;
            if (ss) stream_open(ss, (const xmlChar *)"p", NULL, line);
            in_para = 1;
            i = j + 1;
            continue;
        }
        /* in a paragraph, an element as in a cell without attributes: <span >, <b>, <br/> */
        for (j = i + 1; j < n && letter_ch(s[j]); j++) {}
        in = cell_inline(s + i + 1, j - i - 1);
        if (in == CI_NONE || in == CI_P || in == CI_OFFICE_P || (in != CI_BR && ninl == CELL_INLINE_MAX)) return last;
        j = tag_blanks(s, j, n, ss ? &line : NULL);
        if (in == CI_BR && j < n && s[j] == '/') j++;
        if (j >= n || s[j] != '>') return last;
        if (ss) stream_open(ss, (const xmlChar *)cell_inline_names[in], NULL, line);
        if (in == CI_BR) {
            if (ss) stream_end(ss->ctxt, (const xmlChar *)cell_inline_names[in]);
        } else {
            inl[ninl++] = in;
        }
        i = j + 1;
    }
    return last;
}

/* The page s[0..n) with the rows of its plain tables taken out but for
** their line ends: *out a copy of len *outn (w's allocator, n bytes) and
** the tables noted in ss, or *out NULL when there is none; 0 without
** memory. Only in clean UTF-8 without a byte order mark, which libxml2
** reads byte for byte (a table's place is where libxml2 reads it). */
static int hollow_page(html_walk *w, stream_state *ss, const char *s, size_t n, char **out, size_t *outn) {
    size_t i = 0, done = 0, on = 0, tables_open = 0;
    char *o = NULL;
    *out = NULL;
    if ((n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) || nb_encoding_utf8_invalid(s, n) != 0) return 1;
    for (;;) {
        const char *lt = memchr(s + i, '<', n - i), *list = NULL;
        size_t k, e, j, name_len;
        if (lt == NULL) break;
        i = (size_t)(lt - s);
        if (n - i >= 7 && same_name(s + i + 1, 5, "table")) {
            name_len = 5;
        } else if (n - i >= 8 && s[i + 1] == '/' && same_name(s + i + 2, 5, "table")) {
            if (tables_open > 0) tables_open--;
            i++;
            continue;
        } else if (tables_open > 0) {
            /* (a list or a paragraph in a cell is read by libxml2 again: none is taken out there) */
            i++;
            continue;
        } else if (n - i >= 4 && (same_name(s + i + 1, 2, "ul") || same_name(s + i + 1, 2, "ol"))) {
            name_len = 2;
            list = (s[i + 1] | 0x20) == 'u' ? "ul" : "ol";
        } else if (n - i >= 3 && (s[i + 1] | 0x20) == 'p' && (s[i + 2] == '>' || s[i + 2] == ' ')) {
            name_len = 1;
            list = "p";
        } else {
            i++;
            continue;
        }
        if (s[i + 1 + name_len] != ' ' && s[i + 1 + name_len] != '>') {
            i++;
            continue;
        }
        /* its start tag to its '>', when no quote could hold one */
        for (k = i + 1 + name_len; k < n && s[k] != '>' && s[k] != '<' && s[k] != '"' && s[k] != '\''; k++) {}
        if (k >= n || s[k] != '>' || s[k - 1] == '/' ||
            (e = !list ? plain_rows(NULL, s, k + 1, n, 0) : list[0] == 'p' ? plain_paras(NULL, s, k + 1, n, 0, 0)
                       : plain_items(NULL, s, k + 1, n, 0, list)) == 0) {
            if (!list && k < n && s[k] == '>' && s[k - 1] != '/') tables_open++;   /* a table not plain: its cells' text is libxml2's */
            i++;
            continue;
        }
        if (o == NULL && (o = (char *)w->alloc(w->alloc_ud, NULL, 0, n)) == NULL) return 0;
        if (ss->nhollows == ss->caphollows) {
            size_t cap = ss->caphollows ? ss->caphollows * 2 : 8;
            hollow_table *h = (hollow_table *)w->alloc(w->alloc_ud, ss->hollows, ss->caphollows * sizeof *h,
                                                       cap * sizeof *h);
            if (h == NULL) {
                w->alloc(w->alloc_ud, o, n, 0);
                return 0;
            }
            ss->hollows = h;
            ss->caphollows = cap;
        }
        memcpy(o + on, s + done, k + 1 - done);
        on += k + 1 - done;
        ss->hollows[ss->nhollows].at = on - 1;
        ss->hollows[ss->nhollows].from = k + 1;
        ss->hollows[ss->nhollows].list = list;
        ss->hollows[ss->nhollows].end = e;
        ss->nhollows++;
        /* (a table's rows hold few line ends: each found by memchr, not each byte looked at) */
        for (j = k + 1; j < e; j++) {
            const char *nl = memchr(s + j, '\n', e - j);
            if (nl == NULL) break;
            o[on++] = '\n';
            j = (size_t)(nl - s);
        }
        done = i = e;
    }
    if (o == NULL) return 1;
    memcpy(o + on, s + done, n - done);
    *out = o;
    *outn = on + (n - done);
    return 1;
}

/*}===*/

/* Has s[from..to) a byte that is not libxml2's white space (which it always reports as text)? */
static int has_ink(const char *s, size_t from, size_t to) {
    for (; from < to; from++)
        if (!blank_ch(s[from])) return 1;
    return 0;
}

/* A span, font or link at s[i] that holds text alone (and, in the body,
** Word's empty o:p after it), where a p, td, th, li or div (or the like
** element before it) or a span or font in one is what is open:
** <span ...>text</span>. libxml2 would open it under that element, closing
** nothing (a span or a font closes a head alone, a link a head or a link,
** and no link is what is open there), put the text in it and close it;
** without it the text goes to the element. The blocks read the text the same in both
** (neither is a block; the o:p, read as a <br>, ends the paragraph all the
** same; the caller sees to the paragraph's line), and the text reads the
** same next to the text around it (whole references, no line end, clean
** UTF-8; the text after it up to a tag joinable_text). The end of its end
** tag, with the text at *text_from..*text_to and *office set when the o:p
** follows the text; 0 when it is no such element. */
static size_t text_inline(lean_text *t, size_t i, int in_body, size_t *text_from, size_t *text_to, int *office) {
    const char *s = t->src, *lt, *name;
    size_t n = t->n, j, k, name_len;
    if (n - i < 13) return 0;
    if (same_name(s + i + 1, 4, "span")) name = "span";
    else if (same_name(s + i + 1, 4, "font")) name = "font";
    else if ((s[i + 1] | 0x20) == 'a') name = "a";
    else return 0;
    name_len = strlen(name);
    if (name_ch(s[i + 1 + name_len])) return 0;
    if ((j = quiet_tag(t, i)) == 0) return 0;
    lt = memchr(s + j, '<', n - j);
    if (lt == NULL) return 0;
    k = (size_t)(lt - s);
    if (!quiet_text_tabs(s, j, k) || !whole_references(s, j, k)) return 0;
    *text_from = j;
    *text_to = k;
    *office = in_body && empty_office_p(s, n, k);
    if (*office) k += 11;
    /* its end tag, as its start tag names it */
    if (n - k < name_len + 4 || s[k] != '<' || s[k + 1] != '/' || !same_name_n(s + k + 2, name_len, name, name_len) ||
        s[k + 2 + name_len] != '>')
        return 0;
    j = k + 3 + name_len;
    /* then a tag, or text joinable_text up to one */
    if (s[j] != '<') {
        lt = memchr(s + j, '<', n - j);
        if (lt == NULL || !joinable_text(s, j, (size_t)(lt - s))) return 0;
    }
    return j;
}

/* Take out the span text_inline found at s[i], ending at j, its o:p read as
** a <br>; in a cell, where a <br> adds nothing to the text, with none: 0
** without memory. */
static int cut_span(lean_text *t, size_t i, size_t j, size_t text_from, size_t text_to, int office, int in_cell) {
    if (!lean_drop(t, i, text_from) || (office && !in_cell && !lean_replace(t, text_to, text_to + 11, "<br>", 4)) ||
        !lean_drop(t, office && !in_cell ? text_to + 11 : text_to, j))
        return 0;
    t->spans_cut = 1;
    return 1;
}

/* A p at s[i] right after a td or th opens, which holds text alone or spans
** text_inline takes out (right after it and after each other), its end tag
** then the cell's: <td><p ...>text</p></td>. libxml2 would open it under the
** cell, closing nothing, put the text in it and close it; without it the
** text goes to the cell. The blocks read a cell's text the same through a
** p in it, when the cell is one of a row (stream_start goes the tree's way
** for a cell read as a paragraph, where the p would be a block; and near the
** depth limits, as for spans). The p's tags are dropped (no line end in
** them), and the spans with their o:p's; the place of the cell's end tag returned, 0 when
** it is no such p (nothing dropped), (size_t)-1 without memory. */
static size_t cell_paragraph(lean_text *t, size_t i, int in_body) {
    const char *s = t->src, *lt;
    size_t n = t->n, j, k, done = t->done, outn = t->outn;
    int spans_cut = t->spans_cut;
    if (n - i < 3 || (s[i + 1] | 0x20) != 'p' || name_ch(s[i + 2])) return 0;
    if ((j = quiet_tag(t, i)) == 0) return 0;
    if (!lean_drop(t, i, j)) return (size_t)-1;
    k = j;
    for (;;) {
        size_t end, text_from, text_to;
        int office;
        if (k >= n || s[k] != '<' || (end = text_inline(t, k, in_body, &text_from, &text_to, &office)) == 0) break;
        if (!cut_span(t, k, end, text_from, text_to, office, 1)) return (size_t)-1;
        k = end;
    }
    if (k == j) {                             /* no span: text alone */
        lt = memchr(s + k, '<', n - k);
        if (lt == NULL) goto not_one;
        k = (size_t)(lt - s);
    }
    if (n - k < 9 || !same_name(s + k, 4, "</p>") ||
        !(same_name(s + k + 4, 5, "</td>") || same_name(s + k + 4, 5, "</th>")))
        goto not_one;
    if (!lean_drop(t, k, k + 4)) return (size_t)-1;
    t->spans_cut = 1;                         /* its text was one deeper: the depth limits' check */
    t->cells_cut = 1;
    return k + 4;
not_one:
    t->done = done;
    t->outn = outn;
    t->spans_cut = spans_cut;
    return 0;
}

/* The page with the attributes dropped: *out set to a copy of len *outn
** (the caller's to free with w's allocator), or left NULL when nothing was
** dropped; 0 without memory. */
static int lean_page(html_walk *w, const char *s, size_t n, char **out, size_t *outn, int *spans_cut,
                     int *cells_cut) {
    lean_text t;
    size_t i = 0;
    int in_body = 0;                          /* a body is open: no head can be what is open */
    /* The run of a p, td, th, li or div: its text, spans text_inline takes out, and
    ** spans or fonts kept (their end tags closing them in turn), read up to
    ** run_at. A span taken out gives its text to what is open, on that
    ** element's line: so the paragraph's line stays when the text before it
    ** has ink (it is reported first) or no line ends since the run opened
    ** (all of it is on one line). */
    size_t run_at = (size_t)-1;               /* (size_t)-1: no run */
    size_t cell_open = (size_t)-1;            /* where a td or th opened is what is open */
    int run_line_end = 0, run_ink = 0;        /* a line end since it opened; text with ink since its last block */
    int run_kept = 0;                         /* spans and fonts open in it */
    char run_names[RUN_KEPT];                 /* theirs: 's' span, 'f' font */
    t.src = s;
    t.n = n;
    t.done = 0;
    t.out = NULL;
    t.outn = 0;
    t.w = w;
    t.dry = 0;
    t.may_hide = 0;
    t.spans_cut = 0;
    t.cells_cut = 0;
    t.rec = NULL;
    memset(&t.read, 0, sizeof t.read);
    memset(&t.quiet, 0, sizeof t.quiet);
    *out = NULL;
    *spans_cut = 0;
    *cells_cut = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        size_t from = i;
        int in_run;
        char c;
        if (lt == NULL) break;
        i = (size_t)(lt - s);
        if (i + 1 >= n) break;
        c = s[i + 1];
        /* the run goes on at this tag only when nothing but text came since it was read */
        in_run = from == run_at;
        run_at = (size_t)-1;
        if (in_run && i > from) {
            if (!run_line_end && memchr(s + from, '\n', i - from) != NULL) run_line_end = 1;
            if (!run_ink) run_ink = has_ink(s, from, i);
        }
        if (c == '/') {                       /* an end tag: </name> */
            size_t j;
            if (i + 2 >= n || !letter_ch(s[i + 2]) || (j = name_end(s, n, i + 2)) == 0) break;
            /* the kept span or font it closes: the run goes on */
            if (in_run && run_kept > 0 && j - i - 2 == 4 && j < n && s[j] == '>' &&
                same_name_n(s + i + 2, 4, run_names[run_kept - 1] == 's' ? "span" : "font", 4)) {
                run_kept--;
                i = run_at = j + 1;
                continue;
            }
            /* these may close the body (a head's and an html's end outrank it) */
            if (same_name(s + i + 2, j - i - 2, "body") || same_name(s + i + 2, j - i - 2, "head") ||
                same_name(s + i + 2, j - i - 2, "html"))
                in_body = 0;
            while (j < n && blank_ch(s[j])) j++;
            if (j >= n || s[j] != '>') break;
            i = j + 1;
        } else if (c == '!') {
            if (n - i >= 4 && s[i + 2] == '-' && s[i + 3] == '-') {
                /* a comment ends at the first -->, where libxml2's of every version agree */
                size_t from = i + 4, k;
                const char *end = NULL;
                if (from < n && (s[from] == '>' || (s[from] == '-' && from + 1 < n && s[from + 1] == '>'))) break;
                for (k = from; k + 2 < n; k++) {
                    if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>') { end = s + k; break; }
                    if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '!') break;
                }
                if (end == NULL) break;
                if (!lean_squeeze(&t, from, (size_t)(end - s))) goto no_memory;
                i = (size_t)(end - s) + 3;
            } else if (n - i >= 9 && same_name(s + i + 2, 7, "doctype")) {
                /* to its first '>', when no quoted literal could hold one */
                const char *gt = memchr(s + i, '>', n - i);
                size_t k, quotes = 0;
                if (gt == NULL) break;
                for (k = i + 1; k < (size_t)(gt - s); k++) {
                    if (s[k] == '"') quotes++;
                    else if (s[k] == '\'' || s[k] == '<') break;
                }
                if (k < (size_t)(gt - s) || quotes % 2 != 0) break;
                i = (size_t)(gt - s) + 1;
            } else break;
        } else if (in_body && empty_office_p(s, n, i)) {
            /* libxml2 reports the unknown o:p as an error, and reads an empty one as it reads a
            ** <br> (a block the walk passes, closing nothing but a head); no head is open here */
            if (!lean_replace(&t, i, i + 11, "<br>", 4)) goto no_memory;
            i += 11;
        } else if (letter_ch(c)) {
            int raw, ok, office;
            size_t j, name_from = i + 1, name_len, text_from, text_to;
            if (i == cell_open && (j = cell_paragraph(&t, i, in_body)) != 0) {
                if (j == (size_t)-1) goto no_memory;
                i = j;
                cell_open = (size_t)-1;
                continue;
            }
            if (in_run && (run_ink || !run_line_end) && (i == from || joinable_text(s, from, i)) &&
                (j = text_inline(&t, i, in_body, &text_from, &text_to, &office)) != 0) {
                if (!cut_span(&t, i, j, text_from, text_to, office, 0)) goto no_memory;
                /* its o:p, a <br>, ends the paragraph: what follows starts the next */
                run_ink = office ? 0 : run_ink || has_ink(s, text_from, text_to);
                i = run_at = j;
                continue;
            }
            j = lean_tag_seen(&t, i, &raw, &ok);
            if (!ok) goto no_memory;
            if (j == 0) break;
            name_len = name_end(s, n, name_from) - name_from;
            /* a run opens here or goes on, or a body opens; not at one closed as it opens (<p/>) */
            if (s[j - 2] != '/') {
                if (same_name(s + name_from, name_len, "td") || same_name(s + name_from, name_len, "th")) {
                    run_at = cell_open = j;
                    run_line_end = run_ink = run_kept = 0;
                } else if (same_name(s + name_from, name_len, "p") || same_name(s + name_from, name_len, "li") ||
                           same_name(s + name_from, name_len, "div")) {
                    run_at = j;
                    run_line_end = run_ink = run_kept = 0;
                } else if (in_run && run_kept < RUN_KEPT &&
                           (same_name(s + name_from, name_len, "span") || same_name(s + name_from, name_len, "font"))) {
                    /* a span or font kept in the run, on the line its tag ends */
                    run_names[run_kept++] = (s[name_from] | 0x20) == 's' ? 's' : 'f';
                    if (!run_line_end && memchr(s + i, '\n', j - i) != NULL) run_line_end = 1;
                    run_at = j;
                } else if (same_name(s + name_from, name_len, "body"))
                    in_body = 1;
            }
            i = j;
            if (raw) {
                /* its text runs to </name (libxml2 compares that much of the name), which must end there;
                ** a title's and the like's hold no markup, as libxml2 versions read theirs differently */
                size_t k = i, e;
                for (;;) {
                    const char *lt2 = memchr(s + k, '<', n - k);
                    if (lt2 == NULL) { k = n; break; }
                    k = (size_t)(lt2 - s);
                    if (k + 1 < n && s[k + 1] == '/' && n - k - 2 >= name_len) {
                        size_t m;
                        for (m = 0; m < name_len; m++)
                            if ((s[k + 2 + m] | 0x20) != (s[name_from + m] | 0x20)) break;
                        if (m == name_len) break;
                    }
                    /* a tag right at the start is read as one (an end tag may close the element) */
                    if (raw == 2 || (k == i && k + 1 < n && (s[k + 1] == '/' || s[k + 1] == '_' ||
                                                            s[k + 1] == ':' || letter_ch(s[k + 1])))) {
                        k = n;
                        break;
                    }
                    k++;
                }
                if (k >= n) break;
                e = k + 2 + name_len;
                while (e < n && blank_ch(s[e])) e++;
                if (e >= n || s[e] != '>') break;
                /* a style sheet that hides a class: markup.lua reads its rules (the rest of the page unread) */
                if (raw == 1 && !t.w->lean.sheets_read && name_len == 5 && (s[name_from] | 0x20) == 's' &&
                    sheet_hides(s + i, k - i)) {
                    t.w->lean.hidden = t.w->lean.sheet = 1;
                    break;
                }
                if (raw == 1 && !lean_squeeze(&t, i, k)) goto no_memory;
                i = e + 1;
            }
        } else if (blank_ch(c) || (c >= '0' && c <= '9') || c == '=' || c == '<' || c == '>') {
            i++;                              /* a '<' libxml2 keeps as text */
        } else break;
    }
    *spans_cut = t.spans_cut;
    *cells_cut = t.cells_cut;
    if (t.out == NULL) return 1;
    memcpy(t.out + t.outn, s + t.done, n - t.done);
    *outn = t.outn + (n - t.done);
    *out = t.out;
    return 1;
no_memory:
    if (t.out) w->alloc(w->alloc_ud, t.out, t.n, 0);
    return 0;
}

/* read_lean's parse with the callbacks above, the rows of plain tables
** read here when hollow is set: S_ codes. */
static int stream_read(lua_State *L, html_walk *w, const char *buf, int len, int hollow) {
    stream_state *ss;
    xmlParserCtxtPtr ctxt;
    char *lean, *hollowed = NULL;
    size_t leann = 0, hollowedn = 0;
    if (memchr(buf, 0, (size_t)len) != NULL) return S_TREE;
    ss = (stream_state *)w->alloc(w->alloc_ud, NULL, 0, sizeof *ss);
    if (ss == NULL) return S_NO_MEMORY;
    memset(ss, 0, offsetof(stream_state, open));
    w->stream = ss;
    ss->L = L;
    ss->w = w;
    w->x->xmlInitParser();
    if (!lean_page(w, buf, (size_t)len, &lean, &leann, &ss->spans_cut, &ss->cells_cut)) return S_NO_MEMORY;
    if (w->lean.hidden) {
        if (lean) w->alloc(w->alloc_ud, lean, (size_t)len, 0);
        return S_LEFT_TO_LUA;
    }
    /* the lean page is kept while the rows taken out of it are read from it */
    if (lean) {
        ss->kept_own = lean;
        ss->kept_cap = (size_t)len;
    }
    ss->kept = lean ? lean : buf;
    ss->keptn = lean ? leann : (size_t)len;
    if (hollow && !hollow_page(w, ss, ss->kept, ss->keptn, &hollowed, &hollowedn)) return S_NO_MEMORY;
    /* libxml2 copies the text into its own input */
    ctxt = ss->ctxt = w->x->xmlCreateMemoryParserCtxt(hollowed ? hollowed : ss->kept,
                                                     (int)(hollowed ? hollowedn : ss->keptn));
    if (hollowed) w->alloc(w->alloc_ud, hollowed, ss->keptn, 0);
    if (ctxt == NULL || ctxt->sax == NULL || ctxt->input == NULL) return S_TREE;
    w->x->htmlDefaultSAXHandlerInit();
    memcpy(ctxt->sax, w->x->__htmlDefaultSAXHandler(), sizeof(xmlSAXHandlerV1));
    ss->sax = *ctxt->sax;
    ctxt->_private = ss;
    ctxt->sax->startElement = stream_start;
    ctxt->sax->endElement = stream_end;
    ctxt->sax->characters = stream_text;
    ctxt->sax->cdataBlock = stream_text;
    ctxt->sax->comment = stream_comment;
    ctxt->sax->processingInstruction = stream_pi;
    ctxt->sax->internalSubset = stream_subset;
    ctxt->sax->reference = stream_reference;
    read_as_page(w->x, ctxt);
    /* white space is handed on as text only while blanks are kept (areBlanks reads the tree) */
    if (!ctxt->keepBlanks) return S_TREE;
    w->x->htmlParseDocument(ctxt);
    if (ctxt->myDoc) w->x->xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = NULL;
    w->x->xmlFreeParserCtxt(ctxt);
    ss->ctxt = NULL;
    if (ss->status == S_OK && ss->next_hollow != ss->nhollows) return S_AGAIN;
    if (ss->status == S_OK && !ss->seen) return S_TREE;   /* no content: the tree's way says so */
    while (ss->status == S_OK && ss->nopen > 0) {
        ss->nopen--;
        close_el(ss, &ss->open[ss->nopen]);
    }
    if (ss->status == S_OK && ss->root == ROOT_PARKED) close_el(ss, &ss->parked);
    if (ss->status == S_OK) stream_flush(ss);
    return ss->status;
}

/* A record's block with the fields every block has: its kind, its text
** (a break's is empty) and its line (col left out: 1); room for `more`. */
static void push_record(lua_State *L, const html_walk *w, const stream_state *ss, const block_rec *r,
                        int kind, int more) {
    lua_createtable(L, 0, 3 + more);
    set_name(L, w, N_KIND, kind);
    if (kind == N_BREAK || r->len == 0) {
        set_name(L, w, N_TEXT, N_EMPTY);
    } else if (r->len == 1 && ss->texts.p[r->text] >= '0' && ss->texts.p[r->text] <= '9') {
        set_name(L, w, N_TEXT, N_DIGITS + (ss->texts.p[r->text] - '0'));
    } else {
        lua_pushvalue(L, w->names + N_TEXT);
        lua_pushlstring(L, ss->texts.p + r->text, r->len);
        lua_rawset(L, -3);
    }
    set_int(L, w, N_LINE, r->line);
}

/* The records as markup.lua's blocks, on the list at w->blocks. */
static void push_records(lua_State *L, html_walk *w) {
    stream_state *ss = w->stream;
    lua_Integer grid = 0, cells = 0;
    size_t k;
    for (k = 0; k < ss->nrecs; k++) {
        const block_rec *r = &ss->recs[k];
        if (r->kind == N_CELL) {
            if (r->grid != grid) {
                char name[32];
                table_cells(w, cells);          /* the table before, its cells in a run */
                cells = 0;
                snprintf(name, sizeof name, "h" LUA_INTEGER_FMT, r->grid);
                lua_pushstring(L, name);
                if (grid != 0) lua_replace(L, -2);
                grid = r->grid;
            }
            push_record(L, w, ss, r, N_CELL, w->spans ? 7 : 4);
            lua_pushvalue(L, w->names + N_GRID);
            lua_pushvalue(L, -3);
            lua_rawset(L, -3);
            set_int(L, w, N_ROW, r->row);
            if (w->spans) {
                set_int(L, w, N_COLUMN, r->column);
                set_int(L, w, N_ROWSPAN, r->rowspan);
                set_int(L, w, N_COLSPAN, r->colspan);
            }
            set_int(L, w, N_X0, r->column);
            set_int(L, w, N_X1, r->column + r->colspan);
            cells++;
        } else {
            push_record(L, w, ss, r, r->kind == N_PARA ? N_PARA : N_BREAK, 0);
        }
        lua_rawseti(L, w->blocks, (lua_Integer)k + 1);
    }
    if (grid != 0) lua_pop(L, 1);
    table_cells(w, cells);
    set_twins(L, w);
}

/*}===*/

/* A walk before its read: nothing read, nothing held. */
static void walk_init(lua_State *L, html_walk *w, const libxml_functions *x, int maxdepth, int flags) {
    memset(w, 0, sizeof *w);
    w->x = x;
    w->alloc = lua_getallocf(L, &w->alloc_ud);
    w->maxdepth = maxdepth;
    w->spans = (flags & NB_HTML_SPANS) != 0;
    w->lean.sheets_read = (flags & NB_HTML_SHEETS_READ) != 0;
}

/* false, and "sheet" when a style sheet that may hide an element is why the page is markup.lua's */
static int left_to_lua(lua_State *L, const html_walk *w) {
    lua_pushboolean(L, 0);
    if (!w->lean.sheet) return 1;
    lua_pushliteral(L, "sheet");
    return 2;
}

int nb_html_blocks(lua_State *L, const char *buf, size_t len, int maxdepth, int flags) {
    const libxml_functions *x;
    html_walk *w;
    xmlNode *root;
    int st;
    if (len > INT_MAX) {
        lua_pushnil(L);
        lua_pushliteral(L, "HTML text too large");
        return 0;
    }
    /* the library before the walk: the walk is finalised before the library is closed */
    if ((x = libxml_of(L)) == NULL) return 0;
    w = (html_walk *)lua_newuserdatauv(L, sizeof *w, 0);
    walk_init(L, w, x, maxdepth, flags);
    if (luaL_newmetatable(L, "nianbao.html.walk")) {
        lua_pushcfunction(L, walk_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    /* the names, the list, and room for what the walk pushes (a cell's table and two more) */
    luaL_checkstack(L, N_COUNT + 8, "HTML names");
    st = stream_read(L, w, buf, (int)len, 1);
    if (st == S_AGAIN) {
        walk_free(w);
        walk_init(L, w, x, maxdepth, flags);
        st = stream_read(L, w, buf, (int)len, 0);
    }
    if (st == S_NO_MEMORY) {
        walk_free(w);
        return luaL_error(L, "not enough memory");
    }
    if (st == S_LEFT_TO_LUA) {
        walk_free(w);
        return left_to_lua(L, w);
    }
    if (st == S_OK) {
        w->names = lua_gettop(L) + 1;
        for (st = 0; st < N_COUNT; st++) lua_pushstring(L, names[st]);
        lua_createtable(L, w->stream->nrecs < INT_MAX ? (int)w->stream->nrecs : 0, 0);
        w->blocks = lua_gettop(L);
        push_records(L, w);
        walk_free(w);
        return 1;
    }
    walk_free(w);
    memset(&w->para, 0, sizeof w->para);
    memset(&w->cell, 0, sizeof w->cell);
    w->para_line = 0;
    w->tables = 0;
    w->nrects = 0;
    w->doc = read_lean(x, &w->lean, buf, (int)len);
    if (w->doc == NULL || (root = x->xmlDocGetRootElement(w->doc)) == NULL) {
        walk_free(w);
        lua_pushnil(L);
        lua_pushliteral(L, "no HTML content");
        return 0;
    }
    w->names = lua_gettop(L) + 1;
    for (st = 0; st < N_COUNT; st++) lua_pushstring(L, names[st]);
    lua_newtable(L);
    w->blocks = lua_gettop(L);
    st = walk_doc(L, w, root);
    walk_free(w);
    if (st != WALK_OK || w->lean.hidden) {
        lua_pop(L, 1);
        return left_to_lua(L, w);
    }
    set_twins(L, w);
    return 1;
}

/*}===*/
