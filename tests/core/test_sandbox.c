/* The sandbox: limits that a script cannot catch, lift or escape, and the
** metered pattern matcher, held side by side with Lua's own. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include "nb.h"
#include "nb_sandbox.h"
#include "nb_boot.h"

typedef struct fixture { nb_sandbox sb; lua_State *L; } fixture;

static int boot(lua_State *L) {
    nb_boot(L, ".");
    return 0;
}

static int setup(void **state) {
    static fixture f;
    nb_sandbox_init(&f.sb);
    f.L = lua_newstate(nb_alloc, &f.sb);
    if (f.L == NULL) return -1;
    lua_pushcfunction(f.L, boot);
    if (lua_pcall(f.L, 0, 0, 0) != LUA_OK) return -1;
    luaL_requiref(f.L, "limits", luaopen_nianbao_sandbox, 1);
    lua_pop(f.L, 1);
    *state = &f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    lua_close(f->L);
    assert_int_equal(f->sb.used, 0);      /* every byte the state had is given back */
    return 0;
}

/* Run Lua code in L; the test fails with its error. */
static void run(lua_State *L, const char *code) {
    if (luaL_loadstring(L, code) != LUA_OK || lua_pcall(L, 0, 0, 0) != LUA_OK) {
        fail_msg("%s", lua_tostring(L, -1));
    }
}

/* A state with Lua's own string functions as `orig` and the metered
** matcher's as `mine`, and the helpers that compare them: all(f, ...)
** (every result of a protected call), same(a, b, what), iterate(gmatch,
** s, p [, init]) (what a gmatch gives, its error included). */
static lua_State *orig_and_mine(void) {
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    run(L, "orig = { find = string.find, match = string.match, gmatch = string.gmatch, gsub = string.gsub }");
    run(L,
        "function all(f, ...) return table.pack(pcall(f, ...)) end\n"
        "function same(a, b, what)\n"
        "  if a.n ~= b.n then error(what .. ': ' .. b.n .. ' results, Lua has ' .. a.n) end\n"
        "  for i = 1, a.n do\n"
        "    if a[i] ~= b[i] then error(what .. ': result ' .. i .. ' is ' .. tostring(b[i]) ..\n"
        "                                ', Lua says ' .. tostring(a[i])) end\n"
        "  end\n"
        "end\n"
        "function iterate(gm, s, p, init)\n"
        "  local ok, it = pcall(gm, s, p, init)\n"
        "  if not ok then return { n = 1, it } end\n"
        "  local out = { n = 0 }\n"
        "  for _ = 1, 200 do\n"
        "    local r = table.pack(pcall(it))\n"
        "    if not r[1] then out.n = out.n + 1; out[out.n] = r[2]; break end\n"
        "    if r[2] == nil then break end\n"
        "    for k = 2, r.n do out.n = out.n + 1; out[out.n] = r[k] end\n"
        "  end\n"
        "  return out\n"
        "end\n");
    lua_newtable(L);
    nb_sandbox_patterns(L);
    lua_setglobal(L, "mine");
    return L;
}

