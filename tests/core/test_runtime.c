/*
** test_runtime.c — runtimes and their checks: two runtimes never see each
** other's frames, frames alive at cl_runtime_close are reported as leaks
** and destroyed, errors alive then are freed, errors carry payloads, the runtime's allocator and userdata.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* the library's version at run time is the header's: "corolab X.Y.Z" */
static void test_version(void **state) {
  char expected[32];
  (void)state;
  snprintf(expected, sizeof expected, "corolab %d.%d.%d", COROLAB_VERSION_MAJOR,
           COROLAB_VERSION_MINOR, COROLAB_VERSION_PATCH);
  assert_string_equal(cl_version(), COROLAB_VERSION);
  assert_string_equal(cl_version(), expected);
}

/* a frame of one runtime is no live frame in another */
static void test_two_runtimes_independent(void **state) {
  Fixture *fx = *state, *other = fixture_new(NULL, NULL);
  Op body[] = {END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Frame *h = start(fx->R, &co), *back;
  int done;
  assert_error(other->R, cl_resume(other->R, h), CL_MISUSE,
               "is not the address of a live coroutine frame");
  assert_error(other->R, cl_done(other->R, h, &done), CL_MISUSE,
               "is not the address of a live coroutine frame");
  assert_error(other->R, cl_from_address(other->R, h, NULL, &back), CL_MISUSE,
               "is not the address of a live coroutine frame");
  assert_int_equal(cl_frames(other->R, NULL, 0), 0);
  /* each numbers its own frames */
  cl_Frame *o = start(other->R, &co);
  cl_FrameInfo a, b;
  assert_true(cl_frame_info(fx->R, h, &a));
  assert_true(cl_frame_info(other->R, o, &b));
  assert_int_equal(a.id, 1);
  assert_int_equal(b.id, 1);
  assert_false(cl_frame_info(fx->R, o, &a));
  destroy_ok(other->R, o);
  assert_int_equal(fixture_free(other), 0);
  destroy_ok(fx->R, h);
}

/* ------------------------------------------------------------- leaks -- */

static void release_payload(cl_Runtime *R, void *payload) {
  note(R, "release(%s)", (const char *)payload);
}


typedef struct Leaks {
  int n;
  unsigned ids[4];
  cl_State states[4];
  void *frames[4];
} Leaks;

static void collect_leak(cl_Runtime *R, const cl_FrameInfo *leak, void *ud) {
  Leaks *l = (Leaks *)ud;
  l->ids[l->n] = leak->id;
  l->states[l->n] = leak->state;
  l->frames[l->n++] = (char *)leak->promise - leak->promise_offset;
  note(R, "leak #%u", leak->id);
}

/* frames alive at the close are reported, in creation order, and then
   destroyed as destroy() would, oldest first: nothing stays allocated
   (the valgrind and sanitizer runs say so) */
static void test_leaks_reported_and_freed_at_close(void **state) {
  Fixture *fx = fixture_new(NULL, NULL);
  RecAwaiter aw = rec_awaiter("aw", 0);
  Op body[] = {LOCAL("x"), AWAIT(&aw), END_LOCAL("x"), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  Leaks leaks = {0, {0}, {0}, {NULL}};
  (void)state;
  cl_Frame *a = start(fx->R, &co), *b = start(fx->R, &co), *c = start(fx->R, &co);
  resume_ok(fx->R, b);
  destroy_ok(fx->R, a);
  cl_set_leak_reporter(fx->R, collect_leak, &leaks);
  fx->log.n = 0;
  assert_int_equal(cl_runtime_close(fx->R), 2);
  assert_int_equal(leaks.n, 2);
  assert_int_equal(leaks.ids[0], 2);
  assert_int_equal(leaks.states[0], CL_STATE_SUSPENDED);
  assert_int_equal(leaks.ids[1], 3);
  assert_int_equal(leaks.states[1], CL_STATE_SUSPENDED_INITIAL);
  assert_ptr_equal(leaks.frames[0], b);
  assert_ptr_equal(leaks.frames[1], c);
  assert_log(&fx->log, "leak #2", "leak #3",
             "~aw", "~x", "~promise", "~params", "operator delete",
             "~init", "~promise", "~params", "operator delete");
  free(fx);
}

/* a body that closes its own runtime: refused, the runtime goes on */
static void closes_runtime(cl_Step *s) {
  static size_t got;
  CL_BEGIN(s);
  got = cl_runtime_close(s->R);
  CL_YIELD(s, &got);
  CL_END(s);
}

static void test_close_from_inside_refused(void **state) {
  Fixture *fx = *state;
  cl_Coroutine co = {.name = "closer", .promise_type = &cl_generator_type,
                     .step = closes_runtime};
  cl_Frame *g = start(fx->R, &co);
  void *v;
  assert_ok(cl_generator_next(fx->R, g, &v));
  assert_true(*(size_t *)v == SIZE_MAX);
  destroy_ok(fx->R, g);
}

/* errors nobody freed are freed at the close, their payloads released */
static void test_errors_freed_at_close(void **state) {
  Fixture *fx = fixture_new(NULL, NULL);
  (void)state;
  cl_error_with_payload(fx->R, "kept", "first", release_payload);
  cl_error_new(fx->R, CL_EXCEPTION, "forgotten");
  cl_error_free(fx->R, cl_error_with_payload(fx->R, "freed", "second",
                                              release_payload));
  assert_int_equal(cl_runtime_close(fx->R), 0);
  assert_log(&fx->log, "release(second)", "release(first)");
  free(fx);
}

/* ------------------------------------------------------------ errors -- */

static void test_error_payload(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Error *e = cl_error_with_payload(R, "thrown", "object", release_payload);
  assert_int_equal(cl_error_kind(e), CL_EXCEPTION);
  assert_string_equal(cl_error_message(e), "thrown");
  assert_string_equal((const char *)cl_error_payload(e), "object");
  cl_error_free(R, e);
  e = cl_error_new(R, CL_MISUSE, "%s #%d", "bad", 3);
  assert_string_equal(cl_error_message(e), "bad #3");
  assert_null(cl_error_payload(e));
  cl_error_free(R, e);
  cl_error_free(R, NULL);
  assert_log(&fx->log, "release(object)");
}

/* the runtime's allocator, userdata and state names */
static void test_runtime_basics(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  char *p = (char *)cl_alloc(R, 32);
  assert_non_null(p);
  memset(p, 1, 32);
  cl_free(R, p, 32);
  cl_free(R, NULL, 0);
  assert_ptr_equal(cl_runtime_userdata(R), fx);
  assert_string_equal(cl_state_name(CL_STATE_SUSPENDED_FINAL),
                      "suspended at its final suspend point");
  assert_string_equal(cl_state_name(CL_STATE_RUNNING), "running");
  assert_null(cl_running(R));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_version),
    FIXTURE_TEST(test_two_runtimes_independent),
    cmocka_unit_test(test_leaks_reported_and_freed_at_close),
    cmocka_unit_test(test_errors_freed_at_close),
    FIXTURE_TEST(test_close_from_inside_refused),
    FIXTURE_TEST(test_error_payload),
    FIXTURE_TEST(test_runtime_basics),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
