/*
** test_lifecycle.c — the lifecycle driver against g++ 12: the coroutine
** wrapper of [dcl.fct.def.coroutine]/5 step by step — prologue, its
** teardown when it throws, the handler, co_return, flowing off, the final
** suspend point and destroy(). The expected logs are what g++ 12 printed
** for the programs in tests/cpp/core (sNN_*.expected, read by
** assert_log_as_gxx; ctest core_order_* checks that g++ still prints them).
*/
#include "helpers.h"

/* a lazy coroutine with locals a, b, c that ends as `last` says */
#define ABC_THEN(last) \
  Op body[] = {LOCAL("local_a"), LOCAL("local_b"), LOCAL("local_c"), last, END}

/* ----------------------------------------------------- the whole life -- */

/* s01 (tests/cpp/core/s01_generator.cpp): a generator from call to destroy;
   locals die innermost first */
static void test_generator_life(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Op body[] = {LOCAL("local_a"), YIELD(1), LOCAL("local_b"), YIELD(2),
               END_LOCAL("local_b"), NOTE("body: end"), END};
  cl_Coroutine co = script_coroutine("gen", &rec_promise, body);
  cl_Handle h = start(R, &co);
  RecPromise *p;
  assert_ok(cl_promise(R, h, &rec_promise, (void **)&p));
  resume_ok(R, h);
  assert_int_equal(done_of(R, h), 0);
  assert_int_equal(p->value, 1);
  resume_ok(R, h);
  assert_int_equal(p->value, 2);
  resume_ok(R, h);
  assert_int_equal(done_of(R, h), 1);
  destroy_ok(R, h);
  assert_log_as_gxx(&fx->log, "s01_generator");
}

/* -------- the prologue throws (tests/cpp/core/s02_prologue_throws.cpp) -- */

/* cl_call with fx->throw_at set: the error reaches the caller, nothing is
   left alive, unhandled_exception is never called */
