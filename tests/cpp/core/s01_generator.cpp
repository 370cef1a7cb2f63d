// s01_generator.cpp — a generator from call to destroy: the prologue, two
// co_yields, flowing off the end (the locals die innermost first, then
// return_void), the final suspend point, destroy().
// Asserted by tests/core/test_lifecycle.c: test_generator_life.
#include "rec.hpp"

Co<rec_promise> gen(Params) {
  Local a("local_a");
  co_yield 1;
  {
    Local b("local_b");
    co_yield 2;
  }
  note("body: end");
}

int main() {
  scene("test_generator_life");
  auto h = gen(Params{}).take();
  h.resume();
  expect(!h.done() && h.promise().value == 1, "suspended at co_yield 1");
  h.resume();
  expect(h.promise().value == 2, "suspended at co_yield 2");
  h.resume();
  expect(h.done(), "done");
  h.destroy();
  show_log();
}
