/*
** test_await.c — the co_await protocol ([expr.await]) against g++ 12:
** await_transform, operator co_await, await_ready, suspension before
** await_suspend, what await_suspend returns (s06:
** tests/cpp/core/s06_await_suspend_kinds.cpp), its exceptions, and when
** the awaiter dies.
*/
#include <string.h>

#include "helpers.h"

static void note_result(cl_Step *s) {
  note(s->R, "result=%lld", ((ScriptLocals *)s->locals)->result);
}

/* ------------------------------------------------------ await_transform -- */

/* [expr.await]/3.2: only a plain co_await is transformed; not the initial
   or final suspend, not co_yield (s10:
   tests/cpp/core/s10_await_transform.cpp); both temporaries die after
   await_resume, the awaiter first */
static void test_await_transform_only_plain(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter operand = rec_awaiter("body", 1);
  Op body[] = {AWAIT(&operand), CALL(note_result), YIELD(1), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise_transforming, body);
  fx->transformed.value = 7;
  cl_Handle h = start(R, &co);
  resume_ok(R, h);
  resume_ok(R, h);
  destroy_ok(R, h);
  assert_log_as_gxx(&fx->log, "s10_await_transform");
}

/* s05 exprtemp (tests/cpp/core/s05_destroy_suspended.cpp): destroy() while
   suspended there: the awaiter, then the other temporary of the
   full-expression, then the locals */
static void test_destroy_with_transformed_awaiter(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter operand = rec_awaiter("body", 0);
  Op body[] = {LOCAL("local_a"), AWAIT(&operand), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise_transforming, body);
  cl_Handle h = start(R, &co);
  fx->transformed.ready = 0;
  resume_ok(R, h);
  fx->log.n = 0;
  destroy_ok(R, h);
  assert_log_as_gxx(&fx->log, "s05_destroy_suspended");
}

/* ---------------------------------------------------- operator co_await -- */

typedef struct CoAwaitable {        /* has operator co_await; returns *result */
  const char *name;
  RecAwaiter *result;
} CoAwaitable;

static cl_Error *member_co_await(cl_Runtime *R, void *self, cl_Awaitable *out) {
  CoAwaitable *a = (CoAwaitable *)self;
  *out = rec_awaitable(a->result);
  return rec(R, "%s::operator co_await", a->name);
}

static cl_Error *free_co_await(cl_Runtime *R, void *self, cl_Awaitable *out) {
  CoAwaitable *a = (CoAwaitable *)self;
  *out = rec_awaitable(a->result);
  return rec(R, "operator co_await(%s)", a->name);
}

static const cl_AwaitableOps member_ops = {
  "HasMemberOp", NULL, member_co_await, NULL, NULL, NULL, NULL, NULL, NULL, 0
};
static const cl_AwaitableOps free_ops = {
  "HasFreeOp", NULL, NULL, free_co_await, NULL, NULL, NULL, NULL, NULL, 0
};
static const cl_AwaitableOps both_ops = {
  "A", NULL, member_co_await, free_co_await, NULL, NULL, NULL, NULL, NULL, 0
};

/* start one_await on operand, clear the log, resume it once */
static cl_Handle await_once(Fixture *fx, cl_Awaitable operand) {
  cl_Handle h = start_with(fx->R, &one_await, &operand);
  fx->log.n = 0;
  fx->rethrow = 1;
  return h;
}

/* [expr.await]/3.3, [over.match.oper]: the member form */
static void test_member_operator_co_await(void **state) {
  Fixture *fx = *state;
  RecAwaiter result = rec_awaiter("member_result", 1);
  CoAwaitable a = {"HasMemberOp", &result};
  cl_Awaitable w = {&member_ops, &a};
  cl_Handle h = await_once(fx, w);
  result.value = 3;
  resume_ok(fx->R, h);
  destroy_ok(fx->R, h);
  assert_log(&fx->log, INITIAL_RESUMED, "HasMemberOp::operator co_await",
             "member_result.await_ready", "member_result.await_resume",
             "~member_result", "result=3", "return_void", FINAL_SUSPENDED,
             "~final", "~promise", "operator delete");
}

static void test_free_operator_co_await(void **state) {
  Fixture *fx = *state;
  RecAwaiter result = rec_awaiter("free_result", 1);
  CoAwaitable a = {"HasFreeOp", &result};
  cl_Awaitable w = {&free_ops, &a};
  cl_Handle h = await_once(fx, w);
  result.value = 4;
  resume_ok(fx->R, h);
  destroy_ok(fx->R, h);
  assert_log(&fx->log, INITIAL_RESUMED, "operator co_await(HasFreeOp)",
             "free_result.await_ready", "free_result.await_resume",
             "~free_result", "result=4", "return_void", FINAL_SUSPENDED,
             "~final", "~promise", "operator delete");
}

