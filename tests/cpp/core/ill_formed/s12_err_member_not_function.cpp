// s12_err_member_not_function.cpp — a promise member the compiler calls
// must be callable: initial_suspend as a data member is rejected where
// the coroutine calls it ([dcl.fct.def.coroutine]/5).
// Compare tests/lua/test_errors.lua: "definition: a member that is no
// function", which corolab rejects when the type is defined.
// expect: no match for call to '(int) ()'
#include <coroutine>

struct rec_promise;
struct Ret { using promise_type = rec_promise; };

struct rec_promise {
  Ret get_return_object() { return {}; }
  int initial_suspend = 5;
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};

Ret coro() { co_return; }
