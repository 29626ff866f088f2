/*
** nb_html.c — libxml2's HTML and XML parsers, their trees copied into Lua tables.
*/
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <lauxlib.h>
#include "nb_html.h"
#include "nb_text.h"

static int skipped(const xmlNode *n) {
    const char *name = (const char *)n->name;
    return strcmp(name, "script") == 0 || strcmp(name, "style") == 0 ||
           strcmp(name, "noscript") == 0 || strcmp(name, "template") == 0;
}

/* Push node n as a Lua value; returns 0 when the Lua stack cannot grow. */
static int push_node(lua_State *L, xmlNode *n, int depth, int maxdepth) {
    xmlNode *c;
    xmlAttr *a;
    lua_Integer k = 0;
    if (!lua_checkstack(L, 6)) return 0;
    lua_newtable(L);
    lua_pushstring(L, (const char *)n->name);
    lua_setfield(L, -2, "tag");
    lua_pushinteger(L, (lua_Integer)xmlGetLineNo(n));
    lua_setfield(L, -2, "line");
    lua_newtable(L);
    for (a = n->properties; a; a = a->next) {
        xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
        lua_pushstring(L, v ? (const char *)v : "");
        lua_setfield(L, -2, (const char *)a->name);
        xmlFree(v);
    }
    lua_setfield(L, -2, "attrs");
    if (depth >= maxdepth) return 1;   /* deeper content is dropped, not crashed on */
    for (c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content == NULL || c->content[0] == '\0') continue;
            lua_pushstring(L, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
            if (!push_node(L, c, depth + 1, maxdepth)) return 0;
        } else {
            continue;
        }
        lua_rawseti(L, -2, ++k);
    }
    return 1;
}

/* Push doc's tree under a "#document" node and free doc; 0 with nil and a
** reason pushed when there is no tree or it is nested too deeply. */
static int push_doc(lua_State *L, xmlDocPtr doc, int maxdepth, const char *kind) {
    xmlNode *root, *n;
    int top = lua_gettop(L), ok = 1;
    lua_Integer k = 0;
    if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
        xmlFreeDoc(doc);
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
            ok = push_node(L, n, 1, maxdepth);
            if (ok) lua_rawseti(L, -2, ++k);
        } else if (n->type == XML_TEXT_NODE && n->content) {
            lua_pushstring(L, (const char *)n->content);
            lua_rawseti(L, -2, ++k);
        }
    }
    xmlFreeDoc(doc);
    if (!ok) {
        lua_settop(L, top);
        lua_pushnil(L);
        lua_pushfstring(L, "%s nested too deeply", kind);
        return 0;
    }
    return 1;
}

int nb_html_parse(lua_State *L, const char *buf, size_t len, int maxdepth) {
    if (len > INT_MAX) {
        lua_pushnil(L);
        lua_pushliteral(L, "HTML text too large");
        return 0;
    }
    return push_doc(L, htmlReadMemory(buf, (int)len, NULL, "UTF-8",
                                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED),
                    maxdepth, "HTML");
}

