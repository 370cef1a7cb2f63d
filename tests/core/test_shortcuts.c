/*
** test_shortcuts.c — the runtime does what an awaiter's or a promise
** type's flags say their members do (CL_AWAITER_*, CL_PROMISE_*), instead
** of calling them, while nothing observes: as a compiler does once it has
** inlined them. Each flag is declared here by a C type of the test's own,
** whose members count their calls: none is called with the flag, each is
** without it or with an observer, and the run ends the same either way.
*/
#include <string.h>

#include "helpers.h"

typedef struct Counts { int ready, suspend, resume, yield; } Counts;
static Counts counts;                  /* calls of the members below */

static cl_Error *counted_ready_false(cl_Runtime *R, void *self, int *ready) {
  counts.ready++;
  return cl_await_ready_false(R, self, ready);
}

static cl_Error *counted_ready_true(cl_Runtime *R, void *self, int *ready) {
  (void)R; (void)self;
  counts.ready++;
  *ready = 1;
  return NULL;
}

static cl_Error *counted_suspend_void(cl_Runtime *R, void *self, cl_Handle h,
                                      cl_SuspendResult *res) {
  (void)R; (void)self; (void)h;
  counts.suspend++;
  res->kind = CL_SUSPEND_VOID;
  return NULL;
}

static cl_Error *counted_resume_void(cl_Runtime *R, void *self, void *result) {
  counts.resume++;
  return cl_await_resume_void(R, self, result);
}

/* as std::suspend_always and std::suspend_never */
static const cl_AwaitableOps counted_always = {
  "counted_always", NULL, NULL, NULL, counted_ready_false, counted_suspend_void,
  counted_resume_void, NULL, NULL, CL_AWAITER_SUSPEND_ALWAYS
};
static const cl_AwaitableOps counted_never = {
  "counted_never", NULL, NULL, NULL, counted_ready_true, counted_suspend_void,
  counted_resume_void, NULL, NULL, CL_AWAITER_SUSPEND_NEVER
};

/* the counts of one run: one_await's co_await of ops (self: self), resumed
   until done; with its flags (or 0), observed or not. The log must be
   the same in every case */
static Counts await_with(Fixture *fx, const cl_AwaitableOps *with, void *self,
                         unsigned flags, int observed) {
  cl_AwaitableOps ops = *with;
  ops.flags = flags;
  cl_Awaitable operand = {&ops, self};
  cl_Handle h = start_with(fx->R, &one_await, &operand);
  int id = observed ? cl_observe(fx->R, log_event, &fx->events) : 0;
  uint64_t ready_calls = cl_await_ready_calls(fx->R);
  counts = (Counts){0, 0, 0, 0};
  fx->log.n = 0;
  while (!done_of(fx->R, h)) resume_ok(fx->R, h);
  if (observed) cl_unobserve(fx->R, id);
  /* cl_await_ready_calls counts them too, and the final awaiter's */
  assert_int_equal(cl_await_ready_calls(fx->R) - ready_calls, 1 + (uint64_t)counts.ready);
  destroy_ok(fx->R, h);
  assert_log(&fx->log, INITIAL_RESUMED, "result=0", "return_void", FINAL_SUSPENDED,
             "~final", "~promise", "operator delete");
  return counts;
}

#define assert_counts(c, r, s, u) do { Counts c_ = (c); \
    assert_int_equal(c_.ready, r); assert_int_equal(c_.suspend, s); \
    assert_int_equal(c_.resume, u); } while (0)

/* [expr.await]/5: suspend_always's members are constants; with the flag
   they are not called, and the coroutine suspends at the co_await */
static void test_suspend_always(void **state) {
  Fixture *fx = *state;
  assert_counts(await_with(fx, &counted_always, NULL, CL_AWAITER_SUSPEND_ALWAYS, 0), 0, 0, 0);
  assert_counts(await_with(fx, &counted_always, NULL, 0, 0), 1, 1, 1);
  assert_counts(await_with(fx, &counted_always, NULL, CL_AWAITER_SUSPEND_ALWAYS, 1), 1, 1, 1);
}

