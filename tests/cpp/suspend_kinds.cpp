// suspend_kinds.cpp — every await_suspend return kind ([expr.await]/5.1):
// void, true, false, a handle (symmetric transfer), noop_coroutine(), and
// await_suspend throwing (resumed, raised at the co_await, no await_resume).
#include <cstring>
#include <exception>
#include "trace.hpp"

struct Task {
  struct promise_type {
    const char *name;
    explicit promise_type(const char *n, const char *) : name(n) {}
    ~promise_type() { say("%s: ~promise_type", name); }
    Task get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { say("%s: final_suspend", name); return {}; }
    void return_void() { say("%s: return_void", name); }
    void unhandled_exception() {
      try { throw; } catch (std::exception &e) { say("%s: unhandled_exception %s", name, e.what()); }
    }
  };
  std::coroutine_handle<promise_type> h;
};

static std::coroutine_handle<> other;

struct KVoid {
  bool raise;
  ~KVoid() { say("~k"); }
  bool await_ready() { say("k.await_ready"); return false; }
  void await_suspend(std::coroutine_handle<>) {
    say("k.await_suspend");
    if (raise) throw std::runtime_error("oops");
  }
  void await_resume() { say("k.await_resume"); }
};
struct KBool {
  bool value;
  ~KBool() { say("~k"); }
  bool await_ready() { say("k.await_ready"); return false; }
  bool await_suspend(std::coroutine_handle<>) { say("k.await_suspend"); return value; }
  void await_resume() { say("k.await_resume"); }
};
struct KHandle {
  bool noop;
  ~KHandle() { say("~k"); }
  bool await_ready() { say("k.await_ready"); return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) {
    say("k.await_suspend");
    return noop ? std::noop_coroutine() : other;
  }
  void await_resume() { say("k.await_resume"); }
};

Task a(const char *name, const char *mode) {
  Local l("a_local");
  say("%s: before", name);
  if (!std::strcmp(mode, "void")) co_await KVoid{false};
  else if (!std::strcmp(mode, "throw")) co_await KVoid{true};
  else if (!std::strcmp(mode, "true")) co_await KBool{true};
  else if (!std::strcmp(mode, "false")) co_await KBool{false};
  else co_await KHandle{!std::strcmp(mode, "noop")};
  say("%s: after", name);
}

Task b(const char *name, const char *) {
  say("%s: body", name);
  co_return;
}

int main() {
  for (const char *mode : {"void", "true", "false", "handle", "noop", "throw"}) {
    say("== %s", mode);
    Task tb = b("B", mode), ta = a("A", mode);
    other = tb.h;
    say("resume A");
    ta.h.resume();
    say("A.done %d B.done %d", (int)ta.h.done(), (int)tb.h.done());
    if (!ta.h.done()) {
      say("resume A");
      ta.h.resume();
    }
    ta.h.destroy();
    tb.h.destroy();
  }
}
