/*
** registry.c — does checking handles make resume slower as the program
** holds more frames? Resume + co_yield (cl_generator_next) on a working set
** of k generators, round-robin, in two runtimes timed interleaved: one
** holding only the working set, one also holding `others` suspended frames.
** A handle is checked where it points (its frame's id), with no lookup:
** k = 1 is the hot case; k = 1024 touches a frame's cache lines less
** often; k = 65536 also spreads the frames over more memory than the
** CPU's L2.
** Usage: registry [others] [n] [reps]. Prints reg_k*_{none,others}_ns.
*/
#include "clbench.h"

#define MAXK 65536

typedef struct Work {
  Counter c;
  cl_Runtime *R;
  cl_Handle *g;                /* the working set */
  long *taken;                 /* values taken from each g[i] so far */
  long k;                      /* its size for this measurement */
} Work;

static void run(void *ctx, long n) {
  Work *w = (Work *)ctx;
  for (long j = 0; j < n; j++) {
    long i = j % w->k;
    bench_check("registry: the next value", count_take(w->R, w->g[i], 1), w->taken[i]++);
  }
}

static void open_work(Work *w) {
  w->R = bench_runtime(&w->c);
  w->g = (cl_Handle *)malloc(MAXK * sizeof *w->g);
  w->taken = (long *)calloc(MAXK, sizeof *w->taken);
  if (w->g == NULL || w->taken == NULL) {
    fprintf(stderr, "bench: no memory\n");
    exit(2);
  }
  for (long i = 0; i < MAXK; i++) w->g[i] = count_new(w->R, 1L << 62);
}

static void close_work(Work *w) {
  for (long i = 0; i < MAXK; i++) bench_ok(w->R, cl_destroy(w->R, w->g[i]), "destroy");
  bench_close(w->R);
  free(w->g);
  free(w->taken);
}

int main(int argc, char **argv) {
  static const long ks[] = {1, 1024, MAXK};
  long others = bench_arg(argc, argv, 1, 1000000);
  long n = bench_arg(argc, argv, 2, 2000000);
  int reps = (int)bench_arg(argc, argv, 3, 5);
  Work none, more;
  open_work(&none);
  open_work(&more);
  cl_Handle *o = (cl_Handle *)malloc((size_t)others * sizeof *o);
  if (o == NULL) { fprintf(stderr, "bench: no memory\n"); return 2; }
  for (long i = 0; i < others; i++) o[i] = count_new(more.R, 1);
  for (int i = 0; i < 3; i++) {
    bench_Case cases[2] = {{run, &none, n, 0}, {run, &more, n, 0}};
    char key[64];
    none.k = more.k = ks[i];
    bench_interleave(cases, 2, reps);
    snprintf(key, sizeof key, "reg_k%ld_none_ns", ks[i]);
    bench_print(key, cases[0].ns);
    snprintf(key, sizeof key, "reg_k%ld_others_ns", ks[i]);
    bench_print(key, cases[1].ns);
  }
  bench_print("reg_others", (double)others);
  for (long i = 0; i < others; i++) bench_ok(more.R, cl_destroy(more.R, o[i]), "destroy");
  free(o);
  close_work(&none);
  close_work(&more);
  return 0;
}
