// prologue_transfer.cpp — a call that fails after a symmetric transfer: the
// coroutine X transfers to Y (lazy: from its initial suspend point; eager:
// from a co_await in its body), Y throws and its unhandled_exception
// rethrows. The exception leaves X's call: g++ destroys X's return object,
// then X's promise, and nothing else of X (neither its suspended awaiter
// nor its locals).
#include <stdexcept>
#include "trace.hpp"

struct Y {
  struct promise_type {
    ~promise_type() { say("~Y.promise"); }
    Y get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { say("Y.unhandled_exception: rethrow"); throw; }
  };
  std::coroutine_handle<promise_type> h;
};

Y thrower() {
  say("Y body throws");
  throw std::runtime_error("boom");
  co_return;
}

std::coroutine_handle<> target;

struct ToY {                          // transfers to Y
  const char *name;
  ~ToY() { say("~%s", name); }
  bool await_ready() { say("%s.await_ready", name); return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) {
    say("%s.await_suspend -> Y", name);
    return target;
  }
  void await_resume() { say("%s.await_resume", name); }
};

struct X {
  struct promise_type {
    bool eager;
    explicit promise_type(bool e) : eager(e) {}
    ~promise_type() { say("~X.promise"); }
    X get_return_object() {
      say("X.get_return_object");
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    struct Init : ToY {
      bool eager;
      bool await_ready() { say("init.await_ready"); return eager; }
    };
    Init initial_suspend() { return {{"init"}, eager}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { say("X.unhandled_exception"); throw; }
  };
  std::coroutine_handle<promise_type> h;
  X(std::coroutine_handle<promise_type> h) : h(h) {}
  X(X &&o) : h(o.h) { o.h = {}; }
  ~X() { say("~X"); }
};

X x(bool) {
  Local l("local");
  say("X body");
  co_await ToY{"toY"};
  say("never here");
}

int main() {
  for (int eager = 0; eager < 2; eager++) {
    say("== %s", eager ? "eager: a co_await in the body transfers to Y"
                       : "lazy: the initial suspend point transfers to Y");
    Y y = thrower();
    target = y.h;
    try {
      X r = x(eager);
      say("call returned");
    } catch (std::exception &e) {
      say("caught %s", e.what());
    }
    y.h.destroy();
  }
}
