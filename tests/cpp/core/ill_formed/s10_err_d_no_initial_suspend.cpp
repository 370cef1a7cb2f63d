// s10_err_d_no_initial_suspend.cpp — a promise type without
// initial_suspend ([dcl.fct.def.coroutine]/5).
// Compare tests/core/test_errors.c: test_no_initial_suspend.
// expect: no member named 'initial_suspend' in
// expect: {aka 'rec_promise'}
#include <coroutine>

struct rec_promise;
struct Ret { using promise_type = rec_promise; };

struct rec_promise {
  Ret get_return_object() { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};

Ret coro() { co_return; }
