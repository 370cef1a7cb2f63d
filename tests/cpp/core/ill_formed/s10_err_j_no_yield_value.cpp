// s10_err_j_no_yield_value.cpp — co_yield needs yield_value ([expr.yield]/1).
// Compare tests/core/test_errors.c: test_co_yield_without_yield_value.
// expect: no member named 'yield_value' in
// expect: {aka 'rec_promise'}
#include <coroutine>

struct rec_promise;
struct Ret { using promise_type = rec_promise; };

struct rec_promise {
  Ret get_return_object() { return {}; }
  std::suspend_always initial_suspend() { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};

Ret coro() { co_yield 1; }
