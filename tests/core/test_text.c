/* Scraped text: labels.trim's spaces cut at both ends, a text's lines as blocks, labels folded, and\n** the first of a list of words found. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>
#include "nb_text.h"

static void trimmed(const char *s, const char *want) {
    size_t i, j;
    nb_text_trim(s, strlen(s), &i, &j);
    assert_int_equal(j - i, strlen(want));
    assert_memory_equal(s + i, want, strlen(want));
}

static void spaces_of_every_width_are_cut_at_both_ends_only(void **state) {
    (void)state;
    trimmed("  收到申请数 \t", "收到申请数");
    trimmed("\xE3\x80\x80\xC2\xA0 a b \xE2\x80\x8B\xEF\xBB\xBF\v", "a b");
    trimmed("\xE2\x80\x82\xE2\x80\x83x\xE2\x80\x89", "x");
    trimmed(" \r\n\f ", "");
    trimmed("", "");
}

static void a_character_that_only_ends_like_a_space_is_kept(void **state) {
    (void)state;
    trimmed("\xE4\xB8\x80", "\xE4\xB8\x80");             /* 一 ends in 0x80 as U+3000 does */
    trimmed("\xA0x\xC2", "\xA0x\xC2");                     /* halves of U+00A0 are not spaces */
    trimmed("\xE2\x80\x94x\xE2\x80\x94", "\xE2\x80\x94x\xE2\x80\x94");   /* a dash begins as U+2002 does */
    trimmed("\xEF\xBC\x89\xE3\x80\x80", "\xEF\xBC\x89");   /* a bracket begins as U+FEFF does */
}

/* The field k of block i (1-based) of the list at stack index 1, as a
** string (left on the stack). */
static const char *field(lua_State *L, int i, const char *k) {
    lua_rawgeti(L, 1, i);
    lua_getfield(L, -1, k);
    lua_replace(L, -2);
    return lua_tostring(L, -1);
}

static void cells_on_one_line_form_a_row_of_a_grid(void **state) {
    const char *text = "标题\n| 申请人 | 自然人 |\n| 收到 | 7 |\n年度 |\n";
    lua_State *L = luaL_newstate();
    (void)state;
    assert_non_null(L);
    assert_int_equal(nb_text_blocks(L, text, strlen(text)), 2);
    assert_int_equal(lua_rawlen(L, 1), 6);
    assert_int_equal(lua_tointeger(L, 2), 5);                /* the last block with a grid */
    lua_pop(L, 1);
    assert_string_equal(field(L, 1, "kind"), "para");
    assert_string_equal(field(L, 3, "text"), "自然人");
    assert_string_equal(field(L, 3, "grid"), "t1");
    assert_string_equal(field(L, 5, "row"), "2");
    assert_string_equal(field(L, 5, "x0"), "1");
    assert_string_equal(field(L, 5, "col"), "8");           /* characters, not bytes */
    assert_string_equal(field(L, 6, "text"), "年度");
    assert_null(field(L, 6, "grid"));
    lua_close(L);
}

static void a_text_with_markdown_is_left_to_the_lua_reader(void **state) {
    const char *texts[] = { "# 标题\n", "a | b |\n|---|---|\n", "<table>\n", "**粗**\n", "> 引\n", NULL };
    lua_State *L = luaL_newstate();
    int i;
    (void)state;
    assert_non_null(L);
    for (i = 0; texts[i]; i++) {
        assert_int_equal(nb_text_blocks(L, texts[i], strlen(texts[i])), 1);
        assert_true(lua_isboolean(L, -1) && !lua_toboolean(L, -1));
        lua_pop(L, 1);
    }
    lua_close(L);
}

static void a_paras_trailing_tabs_are_counted(void **state) {
    const char *text = "2.重复申请\t\t\t\n规章\t0\n";
    lua_State *L = luaL_newstate();
    (void)state;
    assert_non_null(L);
    assert_int_equal(nb_text_blocks(L, text, strlen(text)), 2);
    lua_pop(L, 1);
    assert_string_equal(field(L, 1, "text"), "2.重复申请");
    assert_string_equal(field(L, 1, "tabs"), "3");           /* three empty cells */
    assert_null(field(L, 2, "tabs"));
    lua_close(L);
}

static void a_short_line_with_a_digit_between_empty_lines_is_lone(void **state) {
    const char *text = "表三\n\n   - 3 -  \n\n值 1\n\n长的一行文字不是页脚而是正文的一段话12345678\n\n4\n";
    lua_State *L = luaL_newstate();
    (void)state;
    assert_non_null(L);
    lua_pushlstring(L, text, strlen(text));
    assert_int_equal(nb_text_lone_lines(L), 1);
    assert_int_equal(lua_rawlen(L, -1), 4);                   /* "- 3 -" and "值 1"; the long line and the last not */
    lua_rawgeti(L, -1, 1);
    assert_int_equal(lua_tointeger(L, -1), 12);              /* "- 3 -" opens after its spaces */
    lua_rawgeti(L, -2, 2);
    assert_int_equal(lua_tointeger(L, -1), 19);              /* its line break */
    lua_close(L);
}

