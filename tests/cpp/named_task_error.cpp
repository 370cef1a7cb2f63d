// named_task_error.cpp — a named task (an lvalue) whose body threw,
// awaited twice: unhandled_exception stores the exception_ptr, and each
// await_resume rethrows it, the same exception object both times
// ([expr.await]/5: the co_await's value is await_resume(), each time;
// [propagation]/8: rethrow_exception throws the object p refers to).
// coro.task keeps a named task's error the same way.
#include <utility>
#include "trace.hpp"

struct Task {
  struct promise_type;
  using handle = std::coroutine_handle<promise_type>;
  struct Final {
    bool await_ready() noexcept { return false; }
    std::coroutine_handle<> await_suspend(handle h) noexcept {
      return h.promise().continuation;
    }
    void await_resume() noexcept {}
  };
  struct promise_type {
    std::coroutine_handle<> continuation = std::noop_coroutine();
    std::exception_ptr error;
    Task get_return_object() { return Task{handle::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    Final final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { say("unhandled_exception"); error = std::current_exception(); }
  };
  handle h;
  explicit Task(handle hh) : h(hh) {}
  Task(Task &&o) noexcept : h(std::exchange(o.h, {})) {}   // clang 14 needs it (g++ elides it)
  ~Task() { h.destroy(); }
  bool await_ready() { say("task.await_ready"); return h.done(); }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) {
    say("task.await_suspend");
    h.promise().continuation = c;
    return h;
  }
  void await_resume() {
    say("task.await_resume");
    if (h.promise().error) std::rethrow_exception(h.promise().error);
  }
};

Task child() {
  throw std::runtime_error("child failed");
  co_return;
}

Task outer(Task &named) {
  const std::exception *first = nullptr;
  try {
    co_await named;
  } catch (const std::exception &e) {
    say("first co_await: caught %s", e.what());
    first = &e;
  }
  try {
    co_await named;
  } catch (const std::exception &e) {
    say("second co_await: caught %s", e.what());
    say("the same error: %s", &e == first ? "true" : "false");
  }
}

int main() {
  Task named = child();
  Task t = outer(named);
  t.h.resume();
  say("outer done: %s", t.h.done() ? "true" : "false");
}
