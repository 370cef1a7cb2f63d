// final_promise.cpp — a promise type declared final cannot be traced:
// corolab::traced<P> derives from it. The header says so first.
// expect: corolab::traced<P> derives from the promise type P, and P is final
// expect: remove `final` from P to trace its coroutines
#include <corolab/trace.hpp>
#include <coroutine>

struct Gen {
  struct promise_type final {
    Gen get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
  std::coroutine_handle<promise_type> h;
};
COROLAB_TRACE(Gen)

Gen g() { co_return; }

int main() { g().h.destroy(); }
