/*
** await.c — the co_await protocol ([expr.await]). Compiled twice, like
** driver.c: observed, and quiet (-DCL_QUIET: no events at all).
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "await.h"
#include "events.h"

static const char *const await_member_names[] = {
  "operator co_await", "operator co_await", "await_ready", "await_suspend",
  "await_resume"
};

static int has(cl_Runtime *R, cl_Awaitable a, cl_AwaitMember m) {
  const cl_AwaitableOps *o = a.ops;
  if (o->has) return o->has(R, a.self, m);
  switch (m) {
    case CL_MEMBER_CO_AWAIT: return o->member_co_await != NULL;
    case CL_FREE_CO_AWAIT: return o->free_co_await != NULL;
    case CL_AWAIT_READY: return o->await_ready != NULL;
    case CL_AWAIT_SUSPEND: return o->await_suspend != NULL;
    case CL_AWAIT_RESUME: return o->await_resume != NULL;
  }
  return 0;
}

cl_Error *cl_ill_formed(cl_Runtime *R, cl_FrameState *st, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  cl_emit_why(R, CL_EV_MISUSE, st, 0, CL_CAUSE_ILL_FORMED, msg);
  return cl_error_new(R, CL_MISUSE, "%s", msg);
}

static const char *name_of(cl_Awaitable a) {
  return a.ops->name ? a.ops->name : "awaiter";
}

/* the member whose result an awaitable of st's co_await is (cl_EventCause) */
static cl_EventCause made_by(const cl_FrameState *st, AwaitStage stage) {
  static const cl_EventCause by_kind[] = {       /* by AwaitKind */
    CL_CAUSE_INITIAL_SUSPEND, CL_CAUSE_OPERAND, CL_CAUSE_YIELD_VALUE,
    CL_CAUSE_FINAL_SUSPEND
  };
  return stage == STAGE_TRANSFORMED ? CL_CAUSE_AWAIT_TRANSFORM
       : stage == STAGE_CO_AWAITED ? CL_CAUSE_OPERATOR_CO_AWAIT
       : by_kind[cl_await_kind(st)];
}

/* the words for an awaitable that does not describe itself, so that it has
   one name at all its events: by the co_await it is in (AwaitKind) */
static const char *const unnamed[] = {
  "initial_suspend's awaiter", "co_await's operand", "yield_value's awaiter",
  "final_suspend's awaiter"
};

/* an event about awaitable a, which the member `by` made: a describes
   itself if it can (an empty description, or no name at all: unnamed);
   out of line, so that the hot paths carry no buffer. Describing calls
   user code: with a pin, the event is left out if the frame went
   meanwhile */
static void emit_described(cl_Runtime *R, cl_EventKind kind,
                           const cl_FrameState *st, cl_Awaitable a,
                           cl_EventCause by, const cl_Pin *pin) {
  char buf[96];
  const char *detail = a.ops->name, *fallback = unnamed[cl_await_kind(st)];
  if (a.ops->describe) {
    buf[0] = '\0';
    a.ops->describe(R, a.self, buf, sizeof buf);
    detail = buf;
  }
  if (detail == NULL || detail[0] == '\0') detail = fallback;
  if (pin == NULL || !pin->left) cl_emit_(R, kind, st, 0, by, detail, NULL);
}

#define emit_about(R, kind, st, a, by, pin) \
  do { if (cl_observed(R)) emit_described(R, kind, st, a, by, pin); } while (0)
/* an event about the pending co_await's awaiter */
#define emit_about_awaiter(R, kind, st, pin) \
  emit_about(R, kind, st, (st)->awaiter, made_by(st, cl_await_stage(st)), pin)

static Spill **spill_of(cl_Runtime *R, const cl_FrameState *st) {
  Spill **s = &R->spills;
  while (*s && (*s)->st != st) s = &(*s)->next;
  return s;
}

/* a new temporary of the co_await's full-expression, made at stage: it
   becomes the awaiter; the one before it is kept, if it has a destructor,
   in a spill */
