/*
** test_causes.c — the cause of each event (cl_Event.cause): what resumed a
** coroutine, why control returned to its resumer, which member made the
** awaitable an event is about, and what a misuse refused. Every cause of
** CL_EVENT_CAUSES is asserted at the event it goes with.
*/
#include <stdio.h>
#include <string.h>

#include "helpers.h"

static const char *const cause_keys[CL_CAUSE_COUNT] = {
  "",
#define KEY_(k, s) #k,
  CL_EVENT_CAUSES(KEY_)
#undef KEY_
};

static int seen[CL_CAUSE_COUNT];          /* by the tests so far */

/* logs every event: "kind" or "kind <CAUSE>" */
static void log_cause(cl_Runtime *R, const cl_Event *ev, void *ud) {
  (void)R;
  seen[ev->cause] = 1;
  if (ev->cause == CL_CAUSE_NONE) log_add((Log *)ud, "%s", cl_event_names[ev->kind]);
  else log_add((Log *)ud, "%s <%s>", cl_event_names[ev->kind], cause_keys[ev->cause]);
}

/* logs only the events that have a cause */
static void log_caused(cl_Runtime *R, const cl_Event *ev, void *ud) {
  if (ev->cause != CL_CAUSE_NONE) log_cause(R, ev, ud);
}

static int observe_causes(Fixture *fx, cl_Observer fn) {
  int id = cl_observe(fx->R, fn, &fx->events);
  assert_true(id > 0);
  return id;
}

/* ------------------------------------------- who made the awaitable -- */

/* [expr.await]/3.2: await_transform's result is awaited; the operand and
   the result are temporaries destroyed at the end, innermost first. An
   event about an awaitable names the member that made it; the
   await_transform event is about the operand */
static void test_causes_of_transformed_await(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter x = rec_awaiter("x", 0);
  Op body[] = {AWAIT(&x), YIELD(1), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise_transforming, body);
  fx->yield.suspend.kind = CL_SUSPEND_BOOL;          /* true: suspended */
  fx->yield.suspend.value = 1;
  observe_causes(fx, log_cause);
  cl_Handle h = start(R, &co);
  resume_ok(R, h);
  resume_ok(R, h);
  destroy_ok(R, h);
  assert_log(&fx->events,
    "operator new", "parameter copies", "promise_type", "get_return_object",
    "initial_suspend", "await_ready <INITIAL_SUSPEND>", "suspend <INITIAL_SUSPEND>",
    "await_suspend <INITIAL_SUSPEND>", "return to caller <RETURNED_VOID>",
    "resume <RESUME_CALLED>", "await_resume <INITIAL_SUSPEND>",
    "~awaiter <INITIAL_SUSPEND>",
    /* co_await x: transformed (ready) */
    "await_transform <OPERAND>", "await_ready <AWAIT_TRANSFORM>",
    "await_resume <AWAIT_TRANSFORM>", "~awaiter <AWAIT_TRANSFORM>",
    "~awaiter <OPERAND>",
    /* co_yield 1 */
    "yield_value", "await_ready <YIELD_VALUE>", "suspend <YIELD_VALUE>",
    "await_suspend <YIELD_VALUE>", "return to caller <RETURNED_TRUE>",
    "resume <RESUME_CALLED>", "await_resume <YIELD_VALUE>", "~awaiter <YIELD_VALUE>",
    "~locals", "return_void", "final_suspend", "await_ready <FINAL_SUSPEND>",
    "suspend <FINAL_SUSPEND>", "await_suspend <FINAL_SUSPEND>",
    "return to caller <RETURNED_VOID>",
    "destroy", "~awaiter <FINAL_SUSPEND>", "~promise_type", "~parameters",
    "operator delete");
}

/* an awaitable whose member operator co_await returns the RecAwaiter self */
static int has_member_co_await(cl_Runtime *R, void *self, cl_AwaitMember m) {
  (void)R; (void)self;
  return m == CL_MEMBER_CO_AWAIT;
}

static cl_Error *member_co_await(cl_Runtime *R, void *self, cl_Awaitable *awaiter) {
  *awaiter = rec_awaitable((RecAwaiter *)self);
  return rec(R, "operator co_await");
}

