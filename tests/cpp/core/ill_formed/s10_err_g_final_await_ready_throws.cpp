// s10_err_g_final_await_ready_throws.cpp — the final awaiter's await_ready
// is part of co_await promise.final_suspend(), which must not be
// potentially-throwing ([dcl.fct.def.coroutine]/15).
// Compare tests/core/test_errors.c: test_final_await_ready_throws.
// expect: the expression 'Final::await_ready' is required to be non-throwing
#include <coroutine>

struct rec_promise;
struct Ret { using promise_type = rec_promise; };

struct Final {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};

struct rec_promise {
  Ret get_return_object() { return {}; }
  std::suspend_always initial_suspend() { return {}; }
  Final final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};

Ret coro() { co_return; }
