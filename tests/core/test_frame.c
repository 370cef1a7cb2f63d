/*
** test_frame.c — the frame's layout, as g++ and clang lay it out (s11:
** tests/cpp/core/s11_frame_layout.cpp):
** resume function at +0 (null at the final suspend point), destroy
** function at +8, the promise at +16; then the runtime's state and the
** body's storage at the offsets cl_frame_info reports.
*/
#include <string.h>

#include "helpers.h"

typedef void (*SlotFn)(void);

static SlotFn slot(cl_Handle h, size_t offset) {
  SlotFn fn;
  memcpy(&fn, (char *)cl_address(h) + offset, sizeof fn);
  return fn;
}

/* the body checks that what it is given is what cl_frame_info reports */
static void check_step_pointers(cl_Step *s) {
  cl_FrameInfo info;
  assert_true(cl_frame_info(s->R, s->handle, &info));
  assert_ptr_equal(s->promise, info.promise);
  assert_ptr_equal(s->locals, info.locals);
  assert_int_equal(info.state, CL_STATE_RUNNING);
}

static void check_layout(Fixture *fx, const cl_PromiseType *pt) {
  cl_Runtime *R = fx->R;
  RecAwaiter aw = rec_awaiter("aw", 0);
  Op body[] = {CALL(check_step_pointers), AWAIT(&aw), END};
  cl_Coroutine co = script_coroutine("coro", pt, body);
  cl_Handle h = start(R, &co);
  char *base = (char *)cl_address(h);
  SlotFn destroy_fn;
  cl_FrameInfo info;
  assert_true(cl_frame_info(R, h, &info));
  /* the head, as corolab.h says it, and its arithmetic unchecked */
  assert_int_equal(info.promise_offset, 16);
  assert_int_equal(CL_FRAME_PROMISE_OFFSET, 16);
  assert_int_equal(CL_FRAME_DESTROY_OFFSET, 8);
  assert_ptr_equal(info.promise, base + 16);
  assert_ptr_equal(cl_frame_promise(h.frame), info.promise);
  assert_ptr_equal(cl_promise_frame(info.promise), h.frame);
  assert_int_equal((uintptr_t)info.promise % 16, 0);
  assert_non_null(slot(h, 0));
  memcpy(&destroy_fn, &co.destroy_locals, sizeof destroy_fn);
  assert_true(slot(h, 8) == destroy_fn);
  /* the runtime's state after the promise, then the body's storage */
  assert_int_equal(info.state_offset, 16 + (pt->size + 15) / 16 * 16);
  assert_true(info.locals_offset > info.state_offset);
  assert_int_equal(info.locals_offset % 16, 0);
  assert_ptr_equal(info.locals, base + info.locals_offset);
  assert_int_equal(info.frame_size, info.locals_offset + co.locals_size);
  assert_int_equal(info.state, CL_STATE_SUSPENDED_INITIAL);
  /* at a co_await: the awaiter is known, the resume slot still set */
  resume_ok(R, h);
  assert_true(cl_frame_info(R, h, &info));
  assert_int_equal(info.state, CL_STATE_SUSPENDED);
  assert_ptr_equal(info.awaiter.self, &aw);
  assert_non_null(slot(h, 0));
  /* at the final suspend point: resume slot null, destroy slot kept */
  resume_ok(R, h);
  assert_true(cl_frame_info(R, h, &info));
  assert_int_equal(info.state, CL_STATE_SUSPENDED_FINAL);
  assert_null(slot(h, 0));
  assert_true(slot(h, 8) == destroy_fn);
  destroy_ok(R, h);
}

static void test_layout_small_promise(void **state) {
  check_layout(*state, &rec_promise);
}

static void test_layout_large_promise(void **state) {
  cl_PromiseType pt = rec_promise;
  pt.size = 40;
  check_layout(*state, &pt);
}

/* what an observer saw at the final awaiter's await_resume */
typedef struct AtFinal { int seen, done; SlotFn resume_fn; } AtFinal;

static void at_final_resume(cl_Runtime *R, const cl_Event *ev, void *ud) {
  AtFinal *at = (AtFinal *)ud;
  if (ev->kind != CL_EV_AWAIT_RESUME || ev->cause != CL_CAUSE_FINAL_SUSPEND) return;
  at->seen = 1;
  at->done = done_of(R, ev->handle);
  at->resume_fn = slot(ev->handle, 0);
}

/* [expr.await]/5.1.2: the final awaiter's await_suspend returns false, so
   the coroutine is resumed from its final suspend point: done() is false
   again and its resume slot set while it runs on (g++: it flows off the end
   and is destroyed) */
static void test_resumed_from_final_suspend(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Op body[] = {END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  AtFinal at = {0, -1, NULL};
  fx->final.suspend = (cl_SuspendResult){CL_SUSPEND_BOOL, 0, {NULL, 0, 0}};
  cl_Handle h = start(R, &co);
  assert_true(cl_observe(R, at_final_resume, &at) > 0);
  resume_ok(R, h);
  assert_true(at.seen);
  assert_int_equal(at.done, 0);
  assert_non_null(at.resume_fn);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
}

/* one table of states: each state's words, and none for a bad one */
static void test_state_names(void **state) {
  (void)state;
  assert_int_equal(CL_STATE_COUNT, 6);
  assert_string_equal(cl_state_names[CL_STATE_PROLOGUE], "in its prologue");
  assert_string_equal(cl_state_name(CL_STATE_SUSPENDED_FINAL),
                      "suspended at its final suspend point");
  assert_string_equal(cl_state_name(CL_STATE_DESTROYING), "being destroyed");
  assert_string_equal(cl_state_name(CL_STATE_COUNT), "?");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_layout_small_promise),
    FIXTURE_TEST(test_layout_large_promise),
    FIXTURE_TEST(test_resumed_from_final_suspend),
    cmocka_unit_test(test_state_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
