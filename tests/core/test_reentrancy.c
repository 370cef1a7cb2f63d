/*
** test_reentrancy.c — user code that calls back into the runtime at
** awkward moments (observers, destructors, await_suspend, bodies), handles
** that outlived their frames, nesting, and the C API's own checks: each a
** named error or what C++ allows, never a crash (issue 8).
*/
#include <stdio.h>
#include <string.h>

#include "helpers.h"

/* an observer that runs act(R, event) for events of one kind */
typedef struct OnEvent {
  cl_EventKind kind;
  void (*act)(cl_Runtime *R, const cl_Event *ev, struct OnEvent *on);
  cl_Handle target;            /* what act works on */
  cl_Error *seen;              /* what act got back */
  const char *detail;          /* the detail of the last such event */
  char copy[128];
} OnEvent;

static void on_event(cl_Runtime *R, const cl_Event *ev, void *ud) {
  OnEvent *on = (OnEvent *)ud;
  if (ev->kind != on->kind) return;
  snprintf(on->copy, sizeof on->copy, "%s", ev->detail);
  on->detail = on->copy;
  if (on->act) on->act(R, ev, on);
}

static void destroy_target(cl_Runtime *R, const cl_Event *ev, OnEvent *on) {
  if (ev->handle.frame == on->target.frame && on->target.frame) {
    destroy_ok(R, on->target);
    on->target.frame = NULL;
  }
}

static void promise_of_target(cl_Runtime *R, const cl_Event *ev, OnEvent *on) {
  void *p;
  (void)ev;
  if (on->seen == NULL) on->seen = cl_promise(R, on->target, &cl_generator_type, &p);
}

/* an observer destroys the frame at its suspend event: the coroutine was
   suspended, so that is allowed; await_suspend is then never called */
