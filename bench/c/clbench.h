/*
** clbench.h — what the C benchmarks of the core share (clbench.c): a
** runtime whose allocator counts live bytes, a check that turns any
** cl_Error into a crash of the benchmark, the count(n) generator body and
** the child(i) task body.
*/
#ifndef CLBENCH_H
#define CLBENCH_H

#include "../common/bench.h"   /* first: it sets _POSIX_C_SOURCE */
#include "corolab.h"

typedef struct Counter { long long live, peak, calls; } Counter;

/* a runtime on an allocator that counts into *c */
cl_Runtime *bench_runtime(Counter *c);
/* closes R; frames still alive are a failure */
void bench_close(cl_Runtime *R);
/* an error where none is expected: the benchmark crashed (exit 2); the
   test inline, so that checking costs the loops being timed no call */
void bench_failed(cl_Runtime *R, cl_Error *e, const char *where);
static inline void bench_ok(cl_Runtime *R, cl_Error *e, const char *where) {
  if (e != NULL) bench_failed(R, e, where);
}

/* main() of a corolab-vs-native benchmark: argv = [n] [reps]
   [cl|native|floor|all]; times cl(R, n), native(R, native_x * n) and the
   floor (floor.h; native_x / 2 * n) interleaved; prints cl_<name>_ns,
   native_<name>_ns and floor_<name>_ns */
int bench_versus(int argc, char **argv, const char *name, bench_fn cl,
                 bench_fn native, bench_fn floor, long native_x, long default_n);

/* count(n): for (long i = 0; i < n; i++) co_yield i;  (cl_generator_type) */
typedef struct CountLocals { long n, i; } CountLocals;
extern const cl_Coroutine count_coroutine;
cl_Handle count_new(cl_Runtime *R, long n);
/* the sum of the next k values of count generator g, via cl_generator_next */
long long count_take(cl_Runtime *R, cl_Handle g, long k);

/* child(i): co_return i;  (cl_task_type; i a long, its value in .i) */
extern const cl_Coroutine child_coroutine;

#endif
