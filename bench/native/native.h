/*
** native.h — the native C++20 baselines (g++ -O2), callable from the C
** benchmarks so that both sides are timed in one process, interleaved.
** Each is a bench_fn: n operations; it checks its own sum.
*/
#ifndef NATIVE_H
#define NATIVE_H

#ifdef __cplusplus
extern "C" {
#endif

void native_generator_run(void *ctx, long n);  /* n resume + co_yield */
void native_task_run(void *ctx, long n);       /* n co_await child() */
long native_chain(long n);     /* a chain of n tasks (as c/chain.c): n - 1 */

#ifdef __cplusplus
}
#endif

#endif
