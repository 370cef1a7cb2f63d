// s10_await_transform.cpp — await_transform applies to a plain co_await
// only, not to the initial or final suspend point nor to co_yield
// ([expr.await]/3.2); both temporaries, the operand and what
// await_transform returned, die after await_resume, the latter first.
// Asserted by tests/core/test_await.c: test_await_transform_only_plain.
#include "rec.hpp"

Co<rec_promise_transforming> coro(Params) {
  long long result = co_await RecAwaiter<>("body", true);
  note("result=%lld", result);
  co_yield 1;
}

int main() {
  scene("test_await_transform_only_plain");
  fx.transformed.value = 7;
  auto h = coro(Params{}).take();
  h.resume();
  h.resume();
  h.destroy();
  show_log();
}
