/*
** driver.c — the lifecycle driver: the standard's coroutine wrapper
** ([dcl.fct.def.coroutine]) step by step, in g++'s order, and resume as a
** trampoline so that symmetric transfer runs in constant C stack. Compiled
** twice: observed, and quiet (see events.h).
*/
#include <stdio.h>
#include <string.h>

#include "await.h"
#include "events.h"

/* how control leaves a frame (two words: returned in registers) */
typedef struct Exit {
  enum { EXIT_SUSPENDED, EXIT_TRANSFER, EXIT_FINISHED, EXIT_ERROR } how;
  void *to;                    /* EXIT_TRANSFER: the next frame's state (NULL:
                                  noop_coroutine(), back to the resumer);
                                  EXIT_ERROR: the error for the resumer (or
                                  caller) */
} Exit;

static Exit exit_with(int how, void *to) {
  Exit x;
  x.how = how;
  x.to = to;
  return x;
}

#define promise_of(st) cl_frame_promise(cl_frame_of_state(st))

/* the entry points' bodies stay out of line, so that handing a run to the
   quiet driver costs a test and a jump (see the end of the file); what
   goes into its callers is specialised there: the resume of a yielding
   coroutine, whose callers have just checked its state (so cl_set_state's
   test of it folds away), and the making and freeing of a frame, which
   the task's own path does with its layout known. What makes a message
   is COLD: its buffers stay out of the body's driver (run_body), whose
   frame a task's body runs above on the task's own path */
#ifdef __GNUC__
#define OUT_OF_LINE __attribute__((noinline))
#define INTO_CALLERS __attribute__((always_inline)) inline
#define COLD __attribute__((noinline, cold))
#else
#define OUT_OF_LINE
#define INTO_CALLERS inline
#define COLD
#endif

/* --------------------------------------------------------- destruction -- */

static void destroy_locals(cl_Runtime *R, cl_FrameState *st) {
  if (!st->locals_alive) return;
  st->locals_alive = 0;
  cl_emit(R, CL_EV_LOCALS_DESTROY, st, 0, NULL);
  if (st->co->destroy_locals)
    st->co->destroy_locals(R, cl_handle_of(st), cl_state_locals(st), st->scope);
}

static void destroy_params(cl_Runtime *R, cl_FrameState *st) {
  cl_emit(R, CL_EV_PARAMS_DESTROY, st, 0, NULL);
  if (st->co->destroy_params)
    st->co->destroy_params(R, cl_handle_of(st), cl_state_locals(st));
}

/* the frame's memory goes; pins on it learn it before anyone else runs.
   state_offset and slabs: cl_state_offset and cl_in_slabs of its type */
static INTO_CALLERS void free_frame_as(cl_Runtime *R, cl_FrameState *st,
                                       size_t state_offset, int slabs) {
  const cl_PromiseType *pt = st->co->promise_type;
  cl_Frame *h = (cl_Frame *)((char *)st - state_offset);
  size_t size = state_offset + cl_align(sizeof *st) + st->co->locals_size;
  if (st->pinned) cl_pins_mark(R, st, CL_PIN_DESTROYED);
  cl_emit(R, CL_EV_OPERATOR_DELETE, st, 0, NULL);
  cl_frame_bury(R, h, st, slabs);
  if (slabs) cl_slab_give(R, h, st, size);
  else if (pt->operator_delete) pt->operator_delete(R, pt, h, size);
  else cl_frame_free(R, h, size);
}

static void free_frame(cl_Runtime *R, cl_FrameState *st) {
  const cl_PromiseType *pt = st->co->promise_type;
  free_frame_as(R, st, cl_state_offset(pt), cl_in_slabs(pt));
}

/* how far the prologue built the coroutine state, in its order */
typedef enum Built {
  BUILT_FRAME,                 /* operator new */
  BUILT_PARAMS,                /* ... and the parameter copies */
  BUILT_PROMISE                /* ... and the promise: the whole state */
} Built;

/* the end of the coroutine state as far as it was built, last built
   first: promise, parameter copies, the frame */
static void destroy_state(cl_Runtime *R, cl_FrameState *st, Built built) {
  const cl_PromiseType *pt = st->co->promise_type;
  cl_set_state(st, CL_STATE_DESTROYING);
  if (built == BUILT_PROMISE) {
    cl_emit(R, CL_EV_PROMISE_DESTROY, st, 0, NULL);
    if (pt->destroy) pt->destroy(R, promise_of(st));
  }
  st->promise_alive = 0;
  if (built >= BUILT_PARAMS) destroy_params(R, st);
  free_frame(R, st);
}

/* destroy() of a suspended coroutine: awaiter, locals, promise, params.
   The state says "being destroyed" before anything runs, so that no
   destructor or observer can resume or destroy it again */
static void teardown(cl_Runtime *R, cl_FrameState *st) {
  cl_await_destroy_temps(R, st);
  destroy_locals(R, st);
  destroy_state(R, st, BUILT_PROMISE);
}

/* ----------------------------------------------------- end of the body -- */

/* the wrapper's final suspend point: co_await promise.final_suspend() */
static Exit final_suspend(cl_Runtime *R, cl_FrameState *st) {
  const cl_PromiseType *pt = st->co->promise_type;
  cl_Awaitable a;
  cl_FrameState *next = NULL;
  AwaitOutcome o = AWAIT_THROWS;
  cl_emit(R, CL_EV_FINAL_SUSPEND, st, 0, NULL);
  cl_Error *e = pt->final_suspend(R, promise_of(st), &a);
  if (e == NULL) o = cl_await(R, st, a, AWAIT_FINAL, NULL, &next, &e);
  if (o == AWAIT_RESUMES) {            /* not suspended: flows off the end */
    e = cl_await_resume(R, st);
    if (e == NULL) {
      destroy_state(R, st, BUILT_PROMISE);
      return exit_with(EXIT_FINISHED, NULL);
    }
  }
  switch (o) {
    case AWAIT_SUSPENDED: return exit_with(EXIT_SUSPENDED, NULL);
    case AWAIT_TRANSFERS: return exit_with(EXIT_TRANSFER, next);
    case AWAIT_BROKEN: return exit_with(EXIT_ERROR, e);
    case AWAIT_ILL_FORMED:                    /* it ends where it stands */
      cl_set_state(st, CL_STATE_SUSPENDED_FINAL);
      return exit_with(EXIT_ERROR, e);
    default: break;
  }
  /* [dcl.fct.def.coroutine]/15: final_suspend must not throw */
  cl_set_state(st, CL_STATE_SUSPENDED_FINAL);
  cl_Error *t = cl_ill_formed(R, st, "final_suspend: coroutine #%u '%s' threw "
                              "from its final suspend (%s); final_suspend and its "
                              "awaiter are required to be non-throwing, C++ would "
                              "call std::terminate [dcl.fct.def.coroutine]/15",
                              st->id, st->co->name, cl_error_message(e));
  cl_error_free(R, e);
  return exit_with(EXIT_ERROR, t);
}