static void the_metered_matcher_agrees_with_lua_on_every_pattern(void **state) {
    lua_State *L = orig_and_mine();
    int i;
    (void)state;
    for (i = 0; i < 3; i++) {
        lua_pushinteger(L, i + 1);
        lua_setglobal(L, "seed");
        run(L,
            "math.randomseed(seed)\n"
            "local items = { 'a', 'b', '.', '%a', '%d', '%s', '%A', '[ab]', '[^a]', '[%d ]', '[a-c]',\n"
            "  '[]]', '[^]a]', '%%', '%.', ' ', '1', '(', ')', '()', '%b()', '%f[%a]', '%f[%A]', '%1' }\n"
            "local quants = { '', '', '', '*', '+', '-', '?' }\n"
            "local function pattern()\n"
            "  local out = { math.random(5) == 1 and '^' or '' }\n"
            "  for _ = 1, math.random(0, 5) do\n"
            "    out[#out + 1] = items[math.random(#items)] .. quants[math.random(#quants)]\n"
            "  end\n"
            "  if math.random(6) == 1 then out[#out + 1] = '$' end\n"
            "  return table.concat(out)\n"
            "end\n"
            "local letters = { 'a', 'b', 'c', '1', '2', ' ', '(', ')', 'x' }\n"
            "local function subject()\n"
            "  local out = {}\n"
            "  for i = 1, math.random(0, 10) do out[i] = letters[math.random(#letters)] end\n"
            "  return table.concat(out)\n"
            "end\n"
            "local repls = { '<%0>', '%1', '[%2]', 'x%%y', '%', { a = 'A', ['1'] = false },\n"
            "                function(c) if c == 'b' then return 'B' end end }\n"
            "for case = 1, 4000 do\n"
            "  local p, s = pattern(), subject()\n"
            "  local init = math.random(-3, 12)\n"
            "  local what = string.format('pattern %q subject %q init %d', p, s, init)\n"
            "  same(all(orig.find, s, p, init), all(mine.find, s, p, init), 'find ' .. what)\n"
            "  same(all(orig.find, s, p, init, true), all(mine.find, s, p, init, true), 'plain find ' .. what)\n"
            "  same(all(orig.match, s, p, init), all(mine.match, s, p, init), 'match ' .. what)\n"
            "  same(iterate(orig.gmatch, s, p), iterate(mine.gmatch, s, p), 'gmatch ' .. what)\n"
            "  local r = repls[math.random(#repls)]\n"
            "  local most = math.random(0, 3)\n"
            "  same(all(orig.gsub, s, p, r), all(mine.gsub, s, p, r), 'gsub ' .. what)\n"
            "  same(all(orig.gsub, s, p, r, most), all(mine.gsub, s, p, r, most), 'gsub n ' .. what)\n"
            "end\n");
    }
    lua_close(L);
}

