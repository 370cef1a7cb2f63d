/*
** test_detached.c — cl_detached_type, the fire-and-forget coroutine: eager
** (its call runs the body to the first suspension), self-destroying (its
** state is destroyed inside the resume, or the call, where the body
** ends), no return object, and std::terminate's place where an exception
** leaves the body: an error that names it, for the resumer. Each order is
** g++'s (tests/cpp/core/s14_detached.cpp): the log holds what the body and
** its awaiter log, and the promise's and suspend_never's members, which
** cl_detached_type does not log, from their events.
*/
#include <string.h>

#include "helpers.h"

/* an event of a member cl_detached_type (or suspend_never) runs, in
   s14_detached.cpp's words; the body and its awaiter log themselves */
static void log_member(cl_Runtime *R, const cl_Event *ev, void *ud) {
  int never = strcmp(ev->detail, "suspend_never") == 0;
  (void)ud;
  switch (ev->kind) {
    case CL_EV_OPERATOR_NEW: note(R, "operator new"); break;
    case CL_EV_PROMISE_CONSTRUCT: note(R, "promise.ctor"); break;
    case CL_EV_GET_RETURN_OBJECT: note(R, "get_return_object"); break;
    case CL_EV_INITIAL_SUSPEND: note(R, "initial_suspend"); break;
    case CL_EV_AWAIT_READY: if (never) note(R, "never.await_ready"); break;
    case CL_EV_AWAIT_RESUME: if (never) note(R, "never.await_resume"); break;
    case CL_EV_RETURN_VOID: note(R, "return_void"); break;
    case CL_EV_UNHANDLED_EXCEPTION: note(R, "unhandled_exception(%s)", ev->detail); break;
    case CL_EV_FINAL_SUSPEND: note(R, "final_suspend"); break;
    case CL_EV_PROMISE_DESTROY: note(R, "~promise"); break;
    case CL_EV_OPERATOR_DELETE: note(R, "operator delete"); break;
    default: break;
  }
}

/* the handle of the coroutine the awaiter saw suspend */
static cl_Frame *waiting(const RecAwaiter *a) {
  return cl_promise_frame(a->seen.promise);
}

/* the call runs the body to its co_await and returns; the resume runs it
   to its end, and the state is gone when the resume returns */
static void test_detached_life(void **state) {
  Fixture *fx = *state;
  RecAwaiter ev = rec_awaiter("ev", 0);
  Op body[] = {LOCAL("local_a"), NOTE("body: start"), AWAIT(&ev),
               NOTE("body: resumed"), END_LOCAL("local_a"), END};
  cl_Coroutine co = script_coroutine("job", &cl_detached_type, body);
  assert_true(cl_observe(fx->R, log_member, NULL) > 0);
  assert_ok(cl_call(fx->R, &co, NULL, NULL));
  note(fx->R, "returned to caller");
  cl_Frame *h = waiting(&ev);
  unsigned id = cl_frame_id(fx->R, h);
  assert_int_equal(cl_frames(fx->R, NULL, 0), 1);
  assert_ok(cl_resume(fx->R, h));
  note(fx->R, "resume returned");
  assert_log_as_gxx(&fx->log, "s14_detached");
  assert_int_equal(cl_frames(fx->R, NULL, 0), 0);
  assert_error(fx->R, cl_check_handle(fx->R, "resume()", h, id), CL_MISUSE,
               "was already destroyed");
}

/* a body that never suspends ends inside its call: nothing is left */
static void test_detached_ends_in_its_call(void **state) {
  Fixture *fx = *state;
  Op body[] = {LOCAL("local_a"), NOTE("body"), RETURN_VOID, END};
  cl_Coroutine co = script_coroutine("straight", &cl_detached_type, body);
  cl_Frame *ret = (cl_Frame *)&ret;           /* left as it was */
  assert_true(cl_observe(fx->R, log_member, NULL) > 0);
  assert_ok(cl_call(fx->R, &co, NULL, &ret));
  note(fx->R, "returned to caller");
  assert_log_as_gxx(&fx->log, "s14_detached");
  assert_ptr_equal(ret, (cl_Frame *)&ret);
  assert_int_equal(cl_frames(fx->R, NULL, 0), 0);
}

/* the same, with nothing observing (the quiet driver) */
static void test_detached_unobserved(void **state) {
  Fixture *fx = *state;
  RecAwaiter ev = rec_awaiter("ev", 0);
  Op body[] = {AWAIT(&ev), NOTE("body: resumed"), END};
  cl_Coroutine co = script_coroutine("job", &cl_detached_type, body);
  assert_ok(cl_call(fx->R, &co, NULL, NULL));
  assert_int_equal(cl_frames(fx->R, NULL, 0), 1);
  assert_ok(cl_resume(fx->R, waiting(&ev)));
  assert_int_equal(cl_frames(fx->R, NULL, 0), 0);
  assert_log(&fx->log, "params.copy", "ev.await_ready", "ev.await_suspend",
             "ev.await_resume", "~ev", "body: resumed", "~params");
}

#define TERMINATE(frame) "coroutine #1 '" frame "' (detached): an exception " \
  "escaped its body (boom); nothing awaits a detached coroutine, so C++ " \
  "calls std::terminate here [except.terminate]"

