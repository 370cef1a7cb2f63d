// noop_example.cpp — the scenario of cppreference's std::noop_coroutine
// example (https://en.cppreference.com/w/cpp/coroutine/noop_coroutine),
// written anew and traced: a lazy task<int> whose final awaiter transfers
// to the coroutine that awaited it, or returns noop_coroutine() when none
// did; test() makes two named tasks, then awaits both; main runs test()
// through its call operator.
#include <utility>
#include "trace.hpp"

struct Task {
  struct promise_type;
  using handle = std::coroutine_handle<promise_type>;
  struct promise_type {
    const char *name;
    int result = 0;
    std::coroutine_handle<> previous;  // who awaits us, if anyone
    explicit promise_type(const char *n) : name(n) {}
    ~promise_type() { say("%s: ~promise_type", name); }
    Task get_return_object() { return Task{handle::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    struct FinalAwaiter {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(handle h) noexcept {
        if (h.promise().previous) {
          say("%s: final: back to the awaiting coroutine", h.promise().name);
          return h.promise().previous;
        }
        say("%s: final: noop_coroutine()", h.promise().name);
        return std::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    void return_value(int v) { say("%s: return_value(%d)", name, v); result = v; }
    void unhandled_exception() { throw; }
  };
  handle h;
  explicit Task(handle hh) : h(hh) {}
  Task(Task &&o) noexcept : h(std::exchange(o.h, {})) {}   // clang 14 needs it (g++ elides it)
  ~Task() { say("~Task %s", h.promise().name); h.destroy(); }
  struct Awaiter {                     // what operator co_await makes
    handle h;
    bool await_ready() { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) {
      h.promise().previous = awaiting;
      return h;                        // start it: symmetric transfer
    }
    int await_resume() { return h.promise().result; }
  };
  Awaiter operator co_await() { return Awaiter{h}; }
  int operator()() {                   // run it from plain code
    h.resume();
    return h.promise().result;
  }
};

Task four(const char *) {
  say("in four()");
  co_return 4;
}

Task test(const char *) {
  Task v = four("v");
  Task u = four("u");
  say("in test()");
  int x = co_await v + co_await u;
  co_return x;
}

int main() {
  Task t = test("test");
  int result = t();
  say("result %d", result);
}
