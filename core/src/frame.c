/*
** frame.c — frame layout and handles: the pointer arithmetic a compiler does
** for address(), from_address(), from_promise() and promise(), checked
** against the runtime's registry of live frames.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "await.h"

const char *const cl_state_names[CL_STATE_COUNT] = {
#define CL_NAME_(k, s) s,
  CL_STATES(CL_NAME_)
#undef CL_NAME_
};

const char *cl_state_name(cl_State s) {
  return (unsigned)s < CL_STATE_COUNT ? cl_state_names[s] : "?";
}

void cl_frame_name(const cl_FrameState *st, char *buf, size_t n) {
  snprintf(buf, n, "coroutine #%u '%s' (%s)", st->id, st->co->name,
           st->co->promise_type->name);
}

void cl_pins_mark(cl_Runtime *R, const cl_FrameState *st, int how) {
  const cl_Frame *h = cl_frame_of_state(st);
  for (cl_Pin *p = R->pins; p != NULL; p = p->outer)
    if (p->frame == h && p->id == st->id) p->left |= (unsigned char)how;
}

void cl_frame_bury(cl_Runtime *R, cl_FrameState *st) {
  cl_Frame *h = cl_frame_of_state(st);
  Grave *g = &R->graves[R->frames_freed++ % CL_GRAVES];
  g->frame = h;
  g->id = st->id;
  const char *name = st->co->name;           /* a bounded copy: no printf */
  size_t i = 0;
  for (; i < sizeof g->name - 1 && name[i] != '\0'; i++) g->name[i] = name[i];
  g->name[i] = '\0';
  cl_RegistrySlot *c = cl_looked(R, h);
  if (c->key == h) c->key = NULL;
  if (!cl_in_slabs(st->co->promise_type)) cl_registry_remove(&R->frames, h);
}

cl_FrameState *cl_frame_find(cl_Runtime *R, cl_Frame *h) {
  int in_slab;
  cl_FrameState *st;
  if (h == NULL) return NULL;
  st = cl_slab_find(&R->slabs, h, &in_slab);
  if (!in_slab) st = cl_registry_find(&R->frames, h);
  if (st != NULL) {
    cl_RegistrySlot *c = cl_looked(R, h);
    c->key = h;
    c->state = st;
  }
  return st;
}

cl_Error *cl_not_a_frame(cl_Runtime *R, const char *op, cl_Frame *h) {
  if (h == NULL)
    return cl_error_new(R, CL_MISUSE, "%s: the coroutine_handle is null; "
                        "it refers to no coroutine (undefined behaviour in C++ "
                        "[coroutine.handle.resumption])", op);
  for (unsigned i = 0; i < CL_GRAVES && i < R->frames_freed; i++) {
    const Grave *g = &R->graves[(R->frames_freed - 1 - i) % CL_GRAVES];
    if (g->frame == h)
      return cl_error_new(R, CL_MISUSE, "%s: coroutine #%u '%s' was already "
                          "destroyed; using its handle is undefined behaviour in "
                          "C++ [coroutine.handle]", op, g->id, g->name);
  }
  return cl_error_new(R, CL_MISUSE, "%s: %p is not the address of a live "
                      "coroutine frame [coroutine.handle.export.import]", op,
                      (void *)h);
}

cl_Error *cl_check_handle(cl_Runtime *R, const char *op, cl_Frame *h,
                          unsigned id) {
  cl_FrameState *st;
  cl_api_check(R != NULL && op != NULL, "cl_check_handle: R and op must not be NULL");
  if (h == &R->noop && id == 0) return NULL;
  if ((st = cl_frame_lookup(R, h)) == NULL) return cl_not_a_frame(R, op, h);
  if (id == 0 || st->id == id) return NULL;
  return cl_error_new(R, CL_MISUSE, "%s: coroutine #%u was already destroyed "
                      "(coroutine #%u now lives at its address); using its "
                      "handle is undefined behaviour in C++ [coroutine.handle]",
                      op, id, st->id);
}

void *cl_address(cl_Frame *h) { return h; }

int cl_handle_compare(cl_Frame *a, cl_Frame *b) {
  uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
  return (x > y) - (x < y);
}

cl_Frame *cl_noop_coroutine(cl_Runtime *R) {
  cl_api_check(R != NULL, "cl_noop_coroutine: R must not be NULL");
  return &R->noop;
}

cl_Error *cl_done(cl_Runtime *R, cl_Frame *h, int *done) {
  cl_api_check(R != NULL && done != NULL, "cl_done: R and done must not be NULL");
  if (h == &R->noop) { *done = 0; return NULL; }
  cl_FrameState *st = cl_frame_lookup(R, h);
  if (st == NULL) return cl_not_a_frame(R, "done()", h);
  *done = h->resume_fn == NULL;       /* as g++: a null resume pointer */
  return NULL;
}

int cl_is_live(cl_Runtime *R, cl_Frame *h) {
  cl_api_check(R != NULL, "cl_is_live: R must not be NULL");
  return cl_frame_lookup(R, h) != NULL;
}

