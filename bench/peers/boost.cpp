// boost.cpp — the peer Boost.Coroutine2 (stackful, on Boost.Context;
// libboost-coroutine-dev, never part of corolab) running count(n) as a
// pull_type: a value per pull; and create (which runs to the first value)
// + first pull + destroy (which unwinds the suspended coroutine's stack),
// on its default stack.
#include <boost/coroutine2/all.hpp>

#include "../common/bench.h"
#include "peers.h"

using coroutine = boost::coroutines2::coroutine<long>;

static void count(coroutine::push_type &sink, long n) {
  for (long i = 0; i < n; i++) sink(i);
}

void boost_step_run(void *ctx, long n) {
  (void)ctx;
  coroutine::pull_type source([n](coroutine::push_type &sink) { count(sink, n); });
  long long sum = 0;
  long values = 0;
  for (; source; source()) {
    sum += source.get();
    values++;
  }
  bench_check("boost generator values", values, n);
  bench_check("boost generator sum", sum, (long long)n * (n - 1) / 2);
}

void boost_create_run(void *ctx, long n) {
  long long firsts = 0;
  (void)ctx;
  for (long i = 0; i < n; i++) {
    coroutine::pull_type source([](coroutine::push_type &sink) { count(sink, 3); });
    firsts += source.get();
  }
  bench_check("boost first values", firsts, 0);
}
