// eager_future.cpp — the scenario of Rainer Grimm's eager future
// (https://www.modernescpp.com/index.php/c-20-implementing-simple-futures-
// with-coroutines), written anew and traced: the promise shares its result
// with the future through a shared_ptr; get_return_object returns that
// shared_ptr, and the future's converting constructor takes it when the
// call returns; initial and final suspend are suspend_never, so the body
// runs at once and the frame is gone before the caller gets the future.
#include <memory>
#include "trace.hpp"

struct Future {
  std::shared_ptr<int> value;
  Future(std::shared_ptr<int> p) : value(std::move(p)) { say("Future(shared_ptr)"); }
  ~Future() { say("~Future"); }
  int get() { say("get"); return *value; }
  struct promise_type {
    std::shared_ptr<int> ptr = std::make_shared<int>(0);
    promise_type() { say("promise_type"); }
    ~promise_type() { say("~promise_type"); }
    std::shared_ptr<int> get_return_object() { say("get_return_object"); return ptr; }
    std::suspend_never initial_suspend() { say("initial_suspend"); return {}; }
    std::suspend_never final_suspend() noexcept { say("final_suspend"); return {}; }
    void return_value(int v) { say("return_value(%d)", v); *ptr = v; }
    void unhandled_exception() {}
  };
};

Future create_future() {
  say("body");
  co_return 2021;
}

int main() {
  Future fut = create_future();
  say("fut.get(): %d", fut.get());
}
