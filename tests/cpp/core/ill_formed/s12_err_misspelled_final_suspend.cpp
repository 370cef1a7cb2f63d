// s12_err_misspelled_final_suspend.cpp — a misspelled member is just
// another member to C++; what fails is the required one it leaves
// missing ([dcl.fct.def.coroutine]/5).
// Compare tests/lua/test_errors.lua: "definition: ... a misspelled member
// is warned" (corolab also warns about the near-miss name).
// expect: no member named 'final_suspend' in
// expect: {aka 'rec_promise'}
#include <coroutine>

struct rec_promise;
struct Ret { using promise_type = rec_promise; };

struct rec_promise {
  Ret get_return_object() { return {}; }
  std::suspend_always initial_suspend() { return {}; }
  std::suspend_always final_supsend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};

Ret coro() { co_return; }
