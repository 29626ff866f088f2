/* libFuzzer: inputs that go through Lua — the YAML loader, the HTML parser,
** the readers with the binder and every rule, and rule files of a hostile
** pack. FUZZ_TARGET picks one: "yaml", "htmltree" (the HTML parser alone),
** "zip" (a Word file's archive), a reader name ("text", "html", "docx": the
** input is the reader's text), or "rule" (generated Lua against the
** rule API: tests/fuzz/rule.lua, which aborts when a rule gets past the
** sandbox). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <lua.h>
#include <lauxlib.h>
#include "nb_boot.h"
#include "nb_sandbox.h"

#ifndef FUZZ_TARGET
#define FUZZ_TARGET "text"
#endif
#ifndef NB_SOURCE_HOME
#define NB_SOURCE_HOME "."
#endif

/* The harness in Lua: one engine for the whole run, one call per input. */
static const char harness[] =
    "local nianbao = require 'nianbao'\n"
    "local target, home = ...\n"
    "if target == 'rule' then\n"
    "  local scratch = os.tmpname(); os.remove(scratch); os.execute('mkdir -p ' .. scratch)\n"
    "  return assert(loadfile(home .. '/tests/fuzz/rule.lua'))(home, scratch)\n"
    "end\n"
    "if target == 'yaml' then return function(s) local v = nianbao.yaml.decode(s)\n"
    "  if type(v) == 'table' then nianbao.yaml.encode(v) end end end\n"
    "if target == 'htmltree' then return function(s) nianbao.html.parse(s) end end\n"
    "if target == 'zip' then local zip = require 'nianbao.zip'\n"
    "  return function(s) zip.entry(s, 'word/document.xml', 1048576) end end\n"
    "local E = require('engine').new({ home = home, no_config = true, reader = target,\n"
    "  instructions = 20000000, memory_mb = 256 })\n"
    "return function(s)\n"
    "  local R, pending = E:bind_bytes(s, 'fuzz.' .. (target == 'text' and 'txt' or target))\n"
    "  if R then E:complete(R, pending); E:check(R):list(); R:canonical() end\n"
    "end\n";

static lua_State *L;
static nb_sandbox sandbox;

static int setup(lua_State *l) {
    nb_boot(l, NB_SOURCE_HOME);
    if (luaL_loadbuffer(l, harness, sizeof harness - 1, "=harness") != LUA_OK) return lua_error(l);
    lua_pushstring(l, FUZZ_TARGET);
    lua_pushstring(l, NB_SOURCE_HOME);
    lua_call(l, 2, 1);
    return 1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc; (void)argv;
    nb_sandbox_init(&sandbox);
    L = lua_newstate(nb_alloc, &sandbox);
    if (L == NULL) abort();
    lua_pushcfunction(L, setup);
    if (lua_pcall(L, 0, 1, 0) != LUA_OK) {
        fprintf(stderr, "fuzz setup: %s\n", lua_tostring(L, -1));
        abort();
    }
    lua_setfield(L, LUA_REGISTRYINDEX, "nianbao.fuzz");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    lua_getfield(L, LUA_REGISTRYINDEX, "nianbao.fuzz");
    lua_pushlstring(L, (const char *)data, size);
    /* the engine answers bad input with findings or nil, never by raising */
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
        fprintf(stderr, "fuzz: Lua error: %s\n", lua_tostring(L, -1));
        abort();
    }
    lua_gc(L, LUA_GCCOLLECT);
    return 0;
}
