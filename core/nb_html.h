/*
** nb_html.h — HTML pages and XML documents as Lua trees, parsed by libxml2.
*/
#ifndef NB_HTML_H
#define NB_HTML_H

#include <stddef.h>
#include <lua.h>

/* Parse UTF-8 HTML and push its tree: an element is a table
**   { tag = "td", attrs = { rowspan = "2" }, line = 12, child, child, … }
** where each child is an element or a string of text (entities decoded).
** Comments, <script> and <style> are left out. Malformed markup is repaired
** the way browsers do; nesting deeper than maxdepth is cut off there.
** Returns 1 on success; 0 with nil and a reason pushed when the text cannot
** be parsed at all. */
int nb_html_parse(lua_State *L, const char *buf, size_t len, int maxdepth);

/* The same for an XML document (a Word file's word/document.xml): element
** names without their namespace prefix (w:tc is "tc"); no external entity
** or DTD is loaded. */
int nb_xml_parse(lua_State *L, const char *buf, size_t len, int maxdepth);

#endif
