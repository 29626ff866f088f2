/* Whether text is UTF-8: the answer of Lua's utf8.len, byte for byte. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>
#include "nb_encoding.h"

/* utf8.len(s): 0 when it counts s, else the position it reports */
static size_t lua_says(lua_State *L, const char *s, size_t len) {
    size_t at = 0;
    lua_getglobal(L, "utf8");
    lua_getfield(L, -1, "len");
    lua_pushlstring(L, s, len);
    lua_call(L, 1, 2);
    if (lua_isnil(L, -2)) at = (size_t)lua_tointeger(L, -1);
    lua_pop(L, 3);
    return at;
}

static void same(lua_State *L, const char *s, size_t len) {
    assert_int_equal(nb_encoding_utf8_invalid(s, len), lua_says(L, s, len));
}

static void every_kind_of_sequence_is_judged_as_utf8_len_judges_it(void **state) {
    lua_State *L = luaL_newstate();
    static const char *const cases[] = {
        "", "abc", "\xE4\xB8\x80\xE4\xBA\x8C", "\xC2\x80", "\xC1\xBF", "\xC0\x80", "\xDF\xBF",
        "\xE0\x9F\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xED\xA0\x80", "\xEF\xBF\xBF",
        "\xF0\x8F\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
        "\xF8\x88\x80\x80\x80", "\xFE", "\xFF", "\x80", "\xBF", "abcdefgh\xE4\xB8", "abcdefghijklmnop\x80",
        "\xE4\xB8\x80x\xE4", "\xE4\x41\x80", "\xF0\x90\x80", NULL
    };
    int i;
    (void)state;
    luaL_openlibs(L);
    for (i = 0; cases[i]; i++) same(L, cases[i], strlen(cases[i]));
    same(L, "a\0b\xE4\xB8\x80", 6);                    /* NUL is a character */
    same(L, "\xE4\0\x80", 3);
    lua_close(L);
}

static void random_text_of_edge_bytes_is_judged_as_utf8_len_judges_it(void **state) {
    static const unsigned char bytes[] = {
        0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE4,
        0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF
    };
    lua_State *L = luaL_newstate();
    uint32_t seed = 12345;
    char s[40];
    int n, i, k;
    (void)state;
    luaL_openlibs(L);
    for (n = 0; n < 200000; n++) {
        int len;
        seed = seed * 1103515245u + 12345u;
        len = (int)((seed >> 16) % sizeof s);
        for (i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            k = (int)((seed >> 16) % (sizeof bytes + 12));
            /* one in four or so a valid character, so that errors come late too */
            if (k >= (int)sizeof bytes && i + 3 <= len) {
                memcpy(s + i, "\xE4\xB8\x80", 3);
                i += 2;
            } else s[i] = (char)bytes[k % sizeof bytes];
        }
        same(L, s, (size_t)len);
    }
    lua_close(L);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_kind_of_sequence_is_judged_as_utf8_len_judges_it),
        cmocka_unit_test(random_text_of_edge_bytes_is_judged_as_utf8_len_judges_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
