/*
** nb_zip.c — one entry of an in-memory zip archive, through libzip.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <lauxlib.h>
#include "nb.h"
#include "nb_dl.h"
#include "nb_zip.h"

/* libzip's functions read here, looked up when the first archive is read */
#define LIBZIP_FUNCTIONS(F) \
    F(zip_error_init) F(zip_error_fini) F(zip_error_strerror) F(zip_source_buffer_create) \
    F(zip_source_free) F(zip_open_from_source) F(zip_stat_init) F(zip_stat) F(zip_fopen) \
    F(zip_fread) F(zip_strerror) F(zip_file_strerror) F(zip_fclose) F(zip_discard)
#define AS_FIELD(name) __typeof__(name) *name;     /* the header's own declaration */
#define AS_NAME(name) #name,
typedef struct { LIBZIP_FUNCTIONS(AS_FIELD) } libzip_functions;
static const char *const libzip_names[] = { LIBZIP_FUNCTIONS(AS_NAME) };

int nb_zip_entry(lua_State *L, const char *buf, size_t len, const char *name, size_t limit,
                 char **out, size_t *outlen, char *err, size_t errlen) {
    zip_error_t zerr;
    zip_source_t *src = NULL;
    zip_t *za = NULL;
    zip_file_t *zf = NULL;
    zip_stat_t st;
    char *data = NULL;
    size_t got = 0;
    int rc = NB_ESYNTAX;
    const libzip_functions *z = nb_dl_functions(L, NB_LIBZIP_SONAME, libzip_names,
                                                sizeof libzip_names / sizeof libzip_names[0], err, errlen);
    *out = NULL;
    *outlen = 0;
    if (z == NULL) return NB_ENOTFOUND;
    z->zip_error_init(&zerr);
    if ((src = z->zip_source_buffer_create(buf, len, 0, &zerr)) == NULL) {
        snprintf(err, errlen, "%s", z->zip_error_strerror(&zerr));
        rc = NB_ENOMEM;
        goto cleanup;
    }
    if ((za = z->zip_open_from_source(src, ZIP_RDONLY, &zerr)) == NULL) {
        snprintf(err, errlen, "not a zip archive: %s", z->zip_error_strerror(&zerr));
        z->zip_source_free(src);        /* not taken over by a failed open */
        goto cleanup;
    }
    z->zip_stat_init(&st);
    if (z->zip_stat(za, name, 0, &st) != 0) {
        snprintf(err, errlen, "the archive has no %s", name);
        rc = NB_ENOTFOUND;
        goto cleanup;
    }
    if (!(st.valid & ZIP_STAT_SIZE) || st.size > limit) {
        snprintf(err, errlen, "%s is larger than the limit of %zu bytes", name, limit);
        rc = NB_ERANGE;
        goto cleanup;
    }
    if ((data = malloc((size_t)st.size + 1)) == NULL) {
        snprintf(err, errlen, "out of memory");
        rc = NB_ENOMEM;
        goto cleanup;
    }
    if ((zf = z->zip_fopen(za, name, 0)) == NULL) {
        snprintf(err, errlen, "%s cannot be opened: %s", name, z->zip_strerror(za));
        goto cleanup;
    }
    /* read no more than the size it declares: a lying header gets no more room */
    while (got < (size_t)st.size) {
        zip_int64_t n = z->zip_fread(zf, data + got, (zip_uint64_t)((size_t)st.size - got));
        if (n < 0) {
            snprintf(err, errlen, "%s is damaged: %s", name, z->zip_file_strerror(zf));
            goto cleanup;
        }
        if (n == 0) break;
        got += (size_t)n;
    }
    data[got] = '\0';
    *out = data;
    *outlen = got;
    data = NULL;
    rc = NB_OK;
cleanup:
    if (zf) z->zip_fclose(zf);
    if (za) z->zip_discard(za);         /* read only: nothing to write back */
    z->zip_error_fini(&zerr);
    free(data);
    return rc;
}

/* zip.entry(bytes, name [, limit]) -> text | nil, reason */
static int l_entry(lua_State *L) {
    size_t len, outlen;
    const char *buf = luaL_checklstring(L, 1, &len);
    const char *name = luaL_checkstring(L, 2);
    lua_Integer limit = luaL_optinteger(L, 3, (lua_Integer)64 << 20);
    char *out, err[256];
    int rc;
    luaL_argcheck(L, limit > 0, 3, "the limit must be positive");
    rc = nb_zip_entry(L, buf, len, name, (size_t)limit, &out, &outlen, err, sizeof err);
    if (rc != NB_OK) {
        luaL_pushfail(L);
        lua_pushstring(L, err);
        return 2;
    }
    lua_pushlstring(L, out, outlen);
    free(out);
    return 1;
}

static const luaL_Reg zip_funcs[] = {
    {"entry", l_entry}, {NULL, NULL}
};

int luaopen_nianbao_zip(lua_State *L) {
    luaL_newlib(L, zip_funcs);
    return 1;
}
