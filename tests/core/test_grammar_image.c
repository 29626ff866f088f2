/* Grammar images: a grammar compiled where images are made is rebuilt
** from its image where they are used, matching as its fresh compile does;
** an edited text or a changed definition is compiled anew, a function a
** definition names is the one defined now, and a broken image is refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include "nb.h"
#include "nb_sandbox.h"
#include "nb_boot.h"
#include "nb_grammar_image.h"

typedef struct state { nb_sandbox sb; lua_State *L; } state;

static int boot(lua_State *L) {
    nb_boot(L, ".");
    return 0;
}

static void run(lua_State *L, const char *code) {
    if (luaL_loadstring(L, code) != LUA_OK || lua_pcall(L, 0, 0, 0) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
}

static void open_state(state *s) {
    nb_sandbox_init(&s->sb);
    s->L = lua_newstate(nb_alloc, &s->sb);
    assert_non_null(s->L);
    lua_pushcfunction(s->L, boot);
    assert_int_equal(lua_pcall(s->L, 0, 0, 0), LUA_OK);
    /* the definitions, and what a pattern's captures are as one string */
    run(s->L,
        "re, lpeg = require 're', require 'lpeg'\n"
        "up = function(s) return s:upper() end\n"
        "defs = { up = up, num = lpeg.C(lpeg.R'09'^1) / tonumber, sp = lpeg.S' '^0 }\n"
        "G = \"list <- {| item (',' %sp item)* |} !.\\nitem <- {[a-z]+} -> up / %num / '<' {:k: %num :} '>'\"\n"
        "function show(t) if type(t) ~= 'table' then return tostring(t) end\n"
        "  local keys = {} for k in pairs(t) do keys[#keys + 1] = tostring(k) end table.sort(keys)\n"
        "  local out = {} for _, k in ipairs(keys) do out[#out + 1] = k .. '=' .. show(t[tonumber(k) or k]) end\n"
        "  return '{' .. table.concat(out, ',') .. '}' end\n"
        "SUBJECTS = { 'ab, 12,cd', 'x,<7>, y', '', 'ab,', '12 , 3', 'abc,  de,f' }\n"
        "function same(p, q) for _, s in ipairs(SUBJECTS) do\n"
        "  local a, b = show(p:match(s)), show(q:match(s))\n"
        "  if a ~= b then error(s .. ': ' .. a .. ' ~= ' .. b) end end end\n");
}

static void close_state(state *s) {
    lua_close(s->L);
    assert_int_equal(s->sb.used, 0);
}

/* The images a state made running code (and the probe first). */
static unsigned char *images_of(const char *code, size_t *len) {
    char path[] = "/tmp/nb-grammar-images-XXXXXX";
    int fd = mkstemp(path);
    state s;
    unsigned char *data;
    FILE *f;
    long n;
    assert_true(fd >= 0);
    close(fd);
    setenv("NB_GRAMMAR_IMAGES_OUT", path, 1);
    open_state(&s);
    unsetenv("NB_GRAMMAR_IMAGES_OUT");
    run(s.L, code);
    close_state(&s);
    f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    assert_true(n > 0);
    data = malloc((size_t)n);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    unlink(path);
    *len = (size_t)n;
    return data;
}

/* The images a state made compiling G with defs (and the probe first). */
static unsigned char *images_of_G(size_t *len) {
    return images_of("P = re.compile(G, defs)", len);
}

static long hits(lua_State *L, long *misses) {
    return nb_grammar_images_hits(L, misses);
}

static void an_image_matches_as_its_fresh_compile(void **unused) {
    size_t len;
    unsigned char *data = images_of_G(&len);
    state s;
    long misses;
    (void)unused;
    open_state(&s);
    assert_true(nb_grammar_images_use(s.L, data, len));
    run(s.L, "P = re.compile(G, defs)");
    assert_int_equal(hits(s.L, &misses), 1);
    /* the same text with a space more is no image's: compiled */
    run(s.L, "same(P, re.compile(G .. ' ', defs))");
    assert_int_equal(hits(s.L, &misses), 1);
    assert_int_equal(misses, 1);
    run(s.L, "assert(show(P:match('ab, 12,<3>')) == '{1=AB,2=12,k=3}', show(P:match('ab, 12,<3>')))");
    close_state(&s);
    free(data);
}

