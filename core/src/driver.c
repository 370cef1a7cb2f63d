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
  void *to;                    /* EXIT_TRANSFER: the next frame; EXIT_ERROR:
                                  the error for the resumer (or caller) */
} Exit;

static Exit exit_with(int how, void *to) {
  Exit x;
  x.how = how;
  x.to = to;
  return x;
}

#define promise_of(st) cl_frame_promise(cl_frame_of_state(st))

/* --------------------------------------------------------- destruction -- */

static void destroy_locals(cl_Runtime *R, cl_FrameState *st) {
  if (!st->locals_alive) return;
  st->locals_alive = 0;
  cl_emit(R, CL_EV_LOCALS_DESTROY, st, 0, NULL);
  if (st->co->destroy_locals)
    st->co->destroy_locals(R, cl_frame_of_state(st), cl_state_locals(st), st->scope);
}

static void destroy_params(cl_Runtime *R, cl_FrameState *st) {
  cl_emit(R, CL_EV_PARAMS_DESTROY, st, 0, NULL);
  if (st->co->destroy_params)
    st->co->destroy_params(R, cl_frame_of_state(st), cl_state_locals(st));
}

/* the frame's memory goes; pins on it learn it before anyone else runs */
static void free_frame(cl_Runtime *R, cl_FrameState *st) {
  const cl_PromiseType *pt = st->co->promise_type;
  cl_Frame *h = cl_frame_of_state(st);
  size_t size = cl_frame_size(st->co);
  if (st->pinned) cl_pins_mark(R, st, CL_PIN_DESTROYED);
  cl_emit(R, CL_EV_OPERATOR_DELETE, st, 0, NULL);
  cl_frame_bury(R, st);
  if (pt->operator_delete) pt->operator_delete(R, pt, h, size);
  else if (cl_in_slabs(pt)) cl_slab_free(R, h, st);
  else cl_frame_free(R, h, size);
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
  cl_Frame *next = NULL;
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
  cl_emit(R, CL_EV_THROW, st, 0, cl_error_message(e));
  destroy_locals(R, st);                           /* stack unwinding */
  if (!st->initial_await_resume_called)            /* throw; to the caller */
    return exit_with(EXIT_ERROR, e);
  cl_emit(R, CL_EV_UNHANDLED_EXCEPTION, st, 0, cl_error_message(e));
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
static Exit co_return_value(cl_Runtime *R, cl_FrameState *st, void *v) {
  const cl_PromiseType *pt = st->co->promise_type;
  cl_Error *e;
  char at[160];
  if (pt->return_value == NULL) {
    place(R, st, at, sizeof at);
    return ill_formed(R, st, cl_ill_formed(R, st, "co_return%s: no member named "
                      "'return_value' in '%s' [stmt.return.coroutine]", at, pt->name));
  }
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
  char at[160] = "";
  if (pt->return_void == NULL && !flowed_off) place(R, st, at, sizeof at);
  if (flowed_off) destroy_locals(R, st);
  if (pt->return_void == NULL)
    return ill_formed(R, st, flowed_off
      ? cl_ill_formed(R, st, "coroutine #%u '%s' flowed off the end of its body, "
                      "but '%s' has no return_void; this is undefined behaviour "
                      "[stmt.return.coroutine]/3: %s", st->id, st->co->name,
                      pt->name, pt->return_value
                      ? "end the body with co_return and a value"
                      : "give the promise type a return_void member")
      : cl_ill_formed(R, st, "co_return%s: no member named 'return_void' in '%s' "
                      "[stmt.return.coroutine]", at, pt->name));
  cl_emit(R, CL_EV_RETURN_VOID, st, 0, NULL);
  if ((e = pt->return_void(R, promise_of(st)))) return unwind(R, st, e);
  destroy_locals(R, st);
  return final_suspend(R, st);
}

static cl_Error *no_yield_value(cl_Runtime *R, cl_FrameState *st) {
  char at[160];
  place(R, st, at, sizeof at);
  return cl_ill_formed(R, st, "co_yield%s: no member named 'yield_value' in '%s' "
                       "[expr.yield]", at, st->co->promise_type->name);
}

/* ------------------------------------------------------------ the body -- */

/* a step broke the body protocol (corolab.h, "Resume-point macros" and
   cl_Step): what it asked for cannot be done, so it ends there, as an
   ill-formed coroutine does */
static cl_Error *broken_step(cl_Runtime *R, cl_FrameState *st, const char *fmt,
                             const char *what) {
  char at[160];
  place(R, st, at, sizeof at);
  return cl_ill_formed(R, st, fmt, st->id, st->co->name, at, what);
}

#ifdef COROLAB_APICHECK
/* p points into the C stack just below the step's caller: the step's own
   locals, dead once it returned (a cheap check: 64 KiB below base) */
static int on_step_stack(const void *p, const void *base) {
  uintptr_t a = (uintptr_t)p, b = (uintptr_t)base;
  return a < b && b - a < 65536;
}

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
#endif

/* a step that asks to go on (await, yield, return) with no error pending
   and a scope in range needs no more checks: three compares */
#ifdef COROLAB_APICHECK
#define needs_check(s) 1
#else
#define needs_check(s) \
  ((s)->thrown != NULL || (unsigned)(s)->request >= CL_REQ_RAISE || \
   (unsigned)(s)->scope > 255)
#endif

/* what the step asked for, checked; NULL if the driver can do it */
static cl_Error *check_step(cl_Runtime *R, cl_FrameState *st, cl_Step *s) {
  cl_Error *taken = s->thrown;
  if (taken != NULL && !(s->request == CL_REQ_RAISE && s->error == taken)) {
    cl_error_free(R, taken);          /* neither raised nor taken: ours */
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
#ifdef COROLAB_APICHECK
  const char *what = stack_pointer_in(s);
  if (what != NULL)
    return broken_step(R, st, "the body of coroutine #%u '%s'%s left %s "
                       "pointing into its own C stack, which is gone once the "
                       "step returns; keep it in the frame's locals", what);
#endif
  return NULL;
}

/* the step's first part: what stays the same from one step to the next */
static void step_init(cl_Runtime *R, cl_Frame *h, cl_FrameState *st, cl_Step *s) {
  s->R = R;
  s->frame = h;
  s->promise = cl_frame_promise(h);
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

/* do what the step s (which has run) asks for, and go on with the body
   until control leaves the frame */
static Exit run_body(cl_Runtime *R, cl_FrameState *st, cl_Step *s) {
  const cl_PromiseType *pt = st->co->promise_type;
  for (;;) {
    cl_Frame *next = NULL;
    AwaitOutcome o;
    cl_Awaitable a;
    cl_Error *e, *thrown = NULL;
    if (needs_check(s) && (e = check_step(R, st, s)) != NULL) {
      if (s->request == CL_REQ_RAISE || s->request == CL_REQ_MISUSE)
        cl_error_free(R, s->error);
      return ill_formed(R, st, e);
    }
    st->scope = (unsigned char)s->scope;
    switch (s->request) {
      case CL_REQ_AWAIT:
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
  step_init(R, cl_frame_of_state(st), st, &s);
  step_body(st, &s, e);
  return run_body(R, st, &s);
}

/* a suspended frame starts running: its state says so before any event
   announces it, so that an observer can neither resume nor destroy it;
   pins held on it learn that it left the point where they hold it */
static void enter(cl_Runtime *R, cl_FrameState *st) {
  cl_set_state(st, CL_STATE_RUNNING);
  if (st->pinned) cl_pins_mark(R, st, CL_PIN_RESUMED);
  cl_set_running(R, cl_frame_of_state(st), st->id);
}

/* resume a suspended frame */
static Exit run_frame(cl_Runtime *R, cl_FrameState *st, unsigned resumer) {
  enter(R, st);
  cl_emit_why(R, CL_EV_RESUME, st, resumer, CL_CAUSE_RESUME_CALLED, NULL);
  return continue_body(R, st);
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

/* the trampoline: follow symmetric transfers in a loop, never recursing */
static cl_Error *transfers(cl_Runtime *R, Exit x, unsigned from) {
  while (x.how == EXIT_TRANSFER) {
    cl_Frame *next = (cl_Frame *)x.to;
    if (next == &R->noop) {                     /* back to the resumer */
      cl_emit_cause(R, CL_EV_RETURN_TO_CALLER, NULL, from, CL_CAUSE_RETURNED_NOOP);
      return NULL;
    }
    cl_FrameState *st = cl_frame_lookup(R, next);
    const char *why;
    if (st == NULL)
      return cl_not_a_frame(R, "await_suspend (symmetric transfer)", next);
    if ((why = resume_check(st)))
      return bad_resume(R, "await_suspend (symmetric transfer)",
                        CL_CAUSE_TRANSFER_REFUSED, st, why);
    unsigned id = st->id;                         /* st may die in the run */
    enter(R, st);
    cl_emit(R, CL_EV_SYMMETRIC_TRANSFER, st, from, NULL);
    cl_emit_why(R, CL_EV_RESUME, st, from, CL_CAUSE_TRANSFERRED, NULL);
    x = continue_body(R, st);
    from = id;
  }
  return x.how == EXIT_ERROR ? (cl_Error *)x.to : NULL;
}

/* the entry points' bodies stay out of line, so that handing a run to the
   quiet driver costs a test and a jump (see the end of the file); the
   resume of a yielding coroutine goes into its callers, which have just
   checked its state (so cl_set_state's test of it folds away) */
#ifdef __GNUC__
#define OUT_OF_LINE __attribute__((noinline))
#define INTO_CALLERS __attribute__((always_inline)) inline
#else
#define OUT_OF_LINE
#define INTO_CALLERS inline
#endif

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

static INTO_CALLERS cl_Error *resume_yielding(cl_Runtime *R, cl_Frame *h,
                                             cl_FrameState *st) {
  cl_Frame *resumer = R->running;
  unsigned resumer_id = R->running_id, id = st->id;
  cl_Error *e = NULL;
  cl_Step s;
  cl_set_state(st, CL_STATE_RUNNING);       /* enter(), not pinned */
  if (cl_await_kind(st) == AWAIT_INITIAL) {  /* the body starts */
    st->initial_await_resume_called = 1;
    st->locals_alive = 1;
  }
  st->awaiter.ops = NULL;          /* suspend_always::await_resume(): nothing */
  R->depth++;
  cl_set_running(R, h, id);
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
  } else
    e = transfers(R, run_body(R, st, &s), id);
  R->depth--;
  cl_set_running(R, resumer, resumer_id);
  return e;
}

OUT_OF_LINE static cl_Error *resume(cl_Runtime *R, cl_Frame *h) {
  if (h == &R->noop) return NULL;
  cl_FrameState *st = cl_frame_lookup(R, h);
  const char *why;
  if (st == NULL) return cl_not_a_frame(R, "resume()", h);
  if ((why = resume_check(st)))
    return bad_resume(R, "resume()", CL_CAUSE_RESUME_REFUSED, st, why);
  if (yields_pointers(R, st)) return resume_yielding(R, h, st);
  if (R->depth >= R->nesting_limit) return too_deep(R, "resume()");
  cl_Frame *resumer = R->running;
  unsigned resumer_id = R->running_id, from = st->id;
  R->depth++;
  cl_Error *e = transfers(R, run_frame(R, st, resumer_id), from);
  R->depth--;
  cl_set_running(R, resumer, resumer_id);
  return e;
}

OUT_OF_LINE static cl_Error *destroy(cl_Runtime *R, cl_Frame *h) {
  if (h == &R->noop) return NULL;
  cl_FrameState *st = cl_frame_lookup(R, h);
  if (st == NULL) return cl_not_a_frame(R, "destroy()", h);
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
  cl_emit(R, CL_EV_DESTROY, st, R->running_id, NULL);
  teardown(R, st);
  R->depth--;
  return NULL;
}

/* ------------------------------------------------------------ the call -- */

static cl_Error *allocate(cl_Runtime *R, const cl_Coroutine *co, void *args,
                          void *ret, cl_Frame **h) {
  const cl_PromiseType *pt = co->promise_type;
  size_t size = cl_frame_size(co);
  cl_Error *e = NULL;
  if (cl_observed(R)) {
    char detail[32];
    snprintf(detail, sizeof detail, "%zu bytes", size);
    cl_emit_(R, CL_EV_OPERATOR_NEW, NULL, 0, CL_CAUSE_NONE, detail, NULL);
  }
  void *mem = pt->operator_new ? pt->operator_new(R, pt, size, args, &e)
            : cl_in_slabs(pt) ? cl_slab_alloc(R, size, cl_state_offset(pt))
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
static cl_Error *convert(cl_Runtime *R, const cl_Coroutine *co, cl_Frame *h,
                         unsigned id, void *ret) {
  cl_FrameState *st = cl_frame_lookup(R, h);
  if (st != NULL && st->id != id) st = NULL;   /* it ended meanwhile */
  cl_emit(R, CL_EV_RETURN_OBJECT_CONVERT, st, 0, co->name);
  cl_Error *e = co->convert(R, co, ret);
  if (e && (st = cl_frame_lookup(R, h)) && st->id == id) return abandon(R, st, ret, e);
  return e;
}

/* the prologue failed at a step: what it built goes, e to the caller */
static cl_Error *undo_prologue(cl_Runtime *R, cl_FrameState *st, Built built,
                               cl_Error *e) {
  destroy_state(R, st, built);
  return e;
}

static cl_Error *prologue(cl_Runtime *R, const cl_Coroutine *co, void *args,
                          void *ret) {
  const cl_PromiseType *pt = co->promise_type;
  cl_Frame *h;
  cl_Error *e = allocate(R, co, args, ret, &h);
  if (h == NULL) return e;                 /* no frame: nothing to undo */
  memset(h, 0, cl_frame_size(co));
  cl_FrameState *st = (cl_FrameState *)((char *)h + cl_state_offset(pt));
  h->resume_fn = co->step;
  h->destroy_fn = co->destroy_locals;
  st->co = co;
  st->id = ++R->next_id;
  st->state = CL_STATE_PROLOGUE;
  if (!cl_in_slabs(pt) && !cl_registry_add(R, &R->frames, h, st))
    return undo_prologue(R, st, BUILT_FRAME, cl_error_new(R, CL_NOMEMORY,
                         "cannot register the frame of coroutine '%s': not "
                         "enough memory", co->name));
  cl_looked(R, h)->key = h;            /* its first lookups will find it */
  cl_looked(R, h)->state = st;
  cl_set_running(R, h, st->id);
  cl_emit_value(R, CL_EV_PARAMS_COPY, st, NULL, args);
  if (co->args_size > 0) memcpy(cl_state_locals(st), args, co->args_size);
  if (co->init && (e = co->init(R, h, cl_state_locals(st), args)))
    return undo_prologue(R, st, BUILT_FRAME, e);
  cl_emit_value(R, CL_EV_PROMISE_CONSTRUCT, st, pt->name, args);
  st->promise_alive = 1;          /* from_promise works in the constructor */
  if (pt->construct && (e = pt->construct(R, cl_frame_promise(h), args)))
    return undo_prologue(R, st, BUILT_PARAMS, e);
  cl_emit(R, CL_EV_GET_RETURN_OBJECT, st, 0, NULL);
  if ((e = pt->get_return_object(R, cl_frame_promise(h), ret)))
    return undo_prologue(R, st, BUILT_PROMISE, e);
  /* co_await promise.initial_suspend(); */
  cl_Awaitable a;
  cl_Frame *next = NULL;
  AwaitOutcome o = AWAIT_THROWS;
  unsigned id = st->id;          /* from the suspension on, st may die */
  cl_emit(R, CL_EV_INITIAL_SUSPEND, st, 0, NULL);
  if ((e = pt->initial_suspend(R, cl_frame_promise(h), &a)) == NULL)
    o = cl_await(R, st, a, AWAIT_INITIAL, NULL, &next, &e);
  Exit x;
  switch (o) {
    case AWAIT_THROWS: return abandon(R, st, ret, e);
    case AWAIT_BROKEN: return e;
    case AWAIT_SUSPENDED: x = exit_with(EXIT_SUSPENDED, NULL); break;
    case AWAIT_TRANSFERS: x = exit_with(EXIT_TRANSFER, next); break;
    default:
      cl_set_state(st, CL_STATE_RUNNING);
      x = continue_body(R, st);
  }
  if ((e = transfers(R, x, id)) && (st = cl_frame_lookup(R, h)) && st->id == id)
    return abandon(R, st, ret, e);       /* still ours: the call fails whole */
  if (e == NULL && co->convert) e = convert(R, co, h, id, ret);
  return e;
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
  if ((e = cl_promise_type_check(R, co->promise_type)) != NULL) return e;
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
  cl_Frame *caller = R->running;
  unsigned caller_id = R->running_id;
  R->depth++;
  e = prologue(R, co, args, ret);
  R->depth--;
  cl_set_running(R, caller, caller_id);
  return e;
}

/* ------------------------------------------------------ the entry points -- */

#ifdef CL_QUIET
cl_Error *cl_call_quiet(cl_Runtime *R, const cl_Coroutine *co, void *args, void *ret) {
  return call(R, co, args, ret);
}
cl_Error *cl_resume_quiet(cl_Runtime *R, cl_Frame *h) { return resume(R, h); }
cl_Error *cl_resume_yielding_quiet(cl_Runtime *R, cl_Frame *h, cl_FrameState *st) {
  if ((st->state == CL_STATE_SUSPENDED || st->state == CL_STATE_SUSPENDED_INITIAL) &&
      yields_pointers(R, st))
    return resume_yielding(R, h, st);
  return resume(R, h);
}
cl_Error *cl_destroy_quiet(cl_Runtime *R, cl_Frame *h) { return destroy(R, h); }
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
cl_Error *cl_resume(cl_Runtime *R, cl_Frame *h) {
  cl_api_check(R != NULL, "cl_resume: R must not be NULL");
  return quiet(R) ? cl_resume_quiet(R, h) : resume(R, h);
}
cl_Error *cl_destroy(cl_Runtime *R, cl_Frame *h) {
  cl_api_check(R != NULL, "cl_destroy: R must not be NULL");
  return quiet(R) ? cl_destroy_quiet(R, h) : destroy(R, h);
}
#endif