static const cl_AwaitableOps co_awaitable_ops = {
  "co_awaitable", has_member_co_await, member_co_await, NULL, NULL, NULL, NULL,
  NULL, NULL, 0
};

/* [expr.await]/3.3: operator co_await's result is the awaiter, destroyed at
   the end of the co_await (the operand, without a destructor, is not) */
static void test_causes_of_operator_co_await(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter aw = rec_awaiter("aw", 1);
  cl_Awaitable operand = {&co_awaitable_ops, &aw};
  cl_Handle h = start_with(R, &one_await, &operand);
  observe_causes(fx, log_caused);
  resume_ok(R, h);
  assert_log(&fx->events,
    "resume <RESUME_CALLED>", "await_resume <INITIAL_SUSPEND>",
    "~awaiter <INITIAL_SUSPEND>", "operator co_await <OPERAND>",
    "await_ready <OPERATOR_CO_AWAIT>", "await_resume <OPERATOR_CO_AWAIT>",
    "~awaiter <OPERATOR_CO_AWAIT>", "await_ready <FINAL_SUSPEND>",
    "suspend <FINAL_SUSPEND>", "await_suspend <FINAL_SUSPEND>",
    "return to caller <RETURNED_VOID>");
  destroy_ok(R, h);
}

/* ------------------------------------------ what await_suspend returned -- */

/* one_await, whose co_await of aw suspends with what */
static cl_Handle await_returning(Fixture *fx, RecAwaiter *aw, cl_SuspendResult what) {
  cl_Awaitable operand = rec_awaitable(aw);
  cl_Handle h = start_with(fx->R, &one_await, &operand);
  aw->suspend = what;
  return h;
}

/* [expr.await]/5.1.2: false resumes the coroutine at once */
static void test_cause_of_false(void **state) {
  Fixture *fx = *state;
  RecAwaiter aw = rec_awaiter("aw", 0);
  cl_Handle h = await_returning(fx, &aw, (cl_SuspendResult){CL_SUSPEND_BOOL, 0, {NULL, 0, 0}});
  observe_causes(fx, log_caused);
  resume_ok(fx->R, h);
  assert_log(&fx->events,
    "resume <RESUME_CALLED>", "await_resume <INITIAL_SUSPEND>",
    "~awaiter <INITIAL_SUSPEND>", "await_ready <OPERAND>", "suspend <OPERAND>",
    "await_suspend <OPERAND>", "resume <RETURNED_FALSE>", "await_resume <OPERAND>",
    "~awaiter <OPERAND>", "await_ready <FINAL_SUSPEND>", "suspend <FINAL_SUSPEND>",
    "await_suspend <FINAL_SUSPEND>", "return to caller <RETURNED_VOID>");
  destroy_ok(fx->R, h);
}

/* [expr.await]/5.1.3: a handle is resumed by symmetric transfer;
   noop_coroutine() returns to the resumer */
