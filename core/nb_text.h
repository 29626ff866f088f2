/*
** nb_text.h — scraped text's lines as a reader's blocks, and labels.trim in C.
*/
#ifndef NB_TEXT_H
#define NB_TEXT_H

#include <stddef.h>
#include <lua.h>

/* The bytes s[*from, *to) of s[0, len) that labels.trim (scripts/lib/labels.lua)
** keeps: white space of every width cut at both ends (ASCII white space,
** U+3000, U+00A0, U+2002, U+2003, U+2009, U+200B, U+FEFF). */
void nb_text_trim(const char *s, size_t len, size_t *from, size_t *to);

/* Push the blocks scripts/readers/text.lua makes of text s[0, len) that holds
** no Markdown it rewrites (no line begun, past spaces, by '#', '>' or
** "<table"; no "**", "<br" or "---"): one a line of prose
**   { kind = "para", text = "…", line = 3, offset = 120 }
** (col left out where it is 1, as for every paragraph)
** one a cell ending in " |", with x0, x1 (its place on the line), grid ("t1")
** and row when its line holds several, and a { kind = "break" } for a line
** of bars alone. The same tables as the reader's Lua loop makes, field for
** field. Returns 2 with the list pushed and the index of its last block with
** a grid (0: none), or 1 with false pushed when s holds such Markdown (the
** Lua loop reads it). */
int nb_text_blocks(lua_State *L, const char *s, size_t len);

/* nianbao.text.folder(map) → fold(s): map's keys are characters, its values
** strings; fold(s) is s with each character that is a key of map replaced by
** its value: labels.char_folder's LPeg pass, for any bytes (a character there
** is a lead byte with every continuation byte after it; a key of more than
** 7 bytes, no character, is never met), and, for a valid UTF-8 s,
** string.gsub(s, utf8.charpattern, map). */
int nb_text_folder(lua_State *L);

/* nianbao.text.first_of(s, words) → the least position in s at which one
** of the strings of the list words begins, found as string.find(s, w, 1,
** true) finds each (an empty word at 1), or nil when none is in s: one call
** for the search a list of words makes word by word. */
int nb_text_first_of(lua_State *L);

/* nianbao.text.lone_lines(s) → { from, to, from, to, … }: each line of s with
** an empty line before and after it (a page's footer a PDF viewer's copy
** keeps, no form feed after it) whose text, spaces cut, is 32 bytes at most
** and holds a digit: from its text's first byte to the line break after it
** (positions as string.find gives them). One pass, for a search Lua's
** matcher would pay for at every line. */
int nb_text_lone_lines(lua_State *L);

#endif
