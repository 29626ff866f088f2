/*
** nb_jobs.c — a batch over worker processes (see nb_jobs.h).
**
** One socket pair per worker carries both ways: the parent writes item
** numbers (4 bytes each), the worker answers each with a frame: the item,
** whether work succeeded, the length and the bytes. A socket rather than
** a pipe so that writing to a worker that died is an error (EPIPE, with
** MSG_NOSIGNAL) and not a SIGPIPE for the whole run.
*/
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <lauxlib.h>
#include "nb_jobs.h"
#include "nb_boot.h"
#include "nb_fnv.h"
#include "nb_marshal.h"

#define MAX_WORKERS 256
#define AHEAD 2              /* items a worker holds: the one at work and the next */
#define WINDOW 4096          /* items handed out past the first not yet delivered */
#define MAX_IDLE_DEATHS 16   /* workers that die holding nothing: then stop making new ones */
#define MAX_RESULT 0x7FFFFFFFu

enum { RESULT_OK = 0, RESULT_FAILED = 1 };

typedef struct worker {
    pid_t pid;               /* 0: the slot is empty */
    int fd;                  /* the parent's end of the socket pair */
    int held;                /* items handed to it and not answered, oldest first */
    lua_Integer queue[AHEAD];
} worker;

typedef struct batch {
    lua_State *L;
    int nworkers, idle_deaths;
    worker w[MAX_WORKERS];
    lua_Integer count;       /* items 1..count */
    lua_Integer next;        /* the next item never handed out */
    lua_Integer delivered;   /* items delivered so far: 1..delivered */
    lua_Integer retry[MAX_WORKERS * AHEAD];
    int nretry;              /* items of dead workers, to hand out again */
    int work, deliver;       /* stack indices of the two functions */
    int results, reasons;    /* stack indices: item → text; item → {reason, kind} */
    int decode;              /* results kept decoded (marshal), not as text */
} batch;

/*{=== plain I/O ===*/

/* Send all n bytes; 0, or -1 when the peer is gone. */
static int send_all(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n > 0) {
        ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Read exactly n bytes: 1, 0 at the end before any byte, -1 on an error
** or an end inside the n bytes. */
static int recv_all(int fd, void *buf, size_t n) {
    char *p = buf;
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(fd, p + got, n - got);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) return -1;
        if (k == 0) return got == 0 ? 0 : -1;
        got += (size_t)k;
    }
    return 1;
}

/*}===*/

/*{=== the worker ===*/

/* The worker's life: items in, frames out, until the parent closes its
** end. It never returns: _exit, so nothing of the parent's (buffers,
** temporary files, atexit handlers) is flushed or run twice. */
static void worker_main(batch *b, int fd) {
    lua_State *L = b->L;
    for (;;) {
        uint32_t item, head[3];
        const char *s;
        size_t len;
        int status, r = recv_all(fd, &item, sizeof item);
        if (r == 0) _exit(0);
        if (r < 0) _exit(1);
        lua_pushvalue(L, b->work);
        lua_pushinteger(L, (lua_Integer)item);
        status = lua_pcall(L, 1, 1, 0);
        if (status == LUA_OK && lua_type(L, -1) == LUA_TSTRING) {
            head[1] = RESULT_OK;
        } else {
            if (status == LUA_OK || lua_type(L, -1) != LUA_TSTRING) {
                lua_pop(L, 1);
                lua_pushstring(L, status == LUA_OK ? "the work returned no text" : "an error without a message");
            }
            head[1] = RESULT_FAILED;
        }
        s = lua_tolstring(L, -1, &len);
        if (len > MAX_RESULT) {
            s = "the result is too large to pass on";
            len = strlen(s);
            head[1] = RESULT_FAILED;
        }
        head[0] = item;
        head[2] = (uint32_t)len;
        if (send_all(fd, head, sizeof head) != 0 || send_all(fd, s, len) != 0) _exit(1);
        lua_pop(L, 1);
    }
}

