/* Plain data in C: the byte box under a memory cap, and marshal and the
** JSON writer failing cleanly when memory runs out, leaking nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include "nb_marshal.h"
#include "nb_json.h"

/* An allocator that counts, and refuses growth past cap (0 = no cap). */
typedef struct counted { size_t used, cap; } counted;

static void *counted_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    counted *c = ud;
    void *p;
    if (ptr == NULL) osize = 0;
    if (nsize == 0) {
        free(ptr);
        c->used -= osize;
        return NULL;
    }
    if (nsize > osize && c->cap && c->used - osize + nsize > c->cap) return NULL;
    p = realloc(ptr, nsize);
    if (p == NULL) return nsize > osize ? NULL : ptr;
    c->used = c->used - osize + nsize;
    return p;
}

static void run(lua_State *L, const char *code) {
    if (luaL_loadstring(L, code) != LUA_OK || lua_pcall(L, 0, 0, 0) != LUA_OK) {
        fail_msg("%s", lua_tostring(L, -1));
    }
}

static void a_box_grows_keeps_every_byte_and_gives_them_back(void **state) {
    counted c = { 0, 0 };
    lua_State *L = lua_newstate(counted_alloc, &c);
    nb_box *b;
    size_t i, empty;
    char chunk[37];
    (void)state;
    assert_non_null(L);
    b = nb_box_push(L);
    empty = c.used;
    for (i = 0; i < sizeof chunk; i++) chunk[i] = (char)('a' + i % 26);
    for (i = 0; i < 5000; i++) assert_int_equal(nb_box_add(b, chunk, sizeof chunk), 0);
    assert_int_equal(nb_box_addc(b, '!'), 0);
    assert_int_equal(b->n, 5000 * sizeof chunk + 1);
    assert_memory_equal(b->p + 4999 * sizeof chunk, chunk, sizeof chunk);
    assert_int_equal(b->p[b->n - 1], '!');
    assert_true(c.used >= empty + 5000 * sizeof chunk);
    nb_box_clear(b);
    assert_int_equal(b->n, 0);
    assert_int_equal(c.used, empty);      /* cleared: its bytes are given back at once */
    nb_box_clear(NULL);
    lua_close(L);
    assert_int_equal(c.used, 0);
}

static void a_box_past_the_memory_cap_refuses_and_stays_as_it_was(void **state) {
    counted c = { 0, 0 };
    lua_State *L = lua_newstate(counted_alloc, &c);
    nb_box *b;
    static char big[1 << 16];
    (void)state;
    assert_non_null(L);
    b = nb_box_push(L);
    assert_int_equal(nb_box_add(b, "kept", 4), 0);
    c.cap = c.used + 1024;
    assert_int_equal(nb_box_add(b, big, sizeof big), -1);
    assert_int_equal(b->n, 4);
    assert_memory_equal(b->p, "kept", 4);
    c.cap = 0;
    assert_int_equal(nb_box_add(b, big, sizeof big), 0);
    assert_int_equal(b->n, 4 + sizeof big);
    lua_close(L);                         /* the box's __gc frees its bytes */
    assert_int_equal(c.used, 0);
}

static void encode_out_of_memory_is_an_error_and_leaks_nothing(void **state) {
    counted c = { 0, 0 };
    lua_State *L = lua_newstate(counted_alloc, &c);
    const char *why;
    (void)state;
    assert_non_null(L);
    luaL_openlibs(L);
    luaopen_nianbao_marshal(L);
    lua_setglobal(L, "marshal");
    lua_newtable(L);                      /* a stand-in for nianbao.null */
    nb_json_open(L);
    lua_setglobal(L, "json");
    lua_pop(L, 1);
    run(L, "big = {} for i = 1, 2000 do big[i] = { n = i, s = string.rep('x', 100) } end");
    /* both calls compiled before the cap: only the encoding meets it */
    luaL_loadstring(L, "local ok, why = pcall(marshal.encode, big); assert(not ok); return why");
    luaL_loadstring(L, "local ok, why = pcall(json.encode, big); assert(not ok); return why");
    lua_gc(L, LUA_GCCOLLECT);
    c.cap = c.used + 4096;
    assert_int_equal(lua_pcall(L, 0, 1, 0), LUA_OK);
    why = lua_tostring(L, -1);
    assert_non_null(why);
    assert_non_null(strstr(why, "not enough memory"));
    lua_pop(L, 1);
    assert_int_equal(lua_pcall(L, 0, 1, 0), LUA_OK);
    why = lua_tostring(L, -1);
    assert_non_null(why);
    assert_non_null(strstr(why, "not enough memory"));
    lua_pop(L, 1);
    c.cap = 0;
    run(L, "local back = marshal.decode(marshal.encode(big))\n"
           "assert(#back == 2000 and back[2000].n == 2000 and #back[1].s == 100)\n"
           "assert(#json.encode(big) > 200000)");
    lua_close(L);
    assert_int_equal(c.used, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_box_grows_keeps_every_byte_and_gives_them_back),
        cmocka_unit_test(a_box_past_the_memory_cap_refuses_and_stays_as_it_was),
        cmocka_unit_test(encode_out_of_memory_is_an_error_and_leaks_nothing),
    };
    return cmocka_run_group_tests_name("nb_marshal", tests, NULL, NULL);
}
