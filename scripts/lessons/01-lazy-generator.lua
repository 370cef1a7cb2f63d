-- 01-lazy-generator.lua — the smallest generator, and the whole lifecycle.
-- The return type (Generator) names its promise type; the promise type's
-- members are what the compiler calls. initial_suspend = suspend_always
-- makes it lazy: calling range(3) only builds the frame and the promise.
local coro = require "coro"

local Generator = {}
Generator.__index = Generator
Generator.promise_type = coro.promise_type {
  __name = "Generator::promise_type",
  get_return_object = function(p) return setmetatable({h = coro.from_promise(p)}, Generator) end,
  initial_suspend = function(p) return coro.suspend_always end,
  final_suspend = function(p) return coro.suspend_always end,
  yield_value = function(p, v) p.current = v; return coro.suspend_always end,
  return_void = function(p) end,
  unhandled_exception = function(p, err) p.err = err end,
}

-- co_yield i is co_await promise.yield_value(i)
local range = coro.coroutine(Generator, function(n)
  for i = 0, n - 1 do coro.co_yield(i) end
end, "range")

local g = range(3)                     -- suspended at its initial suspend point
print("done after the call?", g.h:done())
g.h:resume()                           -- runs to the first co_yield
while not g.h:done() do
  print("value", g.h:promise().current)
  g.h:resume()                         -- past the last co_yield: final suspend
end
print("done at the end?", g.h:done())
g.h:destroy()                          -- the frame is gone; g.h dangles

--[==[c++
#include <coroutine>
#include <cstdio>
#include <exception>

struct Generator {
  struct promise_type {
    int current = 0;
    Generator get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) { current = v; return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
};

Generator range(int n) {        // co_yield i is co_await promise.yield_value(i)
  for (int i = 0; i < n; i++) co_yield i;
}

int main() {
  Generator g = range(3);       // suspended at its initial suspend point
  std::printf("done after the call?\t%s\n", g.h.done() ? "true" : "false");
  g.h.resume();                 // runs to the first co_yield
  while (!g.h.done()) {
    std::printf("value\t%d\n", g.h.promise().current);
    g.h.resume();               // past the last co_yield: final suspend
  }
  std::printf("done at the end?\t%s\n", g.h.done() ? "true" : "false");
  g.h.destroy();                // the frame is gone; g.h dangles
}
]==]

--[==[stops
operator_new 1                       -- the call begins: the frame comes first
get_return_object 1                  -- the caller's result, before initial_suspend
await_ready 1                        -- suspend_always: false, so the call suspends
return_to_caller 1                   -- range(3) returns: nothing of the body ran
await_resume 1 if phase == "initial" -- the body begins after this
yield_value 1                        -- co_yield 0
locals_destroy 1                     -- the loop is over: the body flows off its end
final_suspend 1
destroy 1                            -- the owner ends the frame
]==]

--[==[takeaway en
A coroutine call only builds the frame (parameter copies, promise) and asks
get_return_object for the result; with suspend_always at the initial suspend
point nothing of the body runs until the first resume(). Each co_yield is
co_await promise.yield_value(v); done() turns true at the final suspend
point, and then the owner must destroy() the frame.
]==]

--[==[takeaway tr
Bir coroutine çağrısı yalnızca frame'i kurar (parametre kopyaları, promise)
ve sonucu get_return_object'ten ister; ilk askıya alma noktasında
suspend_always varsa ilk resume()'a kadar gövdeden hiçbir şey çalışmaz. Her
co_yield, co_await promise.yield_value(v) demektir; done() son askıya alma
noktasında true olur ve frame'i sahibinin destroy() etmesi gerekir.
]==]

--[==[takeaway zh
调用协程只会建立协程状态（形参副本、承诺对象），并向 get_return_object 要结果；初始挂起点若是 suspend_always，第一次 resume() 之前协程体一行也不会执行。每个 co_yield 就是 co_await promise.yield_value(v)；到达最终挂起点时 done() 变为 true，此后须由所有者 destroy() 协程状态。
]==]

--[==[title tr
en küçük generator ve yaşam döngüsünün tamamı.
]==]

--[==[title zh
最简单的生成器，以及完整的生命周期。
]==]
