/*
** nb_claims.h — the claims' look for the words their grammars need (scripts/lib/claims.lua).
*/
#ifndef NB_CLAIMS_H
#define NB_CLAIMS_H

#include <lua.h>

/* nianbao.words_held(s, words, groups) → a table with groups[i] = true for
** each words[i] that s holds, as string.find(s, words[i], 1, true) finds it:
** one pass over s, the words beginning with each byte tried there (a word
** inside another is found too). words: strings; groups: integers, as many.
** Its second value is the words and groups compiled (copied): a later
** nianbao.words_held(s, index) looks for the same words, the tables not read again. */
int nb_claims_words_held(lua_State *L);

/* nianbao.claim_sentence(text, init, marks, index [, held]) → from, to [, groups]:
** the first sentence of text at init or after that holds a word of index
** (what words_held gave): to is where the next begins. A sentence ends after
** its first mark: "\n", ";", "!", "?", else the first of the strings marks
** lists that is there; the last may run to the end. nil: no sentence left
** holds one. held true: groups as well, what words_held gives of the
** sentence, found in the same look (none when index has an empty word). */
int nb_claims_sentence(lua_State *L);

/* nianbao.word_at(s, init, index) → at, group: the first place at init or
** after where a word of index (what words_held gave) begins, whole in s,
** and the group of that word (of several beginning there, a word of one
** byte's, else the first of them the index lists); nil: none. An index
** with an empty word gives init alone (every place begins that one). */
int nb_claims_word_at(lua_State *L);

/* nianbao.unwrap(text, ends, is_heading, heading_max) → flat, map: claims.lua's unwrap
** (the breaks that only wrap a sentence taken out with the next line's
** indent, footers "-2-" dropped), the same text, and its map: for each
** piece in turn, where it is in the flat text and where in text (two
** integers a piece, not a table). ends: a set of strings a line may end with (a break after
** one stays); is_heading(body) → whether a line is a heading (a break after
** it stays), or nil: none is. It is not asked of a line of valid UTF-8 of
** more than heading_max characters (it says no to those). */
int nb_claims_unwrap(lua_State *L);

#endif
