// allocation.cpp — the promise's operator new and operator delete
// ([dcl.fct.def.coroutine]/9-12): operator new gets the frame's size and
// the coroutine's arguments; operator delete gets back exactly the pointer
// operator new returned, and the same size.
#include <cstdlib>
#include <new>
#include "trace.hpp"

static void *handed_out;
static std::size_t asked;

struct Co {
  struct promise_type {
    static void *operator new(std::size_t n, int a, int b) {
      say("operator new(size, %d, %d)", a, b);
      asked = n;
      return handed_out = std::malloc(n);
    }
    static void operator delete(void *p, std::size_t n) {
      say("operator delete: the same pointer %s, the same size %s",
          p == handed_out ? "yes" : "no", n == asked ? "yes" : "no");
      std::free(p);
    }
    Co get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
};

Co co(int, int) { co_return; }

int main() {
  Co c = co(1, 2);
  c.h.resume();
  say("destroy");
  c.h.destroy();
}