/* both forms viable: ambiguous (s10_err_opboth:
   tests/cpp/core/ill_formed/s10_err_opboth.cpp); neither is called */
static void test_both_operator_co_await_ambiguous(void **state) {
  Fixture *fx = *state;
  RecAwaiter result = rec_awaiter("result", 1);
  CoAwaitable a = {"A", &result};
  cl_Awaitable w = {&both_ops, &a};
  cl_Handle h = await_once(fx, w);
  assert_error(fx->R, cl_resume(fx->R, h), CL_MISUSE,
               "ambiguous overload for 'operator co_await' (operand type is 'A')");
  destroy_ok(fx->R, h);
  assert_log(&fx->log, INITIAL_RESUMED, "unhandled_exception(misuse)",
             "~promise", "operator delete");
}

/* [expr.await]/3.7: the awaiter needs all three members */
static void test_missing_await_member(void **state) {
  Fixture *fx = *state;
  static const cl_AwaitableOps no_resume = {
    "NoResume", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0
  };
  cl_AwaitableOps ops = rec_awaiter_ops;
  RecAwaiter aw = rec_awaiter("aw", 0);
  ops.name = "NoResume";
  ops.await_resume = NULL;
  cl_Awaitable w = {&ops, &aw};
  cl_Handle h = await_once(fx, w);
  assert_error(fx->R, cl_resume(fx->R, h), CL_MISUSE,
               "no member named 'await_resume' in 'NoResume'");
  destroy_ok(fx->R, h);
  w.ops = &no_resume;
  h = await_once(fx, w);
  assert_error(fx->R, cl_resume(fx->R, h), CL_MISUSE,
               "no member named 'await_ready' in 'NoResume'");
  destroy_ok(fx->R, h);
  /* the awaiter was destroyed, none of its members called */
  assert_log(&fx->log, INITIAL_RESUMED, "unhandled_exception(misuse)",
             "~promise", "operator delete");
}

/* --------------------------------------------------------- await_ready -- */

/* [expr.await]/5.1: await_ready true: no suspension, no await_suspend */
static void test_await_ready_skips_suspension(void **state) {
  Fixture *fx = *state;
  RecAwaiter aw = rec_awaiter("aw", 1);
  cl_Handle h = await_once(fx, rec_awaitable(&aw));
  aw.value = 5;
  record_events(fx);
  resume_ok(fx->R, h);
  assert_log(&fx->log, INITIAL_RESUMED, "aw.await_ready", "aw.await_resume",
             "~aw", "result=5", "return_void", FINAL_SUSPENDED);
  assert_log(&fx->events, "resume", "await_resume", "~awaiter", "await_ready",
             "await_resume", "~awaiter", "~locals", "return_void",
             "final_suspend", "await_ready", "suspend", "await_suspend",
             "return to caller");
  destroy_ok(fx->R, h);
}

/* [expr.await]/5.1: the coroutine is suspended before await_suspend is
   called: inside it, the frame is already in its suspended state */
static void test_suspended_before_await_suspend(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter aw = rec_awaiter("aw", 0);
  cl_Handle h = await_once(fx, rec_awaitable(&aw));
  cl_FrameInfo info;
  assert_int_equal(fx->initial.seen.state, CL_STATE_SUSPENDED_INITIAL);
  resume_ok(R, h);
  assert_int_equal(aw.seen.state, CL_STATE_SUSPENDED);
  assert_true(cl_frame_info(R, h, &info));
  assert_int_not_equal(aw.seen.index, 0);
  assert_int_equal(aw.seen.index, info.index);
  assert_ptr_equal(aw.seen.awaiter.self, &aw);
  resume_ok(R, h);
  assert_int_equal(fx->final.seen.state, CL_STATE_SUSPENDED_FINAL);
  destroy_ok(R, h);
}

/* ------------------------------------------- what await_suspend returns -- */

/* s06 (tests/cpp/core/s06_await_suspend_kinds.cpp): A awaits aw; B waits
   at its initial suspend point */
typedef struct S06 {
  RecAwaiter aw, b_aw;
  Op a_body[8], b_body[3];
  cl_Coroutine a_co, b_co;
  cl_Handle a, b;
} S06;

