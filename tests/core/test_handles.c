/*
** test_handles.c — coroutine_handle ([coroutine.handle]): resume, done,
** destroy, promise, address, from_address, from_promise, comparison, the
** noop coroutine, and every misuse of a handle as a named error.
*/
#include <stdio.h>
#include <string.h>

#include "helpers.h"

static cl_Handle lazy(Fixture *fx, cl_Coroutine *co, Op *body) {
  *co = script_coroutine("coro", &rec_promise, body);
  return start(fx->R, co);
}

/* [coroutine.handle.export.import], [coroutine.handle.promise] */
static void test_promise_address_round_trip(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Op body[] = {END};
  cl_Coroutine co;
  cl_Handle h = lazy(fx, &co, body), back;
  void *p;
  assert_ok(cl_promise(R, h, &rec_promise, &p));
  assert_ptr_equal(p, (char *)cl_address(h) + 16);
  assert_ok(cl_from_promise(R, p, &rec_promise, &back));
  assert_handle_equal(back, h);
  assert_ok(cl_from_promise(R, p, NULL, &back));          /* coroutine_handle<> */
  assert_handle_equal(back, h);
  assert_ok(cl_from_address(R, cl_address(h), &rec_promise, &back));
  assert_handle_equal(back, h);
  assert_ok(cl_from_address(R, cl_address(h), NULL, &back));
  assert_handle_equal(back, h);
  destroy_ok(R, h);
}

/* resume() runs to the next suspension; done() reads the resume slot */
static void test_resume_done_destroy(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter aw = rec_awaiter("aw", 0);
  Op body[] = {AWAIT(&aw), END};
  cl_Coroutine co;
  cl_Handle h = lazy(fx, &co, body);
  assert_int_equal(done_of(R, h), 0);
  resume_ok(R, h);
  assert_int_equal(done_of(R, h), 0);
  resume_ok(R, h);
  assert_int_equal(done_of(R, h), 1);
  assert_int_equal(cl_frames(R, NULL, 0), 1);
  destroy_ok(R, h);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
}

/* a default-constructed coroutine_handle refers to no coroutine: in C, a
   zeroed cl_Handle */
static void test_null_handle(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Handle null = {0}, h = cl_noop_coroutine(R);
  int done;
  void *p;
  assert_error(R, cl_resume(R, null), CL_MISUSE, "resume(): the coroutine_handle is null");
  assert_error(R, cl_destroy(R, null), CL_MISUSE, "destroy(): the coroutine_handle is null");
  assert_error(R, cl_done(R, null, &done), CL_MISUSE, "done(): the coroutine_handle is null");
  assert_error(R, cl_promise(R, null, &rec_promise, &p), CL_MISUSE, "null");
  assert_ok(cl_from_address(R, NULL, NULL, &h));     /* from_address(nullptr) */
  assert_handle_equal(h, null);
  assert_error(R, cl_from_promise(R, NULL, &rec_promise, &h), CL_MISUSE,
               "is not the promise of a live coroutine");
}

/* [coroutine.handle.compare]: by address */
static void test_compare(void **state) {
  Fixture *fx = *state;
  Op body[] = {END};
  cl_Coroutine co;
  cl_Handle a = lazy(fx, &co, body), b = start(fx->R, &co), null = {0};
  int expected = (uintptr_t)a.frame < (uintptr_t)b.frame ? -1 : 1;
  assert_int_equal(cl_handle_compare(a, a), 0);
  assert_int_equal(cl_handle_compare(a, b), expected);
  assert_int_equal(cl_handle_compare(b, a), -expected);
  assert_int_equal(cl_handle_compare(null, null), 0);
  destroy_ok(fx->R, a);
  destroy_ok(fx->R, b);
}

