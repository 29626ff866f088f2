/*
** nb_marshal.h — plain Lua data as bytes and back, and the growable byte
** box the core's writers build their output in.
*/
#ifndef NB_MARSHAL_H
#define NB_MARSHAL_H

#include <stddef.h>
#include <stdint.h>
#include <lua.h>

/* Open `nianbao.marshal` (pushes its table):
**   encode(v) -> bytes: nil, booleans, integers, floats (each kept as
**     such), strings and acyclic tables of them, read raw (metatables are
**     not looked at nor kept); anything else, or nesting deeper than 200,
**     is an error ("marshal: ...").
**   decode(bytes) -> v, the same value; a table's keys are set in the
**     order encode met them, in a table sized as that one was, so pairs()
**     walks it as a table constructor of the same fields would. Bytes cut
**     short, corrupt or trailing are an error; decode never reads past them.
**   encode_plain(v, ext, seen[, skip]) -> bytes | nil: encode(v) when v
**     is plain data of one owner (each table once, none with a metatable,
**     none a key of ext; keys strings, numbers or booleans), else nil.
**     Each table met is made a key of seen (tables already there count as
**     met); a table that is a key of skip leaves out its field of the
**     string skip[table]. A deep copy then encode, with no copy made.
**   apply(bytes, fn, first, n): bytes encode a list of tables; for each in
**     order, fn(first, t[1], ..., t[n]) (n up to 16), as decode and a loop
**     would, with no table made for an item. An item not a table is an
**     error, as is what decode refuses.
** The bytes are for this machine only (floats in its byte order). */
int luaopen_nianbao_marshal(lua_State *L);

/* A byte buffer owned by a userdata on the Lua stack: its memory comes from
** the state's allocator and is freed by the box's __gc, so a Lua error
** raised while it fills leaks nothing. */
typedef struct nb_box {
    char *p;
    size_t n, cap;
    lua_Alloc alloc;
    void *ud;
} nb_box;

/* Push a new empty box and return it. */
nb_box *nb_box_push(lua_State *L);

/* Append len bytes of s (nb_box_addc: one byte); 0, or -1 when out of memory
** (the box is then as it was). */
int nb_box_add(nb_box *b, const void *s, size_t len);
int nb_box_addc(nb_box *b, char c);

/* Free the box's bytes now (the box stays usable, empty); NULL is fine. */
void nb_box_clear(nb_box *b);

/* The encoding of one value, appended to b, for a C caller that writes what
** decode and apply read without building the Lua value first. Each raises a
** Lua error when out of memory. nb_marshal_put_list starts a table of n
** values in its array part and no other field: the n values follow. */
void nb_marshal_put_nil(lua_State *L, nb_box *b);
void nb_marshal_put_integer(lua_State *L, nb_box *b, lua_Integer i);
void nb_marshal_put_string(lua_State *L, nb_box *b, const char *s, size_t len);
void nb_marshal_put_list(lua_State *L, nb_box *b, size_t n);

/* marshal.encode_plain's bytes of the value at index v (ext, seen: indices
** of its tables; skip: 0, or the index of its table), appended to b: 1;
** 0 when the value is not plain (part of it may be in b then). The stack
** is left as it was. */
int nb_marshal_put_plain(lua_State *L, nb_box *b, int v, int ext, int seen, int skip);
/* Push the value that the len bytes at s encode (marshal.decode of bytes
** held in C: the spool decodes what it reads with no string made of it). */
void nb_marshal_decode(lua_State *L, const char *s, size_t len);

/* Bytes encode wrote, read in place by a C caller that takes them apart
** without building each value. Each nb_marshal_get_* raises decode's error
** on bytes cut short or corrupt, and never reads past end. */
typedef struct nb_marshal_reader {
    const unsigned char *start, *p, *end;
} nb_marshal_reader;

/* A value that is not a table, as read: its tag ('n' nil, 't' true, 'f'
** false, 'i' integer in i, 'd' float in d, 's' string: len bytes at s,
** inside the reader's bytes). */
typedef struct nb_marshal_scalar {
    char tag;
    lua_Integer i;
    lua_Number d;
    const char *s;
    size_t len;
} nb_marshal_scalar;

/* Read the value at r->p into *v and move past it: 1; 0 when it is a table
** (r->p is then left at it). */
int nb_marshal_get_scalar(lua_State *L, nb_marshal_reader *r, nb_marshal_scalar *v);
/* Read the head of a table at r->p (its tag and counts: *narr values of
** the array part, then *nrec keys and values follow). */
void nb_marshal_get_table(lua_State *L, nb_marshal_reader *r, uint64_t *narr, uint64_t *nrec);
/* Read the head of a list (a table of an array part alone, as apply
** takes): its length. r->p is then at its first value. */
uint64_t nb_marshal_get_list(lua_State *L, nb_marshal_reader *r);
/* What apply does with item i of a list, r->p at it: fn(first, t[1], ...,
** t[n]) with fn and first at those stack indices (absolute), n up to 16. */
void nb_marshal_apply_item(lua_State *L, nb_marshal_reader *r, int fn, int first, int n,
                           lua_Integer i);

#endif
