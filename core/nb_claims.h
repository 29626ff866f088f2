/*
** nb_claims.h — the claims' look for the words their grammars need (scripts/lib/claims.lua).
*/
#ifndef NB_CLAIMS_H
#define NB_CLAIMS_H

#include <lua.h>

/* nianbao.words_held(s, words, groups) → a table with groups[i] = true for
** each words[i] that s holds, as string.find(s, words[i], 1, true) finds it:
** one pass over s, the words beginning with each byte tried there (a word
** inside another is found too). words: strings; groups: integers, as many. */
int nb_claims_words_held(lua_State *L);

#endif
