// params.cpp — parameter copies ([dcl.fct.def.coroutine]/13): each
// by-value parameter is copied (moved) into the frame after operator new
// and before the promise is constructed; operator new gets the originals,
// the promise constructor and the body the copies (CWG2465, as g++ 12
// does); the copies die after the promise, when the state is destroyed, in
// the order of the parameters (g++ 12). A copy that throws fails the call:
// the copies made so far die, then the frame is freed. The arguments are
// prvalues, so that the call itself copies nothing.
#include <cstdlib>
#include <new>
#include <stdexcept>
#include <string_view>
#include "trace.hpp"

static const char *fail_copy = "";    // the parameter whose copy throws

struct Param {
  const char *name;
  bool copy = false;
  explicit Param(const char *n) : name(n) {}
  Param(const Param &o) : name(o.name), copy(true) {
    say("copy %s", name);
    if (std::string_view(fail_copy) == name) throw std::runtime_error(name);
  }
  ~Param() { if (copy) say("~copy %s", name); }
  const char *which() const { return copy ? "copy" : "original"; }
};

struct Co {
  struct promise_type {
    static void *operator new(std::size_t n, Param &a, Param &b) {
      say("operator new(%s %s, %s %s)", a.which(), a.name, b.which(), b.name);
      return std::malloc(n);
    }
    static void operator delete(void *p) { say("operator delete"); std::free(p); }
    promise_type(Param &a, Param &b) {
      say("promise_type(%s %s, %s %s)", a.which(), a.name, b.which(), b.name);
    }
    ~promise_type() { say("~promise_type"); }
    Co get_return_object() { say("get_return_object"); return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
};

Co co(Param a, Param b) {
  say("body(%s %s, %s %s)", a.which(), a.name, b.which(), b.name);
  co_return;
}

int main() {
  say("== the copies live as long as the coroutine state");
  Co c = co(Param("a"), Param("b"));
  say("called");
  c.h.resume();
  say("destroy");
  c.h.destroy();
  for (const char *which : {"a", "b"}) {
    say("== the copy of %s throws", which);
    fail_copy = which;
    try {
      co(Param("a"), Param("b"));
    } catch (std::exception &e) {
      say("caught %s", e.what());
    }
  }
}
