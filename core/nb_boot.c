/*
** nb_boot.c — what every nianbao Lua state starts with: the libraries, the
** modules the binary carries (LPeg linked in, re.lua embedded at build
** time), a module path that sees only the driver's own scripts
** (scripts/lib/NAME.lua, scripts/pipeline/NAME.lua as "pipeline.NAME"),
** the sandbox's hardening, and the file access of the trusted driver.
*/
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <lauxlib.h>
#include <lualib.h>
#include <lua-lpeg.h>
#include "nb_boot.h"
#include "nb_chunks.h"
#include "nb_grammar_image.h"
#include "nb_lua.h"
#include "nb_sandbox.h"
#include "nb_jobs.h"
#include "nb_db.h"
#include "nb_sheet.h"
#include "nb_similar.h"
#include "nb_zip.h"
#include "re_lua.h"

/*{=== reading ===*/

/* The symbolic name of the errors a user can do something about, for a
** message in the user's language; NULL for the others. */
static const char *errno_name(int e) {
    switch (e) {
    case ENOENT: return "ENOENT";
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case EISDIR: return "EISDIR";
    case ENOTDIR: return "ENOTDIR";
    case ELOOP: return "ELOOP";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ENOSPC: return "ENOSPC";
    case EROFS: return "EROFS";
    case EIO: return "EIO";
    case EMFILE: return "EMFILE";
    case ENFILE: return "ENFILE";
    case EEXIST: return "EEXIST";
    case EBUSY: return "EBUSY";
    case EFBIG: return "EFBIG";
    default: return NULL;
    }
}

/* nil, the system's reason (English), and its symbolic name (or nil). */
static int fail_errno(lua_State *L, int e) {
    const char *name = errno_name(e);
    luaL_pushfail(L);
    lua_pushstring(L, strerror(e));
    if (name) lua_pushstring(L, name); else lua_pushnil(L);
    return 3;
}

/* io.readfile(path [, limit]) -> bytes | nil, reason. Opened without
** blocking, so a FIFO with no writer reads as empty instead of waiting.
** A regular file is read whole in one call into a buffer of its size
** (the buffer a pack's files and most reports need; not piece by piece
** through stdio, a system call for every 4 KB). */
static int l_io_readfile(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    lua_Integer limit = luaL_optinteger(L, 2, (lua_Integer)1 << 30);
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC), flags;
    luaL_Buffer b;
    size_t total = 0, want;
    struct stat st;
    if (fd < 0) return fail_errno(L, errno);
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return fail_errno(L, e);
    }
    if (S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) && st.st_size > limit)) {
        close(fd);
        luaL_pushfail(L);
        if (S_ISDIR(st.st_mode)) lua_pushliteral(L, "is a directory");
        else lua_pushfstring(L, "larger than the limit of %I bytes", limit);
        lua_pushstring(L, S_ISDIR(st.st_mode) ? "EISDIR" : "EFBIG");
        return 3;
    }
    /* a regular file's reads never wait: only others need blocking reads */
    if (!S_ISREG(st.st_mode) && (flags = fcntl(fd, F_GETFL)) != -1) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    /* one byte past the size: the read that finds the end needs no new buffer */
    want = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
    luaL_buffinit(L, &b);
    for (;;) {
        char *p = luaL_prepbuffsize(&b, want);
        ssize_t n = read(fd, p, want);
        if (n < 0) {
            int e = errno;
            if (e == EINTR) continue;
            close(fd);
            return fail_errno(L, e);
        }
        if (n == 0) break;
        luaL_addsize(&b, (size_t)n);
        total += (size_t)n;
        /* a regular file's read that comes short just at its size found the end */
        if (S_ISREG(st.st_mode) && st.st_size > 0 && total == (size_t)st.st_size && (size_t)n < want) break;
        if ((lua_Integer)total > limit) {
            close(fd);
            luaL_pushfail(L);
            lua_pushfstring(L, "larger than the limit of %I bytes", limit);
            lua_pushliteral(L, "EFBIG");
            return 3;
        }
        if (want < 65536) want = 65536;
    }
    close(fd);
    luaL_pushresult(&b);
    return 1;
}

