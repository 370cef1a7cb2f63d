// s25_err_co_await_in_destructor.cpp — a destructor cannot suspend: a
// co_await (or co_yield) in it would make it a coroutine, and a
// destructor shall not be one ([class.dtor], [expr.await]/2). corolab
// refuses a __close that co_awaits with the same words, at a scope's end,
// while a try block unwinds, and at destroy(): compare
// tests/lua/test_errors.lua, "a destructor cannot suspend".
// expect: 'co_await' cannot be used in a destructor
#include <coroutine>

struct Local {
  ~Local() { co_await std::suspend_always{}; }
};