int nb_xml_parse(lua_State *L, const char *buf, size_t len, int maxdepth) {
    if (len > INT_MAX) {
        lua_pushnil(L);
        lua_pushliteral(L, "XML text too large");
        return 0;
    }
    /* no network, no external entities, no entity expansion: a document
    ** cannot reach beyond itself or grow itself */
    return push_doc(L, xmlReadMemory(buf, (int)len, NULL, NULL,
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
** field set from there is not looked up by its C string each time. */
enum { N_KIND, N_TEXT, N_LINE, N_COL, N_GRID, N_ROW, N_COLUMN, N_ROWSPAN, N_COLSPAN, N_X0, N_X1,
       N_PARA, N_CELL, N_BREAK, N_EMPTY, N_COUNT };
static const char *const names[N_COUNT] = {
    "kind", "text", "line", "col", "grid", "row", "column", "rowspan", "colspan", "x0", "x1",
    "para", "cell", "break", ""
};

typedef struct {
    xmlSAXHandler sax;            /* libxml2's callbacks, which the lean parse calls from its own */
} lean_parse;

typedef struct {
    xmlDocPtr doc;
    lua_Alloc alloc;
    void *alloc_ud;
    text_buf para, cell;
    lua_Integer para_line;        /* 0: none yet */
    lua_Integer nblocks, tables;
    int blocks;                   /* stack index of the list */
    int names;                    /* stack index of names[0] */
    int maxdepth;
    int nrects;
    span_rect rects[SPAN_STACK];
    lean_parse lean;
} html_walk;

enum { WALK_OK = 0, WALK_LEFT_TO_LUA = 1 };

static void walk_free(html_walk *w) {
    if (w->doc) xmlFreeDoc(w->doc);
    w->doc = NULL;
    if (w->para.p) w->alloc(w->alloc_ud, w->para.p, w->para.cap, 0);
    if (w->cell.p) w->alloc(w->alloc_ud, w->cell.p, w->cell.cap, 0);
    w->para.p = w->cell.p = NULL;
}

/* __gc of the walk: what an error left (a walk that ends frees its own). */
static int walk_gc(lua_State *L) {
    walk_free((html_walk *)lua_touserdata(L, 1));
    return 0;
}

/* Append s with each run of " \t\r\n\f" as one space (markup.lua's clean,
** across pieces as table.concat then gsub would). */
static void buf_add(lua_State *L, html_walk *w, text_buf *b, const char *s) {
    size_t len = strlen(s);
    const char *e = s + len;
    if (b->cap - b->n < len) {
        size_t cap = b->cap ? b->cap : 256;
        char *p;
        while (cap - b->n < len) {
            if (cap > ((size_t)-1) / 2) luaL_error(L, "not enough memory");
            cap *= 2;
        }
        p = (char *)w->alloc(w->alloc_ud, b->p, b->p ? b->cap : 0, cap);
        if (p == NULL) luaL_error(L, "not enough memory");
        b->p = p;
        b->cap = cap;
    }
    for (; s < e; s++) {
        char c = *s;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
            if (!b->in_run) b->p[b->n++] = ' ';
            b->in_run = 1;
        } else {
            b->p[b->n++] = c;
            b->in_run = 0;
        }
    }
}

/* Push b's text trimmed as labels.trim does, and empty b. */
static void buf_push_trimmed(lua_State *L, text_buf *b) {
    size_t i = 0, j = 0;
    if (b->p) nb_text_trim(b->p, b->n, &i, &j);
    lua_pushlstring(L, b->p ? b->p + i : "", j - i);
    b->n = 0;
    b->in_run = 0;
}

static lua_Integer line_of(const xmlNode *n) {
    long line = xmlGetLineNo(n);
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

static int is_block(const xmlNode *n) {
    static const char *const tags[] = {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "pre",
        "title", "address", "figure", "figcaption", "caption", "center", "form", "hr", "br",
        "body", "html", "tr", NULL
    };
    int i;
    for (i = 0; tags[i]; i++)
        if (is(n, tags[i])) return 1;
    return 0;
}

static void add_block(lua_State *L, html_walk *w) {
    lua_rawseti(L, w->blocks, ++w->nblocks);
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
    lua_createtable(L, 0, 4);       /* the size markup.lua's constructor gives: the same table */
    set_name(L, w, N_KIND, N_PARA);
    lua_pushvalue(L, w->names + N_TEXT);
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
    set_int(L, w, N_LINE, line);
    set_int(L, w, N_COL, 1);
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
static lua_Integer span_of(lua_State *L, const xmlNode *n, const char *name) {
    const xmlAttr *a, *last = NULL;
    xmlChar *v;
    lua_Integer span = 1;
    for (a = n->properties; a; a = a->next)
        if (strcmp((const char *)a->name, name) == 0) last = a;
    if (last == NULL) return 1;
    v = xmlNodeListGetString(n->doc, last->children, 1);
    if (v && lua_stringtonumber(L, (const char *)v) != 0) {
        if (!lua_isinteger(L, -1)) span = -1;
        else {
            span = lua_tointeger(L, -1);
            span = span > SPAN_MAX ? SPAN_MAX : span < 1 ? 1 : span;
        }
        lua_pop(L, 1);
    }
    xmlFree(v);
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
    lua_Integer row, area;
} table_walk;

static int do_table(lua_State *L, html_walk *w, const xmlNode *t, int depth);

static int do_row(lua_State *L, html_walk *w, table_walk *tw, const xmlNode *tr, int depth) {
    const xmlNode *td, *c;
    lua_Integer col = 1, r = ++tw->row;
    if (depth < w->maxdepth) for (td = tr->children; td; td = td->next) {
        lua_Integer rs, cs, line;
        if (child_kind(td) != 2 || !(is(td, "td") || is(td, "th"))) continue;
        while (taken(w, tw->base, r, col)) col++;
        rs = span_of(L, td, "rowspan");
        cs = span_of(L, td, "colspan");
        if (rs < 0 || cs < 0) return WALK_LEFT_TO_LUA;
        if (rs > 1 || cs > 1) {
            tw->area += rs * cs;
            if (w->nrects - tw->base >= SPAN_RECTS || w->nrects >= SPAN_STACK || tw->area > SPAN_AREA)
                return WALK_LEFT_TO_LUA;
            w->rects[w->nrects].r0 = r;
            w->rects[w->nrects].r1 = r + rs - 1;
            w->rects[w->nrects].c0 = col;
            w->rects[w->nrects].c1 = col + cs - 1;
            w->nrects++;
        }
        cell_text(L, w, td, depth + 1);
        line = line_of(td) ? line_of(td) : line_of(tr) ? line_of(tr) : 1;
        lua_createtable(L, 0, 11);
        set_name(L, w, N_KIND, N_CELL);
        lua_pushvalue(L, w->names + N_TEXT);
        buf_push_trimmed(L, &w->cell);
        lua_rawset(L, -3);
        set_int(L, w, N_LINE, line);
        set_int(L, w, N_COL, 1);
        lua_pushvalue(L, w->names + N_GRID);
        lua_pushstring(L, tw->grid);
        lua_rawset(L, -3);
        set_int(L, w, N_ROW, r);
        set_int(L, w, N_COLUMN, col);
        set_int(L, w, N_ROWSPAN, rs);
        set_int(L, w, N_COLSPAN, cs);
        set_int(L, w, N_X0, col);
        set_int(L, w, N_X1, col + cs);
        add_block(L, w);
        col += cs;
        /* a table inside a cell is read in its place */
        if (depth + 1 < w->maxdepth) for (c = td->children; c; c = c->next)
            if (child_kind(c) == 2 && is(c, "table") && do_table(L, w, c, depth + 2) != WALK_OK)
                return WALK_LEFT_TO_LUA;
    }
    lua_createtable(L, 0, 4);
    set_name(L, w, N_KIND, N_BREAK);
    set_name(L, w, N_TEXT, N_EMPTY);
    set_int(L, w, N_LINE, line_of(tr) ? line_of(tr) : 1);
    set_int(L, w, N_COL, 1);
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
    tw.row = tw.area = 0;
    st = do_rows(L, w, &tw, t, depth);
    w->nrects = tw.base;
    return st;
}

static int walk(lua_State *L, html_walk *w, const xmlNode *n, int depth) {
    const xmlNode *c;
    if (depth >= w->maxdepth) return WALK_OK;
    for (c = n->children; c; c = c->next) {
        int k = child_kind(c), st = WALK_OK;
        if (k == 1) {
            buf_add(L, w, &w->para, (const char *)c->content);
            if (w->para_line == 0) w->para_line = line_of(n);
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
    if (!(n && n->type == XML_ELEMENT_NODE && n->name &&
          (strcmp((const char *)n->name, "script") == 0 || strcmp((const char *)n->name, "style") == 0)))
        lp->sax.cdataBlock(ctx, value, len);
}

/* htmlReadMemory(buf, len, NULL, "UTF-8", the options of nb_html_parse),
** step by step as libxml2 does it, with the callbacks above. */
static htmlDocPtr read_lean(lean_parse *lp, const char *buf, int len) {
    xmlParserCtxtPtr ctxt;
    xmlCharEncodingHandlerPtr utf8;
    htmlDocPtr doc;
    xmlInitParser();
    ctxt = xmlCreateMemoryParserCtxt(buf, len);
    if (ctxt == NULL) return NULL;
    if (ctxt->sax == NULL || ctxt->input == NULL) {
        xmlFreeParserCtxt(ctxt);
        return NULL;
    }
    htmlDefaultSAXHandlerInit();
    memcpy(ctxt->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
    lp->sax = *ctxt->sax;
    ctxt->_private = lp;
    /* every callback of libxml2's that builds on the node goes through one above */
    if (lp->sax.startElement) ctxt->sax->startElement = start_lean;
    if (lp->sax.characters) ctxt->sax->characters = chars_lean;
    if (lp->sax.cdataBlock) ctxt->sax->cdataBlock = cdata_lean;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
    ctxt->html = 1;
    utf8 = xmlFindCharEncodingHandler("UTF-8");
    if (utf8 != NULL) {
        xmlSwitchToEncoding(ctxt, utf8);
        if (ctxt->input->encoding != NULL) xmlFree((xmlChar *)ctxt->input->encoding);
        ctxt->input->encoding = xmlStrdup(BAD_CAST "UTF-8");
    }
    htmlParseDocument(ctxt);
    doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    xmlFreeParserCtxt(ctxt);
    return doc;
}

int nb_html_blocks(lua_State *L, const char *buf, size_t len, int maxdepth) {
    html_walk *w;
    xmlNode *root;
    int st;
    if (len > INT_MAX) {
        lua_pushnil(L);
        lua_pushliteral(L, "HTML text too large");
        return 0;
    }
    w = (html_walk *)lua_newuserdatauv(L, sizeof *w, 0);
    memset(w, 0, sizeof *w);
    w->alloc = lua_getallocf(L, &w->alloc_ud);
    w->maxdepth = maxdepth;
    if (luaL_newmetatable(L, "nianbao.html.walk")) {
        lua_pushcfunction(L, walk_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    w->doc = read_lean(&w->lean, buf, (int)len);
    if (w->doc == NULL || (root = xmlDocGetRootElement(w->doc)) == NULL) {
        walk_free(w);
        lua_pushnil(L);
        lua_pushliteral(L, "no HTML content");
        return 0;
    }
    /* the names, the list, and room for what the walk pushes (a cell's table and two more) */
    luaL_checkstack(L, N_COUNT + 8, "HTML names");
    w->names = lua_gettop(L) + 1;
    for (st = 0; st < N_COUNT; st++) lua_pushstring(L, names[st]);
    lua_newtable(L);
    w->blocks = lua_gettop(L);
    st = walk_doc(L, w, root);
    walk_free(w);
    if (st != WALK_OK) {
        lua_pop(L, 1);
        lua_pushboolean(L, 0);
    }
    return 1;
}

/*}===*/