/* Longer subjects, Chinese text, literal runs, sets of high bytes and
** malformed patterns: the places a search skips must be places where Lua
** finds nothing, and errors must come as Lua raises them. */
static void the_metered_matcher_agrees_with_lua_on_long_and_chinese_text(void **state) {
    lua_State *L = orig_and_mine();
    (void)state;
    run(L,
        "math.randomseed(20211)\n"
        "local words = { '\\u{672C}\\u{5E74}', '\\u{516C}\\u{5F00}', '\\u{7533}\\u{8BF7}', '2023', '12', ' ', '\\t',\n"
        "  '\\u{FF1A}', ':', '.', '(', ')', '[', ']', '%', '{x}', 'ab', 'aab', 'b', '\\n', '\\u{2026}', '\\0' }\n"
        "local function subject()\n"
        "  local out = {}\n"
        "  for i = 1, math.random(0, 60) do out[i] = words[math.random(#words)] end\n"
        "  return table.concat(out)\n"
        "end\n"
        "local items = { 'a', 'b', 'ab', 'aab', '2023', '12', ' ', '\\u{672C}', '\\u{516C}\\u{5F00}', '\\u{2026}',\n"
        "  '[\\228-\\233][\\128-\\191][\\128-\\191]', '[ \\t]', '[:%.]', '[%w_]', '[^%s]', '%d', '%s', '%S', '%a', '%p',\n"
        "  '.', '%.', '%%', '{', '}', ']', '\\0', '[%z]', '[\\0-\\127\\194-\\253]', '[\\128-\\191]', '(', ')', '()',\n"
        "  '%b()', '%b{}', '%f[%w]', '%f[%W]', '%1', '%2', '%0', '%9', '[a', '[^', '%', '%b', '%bx', '%f', '%fa',\n"
        "  '$', '^', '-', '+', '*', '?' }\n"
        "local quants = { '', '', '', '', '*', '+', '-', '?' }\n"
        "local function pattern()\n"
        "  local out = { math.random(6) == 1 and '^' or '' }\n"
        "  if math.random(40) == 1 then out[#out + 1] = string.rep('(', math.random(30, 34)) end\n"
        "  for _ = 1, math.random(0, 5) do\n"
        "    out[#out + 1] = items[math.random(#items)] .. quants[math.random(#quants)]\n"
        "  end\n"
        "  if math.random(5) == 1 then out[#out + 1] = '$' end\n"
        "  return table.concat(out)\n"
        "end\n"
        "local repls = { '<%0>', '%1', '(%2)', '', 'x%%y', '%', '%a', { ['\\u{672C}'] = 'B', a = false, ['2023'] = 7 },\n"
        "  function(c, d) if c == 'ab' then return d or '!' end end, function() return {} end }\n"
        "local fixed = {\n"
        "  { string.rep('(', 31) .. 'x' .. string.rep(')', 31), 'axbx' }, { string.rep('(', 32) .. 'x', 'abc' },\n"
        "  { string.rep('(', 33) .. 'x', 'abc' }, { string.rep('()', 33) .. 'x', 'abc' }, { '[a', 'bcd' },\n"
        "  { 'x[a', 'bcd' }, { '%', 'b' }, { 'x%', 'b' }, { '%bx', 'b' }, { 'x%b', 'b' }, { '%f', 'b' },\n"
        "  { '%1', 'b' }, { 'x%1', 'b' }, { ')x', 'x' }, { 'b)', 'abc' }, { '\\u{2026}$', 'a\\u{2026}b\\u{2026}' },\n"
        "  { '[ \\t]+$', 'a \\tb \\t' }, { 'ab+c', 'abbbcabc' }, { 'aab*', 'aaab' }, { '2023%s*\\u{5E74}', 'x2023 \\u{5E74}' },\n"
        "  { string.rep('a?', 198) .. ' +$', string.rep('a', 198) .. '  ' },   -- each a? taken nests a call: the\n"
        "  { string.rep('a?', 199) .. ' *$', string.rep('a', 199) .. '  ' },   -- 200th is 'pattern too complex'\n"
        "  { '[ \\t]+$', 'a  b  \\t' }, { '%s*$', '  x  ' }, { '%s+$', '   ' }, { '%s+$', '' }, { 'a+$', 'aab aa' },\n"
        "  { 'a+$', 'aaa' }, { '(%s+)$', 'x  ' }, { '%d+$', '12a345' }, { '[^ ]+$', 'ab cd' }, { '%S+$', 'ab ' },\n"
        "}\n"
        "for case = 1, 12000 + #fixed do\n"
        "  local p, s = pattern(), subject()\n"
        "  if fixed[case] then p, s = fixed[case][1], fixed[case][2] end\n"
        "  local init = math.random(-8, #s + 2)\n"
        "  local what = string.format('pattern %q subject %q init %d', p, s, init)\n"
        "  same(all(orig.find, s, p, init), all(mine.find, s, p, init), 'find ' .. what)\n"
        "  same(all(orig.match, s, p, init), all(mine.match, s, p, init), 'match ' .. what)\n"
        "  same(iterate(orig.gmatch, s, p, init), iterate(mine.gmatch, s, p, init), 'gmatch ' .. what)\n"
        "  local r = repls[math.random(#repls)]\n"
        "  same(all(orig.gsub, s, p, r), all(mine.gsub, s, p, r), 'gsub ' .. what)\n"
        "  local most = math.random(-1, 4)\n"
        "  same(all(orig.gsub, s, p, r, most), all(mine.gsub, s, p, r, most), 'gsub n ' .. what)\n"
        "  local a = math.random(1, #s + 1)\n"
        "  local needle = math.random(3) == 1 and p or s:sub(a, a + math.random(0, 12))\n"
        "  same(all(orig.find, s, needle, init, true), all(mine.find, s, needle, init, true), 'plain find ' .. what)\n"
        "  same(all(orig.find, s, needle, init), all(mine.find, s, needle, init), 'find of a piece ' .. what)\n"
        "end\n");
    lua_close(L);
}

