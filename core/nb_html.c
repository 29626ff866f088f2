/*
** nb_html.c — libxml2's HTML and XML parsers, their trees copied into Lua tables.
*/
#include <limits.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <lauxlib.h>
#include "nb_html.h"

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
