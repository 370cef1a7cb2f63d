// data_before_base.cpp — a promise wrapper with a data member before the
// promise it wraps: coroutine_handle<P>::from_promise, in P's own members,
// would find the frame from the wrong address. corolab::traced<P> makes
// this check of itself (check_promise_wrapper); a wrapper of one's own
// gets the same refusal, saying why.
// expect: a promise wrapper must add no data to the promise type, before the base or after it
// expect: coroutine_handle<P>::from_promise(*this)
#include <corolab/trace.hpp>
#include <coroutine>

struct Gen {
  struct promise_type {
    Gen get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
  std::coroutine_handle<promise_type> h;
};

struct Stamp { unsigned long calls = 0; };
struct stamped_promise : Stamp, Gen::promise_type {};    // the data comes first

static_assert(corolab::check_promise_wrapper<stamped_promise, Gen::promise_type>());

int main() {}