/* the wrapper's handler: catch (...) { promise.unhandled_exception(); } */
static Exit unwind(cl_Runtime *R, cl_FrameState *st, cl_Error *e) {
  const cl_PromiseType *pt = st->co->promise_type;
  cl_emit_value(R, CL_EV_THROW, st, cl_error_message(e), e);
  destroy_locals(R, st);                           /* stack unwinding */
  if (!st->initial_await_resume_called)            /* throw; to the caller */
    return exit_with(EXIT_ERROR, e);
  cl_emit_value(R, CL_EV_UNHANDLED_EXCEPTION, st, cl_error_message(e), e);
  cl_Error *again = pt->unhandled_exception(R, promise_of(st), e);
  if (again) {                     /* done, without final_suspend; to resumer */
    cl_set_state(st, CL_STATE_SUSPENDED_FINAL);
    return exit_with(EXIT_ERROR, again);
  }
  return final_suspend(R, st);
}

/* the promise type lacks a member the body needs (C++ would not compile the
   coroutine): it ends there, done, its locals destroyed, and the error goes
   to the resumer, never to unhandled_exception, which might swallow it */
static Exit ill_formed(cl_Runtime *R, cl_FrameState *st, cl_Error *e) {
  destroy_locals(R, st);
  cl_set_state(st, CL_STATE_SUSPENDED_FINAL);
  return exit_with(EXIT_ERROR, e);
}

/* " at file:line", where the body stands now, for a message (empty when
   the body cannot say) */
static void place(cl_Runtime *R, cl_FrameState *st, char *buf, size_t n) {
  char where[128];
  buf[0] = '\0';
  if (cl_body_place(R, st, where, sizeof where)) snprintf(buf, n, " at %s", where);
}

/* co_return v; -> promise.return_value(v); then the locals die */
/* co_return in a coroutine whose promise type lacks member (return_value
   or return_void): C++ would not compile it */
static COLD cl_Error *no_return_member(cl_Runtime *R, cl_FrameState *st,
                                       const char *member) {
  char at[160];
  place(R, st, at, sizeof at);
  return cl_ill_formed(R, st, "co_return%s: no member named '%s' in '%s' "
                       "[stmt.return.coroutine]", at, member,
                       st->co->promise_type->name);
}

static Exit co_return_value(cl_Runtime *R, cl_FrameState *st, void *v) {
  const cl_PromiseType *pt = st->co->promise_type;
  cl_Error *e;
  if (pt->return_value == NULL)
    return ill_formed(R, st, no_return_member(R, st, "return_value"));
  cl_emit_value(R, CL_EV_RETURN_VALUE, st, NULL, v);
  if ((e = pt->return_value(R, promise_of(st), v))) return unwind(R, st, e);
  destroy_locals(R, st);
  return final_suspend(R, st);
}

/* co_return; -> promise.return_void(); then the locals die. Flowing off the
   end destroys the locals first (g++), and needs return_void
   ([stmt.return.coroutine]/3: otherwise undefined behaviour) */
static Exit co_return_void(cl_Runtime *R, cl_FrameState *st, int flowed_off) {
  const cl_PromiseType *pt = st->co->promise_type;
  cl_Error *e;
  if (flowed_off) destroy_locals(R, st);
  if (pt->return_void == NULL)
    return ill_formed(R, st, flowed_off
      ? cl_ill_formed(R, st, "coroutine #%u '%s' flowed off the end of its body, "
                      "but '%s' has no return_void; this is undefined behaviour "
                      "[stmt.return.coroutine]/3: %s", st->id, st->co->name,
                      pt->name, pt->return_value
                      ? "end the body with co_return and a value"
                      : "give the promise type a return_void member")
      : no_return_member(R, st, "return_void"));
  cl_emit(R, CL_EV_RETURN_VOID, st, 0, NULL);
  if ((e = pt->return_void(R, promise_of(st)))) return unwind(R, st, e);
  destroy_locals(R, st);
  return final_suspend(R, st);
}

static COLD cl_Error *no_yield_value(cl_Runtime *R, cl_FrameState *st) {
  char at[160];
  place(R, st, at, sizeof at);
  return cl_ill_formed(R, st, "co_yield%s: no member named 'yield_value' in '%s' "
                       "[expr.yield]", at, st->co->promise_type->name);
}

/* ------------------------------------------------------------ the body -- */

/* a step broke the body protocol (corolab.h, "Resume-point macros" and
   cl_Step): what it asked for cannot be done, so it ends there, as an
   ill-formed coroutine does */
static COLD cl_Error *broken_step(cl_Runtime *R, cl_FrameState *st, const char *fmt,
                                  const char *what) {
  char at[160];
  place(R, st, at, sizeof at);
  return cl_ill_formed(R, st, fmt, st->id, st->co->name, at, what);
}

/* p points into the C stack just below base, the cl_Step of the step's
   caller: the step's own locals, dead once it returned. One subtraction
   and one comparison, so that every build checks every step: the 64 KiB
   below base hold the driver's frames and the step's, never an object
   that outlives the step */
#define CL_STEP_STACK 65536u
#define on_step_stack(p, base) \
  ((uintptr_t)(base) - (uintptr_t)(p) - 1 < (uintptr_t)CL_STEP_STACK)

/* what of s points into its step's stack (NULL: nothing): the value of a
   co_yield or co_return, the result slot of a co_await or co_yield, the
   awaitable's self (suspend_always and suspend_never have none) */
