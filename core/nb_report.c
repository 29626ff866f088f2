/*
** nb_report.c — schema (cell ids, hashed) and report (one cell per id).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "nb.h"
#include "nb_fnv.h"

/*{=== schema ===*/

/* The copies of the ids, carved from blocks freed with the schema (a
** format's thousand ids were a malloc and a free each). */
#define ID_BLOCK 4096
typedef struct id_block {
    struct id_block *next;
    char bytes[];
} id_block;

struct nb_schema {
    char **ids;
    nb_kind *kinds;
    size_t count, cap;
    long *slots;        /* open addressing: index into ids, or -1 */
    size_t nslots;      /* a power of two, at least twice count */
    uint64_t print;     /* of the ids in order: what a dump's indices mean */
    id_block *blocks;   /* the newest first */
    char *room;         /* the newest block's bytes not yet carved */
    size_t left;
};

/* A copy of the n bytes at id (its terminating zero among them). */
static char *copy_id(nb_schema *s, const char *id, size_t n) {
    char *d;
    if (n > s->left) {
        size_t size = n > ID_BLOCK ? n : ID_BLOCK;
        id_block *b = malloc(sizeof *b + size);
        if (b == NULL) return NULL;
        b->next = s->blocks;
        s->blocks = b;
        s->room = b->bytes;
        s->left = size;
    }
    d = s->room;
    memcpy(d, id, n);
    s->room += n;
    s->left -= n;
    return d;
}

/* Eight bytes a step (an id is looked up at every cell set or read),
** then mixed so that the low bits, which pick the slot, depend on every
** byte. */
static size_t hash_of(const char *s, size_t len) {
    uint64_t h = nb_fnv1a_wide(s, len);
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9u;
    h ^= h >> 32;
    return (size_t)h;
}

static size_t hash(const char *s) { return hash_of(s, strlen(s)); }

/* The slot of id (of hash h): where it is, or the free one it would take. */
static long find_hashed(const nb_schema *s, const char *id, size_t h, size_t *slot) {
    size_t mask = s->nslots - 1, i = h & mask;
    for (;;) {
        long k = s->slots[i];
        if (k < 0 || strcmp(s->ids[k], id) == 0) {
            *slot = i;
            return k;
        }
        i = (i + 1) & mask;
    }
}

static long find_slot(const nb_schema *s, const char *id, size_t *slot) {
    return find_hashed(s, id, hash(id), slot);
}

static int rehash(nb_schema *s, size_t nslots) {
    long *slots = malloc(nslots * sizeof *slots);
    size_t i, slot;
    if (slots == NULL) return NB_ENOMEM;
    for (i = 0; i < nslots; i++) slots[i] = -1;
    free(s->slots);
    s->slots = slots;
    s->nslots = nslots;
    for (i = 0; i < s->count; i++) {
        find_slot(s, s->ids[i], &slot);
        s->slots[slot] = (long)i;
    }
    return NB_OK;
}

nb_schema *nb_schema_new(void) {
    nb_schema *s = calloc(1, sizeof *s);
    if (s == NULL) return NULL;
    if (rehash(s, 64) != NB_OK) {
        free(s);
        return NULL;
    }
    return s;
}

void nb_schema_free(nb_schema *s) {
    if (s == NULL) return;
    while (s->blocks != NULL) {
        id_block *next = s->blocks->next;
        free(s->blocks);
        s->blocks = next;
    }
    free(s->ids);
    free(s->kinds);
    free(s->slots);
    free(s);
}

/* The id and kind lists grown to hold cap ids. */
static int grow(nb_schema *s, size_t cap) {
    char **ids;
    nb_kind *kinds;
    if (cap <= s->cap) return NB_OK;
    if ((ids = realloc(s->ids, cap * sizeof *ids)) == NULL) return NB_ENOMEM;
    s->ids = ids;
    if ((kinds = realloc(s->kinds, cap * sizeof *kinds)) == NULL) return NB_ENOMEM;
    s->kinds = kinds;
    s->cap = cap;
    return NB_OK;
}

