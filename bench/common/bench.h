/*
** bench.h — the one timing helper of bench/ (C, the native C++ baselines,
** and Lua through benchlib): a monotonic clock; cases timed interleaved,
** reps rounds, median ns per operation; result checks; peak RSS; and the
** output protocol the runner reads (one "key value" line per figure).
*/
#ifndef BENCH_H
#define BENCH_H

#if !defined(_POSIX_C_SOURCE) && !defined(__cplusplus)
#define _POSIX_C_SOURCE 200809L   /* clock_gettime, getrusage in C11 */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

typedef void (*bench_fn)(void *ctx, long n);   /* do n operations */

/* one thing to time: fn(ctx, n) does n operations; ns receives the median */
typedef struct bench_Case {
  bench_fn fn;
  void *ctx;
  long n;
  double ns;                                   /* out: median ns per operation */
} bench_Case;

static inline double bench_now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static inline int bench_cmp_(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

#define BENCH_MAX_REPS 32
#define BENCH_MAX_CASES 8

/* time the cases in turn, reps rounds (interleaved, so a busy machine
   slows all of them alike), after one short warm-up round; each case's
   median ns per operation goes to its .ns */
static inline void bench_interleave(bench_Case *c, int ncases, int reps) {
  double t[BENCH_MAX_CASES][BENCH_MAX_REPS];
  if (reps < 1) reps = 1;
  if (reps > BENCH_MAX_REPS) reps = BENCH_MAX_REPS;
  if (ncases > BENCH_MAX_CASES) ncases = BENCH_MAX_CASES;
  for (int k = 0; k < ncases; k++) c[k].fn(c[k].ctx, c[k].n / 10 + 1);
  for (int i = 0; i < reps; i++)
    for (int k = 0; k < ncases; k++) {
      double t0 = bench_now_ns();
      c[k].fn(c[k].ctx, c[k].n);
      t[k][i] = (bench_now_ns() - t0) / (double)c[k].n;
    }
  for (int k = 0; k < ncases; k++) {
    qsort(t[k], (size_t)reps, sizeof(double), bench_cmp_);
    c[k].ns = reps % 2 ? t[k][reps / 2] : (t[k][reps / 2 - 1] + t[k][reps / 2]) / 2;
  }
}

/* median ns per operation of fn(ctx, n) over reps runs */
static inline double bench_ns_per_op(bench_fn fn, void *ctx, long n, int reps) {
  bench_Case c;
  c.fn = fn; c.ctx = ctx; c.n = n; c.ns = 0;
  bench_interleave(&c, 1, reps);
  return c.ns;
}

/* the output protocol: "key value" per line, read by bench/run */
static inline void bench_print(const char *key, double value) {
  printf("%s %.6g\n", key, value);
  fflush(stdout);
}

/* a wrong result is a failure of the benchmark (exit 3), never a slow one */
static inline void bench_check(const char *what, long long got, long long want) {
  if (got == want) return;
  fprintf(stderr, "bench: %s: wrong result %lld, expected %lld\n", what, got, want);
  exit(3);
}

/* argv[i] as a number, or dflt */
static inline long bench_arg(int argc, char **argv, int i, long dflt) {
  return i < argc ? strtol(argv[i], NULL, 10) : dflt;
}

static inline double bench_peak_rss_mb(void) {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return (double)u.ru_maxrss / 1024.0;      /* ru_maxrss is in KiB on Linux */
}

#endif
