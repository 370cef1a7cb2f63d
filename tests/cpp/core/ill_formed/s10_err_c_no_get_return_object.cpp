// s10_err_c_no_get_return_object.cpp — a promise type without
// get_return_object ([dcl.fct.def.coroutine]/7).
// Compare tests/core/test_errors.c: test_no_get_return_object.
// expect: no member named 'get_return_object' in
// expect: {aka 'rec_promise'}
#include <coroutine>

struct rec_promise;
struct Ret { using promise_type = rec_promise; };

struct rec_promise {
  std::suspend_always initial_suspend() { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};

Ret coro() { co_return; }
