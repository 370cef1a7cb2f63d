/*
** runtime.c — a runtime: its allocator, its live frames, its observers.
** Everything the core keeps lives here; two runtimes never meet.
*/
#define _GNU_SOURCE              /* pthread_getattr_np: a thread's stack */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#if defined(__linux__) && (!defined(__GLIBC__) || __GLIBC__ > 2 || \
                           (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
#include <pthread.h>             /* in the C library itself: no -pthread */
#define CL_THREAD_STACK 1
#endif

#include "frame.h"
#include "poison.h"

#ifdef COROLAB_APICHECK
void cl_api_fail(const char *msg, const char *file, int line) {
  fprintf(stderr, "corolab: API misuse: %s (%s:%d)\n", msg, file, line);
  abort();
}
#endif

static void *default_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud; (void)osize;
  if (nsize == 0) { free(ptr); return NULL; }
  return realloc(ptr, nsize);
}

static const char oom_message[] = "not enough memory";

static void report_to_stderr(cl_Runtime *R, const cl_FrameInfo *leak, void *ud) {
  char where[128] = "";
  /* the other states name their place themselves ("suspended at its
     final suspend point") */
  int at = leak->state == CL_STATE_SUSPENDED || leak->state == CL_STATE_RUNNING;
  (void)ud;
  if (at) cl_where(R, leak->handle, where, sizeof where);
  fprintf(stderr, "corolab: leak: coroutine #%u '%s' (%s) still alive, %s%s%s\n",
          leak->id, leak->coroutine->name, leak->coroutine->promise_type->name,
          cl_state_name(leak->state), at ? " at " : "", where);
}

static void error_to_stderr(cl_Runtime *R, const cl_Error *e, size_t i,
                            size_t count, void *ud) {
  (void)R; (void)ud;
  fprintf(stderr, "corolab: leak: error %zu of %zu never freed (cl_error_free): "
          "%s\n", i, count, cl_error_message(e));
}

static void noop_step(cl_Step *s) { (void)s; }

/* COROLAB_NO_FASTPATH set (to anything but "" or "0"): the driver's own
   path for cl_task_type is off in the runtimes made from now on, so that
   the general driver alone runs every program (corolab.h) */
static int no_fast_path(void) {
  const char *v = getenv("COROLAB_NO_FASTPATH");
  return v != NULL && v[0] != '\0' && strcmp(v, "0") != 0;
}

cl_Runtime *cl_runtime_new(cl_Alloc alloc, void *alloc_ud) {
  if (alloc == NULL) alloc = default_alloc;
  cl_Runtime *R = (cl_Runtime *)alloc(alloc_ud, NULL, 0, sizeof *R);
  if (R == NULL) return NULL;
  memset(R, 0, sizeof *R);
  R->alloc = alloc;
  R->alloc_ud = alloc_ud;
  R->next_observer = 1;
  R->nesting_limit = CL_NESTING_LIMIT;
  R->task_path = no_fast_path() ? 0 : 1;
  R->slabs.watched = cl_poison_watched();
  R->leak_report = report_to_stderr;
  R->error_report = error_to_stderr;
  R->noop.resume_fn = noop_step;
  R->oom = (cl_Error *)cl_alloc(R, sizeof(cl_Error) + sizeof oom_message);
  if (R->oom == NULL) { alloc(alloc_ud, R, sizeof *R, 0); return NULL; }
  R->oom->kind = CL_NOMEMORY;
  R->oom->payload = NULL;
  R->oom->release = NULL;
  memcpy(R->oom->message, oom_message, sizeof oom_message);
  return R;
}

/* the frames alive, oldest first, in a block of *n (NULL: none, or no
   memory) */
static cl_Handle *live_frames(cl_Runtime *R, size_t *n) {
  cl_Handle *all;
  *n = cl_frames(R, NULL, 0);
  if (*n == 0 || (all = (cl_Handle *)cl_alloc(R, *n * sizeof *all)) == NULL)
    return NULL;
  cl_frames(R, all, *n);
  return all;
}

