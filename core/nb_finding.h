/*
** nb_finding.h — the findings of one report: what is wrong, where, by how much.
*/
#ifndef NB_FINDING_H
#define NB_FINDING_H

#include <stddef.h>
#include <stdint.h>

typedef enum nb_severity { NB_SEV_ERROR = 0, NB_SEV_WARNING, NB_SEV_INFO } nb_severity;

typedef struct nb_finding {
    char *rule;          /* "gb2021.t3.balance" */
    nb_severity severity;
    char *message;       /* already in the user's language */
    char **cells;        /* cell ids involved, "t3.result.total.np" */
    size_t ncells;
    char *expected;      /* as text, or NULL */
    char *found;         /* as text, or NULL */
    char *quote;         /* the words of the input it is about (a sentence), or NULL */
    uint32_t line, col;  /* 1-based place in the input; 0 when unknown */
} nb_finding;

typedef struct nb_findings nb_findings;

/* A new empty list, or NULL when out of memory. */
nb_findings *nb_findings_new(void);
/* Free the list and every finding in it; NULL is fine. */
void nb_findings_free(nb_findings *l);

/* Append a finding; every string and the cells array are copied (NULLs are
** fine except rule and message), made safe to print as they are copied:
** invalid UTF-8 and control characters become U+FFFD (tabs and line breaks
** spaces), and a string longer than 64 KB is cut. NB_ENOMEM leaves the
** list as it was. */
int nb_findings_add(nb_findings *l, const nb_finding *f);
size_t nb_findings_count(const nb_findings *l);
/* The k-th finding in order of addition, or NULL past the end. */
const nb_finding *nb_findings_at(const nb_findings *l, size_t k);
/* How many findings of severity sev. */
size_t nb_findings_tally(const nb_findings *l, nb_severity sev);
/* Sort by line, then column, keeping the order of equal places.
** NB_ENOMEM leaves the order as it was. */
int nb_findings_sort(nb_findings *l);

/* "error" / "warning" / "info", and back (-1 for an unknown word). */
const char *nb_severity_name(nb_severity sev);
int nb_severity_parse(const char *s);

#endif
