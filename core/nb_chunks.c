/*
** nb_chunks.c — a source the build precompiled loads from its bytecode
** (see nb_chunks.h): found by its hash and length, with the caller's
** chunk name put in the place of the build's, so that what runs, its
** messages and its tracebacks are those of a parse of the same source
** (less the names of its local variables and upvalues: nb_chunkgen.c).
*/
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <lauxlib.h>
#include "nb_chunks.h"

#define USABLE "nianbao.chunks.usable"   /* registry: the canary's verdict */
#define BUILT "nianbao.chunks.built"     /* registry: module name -> loaded from the build's bytecode */
#define REMEMBERED "nianbao.chunks.remembered"  /* registry: the files remember() made known */

/*{=== the canary ===*/

typedef struct compare {
    size_t at;
    int same;
} compare;

static int compare_piece(lua_State *L, const void *p, size_t n, void *ud) {
    compare *c = ud;
    (void)L;
    if (c->same && (n > nb_chunks_canary_len - c->at || memcmp(nb_chunks_canary + c->at, p, n) != 0))
        c->same = 0;
    c->at += n;
    return 0;
}

void nb_chunks_setup(lua_State *L) {
    compare c = {0, 1};
    int usable = 0;
    if (nb_chunks_count > 0) {
        if (luaL_loadbufferx(L, NB_CHUNK_CANARY, strlen(NB_CHUNK_CANARY), NB_CHUNK_NAME, "t") == LUA_OK)
            usable = lua_dump(L, compare_piece, &c, 0) == 0 && c.same && c.at == nb_chunks_canary_len;
        lua_pop(L, 1);
    }
    lua_pushboolean(L, usable);
    lua_setfield(L, LUA_REGISTRYINDEX, USABLE);
}

/*}===*/

/*{=== loading ===*/

static int usable(lua_State *L) {
    int yes;
    lua_getfield(L, LUA_REGISTRYINDEX, USABLE);
    yes = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return yes;
}

static const nb_chunk *find(lua_State *L, const char *s, size_t len) {
    uint64_t h;
    size_t i;
    if (!usable(L)) return NULL;
    h = nb_chunks_key(s, len);
    for (i = 0; i < nb_chunks_count; i++)
        if (nb_chunks[i].hash == h && nb_chunks[i].source_len == len) return &nb_chunks[i];
    return NULL;
}

/* The files remember() made known, in a userdata of the registry. */
typedef struct remembered {
    size_t n;
    nb_chunk_file file[];
} remembered;

static int same_file(const nb_chunk_file *f, const struct stat *st) {
    return f->ino == (unsigned long long)st->st_ino && f->dev == (unsigned long long)st->st_dev &&
           f->size == (long long)st->st_size && f->mtime_s == (long long)st->st_mtim.tv_sec &&
           f->mtime_ns == (long)st->st_mtim.tv_nsec && f->ctime_s == (long long)st->st_ctim.tv_sec &&
           f->ctime_ns == (long)st->st_ctim.tv_nsec;
}

/* The chunk of the file whose stat is st, where its identity is one the
** build recorded (or remember() made known); NULL for any other. */
static const nb_chunk *by_identity(lua_State *L, const struct stat *st) {
    const nb_chunk *c = NULL;
    size_t i;
    if (!S_ISREG(st->st_mode) || !usable(L)) return NULL;
    for (i = 0; i < nb_chunk_files_count; i++)
        if (same_file(&nb_chunk_files[i], st)) return &nb_chunks[nb_chunk_files[i].chunk];
    if (lua_getfield(L, LUA_REGISTRYINDEX, REMEMBERED) == LUA_TUSERDATA) {
        const remembered *r = lua_touserdata(L, -1);
        for (i = 0; c == NULL && i < r->n; i++)
            if (same_file(&r->file[i], st)) c = &nb_chunks[r->file[i].chunk];
    }
    lua_pop(L, 1);
    return c;
}

/* The dump in pieces: up to the name, the name's size, the name, the rest. */
typedef struct pieces {
    const char *part[4];
    size_t len[4];
    int next;
} pieces;

