/*
** memory.c — bytes per suspended C-body frame, counted exactly by the
** runtime's allocator: n count() generators are created and left suspended;
** (live bytes after - before) / n is all the core spends per frame, of which
** sizeof(promise) + locals_size is the program's, and the rest (frame head,
** runtime state, padding, the slabs' headers and page map, slots not yet
** used) the runtime's overhead.
** Usage: memory [n]. Prints mem_c_* figures.
*/
#include "clbench.h"

int main(int argc, char **argv) {
  long n = bench_arg(argc, argv, 1, 1000000);
  Counter c;
  cl_Runtime *R = bench_runtime(&c);
  cl_Handle *g = (cl_Handle *)malloc((size_t)n * sizeof *g);
  cl_FrameInfo info;
  if (g == NULL) { fprintf(stderr, "bench: no memory\n"); return 2; }
  long long before = c.live;
  for (long i = 0; i < n; i++) g[i] = count_new(R, 3);
  double per_frame = (double)(c.live - before) / (double)n;
  bench_check("frame info", cl_frame_info(R, g[0], &info), 1);
  bench_check("all frames alive", (long long)cl_frames(R, NULL, 0), n);
  double program = (double)(sizeof(cl_GeneratorPromise) + count_coroutine.locals_size);
  bench_print("mem_c_frames", (double)n);
  bench_print("mem_c_bytes_per_frame", per_frame);
  bench_print("mem_c_frame_alloc_bytes", (double)info.frame_size);
  bench_print("mem_c_bookkeeping_bytes_per_frame", per_frame - (double)info.frame_size);
  bench_print("mem_c_promise_locals_bytes", program);
  bench_print("mem_c_head_bytes", (double)info.promise_offset);
  bench_print("mem_c_state_bytes", (double)(info.locals_offset - info.state_offset));
  bench_print("mem_c_padding_bytes",
              (double)(info.state_offset - info.promise_offset) -
              (double)sizeof(cl_GeneratorPromise));
  bench_print("mem_c_overhead_bytes", per_frame - program);
  /* the values at a co_yield are the same: nothing is allocated per resume */
  long long at_initial = c.live;
  for (long i = 0; i < n; i++) count_take(R, g[i], 1);
  bench_check("no allocation per resume", c.live - at_initial, 0);
  for (long i = 0; i < n; i++) bench_ok(R, cl_destroy(R, g[i]), "destroy");
  free(g);
  bench_close(R);
  return 0;
}
