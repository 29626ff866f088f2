/*
** nb_report.h — the report model.
**
** A schema is the ordered set of cell ids a format pack declares
** ("t3.result.total.np"), built once per process. A report holds the
** cells of one input file bound to a schema, one cell per schema id (the
** prose, metadata and diagnostics live on the Lua side). A cell the reader
** never found stays NB_CELL_MISSING; nothing is ever defaulted to zero.
*/
#ifndef NB_REPORT_H
#define NB_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include "nb_num.h"

typedef enum nb_kind { NB_KIND_COUNT = 0, NB_KIND_MONEY } nb_kind;

typedef enum nb_cell_state {
    NB_CELL_MISSING = 0,  /* not found in the input at all */
    NB_CELL_NUMBER,       /* a number; see nb_cell.num */
    NB_CELL_BLANK,        /* present but empty */
    NB_CELL_MARKER,       /* a placeholder such as "/" "-" "无" */
    NB_CELL_TEXT,         /* anything else; see nb_cell.text */
    NB_CELL_UNKNOWN       /* read, but its value could not be decided */
} nb_cell_state;

/* A place in the input file. line == 0 means unknown. */
typedef struct nb_span {
    uint32_t line, col;   /* 1-based; col counts characters, not bytes */
    size_t offset;        /* byte offset from the start of the file */
} nb_span;

typedef struct nb_cell {
    nb_cell_state state;
    nb_num num;           /* valid when state == NB_CELL_NUMBER */
    char *text;           /* the cell as printed, or NULL; owned by the report */
    nb_span span;
} nb_cell;

typedef struct nb_schema nb_schema;
typedef struct nb_report nb_report;

/*{=== schema ===*/

/* A new empty schema, or NULL when out of memory. */
nb_schema *nb_schema_new(void);
/* Free a schema; NULL is fine. Every report made from it must be freed first. */
void nb_schema_free(nb_schema *s);
/* Add a cell id (copied). Returns its index, or -1 when out of memory.
** Adding an id twice returns the first index and keeps the first kind. */
long nb_schema_add(nb_schema *s, const char *id, nb_kind kind);
/* Room for n more ids without growing again (a format adds some
** thousand at once). NB_OK, or NB_ENOMEM with the schema unchanged. */
int nb_schema_reserve(nb_schema *s, size_t n);
/* The index of id, or -1. Constant time on average. */
long nb_schema_find(const nb_schema *s, const char *id);
size_t nb_schema_count(const nb_schema *s);
/* The id and kind at index i: NULL (and NB_KIND_COUNT) when i is not below
** the count. The string belongs to the schema. */
const char *nb_schema_id(const nb_schema *s, size_t i);
nb_kind nb_schema_kind(const nb_schema *s, size_t i);
/* A digest of the ids in their order: two schemas of the same count and
** print hold the same ids at the same indices. */
uint64_t nb_schema_print(const nb_schema *s);

/*}===*/

/*{=== report ===*/

/* A report over schema s with every cell missing. The schema is borrowed
** and must outlive the report. NULL when out of memory. */
nb_report *nb_report_new(const nb_schema *s);
/* A copy of r with its own cells (same schema), or NULL when out of memory. */
nb_report *nb_report_copy(const nb_report *r);
/* Free a report and everything it owns; NULL is fine. */
void nb_report_free(nb_report *r);
const nb_schema *nb_report_schema(const nb_report *r);
/* How many times a cell of r was set (by a setter or a load) since it was
** made: while it stays the same, nothing computed from the cells changed. */
uint64_t nb_report_sets(const nb_report *r);

/* The cell at schema index i, or NULL when i is out of range. The pointer
** stays valid until the report is freed; use the setter to change it. */
const nb_cell *nb_report_cell(const nb_report *r, size_t i);
/* Set cell i: state, number (for NB_CELL_NUMBER), text as printed (copied,
** may be NULL; control characters but tab and line breaks become '?'),
** span. NB_ENOTFOUND for a bad index, NB_ENOMEM. */
int nb_report_set_cell(nb_report *r, size_t i, nb_cell_state state, nb_num num,
                       const char *text, nb_span span);
/* The same, the text len bytes at text (up to a NUL among them, as the C
** string they start), for a caller whose text is not NUL-terminated. */
int nb_report_set_cell_n(nb_report *r, size_t i, nb_cell_state state, nb_num num,
                         const char *text, size_t len, nb_span span);

/* What a cell may be asked to be, for nb_cell_is: one bit per state
** (NB_CELL_IS(state)), and three questions about a number's value. */
#define NB_CELL_IS(state) (1u << (state))
#define NB_CELL_NEGATIVE  (1u << 8)   /* a number below zero */
#define NB_CELL_FRACTION  (1u << 9)   /* a number that is not whole */
#define NB_CELL_HALVES    (1u << 10)  /* a whole number whose digits' halves read as a value
                                      ** and its revision (twins.lua's halves: 30103001) */

/* Nonzero when cell c is any of what the bits of `what` ask: in a state
** they name, or a number that is negative, not whole or of revised halves
** as they ask. A NULL
** cell is none of them. What the rules of a format ask of every cell, in
** one pass over the cells and without building any of them. */
int nb_cell_is(const nb_cell *c, unsigned what);

/*}===*/

/*{=== dump ===*/

/* The cells of r that are more than missing (a state, a text or a place),
** as bytes that nb_report_load sets again in a report of the same schema:
** each by its index, no id written nor looked up. Returns how many bytes
** that takes, written at out when cap is at least that (a buffer guessed
** too small is only counted: call again with one of the size returned); 0
** when a text is too long to dump. The bytes are
** for this process's schema only (machine byte order, schema indices). */
size_t nb_report_dump(const nb_report *r, unsigned char *out, size_t cap);
/* Set the cells dumped in bytes (len of them), as nb_report_set_cell
** would. NB_ESYNTAX when they are not such bytes or were dumped from a
** report of another schema (a cell or two may be set by then), NB_ENOMEM. */
int nb_report_load(nb_report *r, const void *bytes, size_t len);

/*}===*/

#endif
