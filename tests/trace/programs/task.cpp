// task.cpp — a lazy task<T> in the manner of cppcoro's: co_await on a task
// (an lvalue or a temporary: operator co_await & and &&) starts it by
// symmetric transfer, and its final awaiter transfers back to whoever
// awaited it, or returns noop_coroutine() when no one did; task<void>
// alongside task<int>, and a member coroutine (its object the first
// argument the promise sees).
#include <corolab/trace.hpp>
#include <coroutine>
#include <cstdio>
#include <exception>
#include <ostream>
#include <utility>

template <class T> class task;

struct promise_base {
  std::coroutine_handle<> continuation = std::noop_coroutine();
  std::exception_ptr error;
  struct final_awaitable {
    bool await_ready() const noexcept { return false; }
    template <class P> std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
      return h.promise().continuation;
    }
    void await_resume() noexcept {}
  };
  std::suspend_always initial_suspend() noexcept { return {}; }
  final_awaitable final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { error = std::current_exception(); }
};

template <class T> struct promise : promise_base {
  T value{};
  task<T> get_return_object() noexcept;
  void return_value(T v) { value = std::move(v); }
  T result() { if (error) std::rethrow_exception(error); return value; }
};
template <> struct promise<void> : promise_base {
  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void result() { if (error) std::rethrow_exception(error); }
};

template <class T> class task {
 public:
  using promise_type = promise<T>;
  using handle = std::coroutine_handle<promise_type>;
  struct awaitable {
    handle h;
    bool await_ready() const noexcept { return !h || h.done(); }
    handle await_suspend(std::coroutine_handle<> awaiting) noexcept {
      h.promise().continuation = awaiting;
      return h;
    }
    T await_resume() { return h.promise().result(); }
  };
  explicit task(handle h) noexcept : h_(h) {}
  task(task &&other) noexcept : h_(std::exchange(other.h_, {})) {}
  ~task() { if (h_) h_.destroy(); }
  awaitable operator co_await() const & noexcept { return awaitable{h_}; }
  awaitable operator co_await() const && noexcept { return awaitable{h_}; }
  T run() { h_.resume(); return h_.promise().result(); }   // from plain code, to the end

 private:
  handle h_;
};
COROLAB_TRACE(task<int>)
COROLAB_TRACE(task<void>)

template <class T> task<T> promise<T>::get_return_object() noexcept {
  return task<T>{std::coroutine_handle<promise>::from_promise(*this)};
}
task<void> promise<void>::get_return_object() noexcept {
  return task<void>{std::coroutine_handle<promise>::from_promise(*this)};
}

struct Counter {
  int base;
  task<int> add(int n) const { co_return base + n; }
};
std::ostream &operator<<(std::ostream &os, const Counter &c) { return os << "Counter{" << c.base << "}"; }

task<int> answer() { co_return 42; }

task<void> note(const char *what) {
  std::printf("note: %s\n", what);
  co_return;
}

task<int> sum() {
  task<int> a = answer();
  int x = co_await a;                  // an lvalue task: operator co_await() const &
  co_await note("between");            // a temporary: operator co_await() const &&
  Counter c{100};
  int y = co_await c.add(8);
  co_return x + y;
}

int main() {
  task<int> t = sum();
  std::printf("sum: %d\n", t.run());
}