static void a_changed_text_or_definition_is_compiled_anew(void **unused) {
    size_t len;
    unsigned char *data = images_of_G(&len);
    state s;
    long misses;
    (void)unused;
    open_state(&s);
    assert_true(nb_grammar_images_use(s.L, data, len));
    /* a definition that is another pattern: compiled, and it counts */
    run(s.L, "d = { up = up, num = lpeg.C(lpeg.R'19'^1), sp = lpeg.S' '^0 }\n"
             "P = re.compile(G, d)\n"
             "assert(show(P:match('ab,90')) == 'nil')\n"
             "assert(show(P:match('ab,19')) == '{1=AB,2=19}', show(P:match('ab,19')))");
    assert_int_equal(hits(s.L, &misses), 0);
    assert_int_equal(misses, 1);
    /* the text edited */
    run(s.L, "P = re.compile((G:gsub('%[a%-z%]', '[a-y]')), defs)\n"
             "assert(P:match('az') == nil)");
    assert_int_equal(hits(s.L, &misses), 0);
    /* a definition missing: the error re gives */
    run(s.L, "local ok, e = pcall(re.compile, G, { up = up, num = defs.num })\n"
             "assert(not ok and tostring(e):find('sp'), e)");
    assert_int_equal(hits(s.L, &misses), 0);
    /* a function by another value: the image puts the current one in */
    run(s.L, "d = { up = function(s) return '<' .. s .. '>' end, num = defs.num, sp = defs.sp }\n"
             "P = re.compile(G, d)\n"
             "assert(show(P:match('ab, 12')) == '{1=<ab>,2=12}', show(P:match('ab, 12')))\n"
             "same(P, re.compile(G .. ' ', d))");
    assert_int_equal(hits(s.L, &misses), 1);
    /* the function a pattern definition holds, also the current one */
    run(s.L, "d = { up = up, num = lpeg.C(lpeg.R'09'^1) / function(n) return 'n' .. n end, sp = defs.sp }\n"
             "P = re.compile(G, d)\n"
             "assert(show(P:match('12')) == '{1=n12}', show(P:match('12')))");
    assert_int_equal(hits(s.L, &misses), 2);
    close_state(&s);
    free(data);
}

static void a_broken_or_unprobed_image_is_not_used(void **unused) {
    size_t len, cut;
    unsigned char *data = images_of_G(&len);
    uint32_t probe_len;
    (void)unused;
    for (cut = 0; cut < len; cut += (cut < 64 || len - cut < 64) ? 1 : 7) {
        state s;
        long misses;
        open_state(&s);
        assert_true(nb_grammar_images_use(s.L, data, cut));
        run(s.L, "P = re.compile(G, defs)\n"
                 "assert(show(P:match('ab, 12,<3>')) == '{1=AB,2=12,k=3}')");
        /* (G's own image is the last, cut: at most the grammar re built of
        ** its rules, whose image comes before, is found) */
        assert_true(hits(s.L, &misses) <= 1);
        close_state(&s);
    }
    /* without the probe's image (the first), no image is trusted */
    memcpy(&probe_len, data, 4);
    {
        state s;
        long misses;
        open_state(&s);
        assert_true(nb_grammar_images_use(s.L, data + 4 + probe_len, len - 4 - probe_len));
        run(s.L, "P = re.compile(G, defs)");
        assert_int_equal(hits(s.L, &misses), 0);
        close_state(&s);
    }
    free(data);
}

