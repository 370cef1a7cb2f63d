// fib.cpp — fib.c in C++20, for comparison: the same output
#include <coroutine>
#include <cstdio>
#include <exception>

struct generator {
  struct promise_type {
    long long current;
    generator get_return_object() {
      return generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(long long v) { current = v; return {}; }
    void return_void() {}
    void unhandled_exception() { throw; }
  };
  std::coroutine_handle<promise_type> h;
  explicit generator(std::coroutine_handle<promise_type> h) : h(h) {}
  generator(generator &&) = delete;
  ~generator() { h.destroy(); }
  bool next() { h.resume(); return !h.done(); }
};

generator fib(int n) {
  long long a = 0, b = 1;
  for (int i = 0; i < n; i++) {
    co_yield a;
    b += a;
    a = b - a;
  }
}

int main() {
  generator g = fib(10);
  while (g.next()) std::printf("%lld ", g.h.promise().current);
  std::printf("\n");
}
