// trace.hpp — what the C++ mirrors print: one line per promise, awaiter
// and destructor call, in the same words as trace.lua, so that g++'s
// order and corolab's can be compared line by line.
#pragma once
#include <coroutine>
#include <stdexcept>
#include "say.hpp"

struct Local {                        // a local with a destructor
  const char *name;
  explicit Local(const char *n) : name(n) {}
  ~Local() { say("~%s", name); }
};

struct Aw {                           // an awaiter that says what is called
  const char *name;
  bool ready;
  explicit Aw(const char *n, bool r = false) noexcept : name(n), ready(r) {}
  Aw(const Aw &) = delete;
  ~Aw() { say("~%s", name); }
  bool await_ready() const noexcept { say("%s.await_ready", name); return ready; }
  void await_suspend(std::coroutine_handle<>) const noexcept { say("%s.await_suspend", name); }
  void await_resume() const noexcept { say("%s.await_resume", name); }
};
