/*
** generator.c — a C-body generator through the core (cl_generator_type,
** CL_YIELD, cl_generator_next): the cost of one resume + co_yield, timed
** interleaved with the native C++20 generator (native/generator.cpp, which
** runs NATIVE_X times as many operations, being that much faster).
** With the floor (floor.c) beside them. Usage: generator [n] [reps]
** [cl|native|floor|all]. Prints *_generator_ns.
*/
#include "floor.h"
#include "../native/native.h"

#define NATIVE_X 8

static void run(void *ctx, long n) {
  cl_Runtime *R = (cl_Runtime *)ctx;
  cl_Handle g = count_new(R, n);
  void *end;
  bench_check("generator sum", count_take(R, g, n), (long long)n * (n - 1) / 2);
  bench_ok(R, cl_generator_next(R, g, &end), "generator next");
  bench_check("generator done after n values", end == NULL, 1);
  bench_ok(R, cl_destroy(R, g), "destroy");
}

int main(int argc, char **argv) {
  return bench_versus(argc, argv, "generator", run, native_generator_run,
                      floor_generator_run, NATIVE_X, 5000000);
}