/* The probe's image whose recorded fingerprint is not that of the tree it
** rebuilds: no image is trusted (the start compiles nothing with re to
** see the probe again: the image must agree with itself). */
static void a_probe_image_unlike_its_fingerprint_is_not_trusted(void **unused) {
    size_t len;
    unsigned char *data = images_of_G(&len);
    uint32_t probe_len;
    state s;
    long misses;
    (void)unused;
    memcpy(&probe_len, data, 4);
    assert_true(probe_len > 8 && 4 + (size_t)probe_len <= len);
    data[4 + probe_len - 8] ^= 1;                   /* the fingerprint closes the record */
    open_state(&s);
    assert_true(nb_grammar_images_use(s.L, data, len));
    run(s.L, "P = re.compile(G, defs)\n"
             "assert(show(P:match('ab, 12,<3>')) == '{1=AB,2=12,k=3}')");
    assert_int_equal(hits(s.L, &misses), 0);
    close_state(&s);
    free(data);
}

/* A grammar of rules from a table, matched: its rules in another order
** (LPeg lays them out in the order it meets them) and a match or two. */
static const char grammar_run[] =
    "local V = lpeg.V\n"
    "rules = { 'list', list = lpeg.Ct(V'item' * (',' * defs.sp * V'item')^0) * -1,\n"
    "  item = lpeg.C(lpeg.R'az'^1) / up + defs.num + '<' * lpeg.Cg(defs.num, 'k') * '>' }\n"
    "P = re.compile(G, defs)\n"
    "Q = lpeg.P(rules)\n"
    "assert(show(Q:match('ab, 12,<3>')) == '{1=AB,2=12,k=3}', show(Q:match('ab, 12,<3>')))\n"
    "assert(show(P:match('ab, 12,<3>')) == '{1=AB,2=12,k=3}')\n";

static void a_first_match_takes_its_code_from_an_image(void **unused) {
    size_t len;
    unsigned char *data = images_of(grammar_run, &len);
    state s;
    long misses;
    (void)unused;
    open_state(&s);
    assert_true(nb_grammar_images_use(s.L, data, len));
    /* the rules given in another order: the same grammar, from its image */
    run(s.L, "local V = lpeg.V\n"
             "P = re.compile(G, defs)\n"
             "local r = { 'list' }\n"
             "r.item = lpeg.C(lpeg.R'az'^1) / up + defs.num + '<' * lpeg.Cg(defs.num, 'k') * '>'\n"
             "r.list = lpeg.Ct(V'item' * (',' * defs.sp * V'item')^0) * -1\n"
             "Q = lpeg.P(r)\n"
             "fresh = re.compile(G .. ' ', defs)\n"
             "same(P, fresh)\n"
             "same(Q, fresh)");
    assert_int_equal(hits(s.L, &misses), 2);
    /* P's and Q's code from their images, and fresh's: its text is no
    ** image's, but its tree is P's */
    assert_int_equal(nb_grammar_images_code_hits(s.L), 3);
    /* a pattern made of one that has matched: compiled, and it matches */
    run(s.L, "same(lpeg.Ct(P), lpeg.Ct(fresh))\n"
             "assert(show((P * -1):match('ab,cd')) == '{1=AB,2=CD}')");
    assert_int_equal(nb_grammar_images_code_hits(s.L), 3);
    close_state(&s);
    free(data);
}

/* The code records' first instruction (after the tree) made one LPeg has not. */
static void spoil_code(unsigned char *data, size_t len) {
    size_t at = 0;
    while (at + 4 <= len) {
        uint32_t rest, mark, blen;
        memcpy(&rest, data + at, 4);
        if (at + 4 + rest > len) break;
        memcpy(&mark, data + at + 12, 4);
        if (rest >= 20 && mark == 0xFFFFFFFFu) {
            memcpy(&blen, data + at + 16, 4);
            if (20 + blen + 4 < rest) data[at + 4 + 20 + blen + 4] = 0xEE;
        }
        at += 4 + rest;
    }
}

static void unsound_code_is_not_used(void **unused) {
    size_t len;
    unsigned char *data = images_of(grammar_run, &len);
    state s;
    long misses;
    (void)unused;
    spoil_code(data, len);
    open_state(&s);
    assert_true(nb_grammar_images_use(s.L, data, len));
    run(s.L, grammar_run);
    assert_int_equal(nb_grammar_images_code_hits(s.L), 0);
    assert_int_equal(hits(s.L, &misses), 2);
    close_state(&s);
    free(data);
}

