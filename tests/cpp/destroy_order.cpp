// destroy_order.cpp — destroy() of a suspended coroutine ([coroutine.handle.
// destroy], [stmt.jump]): the awaiter, then the locals innermost first, then
// the promise; and destroy() at the initial suspend point.
#include "trace.hpp"

struct Task {
  struct promise_type {
    ~promise_type() { say("~promise_type"); }
    Task get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() { say("return_void"); }
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
};

Task nested() {
  Local a("a");
  {
    Local b("b");
    {
      Local c("c");
      say("suspending");
      co_await Aw("aw");
      say("never here");
    }
  }
}

int main() {
  say("== suspended at a co_await");
  Task t = nested();
  t.h.resume();
  say("destroy");
  t.h.destroy();
  say("== suspended at the initial suspend point");
  Task u = nested();
  say("destroy");
  u.h.destroy();
}