static const char *stack_pointer_in(const cl_Step *s) {
  int own_self = s->request == CL_REQ_AWAIT && !(s->operand.ops != NULL &&
    (s->operand.ops->flags & (CL_AWAITER_SUSPEND_ALWAYS | CL_AWAITER_SUSPEND_NEVER)));
  if ((s->request == CL_REQ_YIELD || s->request == CL_REQ_RETURN_VALUE) &&
      on_step_stack(s->value, s))
    return "the value";
  if ((s->request == CL_REQ_AWAIT || s->request == CL_REQ_YIELD) &&
      on_step_stack(s->result, s))
    return "the result slot";
  if (own_self && on_step_stack(s->operand.self, s)) return "the awaitable's self";
  return NULL;
}

/* a step that asks to go on (await, yield, return) with no error pending,
   a scope in range, a resume point to come back to and no pointer into
   its stack needs no more checks. The pointers' check is one comparison
   each (a pointer the request does not use, NULL, never matches) */
#define needs_check(s) \
  ((s)->thrown != NULL || (unsigned)(s)->request >= CL_REQ_RAISE || \
   (unsigned)(s)->scope > 255 || \
   ((s)->index == 0 && (s)->request <= CL_REQ_YIELD) || \
   on_step_stack((s)->value, s) || on_step_stack((s)->result, s) || \
   ((s)->request == CL_REQ_AWAIT && on_step_stack((s)->operand.self, s)))

/* what the step asked for, checked; NULL if the driver can do it */
static cl_Error *check_step(cl_Runtime *R, cl_FrameState *st, cl_Step *s) {
  cl_Error *taken = s->thrown;
  const char *what;
  if (taken != NULL && !(s->request == CL_REQ_RAISE && s->error == taken)) {
    cl_Error *twice = cl_error_free(R, taken);   /* neither raised nor taken */
    if (twice != NULL) {
      cl_error_free(R, twice);
      return broken_step(R, st, "the body of coroutine #%u '%s'%s freed the "
                         "error its co_await raised without taking it (%s)",
                         "it stays the driver's until CL_AWAIT_CATCH takes it");
    }
    if (s->request != CL_REQ_RAISE && s->request != CL_REQ_MISUSE)
      return broken_step(R, st, "the body of coroutine #%u '%s'%s went on past "
                         "the error its co_await raised (%s): raise it or take "
                         "it (CL_AWAIT does the one, CL_AWAIT_CATCH the other)",
                         "see cl_Step.thrown");
  }
  if (s->request == CL_REQ_NONE)
    return broken_step(R, st, "the body of coroutine #%u '%s'%s returned "
                       "without CL_AWAIT/CL_YIELD/CL_RETURN/CL_END (%s)",
                       "a plain return; in a step asks for nothing");
  if (s->request == CL_REQ_RAISE && s->error == NULL)
    return broken_step(R, st, "the body of coroutine #%u '%s'%s raised a "
                       "NULL error (%s)", "CL_RAISE needs a cl_Error");
  if ((unsigned)s->request > CL_REQ_NONE)
    return broken_step(R, st, "the body of coroutine #%u '%s'%s asked for "
                       "request %s", "that is no cl_RequestKind");
  if (s->scope < 0 || s->scope > 255)
    return broken_step(R, st, "the body of coroutine #%u '%s'%s set scope "
                       "marker %s", "outside 0..255 (CL_SCOPE)");
  if (s->index == 0 && (s->request == CL_REQ_AWAIT || s->request == CL_REQ_YIELD))
    return broken_step(R, st, "the body of coroutine #%u '%s'%s asked to "
                       "suspend without a resume point (%s)", "its suspend "
                       "index is still 0, so its next resume would run it "
                       "again from the top: suspend with CL_AWAIT or CL_YIELD, "
                       "which set the index");
  if ((what = stack_pointer_in(s)) != NULL)
    return broken_step(R, st, "the body of coroutine #%u '%s'%s left %s "
                       "pointing into its own C stack, which is gone once the "
                       "step returns; keep it in the frame's locals", what);
  return NULL;
}

/* the step's first part: what stays the same from one step to the next
   (h is st's handle) */
static void step_init(cl_Runtime *R, cl_Handle h, cl_FrameState *st, cl_Step *s) {
  s->R = R;
  s->handle = h;
  s->promise = cl_frame_promise(h.frame);
  s->locals = cl_state_locals(st);
}

/* run the body from its current point to its next request */
static void step_body(cl_FrameState *st, cl_Step *s, cl_Error *thrown) {
  s->index = st->index;
  s->scope = st->scope;
  s->result = s->value = NULL;
  s->thrown = thrown;
  s->error = NULL;
  s->request = CL_REQ_NONE;
  st->co->step(s);
  st->index = s->index;
}

/* the task's own path (below): where nothing can observe (the quiet
   driver, and a build without events), unless COROLAB_NO_FASTPATH says no */
#if defined(CL_QUIET) || defined(CL_NO_EVENTS)
#define task_path(R) ((R)->task_path)
#else
#define task_path(R) ((void)(R), 0)
#endif

enum { TASK_NOT_TAKEN, TASK_AWAITED, TASK_LEFT };
static int await_task(cl_Runtime *R, cl_FrameState *st, cl_Step *s, Exit *x);

/* do what the step s (which has run) asks for, and go on with the body
   until control leaves the frame. own_path: a co_await of a task may take
   the task's own path (never inside it, so that the C stack stays
   bounded: a chain of tasks goes through the trampoline) */
