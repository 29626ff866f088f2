/*
** main.c — the nianbao command: collect the arguments, then hand them to
** the Lua driver (scripts/lib/cli.lua) under a protected call.
*/
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>
#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#endif
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include "nb.h"
#include "nb_sandbox.h"
#include "nb_boot.h"

#ifndef NB_HOME
#define NB_HOME "/usr/local/share/nianbao"
#endif

static const char *progname = "nianbao";

/*{=== arguments ===*/

/* Options that take a value, and the field of the options table they set. */
static const struct { const char *flag, *field; int repeat; } valued[] = {
    { "--format", "format", 0 }, { "--rules", "rules", 1 },
    { "--config", "config", 0 }, { "--lang", "lang", 0 },
    { "--reader", "reader", 0 }, { "-o", "output", 0 },
    { "--previous", "previous", 1 }, { "-j", "jobs", 0 },
    { "--year", "year", 0 }, { "--agency", "agency", 0 },
    { "--kind", "kind", 0 }, { "--max-size-mb", "max_size_mb", 0 },
    { "--memory-mb", "memory_mb", 0 }, { "--instructions", "instructions", 0 },
    { "--files-from", "files_from", 1 },
    { "--max-warnings", "max_warnings", 0 }, { "--select", "select", 1 },
    { "--ignore", "ignore", 1 }, { "--stdin-filename", "stdin_filename", 0 },
    { "--db", "db", 0 }, { "--baseline", "baseline", 0 }, { "--include", "include", 1 },
    { "--exclude", "exclude", 1 }, { "--sheet", "sheet", 0 },
    { NULL, NULL, 0 }
};
static const struct { const char *flag, *field; } switches[] = {
    { "--no-config", "no_config" }, { "--in-place", "in_place" },
    { "-h", "help" }, { "--help", "help" }, { "-V", "version" },
    { "--version", "version" }, { "-q", "quiet" }, { "--quiet", "quiet" },
    { "--draft", "draft" }, { "--no-color", "no_color" },
    { "--list-readers", "list_readers" }, { "--list-formats", "list_formats" },
    { NULL, NULL }
};
/* Options whose value may be left out (--color means --color=always). */
static const struct { const char *flag, *field, *bare; } optional[] = {
    { "--color", "color", "always" }, { NULL, NULL, NULL }
};

/* The options table as the driver sees it, for help, completion and
** "did you mean": {flag=, field=, takes = "value"|"none"|"optional", repeat=}. */
static void push_option_table(lua_State *L) {
    int k, n = 0;
    lua_newtable(L);
    for (k = 0; valued[k].flag; k++) {
        lua_createtable(L, 0, 4);
        lua_pushstring(L, valued[k].flag); lua_setfield(L, -2, "flag");
        lua_pushstring(L, valued[k].field); lua_setfield(L, -2, "field");
        lua_pushliteral(L, "value"); lua_setfield(L, -2, "takes");
        lua_pushboolean(L, valued[k].repeat); lua_setfield(L, -2, "repeat");
        lua_rawseti(L, -2, ++n);
    }
    for (k = 0; switches[k].flag; k++) {
        lua_createtable(L, 0, 3);
        lua_pushstring(L, switches[k].flag); lua_setfield(L, -2, "flag");
        lua_pushstring(L, switches[k].field); lua_setfield(L, -2, "field");
        lua_pushliteral(L, "none"); lua_setfield(L, -2, "takes");
        lua_rawseti(L, -2, ++n);
    }
    for (k = 0; optional[k].flag; k++) {
        lua_createtable(L, 0, 3);
        lua_pushstring(L, optional[k].flag); lua_setfield(L, -2, "flag");
        lua_pushstring(L, optional[k].field); lua_setfield(L, -2, "field");
        lua_pushliteral(L, "optional"); lua_setfield(L, -2, "takes");
        lua_rawseti(L, -2, ++n);
    }
}

static void append(lua_State *L, int t, const char *field, const char *value) {
    if (lua_getfield(L, t, field) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, t, field);
    }
    lua_pushstring(L, value);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
}

