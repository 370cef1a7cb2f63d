/*
** test_ownership.c — an error has one owner (corolab.h, "errors" and
** "Lifetimes"): whoever a call returns one to frees it, once; freeing it
** again, or with another runtime, is a named misuse that reads nothing of
** it; errors nobody freed are reported at the close, a count and the
** first few, and then freed.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* the misuse cl_error_free names for e, which it must not read */
static void freed_twice(cl_Runtime *R, cl_Error *e, cl_Error *said) {
  char expected[256];
  snprintf(expected, sizeof expected, "cl_error_free: %p is no live error of "
           "this runtime: it was freed already (an error is freed once, by its "
           "owner: see corolab.h, \"Lifetimes\"), or another runtime made it",
           (void *)e);
  assert_error_exact(R, said, CL_MISUSE, expected);
}

/* an error made and freed twice */
static void test_free_twice(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Error *e = cl_error_new(R, CL_EXCEPTION, "once");
  assert_null(cl_error_free(R, e));
  freed_twice(R, e, cl_error_free(R, e));
  assert_null(cl_error_free(R, NULL));
}

/* a task whose body throws: cl_task_run hands the error to its caller,
   who frees it; the task keeps no reference, so destroying it frees
   nothing twice, and a second free by the caller is named */
static void throws(cl_Step *s) {
  CL_BEGIN(s);
  CL_RAISE(s, cl_error_new(s->R, CL_EXCEPTION, "thrown"));
  CL_END(s);
}

static void test_task_run_error_is_the_callers(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Coroutine co = {.name = "thrower", .promise_type = &cl_task_type, .step = throws};
  cl_Handle t = {0};
  assert_ok(cl_call(R, &co, NULL, &t));
  cl_Error *e = cl_task_run(R, t, NULL);
  assert_non_null(e);
  assert_string_equal(cl_error_message(e), "thrown");
  destroy_ok(R, t);                          /* the task kept no reference */
  assert_null(cl_error_free(R, e));
  freed_twice(R, e, cl_error_free(R, e));
}

/* ... so does cl_generator_next, and cl_resume */
static void test_next_and_resume_errors_are_the_callers(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Coroutine co = {.name = "thrower", .promise_type = &cl_generator_type,
                     .step = throws};
  cl_Handle g = start(R, &co), null = {0};
  void *v;
  cl_Error *e = cl_generator_next(R, g, &v);
  assert_non_null(e);
  destroy_ok(R, g);
  assert_null(cl_error_free(R, e));
  freed_twice(R, e, cl_error_free(R, e));
  e = cl_resume(R, null);
  assert_non_null(e);
  assert_null(cl_error_free(R, e));
  freed_twice(R, e, cl_error_free(R, e));
}

/* what an error reporter was told at the close */
typedef struct Report { size_t count; int n; char first[CL_ERRORS_REPORTED][96]; } Report;

static void keep_report(cl_Runtime *R, const cl_Error *e, size_t i, size_t count,
                        void *ud) {
  Report *r = (Report *)ud;
  (void)R;
  assert_int_equal(i, (size_t)r->n + 1);
  r->count = count;
  snprintf(r->first[r->n++], sizeof r->first[0], "%s", cl_error_message(e));
}

/* a promise type that breaks the rule: its unhandled_exception keeps the
   error (the task's destructor frees it) and rethrows it too (cl_task_run
   hands it to its caller). The second free, the destructor's, is named;
   nothing is freed twice, and the close reports the misuse */
static cl_Error *keeps_and_rethrows(cl_Runtime *R, void *p, cl_Error *e) {
  (void)R;
  ((cl_TaskPromise *)p)->error = e;
  return e;
}

static void test_error_given_away_twice(void **state) {
  Fixture *fx = fixture_new(NULL, NULL);
  cl_Runtime *R = fx->R;
  cl_PromiseType pt = cl_task_type;
  cl_Coroutine co = {.name = "thrower", .promise_type = &pt, .step = throws};
  cl_Handle t = {0};
  Report r;
  (void)state;
  memset(&r, 0, sizeof r);
  pt.name = "careless_task";
  pt.base = &cl_task_type;
  pt.unhandled_exception = keeps_and_rethrows;
  assert_ok(cl_call(R, &co, NULL, &t));
  cl_Error *e = cl_task_run(R, t, NULL);
  assert_non_null(e);
  assert_null(cl_error_free(R, e));           /* the caller's free */
  destroy_ok(R, t);                           /* ~promise frees it again */
  cl_set_error_reporter(R, keep_report, &r);
  assert_int_equal(fixture_free(fx), 0);
  assert_int_equal(r.count, 1);
  assert_non_null(strstr(r.first[0], "is no live error of this runtime: it was "
                         "freed already"));
}