static void a_call_stops_at_its_budget_and_pcall_cannot_catch_it(void **state) {
    fixture *f = *state;
    run(f->L,
        "local ok, why = limits.call({ instructions = 100000, memory = 1 << 20 }, function()\n"
        "  while true do limits.pcall(function() while true do end end) end\n"
        "end)\n"
        "assert(ok == false and why:find('instruction budget exceeded'), why)\n"
        "local n = 0\n"
        "ok = limits.call({ instructions = 100000, memory = 1 << 20 }, function() for i = 1, 100 do n = n + i end end)\n"
        "assert(ok and n == 5050, 'a quick call runs to its end')\n"
        "assert(select(2, limits.memory()) == 0, 'no ceiling outside a call')\n");
}

static void a_call_stops_at_its_memory_cap_and_the_state_goes_on(void **state) {
    fixture *f = *state;
    size_t before = f->sb.used;
    run(f->L,
        "local ok, why = limits.call({ instructions = 1 << 40, memory = 8 << 20 }, function()\n"
        "  local keep = {}\n"
        "  while true do limits.pcall(function() keep[#keep + 1] = string.rep('m', 1 << 20) .. #keep end) end\n"
        "end)\n"
        "assert(ok == false and why == 'not enough memory (the script\\'s memory cap)', why)\n"
        "collectgarbage()\n"
        "local big = string.rep('x', 32 << 20)   -- outside a call: no cap\n"
        "assert(#big == 32 << 20)\n");
    lua_gc(f->L, LUA_GCCOLLECT);
    assert_true(f->sb.used < before + (1 << 20));
    assert_int_equal(f->sb.limit, 0);
    assert_int_equal(f->sb.active, 0);
}

static void a_call_stops_at_its_time_limit_inside_one_long_match(void **state) {
    fixture *f = *state;
    run(f->L,
        "local ok, why = limits.call({ instructions = 1 << 50, memory = 1 << 24, seconds = 0.2 }, function()\n"
        "  string.find(string.rep('a', 4000), '(.-)(.-)(.-)(.-)b')\n"
        "end)\n"
        "assert(ok == false and why == 'time limit exceeded', why)\n"
        "ok, why = limits.call({ instructions = 1 << 50, memory = 1 << 28, seconds = 0.2 }, function()\n"
        "  while true do local s = string.rep('r', 8 << 20) end\n"
        "end)\n"
        "assert(ok == false and why == 'time limit exceeded', why)\n");
}

static void library_functions_that_loop_in_c_charge_their_work(void **state) {
    fixture *f = *state;
    run(f->L,
        /* what is tested is the budget: time enough that valgrind on a busy machine trips it first */
        "local lim = { instructions = 1000000, memory = 1 << 24, seconds = 600 }\n"
        "for _, fn in ipairs {\n"
        "  function() return ('').rep('', 1 << 62) end,\n"
        "  function() table.move({}, 1, 1 << 62, 2) end,\n"
        "  function() table.insert(setmetatable({}, { __len = function() return 1 << 62 end }), 1, 0) end,\n"
        "  function() table.sort(setmetatable({}, { __len = function() return 1 << 40 end })) end,\n"
        "  function() string.find(string.rep('a', 1 << 19), 'b' .. string.rep('a', 1 << 12), 1, true) end,\n"
        "  function() string.find(string.rep('a', 1 << 16), '.-.-.-b') end,\n"
        "  function() string.gsub(string.rep('a', 1 << 20), string.rep('a', 1 << 10) .. '%d', '') end,\n"
        "  function() for _ in string.gmatch(string.rep('ab', 1 << 19), 'a[ab]*c') do end end,\n"
        "} do\n"
        "  local ok, why = limits.call(lim, fn)\n"
        "  assert(ok == false and why:find('instruction budget exceeded'), tostring(why))\n"
        "end\n"
        "local ok, at = limits.call(lim, function()   -- linear: no budget needed\n"
        "  return string.find(string.rep('a', 1 << 19), string.rep('a', 1 << 12) .. 'b', 1, true)\n"
        "end)\n"
        "assert(ok and at == nil, 'a plain find of a long needle is quick')\n"
        "local t = {}\n"
        "assert(limits.call(lim, function() for i = 1, 1000 do table.insert(t, i) end end), 'appending is cheap')\n");
}

