/*
** minicoro.c — the peer minicoro (a stackful C library in one header,
** found in ../shared/peers by bench/run, never part of corolab) running
** count(n): a value per resume and yield, handed over through the
** coroutine's user data, its cheapest way; and create + first resume +
** destroy, on its default stack (56 KiB).
*/
#include "../common/bench.h"   /* first: it sets _POSIX_C_SOURCE */

#define MINICORO_IMPL
#include "minicoro.h"

#include "peers.h"

typedef struct Count { long n, value; } Count;

static void count(mco_coro *co) {
  Count *c = (Count *)mco_get_user_data(co);
  for (long i = 0; i < c->n; i++) {
    c->value = i;
    mco_yield(co);
  }
}

static mco_coro *start(Count *c) {
  mco_desc desc = mco_desc_init(count, 0);
  mco_coro *co;
  desc.user_data = c;
  if (mco_create(&co, &desc) != MCO_SUCCESS) {
    fprintf(stderr, "bench: minicoro: cannot create a coroutine\n");
    exit(2);
  }
  return co;
}

void minicoro_step_run(void *ctx, long n) {
  Count c = {n, -1};
  mco_coro *co = start(&c);
  long long sum = 0;
  (void)ctx;
  for (long i = 0; i < n; i++) {
    mco_resume(co);
    sum += c.value;
  }
  mco_resume(co);                              /* it returns */
  bench_check("minicoro generator done", mco_status(co) == MCO_DEAD, 1);
  mco_destroy(co);
  bench_check("minicoro generator sum", sum, (long long)n * (n - 1) / 2);
}

void minicoro_create_run(void *ctx, long n) {
  long long firsts = 0;
  (void)ctx;
  for (long i = 0; i < n; i++) {
    Count c = {3, -1};
    mco_coro *co = start(&c);
    mco_resume(co);
    firsts += c.value;
    mco_destroy(co);                           /* suspended */
  }
  bench_check("minicoro first values", firsts, 0);
}
