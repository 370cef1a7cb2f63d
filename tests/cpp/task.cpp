// task.cpp — task<int>: outer awaits inner, which returns 42; outer returns
// 84. Lazy start; each final suspend transfers to the awaiting coroutine.
#include <utility>
#include "trace.hpp"

struct Task {
  struct promise_type;
  using handle = std::coroutine_handle<promise_type>;
  struct Final {
    bool await_ready() noexcept { return false; }
    std::coroutine_handle<> await_suspend(handle h) noexcept {
      say("%s: final.await_suspend -> continuation", h.promise().name);
      return h.promise().continuation;
    }
    void await_resume() noexcept {}
  };
  struct promise_type {
    const char *name;
    int value = 0;
    std::coroutine_handle<> continuation = std::noop_coroutine();
    explicit promise_type(const char *n) : name(n) { say("%s: promise_type(name)", n); }
    ~promise_type() { say("%s: ~promise_type", name); }
    Task get_return_object() {
      say("%s: get_return_object", name);
      return Task{handle::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { say("%s: initial_suspend", name); return {}; }
    Final final_suspend() noexcept { say("%s: final_suspend", name); return {}; }
    void return_value(int v) { say("%s: return_value %d", name, v); value = v; }
    void unhandled_exception() { say("%s: unhandled_exception", name); }
  };
  handle h;
  explicit Task(handle hh) : h(hh) {}
  Task(Task &&o) noexcept : h(std::exchange(o.h, {})) {}   // clang 14 needs it (g++ elides it)
  ~Task() { say("~Task"); h.destroy(); }
  bool await_ready() { say("task.await_ready"); return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) {
    say("task.await_suspend -> %s", h.promise().name);
    h.promise().continuation = c;
    return h;
  }
  int await_resume() { say("task.await_resume"); return h.promise().value; }
};

Task inner(const char *name) {
  say("%s: body", name);
  co_return 42;
}

Task outer(const char *name) {
  say("%s: body", name);
  int v = co_await inner("inner");
  say("%s: got %d", name, v);
  co_return v * 2;
}

int main() {
  Task t = outer("outer");
  say("resume outer");
  t.h.resume();
  say("done %d, result %d", (int)t.h.done(), t.h.promise().value);
}