static const char *next_piece(lua_State *L, void *ud, size_t *size) {
    pieces *p = ud;
    (void)L;
    while (p->next < 4 && p->len[p->next] == 0) p->next++;
    if (p->next == 4) {
        *size = 0;
        return NULL;
    }
    *size = p->len[p->next];
    return p->part[p->next++];
}

/* Load chunk c named `name`; the size of a dumped string is its length
** plus one, seven bits a byte, the last byte marked. */
static int load_chunk(lua_State *L, const nb_chunk *c, const char *name) {
    unsigned char size[12];
    size_t n = strlen(name), v = n + 1, skip = NB_CHUNK_NAME_AT + 1 + strlen(NB_CHUNK_NAME);
    int k = 0, i;
    unsigned char rev[12];
    pieces p = {{0}, {0}, 0};
    do {
        rev[k++] = v & 0x7f;
        v >>= 7;
    } while (v != 0);
    for (i = 0; i < k; i++) size[i] = rev[k - 1 - i];
    size[k - 1] |= 0x80;
    p.part[0] = (const char *)c->code, p.len[0] = NB_CHUNK_NAME_AT;
    p.part[1] = (const char *)size, p.len[1] = (size_t)k;
    p.part[2] = name, p.len[2] = n;
    p.part[3] = (const char *)c->code + skip, p.len[3] = c->code_len - skip;
    return lua_load(L, next_piece, &p, name, "b");
}

int nb_chunks_load_bundled(lua_State *L, const char *s, size_t len, const char *chunkname) {
    const nb_chunk *c = chunkname ? find(L, s, len) : NULL;
    return c ? load_chunk(L, c, chunkname) : -1;
}

/* The whole of the open file fd in a buffer of C memory (the source is only
** looked up, never kept, and a Lua string of it would be garbage for the
** collector to follow); NULL when it is not a regular file read whole. */
static char *read_whole(int fd, const struct stat *st, size_t *len) {
    char *buf;
    size_t total = 0, size;
    if (!S_ISREG(st->st_mode) || st->st_size <= 0) return NULL;
    size = (size_t)st->st_size;
    if ((buf = malloc(size + 1)) == NULL) return NULL;
    /* one byte past the size: a read that comes short of it found the end */
    while (total <= size) {
        size_t want = size + 1 - total;
        ssize_t n = read(fd, buf + total, want);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        total += (size_t)n;
        if (total == size && (size_t)n < want) break;
    }
    if (total != size) {
        free(buf);
        return NULL;
    }
    *len = size;
    return buf;
}

int nb_chunks_load_fd(lua_State *L, int fd, const char *chunkname) {
    size_t len;
    char *buf;
    int status = -1;
    struct stat st;
    const nb_chunk *c;
    if (nb_chunks_count == 0 || fstat(fd, &st) != 0) return -1;
    if ((c = by_identity(L, &st)) != NULL) return load_chunk(L, c, chunkname);
    if ((buf = read_whole(fd, &st, &len)) == NULL) return -1;
    if ((c = find(L, buf, len)) != NULL) status = load_chunk(L, c, chunkname);
    free(buf);
    return status;
}

int nb_chunks_load_unchanged(lua_State *L, const char *path, const char *chunkname) {
    struct stat st;
    const nb_chunk *c;
    if (nb_chunks_count == 0 || stat(path, &st) != 0 || (c = by_identity(L, &st)) == NULL) return -1;
    return load_chunk(L, c, chunkname);
}

