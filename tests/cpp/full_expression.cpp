// full_expression.cpp — temporaries live to the end of the full-expression
// ([class.temporary]/4): a co_await's operand, and the awaiter its
// operator co_await makes, die after the whole expression, last made
// first; so does a temporary that is never awaited; an error inside the
// expression destroys the ones made so far; destroy() of a coroutine
// suspended inside one destroys them before its locals. The operands of
// co_await a + co_await b are unsequenced ([intro.execution]/10): g++ 12
// makes both operands, suspends at each, then calls both await_resume;
// clang 14 evaluates each co_await whole, left to right.
#include <stdexcept>
#include "trace.hpp"

struct Co {                           // eager; suspends at its end
  struct promise_type {
    Co get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { say("unhandled_exception"); }
  };
  std::coroutine_handle<promise_type> h;
};

struct V {                            // an awaiter with a value
  const char *name;
  int value;
  bool throws;
  V(const char *n, int v, bool t = false) : name(n), value(v), throws(t) { say("%s()", n); }
  V(const V &) = delete;
  ~V() { say("~%s", name); }
  bool await_ready() { say("%s.await_ready", name); return false; }
  void await_suspend(std::coroutine_handle<>) { say("%s.await_suspend", name); }
  int await_resume() {
    say("%s.await_resume", name);
    if (throws) throw std::runtime_error(name);
    return value;
  }
};

struct Ticket {                       // no awaiter: operator co_await makes one
  const char *name;
  explicit Ticket(const char *n) : name(n) { say("%s()", n); }
  Ticket(const Ticket &) = delete;
  ~Ticket() { say("~%s", name); }
  V operator co_await() { say("%s.operator co_await", name); return {"waiter", 7}; }
};

struct T {                            // a temporary no co_await takes
  const char *name;
  explicit T(const char *n) : name(n) { say("%s()", n); }
  T(const T &) = delete;
  ~T() { say("~%s", name); }
};

int f(int a) { say("f(%d)", a); return a; }
int g(const T &t, int a) { say("g(%s, %d)", t.name, a); return a; }

Co sum() {
  say("sum %d", co_await V{"a", 1} + co_await V{"b", 2});
  say("after");
}

Co call() {
  f(co_await V{"x", 3});
  say("after");
}

Co ticket() {
  f(co_await Ticket{"ticket"});
  say("after");
}

Co unawaited() {
  g(T{"t"}, co_await V{"x", 4});
  say("after");
}

Co raises() {
  try {
    g(T{"t"}, co_await V{"x", 5, true});
  } catch (std::exception &e) {
    say("caught %s", e.what());
  }
  say("after");
}

Co destroyed() {
  Local l("local");
  say("sum %d", co_await V{"a", 1} + co_await V{"b", 2});
}

int main() {
  say("== co_await a + co_await b: unsequenced operands, destroyed at the end");
  { Co c = sum(); c.h.resume(); c.h.resume(); c.h.destroy(); }
  say("== f(co_await x): x lives until f has returned");
  { Co c = call(); c.h.resume(); c.h.destroy(); }
  say("== operator co_await's awaiter is a temporary too");
  { Co c = ticket(); c.h.resume(); c.h.destroy(); }
  say("== a temporary never awaited dies at the end too");
  { Co c = unawaited(); c.h.resume(); c.h.destroy(); }
  say("== an error inside the expression destroys the temporaries made so far");
  { Co c = raises(); c.h.resume(); c.h.destroy(); }
  say("== destroy() inside the expression: its temporaries, then the locals");
  { Co c = destroyed(); c.h.resume(); say("destroy"); c.h.destroy(); }
}
