// handles.cpp — coroutine_handle as a value ([coroutine.handle]): handles
// to one frame are equal and hash alike, whichever way they were made;
// coroutine_handle<P> converts to coroutine_handle<>; a null handle is false
// and has a null address; <=> orders by address; noop_coroutine() is never
// done and has a promise (noop_coroutine_promise).
#include <compare>
#include <functional>
#include "trace.hpp"

struct Co {
  struct promise_type {
    Co get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
};

Co co() { co_return; }

static const char *yes(bool b) { return b ? "true" : "false"; }

int main() {
  Co a = co(), b = co();
  auto h = a.h;
  auto again = std::coroutine_handle<Co::promise_type>::from_promise(h.promise());
  auto erased = std::coroutine_handle<>::from_address(h.address());
  std::coroutine_handle<> converted = h;
  std::hash<std::coroutine_handle<>> hash;    // (its operator() is not const
                                              // in libstdc++ 12: no unordered_set)
  say("from_promise == h: %s", yes(again == h));
  say("erased == h: %s", yes(erased == h));
  say("converted == erased: %s", yes(converted == erased));
  say("they hash alike: %s", yes(hash(again) == hash(converted)));
  say("h is true: %s", yes(static_cast<bool>(h)));
  std::coroutine_handle<> null;
  say("null is true: %s, its address is null: %s", yes(static_cast<bool>(null)),
      yes(null.address() == nullptr));
  auto order = a.h <=> b.h;
  say("a <=> a == 0: %s", yes((a.h <=> a.h) == 0));
  say("a <=> b is the order of the addresses: %s",
      yes((order < 0) == std::less<void *>()(a.h.address(), b.h.address())));
  auto noop = std::noop_coroutine();
  say("noop done: %s", yes(noop.done()));
  noop.resume();
  noop.destroy();
  say("noop has a promise: %s", yes(&noop.promise() != nullptr));
  a.h.destroy();
  b.h.destroy();
}
