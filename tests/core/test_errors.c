/*
** test_errors.c — what C++ rejects or leaves undefined, as named errors:
** promise type rules worded like g++'s diagnostics (s10_err_*:
** tests/cpp/core/ill_formed/s10_err_*.cpp), members a body needs, a
** throwing final_suspend, flowing off without return_void; after each the
** runtime keeps working.
*/
#include <string.h>

#include "helpers.h"

/* --------------------------------------------------- promise type rules -- */

/* cl_promise_type_check and cl_call both reject pt, the latter before
   operator new */
static void expect_ill_formed(Fixture *fx, const cl_PromiseType *pt,
                              const char *message) {
  Op body[] = {END};
  cl_Coroutine co = script_coroutine("coro", pt, body);
  cl_Handle h = {0};
  assert_error(fx->R, cl_promise_type_check(fx->R, pt), CL_MISUSE, message);
  assert_error(fx->R, cl_call(fx->R, &co, NULL, &h), CL_MISUSE, message);
  assert_null(h.frame);
  assert_log_empty(&fx->log);
}

/* [dcl.fct.def.coroutine]/7: get_return_object (s10_err_c:
   tests/cpp/core/ill_formed/s10_err_c_no_get_return_object.cpp) */
static void test_no_get_return_object(void **state) {
  cl_PromiseType pt = rec_promise;
  pt.get_return_object = NULL;
  expect_ill_formed(*state, &pt, "no member named 'get_return_object' in "
                    "'rec_promise' [dcl.fct.def.coroutine]");
}

/* [dcl.fct.def.coroutine]/5: initial_suspend (s10_err_d:
   tests/cpp/core/ill_formed/s10_err_d_no_initial_suspend.cpp) */
static void test_no_initial_suspend(void **state) {
  cl_PromiseType pt = rec_promise;
  pt.initial_suspend = NULL;
  expect_ill_formed(*state, &pt, "no member named 'initial_suspend' in 'rec_promise'");
}

/* [dcl.fct.def.coroutine]/5: final_suspend (s10_err_e:
   tests/cpp/core/ill_formed/s10_err_e_no_final_suspend.cpp) */
static void test_no_final_suspend(void **state) {
  cl_PromiseType pt = rec_promise;
  pt.final_suspend = NULL;
  expect_ill_formed(*state, &pt, "no member named 'final_suspend' in 'rec_promise'");
}

/* [dcl.fct.def.coroutine]/5: unhandled_exception (s10_err_b:
   tests/cpp/core/ill_formed/s10_err_b_no_unhandled_exception.cpp) */
static void test_no_unhandled_exception(void **state) {
  cl_PromiseType pt = rec_promise;
  pt.unhandled_exception = NULL;
  expect_ill_formed(*state, &pt,
                    "no member named 'unhandled_exception' in 'rec_promise'");
}

/* [dcl.fct.def.coroutine]/6: not both (s10_err_a:
   tests/cpp/core/ill_formed/s10_err_a_both_returns.cpp) */
static void test_both_return_value_and_return_void(void **state) {
  cl_PromiseType pt = rec_promise;
  pt.return_value = rec_promise_valued.return_value;
  expect_ill_formed(*state, &pt, "the coroutine promise type 'rec_promise' "
                    "declares both 'return_value' and 'return_void'");
}

/* neither return member is fine until a body needs one */
static void test_neither_return_member_is_well_formed(void **state) {
  cl_PromiseType pt = rec_promise;
  pt.return_void = NULL;
  assert_ok(cl_promise_type_check(((Fixture *)*state)->R, &pt));
}

/* --------------------------------------------- members a body asks for -- */

/* run body (lazy) and expect error from its first resume: what C++ would
   not compile ends the coroutine and reaches the resumer even though this
   promise's unhandled_exception swallows exceptions (it is never called);
   the coroutine is then done and destroyable */
static void expect_body_error(Fixture *fx, const cl_PromiseType *pt,
                              const Op *body, const char *message) {
  cl_Coroutine co = script_coroutine("coro", pt, body);
  cl_Handle h = start(fx->R, &co);
  fx->rethrow = 0;
  fx->log.n = 0;
  assert_error(fx->R, cl_resume(fx->R, h), CL_MISUSE, message);
  assert_int_equal(done_of(fx->R, h), 1);
  destroy_ok(fx->R, h);
}

/* [stmt.return.coroutine]/2: co_return v needs return_value (s10_err_i:
   tests/cpp/core/ill_formed/s10_err_i_no_return_value.cpp) */