static cl_Error *keep(cl_Runtime *R, cl_FrameState *st, cl_Awaitable a,
                      AwaitStage stage) {
  cl_Awaitable old = st->awaiter;
  AwaitStage old_stage = cl_await_stage(st);
  if (old.ops == a.ops && old.self == a.self) return NULL;   /* returned *this */
  st->awaiter = a;
  cl_set_await(st, cl_await_kind(st), stage);
  if (old.ops == NULL || old.ops->destroy == NULL) return NULL;
  Spill *s = st->spilled ? *spill_of(R, st) : NULL;
  if (s != NULL && s->n == (int)(sizeof s->temps / sizeof *s->temps)) {
    st->awaiter = old;           /* cannot happen: one co_await has three */
    cl_set_await(st, cl_await_kind(st), old_stage);
    if (a.ops->destroy) a.ops->destroy(R, a.self);
    return cl_error_new(R, CL_MISUSE, "co_await: more temporaries than a "
                        "co_await makes (corolab bug)");
  }
  if (s == NULL) {
    if ((s = (Spill *)cl_alloc(R, sizeof *s)) == NULL) {
      st->awaiter = old;                   /* destroyed with the others */
      cl_set_await(st, cl_await_kind(st), old_stage);
      if (a.ops->destroy) a.ops->destroy(R, a.self);
      return R->oom;
    }
    s->st = st;
    s->n = 0;
    s->next = R->spills;
    R->spills = s;
    st->spilled = 1;
  }
  s->stages[s->n] = (unsigned char)old_stage;
  s->temps[s->n++] = old;
  return NULL;
}

static void destroy_temp(cl_Runtime *R, cl_FrameState *st, cl_Awaitable a,
                         AwaitStage stage) {
  if (a.ops->destroy) {
    emit_about(R, CL_EV_AWAITER_DESTROY, st, a, made_by(st, stage), NULL);
    a.ops->destroy(R, a.self);
  }
}

/* the spill of st's temporaries, unlinked (or NULL) */
static Spill *unspill(cl_Runtime *R, cl_FrameState *st) {
  Spill **link, *s;
  if (!st->spilled) return NULL;
  link = spill_of(R, st);
  s = *link;
  *link = s->next;
  st->spilled = 0;
  return s;
}

void cl_await_destroy_temps(cl_Runtime *R, cl_FrameState *st) {
  cl_Awaitable a = st->awaiter;
  if (a.ops == NULL) return;
  st->awaiter.ops = NULL;
  destroy_temp(R, st, a, cl_await_stage(st));
  Spill *s = unspill(R, st);
  if (s != NULL) {
    while (s->n-- > 0) destroy_temp(R, st, s->temps[s->n], s->stages[s->n]);
    cl_free(R, s, sizeof *s);
  }
}

void cl_await_forget_temps(cl_Runtime *R, cl_FrameState *st) {
  st->awaiter.ops = NULL;
  cl_free(R, unspill(R, st), sizeof(Spill));
}

/* an awaitable without ops is nothing C++ could write, but a broken C
   value: an error where it appears, naming who made it, that ends the
   coroutine as a broken body step does (*broken) */
static cl_Error *no_ops(cl_Runtime *R, cl_FrameState *st, const char *who,
                        int *broken) {
  *broken = 1;
  return cl_ill_formed(R, st, "co_await: %s an awaitable whose ops are NULL "
                       "(cl_Awaitable.ops); make one with cl_awaitable(&ops, self)",
                       who);
}

static const char *const operand_of[] = {   /* by AwaitKind */
  "initial_suspend returned", "the operand is", "yield_value returned",
  "final_suspend returned"
};

/* [expr.await]/3: operand -> awaitable (await_transform) -> awaiter; an
   error is raised at the co_await, unless it is *broken (no_ops) */
