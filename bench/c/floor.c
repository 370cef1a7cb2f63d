/*
** floor.c — the floors of the C rows: what the least runtime costs that,
** like corolab, checks every handle (a live frame, suspended, of the right
** promise type) and runs a C body through a function pointer and a
** cl_Step. It is no runtime: a handle is checked as corolab checks one of
** its slabs' frames (the id where it points), there are no events, pins,
** nesting limit, spilled temporaries, error paths or general co_await
** protocol, and the core's promise types and awaiters are inlined. Timed beside corolab and native C++20 (floor_<name>_ns), it says
** how close to native a checked runtime can come (bench/analysis.md).
*/
#include "floor.h"             /* first: bench.h sets _POSIX_C_SOURCE */

#include <string.h>

enum { SUSPENDED_INITIAL = 1, SUSPENDED, RUNNING, SUSPENDED_FINAL };

typedef struct State {          /* corolab's 48 bytes, the fields used here */
  const cl_Coroutine *co;
  void *await_result;
  cl_Awaitable awaiter;
  unsigned id;
  int index;
  unsigned char state, flags[7];
} State;

typedef struct Floor {
  State *free;                 /* freed frames, for the next allocation */
  unsigned next_id, buried_id; /* the last frame destroyed, for messages */
  cl_Handle running;
} Floor;

static Floor F;

#define HEAD 16                 /* resume and destroy functions */

static State *state_of(cl_Frame *h, size_t promise_size) {
  return (State *)((char *)h + HEAD + promise_size);
}

static cl_Frame *frame_of(State *st, size_t promise_size) {
  return (cl_Frame *)((char *)st - HEAD - promise_size);
}

static cl_Handle handle_of(State *st, size_t promise_size) {
  cl_Handle h = {frame_of(st, promise_size), st->id, (unsigned)(HEAD + promise_size)};
  return h;
}

/* the live frame h refers to: its id where it points (0 once freed) */
static State *check(cl_Handle h) {
  State *st = (State *)((char *)h.frame + h.slot);
  return st->id == h.id ? st : NULL;
}

/* run the body of h from its suspend point to its next request */
static void step(cl_Handle h, State *st, size_t promise_size, cl_Step *s) {
  cl_Handle resumer = F.running;
  s->R = NULL;
  s->handle = h;
  s->promise = (char *)h.frame + HEAD;
  s->locals = (char *)h.frame + HEAD + promise_size + sizeof(State);
  s->index = st->index;
  s->scope = 0;
  s->result = s->value = NULL;
  s->thrown = NULL;
  s->error = NULL;
  s->request = CL_REQ_NONE;
  st->state = RUNNING;
  F.running = h;
  st->co->step(s);
  st->index = s->index;
  F.running = resumer;
}

/* ---------------------------------------------------------- generator -- */

/* cl_generator_next: *v = the next value, or NULL at the end */
static __attribute__((noinline)) int next(cl_Handle h, void **v) {
  const size_t psize = sizeof(cl_GeneratorPromise);
  State *st = check(h);
  cl_Step s;
  *v = NULL;
  if (st == NULL || (st->state != SUSPENDED && st->state != SUSPENDED_INITIAL) ||
      st->co->promise_type != &cl_generator_type)
    return -1;
  step(h, st, psize, &s);
  if (s.request != CL_REQ_YIELD) {           /* the end: final suspend */
    st->state = SUSPENDED_FINAL;
    return s.request == CL_REQ_FLOW_OFF ? 0 : -1;
  }
  ((cl_GeneratorPromise *)s.promise)->current = s.value;   /* yield_value */
  st->state = SUSPENDED;                                   /* suspend_always */
  *v = s.value;
  return 0;
}

void floor_generator_run(void *ctx, long n) {
  struct {
    void *head[2];
    cl_GeneratorPromise p;
    State st;
    CountLocals l;
  } frame;
  long long sum = 0;
  void *v;
  (void)ctx;
  memset(&frame, 0, sizeof frame);
  frame.st.co = &count_coroutine;
  frame.st.id = ++F.next_id;
  frame.st.state = SUSPENDED_INITIAL;
  frame.l.n = n;
  cl_Handle h = handle_of(&frame.st, sizeof frame.p);
  while (next(h, &v) == 0 && v != NULL) sum += *(long *)v;
  frame.st.id = 0;
  bench_check("floor generator sum", sum, (long long)n * (n - 1) / 2);
}

/* --------------------------------------------------------------- task -- */

#define TASK_PROMISE sizeof(cl_TaskPromise)

/* the call: a frame, zeroed; the definition checked; init; the promise's
   get_return_object (the handle) and initial suspend (suspend_always) */