/* A new worker in slot k: 0, or -1 when the system refuses (errno set). */
static int spawn(batch *b, int k) {
    int sv[2], j;
    pid_t pid;
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return -1;
    fflush(stdout);                  /* what the parent has buffered is written once */
    fflush(stderr);
    pid = fork();
    if (pid < 0) {
        int e = errno;
        close(sv[0]);
        close(sv[1]);
        errno = e;
        return -1;
    }
    if (pid == 0) {
        close(sv[0]);
        for (j = 0; j < b->nworkers; j++)    /* the others' ends: they must see their own end */
            if (j != k && b->w[j].pid != 0) close(b->w[j].fd);
        nb_io_forget_pending();          /* the parent's temporary files are the parent's */
        worker_main(b, sv[1]);
    }
    close(sv[1]);
    b->w[k].pid = pid;
    b->w[k].fd = sv[0];
    b->w[k].held = 0;
    return 0;
}

/*}===*/

/*{=== the parent ===*/

/* Close every worker's socket and wait for it; with `force`, kill first. */
static void stop_all(batch *b, int force) {
    int k;
    for (k = 0; k < b->nworkers; k++) {
        worker *w = &b->w[k];
        if (w->pid == 0) continue;
        if (force) kill(w->pid, SIGKILL);
        close(w->fd);
        while (waitpid(w->pid, NULL, 0) < 0 && errno == EINTR) ;
        w->pid = 0;
    }
}

/* Record the result of an item that has no text: reason, kind. */
static void set_reason(batch *b, lua_Integer item, const char *reason, const char *kind) {
    lua_State *L = b->L;
    lua_createtable(L, 2, 0);
    lua_pushstring(L, reason);
    lua_rawseti(L, -2, 1);
    lua_pushstring(L, kind);
    lua_rawseti(L, -2, 2);
    lua_rawseti(L, b->reasons, item);
}

/* Worker k is gone: its first item is lost (the reason says why), the
** others go to another worker, and a new worker takes the slot while
** there is work left. */
static void bury(batch *b, int k) {
    lua_State *L = b->L;
    worker *w = &b->w[k];
    int status = 0, i;
    close(w->fd);
    kill(w->pid, SIGKILL);           /* gone already, or it broke the protocol */
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR) ;
    w->pid = 0;
    if (w->held > 0) {
        if (WIFSIGNALED(status)) lua_pushfstring(L, "signal %d", WTERMSIG(status));
        else lua_pushfstring(L, "exit status %d", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        set_reason(b, w->queue[0], lua_tostring(L, -1), "died");
        lua_pop(L, 1);
        for (i = 1; i < w->held; i++) b->retry[b->nretry++] = w->queue[i];
    } else {
        b->idle_deaths++;
    }
    w->held = 0;
    if ((b->nretry > 0 || b->next <= b->count) && b->idle_deaths < MAX_IDLE_DEATHS)
        spawn(b, k);                 /* when it fails the slot stays empty */
}

/* Hand out items to workers with room, first those of dead workers. */
static void hand_out(batch *b) {
    int k;
    for (k = 0; k < b->nworkers; k++) {
        worker *w = &b->w[k];
        while (w->pid != 0 && w->held < AHEAD) {
            lua_Integer item;
            uint32_t v;
            if (b->nretry > 0) item = b->retry[--b->nretry];
            else if (b->next <= b->count && b->next - b->delivered <= WINDOW) item = b->next++;
            else break;
            v = (uint32_t)item;
            if (send_all(w->fd, &v, sizeof v) != 0) {
                b->retry[b->nretry++] = item;   /* it is gone: poll will say so */
                break;
            }
            w->queue[w->held++] = item;
        }
    }
}

/* decode(bytes, len) -> marshal.decode of the len bytes at the light
** userdata bytes (protected: bytes that do not decode are an error). */
static int decode_frame(lua_State *L) {
    nb_marshal_decode(L, lua_touserdata(L, 1), (size_t)lua_tointeger(L, 2));
    return 1;
}

/* Keep the result of item, the len bytes at buf, decoded where it was
** received: no string is made of the bytes (nor collected later). A nil
** is kept as the batch's own light userdata, which no decode gives; bytes
** that do not decode make the item failed, with decode's message. */
static void keep_decoded(batch *b, lua_Integer item, const char *buf, size_t len) {
    lua_State *L = b->L;
    lua_pushcfunction(L, decode_frame);
    lua_pushlightuserdata(L, (void *)buf);
    lua_pushinteger(L, (lua_Integer)len);
    if (lua_pcall(L, 2, 1, 0) == LUA_OK) {
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            lua_pushlightuserdata(L, b);
        }
        lua_rawseti(L, b->results, item);
    } else {
        const char *msg = lua_tostring(L, -1);
        set_reason(b, item, msg ? msg : "an error without a message", "failed");
        lua_pop(L, 1);
    }
}

