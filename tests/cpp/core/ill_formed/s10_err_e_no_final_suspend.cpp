// s10_err_e_no_final_suspend.cpp — a promise type without final_suspend
// ([dcl.fct.def.coroutine]/5).
// Compare tests/core/test_errors.c: test_no_final_suspend.
// expect: no member named 'final_suspend' in
// expect: {aka 'rec_promise'}
#include <coroutine>

struct rec_promise;
struct Ret { using promise_type = rec_promise; };

struct rec_promise {
  Ret get_return_object() { return {}; }
  std::suspend_always initial_suspend() { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};

Ret coro() { co_return; }