/* Build the options table from argv; on a usage error its field
** usage_error says what (the driver prints it with the usage). `run`
** passes everything after its script untouched. */
static int collectargs(lua_State *L, int argc, char **argv) {
    int i, t, only_files = 0;
    lua_newtable(L);
    t = lua_gettop(L);
    lua_newtable(L);
    lua_setfield(L, t, "files");
    lua_newtable(L);
    lua_setfield(L, t, "args");
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *value;
        int k, matched = 0;
        lua_getfield(L, t, "script");
        matched = !lua_isnil(L, -1);
        lua_pop(L, 1);
        if (matched) {                       /* after `run SCRIPT`: the script's own */
            append(L, t, "args", a);
            continue;
        }
        if (!only_files && strcmp(a, "--") == 0) { only_files = 1; continue; }
        if (!only_files && a[0] == '-' && a[1] != '\0') {
            /* --flag=value, as GNU tools take it */
            const char *eq = (a[1] == '-') ? strchr(a, '=') : NULL;
            size_t flen = eq ? (size_t)(eq - a) : strlen(a);
            for (k = 0; valued[k].flag; k++) {
                if (strlen(valued[k].flag) != flen || strncmp(a, valued[k].flag, flen) != 0) continue;
                if (!eq && i + 1 >= argc) {
                    lua_pushstring(L, a);
                    lua_setfield(L, t, "missing_value");
                    return 0;
                }
                value = eq ? eq + 1 : argv[++i];
                if (valued[k].repeat) append(L, t, valued[k].field, value);
                else {
                    lua_pushstring(L, value);
                    lua_setfield(L, t, valued[k].field);
                }
                matched = 1;
                break;
            }
            for (k = 0; !matched && optional[k].flag; k++) {
                if (strlen(optional[k].flag) != flen || strncmp(a, optional[k].flag, flen) != 0) continue;
                lua_pushstring(L, eq ? eq + 1 : optional[k].bare);
                lua_setfield(L, t, optional[k].field);
                matched = 1;
            }
            if (!matched && a[1] == 'j' && a[2] != '\0') {   /* -jN, as make takes it */
                lua_pushstring(L, a + 2);
                lua_setfield(L, t, "jobs");
                matched = 1;
            }
            for (k = 0; !matched && switches[k].flag; k++) {
                if (strlen(switches[k].flag) != flen || strncmp(a, switches[k].flag, flen) != 0) continue;
                if (eq) {                        /* --quiet=yes: a switch takes no value */
                    lua_pushstring(L, switches[k].flag);
                    lua_setfield(L, t, "unexpected_value");
                    return 0;
                }
                lua_pushboolean(L, 1);
                lua_setfield(L, t, switches[k].field);
                matched = 1;
            }
            if (!matched) {
                lua_pushstring(L, a);
                lua_setfield(L, t, "unknown_option");
                return 0;
            }
            continue;
        }
        lua_getfield(L, t, "command");
        matched = !lua_isnil(L, -1);
        lua_pop(L, 1);
        if (!matched) {
            lua_pushstring(L, a);
            lua_setfield(L, t, "command");
        } else {
            lua_getfield(L, t, "command");
            matched = strcmp(lua_tostring(L, -1), "run") == 0;
            lua_pop(L, 1);
            if (matched) {
                lua_pushstring(L, a);
                lua_setfield(L, t, "script");
            } else {
                append(L, t, "files", a);
            }
        }
    }
    return 1;
}

/*}===*/

/* The folder that holds scripts/ and rules/: $NIANBAO_HOME, else next to
** the executable (a build tree or PREFIX/share/nianbao), else NB_HOME. */
static void push_home(lua_State *L) {
    const char *env = getenv("NIANBAO_HOME");
    char exe[PATH_MAX], probe[PATH_MAX + 64];
    ssize_t n;
    if (env && *env) { lua_pushstring(L, env); return; }
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        char *slash;
        exe[n] = '\0';
        if ((slash = strrchr(exe, '/')) != NULL) {
            *slash = '\0';
            if ((slash = strrchr(exe, '/')) != NULL) {
                *slash = '\0';          /* exe now holds the parent of bin/ or build/ */
                snprintf(probe, sizeof probe, "%s/scripts/lib/cli.lua", exe);
                if (access(probe, R_OK) == 0) { lua_pushstring(L, exe); return; }
                snprintf(probe, sizeof probe, "%s/share/nianbao/scripts/lib/cli.lua", exe);
                if (access(probe, R_OK) == 0) {
                    lua_pushfstring(L, "%s/share/nianbao", exe);
                    return;
                }
            }
        }
    }
    lua_pushstring(L, NB_HOME);
}

