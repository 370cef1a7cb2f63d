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
  cl_emit(R, CL_EV_MISUSE, st, 0, msg);
  return cl_error_new(R, CL_MISUSE, "%s", msg);
}

static const char *name_of(cl_Awaitable a) {
  return a.ops->name ? a.ops->name : "awaiter";
}

/* an event about awaiter a, which describes itself if it can; out of line,
   so that the hot paths carry no buffer */
static void emit_described(cl_Runtime *R, cl_EventKind kind,
                           const cl_FrameState *st, cl_Awaitable a) {
  char buf[96];
  const char *detail = name_of(a);
  if (a.ops->describe) {
    a.ops->describe(R, a.self, buf, sizeof buf);
    detail = buf;
  }
  cl_emit_(R, kind, st, 0, detail);
}

#define emit_about(R, kind, st, a) \
  do { if (cl_observed(R)) emit_described(R, kind, st, a); } while (0)

static Spill **spill_of(cl_Runtime *R, const cl_FrameState *st) {
  Spill **s = &R->spills;
  while (*s && (*s)->st != st) s = &(*s)->next;
  return s;
}

/* a new temporary of the co_await's full-expression: it becomes the
   awaiter; the one before it is kept, if it has a destructor, in a spill */
static cl_Error *keep(cl_Runtime *R, cl_FrameState *st, cl_Awaitable a) {
  cl_Awaitable old = st->awaiter;
  st->awaiter = a;
  if (old.ops == NULL || old.ops->destroy == NULL ||
      (old.ops == a.ops && old.self == a.self))            /* returned *this */
    return NULL;
  Spill *s = st->spilled ? *spill_of(R, st) : NULL;
  if (s == NULL) {
    if ((s = (Spill *)cl_alloc(R, sizeof *s)) == NULL) {
      st->awaiter = old;                   /* destroyed with the others */
      if (a.ops->destroy) a.ops->destroy(R, a.self);
      return R->oom;
    }
    s->st = st;
    s->n = 0;
    s->next = R->spills;
    R->spills = s;
    st->spilled = 1;
  }
  s->temps[s->n++] = old;
  return NULL;
}

static void destroy_temp(cl_Runtime *R, cl_FrameState *st, cl_Awaitable a) {
  if (a.ops->destroy) {
    cl_emit(R, CL_EV_AWAITER_DESTROY, st, 0, name_of(a));
    a.ops->destroy(R, a.self);
  }
}

void cl_await_destroy_temps(cl_Runtime *R, cl_FrameState *st) {
  cl_Awaitable a = st->awaiter;
  if (a.ops == NULL) return;
  st->awaiter.ops = NULL;
  destroy_temp(R, st, a);
  if (st->spilled) {
    Spill **link = spill_of(R, st), *s = *link;
    *link = s->next;
    st->spilled = 0;
    while (s->n > 0) destroy_temp(R, st, s->temps[--s->n]);
    cl_free(R, s, sizeof *s);
  }
}

/* [expr.await]/3: operand -> awaitable (await_transform) -> awaiter */
static cl_Error *get_awaiter(cl_Runtime *R, cl_FrameState *st, cl_Awaitable a,
                             AwaitKind kind) {
  const cl_PromiseType *pt = st->co->promise_type;
  cl_Error *e;
  if ((e = keep(R, st, a))) return e;
  if (kind == AWAIT_PLAIN && pt->await_transform) {
    cl_Awaitable t;
    cl_emit(R, CL_EV_AWAIT_TRANSFORM, st, 0, name_of(a));
    if ((e = pt->await_transform(R, cl_frame_promise(cl_frame_of_state(st)), a, &t)))
      return e;
    if ((e = keep(R, st, a = t))) return e;
  }
  int member = has(R, a, CL_MEMBER_CO_AWAIT), nonmember = has(R, a, CL_FREE_CO_AWAIT);
  if (member && nonmember)
    return cl_ill_formed(R, st, "co_await: ambiguous overload for 'operator "
                         "co_await' (operand type is '%s'): both a member and a "
                         "non-member are viable [over.match.oper]", name_of(a));
  if (member || nonmember) {
    cl_Awaitable w;
    cl_emit(R, CL_EV_OPERATOR_CO_AWAIT, st, 0, name_of(a));
    e = member ? a.ops->member_co_await(R, a.self, &w)
               : a.ops->free_co_await(R, a.self, &w);
    if (e) return e;
    if ((e = keep(R, st, a = w))) return e;
  }
  for (cl_AwaitMember m = CL_AWAIT_READY; m <= CL_AWAIT_RESUME; m++)
    if (!has(R, a, m))
      return cl_ill_formed(R, st, "co_await: no member named '%s' in '%s'; an "
                           "awaiter needs await_ready, await_suspend and "
                           "await_resume [expr.await]/3.7",
                           await_member_names[m], name_of(a));
  return NULL;
}

static cl_State suspended_state(AwaitKind kind) {
  return kind == AWAIT_INITIAL ? CL_STATE_SUSPENDED_INITIAL
       : kind == AWAIT_FINAL ? CL_STATE_SUSPENDED_FINAL : CL_STATE_SUSPENDED;
}

