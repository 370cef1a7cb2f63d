/*
** chain.c — a symmetric-transfer chain of C-body tasks: node(k) awaits
** node(k-1), node(0) returns 0, each adds 1, so all n frames are alive at
** the bottom. Shows that the C stack stays constant (the depth of the C
** stack at the bottom of a chain of 10 and of n) and reports time per link
** and peak RSS; then the same chain in native C++20 (native/task.cpp) for
** comparison. A one-shot run of n pays for faulting its memory in, which
** the native run after it reuses; so the ratio per link comes from chains
** of n/10, corolab and native timed interleaved, warm, reps times.
** Usage: chain [n] [reps]. Prints chain_* figures.
*/
#include "clbench.h"
#include "../native/native.h"

static uintptr_t stack_top;          /* an address in main's frame */
static long long stack_at_bottom;    /* bytes of C stack below it at node(0) */

typedef struct NodeLocals { long k; cl_Handle next; cl_Value got, result; } NodeLocals;

static const cl_Coroutine node_coroutine;

static void node_step(cl_Step *s) {
  NodeLocals *l = (NodeLocals *)s->locals;
  cl_Error *e;
  long below;
  CL_BEGIN(s);
  if (l->k == 0) {
    stack_at_bottom = (long long)(stack_top - (uintptr_t)&l);
    l->result.i = 0;
    CL_RETURN(s, &l->result);
  }
  below = l->k - 1;
  if ((e = cl_call(s->R, &node_coroutine, &below, &l->next))) CL_RAISE(s, e);
  CL_AWAIT(s, &l->got, cl_task_awaitable(s->R, l->next));
  l->result.i = l->got.i + 1;
  CL_RETURN(s, &l->result);
  CL_END(s);
}

static const cl_Coroutine node_coroutine = {
  .name = "node", .promise_type = &cl_task_type,
  .locals_size = sizeof(NodeLocals), .args_size = sizeof(long), .step = node_step,
  .source = __FILE__
};

/* run a chain of n; returns the C stack depth at its bottom */
static long long chain(cl_Runtime *R, long n, double *ns) {
  cl_Handle t = {0};
  cl_Value r;
  long top = n - 1;
  double t0 = bench_now_ns();
  bench_ok(R, cl_call(R, &node_coroutine, &top, &t), "call node()");
  bench_ok(R, cl_task_run(R, t, &r), "run the chain");
  bench_ok(R, cl_destroy(R, t), "destroy the chain");
  *ns = (bench_now_ns() - t0) / (double)n;
  bench_check("chain result", r.i, n - 1);
  return stack_at_bottom;
}

static void run_cl(void *ctx, long n) {
  double ns;
  chain((cl_Runtime *)ctx, n, &ns);
}

static void run_native(void *ctx, long n) {
  (void)ctx;
  bench_check("native chain result", native_chain(n), n - 1);
}

int main(int argc, char **argv) {
  long n = bench_arg(argc, argv, 1, 10000000);
  int reps = (int)bench_arg(argc, argv, 2, 5);
  Counter c;
  double ns;
  volatile char here = 0;
  stack_top = (uintptr_t)&here;
  cl_Runtime *R = bench_runtime(&c);
  long long small = chain(R, 10, &ns);
  long long big = chain(R, n, &ns);
  bench_print("chain_n", (double)n);
  bench_print("chain_ns_per_link", ns);
  bench_print("chain_stack_bytes_10", (double)small);
  bench_print("chain_stack_bytes_n", (double)big);
  bench_check("C stack constant (bottom of chain of n vs of 10)", big, small);
  bench_print("chain_runtime_peak_mb", (double)c.peak / 1048576.0);
  bench_print("chain_peak_rss_mb", bench_peak_rss_mb());
  bench_close(R);
  double t0 = bench_now_ns();
  bench_check("native chain result", native_chain(n), n - 1);
  bench_print("chain_native_ns_per_link", (bench_now_ns() - t0) / (double)n);
  R = bench_runtime(&c);
  bench_Case cases[2] = {{run_native, NULL, n / 10, 0}, {run_cl, R, n / 10, 0}};
  bench_interleave(cases, 2, reps);
  bench_print("chain_warm_n", (double)(n / 10));
  bench_print("chain_warm_native_ns_per_link", cases[0].ns);
  bench_print("chain_warm_ns_per_link", cases[1].ns);
  bench_close(R);
  return 0;
}
