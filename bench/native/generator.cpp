// native/generator.cpp — baseline: a C++20 generator (g++ -O2), the cost of
// one resume + co_yield; timed by c/generator.c.
#include <coroutine>
#include <exception>

#include "../common/bench.h"
#include "native.h"

struct generator {
  struct promise_type {
    const long *current = nullptr;
    generator get_return_object() {
      return generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(const long &v) noexcept { current = &v; return {}; }
    void return_void() noexcept {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  explicit generator(std::coroutine_handle<promise_type> h) : h(h) {}
  generator(generator &&) = delete;
  ~generator() { h.destroy(); }
  const long *next() {                      // like cl_generator_next
    h.resume();
    return h.done() ? nullptr : h.promise().current;
  }
};

static generator count(long n) {
  for (long i = 0; i < n; i++) co_yield i;
}

void native_generator_run(void *ctx, long n) {
  (void)ctx;
  generator g = count(n);
  long long sum = 0;
  for (const long *v; (v = g.next()) != nullptr;) sum += *v;
  bench_check("native generator sum", sum, (long long)n * (n - 1) / 2);
}
