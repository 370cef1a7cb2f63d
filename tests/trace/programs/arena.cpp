// arena.cpp — a promise with operator new(size, args...): the coroutine's
// first parameter is the arena its frame comes from ([dcl.fct.def.
// coroutine]/9: operator new gets the size, then the coroutine's
// arguments), the promise's constructor takes the arguments too, and when
// the arena is spent operator new returns nullptr and the call returns
// get_return_object_on_allocation_failure() ([dcl.fct.def.coroutine]/10).
// Each job awaits a `maybe_later` whose await_suspend returns false: it
// goes on at once, without a return to its caller.
#include <corolab/trace.hpp>
#include <coroutine>
#include <cstddef>
#include <cstdio>
#include <exception>

struct Arena {                         // room for three frames of up to 1 KiB
  alignas(std::max_align_t) unsigned char slots[3][1024];
  int used = 0;
  void *take(std::size_t n) { return used < 3 && n <= sizeof slots[0] ? slots[used++] : nullptr; }
};

struct maybe_later {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) const noexcept { return false; }   // not now
  int await_resume() const noexcept { return 7; }
};

struct job {
  struct promise_type {
    int n;
    promise_type(Arena &, int k) : n(k) {}
    static void *operator new(std::size_t size, Arena &arena, int) noexcept { return arena.take(size); }
    static void operator delete(void *, std::size_t) noexcept {}        // the arena goes as a whole
    static job get_return_object_on_allocation_failure() noexcept { return job{nullptr}; }
    job get_return_object() { return job{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(int v) noexcept { n = v; }
    void unhandled_exception() noexcept { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
};
COROLAB_TRACE(job)

job work(Arena &, int k) {
  int later = co_await maybe_later{};
  co_return k * 10 + later;
}

int main() {
  Arena arena;
  for (int k = 1; k <= 4; k++) {
    job j = work(arena, k);
    if (!j.h) {
      std::printf("job %d: no frame, the arena is spent\n", k);
      break;
    }
    std::printf("job %d: %d\n", k, j.h.promise().n);
    j.h.destroy();
  }
}