static void test_suspend_never(void **state) {
  Fixture *fx = *state;
  assert_counts(await_with(fx, &counted_never, NULL, CL_AWAITER_SUSPEND_NEVER, 0), 0, 0, 0);
  assert_counts(await_with(fx, &counted_never, NULL, 0, 0), 1, 0, 1);
  assert_counts(await_with(fx, &counted_never, NULL, CL_AWAITER_SUSPEND_NEVER, 1), 1, 0, 1);
}

/* ---------------------------------------------------------------- tasks -- */

/* child(): co_return 7; a task of type pt */
typedef struct Child { cl_Value v; } Child;

static void child_step(cl_Step *s) {
  Child *L = (Child *)s->locals;
  CL_BEGIN(s);
  L->v.i = 7;
  CL_RETURN(s, &L->v);
  CL_END(s);
}

static cl_Coroutine child_of(const cl_PromiseType *pt) {
  cl_Coroutine co;
  memset(&co, 0, sizeof co);
  co.name = "child";
  co.promise_type = pt;
  co.locals_size = sizeof(Child);
  co.step = child_step;
  return co;
}

/* co_await of the task self, as cl_task_awaitable_ops does it, counting */
static cl_Error *task_ready(cl_Runtime *R, void *self, int *ready) {
  cl_Handle task;
  cl_Error *e = cl_from_address(R, self, NULL, &task);
  counts.ready++;
  return e ? e : cl_done(R, task, ready);
}

static cl_Error *task_suspend(cl_Runtime *R, void *self, cl_Handle h,
                              cl_SuspendResult *res) {
  cl_TaskPromise *p = (cl_TaskPromise *)cl_frame_promise((cl_Frame *)self);
  counts.suspend++;
  p->continuation = h;
  res->kind = CL_SUSPEND_HANDLE;
  return cl_from_address(R, self, NULL, &res->handle);
}

static cl_Error *task_resume(cl_Runtime *R, void *self, void *result) {
  (void)R;
  counts.resume++;
  *(long long *)result = ((cl_TaskPromise *)cl_frame_promise((cl_Frame *)self))->result.i;
  return NULL;
}

static const cl_AwaitableOps counted_task = {
  "counted_task", NULL, NULL, NULL, task_ready, task_suspend, task_resume, NULL,
  NULL, CL_AWAITER_STARTS_TASK
};

/* one_await's co_await of a child task of child_type, with counted_task's
   members and these flags, observed or not; the child transfers back to
   it at its end */
static Counts await_task(Fixture *fx, const cl_PromiseType *child_type,
                         unsigned flags, int observed) {
  cl_Runtime *R = fx->R;
  cl_Coroutine co = child_of(child_type);
  cl_AwaitableOps ops = counted_task;
  ops.flags = flags;
  cl_Handle child = start(R, &co);
  cl_Awaitable operand = {&ops, cl_address(child)};
  cl_Handle h = start_with(R, &one_await, &operand);
  int id = observed ? cl_observe(R, log_event, &fx->events) : 0;
  counts = (Counts){0, 0, 0, 0};
  fx->log.n = 0;
  resume_ok(R, h);
  if (observed) cl_unobserve(R, id);
  assert_log(&fx->log, INITIAL_RESUMED, "result=7", "return_void", FINAL_SUSPENDED);
  assert_int_equal(done_of(R, child), 1);
  destroy_ok(R, h);
  destroy_ok(R, child);
  return counts;
}

/* [expr.await]/5.1.3: co_await task starts it by symmetric transfer; with
   the flag, neither await_ready nor await_suspend is called (await_resume
   is: it gives the value) */
static void test_starts_task(void **state) {
  Fixture *fx = *state;
  assert_counts(await_task(fx, &cl_task_type, CL_AWAITER_STARTS_TASK, 0), 0, 0, 1);
  assert_counts(await_task(fx, &cl_task_type, 0, 0), 1, 1, 1);
  assert_counts(await_task(fx, &cl_task_type, CL_AWAITER_STARTS_TASK, 1), 1, 1, 1);
}

/* ... but only of a task: a frame whose promise type does not say it is
   one (CL_PROMISE_TASK) gets the members called */
static void test_starts_task_of_no_task(void **state) {
  Fixture *fx = *state;
  cl_PromiseType untold = cl_task_type;     /* task<T>: no return_void */
  untold.return_void = NULL;
  untold.flags = 0;
  assert_counts(await_task(fx, &untold, CL_AWAITER_STARTS_TASK, 0), 1, 1, 1);
}