/* The fingerprint of the pattern made by code (a global P). */
static uint64_t fingerprint_of(lua_State *L, const char *code) {
    uint64_t fp = 0;
    run(L, code);
    lua_getglobal(L, "P");
    assert_int_equal(nb_grammar_image_fingerprint(L, -1, &fp), 0);
    lua_pop(L, 1);
    return fp;
}

/* Patterns made alike have one fingerprint; a character, a set's member,
** a count, a capture's kind or a rule's order make another. */
static void a_fingerprint_tells_patterns_apart(void **unused) {
    state s;
    uint64_t a, b;
    (void)unused;
    open_state(&s);
    a = fingerprint_of(s.L, "P = lpeg.C(lpeg.S'abc' * lpeg.P'xy'^2 + lpeg.R'09') * lpeg.P{ 'r', r = 'q' * lpeg.V's', s = lpeg.P'z' }");
    b = fingerprint_of(s.L, "P = lpeg.C(lpeg.S'cba' * lpeg.P'xy'^2 + lpeg.R'09') * lpeg.P{ 'r', r = 'q' * lpeg.V's', s = lpeg.P'z' }");
    assert_true(a == b);
    assert_true(a != fingerprint_of(s.L, "P = lpeg.C(lpeg.S'abd' * lpeg.P'xy'^2 + lpeg.R'09') * lpeg.P{ 'r', r = 'q' * lpeg.V's', s = lpeg.P'z' }"));
    assert_true(a != fingerprint_of(s.L, "P = lpeg.C(lpeg.S'abc' * lpeg.P'xz'^2 + lpeg.R'09') * lpeg.P{ 'r', r = 'q' * lpeg.V's', s = lpeg.P'z' }"));
    assert_true(a != fingerprint_of(s.L, "P = lpeg.C(lpeg.S'abc' * lpeg.P'xy'^3 + lpeg.R'09') * lpeg.P{ 'r', r = 'q' * lpeg.V's', s = lpeg.P'z' }"));
    assert_true(a != fingerprint_of(s.L, "P = lpeg.Cs(lpeg.S'abc' * lpeg.P'xy'^2 + lpeg.R'09') * lpeg.P{ 'r', r = 'q' * lpeg.V's', s = lpeg.P'z' }"));
    assert_true(a != fingerprint_of(s.L, "P = lpeg.C(lpeg.S'abc' * lpeg.P'xy'^2 + lpeg.R'09') * lpeg.P{ 's', r = 'q' * lpeg.V's', s = lpeg.P'z' }"));
    /* a function constant by its place, not its value */
    a = fingerprint_of(s.L, "P = lpeg.R'09'^1 / function(x) return x end");
    assert_true(a == fingerprint_of(s.L, "P = lpeg.R'09'^1 / function(x) return x .. x end"));
    assert_true(a != fingerprint_of(s.L, "P = lpeg.R'09'^1 / 'x'"));
    close_state(&s);
}

/* A pattern rebuilt from its image has the fingerprint the image holds:
** that of the same pattern compiled afresh (the walk of it the build did),
** and after its first match (which may fix its tree) the one a fresh
** compile has after its own. A grammar of those rules (lpeg.P of a table)
** is rebuilt alike. */
static void a_rebuilt_pattern_has_the_fingerprint_of_its_fresh_compile(void **unused) {
    size_t len;
    unsigned char *data = images_of("P = re.compile(G, defs)\n"
                                    "Q = lpeg.P{ 'a', a = re.compile(G, defs) * lpeg.V'b', b = lpeg.P'z' }", &len);
    state s;
    long misses;
    (void)unused;
    open_state(&s);
    assert_true(nb_grammar_images_use(s.L, data, len));
    run(s.L, "Q = lpeg.P{ 'a', a = re.compile(G, defs) * lpeg.V'b', b = lpeg.P'z' }");
    assert_int_equal(hits(s.L, &misses), 2);
    assert_true(fingerprint_of(s.L, "P = Q") ==
                fingerprint_of(s.L, "P = lpeg.P{ 'a', a = re.compile(G .. ' ', defs) * lpeg.V'b', b = lpeg.P'z' }"));
    assert_true(fingerprint_of(s.L, "P = re.compile(G, defs)") == fingerprint_of(s.L, "P = re.compile(G .. ' ', defs)"));
    assert_true(fingerprint_of(s.L, "P = re.compile(G, defs); P:match('ab')") ==
                fingerprint_of(s.L, "P = re.compile(G .. ' ', defs); P:match('ab')"));
    close_state(&s);
    free(data);
}