static void test_causes_of_handles(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter to_other = rec_awaiter("to_other", 0), to_noop = rec_awaiter("to_noop", 0);
  Op body[] = {AWAIT(&to_other), AWAIT(&to_noop), END}, other_body[] = {END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Coroutine other_co = script_coroutine("other", &rec_promise, other_body);
  cl_Handle h = start(R, &co), other = start(R, &other_co);
  to_other.suspend = (cl_SuspendResult){CL_SUSPEND_HANDLE, 0, other};
  to_noop.suspend = (cl_SuspendResult){CL_SUSPEND_HANDLE, 0, cl_noop_coroutine(R)};
  observe_causes(fx, log_caused);
  resume_ok(R, h);                       /* to other, which runs to its end */
  resume_ok(R, h);                       /* to noop: back here */
  assert_log(&fx->events,
    "resume <RESUME_CALLED>", "await_resume <INITIAL_SUSPEND>",
    "~awaiter <INITIAL_SUSPEND>", "await_ready <OPERAND>", "suspend <OPERAND>",
    "await_suspend <OPERAND>", "resume <TRANSFERRED>",
    "await_resume <INITIAL_SUSPEND>", "~awaiter <INITIAL_SUSPEND>",
    "await_ready <FINAL_SUSPEND>", "suspend <FINAL_SUSPEND>",
    "await_suspend <FINAL_SUSPEND>", "return to caller <RETURNED_VOID>",
    "resume <RESUME_CALLED>", "await_resume <OPERAND>", "~awaiter <OPERAND>",
    "await_ready <OPERAND>", "suspend <OPERAND>", "await_suspend <OPERAND>",
    "return to caller <RETURNED_NOOP>");
  destroy_ok(R, h);
  destroy_ok(R, other);
}

/* ------------------------------------ user code left before await_suspend -- */

typedef struct Leaver { cl_Handle target; int destroy; } Leaver;

static void leave_at_suspend(cl_Runtime *R, const cl_Event *ev, void *ud) {
  Leaver *l = (Leaver *)ud;
  if (ev->kind != CL_EV_SUSPEND || ev->handle.frame != l->target.frame ||
      l->target.frame == NULL)
    return;
  l->target.frame = NULL;
  if (l->destroy) destroy_ok(R, ev->handle);
  else resume_ok(R, ev->handle);
}

/* an observer of the suspension resumes or destroys the coroutine: it is
   suspended, so C++ allows it, and await_suspend is never called */
static void test_causes_of_leaving_before_await_suspend(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter a = rec_awaiter("a", 0), b = rec_awaiter("b", 0);
  cl_Awaitable oa = rec_awaitable(&a), ob = rec_awaitable(&b);
  cl_Handle resumed = start_with(R, &one_await, &oa);
  cl_Handle destroyed = start_with(R, &one_await, &ob);
  Leaver l = {resumed, 0};
  int leaver = cl_observe(R, leave_at_suspend, &l);
  observe_causes(fx, log_caused);
  resume_ok(R, resumed);
  assert_string_equal(fx->events.entry[fx->events.n - 1],
                      "return to caller <RESUMED_BEFORE_AWAIT_SUSPEND>");
  l = (Leaver){destroyed, 1};
  resume_ok(R, destroyed);
  assert_string_equal(fx->events.entry[fx->events.n - 1],
                      "return to caller <DESTROYED_BEFORE_AWAIT_SUSPEND>");
  cl_unobserve(R, leaver);
  destroy_ok(R, resumed);
}

/* ---------------------------------------------------------------- misuse -- */

/* the last event logged must be a misuse with this cause */
static void assert_last_misuse(const Fixture *fx, const char *cause) {
  char want[64];
  snprintf(want, sizeof want, "misuse <%s>", cause);
  assert_true(fx->events.n > 0);
  assert_string_equal(fx->events.entry[fx->events.n - 1], want);
}

/* [coroutine.handle.resumption]: resume() of a done coroutine */
static void test_cause_of_refused_resume(void **state) {
  Fixture *fx = *state;
  Op body[] = {END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(fx->R, &co);
  resume_ok(fx->R, h);
  observe_causes(fx, log_caused);
  assert_error(fx->R, cl_resume(fx->R, h), CL_MISUSE, "[coroutine.handle.resumption]");
  assert_log(&fx->events, "misuse <RESUME_REFUSED>");
  destroy_ok(fx->R, h);
}

/* ... and a symmetric transfer to one */
static void test_cause_of_refused_transfer(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter aw = rec_awaiter("aw", 0);
  Op done_body[] = {END};
  cl_Coroutine done_co = script_coroutine("done", &rec_promise, done_body);
  cl_Handle done = start(R, &done_co);
  resume_ok(R, done);
  cl_Handle h = await_returning(fx, &aw, (cl_SuspendResult){CL_SUSPEND_HANDLE, 0, done});
  observe_causes(fx, log_caused);
  assert_error(R, cl_resume(R, h), CL_MISUSE, "await_suspend (symmetric transfer)");
  assert_last_misuse(fx, "TRANSFER_REFUSED");
  destroy_ok(R, h);
  destroy_ok(R, done);
}

static void destroy_running(cl_Step *s) {
  assert_error(s->R, cl_destroy(s->R, s->handle), CL_MISUSE, "[coroutine.handle.destroy]");
}

/* [coroutine.handle.destroy]: destroy() of a running coroutine */
static void test_cause_of_refused_destroy(void **state) {
  Fixture *fx = *state;
  Op body[] = {CALL(destroy_running), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(fx->R, &co);
  observe_causes(fx, log_caused);
  resume_ok(fx->R, h);
  assert_log(&fx->events, "resume <RESUME_CALLED>", "await_resume <INITIAL_SUSPEND>",
             "~awaiter <INITIAL_SUSPEND>", "misuse <DESTROY_REFUSED>",
             "await_ready <FINAL_SUSPEND>", "suspend <FINAL_SUSPEND>",
             "await_suspend <FINAL_SUSPEND>", "return to caller <RETURNED_VOID>");
  destroy_ok(fx->R, h);
}

static cl_Error *suspend_destroys_then_false(cl_Runtime *R, void *self, cl_Handle h,
                                            cl_SuspendResult *res) {
  (void)self;
  destroy_ok(R, h);
  *res = (cl_SuspendResult){CL_SUSPEND_BOOL, 0, {NULL, 0, 0}};
  return NULL;
}

/* [expr.await]/5: await_suspend destroyed its coroutine, then returned
   false */
static void test_cause_of_await_suspend_that_left(void **state) {
  Fixture *fx = *state;
  RecAwaiter aw = rec_awaiter("aw", 0);
  cl_AwaitableOps ops = rec_awaiter_ops;
  ops.await_suspend = suspend_destroys_then_false;
  cl_Awaitable operand = {&ops, &aw};
  cl_Handle h = start_with(fx->R, &one_await, &operand);
  observe_causes(fx, log_caused);
  assert_error(fx->R, cl_resume(fx->R, h), CL_MISUSE, "[expr.await]/5");
  assert_last_misuse(fx, "LEFT_DURING_AWAIT_SUSPEND");
}

/* [stmt.return.coroutine]: co_return v; without return_value */
static void test_cause_of_ill_formed(void **state) {
  Fixture *fx = *state;
  Op body[] = {RETURN(1), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(fx->R, &co);
  observe_causes(fx, log_caused);
  assert_error(fx->R, cl_resume(fx->R, h), CL_MISUSE, "[stmt.return.coroutine]");
  assert_last_misuse(fx, "ILL_FORMED");
  destroy_ok(fx->R, h);
}

/* ------------------------------------------------------------ the names -- */

/* every cause has words, and the return-to-caller ones are the details
   their events always had */
static void test_cause_names(void **state) {
  (void)state;
  assert_string_equal(cl_cause_names[CL_CAUSE_NONE], "");
  for (int c = 1; c < CL_CAUSE_COUNT; c++) assert_true(cl_cause_names[c][0] != '\0');
  assert_string_equal(cl_cause_names[CL_CAUSE_RETURNED_VOID], "await_suspend returned void");
  assert_string_equal(cl_cause_names[CL_CAUSE_RETURNED_NOOP],
                      "await_suspend returned noop_coroutine()");
}

/* run last: a cause that no test above saw is not tested */
static void test_every_cause_seen(void **state) {
  (void)state;
  for (int c = 1; c < CL_CAUSE_COUNT; c++)
    if (!seen[c]) fail_msg("no test saw cause %s", cause_keys[c]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_causes_of_transformed_await),
    FIXTURE_TEST(test_causes_of_operator_co_await),
    FIXTURE_TEST(test_cause_of_false),
    FIXTURE_TEST(test_causes_of_handles),
    FIXTURE_TEST(test_causes_of_leaving_before_await_suspend),
    FIXTURE_TEST(test_cause_of_refused_resume),
    FIXTURE_TEST(test_cause_of_refused_transfer),
    FIXTURE_TEST(test_cause_of_refused_destroy),
    FIXTURE_TEST(test_cause_of_await_suspend_that_left),
    FIXTURE_TEST(test_cause_of_ill_formed),
    cmocka_unit_test(test_cause_names),
    cmocka_unit_test(test_every_cause_seen),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