static void patterns_built_by_untrusted_code_meter_their_loops(void **state) {
    fixture *f = *state;
    run(f->L,
        "local lpeg, re = require 'lpeg', require 're'\n"
        "local lim = { instructions = 2000000, memory = 1 << 24, seconds = 5, untrusted = true }\n"
        "local ok, why = limits.call(lim, function()\n"
        "  local g = lpeg.P { 'S', S = lpeg.P'a' * lpeg.V'S' * 'b' + lpeg.P'a' * lpeg.V'S' * 'c' + '' }\n"
        "  return g:match(string.rep('a', 60))\n"
        "end)\n"
        "assert(ok == false and why:find('exceeded'), why)\n"
        "ok, why = limits.call(lim, function() return re.compile(\"S <- 'a' S 'b' / 'a' S 'c' / ''\"):match(string.rep('a', 60)) end)\n"
        "assert(ok == false and why:find('exceeded'), why)\n"
        "local same\n"
        "ok = limits.call(lim, function()\n"
        "  local p = re.compile('{| ({%d+} / .)* |}')\n"
        "  same = p:match('a12b345c6')\n"
        "end)\n"
        "assert(ok and table.concat(same, ',') == '12,345,6', 'a metered pattern matches as before')\n"
        "assert(getmetatable(lpeg.P(1)) == false, 'the metatable of patterns is locked')\n"
        "assert(getmetatable('') == false, 'the metatable of strings is locked')\n");
}

/* re.lua runs when re is first used: a first use inside a script's call is
** not charged to it (a budget and a memory far below what re.lua's own
** grammar takes), builds nothing metered, and leaves the patterns'
** metatable locked. */
static void re_first_used_inside_a_call_is_not_charged_to_it(void **state) {
    fixture *f = *state;
    run(f->L,
        "local lpeg, re = require 'lpeg', require 're'\n"
        "local lim = { instructions = 5000, memory = 1 << 15, seconds = 5, untrusted = true }\n"
        "local ok, at = limits.call(lim, function() return re.find('x = 12', '[0-9]+') end)\n"
        "assert(ok and at == 5, tostring(at))\n"
        "assert(getmetatable(lpeg.P(1)) == false, 'the metatable of patterns is locked again')\n"
        "ok, at = limits.call(lim, function() return getmetatable(lpeg.P(1)) end)\n"
        "assert(ok and at == false, 'a script sees it locked')\n"
        "assert(re.match('abc', '{[a-z]+}') == 'abc', 're works outside any call')\n");
}

static void a_script_cannot_set_a_finalizer_nor_have_its_error_objects_converted(void **state) {
    fixture *f = *state;
    run(f->L,
        "local ok, why = pcall(limits.setmetatable, {}, { __gc = function() end })\n"
        "assert(not ok and why:find('__gc'), why)\n"
        "assert(getmetatable(limits.setmetatable({}, { __index = {} })).__index, 'other metatables are fine')\n"
        "local ran = false\n"
        "local done, reason = limits.call({ instructions = 1000, memory = 1 << 16 }, function()\n"
        "  error(setmetatable({}, { __tostring = function() ran = true; return 'x' end }))\n"
        "end)\n"
        "assert(reason == '(error object is a table value)' and not ran, reason)\n");
}