static void s06_start(Fixture *fx, S06 *t, cl_SuspendKind kind, int value) {
  const Op a_body[] = {LOCAL("A_local"), NOTE("A: before co_await"),
                       AWAIT(&t->aw), CALL(note_result), NOTE("A: after co_await"),
                       END_LOCAL("A_local"), END};
  const Op b_body[] = {NOTE("B: body start"), AWAIT(&t->b_aw), END};
  memcpy(t->a_body, a_body, sizeof a_body);
  memcpy(t->b_body, b_body, sizeof b_body);
  t->aw = rec_awaiter("aw", 0);
  t->aw.suspend.kind = kind;
  t->aw.suspend.value = value;
  t->aw.value = 9;
  t->b_aw = rec_awaiter("B_aw", 0);
  t->a_co = script_coroutine("A", &rec_promise, t->a_body);
  t->b_co = script_coroutine("B", &rec_promise, t->b_body);
  t->a = start(fx->R, &t->a_co);
  t->b = start(fx->R, &t->b_co);
  fx->log.n = 0;
}

static void s06_finish(Fixture *fx, S06 *t) {
  destroy_ok(fx->R, t->a);
  destroy_ok(fx->R, t->b);
}

/* the first resume of A returns with A suspended; the second finishes it */
static void s06_suspends(Fixture *fx, S06 *t) {
  resume_ok(fx->R, t->a);
  assert_int_equal(done_of(fx->R, t->a), 0);
  resume_ok(fx->R, t->a);
  assert_int_equal(done_of(fx->R, t->a), 1);
}

/* [expr.await]/5.1.1: void: stay suspended */
static void test_await_suspend_void(void **state) {
  S06 t;
  s06_start(*state, &t, CL_SUSPEND_VOID, 0);
  s06_suspends(*state, &t);
  assert_log_as_gxx(&((Fixture *)*state)->log, "s06_await_suspend_kinds");
  s06_finish(*state, &t);
}

/* [expr.await]/5.1.2: true: stay suspended */
static void test_await_suspend_true(void **state) {
  S06 t;
  s06_start(*state, &t, CL_SUSPEND_BOOL, 1);
  s06_suspends(*state, &t);
  assert_log_as_gxx(&((Fixture *)*state)->log, "s06_await_suspend_kinds");
  s06_finish(*state, &t);
}

/* [expr.await]/5.1.2: false: resumed at once, inside the same resume() */
static void test_await_suspend_false(void **state) {
  Fixture *fx = *state;
  S06 t;
  s06_start(fx, &t, CL_SUSPEND_BOOL, 0);
  resume_ok(fx->R, t.a);
  assert_int_equal(done_of(fx->R, t.a), 1);
  assert_log_as_gxx(&fx->log, "s06_await_suspend_kinds");
  s06_finish(fx, &t);
}

/* [expr.await]/5.1.3: a handle: symmetric transfer to it */
static void test_await_suspend_handle(void **state) {
  Fixture *fx = *state;
  S06 t;
  s06_start(fx, &t, CL_SUSPEND_HANDLE, 0);
  t.aw.suspend.handle = t.b;
  s06_suspends(fx, &t);
  assert_int_equal(done_of(fx->R, t.b), 0);
  assert_log_as_gxx(&fx->log, "s06_await_suspend_kinds");
  s06_finish(fx, &t);
}

/* its own handle: resumed at once */
static void test_await_suspend_own_handle(void **state) {
  Fixture *fx = *state;
  S06 t;
  s06_start(fx, &t, CL_SUSPEND_HANDLE, 0);
  t.aw.suspend.handle = t.a;
  resume_ok(fx->R, t.a);
  assert_int_equal(done_of(fx->R, t.a), 1);
  assert_log_as_gxx(&fx->log, "s06_await_suspend_kinds");
  s06_finish(fx, &t);
}

/* noop_coroutine(): back to the resumer, like void */
static void test_await_suspend_noop(void **state) {
  Fixture *fx = *state;
  S06 t;
  s06_start(fx, &t, CL_SUSPEND_HANDLE, 0);
  t.aw.suspend.handle = cl_noop_coroutine(fx->R);
  s06_suspends(fx, &t);
  assert_log_as_gxx(&fx->log, "s06_await_suspend_kinds");
  s06_finish(fx, &t);
}

/* [expr.await]/5.1.3: await_suspend throws: the coroutine is resumed and
   the exception raised at the co_await, without await_resume; the awaiter
   dies, then the locals, then the handler runs */