int nb_schema_reserve(nb_schema *s, size_t n) {
    size_t want = s->count + n, nslots = s->nslots;
    if (want < s->count) return NB_ENOMEM;
    while (want * 2 > nslots) {
        if (nslots > SIZE_MAX / 4 / sizeof(long)) return NB_ENOMEM;
        nslots *= 2;
    }
    if (grow(s, want) != NB_OK) return NB_ENOMEM;
    return nslots == s->nslots ? NB_OK : rehash(s, nslots);
}

long nb_schema_add(nb_schema *s, const char *id, nb_kind kind) {
    size_t slot, len = strlen(id), h = hash_of(id, len);
    long k = find_hashed(s, id, h, &slot);
    char *copy;
    if (k >= 0) return k;
    if ((s->count + 1) * 2 > s->nslots) {
        if (rehash(s, s->nslots * 2) != NB_OK) return -1;
        find_hashed(s, id, h, &slot);
    }
    if (s->count == s->cap && grow(s, s->cap ? s->cap * 2 : 64) != NB_OK) return -1;
    if ((copy = copy_id(s, id, len + 1)) == NULL) return -1;
    s->ids[s->count] = copy;
    s->kinds[s->count] = kind;
    s->slots[slot] = (long)s->count;
    s->print = (s->print ^ h) * NB_FNV_PRIME;
    s->print ^= s->print >> 31;
    return (long)s->count++;
}

long nb_schema_find(const nb_schema *s, const char *id) {
    size_t slot;
    return find_slot(s, id, &slot);
}

size_t nb_schema_count(const nb_schema *s) { return s->count; }
const char *nb_schema_id(const nb_schema *s, size_t i) { return i < s->count ? s->ids[i] : NULL; }
nb_kind nb_schema_kind(const nb_schema *s, size_t i) { return i < s->count ? s->kinds[i] : NB_KIND_COUNT; }
uint64_t nb_schema_print(const nb_schema *s) { return s->print; }

/*}===*/

/*{=== report ===*/

/* A block of the texts cells are set to one by one: each text is carved
** from the newest block and freed with the report, none alone (a malloc
** and a free a text were most of what a report cost here). A text a
** cell no longer holds stays until then. */
typedef struct text_block {
    struct text_block *next;
    size_t used, size;
    char bytes[];
} text_block;

#define TEXT_BLOCK 4000         /* bytes of a block of short texts */

struct nb_report {
    const nb_schema *schema;
    nb_cell *cells;
    size_t ncells;
    /* a bit for each cell set: the others' bytes are not a cell yet and
    ** read as unset_cell (a report sets a few of its cells; zeroing them
    ** all cost more) */
    uint64_t *ready;
    char *slab;         /* the texts a load set, in one block; NULL before */
    size_t nslab;
    text_block *texts;  /* the texts set one by one, the newest block first */
    uint64_t sets;      /* cells set so far (each set counted, a load's too) */
};

/* Room for a text of n bytes (its NUL counted) that the report frees, or
** NULL. A long one has a block of its own, after the newest, whose room
** stays for the short ones to come. */
static char *text_room(nb_report *r, size_t n) {
    text_block *b = r->texts;
    if (b != NULL && b->size - b->used >= n) {
        b->used += n;
        return b->bytes + b->used - n;
    }
    if (n > SIZE_MAX - sizeof *b) return NULL;
    if (n > TEXT_BLOCK / 4 && b != NULL) {
        text_block *own = malloc(sizeof *own + n);
        if (own == NULL) return NULL;
        own->size = own->used = n;
        own->next = b->next;
        b->next = own;
        return own->bytes;
    }
    if ((b = malloc(sizeof *b + (n > TEXT_BLOCK ? n : TEXT_BLOCK))) == NULL) return NULL;
    b->size = n > TEXT_BLOCK ? n : TEXT_BLOCK;
    b->used = n;
    b->next = r->texts;
    r->texts = b;
    return b->bytes;
}

static int is_ready(const nb_report *r, size_t i) {
    return (int)((r->ready[i >> 6] >> (i & 63)) & 1);
}

/* Cell i (i < ncells), to be set whole: marked ready. */
static nb_cell *cell_to_set(nb_report *r, size_t i) {
    r->ready[i >> 6] |= (uint64_t)1 << (i & 63);
    r->sets++;
    return &r->cells[i];
}

/* What a cell never set reads as: missing, no number, no text, no place
** (all zero, as calloc made every cell). */
static const nb_cell unset_cell;

