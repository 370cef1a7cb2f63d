/*
** frame.c — frame layout and handles: the pointer arithmetic a compiler does
** for address(), from_address(), from_promise() and promise(), checked: a
** handle by the id it carries, an address against the live frames.
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

cl_FrameState *cl_frame_find(cl_Runtime *R, cl_Frame *h) {
  int in_slab;
  cl_FrameState *st;
  if (h == NULL) return NULL;
  st = cl_slab_find(&R->slabs, h, &in_slab);
  if (!in_slab) st = cl_registry_find(&R->frames, h);
  if (st != NULL) {
    cl_RegistrySlot *c = cl_looked(R, h);
    c->key = h;
    c->value = st;
  }
  return st;
}

/* h is no live frame of R. A handle R made carries its frame's id (R gives
   ids up to next_id), and a recent grave may still name that frame; an
   address alone (from_address) is named by the last grave at it */
cl_Error *cl_not_a_frame(cl_Runtime *R, const char *op, cl_Handle h) {
  const Grave *grave = NULL;
  if (h.frame == NULL)
    return cl_error_new(R, CL_MISUSE, "%s: the coroutine_handle is null; "
                        "it refers to no coroutine (undefined behaviour in C++ "
                        "[coroutine.handle.resumption])", op);
  for (unsigned i = 0; i < CL_GRAVES && i < R->frames_freed && grave == NULL; i++) {
    const Grave *g = &R->graves[(R->frames_freed - 1 - i) % CL_GRAVES];
    if (g->frame == h.frame && (h.id == 0 || g->id == h.id)) grave = g;
  }
  unsigned id = h.id != 0 ? h.id : grave ? grave->id : 0;
  if (id == 0 || id > R->next_id)
    return cl_error_new(R, CL_MISUSE, "%s: %p is not the address of a live "
                        "coroutine frame [coroutine.handle.export.import]", op,
                        (void *)h.frame);
  char name[64] = "", newer[64] = "";
  if (grave) snprintf(name, sizeof name, " '%s'", grave->name);
  cl_FrameState *now = cl_frame_lookup(R, h.frame);
  if (now != NULL)
    snprintf(newer, sizeof newer, " (coroutine #%u now lives at its address)",
             now->id);
  return cl_error_new(R, CL_MISUSE, "%s: coroutine #%u%s was already destroyed%s; "
                      "using its handle is undefined behaviour in C++ "
                      "[coroutine.handle]", op, id, name, newer);
}

cl_Error *cl_check_handle(cl_Runtime *R, const char *op, cl_Handle h) {
  cl_api_check(R != NULL && op != NULL, "cl_check_handle: R and op must not be NULL");
  if (h.frame == &R->noop || cl_handle_state(R, h) != NULL) return NULL;
  return cl_not_a_frame(R, op, h);
}

void *cl_address(cl_Handle h) { return h.frame; }

int cl_handle_compare(cl_Handle a, cl_Handle b) {
  uintptr_t x = (uintptr_t)a.frame, y = (uintptr_t)b.frame;
  return (x > y) - (x < y);
}

cl_Handle cl_noop_coroutine(cl_Runtime *R) {
  cl_api_check(R != NULL, "cl_noop_coroutine: R must not be NULL");
  cl_Handle h = {&R->noop, 0, 0};
  return h;
}

cl_Error *cl_done(cl_Runtime *R, cl_Handle h, int *done) {
  cl_api_check(R != NULL && done != NULL, "cl_done: R and done must not be NULL");
  if (h.frame == &R->noop) { *done = 0; return NULL; }
  if (cl_handle_state(R, h) == NULL) return cl_not_a_frame(R, "done()", h);
  *done = h.frame->resume_fn == NULL;       /* as g++: a null resume pointer */
  return NULL;
}