static __attribute__((noinline)) cl_Handle call(const cl_Coroutine *co, void *args) {
  size_t size = HEAD + TASK_PROMISE + sizeof(State) + co->locals_size;
  State *st = F.free;
  cl_Handle none = {NULL, 0, 0};
  if (co->step == NULL || co->promise_type != &cl_task_type ||
      co->args_size > co->locals_size || size > 256)
    return none;
  if (st != NULL) F.free = (State *)st->await_result;
  else {
    char *block = (char *)aligned_alloc(16, 256);
    if (block == NULL) return none;
    st = state_of((cl_Frame *)block, TASK_PROMISE);
  }
  cl_Frame *f = frame_of(st, TASK_PROMISE);
  memset(f, 0, size);
  *(void (**)(cl_Step *))f = co->step;
  st->co = co;
  st->id = ++F.next_id;
  st->state = SUSPENDED_INITIAL;
  cl_Handle h = handle_of(st, TASK_PROMISE);
  if (co->init && co->init(NULL, h, (char *)(st + 1), args) != NULL) return none;
  return h;
}

/* destroy(): a suspended frame; its id kept for messages, its memory kept */
static __attribute__((noinline)) void destroy(cl_Handle h) {
  State *st = check(h);
  if (st == NULL || st->state == RUNNING) return;
  F.buried_id = st->id;
  st->id = 0;                                    /* its handles are stale */
  st->co = NULL;
  st->await_result = F.free;
  F.free = st;
}

/* co_await child, for a child that runs to its co_return at once: suspend,
   transfer to it, its return_value and final suspend, the transfer back,
   await_resume (the value), and the task awaitable destroys it */
static int await_child(cl_Handle parent, State *ps, cl_Step *s) {
  cl_Handle child = *(cl_Handle *)s->operand.self;
  State *cs = check(child);
  cl_TaskPromise *cp = (cl_TaskPromise *)((char *)child.frame + HEAD);
  cl_Step t;
  if (cs == NULL || cs->state != SUSPENDED_INITIAL) return -1;   /* await_ready */
  ps->state = SUSPENDED;
  ps->await_result = s->result;
  cp->continuation = parent;                     /* await_suspend */
  step(child, cs, TASK_PROMISE, &t);
  if (t.request != CL_REQ_RETURN_VALUE) return -1;
  cp->result = *(cl_Value *)t.value;             /* return_value */
  cs->state = SUSPENDED_FINAL;                   /* final_suspend */
  *(void **)child.frame = NULL;
  State *back = check(cp->continuation);         /* the transfer back */
  if (back == NULL || back->state != SUSPENDED) return -1;
  *(cl_Value *)back->await_result = cp->result;  /* await_resume */
  destroy(child);
  return 0;
}

typedef struct ParentLocals { long n, i; cl_Value sum, got; cl_Handle child; } ParentLocals;

/* task.c's parent, calling the floor's call; its awaitable's self is the
   child's handle (in the frame), checked by the co_await */
static void parent_step(cl_Step *s) {  /* for each i: sum += co_await child(i) */
  ParentLocals *l = (ParentLocals *)s->locals;
  CL_BEGIN(s);
  for (l->i = 0; l->i < l->n; l->i++) {
    l->child = call(&child_coroutine, &l->i);
    CL_AWAIT(s, &l->got, cl_awaitable(&cl_task_awaitable_ops, &l->child));
    l->sum.i += l->got.i;
  }
  CL_RETURN(s, &l->sum);
  CL_END(s);
}

static const cl_Coroutine parent_coroutine = {
  .name = "parent", .promise_type = &cl_task_type,
  .locals_size = sizeof(ParentLocals), .step = parent_step
};

void floor_task_run(void *ctx, long n) {
  cl_Handle parent = call(&parent_coroutine, NULL);
  State *ps = check(parent);
  cl_Step s;
  (void)ctx;
  ((ParentLocals *)(ps + 1))->n = n;
  for (;;) {                                     /* the trampoline */
    step(parent, ps, TASK_PROMISE, &s);
    if (s.request != CL_REQ_AWAIT || await_child(parent, ps, &s) != 0) break;
  }
  bench_check("floor task sum", s.request == CL_REQ_RETURN_VALUE
              ? ((cl_Value *)s.value)->i : -1, (long long)n * (n - 1) / 2);
  destroy(parent);
  while (F.free != NULL) {                       /* the kept frames go */
    State *st = F.free;
    F.free = (State *)st->await_result;
    free(frame_of(st, TASK_PROMISE));
  }
}