static void test_observer_destroys_at_suspend(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter aw = rec_awaiter("aw", 0);
  Op body[] = {AWAIT(&aw), NOTE("never"), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(R, &co);
  OnEvent suspend = {CL_EV_SUSPEND, destroy_target, h, NULL, NULL, ""};
  OnEvent back = {CL_EV_RETURN_TO_CALLER, NULL, {NULL, 0, 0}, NULL, NULL, ""};
  int a = cl_observe(R, on_event, &suspend), b = cl_observe(R, on_event, &back);
  fx->log.n = 0;
  resume_ok(R, h);
  cl_unobserve(R, a);
  cl_unobserve(R, b);
  assert_log(&fx->log, INITIAL_RESUMED, "aw.await_ready", "~aw", "~promise",
             "~params", "operator delete");
  assert_string_equal(back.detail, "destroyed before await_suspend was called");
  assert_int_equal(cl_frames(R, NULL, 0), 0);
}

static void resume_target(cl_Runtime *R, const cl_Event *ev, OnEvent *on) {
  if (ev->handle.frame == on->target.frame && on->target.frame) {
    on->target.frame = NULL;
    resume_ok(R, ev->handle);
  }
}

/* ... or resumes it there: the resume tells the suspension it left (its
   pin), and await_suspend is never called on a coroutine that went on */
static void test_observer_resumes_at_suspend(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter aw = rec_awaiter("aw", 0);
  Op body[] = {AWAIT(&aw), NOTE("after"), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(R, &co);
  OnEvent suspend = {CL_EV_SUSPEND, resume_target, h, NULL, NULL, ""};
  OnEvent back = {CL_EV_RETURN_TO_CALLER, NULL, {NULL, 0, 0}, NULL, NULL, ""};
  int a = cl_observe(R, on_event, &suspend), b = cl_observe(R, on_event, &back);
  fx->log.n = 0;
  resume_ok(R, h);
  cl_unobserve(R, a);
  cl_unobserve(R, b);
  assert_log(&fx->log, INITIAL_RESUMED, "aw.await_ready", "aw.await_resume",
             "~aw", "after", "return_void", "final_suspend", "final.await_ready",
             "final.await_suspend");
  assert_string_equal(back.detail, "resumed before await_suspend was called");
  assert_int_equal(done_of(R, h), 1);
  destroy_ok(R, h);
}

/* [class.cdtor]: at operator delete the promise is gone */
static void test_promise_after_its_destructor(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  long long n = 1;
  cl_Handle h = start_with(R, &range_generator, &n);
  OnEvent del = {CL_EV_OPERATOR_DELETE, promise_of_target, h, NULL, NULL, ""};
  int id = cl_observe(R, on_event, &del);
  destroy_ok(R, h);
  cl_unobserve(R, id);
  assert_error(R, del.seen, CL_MISUSE, "the promise of coroutine #1 'range' "
               "(generator) was already destroyed; using it is undefined "
               "behaviour in C++ [class.cdtor]");
}

/* the promise's destructor destroys its own frame: refused, once */
static Fixture *self_destroying;
static void destroy_self(cl_Runtime *R, void *p) {
  cl_Handle h;
  assert_ok(cl_from_promise(R, p, NULL, &h));
  self_destroying->throw_at = NULL;
  assert_error(R, cl_destroy(R, h), CL_MISUSE, "is already being destroyed");
  note(R, "~promise");
}

static void test_destroy_while_being_destroyed(void **state) {
  Fixture *fx = self_destroying = *state;
  cl_PromiseType pt = rec_promise;
  Op body[] = {END};
  pt.destroy = destroy_self;
  cl_Coroutine co = script_coroutine("coro", &pt, body);
  cl_Handle h = start(fx->R, &co);
  fx->log.n = 0;
  destroy_ok(fx->R, h);
  assert_log(&fx->log, "~init", "~promise", "~params", "operator delete");
}

/* ------------------------------- the state an observer finds a frame in -- */

/* An observer that, at the nth event of its kind about its frame, looks at
   the frame's state and, if it is the state the event promises, tries to
   resume and to destroy the frame. In any other state the tries would run
   or free a frame that the driver is about to use: the test then fails on
   the state, instead of crashing */
typedef struct Meddler {
  cl_EventKind kind;
  cl_Handle frame;
  int nth;                     /* counts down to the event acted on */
  cl_State promised;
  const char *found;           /* cl_state_name of the state found */
  char resumed[256], destroyed[256];   /* what resume() and destroy() said */
} Meddler;

static void keep_message(cl_Runtime *R, cl_Error *e, char *buf, size_t n) {
  snprintf(buf, n, "%s", e ? cl_error_message(e) : "(no error)");
  cl_error_free(R, e);
}

static void meddle(cl_Runtime *R, const cl_Event *ev, void *ud) {
  Meddler *m = (Meddler *)ud;
  cl_FrameInfo info;
  if (ev->kind != m->kind || ev->handle.frame != m->frame.frame || --m->nth != 0)
    return;
  m->found = cl_frame_info(R, m->frame, &info) ? cl_state_name(info.state) : "gone";
  if (strcmp(m->found, cl_state_name(m->promised)) != 0) return;
  keep_message(R, cl_resume(R, m->frame), m->resumed, sizeof m->resumed);
  keep_message(R, cl_destroy(R, m->frame), m->destroyed, sizeof m->destroyed);
}

static Meddler meddler(cl_EventKind kind, cl_Handle frame, int nth,
                       cl_State promised) {
  Meddler m;
  memset(&m, 0, sizeof m);
  m.kind = kind;
  m.frame = frame;
  m.nth = nth;
  m.promised = promised;
  m.found = "(no such event)";
  return m;
}

/* the rule, said when the observer found another state */
static void found_as_promised(const Meddler *m, const char *rule) {
  if (strcmp(m->found, cl_state_name(m->promised)) == 0) return;
  print_error("%s: at its '%s' event the frame must be %s, it was %s\n",
              rule, cl_event_names[m->kind], cl_state_name(m->promised), m->found);
  fail();
}

#define RUNNING_FIRST "a frame is running before any event announces its " \
  "resumption, so that an observer can neither resume nor destroy it " \
  "(corolab.h, re-entrancy)"

/* found running: resume() and destroy() of a running coroutine are
   refused, and the body runs once */
static void meddled_while_running(const Meddler *m, const char *name) {
  char want[256];
  found_as_promised(m, RUNNING_FIRST);
  snprintf(want, sizeof want, "resume(): %s is not suspended; resuming a "
           "running coroutine is undefined behaviour in C++ "
           "[coroutine.handle.resumption]", name);
  assert_string_equal(m->resumed, want);
  snprintf(want, sizeof want, "destroy(): %s is running; destroying a "
           "coroutine that is not suspended is undefined behaviour in C++ "
           "[coroutine.handle.destroy]", name);
  assert_string_equal(m->destroyed, want);
}

/* [coroutine.handle.resumption]: at the resume event of resume() */
static void test_running_at_its_resume_event(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Op body[] = {NOTE("body"), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(R, &co);
  Meddler m = meddler(CL_EV_RESUME, h, 1, CL_STATE_RUNNING);
  int id = cl_observe(R, meddle, &m);
  fx->log.n = 0;
  resume_ok(R, h);
  cl_unobserve(R, id);
  meddled_while_running(&m, "coroutine #1 'coro' (rec_promise)");
  assert_log(&fx->log, INITIAL_RESUMED, "body", "return_void", FINAL_SUSPENDED);
  destroy_ok(R, h);
}

/* [expr.await]/5.1.3: at the symmetric transfer and resume events of the
   coroutine that await_suspend transferred to */
static void test_running_at_its_transfer_events(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter aw = rec_awaiter("aw", 0);
  Op a_body[] = {AWAIT(&aw), END}, b_body[] = {NOTE("B body"), END};
  cl_Coroutine a_co = script_coroutine("A", &rec_promise, a_body);
  cl_Coroutine b_co = script_coroutine("B", &rec_promise, b_body);
  cl_Handle a = start(R, &a_co), b = start(R, &b_co);
  aw.suspend.kind = CL_SUSPEND_HANDLE;
  aw.suspend.handle = b;
  Meddler transfer = meddler(CL_EV_SYMMETRIC_TRANSFER, b, 1, CL_STATE_RUNNING);
  Meddler resume = meddler(CL_EV_RESUME, b, 1, CL_STATE_RUNNING);
  int t = cl_observe(R, meddle, &transfer), r = cl_observe(R, meddle, &resume);
  fx->log.n = 0;
  resume_ok(R, a);
  cl_unobserve(R, t);
  cl_unobserve(R, r);
  meddled_while_running(&transfer, "coroutine #2 'B' (rec_promise)");
  meddled_while_running(&resume, "coroutine #2 'B' (rec_promise)");
  assert_log(&fx->log, INITIAL_RESUMED, "aw.await_ready", "aw.await_suspend",
             INITIAL_RESUMED, "B body", "return_void", FINAL_SUSPENDED);
  destroy_ok(R, a);
  destroy_ok(R, b);
}

/* [expr.await]/5.1.2: at the resume event of await_suspend returning
   false (the coroutine's second resume event) */
static void test_running_when_await_suspend_returns_false(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter aw = rec_awaiter("aw", 0);
  Op body[] = {AWAIT(&aw), NOTE("after"), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(R, &co);
  aw.suspend.kind = CL_SUSPEND_BOOL;
  aw.suspend.value = 0;
  Meddler m = meddler(CL_EV_RESUME, h, 2, CL_STATE_RUNNING);
  int id = cl_observe(R, meddle, &m);
  fx->log.n = 0;
  resume_ok(R, h);
  cl_unobserve(R, id);
  meddled_while_running(&m, "coroutine #1 'coro' (rec_promise)");
  assert_log(&fx->log, INITIAL_RESUMED, "aw.await_ready", "aw.await_suspend",
             "aw.await_resume", "~aw", "after", "return_void", FINAL_SUSPENDED);
  destroy_ok(R, h);
}

/* [coroutine.handle.destroy]: at the destroy event the frame is being
   destroyed: destroying it again and resuming it are refused, and the
   teardown runs once */
static void test_being_destroyed_at_its_destroy_event(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Op body[] = {LOCAL("local"), YIELD(1), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(R, &co);
  Meddler m = meddler(CL_EV_DESTROY, h, 1, CL_STATE_DESTROYING);
  resume_ok(R, h);
  int id = cl_observe(R, meddle, &m);
  fx->log.n = 0;
  destroy_ok(R, h);
  cl_unobserve(R, id);
  found_as_promised(&m, "a frame is being destroyed before its destroy event "
                    "announces it, so that an observer can neither resume nor "
                    "destroy it (corolab.h, re-entrancy)");
  assert_string_equal(m.resumed, "resume(): coroutine #1 'coro' (rec_promise) "
                      "is being destroyed; resuming it is undefined behaviour "
                      "in C++ [coroutine.handle.resumption]");
  assert_string_equal(m.destroyed, "destroy(): coroutine #1 'coro' (rec_promise) "
                      "is already being destroyed; destroying a coroutine that "
                      "is not suspended is undefined behaviour in C++ "
                      "[coroutine.handle.destroy]");
  assert_log(&fx->log, "~yield", "~local", STATE_DESTROYED);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
}

/* -------------------------------------- handles that outlived their frame -- */

/* the runtime hands a freed frame block out again, last freed first: a
   handle, which carries its frame's id, tells the new frame from the old */
static void test_frame_blocks_are_reused(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  long long n = 1;
  cl_Handle a = start_with(R, &range_generator, &n);
  destroy_ok(R, a);
  cl_Handle b = start_with(R, &range_generator, &n);
  assert_ptr_equal(b.frame, a.frame);
  assert_ok(cl_check_handle(R, "op", b));
  assert_error(R, cl_check_handle(R, "resume()", a), CL_MISUSE,
               "resume(): coroutine #1 'range' was already destroyed (coroutine "
               "#2 now lives at its address); using its handle is undefined "
               "behaviour in C++ [coroutine.handle]");
  destroy_ok(R, b);
  void *x = cl_frame_alloc(R, 96), *y = cl_frame_alloc(R, 160);
  cl_frame_free(R, x, 96);
  cl_frame_free(R, y, 160);
  assert_ptr_equal(cl_frame_alloc(R, 96), x);         /* by size */
  assert_ptr_equal(cl_frame_alloc(R, 160), y);
  cl_frame_free(R, y, 160);
  cl_frame_free(R, x, 96);                            /* kept until close */
}

/* [coroutine.handle.resumption]: await_suspend hands back a handle whose
   frame died and whose address a new frame took */
static void test_transfer_to_a_stale_handle(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  long long n = 1;
  cl_Handle victim = start_with(R, &range_generator, &n);
  RecAwaiter aw = rec_awaiter("aw", 0);
  aw.suspend.kind = CL_SUSPEND_HANDLE;
  aw.suspend.handle = victim;
  destroy_ok(R, victim);
  cl_Handle newer = start_with(R, &range_generator, &n);
  assert_ptr_equal(newer.frame, victim.frame);
  Op body[] = {AWAIT(&aw), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(R, &co);
  assert_error(R, cl_resume(R, h), CL_MISUSE, "await_suspend (symmetric "
               "transfer): coroutine #1 'range' was already destroyed (coroutine "
               "#2 now lives at its address)");
  cl_FrameInfo info;
  assert_true(cl_frame_info(R, newer, &info));
  assert_int_equal(info.state, CL_STATE_SUSPENDED_INITIAL);  /* untouched */
  assert_true(cl_frame_info(R, h, &info));
  assert_int_equal(info.state, CL_STATE_SUSPENDED);          /* still waiting */
  destroy_ok(R, h);
  destroy_ok(R, newer);
}

/* the task's continuation died while the task ran, and a new frame took its
   address: the task's final transfer refuses it */
typedef struct Orphan { cl_Handle parent, child, newer; cl_Value v; } Orphan;

static const cl_Coroutine parent_task;

static void child_step(cl_Step *s) {       /* destroy the awaiting parent */
  Orphan *o = *(Orphan **)s->locals;
  CL_BEGIN(s);
  destroy_ok(s->R, o->parent);
  o->newer = start_with(s->R, &parent_task, o);   /* takes its block */
  o->v.i = 7;
  CL_RETURN(s, &o->v);
  CL_END(s);
}

static cl_Error *orphan_init(cl_Runtime *R, cl_Handle h, void *locals, void *args) {
  (void)R; (void)h;
  *(Orphan **)locals = (Orphan *)args;
  return NULL;
}

static const cl_Coroutine child_task = {
  .name = "child", .promise_type = &cl_task_type,
  .locals_size = sizeof(Orphan *), .init = orphan_init, .step = child_step,
  .source = __FILE__
};

static void parent_step(cl_Step *s) {      /* co_await child(); */
  Orphan *o = *(Orphan **)s->locals;
  CL_BEGIN(s);
  CL_AWAIT(s, &o->v, cl_task_awaitable(s->R, o->child));
  CL_END(s);
}

static const cl_Coroutine parent_task = {
  .name = "parent", .promise_type = &cl_task_type,
  .locals_size = sizeof(Orphan *), .init = orphan_init, .step = parent_step,
  .source = __FILE__
};

static void test_task_continuation_died(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  Orphan o;
  memset(&o, 0, sizeof o);
  assert_ok(cl_call(R, &child_task, &o, &o.child));
  assert_ok(cl_call(R, &parent_task, &o, &o.parent));
  cl_Handle parent = o.parent;
  assert_error(R, cl_resume(R, o.parent), CL_MISUSE, "coroutine #2 'parent' was "
               "already destroyed (coroutine #3 now lives at its address)");
  assert_ptr_equal(o.newer.frame, parent.frame);
  destroy_ok(R, o.newer);
  destroy_ok(R, o.child);                   /* done, at its final point */
  assert_int_equal(cl_frames(R, NULL, 0), 0);
}

/* ---------------------------------------------------- misuse from C -- */

/* cl_task_awaitable of a frame that is no task: an error at the co_await,
   nothing written into that frame's promise, and the frame not destroyed
   by the awaitable that never owned it */
static void test_task_awaitable_of_another_type(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  long long n = 1;
  cl_Handle gen = start_with(R, &range_generator, &n);
  cl_GeneratorPromise before, *p;
  assert_ok(cl_promise(R, gen, &cl_generator_type, (void **)&p));
  before = *p;
  cl_Awaitable w = cl_task_awaitable(R, gen);
  cl_Handle h = start_with(R, &one_await, &w);
  fx->rethrow = 1;
  assert_error(R, cl_resume(R, h), CL_MISUSE, "co_await task: coroutine #1 "
               "'range' (generator) is not a task; cl_task_awaitable takes the "
               "frame of a task (cl_task_type)");
  assert_memory_equal(p, &before, sizeof before);
  assert_int_equal(cl_frames(R, NULL, 0), 2);
  destroy_ok(R, h);
  destroy_ok(R, gen);
}

/* from_promise of addresses that cannot be a promise (no frame below +16) */
static void test_from_promise_of_low_addresses(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Handle h = {0};
  for (uintptr_t a = 0; a <= 32; a += 8)
    assert_error(R, cl_from_promise(R, (void *)a, NULL, &h), CL_MISUSE,
                 "is not the promise of a live coroutine");
  assert_null(h.frame);
}

static cl_Error *suspend_nonsense(cl_Runtime *R, void *self, cl_Handle h,
                                  cl_SuspendResult *res) {
  (void)R; (void)self; (void)h;
  res->kind = (cl_SuspendKind)42;
  return NULL;
}

/* an await_suspend that fills in no known result kind */
static void test_unknown_suspend_result(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter aw = rec_awaiter("aw", 0);
  cl_AwaitableOps ops = rec_awaiter_ops;
  ops.await_suspend = suspend_nonsense;
  cl_Awaitable w = {&ops, &aw};
  cl_Handle h = start_with(R, &one_await, &w);
  assert_error(R, cl_resume(R, h), CL_MISUSE, "await_suspend of 'rec_awaiter' "
               "set an unknown result kind 42");
  destroy_ok(R, h);
}

static void misuse_step(cl_Step *s) {
  CL_BEGIN(s);
  s->request = CL_REQ_MISUSE;
  s->error = cl_error_new(s->R, CL_MISUSE, "this body cannot go on [rule]");
  return;
  CL_END(s);
}

/* CL_REQ_MISUSE: to the resumer, never to unhandled_exception; done */
static void test_body_that_cannot_go_on(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Coroutine co = script_coroutine("coro", &rec_promise, NULL);
  co.step = misuse_step;
  cl_Handle h = start(R, &co);
  fx->log.n = 0;
  assert_error(R, cl_resume(R, h), CL_MISUSE, "this body cannot go on [rule]");
  assert_log(&fx->log, INITIAL_RESUMED);
  assert_int_equal(done_of(R, h), 1);
  destroy_ok(R, h);
}

/* ------------------------------------------------------------ nesting -- */

/* each level calls the next eagerly, inside its body */
typedef struct Deep { int n; cl_Handle inner; cl_Error *failed; } Deep;

static const cl_Coroutine deep;

static void deep_step(cl_Step *s) {
  Deep *d = (Deep *)s->locals;
  int next = d->n - 1;
  CL_BEGIN(s);
  if (d->n > 0 && (d->failed = cl_call(s->R, &deep, &next, &d->inner)) == NULL)
    d->failed = cl_destroy(s->R, d->inner);
  if (d->failed) CL_RAISE(s, d->failed);
  CL_END(s);
}

static cl_Error *eager_start(cl_Runtime *R, void *p, cl_Awaitable *out) {
  (void)R; (void)p;
  *out = cl_suspend_never();
  return NULL;
}

static cl_Error *eager_rethrow(cl_Runtime *R, void *p, cl_Error *e) {
  (void)R; (void)p;
  return e;
}

static cl_Error *eager_return_void(cl_Runtime *R, void *p) {
  (void)R; (void)p;
  return NULL;
}

static cl_PromiseType eager_type(void) {
  cl_PromiseType pt = cl_generator_type;
  pt.name = "eager";
  pt.initial_suspend = eager_start;
  pt.unhandled_exception = eager_rethrow;
  pt.return_void = eager_return_void;
  pt.await_transform = NULL;
  return pt;
}

static cl_PromiseType deep_type;
static const cl_Coroutine deep = {
  .name = "deep", .promise_type = &deep_type, .locals_size = sizeof(Deep),
  .args_size = sizeof(int), .step = deep_step, .source = __FILE__
};

/* a small limit, and what passing it says (the limit is in the message) */
#define LIMIT 10
#define TOO_DEEP(op) op ": nesting limit reached: 10 resumes, coroutine " \
  "calls and destroys are already running one inside another, each on the " \
  "C stack (corolab stops here instead of overflowing it); a symmetric " \
  "transfer does not nest: return the next coroutine's handle from " \
  "await_suspend instead of resuming it there"

/* [implimits]: nested calls stop at the runtime's limit with a named error;
   the runtime stays usable and nothing is left alive. deep(n) nests n + 1
   calls: up to the limit they run, one more is refused */
static void test_nesting_limit(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Handle h = {0};
  int n = 100;
  deep_type = eager_type();
  assert_ok(cl_call(R, &deep, &n, &h));
  destroy_ok(R, h);
  n = CL_NESTING_LIMIT + 10;
  assert_error(R, cl_call(R, &deep, &n, &h), CL_MISUSE, "call: nesting limit "
               "reached: 150 resumes, coroutine calls and destroys are already "
               "running one inside another");
  assert_int_equal(cl_frames(R, NULL, 0), 0);
  cl_set_nesting_limit(R, LIMIT);
  n = LIMIT;
  assert_error_exact(R, cl_call(R, &deep, &n, &h), CL_MISUSE, TOO_DEEP("call"));
  assert_int_equal(cl_frames(R, NULL, 0), 0);
  n = LIMIT - 1;
  assert_ok(cl_call(R, &deep, &n, &h));
  destroy_ok(R, h);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
}

/* a chain of lazy frames, each of which resumes the next from its body
   (resume_next) or destroys it from its parameters' destructor
   (destroy_next): each resume or destroy runs inside the one before */
typedef struct Link { cl_Handle const *next; cl_Error **failed; } Link;

static void resume_next(cl_Step *s) {
  const Link *l = (const Link *)s->locals;
  cl_Error *e;
  CL_BEGIN(s);
  if (l->next->frame != NULL && (e = cl_resume(s->R, *l->next)) != NULL)
    CL_RAISE(s, e);
  CL_END(s);
}

static void no_body(cl_Step *s) {
  CL_BEGIN(s);
  CL_END(s);
}

static void destroy_next(cl_Runtime *R, cl_Handle h, void *locals) {
  const Link *l = (const Link *)locals;
  cl_Error *e;
  (void)h;
  if (l->next->frame != NULL && (e = cl_destroy(R, *l->next)) != NULL)
    *l->failed = e;
}

/* n frames of co in chain[0..n-1], chain[n] the null handle */
static void make_chain(cl_Runtime *R, const cl_Coroutine *co, cl_Handle *chain,
                       int n, cl_Error **failed) {
  memset(&chain[n], 0, sizeof chain[n]);
  for (int i = 0; i < n; i++) {
    Link args = {&chain[i + 1], failed};
    chain[i] = start_with(R, co, &args);
  }
}

/* lazy, and a rethrowing unhandled_exception; with the core generator's
   yield_value, resume() takes its fast path for generators, which checks
   the limit on its own */
static cl_PromiseType link_type(int generator) {
  cl_PromiseType pt = eager_type();
  pt.name = "link";
  pt.initial_suspend = cl_generator_type.initial_suspend;
  if (!generator) pt.yield_value = NULL;
  return pt;
}

/* a chain of LIMIT resumes runs; one of LIMIT + 1 is refused at the
   innermost resume, and its error goes up the chain */
static void resumes_nest_to_the_limit(cl_Runtime *R, int generator) {
  const cl_PromiseType pt = link_type(generator);
  const cl_Coroutine co = {
    .name = "link", .promise_type = &pt, .locals_size = sizeof(Link),
    .args_size = sizeof(Link), .step = resume_next, .source = __FILE__
  };
  cl_Handle chain[LIMIT + 2];
  cl_set_nesting_limit(R, LIMIT);
  make_chain(R, &co, chain, LIMIT, NULL);
  assert_ok(cl_resume(R, chain[0]));
  for (int i = 0; i < LIMIT; i++) {
    assert_int_equal(done_of(R, chain[i]), 1);
    destroy_ok(R, chain[i]);
  }
  make_chain(R, &co, chain, LIMIT + 1, NULL);
  assert_error_exact(R, cl_resume(R, chain[0]), CL_MISUSE, TOO_DEEP("resume()"));
  for (int i = 0; i <= LIMIT; i++) {
    assert_int_equal(done_of(R, chain[i]), i < LIMIT);
    destroy_ok(R, chain[i]);
  }
  assert_int_equal(cl_frames(R, NULL, 0), 0);
}

/* [implimits]: resume() nests up to the limit, and no further */
static void test_resume_nesting_limit(void **state) {
  resumes_nest_to_the_limit(((Fixture *)*state)->R, 0);
}

static void test_generator_resume_nesting_limit(void **state) {
  resumes_nest_to_the_limit(((Fixture *)*state)->R, 1);
}

/* [implimits]: destroy() nests up to the limit, and no further: the
   innermost destroy is refused, the frame it would destroy left alive */
static void test_destroy_nesting_limit(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  const cl_PromiseType pt = link_type(0);
  const cl_Coroutine co = {
    .name = "link", .promise_type = &pt, .locals_size = sizeof(Link),
    .args_size = sizeof(Link), .step = no_body, .destroy_params = destroy_next,
    .source = __FILE__
  };
  cl_Handle chain[LIMIT + 2];
  cl_Error *failed = NULL;
  cl_set_nesting_limit(R, LIMIT);
  make_chain(R, &co, chain, LIMIT, &failed);
  destroy_ok(R, chain[0]);
  assert_null(failed);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
  make_chain(R, &co, chain, LIMIT + 1, &failed);
  destroy_ok(R, chain[0]);
  assert_error_exact(R, failed, CL_MISUSE, TOO_DEEP("destroy()"));
  assert_int_equal(cl_frames(R, NULL, 0), 1);
  assert_true(cl_is_live(R, chain[LIMIT]));
  assert_int_equal(chain[LIMIT].id, 2 * LIMIT + 1);
  destroy_ok(R, chain[LIMIT]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_observer_destroys_at_suspend),
    FIXTURE_TEST(test_observer_resumes_at_suspend),
    FIXTURE_TEST(test_promise_after_its_destructor),
    FIXTURE_TEST(test_destroy_while_being_destroyed),
    FIXTURE_TEST(test_running_at_its_resume_event),
    FIXTURE_TEST(test_running_at_its_transfer_events),
    FIXTURE_TEST(test_running_when_await_suspend_returns_false),
    FIXTURE_TEST(test_being_destroyed_at_its_destroy_event),
    FIXTURE_TEST(test_frame_blocks_are_reused),
    FIXTURE_TEST(test_transfer_to_a_stale_handle),
    FIXTURE_TEST(test_task_continuation_died),
    FIXTURE_TEST(test_task_awaitable_of_another_type),
    FIXTURE_TEST(test_from_promise_of_low_addresses),
    FIXTURE_TEST(test_unknown_suspend_result),
    FIXTURE_TEST(test_body_that_cannot_go_on),
    FIXTURE_TEST(test_nesting_limit),
    FIXTURE_TEST(test_resume_nesting_limit),
    FIXTURE_TEST(test_generator_resume_nesting_limit),
    FIXTURE_TEST(test_destroy_nesting_limit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