static void test_co_return_value_without_return_value(void **state) {
  Fixture *fx = *state;
  const Op body[] = {LOCAL("local_a"), RETURN(42), END};
  expect_body_error(fx, &rec_promise, body, "co_return: no member named "
                    "'return_value' in 'rec_promise' [stmt.return.coroutine]");
  assert_log(&fx->log, INITIAL_RESUMED, "local_a.ctor", "~local_a",
             STATE_DESTROYED);
}

static void test_co_return_without_return_void(void **state) {
  Fixture *fx = *state;
  const Op body[] = {RETURN_VOID, END};
  expect_body_error(fx, &rec_promise_valued, body, "co_return: no member "
                    "named 'return_void' in 'rec_promise_valued'");
}

/* [expr.yield]/1: co_yield needs yield_value (s10_err_j:
   tests/cpp/core/ill_formed/s10_err_j_no_yield_value.cpp) */
static void test_co_yield_without_yield_value(void **state) {
  cl_PromiseType pt = rec_promise;
  const Op body[] = {YIELD(1), END};
  pt.yield_value = NULL;
  expect_body_error(*state, &pt, body, "co_yield: no member named "
                    "'yield_value' in 'rec_promise' [expr.yield]");
}

/* [stmt.return.coroutine]/3: flowing off the end without return_void is
   undefined behaviour (g++ accepts it silently: s10_err_f,
   tests/cpp/core/ill_formed/s10_err_f_flow_off.cpp) */
static void test_flow_off_without_return_void(void **state) {
  Fixture *fx = *state;
  const Op body[] = {LOCAL("local_a"), END};
  expect_body_error(fx, &rec_promise_valued, body, "coroutine #1 'coro' "
                    "flowed off the end of its body, but 'rec_promise_valued' "
                    "has no return_void; this is undefined behaviour "
                    "[stmt.return.coroutine]/3");
  assert_log(&fx->log, INITIAL_RESUMED, "local_a.ctor", "~local_a",
             STATE_DESTROYED);
}

/* ---------------------------------------------- the final suspend point -- */

/* [dcl.fct.def.coroutine]/15 (s10_err_g): final_suspend must not throw;
   C++ would call std::terminate; the coroutine is left done. g++:
   tests/cpp/core/s10_err_g_final_suspend_throws.cpp (noexcept, throws:
   std::terminate), tests/cpp/core/ill_formed/s10_err_g_*.cpp (not
   noexcept: rejected) */
static void final_suspend_throws(Fixture *fx, const char *throw_at,
                                 const char *test, const char *unwound) {
  Op body[] = {END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(fx->R, &co);
  fx->throw_at = throw_at;
  fx->log.n = 0;
  assert_error(fx->R, cl_resume(fx->R, h), CL_MISUSE, "std::terminate");
  int n = assert_log_as_gxx_of(&fx->log, "s10_err_g_final_suspend_throws", test);
  /* where C++ stops, the core goes on: the temporaries die */
  assert_int_equal(fx->log.n, n + (unwound != NULL));
  if (unwound) assert_string_equal(fx->log.entry[n], unwound);
  assert_int_equal(done_of(fx->R, h), 1);
  fx->log.n = 0;
  destroy_ok(fx->R, h);
  /* still usable: the same coroutine runs to its end */
  fx->throw_at = NULL;
  h = start(fx->R, &co);
  resume_ok(fx->R, h);
  assert_int_equal(done_of(fx->R, h), 1);
  destroy_ok(fx->R, h);
  assert_log(&fx->log, STATE_DESTROYED, LAZY_PROLOGUE, INITIAL_RESUMED,
             "return_void", FINAL_SUSPENDED, "~final", STATE_DESTROYED);
}

static void test_final_suspend_throws(void **state) {
  final_suspend_throws(*state, "final_suspend", __func__, NULL);
}

static void test_final_await_ready_throws(void **state) {
  final_suspend_throws(*state, "final.await_ready", __func__, "~final");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_no_get_return_object),
    FIXTURE_TEST(test_no_initial_suspend),
    FIXTURE_TEST(test_no_final_suspend),
    FIXTURE_TEST(test_no_unhandled_exception),
    FIXTURE_TEST(test_both_return_value_and_return_void),
    FIXTURE_TEST(test_neither_return_member_is_well_formed),
    FIXTURE_TEST(test_co_return_value_without_return_value),
    FIXTURE_TEST(test_co_return_without_return_void),
    FIXTURE_TEST(test_co_yield_without_yield_value),
    FIXTURE_TEST(test_flow_off_without_return_void),
    FIXTURE_TEST(test_final_suspend_throws),
    FIXTURE_TEST(test_final_await_ready_throws),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
