// s10_err_f_flow_off.cpp — flowing off the end of a coroutine whose
// promise has no return_void is undefined behaviour
// ([stmt.return.coroutine]/3), not ill-formed: g++ accepts it without a
// word, even with -Wall -Wextra (the ctest expects no diagnostic).
// Compare tests/core/test_errors.c: test_flow_off_without_return_void.
// accepted
#include <coroutine>

struct rec_promise_valued;
struct Ret { using promise_type = rec_promise_valued; };

struct rec_promise_valued {
  Ret get_return_object() { return {}; }
  std::suspend_always initial_suspend() { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_value(int) {}
  void unhandled_exception() {}
};

struct Local { ~Local() {} };

Ret coro() {
  if (false) co_return 1;
  Local local_a;
}
