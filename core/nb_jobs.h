/*
** nb_jobs.h — a batch over worker processes: the `nianbao.jobs` module.
**
** The workers are forked from the caller once everything a batch shares
** is loaded (packs, readers, writers), so each starts where the parent
** stands, with nothing to load. The parent hands out the items one by
** one, each to a worker that is free, and takes the results back in the
** order of the items, whatever order the workers finish in. A worker that
** dies loses only the item it was working on: that item's result is the
** reason, its other items go to another worker, and a new worker takes
** its place.
*/
#ifndef NB_JOBS_H
#define NB_JOBS_H

#include <lua.h>

/* Open the module:
**   jobs.cores() -> the number of processors this process may run on
**   jobs.run(workers, count, work, deliver)
**     work(i) -> string       called in a worker for item i (1..count)
**     deliver(i, s | nil, reason)
**                             called in the parent for i = 1..count in order;
**                             s is what work(i) returned, or nil and why
**                             there is none (work raised, or its worker died)
** An error raised by deliver ends the batch: the workers are stopped and
** reaped, then the error goes on. */
int luaopen_nianbao_jobs(lua_State *L);

#endif
