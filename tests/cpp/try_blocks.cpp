// try_blocks.cpp — try/catch around code that awaits: an exception raised
// at a co_await (by await_resume, or by await_suspend) or by the body in a
// try block unwinds to its catch — destroying the co_await's temporary,
// then the try block's locals — and never reaches unhandled_exception;
// co_yield and co_return work inside a try block ([stmt.return.coroutine],
// [except.handle]).
#include <stdexcept>
#include "trace.hpp"

struct Throwing {                      // an awaiter that throws in a member
  const char *name, *where;
  ~Throwing() { say("~%s", name); }
  bool await_ready() { say("%s.await_ready", name); return false; }
  void await_suspend(std::coroutine_handle<>) {
    say("%s.await_suspend", name);
    if (where[0] == 's') throw std::runtime_error("from await_suspend");
  }
  int await_resume() {
    say("%s.await_resume", name);
    if (where[0] == 'r') throw std::runtime_error("from await_resume");
    return 1;
  }
};

struct Gen {
  struct promise_type {
    int current = 0;
    Gen get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) { say("yield_value(%d)", v); current = v; return {}; }
    void return_void() { say("return_void"); }
    void unhandled_exception() { say("unhandled_exception"); }
  };
  std::coroutine_handle<promise_type> h;
};

Gen body() {
  try {
    Local l("in try 1");
    co_await Throwing{"resume_throws", "r"};
    say("never");
  } catch (std::exception &e) {
    say("caught: %s", e.what());
  }
  try {
    Local l("in try 2");
    co_await Throwing{"suspend_throws", "s"};
    say("never");
  } catch (std::exception &e) {
    say("caught: %s", e.what());
  }
  try {
    Local l("in try 3");
    co_yield 1;
    throw std::runtime_error("from the body");
  } catch (std::exception &e) {
    say("caught: %s", e.what());
  }
  try {
    Local l("in try 4");
    co_yield 2;
    co_return;
  } catch (...) {
    say("never");
  }
  say("never");
}

int main() {
  Gen g = body();
  while (!g.h.done()) {
    say("resume");
    g.h.resume();
  }
  say("destroy");
  g.h.destroy();
}