/* coroutine_handle<> has no promise(); coroutine_handle<P> must match */
static void test_promise_type_mismatch(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Op body[] = {END};
  cl_Coroutine co;
  cl_Handle h = lazy(fx, &co, body), other;
  void *p;
  assert_error(R, cl_promise(R, h, NULL, &p), CL_MISUSE,
               "promise(): the handle is type-erased (coroutine_handle<>)");
  assert_error(R, cl_promise(R, h, &cl_generator_type, &p), CL_MISUSE,
               "promise(): coroutine #1 'coro' (rec_promise) has promise type "
               "'rec_promise', not 'generator'");
  assert_error(R, cl_from_address(R, cl_address(h), &cl_task_type, &other), CL_MISUSE,
               "from_address(): coroutine #1 'coro' (rec_promise) has promise "
               "type 'rec_promise', not 'task'");
  assert_ok(cl_promise(R, h, &rec_promise, &p));
  assert_error(R, cl_from_promise(R, p, &cl_task_type, &other), CL_MISUSE,
               "not 'task'");
  destroy_ok(R, h);
}

/* -- destroy() of nested scopes (tests/cpp/core/s05_destroy_suspended.cpp) -- */

/* a C body whose locals b and c live in nested blocks; destroy_locals
   finds the scopes from the body's CL_SCOPE markers, like compiled code
   from the suspend index */
enum { SCOPE_A = 1, SCOPE_B, SCOPE_C };

static void nest_step(cl_Step *s) {
  CL_BEGIN(s);
  note(s->R, "local_a.ctor");
  CL_SCOPE(s, SCOPE_A);
  {
    note(s->R, "local_b.ctor");
    CL_SCOPE(s, SCOPE_B);
    CL_AWAIT(s, NULL, cl_suspend_always());
    {
      note(s->R, "local_c.ctor");
      CL_SCOPE(s, SCOPE_C);
      CL_AWAIT(s, NULL, cl_suspend_always());
      note(s->R, "~local_c");
      CL_SCOPE(s, SCOPE_B);
    }
    note(s->R, "~local_b");
    CL_SCOPE(s, SCOPE_A);
  }
  note(s->R, "~local_a");
  CL_SCOPE(s, 0);
  CL_END(s);
}

static void nest_destroy_locals(cl_Runtime *R, cl_Handle h, void *locals, int scope) {
  (void)h; (void)locals;
  if (scope >= SCOPE_C) note(R, "~local_c");
  if (scope >= SCOPE_B) note(R, "~local_b");
  if (scope >= SCOPE_A) note(R, "~local_a");
}

static const cl_Coroutine nest = {
  .name = "nest", .promise_type = &rec_promise,
  .step = nest_step, .destroy_locals = nest_destroy_locals,
  .source = __FILE__
};

/* [stmt.jump]/2 via [coroutine.handle.destroy]: innermost first, only the
   locals in scope at the suspension point */
static void test_destroy_nested_scopes(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Handle at_b = start(R, &nest), at_c = start(R, &nest);
  cl_FrameInfo info;
  resume_ok(R, at_b);
  resume_ok(R, at_c);
  resume_ok(R, at_c);
  assert_true(cl_frame_info(R, at_c, &info));
  assert_int_equal(info.scope, SCOPE_C);
  fx->log.n = 0;
  destroy_ok(R, at_c);
  destroy_ok(R, at_b);
  assert_log_as_gxx(&fx->log, "s05_destroy_suspended");
}

/* ------------------------------------------------------- handle misuse -- */

/* [coroutine.handle.destroy]: once destroyed, the handle names a dead
   frame; every use is reported with the frame's id and name */
static void test_use_after_destroy(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Op body[] = {END};
  cl_Coroutine co;
  cl_Handle h = lazy(fx, &co, body);
  int done;
  assert_int_equal(h.id, 1);
  assert_true(cl_is_live(R, h));
  destroy_ok(R, h);
  assert_false(cl_is_live(R, h));
  fx->log.n = 0;
  assert_error(R, cl_destroy(R, h), CL_MISUSE,
               "destroy(): coroutine #1 'coro' was already destroyed");
  assert_error(R, cl_resume(R, h), CL_MISUSE,
               "resume(): coroutine #1 'coro' was already destroyed");
  assert_error(R, cl_done(R, h, &done), CL_MISUSE, "already destroyed");
  assert_log_empty(&fx->log);
}

/* ---------------------------------------------- a stale handle, reused -- */