/* Read one frame from worker k; 0, or -1 when the worker is gone. */
static int take_frame(batch *b, int k) {
    lua_State *L = b->L;
    worker *w = &b->w[k];
    uint32_t head[3];
    char *buf;
    int i, pos = -1;
    if (recv_all(w->fd, head, sizeof head) != 1) return -1;
    for (i = 0; i < w->held; i++) if (w->queue[i] == (lua_Integer)head[0]) pos = i;
    if (pos < 0 || head[2] > MAX_RESULT) return -1;   /* not an answer to what it was given */
    buf = malloc(head[2] ? head[2] : 1);
    if (buf == NULL) luaL_error(L, "not enough memory for a worker's result");
    if (head[2] > 0 && recv_all(w->fd, buf, head[2]) != 1) {
        free(buf);
        return -1;
    }
    if (head[1] == RESULT_OK && b->decode) {
        keep_decoded(b, (lua_Integer)head[0], buf, head[2]);
        free(buf);
    } else {
        lua_pushlstring(L, buf, head[2]);
        free(buf);
        if (head[1] == RESULT_OK) {
            lua_rawseti(L, b->results, (lua_Integer)head[0]);
        } else {
            set_reason(b, (lua_Integer)head[0], lua_tostring(L, -1), "failed");
            lua_pop(L, 1);
        }
    }
    for (i = pos; i + 1 < w->held; i++) w->queue[i] = w->queue[i + 1];
    w->held--;
    return 0;
}

/* Deliver the items that are next in order; an error in deliver stops
** the workers and goes on. */
static void deliver_ready(batch *b) {
    lua_State *L = b->L;
    while (b->delivered < b->count) {
        lua_Integer item = b->delivered + 1;
        int args;
        lua_pushvalue(L, b->deliver);
        lua_pushinteger(L, item);
        if (lua_rawgeti(L, b->results, item) != LUA_TNIL) {
            args = 2;                  /* deliver, item, text (or value) */
            if (lua_islightuserdata(L, -1) && lua_touserdata(L, -1) == (void *)b) {
                lua_pop(L, 1);         /* a value decoded as nil */
                lua_pushnil(L);
            }
        } else {
            lua_pop(L, 1);
            if (lua_rawgeti(L, b->reasons, item) != LUA_TTABLE) {
                lua_pop(L, 3);
                return;
            }
            lua_pushnil(L);
            lua_rawgeti(L, -2, 1);
            lua_rawgeti(L, -3, 2);
            lua_remove(L, -4);         /* deliver, item, nil, reason, kind */
            args = 4;
        }
        lua_pushnil(L);
        lua_rawseti(L, b->results, item);
        lua_pushnil(L);
        lua_rawseti(L, b->reasons, item);
        b->delivered = item;
        if (lua_pcall(L, args, 0, 0) != LUA_OK) {
            stop_all(b, 1);
            lua_error(L);
        }
    }
}

/* jobs.run(workers, count, work, deliver [, decoded]): with decoded true,
** each text work(i) returned is marshal's bytes, and deliver(i, value)
** gets marshal.decode of them, decoded as they arrive (bytes that do not
** decode: deliver(i, nil, decode's message, "failed")). */
static int l_run(lua_State *L) {
    batch *b;
    lua_Integer n = luaL_checkinteger(L, 1), count = luaL_checkinteger(L, 2);
    int k, decode = lua_toboolean(L, 5);
    luaL_checktype(L, 3, LUA_TFUNCTION);
    luaL_checktype(L, 4, LUA_TFUNCTION);
    luaL_argcheck(L, count >= 0 && count <= (lua_Integer)UINT32_MAX, 2, "out of range");
    if (n > MAX_WORKERS) n = MAX_WORKERS;
    if (n > count) n = count;
    if (n < 1) n = 1;
    lua_settop(L, 4);
    b = lua_newuserdatauv(L, sizeof *b, 0);   /* freed with the call's stack */
    memset(b, 0, sizeof *b);
    b->L = L;
    b->decode = decode;
    b->count = count;
    b->next = 1;
    b->work = 3;
    b->deliver = 4;
    lua_newtable(L);
    b->results = lua_gettop(L);
    lua_newtable(L);
    b->reasons = lua_gettop(L);
    b->nworkers = (int)n;
    for (k = 0; k < b->nworkers; k++) {
        if (spawn(b, k) != 0) {
            int e = errno;
            stop_all(b, 1);
            return luaL_error(L, "cannot start a worker: %s", strerror(e));
        }
    }
    while (b->delivered < b->count) {
        struct pollfd fds[MAX_WORKERS];
        int slot[MAX_WORKERS], nfds = 0, r, i;
        hand_out(b);
        for (k = 0; k < b->nworkers; k++) {
            if (b->w[k].pid == 0) continue;
            fds[nfds].fd = b->w[k].fd;
            fds[nfds].events = POLLIN;
            fds[nfds].revents = 0;
            slot[nfds++] = k;
        }
        if (nfds == 0) {
            stop_all(b, 1);
            return luaL_error(L, "no worker is left to check the files");
        }
        r = poll(fds, (nfds_t)nfds, -1);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            int e = errno;
            stop_all(b, 1);
            return luaL_error(L, "waiting for the workers: %s", strerror(e));
        }
        for (i = 0; i < nfds; i++) {
            if (fds[i].revents == 0) continue;
            if (take_frame(b, slot[i]) != 0) bury(b, slot[i]);
        }
        deliver_ready(b);
    }
    stop_all(b, 0);
    return 0;
}