/* fold(text) with the folder of map (pairs of key and value, NULL ended),
** compared with want. */
static void folded(lua_State *L, const char *const *map, const char *text, const char *want) {
    int i;
    lua_newtable(L);
    for (i = 0; map[i]; i += 2) {
        lua_pushstring(L, map[i + 1]);
        lua_setfield(L, -2, map[i]);
    }
    lua_pushcfunction(L, nb_text_folder);
    lua_insert(L, -2);
    lua_call(L, 1, 1);
    lua_pushstring(L, text);
    lua_call(L, 1, 1);
    assert_string_equal(lua_tostring(L, -1), want);
    lua_pop(L, 1);
}

static void a_folder_replaces_the_characters_that_are_keys_only(void **state) {
    static const char *const map[] = {
        ",", "", "\xE3\x80\x81", ",", "\xE8\x90\xAC", "\xE4\xB8\x87",   /* 、→ ","  萬→万 */
        "\xF0\x9F\x98\x80", "s", "ab", "never", "a", "A", NULL          /* 😀 → s */
    };
    lua_State *L = luaL_newstate();
    (void)state;
    assert_non_null(L);
    folded(L, map, "", "");
    folded(L, map, "xyz", "xyz");
    folded(L, map, "ab,c", "Abc");
    folded(L, map, "\xE8\x90\xAC\xE3\x80\x81\xE4\xB8\x87", "\xE4\xB8\x87,\xE4\xB8\x87");
    folded(L, map, "\xF0\x9F\x98\x80!", "s!");
    folded(L, map, "\xE8\x90\xAD", "\xE8\x90\xAD");                   /* a neighbour of a key: kept */
    folded(L, map, "x\xE8\x90", "x\xE8\x90");                         /* a character cut short: kept */
    lua_close(L);
}

/* first_of(text, words) (words NULL ended) is want, 0 for nil. */
static void first_is(lua_State *L, const char *text, const char *const *words, lua_Integer want) {
    int i;
    lua_pushcfunction(L, nb_text_first_of);
    lua_pushstring(L, text);
    lua_newtable(L);
    for (i = 0; words[i]; i++) {
        lua_pushstring(L, words[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_call(L, 2, 1);
    if (want == 0) assert_true(lua_isnil(L, -1));
    else assert_int_equal(lua_tointeger(L, -1), want);
    lua_pop(L, 1);
}

static void the_first_of_a_list_of_words_is_where_the_earliest_begins(void **state) {
    static const char *const none[] = { NULL };
    static const char *const marks[] = { "\xE3\x80\x82", "\xEF\xBC\x9B", NULL };     /* 。 ； */
    static const char *const words[] = { "cd", "abc", "bcd", NULL };
    static const char *const empty[] = { "zz", "", NULL };
    lua_State *L = luaL_newstate();
    (void)state;
    assert_non_null(L);
    first_is(L, "abcd", none, 0);
    first_is(L, "abcd", words, 1);                       /* the earliest, not the first listed */
    first_is(L, "xxcd", words, 3);
    first_is(L, "xbcd", words, 2);
    first_is(L, "abxc", words, 0);
    first_is(L, "c", words, 0);                          /* a word longer than the text */
    first_is(L, "cd", words, 1);                         /* a word that is the whole text */
    first_is(L, "xyz", empty, 1);                        /* the empty word, at 1 as string.find has it */
    first_is(L, "", empty, 1);
    /* a last byte seen before a whole word: the search goes on past it */
    first_is(L, "\xE4\xB8\x82\xE3\x80\x8A\xE4\xB8\x80\xEF\xBC\x9B", marks, 10);
    first_is(L, "\xE4\xB8\x80\xE3\x80\x82\xE3\x80\x82", marks, 4);
    lua_close(L);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spaces_of_every_width_are_cut_at_both_ends_only),
        cmocka_unit_test(a_character_that_only_ends_like_a_space_is_kept),
        cmocka_unit_test(cells_on_one_line_form_a_row_of_a_grid),
        cmocka_unit_test(a_text_with_markdown_is_left_to_the_lua_reader),
        cmocka_unit_test(a_paras_trailing_tabs_are_counted),
        cmocka_unit_test(a_short_line_with_a_digit_between_empty_lines_is_lone),
        cmocka_unit_test(a_folder_replaces_the_characters_that_are_keys_only),
        cmocka_unit_test(the_first_of_a_list_of_words_is_where_the_earliest_begins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