nb_report *nb_report_new(const nb_schema *s) {
    nb_report *r = calloc(1, sizeof *r);
    size_t n;
    if (r == NULL) return NULL;
    r->schema = s;
    r->ncells = nb_schema_count(s);
    n = r->ncells ? r->ncells : 1;
    if (n <= SIZE_MAX / sizeof *r->cells) {
        r->cells = malloc(n * sizeof *r->cells);
        r->ready = calloc((n + 63) / 64, sizeof *r->ready);
    }
    if (r->cells == NULL || r->ready == NULL) {
        free(r->cells);
        free(r->ready);
        free(r);
        return NULL;
    }
    return r;
}

nb_report *nb_report_copy(const nb_report *r) {
    nb_report *c = nb_report_new(r->schema);
    size_t i;
    if (c == NULL) return NULL;
    memcpy(c->ready, r->ready, (r->ncells + 63) / 64 * sizeof *r->ready);
    for (i = 0; i < r->ncells; i++) {
        if (!is_ready(r, i)) continue;
        c->cells[i] = r->cells[i];
        c->cells[i].text = NULL;
        if (r->cells[i].text) {
            size_t n = strlen(r->cells[i].text) + 1;
            if ((c->cells[i].text = text_room(c, n)) == NULL) {
                nb_report_free(c);
                return NULL;
            }
            memcpy(c->cells[i].text, r->cells[i].text, n);
        }
    }
    return c;
}

void nb_report_free(nb_report *r) {
    text_block *b, *next;
    if (r == NULL) return;
    for (b = r->texts; b != NULL; b = next) {     /* every text set one by one */
        next = b->next;
        free(b);
    }
    free(r->slab);
    free(r->cells);
    free(r->ready);
    free(r);
}

const nb_schema *nb_report_schema(const nb_report *r) { return r->schema; }

uint64_t nb_report_sets(const nb_report *r) { return r->sets; }

const nb_cell *nb_report_cell(const nb_report *r, size_t i) {
    if (i >= r->ncells) return NULL;
    return is_ready(r, i) ? &r->cells[i] : &unset_cell;
}

/* Control characters of an input (C0 but tab and line breaks, DEL, C1)
** become '?', one byte for one byte: a cell's text is printed as it is. */
static void printable(char *s) {
    unsigned char *p = (unsigned char *)s;
    for (; *p; p++) {
        if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F) *p = '?';
        else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) { p[0] = p[1] = '?'; p++; }
    }
}

/* Set cell i, its text the len bytes at text up to a NUL among them (as
** the C string it starts) or NULL. The text copied and made printable as
** printable makes it in one pass, where a search for a NUL, a copy and
** printable's walk cost three times over a value's few bytes. */
static int store_cell(nb_report *r, size_t i, nb_cell_state state, nb_num num,
                      const char *text, size_t len, nb_span span) {
    char *copy = NULL;
    nb_cell *c;
    if (i >= r->ncells) return NB_ENOTFOUND;
    if (text) {
        const unsigned char *from = (const unsigned char *)text;
        size_t k;
        if (len == SIZE_MAX || (copy = text_room(r, len + 1)) == NULL) return NB_ENOMEM;
        for (k = 0; k < len && from[k]; k++) {
            unsigned char ch = from[k];
            if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7F) {
                copy[k] = '?';
            } else if (ch == 0xC2 && k + 1 < len && from[k + 1] >= 0x80 && from[k + 1] <= 0x9F) {
                copy[k] = copy[k + 1] = '?';
                k++;
            } else {
                copy[k] = (char)ch;
            }
        }
        copy[k] = '\0';
    }
    c = cell_to_set(r, i);
    c->state = state;
    c->num = state == NB_CELL_NUMBER ? num : nb_num_int(0);
    c->text = copy;
    c->span = span;
    return NB_OK;
}

int nb_report_set_cell(nb_report *r, size_t i, nb_cell_state state, nb_num num,
                       const char *text, nb_span span) {
    return store_cell(r, i, state, num, text, text ? strlen(text) : 0, span);
}

int nb_report_set_cell_n(nb_report *r, size_t i, nb_cell_state state, nb_num num,
                         const char *text, size_t len, nb_span span) {
    return store_cell(r, i, state, num, text, len, span);
}

