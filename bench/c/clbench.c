/*
** clbench.c — helpers shared by the C benchmarks of the core: counting
** allocator, error checks, the corolab-vs-native main(), the count(n)
** generator and the child(i) task (C bodies).
*/
#include "clbench.h"

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  Counter *c = (Counter *)ud;
  if (ptr != NULL) c->live -= (long long)osize;
  if (nsize == 0) { free(ptr); return NULL; }
  void *p = realloc(ptr, nsize);
  if (p == NULL) return NULL;
  c->live += (long long)nsize;
  c->calls++;
  if (c->live > c->peak) c->peak = c->live;
  return p;
}

cl_Runtime *bench_runtime(Counter *c) {
  memset(c, 0, sizeof *c);
  cl_Runtime *R = cl_runtime_new(counting_alloc, c);
  if (R == NULL) { fprintf(stderr, "bench: no runtime\n"); exit(2); }
  return R;
}

void bench_close(cl_Runtime *R) {
  bench_check("frames leaked at runtime close", (long long)cl_runtime_close(R), 0);
}

void bench_failed(cl_Runtime *R, cl_Error *e, const char *where) {
  fprintf(stderr, "bench: %s: %s\n", where, cl_error_message(e));
  cl_error_free(R, e);
  exit(2);
}

int bench_versus(int argc, char **argv, const char *name, bench_fn cl,
                 bench_fn native, bench_fn floor, long native_x, long default_n) {
  long n = bench_arg(argc, argv, 1, default_n);
  int reps = (int)bench_arg(argc, argv, 2, 5);
  const char *which = argc > 3 ? argv[3] : "all";
  const char *names[3] = {"native", "floor", "cl"};
  bench_fn fns[3] = {native, floor, cl};
  long sizes[3] = {n * native_x, n * (native_x / 2), n};
  char key[64];
  Counter c;
  cl_Runtime *R = bench_runtime(&c);
  bench_Case cases[3];
  int k = 0, of[3];
  for (int i = 0; i < 3; i++) {
    if (strcmp(which, "all") != 0 && strcmp(which, names[i]) != 0) continue;
    of[k] = i;
    cases[k].fn = fns[i];
    cases[k].ctx = R;
    cases[k++].n = sizes[i];
  }
  bench_interleave(cases, k, reps);
  for (int j = 0; j < k; j++) {
    snprintf(key, sizeof key, "%s_%s_ns", names[of[j]], name);
    bench_print(key, cases[j].ns);
  }
  bench_close(R);
  return 0;
}

static void count_step(cl_Step *s) {
  CountLocals *l = (CountLocals *)s->locals;
  CL_BEGIN(s);
  for (l->i = 0; l->i < l->n; l->i++) CL_YIELD(s, &l->i);
  CL_END(s);
}

const cl_Coroutine count_coroutine = {
  .name = "count", .promise_type = &cl_generator_type,
  .locals_size = sizeof(CountLocals), .args_size = sizeof(long), .step = count_step,
  .source = __FILE__
};

cl_Handle count_new(cl_Runtime *R, long n) {
  cl_Handle g = {0};
  bench_ok(R, cl_call(R, &count_coroutine, &n, &g), "call count()");
  return g;
}

long long count_take(cl_Runtime *R, cl_Handle g, long k) {
  long long sum = 0;
  for (long j = 0; j < k; j++) {
    void *v;
    bench_ok(R, cl_generator_next(R, g, &v), "generator next");
    if (v == NULL) { fprintf(stderr, "bench: generator ended early\n"); exit(3); }
    sum += *(long *)v;
  }
  return sum;
}

static cl_Error *child_init(cl_Runtime *R, cl_Handle h, void *locals, void *args) {
  (void)R; (void)h;
  ((cl_Value *)locals)->i = *(long *)args;
  return NULL;
}

static void child_step(cl_Step *s) {
  CL_BEGIN(s);
  CL_RETURN(s, (cl_Value *)s->locals);
  CL_END(s);
}

const cl_Coroutine child_coroutine = {
  .name = "child", .promise_type = &cl_task_type,
  .locals_size = sizeof(cl_Value), .init = child_init, .step = child_step,
  .source = __FILE__
};