/* a task's final awaiter, counting: to the continuation, or back */
static cl_Error *final_suspend_to(cl_Runtime *R, void *self, cl_Handle h,
                                  cl_SuspendResult *res) {
  const cl_TaskPromise *p = (const cl_TaskPromise *)cl_frame_promise(h.frame);
  (void)self;
  counts.suspend++;
  res->kind = CL_SUSPEND_HANDLE;
  res->handle = p->continuation.frame ? p->continuation : cl_noop_coroutine(R);
  return NULL;
}

static cl_AwaitableOps counted_final = {
  "counted_final", NULL, NULL, NULL, counted_ready_false, final_suspend_to,
  counted_resume_void, NULL, NULL, CL_AWAITER_TO_CONTINUATION
};

static cl_Error *counted_final_suspend(cl_Runtime *R, void *p, cl_Awaitable *out) {
  (void)R; (void)p;
  *out = cl_awaitable(&counted_final, NULL);
  return NULL;
}

/* [expr.await]/5.1.3: at its end the task transfers to the coroutine that
   awaited it; with the flag, the final awaiter's members are not called
   (await_resume never is: the task stays at its final suspend point) */
static void test_to_continuation(void **state) {
  Fixture *fx = *state;
  cl_PromiseType child_type = cl_task_type;  /* task<T>; CL_PROMISE_TASK */
  child_type.return_void = NULL;
  child_type.final_suspend = counted_final_suspend;
  counted_final.flags = CL_AWAITER_TO_CONTINUATION;
  assert_counts(await_task(fx, &child_type, CL_AWAITER_STARTS_TASK, 0), 0, 0, 1);
  counted_final.flags = 0;
  assert_counts(await_task(fx, &child_type, CL_AWAITER_STARTS_TASK, 0), 1, 1, 1);
  counted_final.flags = CL_AWAITER_TO_CONTINUATION;
  assert_counts(await_task(fx, &child_type, CL_AWAITER_STARTS_TASK, 1), 2, 2, 1);
}

/* ----------------------------------------------------------- generators -- */

static cl_Error *counted_yield_value(cl_Runtime *R, void *p, void *v, cl_Awaitable *out) {
  (void)R;
  counts.yield++;
  ((cl_GeneratorPromise *)p)->current = v;
  *out = cl_suspend_always();
  return NULL;
}

/* the values of range(3) through cl_generator_next, and how many times
   yield_value was called: range's promise type is cl_generator_type's
   with counted_yield_value and flags */
static int yields(Fixture *fx, unsigned flags, int observed) {
  cl_Runtime *R = fx->R;
  cl_PromiseType pt = cl_generator_type;
  pt.base = &cl_generator_type;
  pt.yield_value = counted_yield_value;
  pt.flags = flags;
  cl_Coroutine co = range_generator;
  co.promise_type = &pt;
  long long n = 3, sum = 0;
  void *v;
  cl_Handle h = start_with(R, &co, &n);
  int id = observed ? cl_observe(R, log_event, &fx->events) : 0;
  counts = (Counts){0, 0, 0, 0};
  for (;;) {
    assert_ok(cl_generator_next(R, h, &v));
    if (v == NULL) break;
    sum += *(long long *)v;
  }
  if (observed) cl_unobserve(R, id);
  assert_int_equal(sum, 0 + 1 + 2);
  destroy_ok(R, h);
  return counts.yield;
}

/* [expr.yield]: co_yield v is co_await yield_value(v); with the flag the
   runtime keeps the pointer itself, and suspends at a suspend_always, in
   every build (the step's checks are the same with COROLAB_APICHECK) */
static void test_yield_keeps_pointer(void **state) {
  Fixture *fx = *state;
  assert_int_equal(yields(fx, CL_PROMISE_YIELD_KEEPS_POINTER, 0), 0);
  assert_int_equal(yields(fx, 0, 0), 3);
  assert_int_equal(yields(fx, CL_PROMISE_YIELD_KEEPS_POINTER, 1), 3);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_suspend_always),
    FIXTURE_TEST(test_suspend_never),
    FIXTURE_TEST(test_starts_task),
    FIXTURE_TEST(test_starts_task_of_no_task),
    FIXTURE_TEST(test_to_continuation),
    FIXTURE_TEST(test_yield_keeps_pointer),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
