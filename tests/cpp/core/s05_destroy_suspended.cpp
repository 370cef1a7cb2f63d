// s05_destroy_suspended.cpp — destroy() of a suspended coroutine
// ([coroutine.handle.destroy]): the pending awaiter (and the other
// temporaries of its full-expression), the locals in scope innermost
// first, the promise, the parameter copies, then operator delete.
// Asserted by tests/core/test_lifecycle.c: test_destroy_at_co_await,
// test_destroy_at_initial_suspend; tests/core/test_handles.c:
// test_destroy_nested_scopes; tests/core/test_await.c:
// test_destroy_with_transformed_awaiter ("exprtemp").
#include "rec.hpp"

Co<rec_promise> abc_await(Params) {
  Local a("local_a");
  Local b("local_b");
  Local c("local_c");
  co_await RecAwaiter<>("awaiter");
}

Co<rec_promise> abc_return(Params) {
  Local a("local_a");
  Local b("local_b");
  Local c("local_c");
  co_return;
}

// no parameters; suspends with local_b, then with local_c, in scope
Co<rec_promise> nest() {
  Local a("local_a");
  {
    Local b("local_b");
    co_await std::suspend_always{};
    {
      Local c("local_c");
      co_await std::suspend_always{};
    }
  }
}

// co_await body becomes co_await await_transform(body): two temporaries
Co<rec_promise_transforming> transformed(Params) {
  Local a("local_a");
  co_await RecAwaiter<>("body");
}

int main() {
  scene("test_destroy_at_co_await");
  auto h = abc_await(Params{}).take();
  h.resume();
  expect(!h.done(), "suspended");
  h.destroy();
  show_log();

  scene("test_destroy_at_initial_suspend");
  abc_return(Params{}).take().destroy();
  show_log();

  scene("test_destroy_nested_scopes");
  auto at_b = nest().take(), at_c = nest().take();
  at_b.resume();
  at_c.resume();
  at_c.resume();
  forget();
  at_c.destroy();
  at_b.destroy();
  show_log();

  scene("test_destroy_with_transformed_awaiter");
  auto t = transformed(Params{}).take();
  fx.transformed.ready = false;
  t.resume();
  forget();
  t.destroy();
  show_log();
}
