// s11_frame_layout.cpp — the frame's head as g++ lays it out: the resume
// function at +0 (null at the final suspend point), the destroy function
// at +8 (kept), the promise at +16, 16-byte aligned. h.address() is the
// frame; calling the function at +0 with it resumes the coroutine, the
// one at +8 destroys it, as coroutine_handle::resume and ::destroy do.
// Asserted by tests/core/test_frame.c: test_layout_small_promise,
// test_layout_large_promise (with an 8- and a 40-byte promise).
#include <cstdint>
#include "rec.hpp"

using SlotFn = void (*)(void *);

static SlotFn slot(void *frame, std::size_t offset) {
  SlotFn fn;
  std::memcpy(&fn, static_cast<char *>(frame) + offset, sizeof fn);
  return fn;
}

// the log so far, on one line
static std::string logged() {
  std::string s;
  for (const std::string &e : the_log.entries) s += (s.empty() ? "" : ", ") + e;
  the_log.entries.clear();
  return s;
}

struct small_promise : RecPromise<small_promise> {
  void return_void() { rec("return_void"); }
};

struct large_promise : RecPromise<large_promise> {
  char more[32];
  void return_void() { rec("return_void"); }
};

template <class P>
Co<P> coro(Params) {
  co_await RecAwaiter<>("aw");
}

template <class P>
static void check_layout(const char *test) {
  scene(test);
  auto h = coro<P>(Params{}).take();
  char *base = static_cast<char *>(h.address());
  auto *promise = reinterpret_cast<char *>(&h.promise());
  SlotFn destroy_fn = slot(base, 8);
  say("promise: %zu bytes at +%td, %s", sizeof(P), promise - base,
      reinterpret_cast<std::uintptr_t>(promise) % 16 == 0 ? "16-byte aligned" : "not 16-byte aligned");
  say("at the initial suspend point: +0 %s, +8 %s", slot(base, 0) ? "set" : "null",
      destroy_fn ? "set" : "null");
  forget();
  slot(base, 0)(base);
  say("(+0)(frame): %s", logged().c_str());
  say("at a co_await: +0 %s, +8 %s, done() %d", slot(base, 0) ? "set" : "null",
      slot(base, 8) == destroy_fn ? "unchanged" : "changed", (int)h.done());
  h.resume();
  say("h.resume(): %s", logged().c_str());
  say("at the final suspend point: +0 %s, +8 %s, done() %d", slot(base, 0) ? "set" : "null",
      slot(base, 8) == destroy_fn ? "unchanged" : "changed", (int)h.done());
  slot(base, 8)(base);
  say("(+8)(frame): %s", logged().c_str());
  the_log = Log{};
}

int main() {
  check_layout<small_promise>("test_layout_small_promise");
  check_layout<large_promise>("test_layout_large_promise");
}