/* io.cwd() -> the working folder as sh's pwd prints it (what it replaces:
** a shell started for one line): $PWD when it is absolute and names the
** working folder, else the folder's physical path | nil, reason. */
static int l_io_cwd(lua_State *L) {
    const char *pwd = getenv("PWD");
    struct stat here, there;
    char buf[4096];
    if (pwd != NULL && pwd[0] == '/' && stat(".", &here) == 0 && stat(pwd, &there) == 0 &&
        here.st_dev == there.st_dev && here.st_ino == there.st_ino) {
        lua_pushstring(L, pwd);
        return 1;
    }
    if (getcwd(buf, sizeof buf) == NULL) return fail_errno(L, errno);
    lua_pushstring(L, buf);
    return 1;
}

/* io.stat(path) -> kind, identity | nil, reason. The identity ("dev:inode")
** tells two names of one file apart from two files. */
static int l_io_stat(lua_State *L) {
    struct stat st;
    if (stat(luaL_checkstring(L, 1), &st) != 0) return fail_errno(L, errno);
    lua_pushstring(L, S_ISDIR(st.st_mode) ? "directory" : S_ISREG(st.st_mode) ? "file" : "other");
    lua_pushfstring(L, "%I:%I", (lua_Integer)st.st_dev, (lua_Integer)st.st_ino);
    return 2;
}

/* io.listdir(path) -> names (no . or ..) | nil, reason */
static int l_io_listdir(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    DIR *d = opendir(path);
    struct dirent *e;
    lua_Integer n = 0;
    if (d == NULL) return fail_errno(L, errno);
    lua_newtable(L);
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        lua_pushstring(L, e->d_name);
        lua_rawseti(L, -2, ++n);
    }
    closedir(d);
    return 1;
}

/* io.isatty(1|2) -> boolean */
static int l_io_isatty(lua_State *L) {
    lua_pushboolean(L, isatty((int)luaL_checkinteger(L, 1)));
    return 1;
}

/*}===*/

/*{=== writing through a temporary file ===
** The temporary files not yet committed are listed here, because a
** signal handler can know them no other way: the one piece of static
** state of the core. The handler unlinks them (unlink is safe in a
** handler) and lets the signal take its course. */

#define MAXPENDING 8
#define PENDING_PATH 4096

static char pending_path[MAXPENDING][PENDING_PATH];
static volatile sig_atomic_t pending_used[MAXPENDING];
static volatile sig_atomic_t handlers_set;

static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

static void on_fatal_signal(int sig) {
    int i;
    for (i = 0; i < MAXPENDING; i++)
        if (pending_used[i]) unlink(pending_path[i]);
    raise(sig);            /* the handler was reset: the default action now */
}

