/*
** task.c — a C-body task awaiting a child task that completes synchronously
** (cl_task_type, cl_task_awaitable): per co_await child(i), the child's frame
** allocation, symmetric transfer to it and back, and its destruction; timed
** interleaved with the native C++20 task (native/task.cpp, NATIVE_X times
** as many operations) and the floor (floor.c). Usage: task [n] [reps]
** [cl|native|floor|all]. Prints *_task_ns.
*/
#include "floor.h"
#include "../native/native.h"

#define NATIVE_X 8

/* parent(n): for (i = 0; i < n; i++) sum += co_await child(i); co_return sum; */
typedef struct ParentLocals {
  long n, i;
  cl_Value sum, got;
  cl_Handle child;
} ParentLocals;

static void parent_step(cl_Step *s) {
  ParentLocals *l = (ParentLocals *)s->locals;
  cl_Error *e;
  CL_BEGIN(s);
  for (l->i = 0; l->i < l->n; l->i++) {
    if ((e = cl_call(s->R, &child_coroutine, &l->i, &l->child))) CL_RAISE(s, e);
    CL_AWAIT(s, &l->got, cl_task_awaitable(s->R, l->child));
    l->sum.i += l->got.i;
  }
  CL_RETURN(s, &l->sum);
  CL_END(s);
}

static const cl_Coroutine parent_coroutine = {
  .name = "parent", .promise_type = &cl_task_type,
  .locals_size = sizeof(ParentLocals), .args_size = sizeof(long),
  .step = parent_step, .source = __FILE__
};

static void run(void *ctx, long n) {
  cl_Runtime *R = (cl_Runtime *)ctx;
  cl_Handle t = {0};
  cl_Value sum;
  bench_ok(R, cl_call(R, &parent_coroutine, &n, &t), "call parent()");
  bench_ok(R, cl_task_run(R, t, &sum), "run parent()");
  bench_ok(R, cl_destroy(R, t), "destroy parent");
  bench_check("task sum", sum.i, (long long)n * (n - 1) / 2);
}

int main(int argc, char **argv) {
  return bench_versus(argc, argv, "task", run, native_task_run, floor_task_run,
                      NATIVE_X, 2000000);
}
