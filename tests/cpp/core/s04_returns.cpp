// s04_returns.cpp — how a body ends: co_return v calls return_value, then
// the locals die; co_return; calls return_void, then the locals die;
// flowing off the end leaves every scope first, then calls return_void
// (g++'s reading of [stmt.return.coroutine]/3).
// Asserted by tests/core/test_lifecycle.c: test_co_return_value,
// test_co_return_void, test_flow_off.
#include "rec.hpp"

Co<rec_promise_valued> returns_value(Params) {
  Local a("local_a");
  Local b("local_b");
  Local c("local_c");
  co_return 5;
}

Co<rec_promise> returns_void(Params) {
  Local a("local_a");
  Local b("local_b");
  Local c("local_c");
  co_return;
}

Co<rec_promise> flows_off(Params) {
  co_await RecAwaiter<>("ready", true);   // makes it a coroutine
  Local a("local_a");
  {
    Local b("local_b");
    {
      Local c("local_c");
      note("innermost");
    }
    note("middle");
  }
  {
    Local d("local_d");
    note("last");
  }
}

// run a lazy coroutine to its final suspend point and destroy it
template <class P>
static void run_to_end(Co<P> r) {
  auto h = r.take();
  h.resume();
  expect(h.done(), "done");
  h.destroy();
}

int main() {
  scene("test_co_return_value");
  run_to_end(returns_value(Params{}));
  show_log();

  scene("test_co_return_void");
  run_to_end(returns_void(Params{}));
  show_log();

  scene("test_flow_off");
  run_to_end(flows_off(Params{}));
  show_log();
}