int nb_chunks_load_file(lua_State *L, const char *path, const char *chunkname) {
    int fd, status;
    if (nb_chunks_count == 0 || (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) return -1;
    status = nb_chunks_load_fd(L, fd, chunkname);
    close(fd);
    return status;
}

int nb_chunks_load(lua_State *L, const char *s, size_t len, const char *chunkname, const char *mode) {
    int status = mode == NULL || strchr(mode, 't') ? nb_chunks_load_bundled(L, s, len, chunkname) : -1;
    return status >= 0 ? status : luaL_loadbufferx(L, s, len, chunkname, mode);
}

/*}===*/

/*{=== the module ===*/

/* load(source, chunkname [, mode [, env]]): as Lua's load of a string. */
static int l_load(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    const char *name = luaL_optstring(L, 2, s);
    const char *mode = luaL_optstring(L, 3, "bt");
    int env = !lua_isnone(L, 4) ? 4 : 0;
    if (nb_chunks_load(L, s, len, name, mode) == LUA_OK) {
        if (env) {
            lua_pushvalue(L, env);
            if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
        }
        return 1;
    }
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;
}

void nb_chunks_mark_built(lua_State *L, const char *name) {
    luaL_getsubtable(L, LUA_REGISTRYINDEX, BUILT);
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

/* built(module) -> whether the module was loaded from the build's bytecode. */
static int l_built(lua_State *L) {
    const char *name = luaL_checkstring(L, 1);
    int built = 0;
    if (lua_getfield(L, LUA_REGISTRYINDEX, BUILT) == LUA_TTABLE) {
        lua_getfield(L, -1, name);
        built = lua_toboolean(L, -1);
    }
    lua_pushboolean(L, built);
    return 1;
}

/* format_images() -> the build's images of the national formats | nil. */
static int l_format_images(lua_State *L) {
    int usable;
    lua_getfield(L, LUA_REGISTRYINDEX, USABLE);
    usable = lua_toboolean(L, -1);
    if (!usable || nb_format_images_len == 0) lua_pushnil(L);
    else lua_pushlstring(L, (const char *)nb_format_images, nb_format_images_len);
    return 1;
}

/* load_unchanged(path, chunkname [, env]) -> function | nil */
static int l_load_unchanged(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    const char *name = luaL_checkstring(L, 2);
    int env = !lua_isnone(L, 3) ? 3 : 0, status = nb_chunks_load_unchanged(L, path, name);
    if (status != LUA_OK) {
        if (status > 0) lua_pop(L, 1);          /* (the file is read and loaded as any other) */
        lua_pushnil(L);
        return 1;
    }
    if (env) {
        lua_pushvalue(L, env);
        if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
    }
    return 1;
}

/* remember(path) -> whether the file at path, whose bytes are a bundled
** script's, is now known by its identity as the build's files are. */
static int l_remember(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    struct stat st;
    size_t len, n = 0;
    char *buf = NULL;
    const nb_chunk *c = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        if (fstat(fd, &st) == 0 && (buf = read_whole(fd, &st, &len)) != NULL) c = find(L, buf, len);
        free(buf);
        close(fd);
    }
    if (c != NULL) {
        remembered *r, *old = NULL;
        if (lua_getfield(L, LUA_REGISTRYINDEX, REMEMBERED) == LUA_TUSERDATA) {
            old = lua_touserdata(L, -1);
            n = old->n;
        }
        r = lua_newuserdatauv(L, sizeof *r + (n + 1) * sizeof r->file[0], 0);
        if (old) memcpy(r->file, old->file, n * sizeof r->file[0]);
        r->file[n].dev = (unsigned long long)st.st_dev;
        r->file[n].ino = (unsigned long long)st.st_ino;
        r->file[n].size = (long long)st.st_size;
        r->file[n].mtime_s = (long long)st.st_mtim.tv_sec;
        r->file[n].mtime_ns = (long)st.st_mtim.tv_nsec;
        r->file[n].ctime_s = (long long)st.st_ctim.tv_sec;
        r->file[n].ctime_ns = (long)st.st_ctim.tv_nsec;
        r->file[n].chunk = (int)(c - nb_chunks);
        r->n = n + 1;
        lua_setfield(L, LUA_REGISTRYINDEX, REMEMBERED);
    }
    lua_pushboolean(L, c != NULL);
    return 1;
}

/* bundled(source) -> whether the build precompiled this source. */
static int l_bundled(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_pushboolean(L, find(L, s, len) != NULL);
    return 1;
}

int luaopen_nianbao_chunks(lua_State *L) {
    static const luaL_Reg funcs[] = {{"load", l_load}, {"bundled", l_bundled}, {"built", l_built},
                                        {"format_images", l_format_images},
                                        {"load_unchanged", l_load_unchanged}, {"remember", l_remember},
                                        {NULL, NULL}};
    luaL_newlib(L, funcs);
    return 1;
}

/*}===*/
