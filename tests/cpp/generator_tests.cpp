// generator_tests.cpp — the behaviours cppcoro's single-threaded generator
// tests check (https://github.com/lewissbaker/cppcoro, test/
// generator_tests.cpp), with a generator of our own and a trace: it does
// not start until iterated; leaving a range-for early destroys the frame
// and the body's locals; an exception before the first element comes out
// of begin(), one after it out of operator++.
#include <exception>
#include <stdexcept>
#include <utility>
#include "trace.hpp"

struct Gen {
  struct promise_type {
    int current = 0;
    std::exception_ptr error;
    Gen get_return_object() { return Gen{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) { current = v; return {}; }
    void return_void() {}
    void unhandled_exception() { error = std::current_exception(); }
  };
  using handle = std::coroutine_handle<promise_type>;
  handle h;
  explicit Gen(handle hh) : h(hh) {}
  Gen(Gen &&o) : h(std::exchange(o.h, nullptr)) {}
  ~Gen() { if (h) { say("~Gen: destroy"); h.destroy(); } }
  void advance() {                     // resume; rethrow what the body threw
    h.resume();
    if (h.promise().error) std::rethrow_exception(std::exchange(h.promise().error, nullptr));
  }
  struct iterator {
    Gen *g;
    int operator*() const { return g->h.promise().current; }
    iterator &operator++() { g->advance(); return *this; }
    bool operator!=(std::default_sentinel_t) const { return !g->h.done(); }
  };
  iterator begin() { advance(); return {this}; }
  std::default_sentinel_t end() { return {}; }
};

Gen not_started() {
  say("reached A");
  co_yield 1;
  say("reached B");
  co_yield 2;
  say("reached C");
}

Gen left_early() {
  Local on_exit("on_exit");
  co_yield 1;
  co_yield 2;
  say("completed");
}

Gen throws_first() {
  throw std::runtime_error("before the first element");
  co_return;
}

Gen throws_later() {
  co_yield 1;
  throw std::runtime_error("after the first element");
}

int main() {
  say("== doesn't start until it is iterated");
  {
    Gen g = not_started();
    say("called");
    for (int v : g) say("got %d", v);
  }
  say("== leaving the loop early destroys the locals");
  for (int v : left_early()) {
    say("got %d", v);
    break;
  }
  say("after the loop");
  say("== an exception before the first element comes out of begin()");
  {
    Gen g = throws_first();
    try { g.begin(); } catch (std::exception &e) { say("caught: %s", e.what()); }
  }
  say("== an exception after the first element comes out of ++");
  {
    Gen g = throws_later();
    auto it = g.begin();
    say("got %d", *it);
    try { ++it; } catch (std::exception &e) { say("caught: %s", e.what()); }
  }
}
