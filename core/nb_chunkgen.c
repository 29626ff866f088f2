/*
** nb_chunkgen.c — at build time, the bundled scripts as bytecode: writes
** the C source of nb_chunks_data.c (see nb_chunks.h) for the .lua files
** named on the command line.
**   nb_chunkgen OUT.c FILE.lua...
** A file that does not compile is left out (it is parsed at run time and
** fails there as it always did). A Lua whose dumps are not laid out as
** nb_chunks.h says gets no chunks at all: everything is parsed.
** The names of local variables are left out of the bytecode (they are
** two strings in five of a dump, each interned at every start), and so
** are the upvalues' names but _ENV's (by which a message names a global);
** the lines and the code are kept as a parse gives them. Each file's
** identity is recorded beside its chunk (nb_chunk_file), where the file
** stood unchanged a while before it was read, so that a start finds it
** unchanged without reading it.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <lauxlib.h>
#include <lualib.h>
#include "nb_chunks.h"

typedef struct buffer {
    unsigned char *data;
    size_t len, cap;
} buffer;

static int add(lua_State *L, const void *p, size_t n, void *ud) {
    buffer *b = ud;
    (void)L;
    if (b->len + n > b->cap) {
        size_t cap = (b->len + n) * 2;
        unsigned char *d = realloc(b->data, cap);
        if (d == NULL) return 1;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
    return 0;
}

static int read_all(const char *path, buffer *b) {
    FILE *f = fopen(path, "rb");
    unsigned char chunk[65536];
    size_t n;
    int failed = 0;
    if (f == NULL) return 1;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (add(NULL, chunk, n, b)) { failed = 1; break; }
    if (ferror(f)) failed = 1;
    fclose(f);
    return failed;
}

/*{=== a dump less its local variables' and upvalues' names (Lua 5.4's layout, ldump.c) ===*/

typedef struct walk {
    const unsigned char *p, *end;
    buffer *out;
    int bad;
} walk;

static size_t take_size(walk *w) {
    size_t x = 0;
    int c;
    do {
        if (w->p >= w->end || x > ((size_t)-1 >> 8)) { w->bad = 1; return 0; }
        c = *w->p++;
        x = (x << 7) | (size_t)(c & 0x7f);
    } while (!(c & 0x80));
    return x;
}

static void put(walk *w, const unsigned char *from, size_t n) {
    if (!w->bad && add(NULL, from, n, w->out)) w->bad = 1;
}

/* n bytes copied as they are */
static void copy(walk *w, size_t n) {
    if (w->bad || n > (size_t)(w->end - w->p)) { w->bad = 1; return; }
    put(w, w->p, n);
    w->p += n;
}

/* a size copied as it is; its value */
static size_t copy_size(walk *w) {
    const unsigned char *from = w->p;
    size_t x = take_size(w);
    if (!w->bad) put(w, from, (size_t)(w->p - from));
    return x;
}

static void copy_string(walk *w) {
    size_t n = copy_size(w);
    if (n > 0) copy(w, n - 1);
}

static void skip_string(walk *w) {
    size_t n = take_size(w);
    if (n > 0 && !w->bad) {
        if (n - 1 > (size_t)(w->end - w->p)) w->bad = 1;
        else w->p += n - 1;
    }
}

/* An upvalue's name copied when it is _ENV (a message says "global 'x'" by
** it), else written as none: each name is a string interned at every start. */
static void copy_env_name(walk *w) {
    static const unsigned char none = 0x80;
    size_t n = take_size(w);
    if (w->bad) return;
    if (n == 0) { put(w, &none, 1); return; }
    if (n - 1 > (size_t)(w->end - w->p)) { w->bad = 1; return; }
    if (n - 1 == 4 && memcmp(w->p, "_ENV", 4) == 0) {
        static const unsigned char env[] = { 0x80 | 5, '_', 'E', 'N', 'V' };
        put(w, env, sizeof env);
    } else {
        put(w, &none, 1);
    }
    w->p += n - 1;
}

