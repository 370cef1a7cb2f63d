// s10_err_i_no_return_value.cpp — co_return v needs return_value
// ([stmt.return.coroutine]/2).
// Compare tests/core/test_errors.c: test_co_return_value_without_return_value.
// expect: no member named 'return_value' in
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

Ret coro() { co_return 42; }