static void report_leaks(cl_Runtime *R) {
  size_t n;
  cl_Handle *all = live_frames(R, &n);
  for (size_t i = 0; all != NULL && i < n; i++) {
    cl_FrameInfo info;
    if (cl_frame_info(R, all[i], &info)) R->leak_report(R, &info, R->leak_ud);
  }
  cl_free(R, all, n * sizeof *all);
}

/* destroy the suspended frames, oldest first (a parent first: it may own
   its children), as a program's last destroys would; their destructors
   may make frames, so again, a few rounds */
static void destroy_leaks(cl_Runtime *R) {
  for (int round = 0; round < 4; round++) {
    size_t n, done = 0;
    cl_Handle *all = live_frames(R, &n);
    if (all == NULL) return;
    for (size_t i = 0; i < n; i++) {
      cl_FrameInfo info;
      if (!cl_frame_info(R, all[i], &info) || info.state == CL_STATE_RUNNING ||
          info.state == CL_STATE_PROLOGUE || info.state == CL_STATE_DESTROYING)
        continue;
      cl_error_free(R, cl_destroy(R, all[i]));
      done++;
    }
    cl_free(R, all, n * sizeof *all);
    if (done == 0) return;
  }
}

/* the first CL_ERRORS_REPORTED errors alive, oldest first (the list is
   newest first), and how many there are */
static void report_errors(cl_Runtime *R) {
  const cl_Error *e = R->errors;
  size_t count = R->live_errors.count;
  while (e->next != NULL) e = e->next;
  for (size_t i = 1; e != NULL && i <= CL_ERRORS_REPORTED; e = e->prev, i++)
    R->error_report(R, e, i, count, R->error_ud);
}

size_t cl_runtime_close(cl_Runtime *R) {
  cl_api_check(R != NULL, "cl_runtime_close: R must not be NULL");
  if (R->depth > 0) return SIZE_MAX;        /* they would return into it */
  size_t n = cl_frames(R, NULL, 0);
  if (n > 0 && R->leak_report) report_leaks(R);
  if (n > 0) destroy_leaks(R);
  if (R->errors && R->error_report) report_errors(R);
  while (R->errors) cl_error_free(R, R->errors);
  cl_registry_free(R, &R->live_errors);
  while (R->ncached > 0) {
    CachedBlock *b = &R->cache[--R->ncached];
    take_unpoisoned(R->slabs.watched, b->block, b->size);
    cl_free(R, b->block, b->size);
  }
  while (R->spills) {                  /* temporaries of leaked frames */
    Spill *s = R->spills;
    R->spills = s->next;
    cl_free(R, s, sizeof *s);
  }
  cl_registry_free(R, &R->frames);
  cl_slabs_free(R, &R->slabs);
  cl_free(R, R->observers, (size_t)R->observers_size * sizeof *R->observers);
  cl_free(R, R->oom, sizeof(cl_Error) + sizeof oom_message);
  R->alloc(R->alloc_ud, R, sizeof *R, 0);
  return n;
}

const char *cl_version(void) { return COROLAB_VERSION; }

void *cl_runtime_userdata(cl_Runtime *R) {
  cl_api_check(R != NULL, "cl_runtime_userdata: R must not be NULL");
  return R->userdata;
}

void cl_runtime_set_userdata(cl_Runtime *R, void *ud) {
  cl_api_check(R != NULL, "cl_runtime_set_userdata: R must not be NULL");
  R->userdata = ud;
}

void cl_set_leak_reporter(cl_Runtime *R, cl_LeakReporter fn, void *ud) {
  cl_api_check(R != NULL, "cl_set_leak_reporter: R must not be NULL");
  R->leak_report = fn;
  R->leak_ud = ud;
}

