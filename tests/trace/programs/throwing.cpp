// throwing.cpp — exceptions thrown from a body ([dcl.fct.def.coroutine]/5,
// /14): one the promise keeps (unhandled_exception stores it, and the
// owner rethrows it later), one it rethrows (the coroutine is then at its
// final suspend point and the exception goes to whoever resumed it), one
// that is not a std::exception, and one that the body catches itself,
// raised by an await_resume (no unhandled_exception: the header sees the
// await_resume that threw, not the catch).
#include <corolab/trace.hpp>
#include <coroutine>
#include <cstdio>
#include <exception>
#include <stdexcept>

struct result {
  struct promise_type {
    bool rethrow;
    std::exception_ptr error;
    template <class... A> promise_type(bool r, A &...) : rethrow(r) {}
    result get_return_object() { return result{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() {
      if (rethrow) throw;
      error = std::current_exception();
    }
  };
  std::coroutine_handle<promise_type> h;
};
COROLAB_TRACE(result)

struct refusing {                      // its await_resume throws
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const { throw std::runtime_error("refused"); }
};

result fails(bool, int n) {
  if (n > 2) throw std::out_of_range("n is over 2");
  co_return;
}

result fails_oddly(bool) {
  throw 42;
  co_return;
}

result catches(bool) {
  try {
    co_await refusing{};
  } catch (const std::exception &e) {
    std::printf("caught in the body: %s\n", e.what());
  }
}

static const char *what(std::exception_ptr e) {
  try {
    if (e) std::rethrow_exception(e);
  } catch (const std::exception &x) {
    return x.what();
  } catch (...) {
    return "something else";
  }
  return "nothing";
}

int main() {
  result kept = fails(false, 3);
  kept.h.resume();
  std::printf("kept: %s, done %d\n", what(kept.h.promise().error), kept.h.done());
  kept.h.destroy();
  result thrown = fails(true, 5);
  try {
    thrown.h.resume();
  } catch (const std::out_of_range &e) {
    std::printf("rethrown to main: %s, done %d\n", e.what(), thrown.h.done());
  }
  thrown.h.destroy();
  result odd = fails_oddly(false);
  odd.h.resume();
  std::printf("odd: %s\n", what(odd.h.promise().error));
  odd.h.destroy();
  result calm = catches(false);
  calm.h.resume();
  std::printf("calm: done %d\n", calm.h.done());
  calm.h.destroy();
}
