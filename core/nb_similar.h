/*
** nb_similar.h — shared text between reports: shingles, MinHash, overlap.
*/
#ifndef NB_SIMILAR_H
#define NB_SIMILAR_H

#include <lua.h>

/* Open `nianbao.similar`, for the trusted driver:
**   signature(text [, k [, hashes]]) -> MinHash signature (a string) | nil
**   agree(sig1, sig2) -> share of equal places (estimated Jaccard)
**   common(a, b [, k]) -> share of a, share of b, longest passage of b
**     shared with a (as printed), its length in characters; a and b are
**     texts or texts already cut by shingled (with the same k)
**   shingled(text [, k]) -> the text cut once in shingles, for common to
**     measure against many others (memory outside Lua's heap)
**   release(shingled) -> frees it now (the collector does otherwise)
**   cut(text, n) -> text cut after n characters, "…" added (text itself
**     when no longer, or not UTF-8 as utf8.len reads it)
**   digest(bytes) -> 16 hex digits
**   copies(ranks, most) -> a store of each report's closest copies while
**     a batch measures its pairs: store:add(i, share, length, other),
**     store:set(i, k, passage), store:get(i, k), store:count(i), store:free(),
**     store:measure(met, q, ...) a bucket of met's pairs measured and added
** Texts are compared by their characters: spaces, punctuation and
** full/half width do not count. */
int luaopen_nianbao_similar(lua_State *L);

#endif