void cl_set_error_reporter(cl_Runtime *R, cl_ErrorReporter fn, void *ud) {
  cl_api_check(R != NULL, "cl_set_error_reporter: R must not be NULL");
  R->error_report = fn;
  R->error_ud = ud;
}

/* the C stack the calling thread has below this point, in bytes (its
   whole size where the system cannot say where it ends; 0: unknown) */
static size_t stack_room(void) {
  char here;
#ifdef CL_THREAD_STACK
  pthread_attr_t attr;
  void *low = NULL;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    if (pthread_attr_getstack(&attr, &low, &size) != 0) low = NULL;
    pthread_attr_destroy(&attr);
  }
  if (low != NULL && (char *)low < &here) return (size_t)(&here - (char *)low);
#endif
  struct rlimit limit;
  if (getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    return (size_t)limit.rlim_cur;
  (void)here;
  return 0;
}

/* [implimits]: every nesting level takes C stack (CL_NESTING_STACK bytes
   are counted for it), and past the stack's end is a crash, not an error */
cl_Error *cl_set_nesting_limit(cl_Runtime *R, int limit) {
  cl_api_check(R != NULL, "cl_set_nesting_limit: R must not be NULL");
  size_t room = stack_room(), reserve = 64 * 1024;
  size_t most = room > reserve ? (room - reserve) / CL_NESTING_STACK : 0;
  if (limit < 1)
    return cl_error_new(R, CL_MISUSE, "cl_set_nesting_limit: %d is no limit; "
                        "give 1 or more (the limit stays %d)", limit,
                        R->nesting_limit);
  if (room > 0 && (size_t)limit > most)
    return cl_error_new(R, CL_MISUSE, "cl_set_nesting_limit: %d nested resumes "
                        "need about %zu KiB of C stack (%d bytes each), but "
                        "this thread has %zu KiB left: the most it holds is "
                        "%zu (the limit stays %d)", limit,
                        (size_t)limit * (CL_NESTING_STACK / 1024), CL_NESTING_STACK,
                        room / 1024, most, R->nesting_limit);
  R->nesting_limit = limit;
  return NULL;
}

/* the last freed block of this size, as a C++ allocator's free list would
   hand it out: a new frame often gets the address of one just destroyed */
void *cl_frame_alloc(cl_Runtime *R, size_t size) {
  cl_api_check(R != NULL, "cl_frame_alloc: R must not be NULL");
  for (int i = R->ncached - 1; i >= 0; i--) {
    if (R->cache[i].size != size) continue;
    void *block = R->cache[i].block;
    memmove(&R->cache[i], &R->cache[i + 1],
            (size_t)(R->ncached - i - 1) * sizeof *R->cache);
    R->ncached--;
    take_unpoisoned(R->slabs.watched, block, size);
    return block;
  }
  return cl_alloc(R, size);
}

void cl_frame_free(cl_Runtime *R, void *frame, size_t size) {
  cl_api_check(R != NULL, "cl_frame_free: R must not be NULL");
  if (frame == NULL) return;
  if (R->ncached == CL_CACHED_FRAMES) {       /* the oldest goes */
    take_unpoisoned(R->slabs.watched, R->cache[0].block, R->cache[0].size);
    cl_free(R, R->cache[0].block, R->cache[0].size);
    memmove(&R->cache[0], &R->cache[1], (CL_CACHED_FRAMES - 1) * sizeof *R->cache);
    R->ncached--;
  }
  R->cache[R->ncached].block = frame;
  R->cache[R->ncached].size = size;
  R->ncached++;
  keep_poisoned(R->slabs.watched, frame, size);
}

void *cl_alloc(cl_Runtime *R, size_t size) {
  cl_api_check(R != NULL, "cl_alloc: R must not be NULL");
  return R->alloc(R->alloc_ud, NULL, 0, size);
}

void cl_free(cl_Runtime *R, void *p, size_t size) {
  cl_api_check(R != NULL, "cl_free: R must not be NULL");
  if (p != NULL) R->alloc(R->alloc_ud, p, size, 0);
}