static Exit run_body(cl_Runtime *R, cl_FrameState *st, cl_Step *s, int own_path) {
  const cl_PromiseType *pt = st->co->promise_type;
  for (;;) {
    cl_FrameState *next = NULL;
    AwaitOutcome o;
    cl_Awaitable a;
    cl_Error *e, *thrown = NULL;
    Exit x;
    if (needs_check(s) && (e = check_step(R, st, s)) != NULL) {
      if (s->request == CL_REQ_RAISE || s->request == CL_REQ_MISUSE)
        cl_error_free(R, s->error);
      return ill_formed(R, st, e);
    }
    st->scope = (unsigned char)s->scope;
    switch (s->request) {
      case CL_REQ_AWAIT:
        if (own_path && s->operand.ops == &cl_task_awaitable_ops && task_path(R))
          switch (await_task(R, st, s, &x)) {
            case TASK_AWAITED: step_body(st, s, NULL); continue;
            case TASK_LEFT: return x;
            default: break;
          }
        o = cl_await(R, st, s->operand, AWAIT_PLAIN, s->result, &next, &thrown);
        break;
      case CL_REQ_YIELD:          /* co_yield v -> co_await promise.yield_value(v) */
        if (pt->yield_value == NULL)
          return ill_formed(R, st, no_yield_value(R, st));
        cl_emit_value(R, CL_EV_YIELD_VALUE, st, NULL, s->value);
        o = AWAIT_THROWS;
        if ((thrown = pt->yield_value(R, s->promise, s->value, &a)) == NULL)
          o = cl_await(R, st, a, AWAIT_YIELD, s->result, &next, &thrown);
        break;
      case CL_REQ_RETURN_VALUE: return co_return_value(R, st, s->value);
      case CL_REQ_RETURN_VOID: return co_return_void(R, st, 0);
      case CL_REQ_FLOW_OFF: return co_return_void(R, st, 1);
      case CL_REQ_MISUSE:
        cl_emit_why(R, CL_EV_MISUSE, st, 0, CL_CAUSE_ILL_FORMED,
                    cl_error_message(s->error));
        return ill_formed(R, st, s->error);
      default: return unwind(R, st, s->error);
    }
    switch (o) {
      case AWAIT_RESUMES: thrown = cl_await_resume(R, st); break;
      case AWAIT_THROWS: break;                 /* raised at the co_await */
      case AWAIT_ILL_FORMED: return ill_formed(R, st, thrown);
      case AWAIT_SUSPENDED: return exit_with(EXIT_SUSPENDED, NULL);
      case AWAIT_TRANSFERS: return exit_with(EXIT_TRANSFER, next);
      case AWAIT_BROKEN: return exit_with(EXIT_ERROR, thrown);
    }
    step_body(st, s, thrown);
  }
}

/* after a suspend point: await_resume of what it waited on, then the body.
   At the initial one, initial-await-resume-called is set first, the body's
   locals come alive, and an exception goes straight to the handler. */
static Exit continue_body(cl_Runtime *R, cl_FrameState *st) {
  int initial = cl_await_kind(st) == AWAIT_INITIAL;
  cl_Step s;
  cl_Error *e = cl_await_resume(R, st);
  if (initial) {
    if (e) return unwind(R, st, e);
    st->locals_alive = 1;
  }
  step_init(R, R->running, st, &s);           /* st runs (enter, prologue) */
  step_body(st, &s, e);
  return run_body(R, st, &s, 1);
}

/* a suspended frame starts running: its state says so before any event
   announces it, so that an observer can neither resume nor destroy it;
   pins held on it learn that it left the point where they hold it. h is
   its handle */
static void enter(cl_Runtime *R, cl_FrameState *st, cl_Handle h) {
  cl_set_state(st, CL_STATE_RUNNING);
  if (st->pinned) cl_pins_mark(R, st, CL_PIN_RESUMED);
  R->running = h;
}

/* resume a suspended frame, st (h) */
static Exit run_frame(cl_Runtime *R, cl_FrameState *st, cl_Handle h,
                      unsigned resumer) {
  enter(R, st, h);
  cl_emit_why(R, CL_EV_RESUME, st, resumer, CL_CAUSE_RESUME_CALLED, NULL);
  return continue_body(R, st);
}

/* ------------------------------------------------- the task's own path -- */

/* When nothing observes, cl_task_type has a path of its own: a call of one
   of its coroutines (call_task, below) and a co_await of one that has not
   started (await_task) each run in one function that knows every member
   of the type and of its awaiters, as a compiler's code does once it has
   inlined them, instead of calling them one at a time. The general driver
   stays the definition: each does what it does for cl_task_type, leaves
   the same state, and hands the rest to it at the first thing it does not
   know, or that user code may have changed. COROLAB_NO_FASTPATH=1 turns
   the path off (cl_runtime_new); tests/core/test_taskpath.c runs random
   programs both ways and compares them. */

/* where a frame of cl_task_type keeps its state (its promise is a
   cl_TaskPromise): cl_state_offset, known; its frames come from the slabs */
#define TASK_STATE (CL_FRAME_PROMISE_OFFSET + cl_align(sizeof(cl_TaskPromise)))

/* co_await t in the body of st (its step s), t a task of cl_task_type at
   its initial suspend point whose body has no locals or parameters to
   destroy, st with no pending temporaries and no await_transform: await_ready() is false (t is not done), st suspends,
   await_suspend(h) makes st t's continuation and transfers to t, which
   leaves its initial suspend point (suspend_always) and runs. If t's body
   returns at once (co_return v, co_return, or flowing off) and left alone
   all that the rest reads: return_value(v) or return_void(), the end of
   t's locals (none to destroy), its final suspend, whose awaiter transfers
   back to st, st's await_resume() (t's result: its promise holds no
   error), and the end of the full-expression, ~task(), which destroys t
   (no parameters to destroy). TASK_AWAITED: st runs on; TASK_LEFT:
   control left st, *x says where (the general driver took t's body on
   from its step); TASK_NOT_TAKEN: the general co_await runs */