int cl_is_done(cl_Runtime *R, cl_Frame *h) {
  cl_api_check(R != NULL, "cl_is_done: R must not be NULL");
  return h != &R->noop && (cl_frame_lookup(R, h) == NULL || h->resume_fn == NULL);
}

void *cl_promise_of(cl_Runtime *R, cl_Frame *h, const cl_PromiseType *pt) {
  cl_api_check(R != NULL, "cl_promise_of: R must not be NULL");
  cl_FrameState *st = cl_frame_lookup(R, h);
  return st != NULL && pt != NULL && st->co->promise_type == pt && st->promise_alive
         ? cl_frame_promise(h) : NULL;
}

cl_Error *cl_wrong_type(cl_Runtime *R, const char *op, cl_FrameState *st,
                        const cl_PromiseType *pt) {
  char name[160];
  cl_frame_name(st, name, sizeof name);
  return cl_error_new(R, CL_MISUSE, "%s: %s has promise type '%s', not '%s'; "
                      "the handle's promise type must match "
                      "[coroutine.handle.export.import]", op, name,
                      st->co->promise_type->name, pt->name);
}

/* [class.cdtor]: before its constructor and after its destructor, the
   promise is no object to use */
static cl_Error *dead_promise(cl_Runtime *R, const char *op, cl_FrameState *st) {
  char name[160];
  cl_frame_name(st, name, sizeof name);
  return cl_error_new(R, CL_MISUSE, "%s: the promise of %s %s; using it is "
                      "undefined behaviour in C++ [class.cdtor]", op, name,
                      st->state == CL_STATE_PROLOGUE ? "is not constructed yet"
                                                     : "was already destroyed");
}

cl_Error *cl_promise(cl_Runtime *R, cl_Frame *h, const cl_PromiseType *pt,
                     void **promise) {
  cl_api_check(R != NULL && promise != NULL, "cl_promise: R and promise must not be NULL");
  if (pt == NULL)
    return cl_error_new(R, CL_MISUSE, "promise(): the handle is type-erased "
                        "(coroutine_handle<>); it has no promise() "
                        "[coroutine.handle]: convert it with from_address and "
                        "a promise type first");
  cl_FrameState *st = cl_frame_lookup(R, h);
  if (st == NULL) return cl_not_a_frame(R, "promise()", h);
  if (st->co->promise_type != pt) return cl_wrong_type(R, "promise()", st, pt);
  if (!st->promise_alive) return dead_promise(R, "promise()", st);
  *promise = cl_frame_promise(h);
  return NULL;
}

cl_Error *cl_from_promise(cl_Runtime *R, void *promise, const cl_PromiseType *pt,
                          cl_Frame **h) {
  /* the promise is at +16 of its frame: a lower address is no promise */
  cl_api_check(R != NULL && h != NULL, "cl_from_promise: R and h must not be NULL");
  cl_Frame *f = (uintptr_t)promise >= CL_FRAME_PROMISE_OFFSET
              ? cl_promise_frame(promise) : NULL;
  cl_FrameState *st = cl_frame_lookup(R, f);
  if (st == NULL)
    return cl_error_new(R, CL_MISUSE, "from_promise(): %p is not the promise of "
                        "a live coroutine [coroutine.handle.export.import]", promise);
  if (pt != NULL && st->co->promise_type != pt)
    return cl_wrong_type(R, "from_promise()", st, pt);
  if (!st->promise_alive) return dead_promise(R, "from_promise()", st);
  *h = f;
  return NULL;
}

cl_Error *cl_from_address(cl_Runtime *R, void *address, const cl_PromiseType *pt,
                          cl_Frame **h) {
  cl_Frame *f = (cl_Frame *)address;
  cl_api_check(R != NULL && h != NULL, "cl_from_address: R and h must not be NULL");
  if (f == NULL) { *h = NULL; return NULL; }        /* the null handle */
  if (f == &R->noop && pt == NULL) { *h = f; return NULL; }
  cl_FrameState *st = cl_frame_lookup(R, f);
  if (st == NULL) return cl_not_a_frame(R, "from_address()", f);
  if (pt != NULL && st->co->promise_type != pt)
    return cl_wrong_type(R, "from_address()", st, pt);
  *h = f;
  return NULL;
}

unsigned cl_frame_id(cl_Runtime *R, cl_Frame *h) {
  cl_api_check(R != NULL, "cl_frame_id: R must not be NULL");
  cl_FrameState *st = cl_frame_lookup(R, h);
  return st ? st->id : 0;
}

uint64_t cl_frames_freed(cl_Runtime *R) {
  cl_api_check(R != NULL, "cl_frames_freed: R must not be NULL");
  return R->frames_freed;
}

uint64_t cl_await_ready_calls(cl_Runtime *R) {
  cl_api_check(R != NULL, "cl_await_ready_calls: R must not be NULL");
  return R->ready_calls;
}

