// prologue.cpp — an eager coroutine throwing at each stage of its prologue
// and body: what is destroyed, in which order, and whether
// unhandled_exception runs (only after initial await_resume is called).
#include <cstring>
#include <exception>
#include "trace.hpp"

static const char *stage = "";
static void maybe(const char *here) {
  if (std::strcmp(stage, here) == 0) { say("throw in %s", here); throw std::runtime_error(here); }
}

struct Init {
  ~Init() { say("~initial"); }
  bool await_ready() { say("initial.await_ready"); maybe("await_ready"); return false; }
  bool await_suspend(std::coroutine_handle<>) {
    say("initial.await_suspend"); maybe("await_suspend"); return false;
  }
  void await_resume() { say("initial.await_resume"); maybe("await_resume"); }
};

struct Eager {
  struct promise_type {
    promise_type() { say("promise_type()"); maybe("promise_type"); }
    ~promise_type() { say("~promise_type"); }
    Eager get_return_object() { say("get_return_object"); maybe("get_return_object"); return {}; }
    Init initial_suspend() { say("initial_suspend"); maybe("initial_suspend"); return {}; }
    std::suspend_never final_suspend() noexcept { say("final_suspend"); return {}; }
    void return_void() { say("return_void"); }
    void unhandled_exception() { say("unhandled_exception"); throw; }
  };
  ~Eager() { say("~Eager"); }
};

Eager eager() {
  Local l("local");
  say("body");
  maybe("body");
  co_return;
}

int main() {
  const char *stages[] = {"promise_type", "get_return_object", "initial_suspend",
                          "await_ready", "await_suspend", "await_resume", "body", "none"};
  for (const char *s : stages) {
    stage = s;
    say("== %s", s);
    try {
      Eager e = eager();
      say("returned");
    } catch (std::exception &x) {
      say("caught %s", x.what());
    }
  }
}