/* The heap a check starts on, in huge pages where the kernel has them: a
** start-up writes its first megabytes (the scripts' code, the rules'
** patterns) once each, and a fault for every 4 KB of them cost as much
** system time as its own work. malloc grows the heap by HEAP_START at once
** and keeps that much when it gives memory back; the whole huge pages of
** that growth are advised as such. Elsewhere the heap is left as it is. */
#define HEAP_START ((size_t)6 << 20)
#define HUGE_PAGE ((uintptr_t)2 << 20)
static void start_heap(void) {
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE) && defined(M_TOP_PAD)
    void *block[8];
    char *before = sbrk(0), *after;
    uintptr_t from, to;
    int n = 0;
    if (before == (char *)-1 || mallopt(M_TOP_PAD, (int)HEAP_START) != 1) return;
    /* blocks of 64 KB (below malloc's own mappings) until one grows the heap */
    while (n < 8 && (block[n] = malloc(64 << 10)) != NULL) {
        n++;
        if ((char *)sbrk(0) != before) break;
    }
    after = sbrk(0);
    while (n > 0) free(block[--n]);
    from = ((uintptr_t)before + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    to = (uintptr_t)after & ~(HUGE_PAGE - 1);
    if (after != (char *)-1 && to > from) madvise((void *)from, (size_t)(to - from), MADV_HUGEPAGE);
#endif
}

static int msghandler(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    luaL_traceback(L, L, msg, 1);
    return 1;
}

/* The real main, run under lua_pcall: returns the exit status. Usage,
** help and version are the driver's, in the user's language. */
static int pmain(lua_State *L) {
    int argc = (int)lua_tointeger(L, 1);
    char **argv = (char **)lua_touserdata(L, 2);
    int opts;
    collectargs(L, argc, argv);
    opts = lua_gettop(L);
    push_option_table(L);
    lua_setfield(L, opts, "option_table");
    /* what start-up builds lives as long as the process: the collector,
    ** walking it again and again meanwhile, is stopped until the driver has
    ** built it (engine.lua: collector_on) */
    lua_gc(L, LUA_GCSTOP);
    push_home(L);
    nb_boot(L, lua_tostring(L, -1));
    lua_setfield(L, opts, "home");
    lua_pushcfunction(L, msghandler);
    lua_getglobal(L, "require");
    lua_pushliteral(L, "cli");
    if (lua_pcall(L, 1, 1, opts + 1) != LUA_OK) return lua_error(L);
    lua_getfield(L, -1, "main");
    lua_pushvalue(L, opts);
    if (lua_pcall(L, 1, 1, opts + 1) != LUA_OK) return lua_error(L);
    return 1;
}

static int panic(lua_State *L) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "%s: fatal Lua error: %s\n", progname, msg ? msg : "(no message)");
    return 0;   /* then abort(): nothing is left to clean up safely */
}

static void report(lua_State *L, int status) {
    if (status != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        fprintf(stderr, "%s: internal error: %s\n", progname, msg ? msg : "(no message)");
    }
}

int main(int argc, char **argv) {
    int status, code = 2;
    nb_sandbox sandbox;                     /* the limits are set per script call */
    lua_State *L;
    start_heap();
    nb_sandbox_init(&sandbox);
    L = lua_newstate(nb_alloc, &sandbox);
    if (L == NULL) {
        fprintf(stderr, "%s: cannot create the Lua state: not enough memory\n", progname);
        return 2;
    }
    lua_atpanic(L, panic);
    lua_pushcfunction(L, pmain);
    lua_pushinteger(L, argc);
    lua_pushlightuserdata(L, argv);
    status = lua_pcall(L, 2, 1, 0);
    report(L, status);
    if (status == LUA_OK && lua_isinteger(L, -1)) code = (int)lua_tointeger(L, -1);
    lua_close(L);
    nb_io_discard_pending();
    /* output that did not reach its file (a full disk) is an error too */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: cannot write the output: %s\n", progname, strerror(errno));
        if (code < 2) code = 2;
    }
    return code;
}
