// s10_err_b_no_unhandled_exception.cpp — a promise type without
// unhandled_exception ([dcl.fct.def.coroutine]/5).
// Compare tests/core/test_errors.c: test_no_unhandled_exception.
// expect: no member named 'unhandled_exception' in
// expect: {aka 'rec_promise'}
#include <coroutine>

struct rec_promise;
struct Ret { using promise_type = rec_promise; };

struct rec_promise {
  Ret get_return_object() { return {}; }
  std::suspend_always initial_suspend() { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
};

Ret coro() { co_return; }
