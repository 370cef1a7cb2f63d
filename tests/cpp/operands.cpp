// operands.cpp — what a co_await destroys ([expr.await]/3, [class.temporary]):
// a named operand (an lvalue) never, it dies with its scope; a prvalue is
// materialised and dies at the end of the full-expression, after
// await_resume, or with the frame when destroy() comes while suspended
// there. An await_transform that returns its argument makes nothing new
// ([expr.await]/3.5: "an lvalue referring to the result") — but g++ 12
// copies that awaiter, and awaits and destroys the copy; here the copy is
// silent, so that the calls printed are the standard's, and corolab's.
#include <utility>
#include "trace.hpp"

struct Task {                          // a lazy task, its own awaiter
  struct promise_type;
  using handle = std::coroutine_handle<promise_type>;
  struct Final {
    bool await_ready() noexcept { return false; }
    std::coroutine_handle<> await_suspend(handle h) noexcept { return h.promise().continuation; }
    void await_resume() noexcept {}
  };
  struct promise_type {
    int value = 0;
    std::coroutine_handle<> continuation = std::noop_coroutine();
    Task get_return_object() { return Task{handle::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    Final final_suspend() noexcept { return {}; }
    void return_value(int v) { value = v; }
    void unhandled_exception() {}
  };
  handle h;
  const char *name;
  Task(handle hh) : h(hh), name("task") {}
  Task(Task &&o) noexcept : h(std::exchange(o.h, {})), name(o.name) {}   // clang 14 needs it
  ~Task() { say("~%s", name); h.destroy(); }
  bool await_ready() { return h.done(); }          // awaited again: ready
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) {
    h.promise().continuation = c;
    return h;
  }
  int await_resume() { say("%s.await_resume", name); return h.promise().value; }
};

Task answer() { co_return 42; }

struct Plain {                         // a lazy coroutine, its handle in r.h
  struct promise_type {
    Plain get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() { say("return_void"); }
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
};

struct CopiedAw {                       // an awaiter g++ may copy: silently
  const char *name;
  bool ready, copy = false;
  explicit CopiedAw(const char *n, bool r) : name(n), ready(r) {}
  CopiedAw(const CopiedAw &o) : name(o.name), ready(o.ready), copy(true) {}
  ~CopiedAw() { if (!copy) say("~%s", name); }
  bool await_ready() const { say("%s.await_ready", name); return ready; }
  void await_suspend(std::coroutine_handle<>) const { say("%s.await_suspend", name); }
  void await_resume() const { say("%s.await_resume", name); }
};

struct Passing {                       // await_transform returns its argument
  struct promise_type : Plain::promise_type {
    Passing get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    CopiedAw &await_transform(CopiedAw &a) { say("await_transform(%s)", a.name); return a; }
    CopiedAw &&await_transform(CopiedAw &&a) {
      say("await_transform(%s)", a.name);
      return std::move(a);
    }
  };
  std::coroutine_handle<promise_type> h;
};

Plain named_awaiter_twice() {
  Aw aw("named");
  co_await aw;
  say("between");
  co_await aw;
  say("end of body");
}

Plain temporary_awaiter() {
  co_await Aw("temp", true);
  say("after the co_await");
}

Plain named_task() {
  Task t = answer();
  t.name = "named task";
  int v = co_await t;
  say("got %d", v);
  v = co_await t;
  say("again %d", v);
}

Plain temporary_task() {
  int v = co_await answer();
  say("got %d", v);
}

Passing transform_named() {
  CopiedAw aw("named", true);
  co_await aw;
  say("after");
}

Passing transform_temporary() {
  co_await CopiedAw("temp", true);
  say("after");
}

Plain suspended_at_named() {
  Local l("local");
  Aw aw("named");
  co_await aw;
}

Plain suspended_at_temporary() {
  Local l("local");
  co_await Aw("temp");
}

template <class R>
static void run(const char *title, R (*f)(), bool destroy_while_suspended = false) {
  say("== %s", title);
  R r = f();
  r.h.resume();
  if (!destroy_while_suspended)
    while (!r.h.done()) r.h.resume();
  say("destroy");
  r.h.destroy();
}

int main() {
  run("named awaiter, awaited twice", named_awaiter_twice);
  run("temporary awaiter", temporary_awaiter);
  run("named task, awaited twice", named_task);
  run("temporary task", temporary_task);
  run("await_transform returns a named operand", transform_named);
  run("await_transform returns a temporary operand", transform_temporary);
  run("destroy while suspended at a named awaiter", suspended_at_named, true);
  run("destroy while suspended at a temporary awaiter", suspended_at_temporary, true);
}