/* [except.terminate]: std::terminate in C++ (g++'s log stops there). Here
   the call fails with an error naming it, of the body's kind and payload,
   and nothing is left */
static void test_detached_throws_in_its_call(void **state) {
  Fixture *fx = *state;
  Op body[] = {LOCAL("local_a"), RAISE("boom"), END};
  cl_Coroutine co = script_coroutine("thrower", &cl_detached_type, body);
  assert_true(cl_observe(fx->R, log_member, NULL) > 0);
  assert_error_exact(fx->R, cl_call(fx->R, &co, NULL, NULL), CL_EXCEPTION,
                     TERMINATE("thrower"));
  int n = assert_log_as_gxx(&fx->log, "s14_detached");
  /* where C++ stops, the core goes on: the call fails whole */
  assert_int_equal(fx->log.n, n + 3);
  assert_string_equal(fx->log.entry[n], "~promise");
  assert_string_equal(fx->log.entry[n + 1], "~params");
  assert_string_equal(fx->log.entry[n + 2], "operator delete");
  assert_int_equal(cl_frames(fx->R, NULL, 0), 0);
}

/* ... and after a resume: the resumer gets the error; the coroutine is
   left at its final suspend point, done, for the resumer to destroy */
static void test_detached_throws_after_a_resume(void **state) {
  Fixture *fx = *state;
  RecAwaiter ev = rec_awaiter("ev", 0);
  Op body[] = {LOCAL("local_a"), AWAIT(&ev), RAISE("boom"), END};
  cl_Coroutine co = script_coroutine("thrower", &cl_detached_type, body);
  assert_true(cl_observe(fx->R, log_member, NULL) > 0);
  assert_ok(cl_call(fx->R, &co, NULL, NULL));
  note(fx->R, "returned to caller");
  cl_Frame *h = waiting(&ev);
  assert_error_exact(fx->R, cl_resume(fx->R, h), CL_EXCEPTION, TERMINATE("thrower"));
  int n = assert_log_as_gxx(&fx->log, "s14_detached");
  assert_int_equal(fx->log.n, n);
  assert_int_equal(done_of(fx->R, h), 1);
  destroy_ok(fx->R, h);
  assert_int_equal(fx->log.n, n + 3);
  assert_string_equal(fx->log.entry[n], "~promise");
  assert_string_equal(fx->log.entry[n + 2], "operator delete");
}

/* the payload the body threw travels with the error */
static int released;
static void release(cl_Runtime *R, void *payload) {
  (void)R;
  released += *(int *)payload;
}

static int thrown_payload = 7;

static void throw_payload(cl_Step *s) {
  CL_BEGIN(s);
  CL_RAISE(s, cl_error_with_payload(s->R, "boom", &thrown_payload, release));
  CL_END(s);
}

static void test_detached_keeps_the_payload(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  const cl_Coroutine co = {.name = "thrower", .promise_type = &cl_detached_type,
                           .step = throw_payload, .source = __FILE__};
  cl_Error *e = cl_call(R, &co, NULL, NULL);
  assert_non_null(e);
  assert_string_equal(cl_error_message(e), TERMINATE("thrower"));
  assert_ptr_equal(cl_error_payload(e), &thrown_payload);
  assert_int_equal(released, 0);
  cl_error_free(R, e);
  assert_int_equal(released, 7);
}

/* what it does not have is ill-formed, named, as g++ names it */
static void test_detached_has_no_value(void **state) {
  Fixture *fx = *state;
  Op returns[] = {RETURN(1), END}, yields[] = {YIELD(1), END};
  cl_Coroutine co = script_coroutine("valued", &cl_detached_type, returns);
  assert_error(fx->R, cl_call(fx->R, &co, NULL, NULL), CL_MISUSE,
               "no member named 'return_value' in 'detached'");
  co = script_coroutine("yielding", &cl_detached_type, yields);
  assert_error(fx->R, cl_call(fx->R, &co, NULL, NULL), CL_MISUSE,
               "no member named 'yield_value' in 'detached'");
  assert_int_equal(cl_frames(fx->R, NULL, 0), 0);
}

/* the reference types whose return object is the handle need a place for
   it: ret NULL is an error, and nothing is left */
static void test_handle_needs_a_place(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  long long n = 3;
  assert_error_exact(R, cl_call(R, &range_generator, &n, NULL), CL_MISUSE,
                     "get_return_object: the return object of coroutine #1 "
                     "'range' (generator) is its handle, which its caller keeps "
                     "to destroy it: give cl_call a cl_Frame * to put it in (ret "
                     "is NULL)");
  assert_int_equal(cl_frames(R, NULL, 0), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_detached_life),
    FIXTURE_TEST(test_detached_ends_in_its_call),
    FIXTURE_TEST(test_detached_unobserved),
    FIXTURE_TEST(test_detached_throws_in_its_call),
    FIXTURE_TEST(test_detached_throws_after_a_resume),
    FIXTURE_TEST(test_detached_keeps_the_payload),
    FIXTURE_TEST(test_detached_has_no_value),
    FIXTURE_TEST(test_handle_needs_a_place),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
