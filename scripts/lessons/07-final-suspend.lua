-- 07-final-suspend.lua — final_suspend decides who ends the frame. Suspended
-- there (suspend_always), the coroutine is done() and its promise can still
-- be read; the owner destroys it. Not suspended (suspend_never), the frame
-- is destroyed as the body ends, and the handle dangles at once.
local coro = require "coro"

local function Result(final)
  local R = {}
  R.promise_type = coro.promise_type {
    __name = "Result::promise_type",
    get_return_object = function(p) return {h = coro.from_promise(p)} end,
    initial_suspend = function(p) return coro.suspend_always end,
    final_suspend = function(p) return final end,
    return_value = function(p, v) p.value = v end,
    unhandled_exception = function(p, err) error(err, 0) end,
    __close = function(p) print("~promise_type, value", p.value) end,
  }
  return R
end

local kept = coro.coroutine(Result(coro.suspend_always), function() coro.co_return(1) end, "kept")
local r = kept()
r.h:resume()
print("kept: done?", r.h:done(), "value", r.h:promise().value)
r.h:destroy()                          -- the owner ends it

local freed = coro.coroutine(Result(coro.suspend_never), function() coro.co_return(2) end, "freed")
local f = freed()
f.h:resume()                           -- the frame dies as the body ends
print("freed: the handle dangles:", not pcall(f.h.done, f.h))

--[==[c++
#include <coroutine>
#include <cstdio>
#include <exception>

template <class Final> struct Result {
  struct promise_type {
    int value = 0;
    ~promise_type() { std::printf("~promise_type, value\t%d\n", value); }
    Result get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { return {}; }
    Final final_suspend() noexcept { return {}; }
    void return_value(int v) { value = v; }
    void unhandled_exception() { throw; }
  };
  std::coroutine_handle<promise_type> h;
};

Result<std::suspend_always> kept() { co_return 1; }
Result<std::suspend_never> freed() { co_return 2; }

int main() {
  auto r = kept();
  r.h.resume();
  std::printf("kept: done?\t%s\tvalue\t%d\n", r.h.done() ? "true" : "false",
              r.h.promise().value);
  r.h.destroy();                             // the owner ends it
  auto f = freed();
  f.h.resume();                              // the frame dies as the body ends
  // f.h.done() would be undefined behaviour: the handle dangles
  std::printf("freed: the handle dangles:\ttrue\n");
}
]==]

--[==[stops
operator_new 1
await_ready if phase == "final"      -- kept: false; freed: true
destroy 1                            -- kept: the owner destroys it
await_resume 1 if phase == "final"   -- freed: it flows off its end
]==]

--[==[takeaway en
At the final suspend point the coroutine is done. If final_suspend's awaiter
suspends, the frame stays: done() is true, the promise (the result) can
still be read, and the owner must destroy() it. If it does not suspend, the
frame is destroyed as the body ends, and every handle to it dangles at once:
using one is undefined behaviour.
Compare the two event by event: :diff final-suspended final-not-suspended
]==]

--[==[takeaway tr
Son askıya alma noktasında coroutine biter. final_suspend'in awaiter'ı
askıya alırsa frame kalır: done() true'dur, promise (sonuç) hâlâ okunabilir
ve sahibinin onu destroy() etmesi gerekir. Askıya almazsa frame gövde
biterken yok edilir ve ona ait her handle o anda geçersiz (dangling) kalır: birini
kullanmak tanımsız davranıştır.
İkisini olay olay karşılaştırın: :diff final-suspended final-not-suspended
]==]

--[==[takeaway zh
到达最终挂起点时协程已经结束。若 final_suspend 的等待体挂起，协程状态保留：done() 为 true，承诺对象（结果）仍可读取，并须由所有者 destroy()。若不挂起，协程体结束时协程状态随即销毁，指向它的所有句柄立刻悬空：再使用就是未定义行为。逐个事件对比两者：:diff final-suspended final-not-suspended
]==]

--[==[title tr
final_suspend frame'i kimin bitireceğine karar verir: askıya alırsa sahibi, almazsa gövdenin sonu.
]==]

--[==[title zh
final_suspend 决定由谁结束协程状态：挂起则由所有者，不挂起则在协程体结束时。
]==]