static void copy_function(walk *w, int depth) {
    size_t n, i;
    static const unsigned char none = 0x80;        /* a size of 0 */
    if (depth > 200) { w->bad = 1; return; }
    copy_string(w);                                /* source */
    copy_size(w); copy_size(w);                    /* linedefined, lastlinedefined */
    copy(w, 3);                                    /* numparams, is_vararg, maxstacksize */
    n = copy_size(w); copy(w, n * 4);              /* code */
    n = copy_size(w);                              /* constants */
    for (i = 0; i < n && !w->bad; i++) {
        int t = w->p < w->end ? *w->p : -1;
        copy(w, 1);
        if (t == 0x03 || t == 0x13) copy(w, 8);   /* integer, float */
        else if (t == 0x04 || t == 0x14) copy_string(w);
        else if (t != 0x00 && t != 0x01 && t != 0x11) w->bad = 1;
    }
    n = copy_size(w); copy(w, n * 3);              /* upvalues */
    n = copy_size(w);                              /* nested functions */
    for (i = 0; i < n && !w->bad; i++) copy_function(w, depth + 1);
    n = copy_size(w); copy(w, n);                  /* lineinfo */
    n = copy_size(w);                              /* abslineinfo */
    for (i = 0; i < n && !w->bad; i++) { copy_size(w); copy_size(w); }
    n = take_size(w);                              /* local variables: none written */
    put(w, &none, 1);
    for (i = 0; i < n && !w->bad; i++) { skip_string(w); take_size(w); take_size(w); }
    n = copy_size(w);                              /* upvalues' names: _ENV's alone */
    for (i = 0; i < n && !w->bad; i++) copy_env_name(w);
}

/* The dump d less its local variables' and upvalues' names (but _ENV's),
** in out; 1 when d is not laid out as this reads it, or what it gives does
** not load and dump back to itself (then d is used as it is). */
static int without_locals(lua_State *L, const buffer *d, buffer *out) {
    walk w;
    buffer again = {0};
    int failed;
    w.p = d->data;
    w.end = d->data + d->len;
    w.out = out;
    w.bad = 0;
    copy(&w, NB_CHUNK_NAME_AT);                    /* header, upvalue count of main */
    copy_function(&w, 0);
    if (w.bad || w.p != w.end || out->data == NULL) return 1;
    if (luaL_loadbufferx(L, (const char *)out->data, out->len, NB_CHUNK_NAME, "b") != LUA_OK) {
        lua_pop(L, 1);
        return 1;
    }
    failed = lua_dump(L, add, &again, 0) != 0 || again.len != out->len || memcmp(again.data, out->data, out->len) != 0;
    lua_pop(L, 1);
    free(again.data);
    return failed;
}

/*}===*/

/*{=== the files' identities ===*/

/* How long a file must have stood unchanged before the build reads it for
** its identity to be recorded: a change after the build then falls in
** another tick of the file system's clock (a few milliseconds at most),
** and gives another change time; one in the same tick as the change
** before the build might not. */
#define SETTLED_NS 1000000000LL