static int await_task(cl_Runtime *R, cl_FrameState *st, cl_Step *s, Exit *x) {
  cl_Frame *t = (cl_Frame *)s->operand.self;
  cl_FrameState *ts = cl_frame_lookup(R, t);
  cl_TaskPromise *p = (cl_TaskPromise *)cl_frame_promise(t);
  cl_Handle h = R->running, th;
  if (ts == NULL || ts->co->promise_type != &cl_task_type ||
      ts->co->destroy_locals != NULL || ts->co->destroy_params != NULL ||
      ts->state != CL_STATE_SUSPENDED_INITIAL || ts->pinned ||
      st->awaiter.ops != NULL || st->spilled || st->pinned ||
      st->co->promise_type->await_transform != NULL)
    return TASK_NOT_TAKEN;
  cl_set_await(st, AWAIT_PLAIN, STAGE_OPERAND);   /* not ready: st suspends */
  st->await_result = s->result;
  st->awaiter = s->operand;
  cl_set_state(st, CL_STATE_SUSPENDED);
  p->continuation = h;                            /* await_suspend(h) */
  th.frame = t;                                   /* cl_handle_of(ts) */
  th.id = ts->id;
  th.slot = TASK_STATE;
  cl_set_state(ts, CL_STATE_RUNNING);             /* the transfer to t */
  R->running = th;
  ts->initial_await_resume_called = 1;     /* suspend_always::await_resume() */
  ts->awaiter.ops = NULL;
  ts->locals_alive = 1;
  step_init(R, th, ts, s);       /* t's step in st's cl_Step, which st, */
  step_body(ts, s, NULL);        /* suspended, needs no more (nor the stack) */
  /* t's body is user code: it may have resumed or destroyed st, set its
     promise, an observer or the nesting limit (never the definitions,
     corolab.h: "Lifetimes") */
  if (needs_check(s) || s->request < CL_REQ_RETURN_VALUE || p->error != NULL ||
      p->continuation.frame != h.frame || p->continuation.id != h.id ||
      cl_handle_state(R, h) != st || st->state != CL_STATE_SUSPENDED ||
      st->pinned || st->spilled || st->awaiter.ops != &cl_task_awaitable_ops ||
      st->awaiter.self != t || R->nobservers != 0 || R->depth >= R->nesting_limit) {
    *x = run_body(R, ts, s, 0);
    return TASK_LEFT;
  }
  ts->scope = (unsigned char)s->scope;
  if (s->request == CL_REQ_RETURN_VALUE)
    p->result = *(cl_Value *)s->value;            /* return_value(v) */
  else
    p->result.i = 0;                              /* return_void() */
  cl_set_state(st, CL_STATE_RUNNING);      /* final_suspend(): back to st */
  R->running = h;
  st->awaiter.ops = NULL;                         /* await_resume() */
  if (st->await_result != NULL) *(cl_Value *)st->await_result = p->result;
  free_frame_as(R, ts, TASK_STATE, 1);   /* ~task(); what else t's state
                                            would say is dead with it */
  step_init(R, h, st, s);
  return TASK_AWAITED;
}

static const char *resume_check(cl_FrameState *st) {
  switch ((cl_State)st->state) {
    case CL_STATE_SUSPENDED_INITIAL: case CL_STATE_SUSPENDED: return NULL;
    case CL_STATE_SUSPENDED_FINAL:
      return "is suspended at its final suspend point (done); resuming it";
    case CL_STATE_DESTROYING: return "is being destroyed; resuming it";
    default: return "is not suspended; resuming a running coroutine";
  }
}

/* op (resume(), or a transfer: cause says which) refused: st cannot be
   resumed, and why */
static cl_Error *bad_resume(cl_Runtime *R, const char *op, cl_EventCause cause,
                            cl_FrameState *st, const char *why) {
  char name[160];
  cl_frame_name(st, name, sizeof name);
  cl_emit_why(R, CL_EV_MISUSE, st, 0, cause, why);
  return cl_error_new(R, CL_MISUSE, "%s: %s %s is undefined behaviour in C++ "
                      "[coroutine.handle.resumption]", op, name, why);
}

/* the trampoline: follow symmetric transfers in a loop, never recursing
   (each target was checked live where await_suspend returned it) */
static cl_Error *transfers(cl_Runtime *R, Exit x, unsigned from) {
  while (x.how == EXIT_TRANSFER) {
    cl_FrameState *st = (cl_FrameState *)x.to;
    const char *why;
    if (st == NULL) {                           /* back to the resumer */
      cl_emit_cause(R, CL_EV_RETURN_TO_CALLER, NULL, from, CL_CAUSE_RETURNED_NOOP);
      return NULL;
    }
    if ((why = resume_check(st)))
      return bad_resume(R, "await_suspend (symmetric transfer)",
                        CL_CAUSE_TRANSFER_REFUSED, st, why);
    unsigned id = st->id;                         /* st may die in the run */
    enter(R, st, cl_handle_of(st));
    cl_emit(R, CL_EV_SYMMETRIC_TRANSFER, st, from, NULL);
    cl_emit_why(R, CL_EV_RESUME, st, from, CL_CAUSE_TRANSFERRED, NULL);
    x = continue_body(R, st);
    from = id;
  }
  return x.how == EXIT_ERROR ? (cl_Error *)x.to : NULL;
}

/* [implimits]: every resume, call and destroy nests on the C stack; a
   symmetric transfer does not */
static cl_Error *too_deep(cl_Runtime *R, const char *op) {
  return cl_error_new(R, CL_MISUSE, "%s: nesting limit reached: %d resumes, "
                      "coroutine calls and destroys are already running one "
                      "inside another, each on the C stack (corolab stops here "
                      "instead of overflowing it); a symmetric transfer does "
                      "not nest: return the next coroutine's handle from "
                      "await_suspend instead of resuming it there",
                      op, R->depth);
}

/* The resume of a coroutine whose yield_value keeps a pointer
   (CL_PROMISE_YIELD_KEEPS_POINTER: a generator's), specialised as a
   compiler specialises it after inlining, when nothing observes: the frame
   waits at a suspend_always (CL_AWAITER_SUSPEND_ALWAYS; a suspended frame
   has its awaiter), whose members are constants, and co_yield v stores v
   and suspends at another. Between two co_yields nothing is called but the
   body's step; whatever else the step asks for goes on in run_body. (The
   quiet driver takes it; the observed one, built without events, too.) */
static int yields_pointers(cl_Runtime *R, const cl_FrameState *st) {
  return !cl_observed(R) &&
         (st->co->promise_type->flags & CL_PROMISE_YIELD_KEEPS_POINTER) &&
         (st->awaiter.ops->flags & CL_AWAITER_SUSPEND_ALWAYS) && !st->spilled &&
         !st->pinned && R->depth < R->nesting_limit;
}

