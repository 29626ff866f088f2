/*
** nb_json.h — JSON text of plain Lua values, as scripts/lib/json.lua
** writes it, without running any Lua code.
*/
#ifndef NB_JSON_H
#define NB_JSON_H

#include <lua.h>

/* Push the table of `nianbao.json`; the null sentinel must be on the top
** of the stack (it is kept as the functions' upvalue):
**   encode(v) -> JSON text on one line | nil when v needs the writer in
**     Lua: a metatable with more than __order and __array, an __order
**     that is not a plain table, a value that is not nil, null, a boolean,
**     a number, a string or such a table, a key that is not a string,
**     number or boolean, two keys that print alike, nesting deeper than 64.
**     The text is that of json.lua's writer: keys in __order first, the
**     rest sorted by their bytes; an array when #v > 0 or __array;
**     integers %d, floats %.17g, NaN and infinities null.
**   findings(list, pages) -> the JSON writer's list of findings (each
**     with its page of pages), and how many are errors, warnings, infos |
**     nil when its loop in Lua must write them (scripts/formats/json.lua). */
int nb_json_open(lua_State *L);

#endif
