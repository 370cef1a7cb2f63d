// convert.cpp — get_return_object returns something other than the return
// type ([dcl.fct.def.coroutine]/7): the call's result is initialised from
// it by the return type's converting constructor. g++ 12 converts when
// control first returns to the caller — after the initial suspension, or
// for an eager coroutine after its body first suspends — and then
// destroys get_return_object's result. The same for a member function.
#include "trace.hpp"

struct Proxy {                         // what get_return_object returns
  const char *name;
  std::coroutine_handle<> h;
  ~Proxy() { say("~Proxy %s", name); }
};

struct R {
  struct promise_type {
    bool eager = false;
    explicit promise_type(bool e) : eager(e) {}
    template <class Self> promise_type(Self &, bool e) : eager(e) {}   // a member
    Proxy get_return_object() {
      say("get_return_object");
      return {"gro", std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    struct Init {
      bool eager;
      bool await_ready() { say("initial.await_ready"); return eager; }
      void await_suspend(std::coroutine_handle<>) { say("initial.await_suspend"); }
      void await_resume() { say("initial.await_resume"); }
    };
    Init initial_suspend() { return {eager}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<> h;
  R(Proxy &&p) : h(p.h) { say("R(Proxy %s)", p.name); }   // the converting constructor
  ~R() { say("~R"); h.destroy(); }
};

R co(bool) {
  say("body");
  co_await std::suspend_always{};
}

struct Object {
  R method(bool) {
    say("method body");
    co_await std::suspend_always{};
  }
};

int main() {
  say("== lazy");
  { R r = co(false); say("call returned"); }
  say("== eager: the body runs to its first suspension first");
  { R r = co(true); say("call returned"); }
  say("== a member function, eager");
  Object o;
  { R r = o.method(true); say("call returned"); }
}
