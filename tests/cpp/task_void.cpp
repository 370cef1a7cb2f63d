// task_void.cpp — task<T> and task<void> ([stmt.return.coroutine]): a
// task<void>'s promise has return_void, called by co_return; and by
// flowing off the end, after the locals die; a task<int>'s has
// return_value. corolab's coro.task is both at once.
#include "trace.hpp"

template <class T> struct Task;

template <class Self> struct Base {    // all but how a value is returned
  std::coroutine_handle<> continuation = std::noop_coroutine();
  std::suspend_always initial_suspend() { return {}; }
  struct Final {
    bool await_ready() noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<Self> h) noexcept {
      return h.promise().continuation;
    }
    void await_resume() noexcept {}
  };
  Final final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
};

template <class T> struct Task {
  struct promise_type : Base<promise_type> {
    T value{};
    Task get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    void return_value(T v) { say("return_value"); value = v; }
  };
  std::coroutine_handle<promise_type> h;
  ~Task() { h.destroy(); }
  bool await_ready() { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) {
    h.promise().continuation = c;
    return h;
  }
  T await_resume() { return h.promise().value; }
};

template <> struct Task<void> {
  struct promise_type : Base<promise_type> {
    Task get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    void return_void() { say("return_void"); }
  };
  std::coroutine_handle<promise_type> h;
  ~Task() { h.destroy(); }
  bool await_ready() { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) {
    h.promise().continuation = c;
    return h;
  }
  void await_resume() {}
};

Task<void> returns_nothing() {
  Local l("local");
  say("co_return;");
  co_return;
}

Task<void> flows_off() {
  Local l("local");
  co_await std::suspend_never{};       // (a coroutine keyword: it is one)
  say("flowing off");
}

Task<int> returns_seven() {
  Local l("local");
  co_return 7;
}

Task<int> outer() {
  co_await returns_nothing();
  co_await flows_off();
  int v = co_await returns_seven();
  say("got %d", v);
  co_return v;
}

int main() {
  Task<int> t = outer();
  t.h.resume();
  say("result %d", t.h.promise().value);
}
