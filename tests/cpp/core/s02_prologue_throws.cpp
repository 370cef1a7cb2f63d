// s02_prologue_throws.cpp — a member called before the body throws: the
// parameter copy, the promise constructor, get_return_object,
// initial_suspend, the initial awaiter's members (lazy and eager). Before
// initial await_resume is called the exception leaves the call, and what
// exists is destroyed: the initial awaiter, the return object, the promise,
// the parameter copies, the frame. Once it was called, the exception goes
// to unhandled_exception (which rethrows here).
// Asserted by tests/core/test_lifecycle.c: test_params_copy_throws,
// test_promise_ctor_throws, test_get_return_object_throws,
// test_initial_suspend_throws, test_initial_await_ready_throws,
// test_initial_await_suspend_throws, test_eager_initial_await_ready_throws,
// test_eager_initial_await_resume_rethrown, test_initial_await_resume_throws.
#include "rec.hpp"

Co<rec_promise> coro(Params) {
  if (false) co_return;               // a coroutine that flows off its end
  note("body");
}

// call coro with fx.throw_at set: the error reaches the caller
static void call_throwing(const char *test, const char *throw_at, bool eager) {
  scene(test);
  fx.throw_at = throw_at;
  fx.rethrow = true;
  fx.initial.ready = eager;
  try {
    coro(Params{});
    expect(false, "an exception from the call");
  } catch (const std::exception &e) {
    expect(std::strcmp(e.what(), throw_at) == 0, "the exception thrown");
  }
  show_log();
}

int main() {
  call_throwing("test_params_copy_throws", "params.copy", false);
  call_throwing("test_promise_ctor_throws", "promise.ctor", false);
  call_throwing("test_get_return_object_throws", "get_return_object", false);
  call_throwing("test_initial_suspend_throws", "initial_suspend", false);
  call_throwing("test_initial_await_ready_throws", "init.await_ready", false);
  call_throwing("test_initial_await_suspend_throws", "init.await_suspend", false);
  call_throwing("test_eager_initial_await_ready_throws", "init.await_ready", true);
  call_throwing("test_eager_initial_await_resume_rethrown", "init.await_resume", true);

  scene("test_initial_await_resume_throws");
  auto h = coro(Params{}).take();
  fx.throw_at = "init.await_resume";
  fx.rethrow = true;
  try {
    h.resume();
    expect(false, "an exception from resume()");
  } catch (const std::exception &e) {
    expect(std::strcmp(e.what(), "init.await_resume") == 0, "the exception thrown");
  }
  expect(h.done(), "done");
  h.destroy();
  show_log();
}
