/*
** test_alloc.c — allocating the frame ([dcl.fct.def.coroutine]/9-11):
** the promise's operator new/delete with the frame size and arguments,
** allocation failure with and without get_return_object_on_allocation_
** failure, and the runtime under an allocator that fails the N-th
** allocation, for every N, without leaking.
*/
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* --------- operator new / delete (tests/cpp/core/s08_operator_new.cpp) -- */

typedef struct Sizes {            /* what operator new and delete were given */
  size_t new_size, delete_size;
  void *args, *allocated, *deleted;
} Sizes;

static void *sized_new(cl_Runtime *R, const cl_PromiseType *pt, size_t size,
                       void *args, cl_Error **error) {
  Sizes *seen = (Sizes *)pt->userdata;
  *error = rec(R, "operator new(size, args)");
  seen->new_size = size;
  seen->args = args;
  return seen->allocated = cl_alloc(R, size);
}

static void sized_delete(cl_Runtime *R, const cl_PromiseType *pt, void *frame,
                         size_t size) {
  Sizes *seen = (Sizes *)pt->userdata;
  note(R, "operator delete(frame, size)");
  seen->delete_size = size;
  seen->deleted = frame;
  cl_free(R, frame, size);
}

/* [dcl.fct.def.coroutine]/9: operator new(size, args...) is preferred;
   operator delete gets the same size */
static void test_operator_new_gets_size_and_args(void **state) {
  Fixture *fx = *state;
  Sizes seen = {0, 0, NULL, NULL, NULL};
  cl_PromiseType pt = rec_promise;
  Op body[] = {END};
  long long arg = 42;
  pt.userdata = &seen;
  pt.operator_new = sized_new;
  pt.operator_delete = sized_delete;
  cl_Coroutine co = script_coroutine("coro", &pt, body);
  cl_Handle h = start_with(fx->R, &co, &arg);
  cl_FrameInfo info;
  assert_true(cl_frame_info(fx->R, h, &info));
  assert_int_equal(seen.new_size, info.frame_size);
  assert_ptr_equal(seen.args, &arg);
  assert_ptr_equal(seen.allocated, cl_address(h));
  destroy_ok(fx->R, h);
  assert_int_equal(seen.delete_size, seen.new_size);
  assert_ptr_equal(seen.deleted, seen.allocated);
  assert_log_as_gxx(&fx->log, "s08_operator_new");
}

static cl_Error *on_allocation_failure(cl_Runtime *R, const cl_PromiseType *pt,
                                       void *ret) {
  (void)pt;
  cl_Handle null = {0};
  *(cl_Handle *)ret = null;          /* a return object without a coroutine */
  return rec(R, "get_return_object_on_allocation_failure");
}

/* [dcl.fct.def.coroutine]/10: operator new returned null and the promise
   has get_return_object_on_allocation_failure: its result is the return
   object; no promise, no parameter copies, nothing else
   (s08 fail: tests/cpp/core/s08_operator_new.cpp) */
static void test_allocation_failure_with_fallback(void **state) {
  Fixture *fx = *state;
  cl_PromiseType pt = rec_promise;
  Op body[] = {END};
  cl_Handle h = cl_noop_coroutine(fx->R);
  pt.get_return_object_on_allocation_failure = on_allocation_failure;
  cl_Coroutine co = script_coroutine("coro", &pt, body);
  fx->fail_new = 1;
  record_events(fx);
  assert_ok(cl_call(fx->R, &co, NULL, &h));
  assert_null(h.frame);
  assert_int_equal(cl_frames(fx->R, NULL, 0), 0);
  assert_log_as_gxx(&fx->log, "s08_operator_new");
  assert_log(&fx->events, "operator new", "get_return_object_on_allocation_failure");
}

/* without it: std::bad_alloc reaches the caller */
static void test_allocation_failure_bad_alloc(void **state) {
  Fixture *fx = *state;
  Op body[] = {END};
  cl_Handle h = {0};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  fx->fail_new = 1;
  assert_error(fx->R, cl_call(fx->R, &co, NULL, &h), CL_NOMEMORY,
               "operator new: cannot allocate the");
  assert_null(h.frame);
  assert_log_as_gxx(&fx->log, "s08_operator_new");
}

/* operator new that throws: its exception reaches the caller as is */
static void test_operator_new_throws(void **state) {
  Fixture *fx = *state;
  Op body[] = {END};
  cl_Handle h = {0};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  fx->throw_at = "operator new";
  assert_error(fx->R, cl_call(fx->R, &co, NULL, &h), CL_EXCEPTION, "operator new");
  assert_null(h.frame);
  assert_log_as_gxx(&fx->log, "s08_operator_new");
}

/* ------------------------------------------------ failing allocations -- */

/* an error from the run must be a clean out-of-memory */
static void expect_nomemory(cl_Runtime *R, cl_Error *e) {
  if (e) assert_error(R, e, CL_NOMEMORY, "");
}

/* call, resume to the end (through await_transform, co_await, co_yield,
   a throw caught by the promise), destroy whatever is left */
static void run_everything(Fixture *fx) {
  cl_Runtime *R = fx->R;
  RecAwaiter aw = rec_awaiter("aw", 0);
  Op body[] = {LOCAL("local_a"), AWAIT(&aw), YIELD(1), RAISE("body"), END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise_transforming, body);
  cl_Handle h = {0}, left;
  fx->transformed.ready = 0;                  /* suspends at the co_await */
  cl_Error *e = cl_call(R, &co, NULL, &h);
  int done = 0;
  expect_nomemory(R, e);
  while (e == NULL && !done) {
    expect_nomemory(R, e = cl_resume(R, h));
    if (e == NULL) e = cl_done(R, h, &done);
  }
  while (cl_frames(R, &left, 1) == 1) destroy_ok(R, left);
}

static void test_every_allocation_fails_once(void **state) {
  size_t n;
  (void)state;
  for (n = 1;; n++) {
    FailingAlloc f = {0, 0, 0, 0};
    Fixture *fx = fixture_new(failing_alloc, &f);
    record_events(fx);
    f.fail_at = f.count + n;
    run_everything(fx);
    assert_int_equal(fixture_free(fx), 0);
    assert_int_equal(f.live_bytes, 0);
    if (!f.failed) break;           /* the N-th never came: all succeeded */
  }
  assert_true(n > 3);               /* frame, registry, spill, errors */
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_operator_new_gets_size_and_args),
    FIXTURE_TEST(test_allocation_failure_with_fallback),
    FIXTURE_TEST(test_allocation_failure_bad_alloc),
    FIXTURE_TEST(test_operator_new_throws),
    cmocka_unit_test(test_every_allocation_fails_once),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
