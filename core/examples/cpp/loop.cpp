// loop.cpp — loop.c in C++20, for comparison: the same output
#include <coroutine>
#include <cstdio>
#include <exception>
#include <vector>

struct sleeper { std::coroutine_handle<> h; long wake; };
static std::vector<sleeper> sleepers;
static long now;

struct sleep {
  long ticks;
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<> h) { sleepers.push_back({h, now + ticks}); }
  void await_resume() {}
};

struct detached {                     // fire and forget: eager, self-destroying
  struct promise_type {
    detached get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
};

detached worker(const char *name, long period) {
  for (int i = 1; i <= 3; i++) {
    co_await sleep{period};
    std::printf("tick %ld: %s woke (%d)\n", now, name, i);
  }
}

int main() {
  worker("fast", 2);
  worker("slow", 3);
  for (now = 1; !sleepers.empty(); now++)
    for (size_t i = 0; i < sleepers.size();) {
      if (sleepers[i].wake > now) { i++; continue; }
      std::coroutine_handle<> h = sleepers[i].h;
      sleepers.erase(sleepers.begin() + i);
      h.resume();
    }
}
