// native/task.cpp — baseline: a lazy C++20 task awaiting a child task that
// completes synchronously (frame allocation + symmetric transfer both ways),
// g++ -O2; timed by c/task.c. Also the same chain of tasks as c/chain.c.
#include <coroutine>
#include <exception>
#include <utility>

#include "../common/bench.h"
#include "native.h"

struct task {
  struct promise_type {
    std::coroutine_handle<> continuation;
    long value = 0;
    task get_return_object() {
      return task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct final_awaiter {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(
          std::coroutine_handle<promise_type> h) noexcept {
        auto c = h.promise().continuation;
        return c ? c : std::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    final_awaiter final_suspend() noexcept { return {}; }
    void return_value(long v) noexcept { value = v; }
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  explicit task(std::coroutine_handle<promise_type> h) : h(h) {}
  task(task &&o) noexcept : h(std::exchange(o.h, {})) {}
  ~task() { if (h) h.destroy(); }

  bool await_ready() const noexcept { return h.done(); }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
    h.promise().continuation = c;
    return h;                                 // symmetric transfer to the child
  }
  long await_resume() const noexcept { return h.promise().value; }
  long run() { h.resume(); return h.promise().value; }
};

__attribute__((noinline)) static task child(long i) { co_return i; }

static task parent(long n) {
  long sum = 0;
  for (long i = 0; i < n; i++) sum += co_await child(i);
  co_return sum;
}

// node(k): co_return k == 0 ? 0 : co_await node(k - 1) + 1;
static task node(long k) {
  if (k == 0) co_return 0;
  co_return co_await node(k - 1) + 1;
}

long native_chain(long n) { return node(n - 1).run(); }

void native_task_run(void *ctx, long n) {
  (void)ctx;
  long sum = parent(n).run();
  bench_check("native task sum", sum, (long long)n * (n - 1) / 2);
}
