/*
** peers.c — corolab against the stackful libraries a C or C++ programmer
** would pick instead (peers.h), in one process, interleaved: a generator
** step (a resume and a yield of one value: corolab's C generator of
** c/generator.c) and create + first resume + destroy (cl_call of count,
** cl_generator_next, cl_destroy of the suspended generator). A peer
** bench/run did not find prints nothing; the report says why.
** Usage: peers [n] [reps]. Prints peer_<who>_step_ns, peer_<who>_create_ns.
*/
#include "../c/clbench.h"
#include "peers.h"

static void cl_step_run(void *ctx, long n) {
  cl_Runtime *R = (cl_Runtime *)ctx;
  cl_Handle g = count_new(R, n);
  bench_check("corolab generator sum", count_take(R, g, n), (long long)n * (n - 1) / 2);
  bench_ok(R, cl_destroy(R, g), "destroy");
}

static void cl_create_run(void *ctx, long n) {
  cl_Runtime *R = (cl_Runtime *)ctx;
  long long firsts = 0;
  for (long i = 0; i < n; i++) {
    cl_Handle g = count_new(R, 3);
    firsts += count_take(R, g, 1);
    bench_ok(R, cl_destroy(R, g), "destroy");
  }
  bench_check("corolab first values", firsts, 0);
}

typedef struct Peer { const char *name; bench_fn step, create; } Peer;

static const Peer peers[] = {
  {"cl", cl_step_run, cl_create_run},
#ifdef HAVE_MINICORO
  {"minicoro", minicoro_step_run, minicoro_create_run},
#endif
#ifdef HAVE_BOOST
  {"boost", boost_step_run, boost_create_run},
#endif
};

#define NPEERS (sizeof peers / sizeof *peers)

int main(int argc, char **argv) {
  long n = bench_arg(argc, argv, 1, 3000000);
  int reps = (int)bench_arg(argc, argv, 2, 5);
  Counter c;
  cl_Runtime *R = bench_runtime(&c);
  bench_Case step[NPEERS], create[NPEERS];
  char key[64];
  for (size_t i = 0; i < NPEERS; i++) {
    step[i] = (bench_Case){peers[i].step, R, n, 0};
    create[i] = (bench_Case){peers[i].create, R, n / 20 + 1, 0};
  }
  bench_interleave(step, (int)NPEERS, reps);
  bench_interleave(create, (int)NPEERS, reps);
  for (size_t i = 0; i < NPEERS; i++) {
    snprintf(key, sizeof key, "peer_%s_step_ns", peers[i].name);
    bench_print(key, step[i].ns);
    snprintf(key, sizeof key, "peer_%s_create_ns", peers[i].name);
    bench_print(key, create[i].ns);
  }
  bench_close(R);
  return 0;
}