/* a task that co_awaits the task its argument names, catching the error */
typedef struct AwaitStale { cl_Handle task; cl_Error *err; } AwaitStale;

static void await_stale_step(cl_Step *s) {
  AwaitStale *l = (AwaitStale *)s->locals;
  CL_BEGIN(s);
  CL_AWAIT_CATCH(s, NULL, l->err, cl_task_awaitable(s->R, l->task));
  CL_END(s);
}

static const cl_Coroutine await_stale = {
  .name = "await_stale", .promise_type = &cl_task_type,
  .locals_size = sizeof(AwaitStale), .args_size = sizeof(cl_Handle),
  .step = await_stale_step
};

/* the error of a call given the stale handle, which must say op, then
   name the destroyed frame and the one now at its address */
static void names_stale(cl_Runtime *R, cl_Error *e, const char *op,
                        cl_Handle stale, const char *name, cl_Handle newer) {
  char expected[256];
  snprintf(expected, sizeof expected, "%s: coroutine #%u '%s' was already "
           "destroyed (coroutine #%u now lives at its address); using its "
           "handle is undefined behaviour in C++ [coroutine.handle]", op,
           stale.id, name, newer.id);
  assert_error_exact(R, e, CL_MISUSE, expected);
}

/* [coroutine.handle]: the runtime hands the address of the frame last
   destroyed to the next one made (its slabs, and cl_frame_alloc's blocks,
   as a C++ allocator's free list does). The old handle, given to every
   call that takes a handle, names the frame it was made for, and never
   reaches the new one: that stays suspended where it started */
static void stale_everywhere(cl_Runtime *R, const cl_Coroutine *co) {
  long long n = 3;
  cl_Handle stale = start_with(R, co, &n), newer, task;
  cl_FrameInfo info;
  char where[64];
  void *v, *p;
  int done;
  destroy_ok(R, stale);
  newer = start_with(R, co, &n);
  assert_ptr_equal(newer.frame, stale.frame);          /* the address reused */
  assert_int_not_equal(newer.id, stale.id);
  names_stale(R, cl_resume(R, stale), "resume()", stale, co->name, newer);
  names_stale(R, cl_destroy(R, stale), "destroy()", stale, co->name, newer);
  names_stale(R, cl_done(R, stale, &done), "done()", stale, co->name, newer);
  names_stale(R, cl_promise(R, stale, co->promise_type, &p), "promise()", stale,
              co->name, newer);
  names_stale(R, cl_check_handle(R, "op", stale), "op", stale, co->name, newer);
  names_stale(R, cl_generator_next(R, stale, &v), "next()", stale, co->name, newer);
  assert_null(v);
  names_stale(R, cl_task_run(R, stale, NULL), "cl_task_run", stale, co->name, newer);
  assert_false(cl_is_live(R, stale));                  /* documented answers */
  assert_false(cl_frame_info(R, stale, &info));
  cl_where(R, stale, where, sizeof where);
  assert_string_equal(where, "?");
  /* co_await of it (cl_task_awaitable), raised at the co_await */
  assert_ok(cl_call(R, &await_stale, &stale, &task));
  assert_ok(cl_resume(R, task));
  assert_true(cl_frame_info(R, task, &info));
  names_stale(R, ((AwaitStale *)info.locals)->err, "co_await task", stale,
              co->name, newer);
  destroy_ok(R, task);
  /* a symmetric transfer to it (await_suspend returned it) */
  RecAwaiter aw = rec_awaiter("to_stale", 0);
  aw.suspend.kind = CL_SUSPEND_HANDLE;
  aw.suspend.handle = stale;
  cl_Awaitable w = rec_awaitable(&aw);
  cl_Handle h = start_with(R, &one_await, &w);
  names_stale(R, cl_resume(R, h), "await_suspend (symmetric transfer)", stale,
              co->name, newer);
  destroy_ok(R, h);
  /* the new frame never ran */
  assert_true(cl_frame_info(R, newer, &info));
  assert_int_equal(info.state, CL_STATE_SUSPENDED_INITIAL);
  assert_ok(cl_generator_next(R, newer, &v));
  assert_int_equal(*(long long *)v, 0);
  destroy_ok(R, newer);
}

