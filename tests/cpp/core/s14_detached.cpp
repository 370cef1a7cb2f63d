// s14_detached.cpp — a fire-and-forget coroutine as C++ programs write it
// (cl_detached_type): eager (initial_suspend returns suspend_never), so the
// call runs the body to its first suspension; self-destroying
// (final_suspend returns suspend_never), so its state is destroyed inside
// the resume that ends the body; and std::terminate where an exception
// leaves the body. The promise's members and suspend_never's log in the
// core test's words (the core test logs the same from its events). The
// terminate scenarios run in a child process whose terminate handler
// prints the log, then "std::terminate".
// Asserted by tests/core/test_detached.c.
#include <sys/wait.h>
#include <unistd.h>
#include "rec.hpp"

struct Never : std::suspend_never {   // std::suspend_never, its calls logged
  bool await_ready() const noexcept {
    note("never.await_ready");
    return true;
  }
  void await_resume() const noexcept { note("never.await_resume"); }
};

struct detached {
  struct promise_type {
    promise_type() { note("promise.ctor"); }
    ~promise_type() { note("~promise"); }
    static void *operator new(std::size_t size) {
      note("operator new");
      return ::operator new(size);
    }
    static void operator delete(void *frame) {
      note("operator delete");
      ::operator delete(frame);
    }
    detached get_return_object() {
      note("get_return_object");
      return {};
    }
    Never initial_suspend() noexcept {
      note("initial_suspend");
      return {};
    }
    Never final_suspend() noexcept {
      note("final_suspend");
      return {};
    }
    void return_void() { note("return_void"); }
    void unhandled_exception() {
      note("unhandled_exception(%s)", what_of(std::current_exception()).c_str());
      std::terminate();
    }
  };
};

// the awaiter the body waits on (a temporary); it keeps the handle, for
// main to resume
std::coroutine_handle<> waiting;
struct Event : RecAwaiter<> {
  using RecAwaiter<>::RecAwaiter;
  void await_suspend(std::coroutine_handle<> h) {
    waiting = h;
    RecAwaiter<>::await_suspend(h);
  }
};

detached job(Params) {
  Local a("local_a");
  note("body: start");
  co_await Event("ev");
  note("body: resumed");
}

detached straight(Params) {
  Local a("local_a");
  note("body");
  co_return;
}

detached throws_after(Params, bool at_once) {
  Local a("local_a");
  if (!at_once) co_await Event("ev");
  throw std::runtime_error("boom");
}

static void terminating(const char *test, bool at_once) {
  std::fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    std::set_terminate([] {
      show_log();
      std::printf("std::terminate\n");
      std::fflush(stdout);
      _exit(0);
    });
    scene(test);
    throws_after(Params{}, at_once);
    note("returned to caller");
    waiting.resume();
    show_log();
    std::printf("resume() returned\n");
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
}

int main() {
  scene("test_detached_life");
  job(Params{});
  note("returned to caller");
  waiting.resume();                   // the body ends: its state is gone
  note("resume returned");
  show_log();

  scene("test_detached_ends_in_its_call");
  straight(Params{});
  note("returned to caller");
  show_log();

  terminating("test_detached_throws_in_its_call", true);
  terminating("test_detached_throws_after_a_resume", false);
}
