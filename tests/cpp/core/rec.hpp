// rec.hpp — tests/core/helpers.c in C++20: a log of named calls, a
// recording promise type and awaiter whose every member logs (and throws
// when the fixture says so), a parameter and locals that log their copy,
// construction and destruction. Each entry reads like the core test's, so
// that a program here prints, after "== <cmocka test>", exactly the list
// that test's log must be — in the order g++ makes the calls. The test
// reads it from the .expected file (assert_log_as_gxx in helpers.h).
#pragma once
#include <coroutine>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

// ---------------------------------------------------------------- log --

struct Log {
  std::vector<std::string> entries;
  bool recording = false;             // between scene() and show_log()
};
inline Log the_log;

inline std::string vformat(const char *fmt, va_list ap) {
  char buf[96];                       // LOG_ENTRY in helpers.h
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  return buf;
}

inline std::string vnote(const char *fmt, va_list ap) {
  std::string entry = vformat(fmt, ap);
  if (the_log.recording) the_log.entries.push_back(entry);
  return entry;
}

// log an entry (helpers.c's note())
inline void note(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vnote(fmt, ap);
  va_end(ap);
}

#include "../say.hpp"                  // say(): a line at once, outside the log

// --------------------------------------------------------------- fixture --

struct Spec {                         // an awaiter's name and answers
  const char *name;
  bool ready = false;                 // await_ready's
  bool suspend = true;                // a bool await_suspend's
  std::coroutine_handle<> to = nullptr;   // a handle await_suspend's
  long long value = 0;                // await_resume's
};

struct Fixture {                      // helpers.h's Fixture, minus the runtime
  const char *throw_at = nullptr;     // a member that logs this entry throws it
  bool rethrow = false;               // unhandled_exception rethrows
  bool fail_new = false;              // operator new fails
  Spec initial{"init"}, final{"final"}, yield{"yield"};
  Spec transformed{"transformed", true};   // what await_transform returns
};
inline Fixture fx;

// log an entry and throw it if it is fx.throw_at (helpers.c's rec())
inline void rec(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  std::string entry = vnote(fmt, ap);
  va_end(ap);
  if (fx.throw_at && entry == fx.throw_at) throw std::runtime_error(entry);
}

// a cmocka test begins: its header, a fresh fixture, an empty log
inline void scene(const char *test) {
  std::printf("== %s\n", test);
  fx = Fixture{};
  the_log = Log{{}, true};
}

// fx->log.n = 0
inline void forget() { the_log.entries.clear(); }

// assert_log_as_gxx(&fx->log, ...): print what was logged; log nothing more
inline void show_log() {
  for (const std::string &e : the_log.entries) std::printf("%s\n", e.c_str());
  the_log = Log{};
}

// the test's other asserts: silent when they hold
inline void expect(bool ok, const char *what) {
  if (!ok) std::printf("expected %s\n", what);
}

inline std::string what_of(std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const std::exception &x) {
    return x.what();
  } catch (...) {
    return "?";
  }
}

// -------------------------------------------------------------- awaiter --

// await_suspend returns Suspend: void, bool or std::coroutine_handle<>;
// Final: the members are noexcept, as the final awaiter's must be
template <class Suspend = void, bool Final = false>
struct RecAwaiter : Spec {
  explicit RecAwaiter(const Spec &s) : Spec(s) {}
  explicit RecAwaiter(const char *n, bool r = false) : Spec{n, r} {}
  RecAwaiter(const RecAwaiter &) = delete;
  ~RecAwaiter() { note("~%s", name); }
  bool await_ready() noexcept(Final) {
    rec("%s.await_ready", name);
    return ready;
  }
  Suspend await_suspend(std::coroutine_handle<>) noexcept(Final) {
    rec("%s.await_suspend", name);
    if constexpr (std::is_same_v<Suspend, bool>) return suspend;
    else if constexpr (!std::is_void_v<Suspend>) return to;
  }
  long long await_resume() noexcept(Final) {
    rec("%s.await_resume", name);
    return value;
  }
};

// ---------------------------------------------- parameters and locals --

struct Params {                       // the frame's copy logs; the caller's not
  bool copy = false;
  Params() = default;
  Params(const Params &) : copy(true) { rec("params.copy"); }
  Params(Params &&) : copy(true) { rec("params.copy"); }
  ~Params() {
    if (copy) note("~params");
  }
};

struct Local {
  const char *name;
  explicit Local(const char *n) : name(n) { note("%s.ctor", n); }
  Local(const Local &) = delete;
  ~Local() { note("~%s", name); }
};

// -------------------------------------------------------- return object --

// the handle, owned until the caller takes it: destroyed while it still
// holds one (by an exception leaving the call), it logs "~return_object"
template <class P>
struct Co {
  using promise_type = P;
  std::coroutine_handle<P> h;
  explicit Co(std::coroutine_handle<P> hh) : h(hh) {}
  Co(Co &&o) noexcept : h(std::exchange(o.h, nullptr)) {}
  ~Co() {
    if (h) note("~return_object");
  }
  std::coroutine_handle<P> take() { return std::exchange(h, nullptr); }
};

// ------------------------------------------------------- promise types --

// every member logs; Self is the promise type (it adds the return
// members), FinalSuspend what the final awaiter's await_suspend returns
template <class Self, class FinalSuspend = void>
struct RecPromise {
  long long value = 0;
  RecPromise() { rec("promise.ctor"); }
  ~RecPromise() { note("~promise"); }
  static void *operator new(std::size_t size) {
    rec("operator new");
    void *frame = fx.fail_new ? nullptr : std::malloc(size);
    if (!frame) throw std::bad_alloc();
    return frame;
  }
  static void operator delete(void *frame) {
    note("operator delete");
    std::free(frame);
  }
  Co<Self> get_return_object() {
    rec("get_return_object");
    return Co<Self>(std::coroutine_handle<Self>::from_promise(static_cast<Self &>(*this)));
  }
  RecAwaiter<> initial_suspend() {
    rec("initial_suspend");
    return RecAwaiter<>(fx.initial);
  }
  RecAwaiter<FinalSuspend, true> final_suspend() noexcept {
    rec("final_suspend");             // throwing here calls std::terminate
    return RecAwaiter<FinalSuspend, true>(fx.final);
  }
  RecAwaiter<> yield_value(long long v) {
    value = v;
    rec("yield_value(%lld)", v);
    return RecAwaiter<>(fx.yield);
  }
  void unhandled_exception() {
    rec("unhandled_exception(%s)", what_of(std::current_exception()).c_str());
    if (fx.rethrow) throw;
  }
};

struct rec_promise : RecPromise<rec_promise> {
  void return_void() { rec("return_void"); }
};

struct rec_promise_valued : RecPromise<rec_promise_valued> {
  void return_value(long long v) {
    value = v;
    rec("return_value(%lld)", v);
  }
};

// a plain co_await of a RecAwaiter awaits fx.transformed instead
struct rec_promise_transforming : RecPromise<rec_promise_transforming> {
  void return_void() { rec("return_void"); }
  RecAwaiter<> await_transform(const RecAwaiter<> &operand) {
    rec("await_transform(%s)", operand.name);
    return RecAwaiter<>(fx.transformed);
  }
};
