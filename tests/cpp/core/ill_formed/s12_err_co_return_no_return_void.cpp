// s12_err_co_return_no_return_void.cpp — co_return without an operand
// needs return_void ([stmt.return.coroutine]/2); g++ points at the
// co_return statement.
// Compare tests/lua/test_errors.lua: "co_yield without yield_value;
// flowing off without return_void" (the co_return line is named).
// expect: s12_err_co_return_no_return_void.cpp:22:
// expect: no member named 'return_void' in
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
  co_return;
}
