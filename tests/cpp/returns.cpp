// returns.cpp — co_return v calls return_value, then the locals die;
// co_return; calls return_void, then the locals die; flowing off the end
// destroys every local first, then calls return_void (g++'s order).
#include "trace.hpp"

template <bool Value>
struct Task {
  struct Valued {
    void return_value(int v) { say("return_value %d", v); }
  };
  struct Void {
    void return_void() { say("return_void"); }
  };
  struct promise_type : std::conditional_t<Value, Valued, Void> {
    ~promise_type() { say("~promise_type"); }
    Task get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { say("final_suspend"); return {}; }
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
};

Task<true> with_value() {
  Local a("a");
  {
    Local b("b");
    co_return 7;
  }
}

Task<false> with_void() {
  Local a("a");
  {
    Local b("b");
    co_return;
  }
}

Task<false> flowing_off() {
  co_await std::suspend_never{};      // makes it a coroutine; prints nothing
  Local a("a");
  {
    Local b("b");
    say("inner block ends");
  }
  say("body ends");
}

int main() {
  say("== co_return 7");
  with_value().h.destroy();
  say("== co_return");
  with_void().h.destroy();
  say("== flowing off the end");
  flowing_off().h.destroy();
}
