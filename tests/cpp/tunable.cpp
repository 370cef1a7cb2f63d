// tunable.cpp — get_return_object returns a plain coroutine_handle and the
// return type is made from it by a converting constructor, a pattern of
// cppreference's examples ([dcl.fct.def.coroutine]/7): the handle is
// converted when control first returns to the caller, then it ends, and
// ending a handle destroys nothing: a handle owns no frame
// ([coroutine.handle]). Then a return value that does own the frame: its
// destructor runs once, right after the conversion, and finds that the
// converting constructor took the frame from it.
#include <utility>
#include "trace.hpp"

struct Tunable {
  struct promise_type {
    std::coroutine_handle<promise_type> get_return_object() {
      say("get_return_object: a handle");
      return std::coroutine_handle<promise_type>::from_promise(*this);
    }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
  Tunable(std::coroutine_handle<promise_type> hh) : h(hh) { say("Tunable(handle)"); }
  Tunable(Tunable &&o) noexcept : h(std::exchange(o.h, {})) {}   // clang 14 needs it
  ~Tunable() { say("~Tunable"); if (h) h.destroy(); }
};

Tunable tune() {
  say("body");
  co_await std::suspend_always{};
  say("tuned");
}

struct Owner {                        // owns the frame until it is taken
  std::coroutine_handle<> h;
  explicit Owner(std::coroutine_handle<> hh) : h(hh) {}
  Owner(Owner &&o) noexcept : h(std::exchange(o.h, {})) {}
  ~Owner() {
    say("~Owner: %s", h ? "destroys the frame" : "owns nothing any more");
    if (h) h.destroy();
  }
};

struct Owned {
  struct promise_type {
    ~promise_type() { say("~promise_type"); }
    Owner get_return_object() {
      say("get_return_object: an Owner");
      return Owner{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<> h;
  Owned(Owner &&o) : h(std::exchange(o.h, {})) { say("Owned(Owner&&): takes the frame"); }
  Owned(Owned &&o) noexcept : h(std::exchange(o.h, {})) {}     // clang 14 needs it
  ~Owned() { say("~Owned"); if (h) h.destroy(); }
};

Owned owned() {
  say("owned body");
  co_return;
}

int main() {
  say("== a handle is converted, and ending it destroys nothing");
  {
    Tunable t = tune();
    say("call returned");
    t.h.resume();
    t.h.resume();
    say("done %s", t.h.done() ? "yes" : "no");
  }
  say("== an owner is converted, then destroyed once");
  {
    Owned o = owned();
    say("call returned");
    o.h.resume();
    say("done %s", o.h.done() ? "yes" : "no");
  }
}
