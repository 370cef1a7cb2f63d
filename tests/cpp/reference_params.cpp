// reference_params.cpp — a parameter declared a reference is not copied
// into the coroutine frame ([dcl.fct.def.coroutine]/13): the body uses the
// caller's object, which must outlive the body's uses of it (here it
// does). A by-value parameter is copied into the frame, and the copy dies
// with the frame; the argument, a temporary, dies at the end of the call's
// full-expression.
#include <utility>
#include "trace.hpp"

struct Widget {
  const char *name;
  bool copy = false;
  explicit Widget(const char *n) : name(n) { say("Widget(%s)", n); }
  Widget(const Widget &o) : name(o.name), copy(true) { say("copy %s", name); }
  ~Widget() { say(copy ? "~copy %s" : "~Widget(%s)", name); }
};

struct Task {                         // lazy; owns its frame
  struct promise_type {
    Task get_return_object() { return Task{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
  explicit Task(std::coroutine_handle<promise_type> hh) : h(hh) {}
  Task(Task &&o) noexcept : h(std::exchange(o.h, {})) {}          // clang 14 needs it
  ~Task() { say("~Task"); if (h) h.destroy(); }
};

Task by_reference(const Widget &w) {
  say("by_reference: %s", w.name);
  co_await std::suspend_always{};
  say("by_reference again: %s", w.name);
}

Task by_value(Widget w) {
  say("by_value: %s", w.name);
  co_await std::suspend_always{};
  say("by_value again: %s", w.name);
}

int main() {
  say("== by reference: no copy; the body uses the caller's widget");
  {
    Widget w("a");
    {
      Task t = by_reference(w);
      t.h.resume();
      t.h.resume();
    }
    say("the widget outlived the coroutine");
  }
  say("== by value: a copy in the frame, destroyed with it");
  {
    Task t = by_value(Widget("b"));
    say("called");
    t.h.resume();
    t.h.resume();
  }
}
