// generator.cpp — a lazy generator driven by resume/done/promise().current.
#include "trace.hpp"

struct Generator {
  struct promise_type {
    int current = 0;
    promise_type() { say("promise_type()"); }
    ~promise_type() { say("~promise_type"); }
    Generator get_return_object() {
      say("get_return_object");
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    Aw initial_suspend() { say("initial_suspend"); return Aw("initial"); }
    Aw final_suspend() noexcept { say("final_suspend"); return Aw("final"); }
    Aw yield_value(int v) { say("yield_value %d", v); current = v; return Aw("yield"); }
    void return_void() { say("return_void"); }
    void unhandled_exception() { say("unhandled_exception"); }
  };
  std::coroutine_handle<promise_type> h;
};

Generator range(int n) {
  Local outer("outer");
  for (int i = 0; i < n; i++) {
    Local inner("inner");
    co_yield i;
  }
}

int main() {
  say("call range(2)");
  Generator g = range(2);
  while ((say("resume"), g.h.resume(), !g.h.done()))
    say("value %d", g.h.promise().current);
  say("destroy");
  g.h.destroy();
}
