// s03_body_throws.cpp — the body throws with three locals alive: stack
// unwinding destroys them innermost first, then the handler calls
// unhandled_exception. Swallowed, the coroutine goes on to final_suspend;
// rethrown, final_suspend is not called, the coroutine is done and
// destroy() ends it — or, eager, the exception leaves the call and the
// return object and the coroutine state are destroyed.
// Asserted by tests/core/test_lifecycle.c: test_body_throw_swallowed,
// test_body_throw_rethrown, test_eager_body_throw_rethrown,
// test_eager_body_throw_swallowed.
#include "rec.hpp"

Co<rec_promise> coro(Params) {
  Local a("local_a");
  Local b("local_b");
  Local c("local_c");
  throw std::runtime_error("body");
  co_return;                          // never reached: makes it a coroutine
}

int main() {
  scene("test_body_throw_swallowed");
  auto h = coro(Params{}).take();
  h.resume();
  expect(h.done(), "done");
  h.destroy();
  show_log();

  scene("test_body_throw_rethrown");
  h = coro(Params{}).take();
  fx.rethrow = true;
  try {
    h.resume();
    expect(false, "an exception from resume()");
  } catch (const std::exception &e) {
    expect(std::strcmp(e.what(), "body") == 0, "the body's exception");
  }
  expect(h.done(), "done");
  h.destroy();
  show_log();

  scene("test_eager_body_throw_rethrown");
  fx.initial.ready = true;
  fx.rethrow = true;
  try {
    coro(Params{});
    expect(false, "an exception from the call");
  } catch (const std::exception &e) {
    expect(std::strcmp(e.what(), "body") == 0, "the body's exception");
  }
  show_log();

  scene("test_eager_body_throw_swallowed");
  fx.initial.ready = true;
  h = coro(Params{}).take();
  expect(h.done(), "done");
  h.destroy();
  show_log();
}
