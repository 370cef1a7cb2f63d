/*
** test_transfer.c — symmetric transfer ([expr.await]/5.1.3) is a
** trampoline: a chain of tasks, each co_awaiting the next, runs in
** constant C stack, ten million deep on an 8 MiB thread (COROLAB_CHAIN
** sets the length; the sanitizer build uses a shorter one); and a call
** that fails after a transfer.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"

#define MARKS 24                  /* stack marks at depths 1, 2, 4, ... */

typedef struct ChainArgs {
  const cl_Coroutine *co;         /* the chain's own coroutine */
  long long depth, length;
  uintptr_t *marks;               /* NULL, or where to note the C stack */
} ChainArgs;

typedef struct Chain { ChainArgs args; cl_Handle next; cl_Value v; } Chain;

static int mark_of(long long depth) {   /* k if depth is 2^k, else -1 */
  for (int k = 0; k < MARKS; k++)
    if (depth == 1LL << k) return k;
  return -1;
}

/* co_return depth + 1 == length ? 0 : co_await chain(depth + 1) + 1; */
static void chain_step(cl_Step *s) {
  Chain *L = (Chain *)s->locals;
  ChainArgs next;
  cl_Error *e;
  int k;
  CL_BEGIN(s);
  if (L->args.marks && (k = mark_of(L->args.depth)) >= 0)
    L->args.marks[k] = (uintptr_t)&next;
  if (L->args.depth + 1 == L->args.length) {
    L->v.i = 0;
    CL_RETURN(s, &L->v);
  }
  next = L->args;
  next.depth++;
  if ((e = cl_call(s->R, L->args.co, &next, &L->next))) CL_RAISE(s, e);
  CL_AWAIT(s, &L->v, cl_task_awaitable(s->R, L->next));
  L->v.i++;
  CL_RETURN(s, &L->v);
  CL_END(s);
}

static const cl_Coroutine chain = {
  .name = "chain", .promise_type = &cl_task_type,
  .locals_size = sizeof(Chain), .args_size = sizeof(ChainArgs), .step = chain_step,
  .source = __FILE__
};

/* run a chain of length tasks and destroy it; no cmocka asserts here:
   this also runs on another thread */
static cl_Error *run_chain(cl_Runtime *R, long long length, uintptr_t *marks,
                           long long *result) {
  ChainArgs args = {&chain, 0, length, marks};
  cl_Value v = {0};
  cl_Handle root;
  cl_Error *e = cl_call(R, &chain, &args, &root);
  if (e) return e;
  e = cl_task_run(R, root, &v);
  cl_error_free(R, cl_destroy(R, root));
  *result = v.i;
  return e;
}

/* the body's locals sit at the same C stack address at every depth, or
   at one of two: on the task's own path (driver.c, await_task) a task's
   first step runs inside its awaiter's co_await, a few calls deeper than
   from the trampoline, where it runs when its awaiter's step ran there
   (so the depths alternate: 1 there, the others here) */
static void test_constant_stack_depth(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  uintptr_t marks[MARKS] = {0}, other = 0;
  const long long length = 100000;
  long long result = -1;
  assert_ok(run_chain(R, length, marks, &result));
  assert_int_equal(result, length - 1);
  assert_int_not_equal(marks[0], 0);
  for (int k = 1; (1LL << k) < length; k++) {
    if (marks[k] != marks[0] && other == 0) other = marks[k];
    if (marks[k] != marks[0]) assert_int_equal(marks[k], other);
  }
  if (other != 0)                 /* a few calls: within a level's share */
    assert_in_range(other > marks[0] ? other - marks[0] : marks[0] - other, 1,
                    CL_NESTING_STACK / 4);
}

typedef struct Job {
  long long length, result;
  size_t leaks;
  char error[256];
} Job;

static void *run_long_chain(void *ud) {
  Job *job = (Job *)ud;
  cl_Runtime *R = cl_runtime_new(NULL, NULL);
  cl_Error *e = run_chain(R, job->length, NULL, &job->result);
  if (e) snprintf(job->error, sizeof job->error, "%s", cl_error_message(e));
  cl_error_free(R, e);
  job->leaks = cl_runtime_close(R);
  return NULL;
}

/* ten million transfers on a thread with an 8 MiB stack */
static void test_ten_million_transfers(void **state) {
  const char *env = getenv("COROLAB_CHAIN");
  Job job = {env ? atoll(env) : 10000000LL, -1, 0, ""};
  pthread_attr_t attr;
  pthread_t thread;
  (void)state;
  assert_true(job.length > 0);
  assert_int_equal(pthread_attr_init(&attr), 0);
  assert_int_equal(pthread_attr_setstacksize(&attr, 8u << 20), 0);
  assert_int_equal(pthread_create(&thread, &attr, run_long_chain, &job), 0);
  assert_int_equal(pthread_join(thread, NULL), 0);
  pthread_attr_destroy(&attr);
  assert_string_equal(job.error, "");
  assert_int_equal(job.leaks, 0);
  assert_int_equal(job.result, job.length - 1);
}

/* ---------------------------------- a call that fails after a transfer -- */

/* s13 (tests/cpp/core/s13_call_fails_after_transfer.cpp): X transfers to
   Y, a lazy X from its initial suspend point, an eager X from a co_await in
   its body; Y throws and rethrows, so the exception leaves X's call
   ([dcl.fct.def.coroutine]/11). As g++ 12 does: ~return object, then X's
   promise, parameter copies and frame, and nothing else of X: neither the
   awaiter it waits on nor its locals */
static void call_fails_after_transfer(Fixture *fx, int eager, const char *test) {
  cl_Runtime *R = fx->R;
  RecAwaiter to_y = rec_awaiter("toY", 0);
  Op y_body[] = {NOTE("Y body"), RAISE("boom"), END};
  Op x_body[] = {LOCAL("local"), NOTE("X body"), AWAIT(&to_y), NOTE("never"), END};
  cl_Coroutine y = script_coroutine("Y", &rec_promise, y_body);
  cl_Coroutine x = script_coroutine("X", &rec_promise, x_body);
  cl_Handle yh, xh = {0};
  fx->rethrow = 1;
  yh = start(R, &y);
  cl_SuspendResult to_yh = {CL_SUSPEND_HANDLE, 0, yh};
  to_y.suspend = to_yh;
  fx->initial.suspend = to_yh;
  fx->initial.ready = eager;
  assert_error_exact(R, cl_call(R, &x, NULL, &xh), CL_EXCEPTION, "boom");
  assert_int_equal(cl_frames(R, NULL, 0), 1);      /* Y, done */
  assert_int_equal(done_of(R, yh), 1);
  destroy_ok(R, yh);
  assert_log_as_gxx_of(&fx->log, "s13_call_fails_after_transfer", test);
}

static void test_call_fails_after_initial_transfer(void **state) {
  call_fails_after_transfer(*state, 0, __func__);
}

static void test_call_fails_after_body_transfer(void **state) {
  call_fails_after_transfer(*state, 1, __func__);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_constant_stack_depth),
    cmocka_unit_test(test_ten_million_transfers),
    FIXTURE_TEST(test_call_fails_after_initial_transfer),
    FIXTURE_TEST(test_call_fails_after_body_transfer),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
