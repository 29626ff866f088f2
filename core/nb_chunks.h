/*
** nb_chunks.h — the bundled scripts precompiled: each script the build
** saw, as Lua bytecode, found by the hash and length of its source. A
** source loaded at run time that is byte for byte one of them loads from
** its bytecode (no parse); any other source, a rule edited since the
** build or a user's pack, is parsed as text as before.
*/
#ifndef NB_CHUNKS_H
#define NB_CHUNKS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <lua.h>
#include "nb_fnv.h"

/* The key of a source (with its length, it tells a source from an edited
** copy): the build and the binary compute it alike. Four words a turn, in
** four lanes that do not wait on each other (every source of a start is
** keyed: a lane a byte was some 1 M instructions of each); each step is
** one-to-one in its lane, so a source that differs in one word from a
** bundled one never has its key, and the lanes are joined one-to-one. */
static inline uint64_t nb_chunks_key(const void *p, size_t n) {
    const unsigned char *s = p;
    uint64_t a = NB_FNV_OFFSET, b = NB_FNV_OFFSET ^ 1, c = NB_FNV_OFFSET ^ 2, d = NB_FNV_OFFSET ^ 3, w[4], x;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        memcpy(w, s + i, 32);
        a = (a ^ w[0]) * NB_FNV_PRIME;
        b = (b ^ w[1]) * NB_FNV_PRIME;
        c = (c ^ w[2]) * NB_FNV_PRIME;
        d = (d ^ w[3]) * NB_FNV_PRIME;
    }
    x = ((((a ^ (a >> 29)) * NB_FNV_PRIME ^ b) ^ (b >> 29)) * NB_FNV_PRIME ^ c) ^ (c >> 29);
    x = x * NB_FNV_PRIME ^ d;
    for (; i + 8 <= n; i += 8) {
        memcpy(w, s + i, 8);
        x = (x ^ w[0]) * NB_FNV_PRIME;
        x ^= x >> 32;
    }
    for (; i < n; i++) x = (x ^ s[i]) * NB_FNV_PRIME;
    return x;
}

/* One script: its source's key (nb_chunks_key) and length, and its bytecode as
** lua_dump wrote it with the chunk name NB_CHUNK_NAME, less the names of its
** local variables and of its upvalues but _ENV. */
typedef struct nb_chunk {
    uint64_t hash;
    size_t source_len;
    const unsigned char *code;
    size_t code_len;
} nb_chunk;

/* The file a script was read from at build time, as the file system told
** it then: a file that still has this identity (device, inode, size, the
** times of its last change of content and of any change) is still the
** build's bytes, and loads from the bytecode without being read and keyed
** (some 110 files at every start). Recorded only for a file that stood
** unchanged a while before the build read it, so that any change after
** the build gives it another change time; any other file is read. */
typedef struct nb_chunk_file {
    unsigned long long dev, ino;
    long long size, mtime_s;
    long mtime_ns;
    long long ctime_s;
    long ctime_ns;
    int chunk;                          /* its place in nb_chunks */
} nb_chunk_file;

/* The chunk name the build dumps with; a load puts the caller's in its
** place, so messages and tracebacks name the file as a parse would. */
#define NB_CHUNK_NAME "=?"

/* Where the main function's source name sits in a dump: after the
** header and the count of the main function's upvalues (Lua 5.4). The
** build checks every dump has NB_CHUNK_NAME there. */
#define NB_CHUNK_NAME_AT 32

/* A small chunk dumped at build time and again at start: if the Lua
** library running is not the one the build dumped with (a different
** dump), the bytecode is not used. */
#define NB_CHUNK_CANARY \
    "local t, n = {...}, 0\n" \
    "for i, v in ipairs(t) do n = n + i * (v // 2) end\n" \
    "local function f(a, ...) return a and #a or select('#', ...), 1.5 end\n" \
    "return t.x or f(\"s\", n) ~= 0, setmetatable({}, { __index = t })\n"

/* The build's chunks (generated: nb_chunks_data.c). */
extern const nb_chunk nb_chunks[];
extern const size_t nb_chunks_count;
extern const nb_chunk_file nb_chunk_files[];
extern const size_t nb_chunk_files_count;
extern const unsigned char nb_chunks_canary[];
extern const size_t nb_chunks_canary_len;

/* Decide once per state whether the build's bytecode is this library's
** (the canary); nb_chunks_load reads the answer. */
void nb_chunks_setup(lua_State *L);

/* A source the build precompiled, loaded from its bytecode as
** luaL_loadbufferx would load it (its status); -1, with nothing pushed,
** for any other source. */
int nb_chunks_load_bundled(lua_State *L, const char *s, size_t len, const char *chunkname);

/* The file at path loaded as nb_chunks_load_bundled loads its bytes; -1,
** with nothing pushed, when it cannot be read whole or the build did not
** precompile it. */
int nb_chunks_load_file(lua_State *L, const char *path, const char *chunkname);

/* As nb_chunks_load_file, for a file already open (fd is left open); a
** file whose identity is the build's (nb_chunk_file) is not read. */
int nb_chunks_load_fd(lua_State *L, int fd, const char *chunkname);

/* The file at path loaded from the build's bytecode where its identity is
** the build's (nb_chunk_file), unread; -1, with nothing pushed, for any
** other file (its bytes may still be a bundled script's). */
int nb_chunks_load_unchanged(lua_State *L, const char *path, const char *chunkname);

/* As luaL_loadbufferx(L, s, len, chunkname, mode), except that a source
** the build precompiled is loaded from its bytecode. */
int nb_chunks_load(lua_State *L, const char *s, size_t len, const char *chunkname, const char *mode);

/* The national formats' compiled tables, as the build made them (a chunk
** of bytecode: packs.lua); none (length 0) in the binary that makes them.
** Generated: nb_format_images_data.c, nb_format_images_none.c. */
extern const unsigned char nb_format_images[];
extern const size_t nb_format_images_len;

/* Module `name` was loaded from the build's bytecode: its file is what
** the build saw (the chunk loaded is on the stack, and stays there). */
void nb_chunks_mark_built(lua_State *L, const char *name);

/* `nianbao.chunks`: load(source, chunkname [, mode [, env]]) -> function |
** nil, message: Lua's load of a string, through nb_chunks_load;
** bundled(source) -> whether the build precompiled that source;
** built(module) -> whether that module was loaded from the build's
** bytecode; load_unchanged(path, chunkname [, env]) -> function | nil: the
** file's bytecode where the file is as the build found it
** (nb_chunks_load_unchanged), nil for any other (read it and load);
** remember(path) -> whether path, a file whose bytes are a bundled
** script's, is now known as the build's files are (for the tests);
** format_images() -> the bytes of nb_format_images, or nil when there are
** none or the build's bytecode is not this library's. */
int luaopen_nianbao_chunks(lua_State *L);

#endif