static cl_Error *get_awaiter(cl_Runtime *R, cl_FrameState *st, cl_Awaitable a,
                             AwaitKind kind, int *broken) {
  const cl_PromiseType *pt = st->co->promise_type;
  cl_Error *e;
  if (a.ops == NULL) return no_ops(R, st, operand_of[kind], broken);
  if ((e = keep(R, st, a, STAGE_OPERAND))) return e;
  if (kind == AWAIT_PLAIN && pt->await_transform) {
    cl_Awaitable t;
    emit_about_awaiter(R, CL_EV_AWAIT_TRANSFORM, st, NULL);
    if ((e = pt->await_transform(R, cl_frame_promise(cl_frame_of_state(st)), a, &t)))
      return e;
    if (t.ops == NULL) return no_ops(R, st, "await_transform returned", broken);
    if ((e = keep(R, st, a = t, STAGE_TRANSFORMED))) return e;
  }
  int member = has(R, a, CL_MEMBER_CO_AWAIT), nonmember = has(R, a, CL_FREE_CO_AWAIT);
  if (member && nonmember)
    return cl_ill_formed(R, st, "co_await: ambiguous overload for 'operator "
                         "co_await' (operand type is '%s'): both a member and a "
                         "non-member are viable [over.match.oper]", name_of(a));
  if (member || nonmember) {
    cl_Awaitable w;
    emit_about_awaiter(R, CL_EV_OPERATOR_CO_AWAIT, st, NULL);
    e = member ? a.ops->member_co_await(R, a.self, &w)
               : a.ops->free_co_await(R, a.self, &w);
    if (e) return e;
    if (w.ops == NULL) return no_ops(R, st, "operator co_await returned", broken);
    if ((e = keep(R, st, a = w, STAGE_CO_AWAITED))) return e;
  }
  for (cl_AwaitMember m = CL_AWAIT_READY; m <= CL_AWAIT_RESUME; m++)
    if (!has(R, a, m))
      return cl_ill_formed(R, st, "co_await: no member named '%s' in '%s'; an "
                           "awaiter needs await_ready, await_suspend and "
                           "await_resume [expr.await]/3.7",
                           await_member_names[m], name_of(a));
  return NULL;
}

/* [expr.await]/5.1: the coroutine is suspended (at its final suspend
   point: done() is now true) */
static void suspend(cl_FrameState *st, AwaitKind kind) {
  cl_set_state(st, kind == AWAIT_INITIAL ? CL_STATE_SUSPENDED_INITIAL
                 : kind == AWAIT_FINAL ? CL_STATE_SUSPENDED_FINAL : CL_STATE_SUSPENDED);
}

/* user code resumed or destroyed the frame while it was suspended here
   (in await_suspend, or in an observer of its events), and then await_suspend
   did something that needs the frame: the error for the resumer */
static cl_Error *left_behind(cl_Runtime *R, unsigned id, int left,
                             const char *what) {
  cl_emit_why(R, CL_EV_MISUSE, NULL, id, CL_CAUSE_LEFT_DURING_AWAIT_SUSPEND, what);
  return cl_error_new(R, CL_MISUSE, "await_suspend: coroutine #%u was %s during "
                      "await_suspend, which then %s; this is undefined "
                      "behaviour in C++ [expr.await]/5",
                      id, left & CL_PIN_DESTROYED ? "destroyed" : "resumed", what);
}

/* await_suspend returned a handle to transfer to, checked as resume()
   checks one: *next, its state (NULL: noop_coroutine()), or the error */
static cl_Error *transfer_target(cl_Runtime *R, cl_Handle h, cl_FrameState **next) {
  if (h.frame == NULL)
    return cl_error_new(R, CL_MISUSE, "await_suspend returned a null "
                        "coroutine_handle; resuming it is undefined behaviour "
                        "in C++ [coroutine.handle.resumption]");
  if (h.frame == &R->noop) *next = NULL;
  else if ((*next = cl_handle_state(R, h)) == NULL)
    return cl_not_a_frame(R, "await_suspend (symmetric transfer)", h);
  return NULL;
}

/* ------------------------------------------------------------ shortcuts -- */

