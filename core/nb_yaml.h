/*
** nb_yaml.h — YAML in and out through libyaml, as Lua values.
*/
#ifndef NB_YAML_H
#define NB_YAML_H

#include <stddef.h>
#include <lua.h>

/* Parse YAML text and push the first document as a Lua value, then a table
** mapping each dotted key path ("t3.new.np", sequence items by 1-based
** index) to the 1-based line of its value, then one mapping each key's path
** to the line of the key itself. Plain scalars become integers, booleans, or
** the null sentinel at upvalue nullidx; everything else a string. Aliases are
** refused. On error pushes nil and "name:line:col: reason" and returns 0;
** returns 3 on success. */
int nb_yaml_decode(lua_State *L, const char *buf, size_t len, const char *name,
                   int nullidx);

/* Encode the Lua value at idx as a YAML document and push it as a string.
** Tables with positive #t are sequences, others maps; a map's key order is
** getmetatable(t).__order (a list) then the remaining keys sorted; a
** metatable with __flow = true writes the table on one line. The value at
** nullidx writes as null. Raises a Lua error on a cycle, depth past 64, or
** a value that has no YAML form. */
int nb_yaml_encode(lua_State *L, int idx, int nullidx);

#endif
