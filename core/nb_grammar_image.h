/*
** nb_grammar_image.h — re.compile answered from images of its results
** taken when the binary was built (the bundled packs' grammars), where
** the grammar's text and every definition it reads are as they were then;
** any other grammar is compiled as always.
**
** An image holds the pattern LPeg built (its tree, as the bytes of the
** userdata: children are offsets, so the bytes stand anywhere), and its
** constants: strings, numbers and booleans as they are, functions as the
** place they were found (a definition the grammar read, or a constant of
** a definition that is a pattern), looked up again when it is used. Its
** key is the grammar's text, the sandbox's metering of what is built, and
** a fingerprint of each definition the grammar read, in the order read:
** a pattern's tree and constants, a string's, number's or boolean's value,
** a function's type only (its value is the one put back). It holds too
** the fingerprint of the pattern it rebuilds, which is kept with it: the
** grammars made of the rebuilt patterns, and their first matches, look
** theirs up rather than walk them (nb_grammar_image_fingerprint).
**
** lpeg.P of a table of rules is answered the same way (its key: the rules'
** names sorted, each rule's fingerprint), and a pattern's first match takes
** the code LPeg made for a pattern of the same fingerprint at build time
** (the tree fixed as LPeg fixes it, and the code): LPeg lays out a table's
** rules in the order it meets them, which differs from one process to the
** next; from an image, the grammar and the patterns made of it are the
** same at every start, and so their code is found.
**
** NB_GRAMMAR_IMAGES_OUT=FILE: every grammar compiled, and from the probe's
** on every pattern's code, is imaged and added to FILE (the build's step
** that makes nb_grammar_images_data.c).
*/
#ifndef NB_GRAMMAR_IMAGE_H
#define NB_GRAMMAR_IMAGE_H

#include <stddef.h>
#include <stdint.h>
#include <lua.h>

/* The images the build made (nb_grammar_images_data.c). */
extern const unsigned char nb_grammar_images[];
extern const size_t nb_grammar_images_len;

/* Wrap re.compile (and re.updatelocale, after which images are not used)
** in the module table at re_idx. tick: the metering step's function (a
** constant of what untrusted code builds). */
void nb_grammar_images_wrap(lua_State *L, int re_idx, lua_CFunction tick);

/* f called (no arguments, one result pushed) with lpeg.P LPeg's own, not
** the images' wrapper: what f builds, and the lpeg.P it keeps (re.lua's
** grammars capture it), are LPeg's alone, as they were when re.lua ran
** before the images were wrapped in. Raises what f raises. */
void nb_grammar_images_aside(lua_State *L, lua_CFunction f);

/* Use the images in data (not copied: it must outlive the state) in
** place of the built ones; for the tests. 0 when the state has none. */
int nb_grammar_images_use(lua_State *L, const unsigned char *data, size_t len);

/* How many compiles were answered from an image, and how many were not
** (a grammar without one, or whose definitions differ). -1: no images. */
long nb_grammar_images_hits(lua_State *L, long *misses);

/* How many patterns' first match took its code from an image. -1: no images. */
long nb_grammar_images_code_hits(lua_State *L);

/* The fingerprint images key a pattern by (its tree as LPeg reads it and
** its constants) of the value at idx, in out: 0; -1 for one they cannot. */
int nb_grammar_image_fingerprint(lua_State *L, int idx, uint64_t *out);

#endif