static int same_stat(const struct stat *a, const struct stat *b) {
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
           a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

static long long ns_between(const struct timespec *from, const struct timespec *to) {
    return ((long long)to->tv_sec - (long long)from->tv_sec) * 1000000000LL + (to->tv_nsec - from->tv_nsec);
}

/* Was the file at before (its stat before it was read) the same after the
** read, a regular file, and unchanged for SETTLED_NS before it? */
static int settled(const char *path, const struct stat *before) {
    struct stat after;
    struct timespec now;
    if (stat(path, &after) != 0 || !same_stat(before, &after) || !S_ISREG(after.st_mode) ||
        clock_gettime(CLOCK_REALTIME, &now) != 0)
        return 0;
    return ns_between(&after.st_mtim, &now) >= SETTLED_NS && ns_between(&after.st_ctim, &now) >= SETTLED_NS;
}

/*}===*/

/* The dump of source s, or 1 when it does not compile. */
static int dump(lua_State *L, const char *s, size_t len, buffer *out) {
    int failed;
    if (luaL_loadbufferx(L, s, len, NB_CHUNK_NAME, "t") != LUA_OK) {
        lua_pop(L, 1);
        return 1;
    }
    failed = lua_dump(L, add, out, 0) != 0 || out->data == NULL;
    lua_pop(L, 1);
    return failed;
}

/* Does a dump hold NB_CHUNK_NAME where a load will put its own name? */
static int laid_out(const buffer *d) {
    size_t n = strlen(NB_CHUNK_NAME);
    return d->len > NB_CHUNK_NAME_AT + 1 + n && d->data[NB_CHUNK_NAME_AT] == (0x80 | (n + 1)) &&
           memcmp(d->data + NB_CHUNK_NAME_AT + 1, NB_CHUNK_NAME, n) == 0;
}

static void bytes(FILE *out, const buffer *d) {
    size_t i;
    for (i = 0; i < d->len; i++) fprintf(out, "%s%d", i == 0 ? "" : i % 32 ? "," : ",\n", d->data[i]);
}

int main(int argc, char **argv) {
    lua_State *L = luaL_newstate();
    FILE *out;
    buffer canary = {0};
    int i, count = 0, usable, status = 0, files = 0;
    struct recorded { struct stat st; int kept; } *file_of;   /* each chunk's file's identity */
    if (argc < 2) {
        fprintf(stderr, "usage: nb_chunkgen OUT.c FILE.lua...\n");
        return 2;
    }
    if (L == NULL || dump(L, NB_CHUNK_CANARY, strlen(NB_CHUNK_CANARY), &canary)) {
        fprintf(stderr, "nb_chunkgen: cannot dump the canary\n");
        return 1;
    }
    usable = laid_out(&canary);
    if ((file_of = calloc((size_t)argc, sizeof *file_of)) == NULL) {
        fprintf(stderr, "nb_chunkgen: out of memory\n");
        return 1;
    }
    if (!usable) fprintf(stderr, "nb_chunkgen: this Lua's dumps are laid out otherwise; scripts stay text\n");
    out = fopen(argv[1], "w");
    if (out == NULL) {
        perror(argv[1]);
        return 1;
    }
    fprintf(out, "/* Generated by nb_chunkgen from the bundled scripts: do not edit. */\n"
                 "#include \"nb_chunks.h\"\n");
    fprintf(out, "const unsigned char nb_chunks_canary[] = {");
    bytes(out, &canary);
    fprintf(out, "};\nconst size_t nb_chunks_canary_len = sizeof nb_chunks_canary;\n");
    for (i = 2; usable && i < argc; i++) {
        buffer src = {0}, code = {0}, lean = {0};
        struct stat before;
        int known = stat(argv[i], &before) == 0;
        if (read_all(argv[i], &src)) {
            fprintf(stderr, "nb_chunkgen: cannot read %s\n", argv[i]);
            status = 1;
        } else if (src.len > 0 && dump(L, (const char *)src.data, src.len, &code) == 0 && laid_out(&code)) {
            int lean_ok = without_locals(L, &code, &lean) == 0 && laid_out(&lean);
            if (!lean_ok) fprintf(stderr, "nb_chunkgen: %s keeps its local names (its dump reads otherwise)\n", argv[i]);
            fprintf(out, "static const unsigned char c%d[] = {", count);
            bytes(out, lean_ok ? &lean : &code);
            fprintf(out, "}; /* %s */\n", argv[i]);
            fprintf(out, "#define H%d 0x%016llxULL, %zu, c%d, sizeof c%d\n", count,
                    (unsigned long long)nb_chunks_key(src.data, src.len), src.len, count, count);
            if (known && (size_t)before.st_size == src.len && settled(argv[i], &before)) {
                file_of[count].st = before;
                file_of[count].kept = 1;
                files++;
            }
            count++;
        } else if (src.len > 0) fprintf(stderr, "nb_chunkgen: %s left as text (it does not compile)\n", argv[i]);
        free(src.data);
        free(code.data);
        free(lean.data);
    }
    fprintf(out, "const nb_chunk nb_chunks[] = {\n");
    for (i = 0; i < count; i++) fprintf(out, "    { H%d },\n", i);
    fprintf(out, "    { 0, 0, NULL, 0 }\n};\nconst size_t nb_chunks_count = %d;\n", count);
    fprintf(out, "const nb_chunk_file nb_chunk_files[] = {\n");
    for (i = 0; i < count; i++) {
        const struct stat *st = &file_of[i].st;
        if (!file_of[i].kept) continue;
        fprintf(out, "    { %lluULL, %lluULL, %lld, %lld, %ld, %lld, %ld, %d },\n", (unsigned long long)st->st_dev,
                (unsigned long long)st->st_ino, (long long)st->st_size, (long long)st->st_mtim.tv_sec,
                (long)st->st_mtim.tv_nsec, (long long)st->st_ctim.tv_sec, (long)st->st_ctim.tv_nsec, i);
    }
    fprintf(out, "    { 0, 0, 0, 0, 0, 0, 0, 0 }\n};\nconst size_t nb_chunk_files_count = %d;\n", files);
    free(file_of);
    free(canary.data);
    lua_close(L);
    if (fclose(out) != 0) status = 1;
    if (status) remove(argv[1]);
    return status;
}
