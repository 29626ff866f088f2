/*
** nb.h — nianbao core: version, status codes, umbrella include.
** The core holds the report model and the table arithmetic; all policy
** (format, checks, readers, writers) lives in Lua scripts.
*/
#ifndef NB_H
#define NB_H

#define NB_VERSION "0.1.0"

typedef enum nb_status {
    NB_OK = 0,
    NB_ENOMEM,      /* an allocation failed */
    NB_ESYNTAX,     /* text that does not parse (number, identity) */
    NB_ERANGE,      /* a value or result outside what int64 holds */
    NB_ENOTFOUND    /* an id that is not in the schema */
} nb_status;

const char *nb_status_string(nb_status st);

#include "nb_num.h"
#include "nb_report.h"
#include "nb_ident.h"
#include "nb_finding.h"

#endif