/* An awaitable whose flags say what its members do (corolab.h,
   CL_AWAITER_SUSPEND_ALWAYS), awaited while nothing observes and nothing
   transforms it, is the awaiter, and the driver does what its members
   would, as a compiler does once it has inlined them: a flag of `flags` */
static int shortcut(cl_Runtime *R, const cl_FrameState *st, cl_Awaitable a,
                    AwaitKind kind, unsigned flags) {
  return a.ops != NULL && (a.ops->flags & flags) && !cl_observed(R) &&
         (kind != AWAIT_PLAIN || st->co->promise_type->await_transform == NULL);
}

#define TRIVIAL_AWAITER (CL_AWAITER_SUSPEND_ALWAYS | CL_AWAITER_SUSPEND_NEVER)
#define TRANSFERRING_AWAITER (CL_AWAITER_STARTS_TASK | CL_AWAITER_TO_CONTINUATION)

static cl_TaskPromise *task_promise(cl_Frame *h, const cl_FrameState *st) {
  return st->co->promise_type->flags & CL_PROMISE_TASK
       ? (cl_TaskPromise *)cl_frame_promise(h) : NULL;
}

/* the await_ready and await_suspend of an awaiter that transfers (a task's
   awaiters): 1 if, as they would, st suspends and transfers to *next; 0 if
   that is not what they would do (the task is done, or not suspended, or
   the continuation is gone), and they run */
static int transfers_itself(cl_Runtime *R, cl_FrameState *st, cl_Awaitable a,
                            cl_FrameState **next) {
  if (st->awaiter.ops != NULL || st->spilled) return 0;  /* another's temporaries */
  if (a.ops->flags & CL_AWAITER_STARTS_TASK) {           /* co_await task */
    cl_Frame *t = (cl_Frame *)a.self;
    cl_FrameState *ts = cl_frame_lookup(R, t);
    cl_TaskPromise *p = ts ? task_promise(t, ts) : NULL;
    if (p == NULL ||
        (ts->state != CL_STATE_SUSPENDED_INITIAL && ts->state != CL_STATE_SUSPENDED))
      return 0;
    p->continuation = R->running;             /* st, which runs */
    *next = ts;
    return 1;
  }
  const cl_TaskPromise *p = task_promise(cl_frame_of_state(st), st);  /* final */
  if (p == NULL) return 0;
  if (p->continuation.frame == NULL) {                    /* back to the resumer */
    *next = NULL;
    return 1;
  }
  return (*next = cl_handle_state(R, p->continuation)) != NULL;
}

/* the error is raised at the co_await: its temporaries die first */
static AwaitOutcome thrown_at(cl_Runtime *R, cl_FrameState *st) {
  cl_await_destroy_temps(R, st);
  return AWAIT_THROWS;
}

/* await_suspend gave control back to the coroutine: it threw
   ([expr.await]/5.1.3: raised at the co_await) or returned false (5.1.2:
   resumed), unless user code resumed or destroyed it meanwhile (left) */
static AwaitOutcome resumed_at_once(cl_Runtime *R, cl_FrameState *st,
                                    unsigned id, int left, cl_Error **error) {
  if (left) {
    const char *what = *error ? "threw" : "returned false";
    cl_error_free(R, *error);
    *error = left_behind(R, id, left, what);
    return AWAIT_BROKEN;
  }
  cl_set_state(st, CL_STATE_RUNNING);
  if (*error) return thrown_at(R, st);
  cl_emit_cause(R, CL_EV_RESUME, st, id, CL_CAUSE_RETURNED_FALSE);
  return AWAIT_RESUMES;
}

/* await_suspend(h) of the suspended coroutine, and where control goes
   then. From the suspension on, user code (observers of its events, and
   await_suspend) may resume or destroy it: the pin tells */