static void await_suspend_throws(Fixture *fx, cl_SuspendKind kind,
                                 const char *test) {
  S06 t;
  s06_start(fx, &t, kind, 1);
  fx->throw_at = "aw.await_suspend";
  resume_ok(fx->R, t.a);
  assert_int_equal(done_of(fx->R, t.a), 1);
  assert_log_as_gxx_of(&fx->log, "s06_await_suspend_kinds", test);
  s06_finish(fx, &t);
}

static void test_await_suspend_throws(void **state) {
  await_suspend_throws(*state, CL_SUSPEND_VOID, __func__);
}

static void test_await_suspend_bool_throws(void **state) {
  await_suspend_throws(*state, CL_SUSPEND_BOOL, __func__);
}

/* [expr.await]/5.2: await_resume's exception is raised at the co_await,
   after the awaiter died */
static void test_await_resume_throws(void **state) {
  Fixture *fx = *state;
  S06 t;
  s06_start(fx, &t, CL_SUSPEND_VOID, 0);
  fx->throw_at = "aw.await_resume";
  s06_suspends(fx, &t);
  assert_log_as_gxx(&fx->log, "s06_await_suspend_kinds");
  s06_finish(fx, &t);
}

/* ------------------------------------- await_suspend owns the handle -- */

static cl_Error *suspend_resumes(cl_Runtime *R, void *self, cl_Handle h,
                                 cl_SuspendResult *res) {
  cl_Error *e = rec_awaiter_ops.await_suspend(R, self, h, res);
  resume_ok(R, h);
  return e;
}

static cl_Error *suspend_destroys(cl_Runtime *R, void *self, cl_Handle h,
                                  cl_SuspendResult *res) {
  cl_Error *e = rec_awaiter_ops.await_suspend(R, self, h, res);
  destroy_ok(R, h);
  return e;
}

typedef cl_Error *(*AwaitSuspend)(cl_Runtime *R, void *self, cl_Handle h,
                                  cl_SuspendResult *res);

/* one_await on *aw, a RecAwaiter whose await_suspend is suspend (its ops
   kept in *ops); resumes once and returns what resume() returned */
static cl_Error *await_with(Fixture *fx, RecAwaiter *aw, cl_AwaitableOps *ops,
                            AwaitSuspend suspend) {
  *aw = rec_awaiter("aw", 0);
  *ops = rec_awaiter_ops;
  ops->await_suspend = suspend;
  cl_Awaitable w = {ops, aw};
  cl_Handle h = start_with(fx->R, &one_await, &w);
  fx->log.n = 0;
  return cl_resume(fx->R, h);
}

/* [expr.await]/5.1: the coroutine is suspended when await_suspend runs,
   so await_suspend may resume it (as another thread would) or destroy it,
   then return void: control goes back to the resumer */
static void test_await_suspend_resumes(void **state) {
  Fixture *fx = *state;
  RecAwaiter aw;
  cl_AwaitableOps ops;
  assert_ok(await_with(fx, &aw, &ops, suspend_resumes));
  assert_log(&fx->log, INITIAL_RESUMED, "aw.await_ready", "aw.await_suspend",
             "aw.await_resume", "~aw", "result=0", "return_void",
             FINAL_SUSPENDED);
  cl_Handle h;
  assert_int_equal(cl_frames(fx->R, &h, 1), 1);
  assert_int_equal(done_of(fx->R, h), 1);
  destroy_ok(fx->R, h);
}

static void test_await_suspend_destroys(void **state) {
  Fixture *fx = *state;
  RecAwaiter aw;
  cl_AwaitableOps ops;
  assert_ok(await_with(fx, &aw, &ops, suspend_destroys));
  assert_log(&fx->log, INITIAL_RESUMED, "aw.await_ready", "aw.await_suspend",
             "~aw", "~promise", "operator delete");
  assert_int_equal(cl_frames(fx->R, NULL, 0), 0);
}

static cl_Error *suspend_destroys_then_false(cl_Runtime *R, void *self,
                                            cl_Handle h, cl_SuspendResult *res) {
  cl_Error *e = suspend_destroys(R, self, h, res);
  res->kind = CL_SUSPEND_BOOL;
  res->value = 0;
  return e;
}

/* [expr.await]/5.1.2: destroyed, then asked to resume it by returning
   false: undefined behaviour, reported to the resumer */
