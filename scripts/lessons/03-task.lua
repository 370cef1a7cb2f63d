-- 03-task.lua — task<int>: outer co_awaits inner, which co_returns 42;
-- outer co_returns 84. Lazy tasks; co_await starts inner by symmetric
-- transfer, and inner's final suspend transfers back to outer.
local here = arg and arg[0] and arg[0]:match("^(.*)/") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local coro = require "coro"
local Task = require "task"

local inner = coro.coroutine(Task, function()
  coro.co_return(42)
end, "inner")

local outer = coro.coroutine(Task, function()
  local v = coro.co_await(coro.temporary(inner()))  -- dies right after it
  print("inner gave", v)
  coro.co_return(v * 2)
end, "outer")

local t <close> = outer()
print("outer gave", t:run())

--[==[c++
#include <coroutine>
#include <cstdio>
#include <exception>

struct Task {
  struct promise_type {
    int value = 0;
    std::coroutine_handle<> continuation = std::noop_coroutine();
    Task get_return_object() {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { return {}; }
    auto final_suspend() noexcept {    // resume whoever awaited us
      struct final_awaiter {
        bool await_ready() noexcept { return false; }
        std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> h) noexcept {
          return h.promise().continuation;
        }
        void await_resume() noexcept {}
      };
      return final_awaiter{};
    }
    void return_value(int v) { value = v; }
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  explicit Task(std::coroutine_handle<promise_type> h) : h(h) {}
  Task(Task &&) = delete;
  ~Task() { h.destroy(); }
  bool await_ready() { return h.done(); }          // a task is its own awaiter
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) {
    h.promise().continuation = awaiting;
    return h;                                      // symmetric transfer into it
  }
  int await_resume() { return h.promise().value; }
  int run() { h.resume(); return h.promise().value; }
};

Task inner() { co_return 42; }

Task outer() {
  int v = co_await inner();                        // the temporary dies right after
  std::printf("inner gave\t%d\n", v);
  co_return v * 2;
}

int main() {
  Task t = outer();
  std::printf("outer gave\t%d\n", t.run());
}
]==]

--[==[stops
operator_new 1                       -- outer, lazy
return_to_caller 1                   -- outer() returns before its body runs
operator_new 2                       -- inner(), called in outer's body
await_suspend 1 if name == "outer" and phase == "body"  -- returns inner's handle
symmetric_transfer 1                 -- inner runs, in the same stack
return_value 1                       -- inner's co_return 42
await_suspend 1 if name == "inner" and phase == "final" -- back to outer
return_value 2                       -- outer's co_return 84
await_suspend 1 if name == "outer" and phase == "final" -- noop_coroutine()
]==]

--[==[takeaway en
A lazy task starts only when awaited: co_await inner() stores outer as the
continuation and transfers to inner (symmetric transfer, no stack growth);
inner's final_suspend transfers back to outer, whose await_resume reads the
result. The outermost task's continuation is noop_coroutine(), which returns
to whoever resumed the chain.
]==]

--[==[takeaway tr
Tembel bir task ancak beklendiğinde başlar: co_await inner(), outer'ı devam
(continuation) olarak saklar ve inner'a aktarır (simetrik aktarım, yığın
büyümez); inner'ın final_suspend'i outer'a geri aktarır, outer'ın
await_resume'u sonucu okur. En dıştaki task'ın devamı noop_coroutine()'dir;
o da zinciri devam ettirene döner.
]==]

--[==[takeaway zh
惰性任务只有在被等待时才开始：co_await inner() 把 outer 记为后续（continuation），并对称转移到 inner（栈不增长）；inner 的 final_suspend 再转移回 outer，由 outer 的 await_resume 读取结果。最外层任务的后续是 noop_coroutine()，它回到恢复这条链的一方。
]==]

--[==[title tr
task<int>: outer, inner'ı co_await eder; inner 42 co_return eder, outer 84.
]==]

--[==[title zh
task<int>：outer 用 co_await 等待 inner，inner co_return 42，outer co_return 84。
]==]