/* Many grammars imaged: each found by its own key, whatever the order asked. */
static const char many_grammars[] =
    "MANY = {}\n"
    "for i = 1, 40 do MANY[i] = re.compile(G .. ('\\nx' .. i .. ' <- ' .. string.rep(\"'a' \", i)), defs) end\n";

static void many_images_each_found_by_its_key(void **unused) {
    size_t len;
    unsigned char *data = images_of(many_grammars, &len);
    state s;
    long misses;
    (void)unused;
    open_state(&s);
    assert_true(nb_grammar_images_use(s.L, data, len));
    run(s.L, "for i = 40, 1, -1 do\n"
             "  local text = G .. ('\\nx' .. i .. ' <- ' .. string.rep(\"'a' \", i))\n"
             "  same(re.compile(text, defs), re.compile(text .. ' ', defs))\n"
             "end");
    assert_int_equal(hits(s.L, &misses), 40);
    assert_int_equal(misses, 40);
    close_state(&s);
    free(data);
}

/* The words of the national pack's language (T.defs) are built alike in
** every state (each its own order of a table's keys, its strings' hashes
** seeded by its address: the states are open at once): the images made of
** the grammars that read them are found at every start. */
#define STATES 8
static void the_language_words_are_built_alike_in_every_state(void **unused) {
    static state s[STATES];
    uint64_t first[32];
    int n_first = -1, k;
    (void)unused;
    for (k = 0; k < STATES; k++) open_state(&s[k]);
    for (k = 0; k < STATES; k++) {
        lua_State *L = s[k].L;
        int n = 0;
        run(L, "local claims = require 'claims'\n"
               "local env = setmetatable({}, { __index = _G })\n"
               "assert(loadfile('rules/gb2021/format.lua', 't', env))()\n"
               "local T = claims.for_format({ language = env.language })\n"
               "names = {}\n"
               "for name in pairs(T.defs) do names[#names + 1] = name end\n"
               "table.sort(names)\n"
               "words = {}\n"
               "for i, name in ipairs(names) do words[i] = T.defs[name] end");
        lua_getglobal(L, "words");
        for (;;) {
            uint64_t fp;
            lua_rawgeti(L, -1, n + 1);
            if (lua_isnil(L, -1)) { lua_pop(L, 1); break; }
            assert_true(n < 32);
            assert_int_equal(nb_grammar_image_fingerprint(L, -1, &fp), 0);
            lua_pop(L, 1);
            if (n_first < 0) first[n] = fp;
            else assert_true(first[n] == fp);
            n++;
        }
        lua_pop(L, 1);
        if (n_first < 0) n_first = n;
        assert_int_equal(n, n_first);
        assert_true(n >= 10);
    }
    for (k = 0; k < STATES; k++) close_state(&s[k]);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_image_matches_as_its_fresh_compile),
        cmocka_unit_test(a_changed_text_or_definition_is_compiled_anew),
        cmocka_unit_test(a_broken_or_unprobed_image_is_not_used),
        cmocka_unit_test(a_probe_image_unlike_its_fingerprint_is_not_trusted),
        cmocka_unit_test(a_first_match_takes_its_code_from_an_image),
        cmocka_unit_test(unsound_code_is_not_used),
        cmocka_unit_test(many_images_each_found_by_its_key),
        cmocka_unit_test(a_fingerprint_tells_patterns_apart),
        cmocka_unit_test(a_rebuilt_pattern_has_the_fingerprint_of_its_fresh_compile),
        cmocka_unit_test(the_language_words_are_built_alike_in_every_state),
    };
    return cmocka_run_group_tests_name("nb_grammar_image", tests, NULL, NULL);
}