/* Whether n, printed with no point, is 1000 or more and its digits' two
** halves read as a value and its revision: as many digits each, neither
** with a leading zero, different, and within a tenth of the larger
** (twins.lua's halves and revised_pair, which this answers ahead for a
** report that has none). */
static int revised_halves(nb_num n) {
    char digits[24];
    int len, half, k;
    int64_t x = 0, y = 0, larger;
    if (n.scale != 0 || n.units < 1000) return 0;
    len = snprintf(digits, sizeof digits, "%lld", (long long)n.units);
    if (len < 4 || len % 2 == 1 || len >= (int)sizeof digits) return 0;
    half = len / 2;                       /* at most 9 digits: an int64 has 19 */
    if (digits[half] == '0') return 0;
    for (k = 0; k < half; k++) {
        x = x * 10 + (digits[k] - '0');
        y = y * 10 + (digits[half + k] - '0');
    }
    larger = x > y ? x : y;
    return x != y && (x > y ? x - y : y - x) * 10 <= larger;
}

int nb_cell_is(const nb_cell *c, unsigned what) {
    if (c == NULL) return 0;
    if (what & NB_CELL_IS(c->state)) return 1;
    if (c->state != NB_CELL_NUMBER) return 0;
    if ((what & NB_CELL_NEGATIVE) && c->num.units < 0) return 1;   /* the digits carry the sign */
    if ((what & NB_CELL_HALVES) && revised_halves(c->num)) return 1;
    return (what & NB_CELL_FRACTION) && !nb_num_is_integral(c->num);
}

/*}===*/

/*{=== dump ===*/

/* Machine byte order, fixed widths: the bytes go to a spool of this
** process and back, never anywhere else. */
#define DUMP_MAGIC "NBc1"
#define DUMP_HEAD 20            /* magic, schema print, schema count, cells */
#define DUMP_TEXT 8u            /* a cell's flags: the low 3 bits its state */
#define DUMP_SPAN 16u
#define DUMP_NUMBER 9           /* units and scale */

static int held(const nb_report *r, size_t i) {
    const nb_cell *c = &r->cells[i];
    return is_ready(r, i) && !(c->state == NB_CELL_MISSING && !c->text && !c->span.line);
}

/* The first cell from i on that the report holds, or ncells. The ready
** bits are read a word at a time: a report sets a fifth of its schema's
** cells, and a look at every cell was most of a dump. */
static size_t next_held(const nb_report *r, size_t i) {
    while (i < r->ncells) {
        uint64_t w = r->ready[i >> 6] >> (i & 63);
        if (w == 0) {
            i = (i | 63) + 1;
            continue;
        }
#if defined(__GNUC__)
        i += (size_t)__builtin_ctzll(w);
#else
        while (!(w & 1)) {
            w >>= 1;
            i++;
        }
#endif
        if (i >= r->ncells) break;
        if (held(r, i)) return i;
        i++;
    }
    return r->ncells;
}

static unsigned char *put(unsigned char *p, const void *v, size_t n) {
    memcpy(p, v, n);
    return p + n;
}

size_t nb_report_dump(const nb_report *r, unsigned char *out, size_t cap) {
    /* one pass: each cell written while it fits, its bytes counted all the
    ** same (the header last, when the count of cells is known) */
    size_t i, need = DUMP_HEAD;
    uint32_t nheld = 0, u32;
    uint64_t u64;
    unsigned char *p;
    for (i = next_held(r, 0); i < r->ncells; i = next_held(r, i + 1)) {
        const nb_cell *c = &r->cells[i];
        size_t len = c->text ? strlen(c->text) : 0, size = 5;
        if (len > UINT32_MAX) return 0;
        if (c->state == NB_CELL_NUMBER) size += DUMP_NUMBER;
        if (c->text) size += 4 + len;
        if (c->span.line) size += 16;
        nheld++;
        if (out != NULL && size <= cap && need <= cap - size) {
            p = out + need;
            u32 = (uint32_t)i;
            p = put(p, &u32, 4);
            *p++ = (unsigned char)(c->state | (c->text ? DUMP_TEXT : 0) | (c->span.line ? DUMP_SPAN : 0));
            if (c->state == NB_CELL_NUMBER) {
                int64_t units = c->num.units;
                p = put(p, &units, 8);
                *p++ = (unsigned char)c->num.scale;
            }
            if (c->text) {
                u32 = (uint32_t)len;
                p = put(p, &u32, 4);
                p = put(p, c->text, len);
            }
            if (c->span.line) {
                p = put(p, &c->span.line, 4);
                p = put(p, &c->span.col, 4);
                u64 = c->span.offset;
                p = put(p, &u64, 8);
            }
        }
        need += size;
    }
    if (out == NULL || cap < need) return need;
    p = put(out, DUMP_MAGIC, 4);
    u64 = r->schema->print;
    p = put(p, &u64, 8);
    u32 = (uint32_t)r->ncells;
    p = put(p, &u32, 4);
    put(p, &nheld, 4);
    return need;
}