/* (*yielded: the value of the co_yield the shortcut took; else left) */
static INTO_CALLERS cl_Error *resume_yielding(cl_Runtime *R, cl_Handle h,
                                             cl_FrameState *st, void **yielded) {
  cl_Handle resumer = R->running;
  cl_Error *e = NULL;
  cl_Step s;
  cl_set_state(st, CL_STATE_RUNNING);       /* enter(), not pinned */
  if (cl_await_kind(st) == AWAIT_INITIAL) {  /* the body starts */
    st->initial_await_resume_called = 1;
    st->locals_alive = 1;
  }
  st->awaiter.ops = NULL;          /* suspend_always::await_resume(): nothing */
  R->depth++;
  R->running = h;
  step_init(R, h, st, &s);
  step_body(st, &s, NULL);
  if (s.request == CL_REQ_YIELD && !needs_check(&s)) {
    st->scope = (unsigned char)s.scope;            /* co_yield v: */
    *(void **)s.promise = s.value;                 /* yield_value(v) */
    cl_set_await(st, AWAIT_YIELD, STAGE_OPERAND);  /* co_await suspend_always */
    st->await_result = s.result;
    st->awaiter.ops = &cl_suspend_always_ops;
    st->awaiter.self = NULL;
    cl_set_state(st, CL_STATE_SUSPENDED);
    *yielded = s.value;
  } else
    e = transfers(R, run_body(R, st, &s, 1), h.id);
  R->depth--;
  R->running = resumer;
  return e;
}

OUT_OF_LINE static cl_Error *resume(cl_Runtime *R, cl_Handle h) {
  cl_FrameState *st = cl_handle_state(R, h);
  const char *why;
  if (st == NULL) return h.frame == &R->noop ? NULL : cl_not_a_frame(R, "resume()", h);
  if ((why = resume_check(st)))
    return bad_resume(R, "resume()", CL_CAUSE_RESUME_REFUSED, st, why);
  void *yielded;
  if (yields_pointers(R, st)) return resume_yielding(R, h, st, &yielded);
  if (R->depth >= R->nesting_limit) return too_deep(R, "resume()");
  cl_Handle resumer = R->running;
  R->depth++;
  cl_Error *e = transfers(R, run_frame(R, st, h, resumer.id), h.id);
  R->depth--;
  R->running = resumer;
  return e;
}

/* next() of a generator (cl_generator_next): h resumed, then what its
   body yielded, or the error it stored (rethrown once), or NULL at its
   end. Beside resume(), so that a generator's specialised step
   (resume_yielding) goes into it; the handle comes in its parts, which
   its checks read at once */
OUT_OF_LINE static cl_Error *next(cl_Runtime *R, cl_Frame *frame, unsigned id,
                                  unsigned slot, void **value) {
  cl_Handle h = {frame, id, slot};
  cl_FrameState *st = cl_handle_state(R, h);
  cl_GeneratorPromise *p;
  cl_Error *e;
  void *yielded = NULL;
  *value = NULL;
  if (st == NULL) return cl_not_a_frame(R, "next()", h);
  if (!cl_extends(st->co->promise_type, &cl_generator_type))
    return cl_wrong_type(R, "next()", st, &cl_generator_type);
  p = (cl_GeneratorPromise *)cl_frame_promise(frame);
  if ((st->state == CL_STATE_SUSPENDED || st->state == CL_STATE_SUSPENDED_INITIAL) &&
      yields_pointers(R, st))
    e = resume_yielding(R, h, st, &yielded);
  else
    e = resume(R, h);
  if (e) return e;
  if (yielded == NULL && (st = cl_handle_state(R, h)) == NULL)  /* the general */
    return cl_not_a_frame(R, "next()", h);     /* driver ran: is it still alive? */
  if (p->error) {                           /* rethrow, once */
    e = p->error;
    p->error = NULL;
    return e;
  }
  if (yielded == NULL) {                    /* (the shortcut yielded no NULL) */
    if (frame->resume_fn == NULL) return NULL;       /* done */
    if ((yielded = p->current) == NULL) return cl_yielded_null(R, h, st);
  }
  *value = yielded;
  return NULL;
}

OUT_OF_LINE static cl_Error *destroy(cl_Runtime *R, cl_Handle h) {
  cl_FrameState *st = cl_handle_state(R, h);
  if (st == NULL) return h.frame == &R->noop ? NULL : cl_not_a_frame(R, "destroy()", h);
  switch ((cl_State)st->state) {
    case CL_STATE_SUSPENDED_INITIAL: case CL_STATE_SUSPENDED:
    case CL_STATE_SUSPENDED_FINAL: break;
    default: {
      char name[160];
      const char *why = st->state == CL_STATE_DESTROYING ? "is already being destroyed"
                      : st->state == CL_STATE_PROLOGUE ? "is still in its prologue"
                      : "is running";
      cl_frame_name(st, name, sizeof name);
      cl_emit_cause(R, CL_EV_MISUSE, st, 0, CL_CAUSE_DESTROY_REFUSED);
      return cl_error_new(R, CL_MISUSE, "destroy(): %s %s; destroying a coroutine "
                          "that is not suspended is undefined behaviour in C++ "
                          "[coroutine.handle.destroy]", name, why);
    }
  }
  if (R->depth >= R->nesting_limit) return too_deep(R, "destroy()");
  R->depth++;
  cl_set_state(st, CL_STATE_DESTROYING);
  cl_emit(R, CL_EV_DESTROY, st, R->running.id, NULL);
  teardown(R, st);
  R->depth--;
  return NULL;
}

/* ------------------------------------------------------------ the call -- */

/* operator new: the frame of size bytes (see new_frame) */
static INTO_CALLERS cl_Error *allocate(cl_Runtime *R, const cl_Coroutine *co,
                                       void *args, void *ret, size_t size,
                                       size_t state_offset, int slabs,
                                       cl_Frame **h) {
  const cl_PromiseType *pt = co->promise_type;
  cl_Error *e = NULL;
  if (cl_observed(R)) {
    char detail[32];
    snprintf(detail, sizeof detail, "%zu bytes", size);
    cl_emit_(R, CL_EV_OPERATOR_NEW, NULL, 0, CL_CAUSE_NONE, detail, NULL);
  }
  void *mem = slabs ? cl_slab_take(R, size, state_offset)
            : pt->operator_new ? pt->operator_new(R, pt, size, args, &e)
            : cl_frame_alloc(R, size);
  *h = (cl_Frame *)mem;
  if (mem != NULL || e != NULL) return e;
  if (pt->get_return_object_on_allocation_failure) {
    cl_emit(R, CL_EV_ALLOCATION_FAILURE, NULL, 0, co->name);
    return pt->get_return_object_on_allocation_failure(R, pt, ret);
  }
  return cl_error_new(R, CL_NOMEMORY, "operator new: cannot allocate the %zu-byte "
                      "frame of coroutine '%s' (std::bad_alloc)", size, co->name);
}

