// s10_err_g_final_suspend_not_noexcept.cpp — co_await
// promise.final_suspend() must not be potentially-throwing
// ([dcl.fct.def.coroutine]/15): a final_suspend not declared noexcept.
// The noexcept one that throws anyway: ../s10_err_g_final_suspend_throws.cpp.
// Compare tests/core/test_errors.c: test_final_suspend_throws.
// expect: the expression 'rec_promise::final_suspend' is required to be non-throwing
#include <coroutine>

struct rec_promise;
struct Ret { using promise_type = rec_promise; };

struct rec_promise {
  Ret get_return_object() { return {}; }
  std::suspend_always initial_suspend() { return {}; }
  std::suspend_always final_suspend() { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};

Ret coro() { co_return; }
