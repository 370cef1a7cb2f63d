// args.cpp — the arguments of a coroutine call: their evaluation order is
// unspecified ([expr.call]/8: g++ 12 evaluates them last to first, clang 14
// first to last); each by-value parameter is copied into the frame
// ([dcl.fct.def.coroutine]/13) in the order of the parameters; the
// argument temporaries die at the end of the call's full-expression, last
// made first ([class.temporary]/4); the copies die with the frame, in an
// order C++ leaves unspecified too (g++: the parameters' order; clang: the
// reverse).
#include "trace.hpp"

struct P {
  const char *name;
  bool copy = false;
  explicit P(const char *n) : name(n) { say("P(%s)", n); }
  P(const P &o) : name(o.name), copy(true) { say("copy %s", name); }
  ~P() { say(copy ? "~copy %s" : "~P(%s)", name); }
};

struct Co {
  struct promise_type {
    Co get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
};

Co co(P a, P b) {
  say("body(%s, %s)", a.name, b.name);
  co_return;
}

int main() {
  Co c = co(P("a"), P("b"));
  say("called");
  c.h.resume();
  say("destroy");
  c.h.destroy();
}