int cl_frame_info(cl_Runtime *R, cl_Frame *h, cl_FrameInfo *info) {
  cl_api_check(R != NULL && info != NULL, "cl_frame_info: R and info must not be NULL");
  cl_FrameState *st = cl_frame_lookup(R, h);
  if (st == NULL) return 0;
  const cl_Coroutine *co = st->co;
  memset(info, 0, sizeof *info);
  info->id = st->id;
  info->state = (cl_State)st->state;
  info->index = st->index;
  info->scope = st->scope;
  info->initial_await_resume_called = st->initial_await_resume_called;
  info->promise_alive = st->promise_alive;
  info->coroutine = co;
  info->promise = cl_frame_promise(h);
  info->locals = cl_state_locals(st);
  info->frame_size = cl_frame_size(co);
  info->promise_offset = CL_FRAME_PROMISE_OFFSET;
  info->state_offset = cl_state_offset(co->promise_type);
  info->locals_offset = info->state_offset + cl_align(sizeof(cl_FrameState));
  info->awaiter = st->awaiter;
  return 1;
}

static int by_id(const void *a, const void *b) {
  unsigned x = (*(cl_FrameState *const *)a)->id, y = (*(cl_FrameState *const *)b)->id;
  return (x > y) - (x < y);
}

typedef struct Listing { cl_FrameState **states; cl_Frame **frames; size_t n; } Listing;

static void list_one(cl_FrameState *st, void *ud) {
  Listing *l = (Listing *)ud;
  if (l->states) l->states[l->n++] = st;
  else l->frames[l->n++] = cl_frame_of_state(st);
}

size_t cl_frames(cl_Runtime *R, cl_Frame **out, size_t n) {
  cl_api_check(R != NULL, "cl_frames: R must not be NULL");
  const cl_Registry *g = &R->frames;
  size_t count = g->count + R->slabs.live;
  Listing l;
  if (out == NULL || n < count) return count;
  l.states = (cl_FrameState **)cl_alloc(R, count * sizeof *l.states + 1);
  l.frames = out;                               /* no memory: unsorted */
  l.n = 0;
  cl_slab_each(&R->slabs, list_one, &l);
  for (size_t i = 0; i < g->size; i++)
    if (g->slots[i].key != NULL) list_one(g->slots[i].state, &l);
  if (l.states) {
    qsort(l.states, l.n, sizeof *l.states, by_id);
    for (size_t i = 0; i < l.n; i++) out[i] = cl_frame_of_state(l.states[i]);
    cl_free(R, l.states, count * sizeof *l.states + 1);
  }
  return l.n;
}

cl_Frame *cl_running(cl_Runtime *R) {
  cl_api_check(R != NULL, "cl_running: R must not be NULL");
  cl_FrameState *st = cl_frame_lookup(R, R->running);
  return st && st->id == R->running_id ? R->running : NULL;
}

/* the suspend point h is at, or is leaving or being destroyed at (its
   co_await's awaiter still alive: the resume and destroy events) */
void cl_where(cl_Runtime *R, cl_Frame *h, char *buf, size_t n) {
  cl_api_check(R != NULL && buf != NULL, "cl_where: R and buf must not be NULL");
  cl_FrameState *st = cl_frame_lookup(R, h);
  if (st == NULL) { snprintf(buf, n, "?"); return; }
  int kind = st->awaiter.ops != NULL ? (int)cl_await_kind(st) : -1;
  switch ((cl_State)st->state) {
    case CL_STATE_SUSPENDED_INITIAL: kind = AWAIT_INITIAL; break;
    case CL_STATE_SUSPENDED_FINAL: kind = AWAIT_FINAL; break;
    case CL_STATE_RUNNING: case CL_STATE_DESTROYING: break;
    default: kind = -1;
  }
  if (kind == AWAIT_INITIAL) snprintf(buf, n, "initial suspend point");
  else if (kind == AWAIT_FINAL) snprintf(buf, n, "final suspend point");
  else if (!cl_body_place(R, st, buf, n))
    snprintf(buf, n, "suspend index %d", st->index);
}

int cl_body_place(cl_Runtime *R, cl_FrameState *st, char *buf, size_t n) {
  const cl_Coroutine *co = st->co;
  if (co->where) {
    co->where(R, cl_frame_of_state(st), cl_state_locals(st), st->index, buf, n);
    return 1;
  }
  if (co->source == NULL || st->index <= 0) return 0;
  const char *base = strrchr(co->source, '/');
  snprintf(buf, n, "%s:%d", base ? base + 1 : co->source, st->index);
  return 1;
}

/* CL_BEGIN's default: resumed at an index its switch has no case for */
void cl_step_unknown(cl_Step *s) {
  cl_api_check(s != NULL, "cl_step_unknown: s must not be NULL");
  cl_FrameState *st = cl_frame_lookup(s->R, s->frame);
  char name[160] = "coroutine ?";
  if (st != NULL) cl_frame_name(st, name, sizeof name);
  s->request = CL_REQ_MISUSE;
  s->error = cl_error_new(s->R, CL_MISUSE, "the body of %s was "
                          "resumed at suspend index %d, which its switch has no "
                          "case for: a CL_AWAIT or CL_YIELD inside a nested "
                          "switch, or two on one line, or an index the step "
                          "set by hand", name, s->index);
}