/* an exception leaves the call: g++ destroys the return object, then the
   coroutine state (and the frame is freed inside the call). When the
   exception comes from a coroutine this one transferred to, this one is
   suspended, and g++ 12 destroys neither its pending awaiter nor its locals
   (tests/cpp/prologue_transfer): they are forgotten, never destroyed */
static cl_Error *abandon(cl_Runtime *R, cl_FrameState *st, void *ret, cl_Error *e) {
  const cl_PromiseType *pt = st->co->promise_type;
  int suspended = st->state != CL_STATE_RUNNING && st->state != CL_STATE_PROLOGUE;
  cl_set_state(st, CL_STATE_DESTROYING);   /* ~R() must not destroy it too */
  cl_emit(R, CL_EV_RETURN_OBJECT_DESTROY, st, 0, NULL);
  if (pt->return_object_destroy) pt->return_object_destroy(R, ret);
  if (suspended) {
    cl_await_forget_temps(R, st);
    st->locals_alive = 0;
    destroy_state(R, st, BUILT_PROMISE);
  } else
    teardown(R, st);
  return e;
}

/* control first returns to the caller: the return object is converted
   (g++ 12's moment); if that fails, the call fails whole */
static cl_Error *convert(cl_Runtime *R, const cl_Coroutine *co, cl_Handle h,
                         void *ret) {
  cl_FrameState *st = cl_handle_state(R, h);   /* NULL: it ended meanwhile */
  cl_emit(R, CL_EV_RETURN_OBJECT_CONVERT, st, 0, co->name);
  cl_Error *e = co->convert(R, co, ret);
  if (e && (st = cl_handle_state(R, h))) return abandon(R, st, ret, e);
  return e;
}

/* the prologue failed at a step: what it built goes, e to the caller */
static cl_Error *undo_prologue(cl_Runtime *R, cl_FrameState *st, Built built,
                               cl_Error *e) {
  destroy_state(R, st, built);
  return e;
}

/* the prologue's first part, the same for every promise type: the frame
   (operator new), its head and id, and the parameter copies; the frame
   runs (R->running, *self). state_offset and slabs: cl_state_offset and
   cl_in_slabs of co's promise type. *st: its state, or NULL, and the
   error (nothing is left; a NULL error:
   get_return_object_on_allocation_failure's result) */
static INTO_CALLERS cl_Error *new_frame(cl_Runtime *R, const cl_Coroutine *co,
                                        void *args, void *ret, size_t state_offset,
                                        int slabs, cl_FrameState **st,
                                        cl_Handle *self) {
  size_t size = state_offset + cl_align(sizeof **st) + co->locals_size;
  cl_Frame *h;
  cl_Error *e = allocate(R, co, args, ret, size, state_offset, slabs, &h);
  *st = NULL;
  if (h == NULL) return e;                 /* no frame: nothing to undo */
  memset(h, 0, size);
  cl_FrameState *s = (cl_FrameState *)((char *)h + state_offset);
  h->resume_fn = co->step;
  h->destroy_fn = co->destroy_locals;
  s->co = co;
  if (++R->next_id == 0) ++R->next_id;   /* 0 is no frame's */
  s->id = R->next_id;
  self->frame = h;
  self->id = s->id;
  self->slot = slabs ? (unsigned)state_offset : 0;       /* cl_handle_slot */
  s->state = CL_STATE_PROLOGUE;
  if (!slabs && !cl_registry_add(R, &R->frames, h, s))
    return undo_prologue(R, s, BUILT_FRAME, cl_error_new(R, CL_NOMEMORY,
                         "cannot register the frame of coroutine '%s': not "
                         "enough memory", co->name));
  cl_looked(R, h)->key = h;            /* its first lookups will find it */
  cl_looked(R, h)->value = s;
  R->running = *self;
  cl_emit_value(R, CL_EV_PARAMS_COPY, s, NULL, args);
  if (co->args_size > 0) memcpy(cl_state_locals(s), args, co->args_size);
  if (co->init && (e = co->init(R, *self, cl_state_locals(s), args)))
    return undo_prologue(R, s, BUILT_FRAME, e);
  *st = s;
  return NULL;
}

static cl_Error *prologue(cl_Runtime *R, const cl_Coroutine *co, void *args,
                          void *ret) {
  const cl_PromiseType *pt = co->promise_type;
  cl_FrameState *st;
  cl_Handle self;
  cl_Error *e = new_frame(R, co, args, ret, cl_state_offset(pt), cl_in_slabs(pt),
                          &st, &self);
  if (st == NULL) return e;
  cl_Frame *h = self.frame;
  cl_emit_value(R, CL_EV_PROMISE_CONSTRUCT, st, pt->name, args);
  st->promise_alive = 1;          /* from_promise works in the constructor */
  if (pt->construct && (e = pt->construct(R, cl_frame_promise(h), args)))
    return undo_prologue(R, st, BUILT_PARAMS, e);
  cl_emit(R, CL_EV_GET_RETURN_OBJECT, st, 0, NULL);
  if ((e = pt->get_return_object(R, cl_frame_promise(h), ret)))
    return undo_prologue(R, st, BUILT_PROMISE, e);
  /* co_await promise.initial_suspend(); */
  cl_Awaitable a;
  cl_FrameState *next = NULL;
  AwaitOutcome o = AWAIT_THROWS;           /* from the suspension on, st may die */
  cl_emit(R, CL_EV_INITIAL_SUSPEND, st, 0, NULL);
  if ((e = pt->initial_suspend(R, cl_frame_promise(h), &a)) == NULL)
    o = cl_await(R, st, a, AWAIT_INITIAL, NULL, &next, &e);
  Exit x;
  switch (o) {
    case AWAIT_THROWS: case AWAIT_ILL_FORMED: return abandon(R, st, ret, e);
    case AWAIT_BROKEN: return e;
    case AWAIT_SUSPENDED: x = exit_with(EXIT_SUSPENDED, NULL); break;
    case AWAIT_TRANSFERS: x = exit_with(EXIT_TRANSFER, next); break;
    default:
      cl_set_state(st, CL_STATE_RUNNING);
      x = continue_body(R, st);
  }
  if ((e = transfers(R, x, self.id)) && (st = cl_handle_state(R, self)))
    return abandon(R, st, ret, e);       /* still ours: the call fails whole */
  if (e == NULL && co->convert) e = convert(R, co, self, ret);
  return e;
}

