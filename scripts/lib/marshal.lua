-- Plain data as bytes and back: what a worker process hands its parent and
-- what the batch keeps in its spool. Nil, booleans, integers, floats,
-- strings and tables of them (no cycles; metatables are not kept):
-- encode(v) → bytes; decode(bytes) → v, the same value (an integer stays an
-- integer, a float a float). The encoding is in C (core/nb_marshal.c).
-- reachable(...) → a set of every table reached from the values (keys,
-- values, metatables as getmetatable gives them): what encode_plain is to
-- leave out.

return require("nianbao").marshal