/* n bytes at *p into v when there are that many before end. */
static int take(const unsigned char **p, const unsigned char *end, void *v, size_t n) {
    if ((size_t)(end - *p) < n) return 0;
    memcpy(v, *p, n);
    *p += n;
    return 1;
}

int nb_report_load(nb_report *r, const void *bytes, size_t len) {
    const unsigned char *p = bytes, *end = p + len;
    uint64_t print;
    uint32_t count, nheld, n, index, tlen = 0, last = 0;
    char *slab = NULL;
    if (len < DUMP_HEAD || memcmp(p, DUMP_MAGIC, 4) != 0) return NB_ESYNTAX;
    p += 4;
    take(&p, end, &print, 8);
    take(&p, end, &count, 4);
    take(&p, end, &nheld, 4);
    /* indices of another schema (or of this one since grown) mean other cells */
    if (print != r->schema->print || count != r->ncells) return NB_ESYNTAX;
    /* every text and its NUL fit in len (each has 4 bytes of length before
    ** it): one allocation for them all, where a malloc each was most of a
    ** load. A second load into the report takes store_cell's way. */
    if (r->slab == NULL && nheld) {
        if ((r->slab = malloc(len)) == NULL) return NB_ENOMEM;
        r->nslab = len;
        slab = r->slab;
    }
    for (n = 0; n < nheld; n++) {
        unsigned char flags;
        nb_cell_state state;
        nb_num num = nb_num_int(0);
        nb_span span = { 0, 0, 0 };
        const char *text = NULL;
        int st;
        if (!take(&p, end, &index, 4) || index >= r->ncells || (n && index <= last) ||
            !take(&p, end, &flags, 1) || (flags & 7) > NB_CELL_UNKNOWN || flags > 31)
            return NB_ESYNTAX;
        last = index;
        state = (nb_cell_state)(flags & 7);
        if (state == NB_CELL_NUMBER) {
            int64_t units;
            unsigned char scale;
            if (!take(&p, end, &units, 8) || !take(&p, end, &scale, 1) || scale > NB_NUM_MAXSCALE)
                return NB_ESYNTAX;
            num.units = units;
            num.scale = scale;
        }
        if (flags & DUMP_TEXT) {
            if (!take(&p, end, &tlen, 4) || (size_t)(end - p) < tlen) return NB_ESYNTAX;
            text = (const char *)p;
            p += tlen;
        }
        if (flags & DUMP_SPAN) {
            uint64_t offset;
            if (!take(&p, end, &span.line, 4) || !take(&p, end, &span.col, 4) ||
                !take(&p, end, &offset, 8) || span.line == 0 || offset > SIZE_MAX)
                return NB_ESYNTAX;
            span.offset = (size_t)offset;
        }
        if (text && memchr(text, '\0', tlen)) return NB_ESYNTAX;
        if (slab) {
            nb_cell *c = cell_to_set(r, index);
            c->text = NULL;
            if (text) {
                memcpy(slab, text, tlen);
                slab[tlen] = '\0';
                printable(slab);
                c->text = slab;
                slab += tlen + 1;
            }
            c->state = state;
            c->num = num;
            c->span = span;
        } else if ((st = store_cell(r, index, state, num, text, text ? tlen : 0, span)) != NB_OK)
            return st;
    }
    return p == end ? NB_OK : NB_ESYNTAX;
}

/*}===*/

