/*
** test_transfer.c — symmetric transfer ([expr.await]/5.1.3) is a
** trampoline: a chain of tasks, each co_awaiting the next, runs in
** constant C stack, ten million deep on an 8 MiB thread (COROLAB_CHAIN
** sets the length; the sanitizer build uses a shorter one).
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

typedef struct Chain { ChainArgs args; cl_Frame *next; cl_Value v; } Chain;

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
  CL_AWAIT(s, &L->v, cl_task_awaitable(L->next));
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
  cl_Frame *root;
  cl_Error *e = cl_call(R, &chain, &args, &root);
  if (e) return e;
  e = cl_task_run(R, root, &v);
  cl_error_free(R, cl_destroy(R, root));
  *result = v.i;
  return e;
}

/* the body's locals sit at the same C stack address at every depth */
static void test_constant_stack_depth(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  uintptr_t marks[MARKS] = {0};
  const long long length = 100000;
  long long result = -1;
  assert_ok(run_chain(R, length, marks, &result));
  assert_int_equal(result, length - 1);
  assert_int_not_equal(marks[0], 0);
  for (int k = 1; (1LL << k) < length; k++)
    assert_int_equal(marks[k], marks[0]);
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

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_constant_stack_depth),
    cmocka_unit_test(test_ten_million_transfers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