/* the same for a task whose address a new task took: neither co_await
   (cl_task_awaitable) nor cl_task_run of the old handle runs the new one */
static void task_returns(cl_Step *s) {
  static cl_Value seven = {.i = 7};
  CL_BEGIN(s);
  CL_RETURN(s, &seven);
  CL_END(s);
}

static const cl_Coroutine returns_seven = {
  .name = "seven", .promise_type = &cl_task_type, .step = task_returns
};

static void test_stale_task_handle(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Handle stale, newer, task;
  cl_FrameInfo info;
  assert_ok(cl_call(R, &returns_seven, NULL, &stale));
  destroy_ok(R, stale);
  assert_ok(cl_call(R, &returns_seven, NULL, &newer));
  assert_ptr_equal(newer.frame, stale.frame);
  names_stale(R, cl_task_run(R, stale, NULL), "cl_task_run", stale, "seven", newer);
  assert_ok(cl_call(R, &await_stale, &stale, &task));
  assert_ok(cl_resume(R, task));
  assert_true(cl_frame_info(R, task, &info));
  names_stale(R, ((AwaitStale *)info.locals)->err, "co_await task", stale,
              "seven", newer);
  destroy_ok(R, task);
  assert_true(cl_frame_info(R, newer, &info));         /* never ran */
  assert_int_equal(info.state, CL_STATE_SUSPENDED_INITIAL);
  destroy_ok(R, newer);
}

/* frames from the runtime's slabs (a promise type with neither
   operator_new nor operator_delete) */
static void test_stale_handle_slab(void **state) {
  stale_everywhere(((Fixture *)*state)->R, &range_generator);
}

/* frames from cl_frame_alloc (a promise type with operator_delete only),
   looked up in the runtime's registry */
static void to_runtime(cl_Runtime *R, const cl_PromiseType *pt, void *frame,
                       size_t size) {
  (void)pt;
  cl_frame_free(R, frame, size);
}

static void test_stale_handle_registry(void **state) {
  cl_PromiseType pt = cl_generator_type;
  cl_Coroutine co = range_generator;
  pt.name = "kept_generator";
  pt.base = &cl_generator_type;
  pt.operator_delete = to_runtime;
  co.name = "kept_range";
  co.promise_type = &pt;
  stale_everywhere(((Fixture *)*state)->R, &co);
}

/* [coroutine.handle.export.import]: from_address needs a frame's address */
static void test_from_address_not_a_frame(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  long not_a_frame[4] = {0};
  cl_Handle h;
  assert_error(R, cl_from_address(R, not_a_frame, NULL, &h), CL_MISUSE,
               "is not the address of a live coroutine frame");
}

/* [coroutine.handle.resumption]/1: resuming a coroutine that is not
   suspended (it is running: resumed from inside its own body) */
static void resume_self(cl_Step *s) {
  assert_handle_equal(cl_running(s->R), s->handle);
  assert_error(s->R, cl_resume(s->R, s->handle), CL_MISUSE,
               "resume(): coroutine #1 'coro' (rec_promise) is not suspended; "
               "resuming a running coroutine is undefined behaviour");
  assert_error(s->R, cl_destroy(s->R, s->handle), CL_MISUSE,
               "destroy(): coroutine #1 'coro' (rec_promise) is running");
  note(s->R, "refused");
}

static void test_resume_while_running(void **state) {
  Fixture *fx = *state;
  Op body[] = {CALL(resume_self), END};
  cl_Coroutine co;
  cl_Handle h = lazy(fx, &co, body);
  fx->log.n = 0;
  resume_ok(fx->R, h);
  assert_null((cl_running(fx->R)).frame);
  assert_log(&fx->log, INITIAL_RESUMED, "refused", "return_void", FINAL_SUSPENDED);
  destroy_ok(fx->R, h);
}

/* the same from a callback: await_ready runs while the coroutine runs */
typedef struct ResumingAwaiter { RecAwaiter base; cl_Handle h; } ResumingAwaiter;