static void set_handlers(void) {
    size_t i;
    if (handlers_set) return;
    handlers_set = 1;
    for (i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) {
        struct sigaction old, sa;
        if (sigaction(fatal_signals[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL) continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal_signal;
        sa.sa_flags = SA_RESETHAND;
        sigemptyset(&sa.sa_mask);
        sigaction(fatal_signals[i], &sa, NULL);
    }
}

void nb_io_discard_pending(void) {
    int i;
    for (i = 0; i < MAXPENDING; i++)
        if (pending_used[i]) {
            unlink(pending_path[i]);
            pending_used[i] = 0;
        }
}

void nb_io_forget_pending(void) {
    int i;
    for (i = 0; i < MAXPENDING; i++) pending_used[i] = 0;
}

/* A Lua file handle (io's metatable, so :write and :close work) that
** remembers its slot in the pending list. */
typedef struct temp_stream {
    luaL_Stream s;
    int slot;
} temp_stream;

/* Closing a temporary file that was not committed discards it. */
static int temp_close(lua_State *L) {
    temp_stream *t = luaL_checkudata(L, 1, LUA_FILEHANDLE);
    int ok = fclose(t->s.f) == 0, e = errno;
    if (t->slot >= 0) {
        unlink(pending_path[t->slot]);
        pending_used[t->slot] = 0;
        t->slot = -1;
    }
    errno = e;
    return luaL_fileresult(L, ok, NULL);
}

/* io.tempfile(target) -> file, path | nil, reason */
static int l_io_tempfile(lua_State *L) {
    size_t n;
    const char *target = luaL_checklstring(L, 1, &n);
    static const char suffix[] = ".nianbao-XXXXXX";
    struct stat st;
    int fd, slot;
    mode_t mode;
    FILE *f;
    temp_stream *t;
    for (slot = 0; slot < MAXPENDING && pending_used[slot]; slot++) ;
    if (slot == MAXPENDING) return luaL_error(L, "too many temporary files at once");
    if (n + sizeof suffix > PENDING_PATH) {
        luaL_pushfail(L);
        lua_pushliteral(L, "file name too long");
        return 2;
    }
    t = lua_newuserdatauv(L, sizeof *t, 0);
    t->s.closef = NULL;                    /* a closed file until it is open */
    t->slot = -1;
    luaL_setmetatable(L, LUA_FILEHANDLE);
    memcpy(pending_path[slot], target, n);
    memcpy(pending_path[slot] + n, suffix, sizeof suffix);
    if ((fd = mkstemp(pending_path[slot])) < 0) return fail_errno(L, errno);
    pending_used[slot] = 1;
    t->slot = slot;
    set_handlers();
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (stat(target, &st) == 0 && S_ISREG(st.st_mode)) {
        mode = st.st_mode & 07777;         /* the file it replaces keeps its mode */
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (fchmod(fd, mode) != 0 || (f = fdopen(fd, "wb")) == NULL) {
        int e = errno;
        close(fd);
        unlink(pending_path[slot]);
        pending_used[slot] = 0;
        t->slot = -1;
        return fail_errno(L, e);
    }
    t->s.f = f;
    t->s.closef = temp_close;
    lua_pushstring(L, pending_path[slot]);
    return 2;
}

/* io.commit(file, target) -> true | nil, reason */
static int l_io_commit(lua_State *L) {
    temp_stream *t = luaL_checkudata(L, 1, LUA_FILEHANDLE);
    const char *target = luaL_checkstring(L, 2);
    int e = 0, slot = t->slot;
    if (t->s.closef != temp_close || slot < 0) return luaL_error(L, "not an open temporary file");
    errno = 0;
    if (fflush(t->s.f) != 0 || ferror(t->s.f)) e = errno ? errno : EIO;
    if (!e && fsync(fileno(t->s.f)) != 0 && errno != EINVAL) e = errno;
    t->s.closef = NULL;
    if (fclose(t->s.f) != 0 && !e) e = errno;
    if (!e && rename(pending_path[slot], target) != 0) e = errno;
    if (e) unlink(pending_path[slot]);
    pending_used[slot] = 0;
    t->slot = -1;
    if (e) return fail_errno(L, e);
    lua_pushboolean(L, 1);
    return 1;
}

/*}===*/

/*{=== hardening: what scripts share cannot run long or be changed ===
** The library functions that can loop inside one VM instruction charge
** their work to the running limited call (nb_sandbox_charge; nothing
** outside one); string.find/match/gmatch/gsub become the metered matcher
** of nb_sandbox.c; LPeg patterns built by untrusted code meter their
** loops; the metatables of strings and patterns are locked. */

/* Call the original function (upvalue 1) with the arguments as given. */
static int call_original(lua_State *L) {
    /* the standard library's functions keep no upvalue: called in this
    ** frame, without lua_call's cost (and an argument error names the call) */
    lua_CFunction f = lua_tocfunction(L, lua_upvalueindex(1));
    if (f != NULL) {
        if (lua_getupvalue(L, lua_upvalueindex(1), 1) == NULL) return f(L);
        lua_pop(L, 1);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static int limited(lua_State *L) {
    nb_sandbox *sb = nb_sandbox_of(L);
    return sb != NULL && sb->active;
}

/* #t as the table functions see it (its __len), 0 for what is not a table. */
static int64_t length_of(lua_State *L, int idx) {
    lua_Integer n;
    if (!lua_istable(L, idx)) return 0;
    n = luaL_len(L, idx);
    return n < 0 ? 0 : n;
}

/* string.rep: repeating the empty string 2^62 times is a loop of its own */
static int metered_rep(lua_State *L) {
    if (limited(L) && lua_isinteger(L, 2) && lua_tointeger(L, 2) > 0)
        nb_sandbox_charge(L, lua_tointeger(L, 2) / 1024 + 1);
    return call_original(L);
}

/* utf8.len and utf8.offset walk the string in C */
static int metered_utf8(lua_State *L) {
    size_t n;
    if (limited(L) && lua_type(L, 1) == LUA_TSTRING) {
        lua_tolstring(L, 1, &n);
        nb_sandbox_charge(L, (int64_t)(n / 64));
    }
    return call_original(L);
}

/* table.insert(t, pos, v) shifts #t - pos + 1 elements */
static int metered_insert(lua_State *L) {
    if (limited(L) && lua_gettop(L) == 3 && lua_isinteger(L, 2)) {
        int64_t n = length_of(L, 1), pos = lua_tointeger(L, 2);
        if (pos >= 1 && pos <= n) nb_sandbox_charge(L, n - pos + 1);
    }
    return call_original(L);
}

/* table.remove(t, pos) shifts #t - pos elements */
static int metered_remove(lua_State *L) {
    if (limited(L) && lua_gettop(L) >= 2 && lua_isinteger(L, 2)) {
        int64_t n = length_of(L, 1), pos = lua_tointeger(L, 2);
        if (pos >= 1 && pos <= n) nb_sandbox_charge(L, n - pos);
    }
    return call_original(L);
}

/* table.move(a, f, e, t) copies e - f + 1 elements, present or not */
static int metered_move(lua_State *L) {
    if (limited(L) && lua_isinteger(L, 2) && lua_isinteger(L, 3)) {
        lua_Integer f = lua_tointeger(L, 2), e = lua_tointeger(L, 3);
        if (e >= f) {
            uint64_t d = (uint64_t)e - (uint64_t)f;
            nb_sandbox_charge(L, d >= (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)d + 1);
        }
    }
    return call_original(L);
}

/* table.sort: n log n comparisons, made in C when there is no comparator */
static int metered_sort(lua_State *L) {
    if (limited(L)) {
        int64_t n = length_of(L, 1), log = 1;
        while (log < 63 && ((int64_t)1 << log) < n) log++;
        nb_sandbox_charge(L, n > INT64_MAX / 64 ? INT64_MAX : n * log);
    }
    return call_original(L);
}

static void wrap(lua_State *L, int lib, const char *name, lua_CFunction f) {
    lua_getfield(L, lib, name);
    lua_pushcclosure(L, f, 1);
    lua_setfield(L, lib, name);
}

/*}===*/

/*{=== LPeg: loops and rules built by untrusted code are metered ===
** An LPeg match runs in C to its end; a grammar can take exponential time
** and nested loops polynomial time. A pattern built inside an untrusted
** call has a metering step (a match-time function that charges one unit)
** at the entry of every rule call (lpeg.V) and of every loop iteration
** (`^`), so such a match stops at the limits. The home's patterns are
** built without: they are fast and their grammars are known. */

static int building_untrusted(lua_State *L) {
    nb_sandbox *sb = nb_sandbox_of(L);
    return sb != NULL && sb->active && sb->untrusted;
}

static int lpeg_tick(lua_State *L) {
    nb_sandbox_charge(L, 1);
    lua_pushboolean(L, 1);        /* match the empty string, capture nothing */
    return 1;
}

/* Replace the pattern at idx by tick * pattern (upvalue 2: tick, 3: __mul). */
static void prefix_tick(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_pushvalue(L, lua_upvalueindex(3));
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_pushvalue(L, idx);
    lua_call(L, 2, 1);
    lua_replace(L, idx);
}

/* lpeg.V(name) (upvalue 1: the original) */
static int metered_V(lua_State *L) {
    lua_settop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 1, 1);
    if (building_untrusted(L)) prefix_tick(L, 1);
    return 1;
}

/* pattern ^ n (upvalue 1: the original __pow) */
static int metered_pow(lua_State *L) {
    lua_settop(L, 2);
    if (building_untrusted(L)) prefix_tick(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

/* A pattern's finalizer (upvalue 1: LPeg's, which frees its compiled
** code). Most patterns are parts of others and never compiled, yet each
** one's finalizer runs, LPeg's looking its metatable up first: one that
** holds no code is passed over here. LPeg keeps the code's address first
** in a pattern, NULL until a match compiles it (code_first checks). */
static int pattern_gc(lua_State *L) {
    void *const *code = lua_touserdata(L, 1);
    if (code != NULL && *code == NULL) return 0;
    return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

/* Does this LPeg keep a pattern's code as pattern_gc expects: its address
** first, NULL until the pattern's first match, set after it? */
static int code_first(lua_State *L, int lpeg) {
    void *const *code;
    int ok;
    lua_getfield(L, lpeg, "P");
    lua_pushliteral(L, "a");
    lua_call(L, 1, 1);
    code = lua_touserdata(L, -1);
    ok = code != NULL && lua_rawlen(L, -1) >= sizeof *code && *code == NULL;
    lua_getfield(L, lpeg, "match");
    lua_pushvalue(L, -2);
    lua_pushliteral(L, "a");
    lua_call(L, 2, 0);
    ok = ok && *code != NULL;
    lua_pop(L, 1);
    return ok;
}

/* LPeg's finalizer wrapped by pattern_gc, where this LPeg's patterns are
** laid out as pattern_gc reads them. */
static void lighter_pattern_gc(lua_State *L, int lpeg, int mt) {
    lua_getfield(L, mt, "__gc");
    if (lua_tocfunction(L, -1) != NULL && lua_getupvalue(L, -1, 1) == NULL && code_first(L, lpeg)) {
        lua_pushcclosure(L, pattern_gc, 1);
        lua_setfield(L, mt, "__gc");
    } else {
        lua_pop(L, 1);
    }
}

static void require_module(lua_State *L, const char *name) {
    lua_getglobal(L, "require");
    lua_pushstring(L, name);
    lua_call(L, 1, 1);
}

static void harden_lpeg(lua_State *L) {
    int lpeg, mt;
    require_module(L, "lpeg");
    lpeg = lua_gettop(L);
    lua_getfield(L, lpeg, "P");
    lua_pushinteger(L, 0);
    lua_call(L, 1, 1);
    if (!lua_getmetatable(L, -1)) luaL_error(L, "lpeg: patterns have no metatable");
    mt = lua_gettop(L);
    lighter_pattern_gc(L, lpeg, mt);
    lua_getfield(L, lpeg, "P");                    /* the metering step */
    lua_pushcfunction(L, lpeg_tick);
    lua_call(L, 1, 1);
    lua_getfield(L, lpeg, "V");
    lua_pushvalue(L, -2);
    lua_getfield(L, mt, "__mul");
    lua_pushcclosure(L, metered_V, 3);
    lua_setfield(L, lpeg, "V");
    lua_getfield(L, mt, "__pow");
    lua_pushvalue(L, -2);
    lua_getfield(L, mt, "__mul");
    lua_pushcclosure(L, metered_pow, 3);
    lua_setfield(L, mt, "__pow");
    require_module(L, "re");                      /* (re.lua itself is run when first used) */
    nb_grammar_images_wrap(L, -1, lpeg_tick);
    lua_pushboolean(L, 0);                        /* then scripts cannot reach them */
    lua_setfield(L, mt, "__metatable");
    lua_settop(L, lpeg - 1);
}

/*}===*/

/* Replace string.find/match/gmatch/gsub, wrap the rest, lock the metatables. */
static void harden(lua_State *L) {
    int lib;
    lua_getglobal(L, "string");
    lib = lua_gettop(L);
    nb_sandbox_patterns(L);
    wrap(L, lib, "rep", metered_rep);
    lua_pushliteral(L, "");                 /* scripts cannot reach the string methods */
    if (lua_getmetatable(L, -1)) {
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_settop(L, lib - 1);
    lua_getglobal(L, "table");
    lib = lua_gettop(L);
    wrap(L, lib, "insert", metered_insert);
    wrap(L, lib, "remove", metered_remove);
    wrap(L, lib, "move", metered_move);
    wrap(L, lib, "sort", metered_sort);
    lua_settop(L, lib - 1);
    lua_getglobal(L, "utf8");
    lib = lua_gettop(L);
    wrap(L, lib, "len", metered_utf8);
    wrap(L, lib, "offset", metered_utf8);
    lua_settop(L, lib - 1);
    harden_lpeg(L);
}

/*}===*/


/* `nianbao.limited`, for the home's scripts (a pack's have no require):
** running() -> whether a limited call is running (work done now is
** charged to it); outside(f, ...) -> f(...), run as start-up runs: work
** put off from start-up (a grammar compiled when first needed) is neither
** charged to the call that needs it nor built metered as that call's own,
** and the memory it keeps is added to the call's ceiling, as if it had
** been made before the call. */
static int l_limited_running(lua_State *L) {
    lua_pushboolean(L, limited(L));
    return 1;
}

static int l_limited_outside(lua_State *L) {
    nb_sandbox *sb = nb_sandbox_of(L);
    int active, untrusted, status;
    size_t before;
    luaL_checktype(L, 1, LUA_TFUNCTION);
    if (sb == NULL || !sb->active || sb->tripped) {     /* (a tripped call only unwinds) */
        lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
        return lua_gettop(L);
    }
    active = sb->active;
    untrusted = sb->untrusted;
    before = sb->used;
    sb->active = sb->untrusted = 0;
    status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    sb->active = active;
    sb->untrusted = untrusted;
    if (sb->limit != 0 && sb->used > before) sb->limit += sb->used - before;
    if (status != LUA_OK) return lua_error(L);
    return lua_gettop(L);
}

static int luaopen_nianbao_limited(lua_State *L) {
    static const luaL_Reg funcs[] = {{"running", l_limited_running}, {"outside", l_limited_outside}, {NULL, NULL}};
    luaL_newlib(L, funcs);
    return 1;
}

/*{=== re, run when first used ===
** The module "re" is a table of functions that run re.lua's the first
** time one is called: most runs never call one (the home's grammars come
** from the build's images; a check of no report compiles none), and
** running re.lua builds its own grammar, some 0.9 M instructions. It runs
** as start-up runs (nianbao.limited.outside: not charged to a limited call,
** its patterns built unmetered), with the patterns' metatable open to it
** as it was at start-up: re keeps the metatable's operators, the metered
** ones harden_lpeg put there, and LPeg's own lpeg.P. */

#define RE_LOADED "nianbao.re"           /* registry: re.lua's module, once run */

static const char *const re_functions[] = { "compile", "match", "find", "gsub", "updatelocale", NULL };

static int run_re(lua_State *L) {
    if (nb_chunks_load(L, (const char *)re_lua, re_lua_len, "=re", "t") != LUA_OK)
        return lua_error(L);
    lua_pushstring(L, "re");
    lua_call(L, 1, 1);
    return 1;
}

/* re.lua run with LPeg's own lpeg.P, as when it ran before the grammar
** images were wrapped in: its grammar's rules keep the lpeg.P they find. */
static int run_re_aside(lua_State *L) {
    nb_grammar_images_aside(L, run_re);
    return 1;
}

/* re.lua run with the patterns' metatable open, closed again after. */
static int run_re_opened(lua_State *L) {
    int mt, status;
    require_module(L, "lpeg");
    lua_getfield(L, -1, "P");
    lua_pushinteger(L, 0);
    lua_call(L, 1, 1);
    if (!lua_getmetatable(L, -1)) return luaL_error(L, "lpeg: patterns have no metatable");
    mt = lua_gettop(L);
    lua_pushnil(L);
    lua_setfield(L, mt, "__metatable");
    lua_pushcfunction(L, run_re_aside);
    status = lua_pcall(L, 0, 1, 0);
    lua_pushboolean(L, 0);
    lua_setfield(L, mt, "__metatable");
    if (status != LUA_OK) return lua_error(L);
    return 1;
}

/* re.NAME(...) (upvalue 1: NAME): re.lua's function of that name. */
static int re_forward(lua_State *L) {
    int n = lua_gettop(L);
    if (lua_getfield(L, LUA_REGISTRYINDEX, RE_LOADED) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_pushcfunction(L, l_limited_outside);
        lua_pushcfunction(L, run_re_opened);
        lua_call(L, 1, 1);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, RE_LOADED);
    }
    lua_getfield(L, -1, lua_tostring(L, lua_upvalueindex(1)));
    lua_replace(L, -2);
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

static int load_re(lua_State *L) {
    int i;
    lua_createtable(L, 0, 5);
    for (i = 0; re_functions[i] != NULL; i++) {
        lua_pushstring(L, re_functions[i]);
        lua_pushcclosure(L, re_forward, 1);
        lua_setfield(L, -2, re_functions[i]);
    }
    return 1;
}

/*}===*/

static const luaL_Reg preload[] = {
    {"lpeg", luaopen_lpeg}, {"re", load_re}, {"nianbao", luaopen_nianbao},
    {"nianbao.io", luaopen_nianbao_io}, {"nianbao.sandbox", luaopen_nianbao_sandbox},
    {"nianbao.jobs", luaopen_nianbao_jobs},
    {"nianbao.zip", luaopen_nianbao_zip},
    {"nianbao.db", luaopen_nianbao_db}, {"nianbao.xlsx", luaopen_nianbao_xlsx},
    {"nianbao.similar", luaopen_nianbao_similar}, {"nianbao.chunks", luaopen_nianbao_chunks},
    {"nianbao.limited", luaopen_nianbao_limited},
    {NULL, NULL}
};

/* The first file on package.path that opens for reading, as
** package.searchpath finds it (each template with '?' the name, its dots
** as '/'): its name and its chunk name ("@" and the name) pushed, and its
** descriptor; -1, nothing pushed, for none. Both names are made before
** the file is opened, so that no error of Lua's leaves it open. Upvalue 1:
** the package table. */
static int open_script(lua_State *L, const char *name) {
    const char *path, *t, *end;
    int fd = -1;
    lua_getfield(L, lua_upvalueindex(1), "path");
    path = lua_tostring(L, -1);
    if (path == NULL) {
        lua_pop(L, 1);
        return -1;
    }
    luaL_gsub(L, name, ".", "/");
    for (t = path; fd < 0 && *t != '\0'; t = *end ? end + 1 : end) {
        end = strchr(t, ';');
        if (end == NULL) end = t + strlen(t);
        if (end == t) continue;
        lua_pushlstring(L, t, (size_t)(end - t));
        luaL_gsub(L, lua_tostring(L, -1), "?", lua_tostring(L, -2));
        lua_remove(L, -2);
        lua_pushfstring(L, "@%s", lua_tostring(L, -1));
        fd = open(lua_tostring(L, -2), O_RDONLY | O_CLOEXEC);
        if (fd < 0) lua_pop(L, 2);
    }
    if (fd < 0) {
        lua_pop(L, 2);
        return -1;
    }
    lua_rotate(L, -4, 2);               /* the names where the path and the module's were */
    lua_pop(L, 2);
    return fd;
}

/* package.searchers[2] as Lua's own (a file on package.path), except that
** a script the build precompiled loads from its bytecode, the file opened
** and read once. Upvalue 1: the package table. */
static int search_script(lua_State *L) {
    const char *name = luaL_checkstring(L, 1), *file;
    int status, fd = open_script(L, name);
    if (fd < 0) {                       /* none: Lua's own search, for its message */
        lua_getfield(L, lua_upvalueindex(1), "searchpath");
        lua_pushvalue(L, 1);
        lua_getfield(L, lua_upvalueindex(1), "path");
        lua_call(L, 2, 2);
        if (lua_isnil(L, -2)) return 1;         /* the files looked for */
        lua_pop(L, 1);
        lua_pushfstring(L, "@%s", lua_tostring(L, -1));
    }
    file = lua_tostring(L, -2);
    status = fd >= 0 ? nb_chunks_load_fd(L, fd, lua_tostring(L, -1)) : -1;
    if (fd >= 0) close(fd);
    if (status == LUA_OK) nb_chunks_mark_built(L, name);
    if (status < 0) status = luaL_loadfilex(L, file, NULL);
    if (status != LUA_OK)
        return luaL_error(L, "error loading module '%s' from file '%s':\n\t%s", name, file, lua_tostring(L, -1));
    lua_pushstring(L, file);
    return 2;
}

void nb_boot(lua_State *L, const char *home) {
    const luaL_Reg *r;
    luaL_openlibs(L);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    for (r = preload; r->name; r++) {
        lua_pushcfunction(L, r->func);
        lua_setfield(L, -2, r->name);
    }
    lua_pop(L, 1);
    nb_chunks_setup(L);
    lua_getglobal(L, "package");
    lua_pushfstring(L, "%s/scripts/lib/?.lua;%s/scripts/?.lua", home, home);
    lua_setfield(L, -2, "path");
    lua_pushliteral(L, "");
    lua_setfield(L, -2, "cpath");
    lua_getfield(L, -1, "searchers");
    lua_pushvalue(L, -2);
    lua_pushcclosure(L, search_script, 1);
    lua_rawseti(L, -2, 2);
    lua_pop(L, 2);
    harden(L);
}

int luaopen_nianbao_io(lua_State *L) {
    static const luaL_Reg funcs[] = {
        {"readfile", l_io_readfile}, {"stat", l_io_stat}, {"listdir", l_io_listdir},
        {"isatty", l_io_isatty}, {"tempfile", l_io_tempfile}, {"commit", l_io_commit},
        {"cwd", l_io_cwd}, {NULL, NULL}
    };
    luaL_newlib(L, funcs);
    return 1;
}
