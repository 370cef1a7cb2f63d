// s10_err_opboth.cpp — an operand with both a member and a non-member
// operator co_await: the call is ambiguous ([expr.await]/3.3,
// [over.match.oper]).
// Compare tests/core/test_await.c: test_both_operator_co_await_ambiguous.
// expect: ambiguous overload for 'operator co_await' (operand type is 'A')
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

struct A {
  std::suspend_never operator co_await() { return {}; }
};
std::suspend_never operator co_await(A) { return {}; }

Ret coro() { co_await A{}; }