static AwaitOutcome await_suspend(cl_Runtime *R, cl_FrameState *st, cl_Awaitable w,
                                  cl_FrameState **next, cl_Error **error) {
  unsigned id = st->id;
  cl_SuspendResult res = {CL_SUSPEND_VOID, 0, {NULL, 0, 0}};
  cl_EventCause back = CL_CAUSE_RETURNED_VOID;       /* to the resumer */
  cl_Pin pin;
  cl_pin(R, &pin, st);
  emit_about_awaiter(R, CL_EV_SUSPEND, st, &pin);
  if (!pin.left) emit_about_awaiter(R, CL_EV_AWAIT_SUSPEND, st, &pin);
  int called = !pin.left;
  if (called) *error = w.ops->await_suspend(R, w.self, cl_handle_of(st), &res);
  int left = pin.left;
  cl_unpin(R, &pin, st);
  if (!called)                         /* user code resumed or destroyed it */
    back = left & CL_PIN_DESTROYED ? CL_CAUSE_DESTROYED_BEFORE_AWAIT_SUSPEND
                                   : CL_CAUSE_RESUMED_BEFORE_AWAIT_SUSPEND;
  else if (*error || (res.kind == CL_SUSPEND_BOOL && !res.value))
    return resumed_at_once(R, st, id, left, error);
  else if (res.kind == CL_SUSPEND_BOOL)
    back = CL_CAUSE_RETURNED_TRUE;
  else if (res.kind == CL_SUSPEND_HANDLE) {
    if ((*error = transfer_target(R, res.handle, next))) return AWAIT_BROKEN;
    return AWAIT_TRANSFERS;
  } else if (res.kind != CL_SUSPEND_VOID) {
    *error = cl_error_new(R, CL_MISUSE, "await_suspend of '%s' set an unknown "
                          "result kind %d; it must be CL_SUSPEND_VOID, _BOOL or "
                          "_HANDLE", name_of(w), (int)res.kind);
    return AWAIT_BROKEN;
  }
  cl_emit_cause(R, CL_EV_RETURN_TO_CALLER, NULL, id, back);
  return AWAIT_SUSPENDED;
}

AwaitOutcome cl_await(cl_Runtime *R, cl_FrameState *st, cl_Awaitable operand,
                      AwaitKind kind, void *result, cl_FrameState **next,
                      cl_Error **error) {
  cl_set_await(st, kind, STAGE_OPERAND);
  st->await_result = result;
  if (shortcut(R, st, operand, kind, TRIVIAL_AWAITER)) {
    st->awaiter = operand;
    if (operand.ops->flags & CL_AWAITER_SUSPEND_NEVER) return AWAIT_RESUMES;
    suspend(st, kind);
    return AWAIT_SUSPENDED;
  }
  if (shortcut(R, st, operand, kind, TRANSFERRING_AWAITER) &&
      transfers_itself(R, st, operand, next)) {
    st->awaiter = operand;
    suspend(st, kind);
    return AWAIT_TRANSFERS;
  }
  int broken = 0;
  if ((*error = get_awaiter(R, st, operand, kind, &broken))) {
    thrown_at(R, st);
    return broken ? AWAIT_ILL_FORMED : AWAIT_THROWS;
  }
  cl_Awaitable w = st->awaiter;
  int ready = 0;
  emit_about_awaiter(R, CL_EV_AWAIT_READY, st, NULL);
  R->ready_calls++;
  if ((*error = w.ops->await_ready(R, w.self, &ready))) return thrown_at(R, st);
  if (ready) return AWAIT_RESUMES;
  suspend(st, kind);
  return await_suspend(R, st, w, next, error);
}

cl_Error *cl_await_resume(cl_Runtime *R, cl_FrameState *st) {
  cl_Awaitable w = st->awaiter;
  if (cl_await_kind(st) == AWAIT_INITIAL) st->initial_await_resume_called = 1;
  if (shortcut(R, st, w, AWAIT_INITIAL, TRIVIAL_AWAITER) && !st->spilled) {
    st->awaiter.ops = NULL;    /* await_resume gives nothing; no other temporary */
    return NULL;
  }
  emit_about_awaiter(R, CL_EV_AWAIT_RESUME, st, NULL);
  cl_Error *e = w.ops->await_resume(R, w.self, st->await_result);
  cl_await_destroy_temps(R, st);
  return e;
}