int cl_is_live(cl_Runtime *R, cl_Handle h) {
  cl_api_check(R != NULL, "cl_is_live: R must not be NULL");
  return cl_handle_state(R, h) != NULL;
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

cl_Error *cl_promise(cl_Runtime *R, cl_Handle h, const cl_PromiseType *pt,
                     void **promise) {
  cl_api_check(R != NULL && promise != NULL, "cl_promise: R and promise must not be NULL");
  if (pt == NULL)
    return cl_error_new(R, CL_MISUSE, "promise(): the handle is type-erased "
                        "(coroutine_handle<>); it has no promise() "
                        "[coroutine.handle]: convert it with from_address and "
                        "a promise type first");
  cl_FrameState *st = cl_handle_state(R, h);
  if (st == NULL) return cl_not_a_frame(R, "promise()", h);
  if (st->co->promise_type != pt) return cl_wrong_type(R, "promise()", st, pt);
  if (!st->promise_alive) return dead_promise(R, "promise()", st);
  *promise = cl_frame_promise(h.frame);
  return NULL;
}

/* the promise is at +16 of its frame: a lower address is no promise. The
   frame being made (whose get_return_object asks) is the running one */
cl_Error *cl_from_promise(cl_Runtime *R, void *promise, const cl_PromiseType *pt,
                          cl_Handle *h) {
  cl_api_check(R != NULL && h != NULL, "cl_from_promise: R and h must not be NULL");
  cl_Frame *f = (uintptr_t)promise >= CL_FRAME_PROMISE_OFFSET
              ? cl_promise_frame(promise) : NULL;
  cl_Handle found = R->running;
  cl_FrameState *st = f != NULL && f == found.frame ? cl_handle_state(R, found) : NULL;
  if (st == NULL && (st = cl_frame_lookup(R, f)) != NULL) found = cl_handle_of(st);
  if (st == NULL)
    return cl_error_new(R, CL_MISUSE, "from_promise(): %p is not the promise of "
                        "a live coroutine [coroutine.handle.export.import]", promise);
  if (pt != NULL && st->co->promise_type != pt)
    return cl_wrong_type(R, "from_promise()", st, pt);
  if (!st->promise_alive) return dead_promise(R, "from_promise()", st);
  *h = found;
  return NULL;
}

cl_Error *cl_from_address(cl_Runtime *R, void *address, const cl_PromiseType *pt,
                          cl_Handle *h) {
  cl_Frame *f = (cl_Frame *)address;
  cl_api_check(R != NULL && h != NULL, "cl_from_address: R and h must not be NULL");
  if (f == NULL || (f == &R->noop && pt == NULL)) {    /* null, or noop */
    h->frame = f;
    h->id = h->slot = 0;
    return NULL;
  }
  cl_FrameState *st = cl_frame_lookup(R, f);
  cl_Handle at = {f, 0, 0};
  if (st == NULL) return cl_not_a_frame(R, "from_address()", at);
  if (pt != NULL && st->co->promise_type != pt)
    return cl_wrong_type(R, "from_address()", st, pt);
  *h = cl_handle_of(st);
  return NULL;
}

uint64_t cl_await_ready_calls(cl_Runtime *R) {
  cl_api_check(R != NULL, "cl_await_ready_calls: R must not be NULL");
  return R->ready_calls;
}

int cl_frame_info(cl_Runtime *R, cl_Handle h, cl_FrameInfo *info) {
  cl_api_check(R != NULL && info != NULL, "cl_frame_info: R and info must not be NULL");
  cl_FrameState *st = cl_handle_state(R, h);
  if (st == NULL) return 0;
  const cl_Coroutine *co = st->co;
  memset(info, 0, sizeof *info);
  info->id = st->id;
  info->handle = cl_handle_of(st);
  info->state = (cl_State)st->state;
  info->index = st->index;
  info->scope = st->scope;
  info->initial_await_resume_called = st->initial_await_resume_called;
  info->promise_alive = st->promise_alive;
  info->coroutine = co;
  info->promise = cl_frame_promise(h.frame);
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

typedef struct Listing { cl_FrameState **states; cl_Handle *handles; size_t n; } Listing;

static void list_one(cl_FrameState *st, void *ud) {
  Listing *l = (Listing *)ud;
  if (l->states) l->states[l->n++] = st;
  else l->handles[l->n++] = cl_handle_of(st);
}

size_t cl_frames(cl_Runtime *R, cl_Handle *out, size_t n) {
  cl_api_check(R != NULL, "cl_frames: R must not be NULL");
  const cl_Registry *g = &R->frames;
  size_t count = g->count + R->slabs.live;
  Listing l;
  if (out == NULL || n < count) return count;
  l.states = (cl_FrameState **)cl_alloc(R, count * sizeof *l.states + 1);
  l.handles = out;                              /* no memory: unsorted */
  l.n = 0;
  cl_slab_each(&R->slabs, list_one, &l);
  for (size_t i = 0; i < g->size; i++)
    if (g->slots[i].key != NULL) list_one(g->slots[i].value, &l);
  if (l.states) {
    qsort(l.states, l.n, sizeof *l.states, by_id);
    for (size_t i = 0; i < l.n; i++) out[i] = cl_handle_of(l.states[i]);
    cl_free(R, l.states, count * sizeof *l.states + 1);
  }
  return l.n;
}

cl_Handle cl_running(cl_Runtime *R) {
  cl_api_check(R != NULL, "cl_running: R must not be NULL");
  cl_Handle none = {NULL, 0, 0};
  return cl_handle_state(R, R->running) ? R->running : none;
}

/* the suspend point h is at, or is leaving or being destroyed at (its
   co_await's awaiter still alive: the resume and destroy events) */
void cl_where(cl_Runtime *R, cl_Handle h, char *buf, size_t n) {
  cl_api_check(R != NULL && buf != NULL, "cl_where: R and buf must not be NULL");
  cl_FrameState *st = cl_handle_state(R, h);
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
    co->where(R, cl_handle_of(st), cl_state_locals(st), st->index, buf, n);
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
  cl_FrameState *st = cl_handle_state(s->R, s->handle);
  char name[160] = "coroutine ?";
  if (st != NULL) cl_frame_name(st, name, sizeof name);
  s->request = CL_REQ_MISUSE;
  s->error = cl_error_new(s->R, CL_MISUSE, "the body of %s was "
                          "resumed at suspend index %d, which its switch has no "
                          "case for: a CL_AWAIT or CL_YIELD inside a nested "
                          "switch, or two on one line, or an index the step "
                          "set by hand", name, s->index);
}