/* a call of a coroutine of cl_task_type, on the task's own path (see
   await_task): the frame and its parameters (new_frame), promise_type()
   (zeroed), get_return_object() (the handle, into ret, which call()
   found not NULL), co_await initial_suspend() (suspend_always: the
   coroutine suspends), and the conversion, if any */
static cl_Error *call_task(cl_Runtime *R, const cl_Coroutine *co, void *args,
                           void *ret) {
  cl_FrameState *st;
  cl_Handle self;
  cl_Error *e = new_frame(R, co, args, ret, TASK_STATE, 1, &st, &self);
  if (st == NULL) return e;
  st->promise_alive = 1;
  cl_put_handle((cl_Handle *)ret, self);
  cl_set_await(st, AWAIT_INITIAL, STAGE_OPERAND);
  st->awaiter.ops = &cl_suspend_always_ops;
  st->awaiter.self = NULL;
  cl_set_state(st, CL_STATE_SUSPENDED_INITIAL);
  return co->convert ? convert(R, co, self, ret) : NULL;
}

/* what a C++ compiler checks in a coroutine's definition, checked at its
   every call: C has no compile time for it */
static cl_Error *check_definition(cl_Runtime *R, const cl_Coroutine *co,
                                  const void *args) {
  const char *name = co->name ? co->name : "(unnamed)";
  const char *why = co->name == NULL ? "its name is NULL"
    : co->promise_type == NULL ? "its promise_type is NULL"
    : co->promise_type->name == NULL ? "its promise_type's name is NULL"
    : co->step == NULL ? "its step (the body) is NULL"
    : co->args_size > co->locals_size ? "its args_size is larger than locals_size"
    : co->args_size > 0 && args == NULL ? "it copies args_size bytes of its "
                                          "arguments, but args is NULL"
    : NULL;
  cl_Error *e;
  if (why != NULL)
    return cl_error_new(R, CL_MISUSE, "cl_call: coroutine '%s' cannot be called: "
                        "%s (cl_Coroutine)", name, why);
  if (co->promise_type != &cl_task_type && co->promise_type != &cl_generator_type &&
      (e = cl_promise_type_check(R, co->promise_type)) != NULL)
    return e;                  /* (the reference types are well-formed) */
  /* the frame is an object: at most PTRDIFF_MAX bytes (its size's sum
     never wraps) */
  size_t before_locals = cl_state_offset(co->promise_type) +
                         cl_align(sizeof(cl_FrameState));
  if (co->locals_size > (size_t)PTRDIFF_MAX - before_locals)
    return cl_error_new(R, CL_MISUSE, "cl_call: coroutine '%s' cannot be called: "
                        "its locals_size (%zu) makes the frame larger than any "
                        "object can be (PTRDIFF_MAX bytes) (cl_Coroutine)", name,
                        co->locals_size);
  return NULL;
}

OUT_OF_LINE static cl_Error *call(cl_Runtime *R, const cl_Coroutine *co,
                                  void *args, void *ret) {
  cl_Error *e = check_definition(R, co, args);
  if (e) return e;
  if (R->depth >= R->nesting_limit) return too_deep(R, "call");
  cl_Handle caller = R->running;
  R->depth++;
  e = co->promise_type == &cl_task_type && ret != NULL && task_path(R)
    ? call_task(R, co, args, ret) : prologue(R, co, args, ret);
  R->depth--;
  R->running = caller;
  return e;
}

/* ------------------------------------------------------ the entry points -- */

#ifdef CL_QUIET
cl_Error *cl_call_quiet(cl_Runtime *R, const cl_Coroutine *co, void *args, void *ret) {
  return call(R, co, args, ret);
}
cl_Error *cl_resume_quiet(cl_Runtime *R, cl_Handle h) { return resume(R, h); }
cl_Error *cl_generator_next_quiet(cl_Runtime *R, cl_Handle h, void **value) {
  return next(R, h.frame, h.id, h.slot, value);
}
cl_Error *cl_destroy_quiet(cl_Runtime *R, cl_Handle h) { return destroy(R, h); }
#else
/* the observed driver hands a run to the quiet one when nothing observes */
#ifdef CL_NO_EVENTS
#define quiet(R) 0
#else
#define quiet(R) (!cl_observed(R))
#endif

cl_Error *cl_call(cl_Runtime *R, const cl_Coroutine *co, void *args, void *ret) {
  cl_api_check(R != NULL && co != NULL, "cl_call: R and co must not be NULL");
  return quiet(R) ? cl_call_quiet(R, co, args, ret) : call(R, co, args, ret);
}
cl_Error *cl_resume(cl_Runtime *R, cl_Handle h) {
  cl_api_check(R != NULL, "cl_resume: R must not be NULL");
  return quiet(R) ? cl_resume_quiet(R, h) : resume(R, h);
}
cl_Error *cl_generator_next(cl_Runtime *R, cl_Handle h, void **value) {
  cl_api_check(R != NULL && value != NULL,
               "cl_generator_next: R and value must not be NULL");
  return quiet(R) ? cl_generator_next_quiet(R, h, value)
                  : next(R, h.frame, h.id, h.slot, value);
}
cl_Error *cl_destroy(cl_Runtime *R, cl_Handle h) {
  cl_api_check(R != NULL, "cl_destroy: R must not be NULL");
  return quiet(R) ? cl_destroy_quiet(R, h) : destroy(R, h);
}
#endif
