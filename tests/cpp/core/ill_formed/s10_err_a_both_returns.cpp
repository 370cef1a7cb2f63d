// s10_err_a_both_returns.cpp — a promise type declaring both return_value
// and return_void is ill-formed ([dcl.fct.def.coroutine]/6).
// Compare tests/core/test_errors.c: test_both_return_value_and_return_void.
// expect: declares both 'return_value' and 'return_void'
// expect: {aka 'rec_promise'}
#include <coroutine>

struct rec_promise;
struct Ret { using promise_type = rec_promise; };

struct rec_promise {
  Ret get_return_object() { return {}; }
  std::suspend_always initial_suspend() { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void return_value(int) {}
  void unhandled_exception() {}
};

Ret coro() { co_return; }
