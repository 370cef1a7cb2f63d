// tasks.cpp — tasks.c in C++20, for comparison: the same output
#include <coroutine>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>

struct task {
  struct promise_type {
    long long result = 0;
    std::exception_ptr error;
    std::coroutine_handle<> continuation = std::noop_coroutine();
    task get_return_object() {
      return task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    auto final_suspend() noexcept {
      struct final_awaiter : std::suspend_always {
        std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> h) noexcept {
          return h.promise().continuation;
        }
      };
      return final_awaiter{};
    }
    void return_value(long long v) { result = v; }
    void unhandled_exception() { error = std::current_exception(); }
  };
  std::coroutine_handle<promise_type> h;
  explicit task(std::coroutine_handle<promise_type> h) : h(h) {}
  task(task &&) = delete;
  ~task() { h.destroy(); }
  bool await_ready() { return false; }
  auto await_suspend(std::coroutine_handle<> c) { h.promise().continuation = c; return h; }
  long long await_resume() {
    if (h.promise().error) std::rethrow_exception(h.promise().error);
    return h.promise().result;
  }
};

task child(int n) {
  if (n == 2) throw std::runtime_error("child " + std::to_string(n) + " failed");
  std::printf("child(%d) returns %lld\n", n, n * 10LL);
  co_return n * 10;
}

task parent() {
  long long a = co_await child(1), b = 0;
  try {
    b = co_await child(2);
  } catch (const std::exception &e) {
    std::printf("caught: %s\n", e.what());
  }
  co_return a + b;
}

int main() {
  task t = parent();
  t.h.resume();
  std::printf("parent returns %lld\n", t.await_resume());
}