static cl_Error *ready_resumes(cl_Runtime *R, void *self, int *ready) {
  assert_error(R, cl_resume(R, ((ResumingAwaiter *)self)->h), CL_MISUSE,
               "resuming a running coroutine");
  return rec_awaiter_ops.await_ready(R, self, ready);
}

static void test_resume_from_await_ready(void **state) {
  Fixture *fx = *state;
  ResumingAwaiter aw = {rec_awaiter("aw", 1), {NULL, 0, 0}};
  cl_AwaitableOps ops = rec_awaiter_ops;
  ops.await_ready = ready_resumes;
  cl_Awaitable w = {&ops, &aw};
  aw.h = start_with(fx->R, &one_await, &w);
  fx->log.n = 0;
  resume_ok(fx->R, aw.h);
  assert_log(&fx->log, INITIAL_RESUMED, "aw.await_ready", "aw.await_resume",
             "~aw", "result=0", "return_void", FINAL_SUSPENDED);
  destroy_ok(fx->R, aw.h);
}

/* [coroutine.handle.resumption]/1: at the final suspend point, done() */
static void test_resume_at_final(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Op body[] = {END};
  cl_Coroutine co;
  cl_Handle h = lazy(fx, &co, body);
  resume_ok(R, h);
  fx->log.n = 0;
  assert_error(R, cl_resume(R, h), CL_MISUSE,
               "resume(): coroutine #1 'coro' (rec_promise) is suspended at its "
               "final suspend point (done); resuming it is undefined behaviour "
               "in C++ [coroutine.handle.resumption]");
  assert_log_empty(&fx->log);
  assert_int_equal(done_of(R, h), 1);
  destroy_ok(R, h);
}

/* [coroutine.handle.noop]: never done; resume and destroy do nothing */
static void test_noop_coroutine(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Handle n = cl_noop_coroutine(R), back;
  assert_non_null(n.frame);
  assert_handle_equal(cl_noop_coroutine(R), n);
  assert_int_equal(done_of(R, n), 0);
  resume_ok(R, n);
  destroy_ok(R, n);
  assert_int_equal(done_of(R, n), 0);
  assert_ok(cl_from_address(R, cl_address(n), NULL, &back));
  assert_handle_equal(back, n);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
  assert_log_empty(&fx->log);
}

/* live frames in creation order; cl_where names the suspension point */
static void test_frames_and_where(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  RecAwaiter aw = rec_awaiter("aw", 0);
  Op body[] = {AWAIT(&aw), END};
  cl_Coroutine co;
  cl_Handle a = lazy(fx, &co, body), b = start(R, &co), all[2];
  char where[64];
  assert_int_equal(cl_frames(R, all, 2), 2);
  assert_handle_equal(all[0], a);
  assert_handle_equal(all[1], b);
  cl_where(R, a, where, sizeof where);
  assert_string_equal(where, "initial suspend point");
  resume_ok(R, a);
  cl_where(R, a, where, sizeof where);
  assert_string_equal(where, "suspend index 1");
  resume_ok(R, a);
  cl_where(R, a, where, sizeof where);
  assert_string_equal(where, "final suspend point");
  destroy_ok(R, a);
  destroy_ok(R, b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_promise_address_round_trip),
    FIXTURE_TEST(test_resume_done_destroy),
    FIXTURE_TEST(test_null_handle),
    FIXTURE_TEST(test_compare),
    FIXTURE_TEST(test_promise_type_mismatch),
    FIXTURE_TEST(test_destroy_nested_scopes),
    FIXTURE_TEST(test_use_after_destroy),
    FIXTURE_TEST(test_stale_handle_slab),
    FIXTURE_TEST(test_stale_handle_registry),
    FIXTURE_TEST(test_stale_task_handle),
    FIXTURE_TEST(test_from_address_not_a_frame),
    FIXTURE_TEST(test_resume_while_running),
    FIXTURE_TEST(test_resume_from_await_ready),
    FIXTURE_TEST(test_resume_at_final),
    FIXTURE_TEST(test_noop_coroutine),
    FIXTURE_TEST(test_frames_and_where),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