static Fixture *call_throwing(Fixture *fx, const char *throw_at, int eager) {
  Op body[] = {NOTE("body"), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = {0};
  fx->throw_at = throw_at;
  fx->rethrow = 1;
  fx->initial.ready = eager;
  assert_error(fx->R, cl_call(fx->R, &co, NULL, &h), CL_EXCEPTION, throw_at);
  assert_int_equal(cl_frames(fx->R, NULL, 0), 0);
  return fx;
}

/* [dcl.fct.def.coroutine]/5: the parameter copies exist before the promise */
static void test_params_copy_throws(void **state) {
  Fixture *fx = call_throwing(*state, "params.copy", 0);
  assert_log_as_gxx(&fx->log, "s02_prologue_throws");
}

static void test_promise_ctor_throws(void **state) {
  Fixture *fx = call_throwing(*state, "promise.ctor", 0);
  assert_log_as_gxx(&fx->log, "s02_prologue_throws");
}

static void test_get_return_object_throws(void **state) {
  Fixture *fx = call_throwing(*state, "get_return_object", 0);
  assert_log_as_gxx(&fx->log, "s02_prologue_throws");
}

/* [dcl.fct.def.coroutine]/15: before initial-await-resume-called is set,
   the exception leaves the coroutine: ~return object, then the state */
static void test_initial_suspend_throws(void **state) {
  Fixture *fx = call_throwing(*state, "initial_suspend", 0);
  assert_log_as_gxx(&fx->log, "s02_prologue_throws");
}

static void test_initial_await_ready_throws(void **state) {
  Fixture *fx = call_throwing(*state, "init.await_ready", 0);
  assert_log_as_gxx(&fx->log, "s02_prologue_throws");
}

static void test_initial_await_suspend_throws(void **state) {
  Fixture *fx = call_throwing(*state, "init.await_suspend", 0);
  assert_log_as_gxx(&fx->log, "s02_prologue_throws");
}

static void test_eager_initial_await_ready_throws(void **state) {
  Fixture *fx = call_throwing(*state, "init.await_ready", 1);
  assert_log_as_gxx(&fx->log, "s02_prologue_throws");
}

/* initial-await-resume-called is set before await_resume runs, so its
   exception goes to unhandled_exception ([dcl.fct.def.coroutine]/15); a
   rethrow during the call still tears everything down */
static void test_eager_initial_await_resume_rethrown(void **state) {
  Fixture *fx = call_throwing(*state, "init.await_resume", 1);
  assert_log_as_gxx(&fx->log, "s02_prologue_throws");
}

static void test_initial_await_resume_throws(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Op body[] = {NOTE("body"), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(R, &co);
  cl_FrameInfo info;
  fx->throw_at = "init.await_resume";
  fx->rethrow = 1;
  assert_error(R, cl_resume(R, h), CL_EXCEPTION, "init.await_resume");
  assert_true(cl_frame_info(R, h, &info));
  assert_int_equal(info.initial_await_resume_called, 1);
  assert_int_equal(done_of(R, h), 1);
  destroy_ok(R, h);
  assert_log_as_gxx(&fx->log, "s02_prologue_throws");
}

/* ---------------- the body throws (tests/cpp/core/s03_body_throws.cpp) -- */

/* stack unwinding destroys the locals innermost first, then the handler
   calls unhandled_exception; swallowed: on to final_suspend */
static void test_body_throw_swallowed(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  ABC_THEN(RAISE("body"));
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(R, &co);
  resume_ok(R, h);
  assert_int_equal(done_of(R, h), 1);
  destroy_ok(R, h);
  assert_log_as_gxx(&fx->log, "s03_body_throws");
}

/* unhandled_exception rethrows: final_suspend is not called, yet done()
   is true and destroy() ends the state ([dcl.fct.def.coroutine]/11) */
static void test_body_throw_rethrown(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  ABC_THEN(RAISE("body"));
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(R, &co);
  cl_FrameInfo info;
  fx->rethrow = 1;
  assert_error(R, cl_resume(R, h), CL_EXCEPTION, "body");
  assert_int_equal(done_of(R, h), 1);
  assert_true(cl_frame_info(R, h, &info));
  assert_int_equal(info.state, CL_STATE_SUSPENDED_FINAL);
  assert_null(*(void **)cl_address(h));           /* resume fn slot */
  destroy_ok(R, h);
  assert_log_as_gxx(&fx->log, "s03_body_throws");
}

/* eager: the body runs inside the call; a rethrow there destroys the
   return object and the state before the caller sees the error */
static void test_eager_body_throw_rethrown(void **state) {
  Fixture *fx = *state;
  ABC_THEN(RAISE("body"));
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = {0};
  fx->initial.ready = 1;
  fx->rethrow = 1;
  assert_error(fx->R, cl_call(fx->R, &co, NULL, &h), CL_EXCEPTION, "body");
  assert_int_equal(cl_frames(fx->R, NULL, 0), 0);
  assert_log_as_gxx(&fx->log, "s03_body_throws");
}

static void test_eager_body_throw_swallowed(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  ABC_THEN(RAISE("body"));
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  fx->initial.ready = 1;
  cl_Handle h = start(R, &co);
  assert_int_equal(done_of(R, h), 1);
  destroy_ok(R, h);
  assert_log_as_gxx(&fx->log, "s03_body_throws");
}

/* ---------------- co_return, flow off (tests/cpp/core/s04_returns.cpp) -- */

/* run a lazy coroutine to its final suspend point and destroy it */
static void run_to_end(cl_Runtime *R, const cl_Coroutine *co) {
  cl_Handle h = start(R, co);
  resume_ok(R, h);
  assert_int_equal(done_of(R, h), 1);
  destroy_ok(R, h);
}

/* [stmt.return.coroutine]/2: return_value(v), then the locals die */
static void test_co_return_value(void **state) {
  Fixture *fx = *state;
  ABC_THEN(RETURN(5));
  cl_Coroutine co = script_coroutine("coro", &rec_promise_valued, body);
  run_to_end(fx->R, &co);
  assert_log_as_gxx(&fx->log, "s04_returns");
}

static void test_co_return_void(void **state) {
  Fixture *fx = *state;
  ABC_THEN(RETURN_VOID);
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  run_to_end(fx->R, &co);
  assert_log_as_gxx(&fx->log, "s04_returns");
}

/* [stmt.return.coroutine]/3 as g++ does it: flowing off the end leaves
   the scopes first, then return_void */
static void test_flow_off(void **state) {
  Fixture *fx = *state;
  RecAwaiter ready = rec_awaiter("ready", 1);
  Op body[] = {AWAIT(&ready), LOCAL("local_a"), LOCAL("local_b"),
               LOCAL("local_c"), NOTE("innermost"), END_LOCAL("local_c"),
               NOTE("middle"), END_LOCAL("local_b"), LOCAL("local_d"),
               NOTE("last"), END_LOCAL("local_d"), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  run_to_end(fx->R, &co);
  assert_log_as_gxx(&fx->log, "s04_returns");
}

/* -- destroy while suspended (tests/cpp/core/s05_destroy_suspended.cpp) -- */

/* [coroutine.handle.destroy]: the pending awaiter, the locals innermost
   first, the promise, the parameter copies, then operator delete */
static void test_destroy_at_co_await(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter aw = rec_awaiter("awaiter", 0);
  ABC_THEN(AWAIT(&aw));
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(R, &co);
  resume_ok(R, h);
  assert_int_equal(done_of(R, h), 0);
  destroy_ok(R, h);
  assert_log_as_gxx(&fx->log, "s05_destroy_suspended");
}

static void test_destroy_at_initial_suspend(void **state) {
  Fixture *fx = *state;
  ABC_THEN(RETURN_VOID);
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  destroy_ok(fx->R, start(fx->R, &co));
  assert_log_as_gxx(&fx->log, "s05_destroy_suspended");
}

/* ------ the final suspend point (tests/cpp/core/s07_final_suspend.cpp) -- */

/* final_suspend returns suspend_never: the coroutine flows off the end of
   the wrapper and the frame is destroyed inside resume() */
static void test_final_suspend_never(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Op body[] = {LOCAL("local_a"), NOTE("body"), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(R, &co);
  fx->final.ready = 1;
  resume_ok(R, h);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
  assert_log_as_gxx(&fx->log, "s07_final_suspend");
}

/* the final awaiter's await_suspend returns false: resumed at once, so the
   coroutine ends the same way */
static void test_final_await_suspend_false(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Op body[] = {NOTE("body"), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(R, &co);
  fx->final.suspend.kind = CL_SUSPEND_BOOL;
  fx->final.suspend.value = 0;
  resume_ok(R, h);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
  assert_log_as_gxx(&fx->log, "s07_final_suspend");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_generator_life),
    FIXTURE_TEST(test_params_copy_throws),
    FIXTURE_TEST(test_promise_ctor_throws),
    FIXTURE_TEST(test_get_return_object_throws),
    FIXTURE_TEST(test_initial_suspend_throws),
    FIXTURE_TEST(test_initial_await_ready_throws),
    FIXTURE_TEST(test_initial_await_suspend_throws),
    FIXTURE_TEST(test_eager_initial_await_ready_throws),
    FIXTURE_TEST(test_eager_initial_await_resume_rethrown),
    FIXTURE_TEST(test_initial_await_resume_throws),
    FIXTURE_TEST(test_body_throw_swallowed),
    FIXTURE_TEST(test_body_throw_rethrown),
    FIXTURE_TEST(test_eager_body_throw_rethrown),
    FIXTURE_TEST(test_eager_body_throw_swallowed),
    FIXTURE_TEST(test_co_return_value),
    FIXTURE_TEST(test_co_return_void),
    FIXTURE_TEST(test_flow_off),
    FIXTURE_TEST(test_destroy_at_co_await),
    FIXTURE_TEST(test_destroy_at_initial_suspend),
    FIXTURE_TEST(test_final_suspend_never),
    FIXTURE_TEST(test_final_await_suspend_false),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