/* jobs.cores() -> the processors this process may run on */
static int l_cores(lua_State *L) {
    long n = 0;
#ifdef CPU_COUNT
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) n = CPU_COUNT(&set);
#endif
    if (n <= 0) n = sysconf(_SC_NPROCESSORS_ONLN);
    lua_pushinteger(L, n > 0 ? n : 1);
    return 1;
}

/*}===*/

/*{=== the spool ===*/

/* A file of bytes written once and read back by offset: what the survey
** of a batch keeps of each report for its check, on disk so memory stays
** flat. Unlinked at once (gone with the process); read with pread, so
** workers forked later share the descriptor without sharing an offset. */
#define SPOOL "nianbao.spool"

/* buf: where a read lands, kept from read to read (up to SPOOL_BUF_KEPT
** bytes) so a read makes no buffer of its own. out: the last bytes put,
** not yet written (the spool's last out_len bytes, from `written` on):
** puts of a report's few parts are one write, not one each, and a read of
** them is served from there. */
#define SPOOL_BUF_KEPT (1 << 20)
#define SPOOL_OUT (64 * 1024)
typedef struct {
    int fd;
    int64_t size, written;      /* bytes put; bytes of them in the file */
    char *buf;
    size_t cap;
    char *out;                  /* SPOOL_OUT bytes once a put asks for them */
    size_t out_len;
    size_t plain_hint;          /* the length of the last put_plain */
} spool_ud;

/* The spool's methods hold its metatable as their upvalue. */
#define SPOOL_MT lua_upvalueindex(1)

/* Argument 1 as a spool: one compare with the metatable held as an
** upvalue, where luaL_checkudata looked its name up in the registry at
** every put, get and decode; any other value gets luaL_checkudata's own
** error. */
static spool_ud *spool_arg(lua_State *L) {
    void *p = lua_touserdata(L, 1);
    if (p != NULL && lua_getmetatable(L, 1)) {
        int same = lua_rawequal(L, -1, SPOOL_MT);
        lua_pop(L, 1);
        if (same) return p;
    }
    return luaL_checkudata(L, 1, SPOOL);
}

static spool_ud *check_spool(lua_State *L) {
    spool_ud *u = spool_arg(L);
    if (u->fd < 0) luaL_error(L, "spool closed");
    return u;
}

/* jobs.spool() -> spool | nil, reason */
static int l_spool(lua_State *L) {
    const char *dir = getenv("TMPDIR");
    spool_ud *u = lua_newuserdatauv(L, sizeof *u, 0);
    luaL_Buffer b;
    char *path;
    int fd, e;
    memset(u, 0, sizeof *u);
    u->fd = -1;
    luaL_setmetatable(L, SPOOL);
    if (dir == NULL || *dir == '\0') dir = "/tmp";
    luaL_buffinit(L, &b);
    luaL_addstring(&b, dir);
    luaL_addstring(&b, "/nianbao-spool-XXXXXX");
    luaL_pushresult(&b);
    path = malloc(lua_rawlen(L, -1) + 1);
    if (path == NULL) return luaL_error(L, "out of memory");
    memcpy(path, lua_tostring(L, -1), lua_rawlen(L, -1) + 1);
    lua_pop(L, 1);
    fd = mkstemp(path);
    e = errno;
    if (fd >= 0) unlink(path);
    free(path);
    if (fd < 0) {
        lua_pushnil(L);
        lua_pushstring(L, strerror(e));
        return 2;
    }
    u->fd = fd;
    return 1;
}

