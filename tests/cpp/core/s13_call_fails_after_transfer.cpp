// s13_call_fails_after_transfer.cpp — a call that fails after a symmetric
// transfer ([dcl.fct.def.coroutine]/11, [expr.await]/5.1.3): X transfers
// to Y (lazy: from its initial suspend point; eager: from a co_await in
// its body), Y throws and its unhandled_exception rethrows, so the
// exception leaves X's call. g++ 12 destroys X's return object and X's
// coroutine state, and nothing else of X: neither the awaiter it waits
// on nor its locals (tests/cpp/prologue_transfer.cpp says the same in
// its own words).
// Asserted by tests/core/test_transfer.c: test_call_fails_after_initial_transfer,
// test_call_fails_after_body_transfer.
#include "rec.hpp"

using Handle = std::coroutine_handle<>;

// X's promise: its initial awaiter (fx.initial) may transfer
struct x_promise : RecPromise<x_promise> {
  void return_void() { rec("return_void"); }
  RecAwaiter<Handle> initial_suspend() {
    rec("initial_suspend");
    return RecAwaiter<Handle>(fx.initial);
  }
};

Co<rec_promise> y(Params) {
  note("Y body");
  throw std::runtime_error("boom");
  co_return;
}

Co<x_promise> x(Params, const Spec &to_y) {
  Local l("local");
  note("X body");
  co_await RecAwaiter<Handle>(to_y);
  note("never");
}

// Y is started, then X, whose call fails with Y's exception
static void call_fails_after_transfer(const char *test, bool eager) {
  scene(test);
  fx.rethrow = true;
  auto yh = y(Params{}).take();
  Spec to_y{"toY"};
  to_y.to = yh;
  fx.initial.to = yh;
  fx.initial.ready = eager;
  try {
    x(Params{}, to_y);
    expect(false, "x() to throw");
  } catch (const std::exception &e) {
    expect(std::string(e.what()) == "boom", "boom");
  }
  yh.destroy();
  show_log();
}

int main() {
  call_fails_after_transfer("test_call_fails_after_initial_transfer", false);
  call_fails_after_transfer("test_call_fails_after_body_transfer", true);
}
