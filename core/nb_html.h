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

/* Parse UTF-8 HTML as nb_html_parse does and push, instead of its tree, the
** list of blocks scripts/lib/markup.lua's blocks() makes of that tree, made
** from libxml2's callbacks as it parses, no tree built (its
** defaults: lines as parsed, tables named h1, h2, …): paragraphs
**   { kind = "para", text = "…", line = 3, col = 1 }
** and each table row's cells, then a { kind = "break" } for the row:
**   { kind = "cell", text = "…", line = 12, col = 1, grid = "h1", row = 2,
**     column = 3, rowspan = 1, colspan = 2, x0 = 3, x1 = 5 }
** The list's twins is true when two tables hold as many cells (a page may
** hold a table twice: the reader compares them).
** Without NB_HTML_SPANS in flags, cells leave out column, rowspan and
** colspan: x0 and x1 place them, and the binder reads no more (three fields
** fewer a cell). With NB_HTML_SHEETS_READ the page's style sheets are not
** looked at: the caller has read their rules, and none hides an element.
** Returns the number of values pushed: 1, the list or false (a table has
** more merged cells than this walk places or a span that is not a whole
** number, or something is hidden: markup.lua reads those); 2, false and
** "sheet", when a style sheet that may hide an element is why; 0 with nil
** and a reason pushed as nb_html_parse. */
#define NB_HTML_SPANS 1
#define NB_HTML_SHEETS_READ 2
int nb_html_blocks(lua_State *L, const char *buf, size_t len, int maxdepth, int flags);

/* The same for an XML document (a Word file's word/document.xml): element
** names without their namespace prefix (w:tc is "tc"); no external entity
** or DTD is loaded. */
int nb_xml_parse(lua_State *L, const char *buf, size_t len, int maxdepth);

#endif
