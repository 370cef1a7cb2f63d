-- 15-lazy-vs-eager.lua — the same body under two promise types that differ
-- only in initial_suspend: suspend_always (lazy: the call returns before
-- the body runs) and suspend_never (eager: the call runs the body). Either
-- way an error the body raises goes to unhandled_exception, not to the
-- caller: initial await_resume was called before the body began.
local coro = require "coro"

local function promise_type(name, initial)
  return coro.promise_type {
    __name = name,
    get_return_object = function(p) return {h = coro.from_promise(p)} end,
    initial_suspend = function(p)
      print("  initial_suspend")
      return initial
    end,
    final_suspend = function(p) return coro.suspend_always end,
    return_void = function(p) print("  return_void") end,
    unhandled_exception = function(p, err)   -- the body raised after the initial await_resume
      print("  unhandled_exception: " .. err)
    end,
  }
end

local Lazy = {promise_type = promise_type("Lazy::promise_type", coro.suspend_always)}
local Eager = {promise_type = promise_type("Eager::promise_type", coro.suspend_never)}

local function body(fail)
  print("  body runs")
  if fail then error("no input", 0) end
end
local work = {lazy = coro.coroutine(Lazy, body, "lazy"),
              eager = coro.coroutine(Eager, body, "eager")}

local function run(name, fail)
  print(("%s(%s):"):format(name, fail and "fail" or "ok"))
  local t = work[name](fail)
  print("  -- the call returned; done() = " .. tostring(t.h:done()))
  if not t.h:done() then t.h:resume() end
  print("  -- done() = " .. tostring(t.h:done()))
  t.h:destroy()
end

run("lazy", false)
run("eager", false)
run("lazy", true)
run("eager", true)

--[==[c++
#include <coroutine>
#include <cstdio>
#include <stdexcept>

template <bool Lazy> struct Task {
  struct promise_type {
    Task get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    auto initial_suspend() {
      std::puts("  initial_suspend");
      if constexpr (Lazy) return std::suspend_always{};
      else return std::suspend_never{};
    }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() { std::puts("  return_void"); }
    void unhandled_exception() {        // the body threw after the initial await_resume
      try { throw; } catch (std::exception &e) {
        std::printf("  unhandled_exception: %s\n", e.what());
      }
    }
  };
  std::coroutine_handle<promise_type> h;
};

template <bool Lazy> Task<Lazy> work(bool fail) {
  std::puts("  body runs");
  if (fail) throw std::runtime_error("no input");
  co_return;
}

template <bool Lazy> void run(const char *name, bool fail) {
  std::printf("%s(%s):\n", name, fail ? "fail" : "ok");
  auto t = work<Lazy>(fail);
  std::printf("  -- the call returned; done() = %s\n", t.h.done() ? "true" : "false");
  if (!t.h.done()) t.h.resume();
  std::printf("  -- done() = %s\n", t.h.done() ? "true" : "false");
  t.h.destroy();
}

int main() {
  run<true>("lazy", false);
  run<false>("eager", false);
  run<true>("lazy", true);
  run<false>("eager", true);
}
]==]

--[==[stops
operator_new 1
await_ready if phase == "initial"    -- lazy: false; eager: true
throw                                -- the body fails, lazy and eager
unhandled_exception
]==]

--[==[takeaway en
Lazy or eager is the promise's initial_suspend alone: the same body runs at
the first resume() (suspend_always) or inside the call (suspend_never). An
error the body raises is the promise's business in both: the initial
await_resume had been called, so it goes to unhandled_exception and the
coroutine ends at its final suspend point; the caller sees no error.
Compare the two event by event: :diff lazy eager
]==]

--[==[takeaway tr
Tembel (lazy) mi hevesli (eager) mi olacağını yalnızca promise'in
initial_suspend'i belirler: aynı gövde ilk resume()'da (suspend_always) ya da
çağrının içinde (suspend_never) çalışır. Gövdenin fırlattığı hata iki durumda
da promise'in işidir: ilk await_resume çağrılmış olduğundan hata
unhandled_exception'a gider ve coroutine son askıya alma noktasında biter;
çağıran hiçbir hata görmez.
İkisini olay olay karşılaştırın: :diff lazy eager
]==]

--[==[takeaway zh
惰性还是立即执行，只由承诺对象的 initial_suspend 决定：同一个协程体要么在第一次 resume() 时运行（suspend_always），要么在调用内部就运行（suspend_never）。两种情况下，协程体抛出的错误都交给承诺对象处理：初始的 await_resume 已经调用过，所以错误进入 unhandled_exception，协程停在最终挂起点；调用者看不到任何错误。逐个事件对比两者：:diff lazy eager
]==]

--[==[title tr
Aynı gövde, iki promise türü: suspend_always (tembel) ile suspend_never (hevesli) yan yana; hata her ikisinde de unhandled_exception'a gider.
]==]

--[==[title zh
同一个协程体、两种承诺类型：suspend_always（惰性）与 suspend_never（立即执行）并排对比；两者的错误都进入 unhandled_exception。
]==]
