// s12_err_return_in_body.cpp — a coroutine may not use a plain return
// statement ([stmt.return.coroutine]/1, [dcl.fct.def.coroutine]/1: a
// coroutine's returns are co_return). g++ suggests co_return.
// Compare tests/lua/test_errors.lua: "a member the body needs is missing"
// and "coroutine.yield and return with values in a body are errors".
// expect: a 'return' statement is not allowed in coroutine
// expect: did you mean 'co_return'?
#include <coroutine>

struct rec_promise;
struct Ret { using promise_type = rec_promise; };

struct rec_promise {
  Ret get_return_object() { return {}; }
  std::suspend_always initial_suspend() { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_value(int) {}
  void unhandled_exception() {}
};

Ret coro() {
  co_await std::suspend_always{};
  return 1;
}