static void identities_refuse_too_many_instances_or_cells_and_other_schemas(void **state) {
    nb_schema *s = nb_schema_new(), *other = nb_schema_new();
    static const char *many[70000];
    nb_binding b[4];
    char err[256];
    nb_ident *id;
    nb_report *r;
    nb_ident_result res;
    size_t i;
    (void)state;
    nb_schema_add(s, "t.a", NB_KIND_COUNT);
    nb_schema_add(s, "t.b", NB_KIND_COUNT);
    nb_schema_add(other, "t.a", NB_KIND_COUNT);
    for (i = 0; i < 70000; i++) many[i] = "a";
    for (i = 0; i < 4; i++) {
        b[i].values = many;
        b[i].count = 65536;
    }
    b[0].name = "w"; b[1].name = "x"; b[2].name = "y"; b[3].name = "z";
    id = nb_ident_compile(s, "t.{w} + t.{x} = t.{y} + t.{z}", b, 4, err, sizeof err);
    assert_null(id);
    assert_non_null(strstr(err, "instances"));
    b[0].count = 70000;
    id = nb_ident_compile(s, "t.{w} + t.{w} + t.{w} + t.{w} + t.{w} + t.{w} + t.{w} + t.{w} + t.{w} + t.{w} "
                             "+ t.{w} + t.{w} + t.{w} + t.{w} + t.{w} = t.b", b, 1, err, sizeof err);
    assert_null(id);
    assert_non_null(strstr(err, "cells"));
    id = nb_ident_compile(s, "t.a = t.b", NULL, 0, err, sizeof err);
    assert_non_null(id);
    assert_ptr_equal(nb_ident_schema(id), s);
    r = nb_report_new(other);
    assert_int_equal(nb_ident_eval(id, 0, r, &res), NB_ENOTFOUND);
    assert_null(nb_schema_id(s, 2));
    nb_report_free(r);
    nb_ident_free(id);
    nb_schema_free(s);
    nb_schema_free(other);
}

static void findings_and_cells_hold_printable_text_only(void **state) {
    nb_findings *l = nb_findings_new();
    nb_finding f;
    nb_schema *s = nb_schema_new();
    nb_report *r;
    nb_span at = { 1, 1, 0 };
    (void)state;
    memset(&f, 0, sizeof f);
    f.rule = "r";
    f.message = "a\x1b[2Jb\xff\xc2\x9b" "c\td";
    assert_int_equal(nb_findings_add(l, &f), NB_OK);
    assert_string_equal(nb_findings_at(l, 0)->message, "a\xef\xbf\xbd[2Jb\xef\xbf\xbd\xef\xbf\xbd" "c d");
    nb_schema_add(s, "t.a", NB_KIND_COUNT);
    r = nb_report_new(s);
    assert_int_equal(nb_report_set_cell(r, 0, NB_CELL_TEXT, nb_num_int(0), "x\x1b[31my\xc2\x9bz", at), NB_OK);
    assert_string_equal(nb_report_cell(r, 0)->text, "x?[31my??z");
    nb_report_free(r);
    nb_schema_free(s);
    nb_findings_free(l);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_metered_matcher_agrees_with_lua_on_every_pattern),
        cmocka_unit_test(the_metered_matcher_agrees_with_lua_on_long_and_chinese_text),
        cmocka_unit_test_setup_teardown(a_call_stops_at_its_budget_and_pcall_cannot_catch_it, setup, teardown),
        cmocka_unit_test_setup_teardown(a_call_stops_at_its_memory_cap_and_the_state_goes_on, setup, teardown),
        cmocka_unit_test_setup_teardown(a_call_stops_at_its_time_limit_inside_one_long_match, setup, teardown),
        cmocka_unit_test_setup_teardown(library_functions_that_loop_in_c_charge_their_work, setup, teardown),
        cmocka_unit_test_setup_teardown(patterns_built_by_untrusted_code_meter_their_loops, setup, teardown),
        cmocka_unit_test_setup_teardown(re_first_used_inside_a_call_is_not_charged_to_it, setup, teardown),
        cmocka_unit_test_setup_teardown(a_script_cannot_set_a_finalizer_nor_have_its_error_objects_converted,
                                        setup, teardown),
        cmocka_unit_test(identities_refuse_too_many_instances_or_cells_and_other_schemas),
        cmocka_unit_test(findings_and_cells_hold_printable_text_only),
    };
    return cmocka_run_group_tests_name("nb_sandbox", tests, NULL, NULL);
}