/* Write len bytes of s at `at`: 0, or errno (EIO for a write of nothing)
** with *done the bytes written before it. */
static int spool_write(int fd, const char *s, size_t len, int64_t at, size_t *done) {
    *done = 0;
    while (*done < len) {
        ssize_t n = pwrite(fd, s + *done, len - *done, (off_t)(at + (int64_t)*done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return n < 0 ? errno : EIO;
        *done += (size_t)n;
    }
    return 0;
}

/* Write out the bytes waiting in u->out: 0, or errno. What could not be
** written stays there, still read from there: no put that gave its place
** loses its bytes. */
static int spool_flush(spool_ud *u) {
    size_t done;
    int e = spool_write(u->fd, u->out, u->out_len, u->written, &done);
    u->written += (int64_t)done;
    u->out_len -= done;
    if (u->out_len > 0 && done > 0) memmove(u->out, u->out + done, u->out_len);
    return e;
}

/* Put the len bytes at s: 0, or errno (nothing put then). */
static int spool_append(spool_ud *u, const char *s, size_t len) {
    int e = 0;
    if (u->out_len + len > SPOOL_OUT && u->out_len > 0) e = spool_flush(u);
    if (e == 0 && len >= SPOOL_OUT) {
        size_t done;                 /* nothing waits: written at once, where it goes */
        e = spool_write(u->fd, s, len, u->size, &done);
        if (e == 0) u->written += (int64_t)len;
    } else if (e == 0) {
        if (u->out == NULL && (u->out = malloc(SPOOL_OUT)) == NULL) e = ENOMEM;
        else {
            memcpy(u->out + u->out_len, s, len);
            u->out_len += len;
        }
    }
    if (e == 0) u->size += (int64_t)len;
    return e;
}

/* spool:put(bytes) -> offset | nil, reason */
static int l_spool_put(lua_State *L) {
    spool_ud *u = check_spool(L);
    size_t len;
    const char *s = luaL_checklstring(L, 2, &len);
    int64_t at = u->size;
    int e = spool_append(u, s, len);
    if (e != 0) {
        lua_pushnil(L);
        lua_pushstring(L, strerror(e));
        return 2;
    }
    lua_pushinteger(L, (lua_Integer)at);
    return 1;
}

/* spool:put_plain(v, ext, seen[, skip]) -> offset, length | nil[, reason]:
** put marshal.encode_plain(v, ext, seen, skip)'s bytes, made in C and put
** from there (nil alone when v is not plain): a report's bytes were a
** string of their own, copied into the spool and then collected. */
static int l_spool_put_plain(lua_State *L) {
    spool_ud *u = check_spool(L);
    nb_box *b;
    int64_t at = u->size;
    int e;
    luaL_checktype(L, 3, LUA_TTABLE);
    luaL_checktype(L, 4, LUA_TTABLE);
    if (!lua_isnoneornil(L, 5)) luaL_checktype(L, 5, LUA_TTABLE);
    lua_settop(L, 5);
    b = nb_box_push(L);
    /* room for the size the last one took, and a quarter: one buffer, not eight grown */
    if (u->plain_hint > 0) {
        size_t cap = u->plain_hint + u->plain_hint / 4;
        b->p = b->alloc(b->ud, NULL, 0, cap);
        if (b->p != NULL) b->cap = cap;
    }
    if (!nb_marshal_put_plain(L, b, 2, 3, 4, lua_isnil(L, 5) ? 0 : 5)) {
        nb_box_clear(b);
        lua_pushnil(L);
        return 1;
    }
    u->plain_hint = b->n;
    e = spool_append(u, b->p, b->n);
    nb_box_clear(b);
    if (e != 0) {
        lua_pushnil(L);
        lua_pushstring(L, strerror(e));
        return 2;
    }
    lua_pushinteger(L, (lua_Integer)at);
    lua_pushinteger(L, (lua_Integer)(u->size - at));
    return 2;
}

/* The len bytes at off: where they are (u->buf, or u->out when they all
** wait there); NULL with nil and the reason pushed. */
static const char *spool_read(lua_State *L, spool_ud *u, lua_Integer off, lua_Integer len) {
    size_t done = 0, from_file;
    luaL_argcheck(L, off >= 0 && len >= 0 && off + len <= u->size, 2, "outside the spool");
    if (off >= u->written) return u->out ? u->out + (off - u->written) : "";
    if ((size_t)len > u->cap) {
        size_t cap = u->cap ? u->cap : 4096;
        char *p;
        while (cap < (size_t)len) cap = cap > SIZE_MAX / 2 ? (size_t)len : cap * 2;
        p = realloc(u->buf, cap);
        if (p == NULL) {
            lua_pushnil(L);
            lua_pushstring(L, strerror(ENOMEM));
            return NULL;
        }
        u->buf = p;
        u->cap = cap;
    }
    /* the bytes in the file, then those still waiting to be written */
    from_file = off + len <= u->written ? (size_t)len : (size_t)(u->written - off);
    while (done < from_file) {
        ssize_t n = pread(u->fd, u->buf + done, from_file - done, (off_t)(off + (lua_Integer)done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            lua_pushnil(L);
            lua_pushstring(L, n < 0 ? strerror(errno) : "short read");
            return NULL;
        }
        done += (size_t)n;
    }
    if (from_file < (size_t)len) memcpy(u->buf + from_file, u->out, (size_t)len - from_file);
    return u->buf ? u->buf : "";
}

/* A buffer grown past SPOOL_BUF_KEPT by one large read is let go. */
static void spool_trim(spool_ud *u) {
    if (u->cap > SPOOL_BUF_KEPT) {
        free(u->buf);
        u->buf = NULL;
        u->cap = 0;
    }
}

/* spool:get(offset, length) -> bytes | nil, reason */
static int l_spool_get(lua_State *L) {
    spool_ud *u = check_spool(L);
    lua_Integer off = luaL_checkinteger(L, 2), len = luaL_checkinteger(L, 3);
    const char *at = spool_read(L, u, off, len);
    if (at == NULL) return 2;
    lua_pushlstring(L, at, (size_t)len);
    spool_trim(u);
    return 1;
}

/* spool:decode(offset, length) -> marshal.decode of the bytes there | nil,
** reason: decoded where they were read, with no string made of them. */
static int l_spool_decode(lua_State *L) {
    spool_ud *u = check_spool(L);
    lua_Integer off = luaL_checkinteger(L, 2), len = luaL_checkinteger(L, 3);
    const char *at = spool_read(L, u, off, len);
    if (at == NULL) return 2;
    nb_marshal_decode(L, at, (size_t)len);
    spool_trim(u);
    return 1;
}

static int l_spool_close(lua_State *L) {
    spool_ud *u = spool_arg(L);
    if (u->fd >= 0) close(u->fd);
    u->fd = -1;
    free(u->buf);
    u->buf = NULL;
    u->cap = 0;
    free(u->out);
    u->out = NULL;
    u->out_len = 0;
    return 0;
}

/*}===*/

/* jobs.sum(bytes) -> integer: a hash of the bytes taken eight at a time,
** to tell the files of a batch apart; two of one sum are told by their
** digest (similar.digest, a byte a step), which is then worked out. */
static int l_sum(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    lua_pushinteger(L, (lua_Integer)(nb_fnv1a_wide(s, n) ^ (uint64_t)n));
    return 1;
}

int luaopen_nianbao_jobs(lua_State *L) {
    static const luaL_Reg funcs[] = {
        {"run", l_run}, {"cores", l_cores}, {"spool", l_spool}, {"sum", l_sum}, {NULL, NULL}
    };
    static const luaL_Reg spool_methods[] = {
        {"put", l_spool_put}, {"put_plain", l_spool_put_plain}, {"get", l_spool_get}, {"decode", l_spool_decode},
        {"close", l_spool_close}, {NULL, NULL}
    };
    luaL_newmetatable(L, SPOOL);
    lua_newtable(L);
    lua_pushvalue(L, -2);
    luaL_setfuncs(L, spool_methods, 1);
    lua_setfield(L, -2, "__index");
    lua_pushvalue(L, -1);
    lua_pushcclosure(L, l_spool_close, 1);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);
    luaL_newlib(L, funcs);
    return 1;
}

