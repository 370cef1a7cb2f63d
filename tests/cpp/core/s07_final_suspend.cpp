// s07_final_suspend.cpp — the final suspend point not suspending: the
// final awaiter is ready, or its await_suspend returns false; either way
// the coroutine flows off the end of the wrapper and its state is
// destroyed inside resume().
// Asserted by tests/core/test_lifecycle.c: test_final_suspend_never,
// test_final_await_suspend_false.
#include "rec.hpp"

// as rec_promise, but the final awaiter's await_suspend returns a bool
// (the core sets fx->final.suspend.kind at run time; C++ needs a type)
struct rec_promise_final_bool : RecPromise<rec_promise_final_bool, bool> {
  void return_void() { rec("return_void"); }
};

// `if (false) co_return;` makes these coroutines; they flow off the end
Co<rec_promise> with_local(Params) {
  if (false) co_return;
  Local a("local_a");
  note("body");
}

Co<rec_promise_final_bool> plain(Params) {
  if (false) co_return;
  note("body");
}

int main() {
  scene("test_final_suspend_never");
  auto h = with_local(Params{}).take();
  fx.final.ready = true;
  h.resume();                         // h is gone now
  show_log();

  scene("test_final_await_suspend_false");
  auto g = plain(Params{}).take();
  fx.final.suspend = false;
  g.resume();
  show_log();
}