/* an error freed with the runtime that did not make it: named, and the
   error stays its own runtime's */
static void test_free_with_another_runtime(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  Fixture *other = fixture_new(NULL, NULL);
  cl_Error *e = cl_error_new(other->R, CL_EXCEPTION, "the other's");
  freed_twice(R, e, cl_error_free(R, e));
  assert_string_equal(cl_error_message(e), "the other's");
  assert_null(cl_error_free(other->R, e));
  assert_int_equal(fixture_free(other), 0);
}

/* a hand-written step that frees the error its co_await raised, without
   taking it (s->thrown stays the driver's): named, not freed twice */
static void frees_thrown(cl_Step *s) {
  static RecAwaiter aw;
  if (s->index == 0) {
    aw = rec_awaiter("aw", 1);
    s->index = 1;
    s->request = CL_REQ_AWAIT;
    s->operand = rec_awaitable(&aw);
    return;
  }
  cl_error_free(s->R, s->thrown);            /* s->thrown left set */
  s->request = CL_REQ_FLOW_OFF;
}

static void test_body_frees_what_it_does_not_own(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Coroutine co = {.name = "freer", .promise_type = &rec_promise,
                     .step = frees_thrown};
  cl_Handle h = start(R, &co);
  fx->throw_at = "aw.await_resume";
  assert_error_exact(R, cl_resume(R, h), CL_MISUSE, "the body of coroutine #1 "
                     "'freer' freed the error its co_await raised without "
                     "taking it (it stays the driver's until CL_AWAIT_CATCH "
                     "takes it)");
  fx->throw_at = NULL;
  assert_true(done_of(R, h));
  destroy_ok(R, h);
}

/* ----------------------------------------------------- at the close -- */

/* ignored errors (here from cl_destroy of the null handle, a hundred
   thousand of them) are reported at the close: how many, and the first
   few, oldest first; then they are freed (ASan and valgrind see none left) */
static void test_ignored_errors_reported(void **state) {
  Fixture *fx = fixture_new(NULL, NULL);
  cl_Handle null = {0};
  Report r;
  (void)state;
  memset(&r, 0, sizeof r);
  cl_error_new(fx->R, CL_EXCEPTION, "the first");
  for (int i = 0; i < 100000; i++) cl_destroy(fx->R, null);
  cl_error_free(fx->R, cl_error_new(fx->R, CL_EXCEPTION, "freed"));
  cl_set_error_reporter(fx->R, keep_report, &r);
  assert_int_equal(cl_runtime_close(fx->R), 0);
  assert_int_equal(r.count, 100001);
  assert_int_equal(r.n, CL_ERRORS_REPORTED);
  assert_string_equal(r.first[0], "the first");
  for (int i = 1; i < CL_ERRORS_REPORTED; i++)
    assert_non_null(strstr(r.first[i], "destroy(): the coroutine_handle is null"));
  free(fx);
}

/* no report when the reporter is NULL, nor when nothing is left */
static void test_no_report(void **state) {
  Fixture *fx = fixture_new(NULL, NULL);
  Report r;
  (void)state;
  memset(&r, 0, sizeof r);
  cl_set_error_reporter(fx->R, keep_report, &r);
  cl_error_free(fx->R, cl_error_new(fx->R, CL_EXCEPTION, "freed"));
  assert_int_equal(fixture_free(fx), 0);
  assert_int_equal(r.n, 0);
  fx = fixture_new(NULL, NULL);
  cl_set_error_reporter(fx->R, NULL, NULL);
  cl_error_new(fx->R, CL_EXCEPTION, "forgotten, not reported");
  assert_int_equal(fixture_free(fx), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_free_twice),
    FIXTURE_TEST(test_task_run_error_is_the_callers),
    FIXTURE_TEST(test_next_and_resume_errors_are_the_callers),
    cmocka_unit_test(test_error_given_away_twice),
    FIXTURE_TEST(test_free_with_another_runtime),
    FIXTURE_TEST(test_body_frees_what_it_does_not_own),
    cmocka_unit_test(test_ignored_errors_reported),
    cmocka_unit_test(test_no_report),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