static void test_await_suspend_destroys_then_false(void **state) {
  Fixture *fx = *state;
  RecAwaiter aw;
  cl_AwaitableOps ops;
  assert_error(fx->R, await_with(fx, &aw, &ops, suspend_destroys_then_false),
               CL_MISUSE,
               "await_suspend: coroutine #1 was destroyed during await_suspend, "
               "which then returned false; this is undefined behaviour in C++ "
               "[expr.await]/5");
  assert_int_equal(cl_frames(fx->R, NULL, 0), 0);
  assert_log(&fx->log, INITIAL_RESUMED, "aw.await_ready", "aw.await_suspend",
             "~aw", "~promise", "operator delete");
}

/* await_suspend resumes the coroutine, then throws: C++ would raise the
   exception at the co_await of a coroutine that went on meanwhile. The
   driver knows (the resume marked its pin) and reports it to the resumer,
   never to the body; the body ran once, by the nested resume */
static cl_Error *suspend_resumes_then_throws(cl_Runtime *R, void *self,
                                             cl_Handle h, cl_SuspendResult *res) {
  cl_Error *e = suspend_resumes(R, self, h, res);
  return e ? e : cl_error_new(R, CL_EXCEPTION, "after resume");
}

static void test_await_suspend_resumes_then_throws(void **state) {
  Fixture *fx = *state;
  RecAwaiter aw;
  cl_AwaitableOps ops;
  cl_Handle h;
  assert_error_exact(fx->R, await_with(fx, &aw, &ops, suspend_resumes_then_throws),
                     CL_MISUSE, "await_suspend: coroutine #1 was resumed during "
                     "await_suspend, which then threw; this is undefined "
                     "behaviour in C++ [expr.await]/5");
  assert_log(&fx->log, INITIAL_RESUMED, "aw.await_ready", "aw.await_suspend",
             "aw.await_resume", "~aw", "result=0", "return_void",
             FINAL_SUSPENDED);
  assert_int_equal(cl_frames(fx->R, &h, 1), 1);
  assert_int_equal(done_of(fx->R, h), 1);
  destroy_ok(fx->R, h);
}

/* ... resumes it, destroys it, then throws: the same, for a frame that is
   gone; nothing is left alive */
static cl_Error *suspend_resumes_destroys_throws(cl_Runtime *R, void *self,
                                                 cl_Handle h, cl_SuspendResult *res) {
  cl_Error *e = suspend_resumes(R, self, h, res);
  destroy_ok(R, h);
  return e ? e : cl_error_new(R, CL_EXCEPTION, "after destroy");
}

static void test_await_suspend_resumes_destroys_throws(void **state) {
  Fixture *fx = *state;
  RecAwaiter aw;
  cl_AwaitableOps ops;
  assert_error_exact(fx->R, await_with(fx, &aw, &ops, suspend_resumes_destroys_throws),
                     CL_MISUSE, "await_suspend: coroutine #1 was destroyed during "
                     "await_suspend, which then threw; this is undefined "
                     "behaviour in C++ [expr.await]/5");
  assert_log(&fx->log, INITIAL_RESUMED, "aw.await_ready", "aw.await_suspend",
             "aw.await_resume", "~aw", "result=0", "return_void",
             FINAL_SUSPENDED, "~final", "~promise", "operator delete");
  assert_int_equal(cl_frames(fx->R, NULL, 0), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_await_transform_only_plain),
    FIXTURE_TEST(test_destroy_with_transformed_awaiter),
    FIXTURE_TEST(test_member_operator_co_await),
    FIXTURE_TEST(test_free_operator_co_await),
    FIXTURE_TEST(test_both_operator_co_await_ambiguous),
    FIXTURE_TEST(test_missing_await_member),
    FIXTURE_TEST(test_await_ready_skips_suspension),
    FIXTURE_TEST(test_suspended_before_await_suspend),
    FIXTURE_TEST(test_await_suspend_void),
    FIXTURE_TEST(test_await_suspend_true),
    FIXTURE_TEST(test_await_suspend_false),
    FIXTURE_TEST(test_await_suspend_handle),
    FIXTURE_TEST(test_await_suspend_own_handle),
    FIXTURE_TEST(test_await_suspend_noop),
    FIXTURE_TEST(test_await_suspend_throws),
    FIXTURE_TEST(test_await_suspend_bool_throws),
    FIXTURE_TEST(test_await_resume_throws),
    FIXTURE_TEST(test_await_suspend_resumes),
    FIXTURE_TEST(test_await_suspend_destroys),
    FIXTURE_TEST(test_await_suspend_destroys_then_false),
    FIXTURE_TEST(test_await_suspend_resumes_then_throws),
    FIXTURE_TEST(test_await_suspend_resumes_destroys_throws),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