/* after await_suspend returned, the frame may be gone or resumed: check */
static cl_Error *still_ours(cl_Runtime *R, cl_Frame *h, cl_FrameState *st,
                            unsigned id, AwaitKind kind, const char *what) {
  cl_FrameState *now = cl_frame_lookup(R, h);
  if (now == st && st->id == id && st->state == suspended_state(kind)) return NULL;
  cl_emit(R, CL_EV_MISUSE, now, 0, what);
  return cl_error_new(R, CL_MISUSE, "await_suspend: coroutine #%u was %s during "
                      "await_suspend, which then %s; this is undefined behaviour "
                      "in C++ [expr.await]/5", id, now ? "resumed" : "destroyed",
                      what);
}

/* suspend_always and suspend_never, when nothing observes and nothing
   transforms them: their members are constants, as a compiler sees them
   after inlining, so the driver need not call them */
static int plain_standard(cl_Runtime *R, const cl_FrameState *st,
                          cl_Awaitable a, AwaitKind kind) {
  return (a.ops == &cl_suspend_always_ops || a.ops == &cl_suspend_never_ops) &&
         !cl_observed(R) &&
         (kind != AWAIT_PLAIN || st->co->promise_type->await_transform == NULL);
}

AwaitOutcome cl_await(cl_Runtime *R, cl_FrameState *st, cl_Awaitable operand,
                      AwaitKind kind, void *result, cl_Frame **next,
                      cl_Error **error) {
  cl_Frame *h = cl_frame_of_state(st);
  st->await_kind = (unsigned char)kind;
  st->await_result = result;
  if (plain_standard(R, st, operand, kind)) {
    st->awaiter = operand;
    if (operand.ops == &cl_suspend_never_ops) return AWAIT_RESUMES;
    st->state = (unsigned char)suspended_state(kind);
    if (kind == AWAIT_FINAL) h->resume_fn = NULL;
    return AWAIT_SUSPENDED;
  }
  if ((*error = get_awaiter(R, st, operand, kind))) goto throws;
  cl_Awaitable w = st->awaiter;
  int ready = 0;
  emit_about(R, CL_EV_AWAIT_READY, st, w);
  if ((*error = w.ops->await_ready(R, w.self, &ready))) goto throws;
  if (ready) return AWAIT_RESUMES;
  /* [expr.await]/5.1: the coroutine is suspended, then await_suspend runs */
  unsigned id = st->id;
  st->state = (unsigned char)suspended_state(kind);
  if (kind == AWAIT_FINAL) h->resume_fn = NULL;        /* done() is now true */
  cl_emit(R, CL_EV_SUSPEND, st, 0, name_of(w));
  emit_about(R, CL_EV_AWAIT_SUSPEND, st, w);
  cl_SuspendResult res = {CL_SUSPEND_VOID, 0, NULL};
  if ((*error = w.ops->await_suspend(R, w.self, h, &res))) {
    /* [expr.await]/5.1.3: resumed, and the exception is raised at co_await */
    cl_Error *gone = still_ours(R, h, st, id, kind, "threw");
    if (gone) { cl_error_free(R, *error); *error = gone; return AWAIT_BROKEN; }
    st->state = CL_STATE_RUNNING;
    if (kind == AWAIT_FINAL) h->resume_fn = st->co->step;
    goto throws;
  }
  switch (res.kind) {
    case CL_SUSPEND_BOOL:
      if (res.value) break;
      if ((*error = still_ours(R, h, st, id, kind, "returned false")))
        return AWAIT_BROKEN;
      st->state = CL_STATE_RUNNING;
      if (kind == AWAIT_FINAL) h->resume_fn = st->co->step;
      cl_emit(R, CL_EV_RESUME, st, st->id, "await_suspend returned false");
      return AWAIT_RESUMES;
    case CL_SUSPEND_HANDLE:
      *next = res.handle;
      return AWAIT_TRANSFERS;
    case CL_SUSPEND_VOID:
      break;
  }
  cl_emit(R, CL_EV_RETURN_TO_CALLER, NULL, id,
          res.kind == CL_SUSPEND_VOID ? "await_suspend returned void"
                                      : "await_suspend returned true");
  return AWAIT_SUSPENDED;
throws:
  cl_await_destroy_temps(R, st);
  return AWAIT_THROWS;
}

cl_Error *cl_await_resume(cl_Runtime *R, cl_FrameState *st) {
  cl_Awaitable w = st->awaiter;
  if (st->await_kind == AWAIT_INITIAL) st->initial_await_resume_called = 1;
  if (plain_standard(R, st, w, AWAIT_INITIAL)) {
    st->awaiter.ops = NULL;
    return NULL;
  }
  emit_about(R, CL_EV_AWAIT_RESUME, st, w);
  cl_Error *e = w.ops->await_resume(R, w.self, st->await_result);
  cl_await_destroy_temps(R, st);
  return e;
}
