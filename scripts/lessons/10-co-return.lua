-- 10-co-return.lua — the ends of a body. co_return v calls
-- promise.return_value(v); co_return; and flowing off the end call
-- promise.return_void(). Flowing off the end when the promise has no
-- return_void is undefined behaviour: C++ compiles it, corolab stops it
-- and names the rule.
local coro = require "coro"

local function Result(valued)
  local members = {
    __name = valued and "Valued::promise_type" or "Void::promise_type",
    get_return_object = function(p) return {h = coro.from_promise(p)} end,
    initial_suspend = function(p) return coro.suspend_never end,
    final_suspend = function(p) return coro.suspend_always end,
    unhandled_exception = function(p, err) error(err, 0) end,
  }
  if valued then
    members.return_value = function(p, v) print("return_value", v) p.value = v end
  else
    members.return_void = function(p) print("return_void") end
  end
  return {promise_type = coro.promise_type(members)}
end
local Valued, Void = Result(true), Result(false)

local r = coro.coroutine(Valued, function() coro.co_return(42) end, "valued")()
print("value", r.h:promise().value)
r.h:destroy()

local v = coro.coroutine(Void, function() coro.co_return() end, "void")()
v.h:destroy()

local o = coro.coroutine(Void, function() print("flows off") end, "off")()
o.h:destroy()

local ok, err = pcall(coro.coroutine(Valued, function() end, "no_return_void"))
print("flowing off without return_void:", ok)
print((err:gsub("coroutine #%d+ ", "coroutine ")))

--[==[c++
#include <coroutine>
#include <cstdio>
#include <exception>

struct Valued {
  struct promise_type {
    int value = 0;
    Valued get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(int v) { std::printf("return_value\t%d\n", v); value = v; }
    void unhandled_exception() { throw; }
  };
  std::coroutine_handle<promise_type> h;
};

struct Void {
  struct promise_type {
    Void get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() { std::printf("return_void\n"); }
    void unhandled_exception() { throw; }
  };
  std::coroutine_handle<promise_type> h;
};

Valued valued() { co_return 42; }
Void void_() { co_return; }
Void off() { std::printf("flows off\n"); co_await std::suspend_never{}; }  // flows off the end
// Valued no_return_void() { co_await std::suspend_never{}; }
//   compiles, but flowing off its end is undefined behaviour
//   [stmt.return.coroutine]/3 (g++ warns: no return statement)

int main() {
  Valued r = valued();
  std::printf("value\t%d\n", r.h.promise().value);
  r.h.destroy();
  Void v = void_();
  v.h.destroy();
  Void o = off();
  o.h.destroy();
}
]==]

--[==[c++ exempt
"flowing off without return_void:" undefined behaviour in C++: flowing off the end without return_void [stmt.return.coroutine]/3
"coroutine 'no_return_void' flowed off" undefined behaviour in C++: corolab's error for it [stmt.return.coroutine]/3
]==]

--[==[stops
operator_new 1
return_value 1                       -- co_return 42
return_void 1                        -- co_return;
locals_destroy 3                     -- off: the body flows off its end
misuse 1                             -- flowing off without return_void
]==]

--[==[takeaway en
co_return v; is promise.return_value(v); co_return; and flowing off the end
are promise.return_void(). A promise type has one or the other, never both.
Flowing off the end without return_void is undefined behaviour: the compiler
accepts it (g++ at most warns), so corolab stops the coroutine there and
names [stmt.return.coroutine]/3.
]==]

--[==[takeaway tr
co_return v; promise.return_value(v) demektir; co_return; ve gövdenin
sonundan akıp gitmek promise.return_void() demektir. Bir promise türünde
bunlardan yalnızca biri olur, ikisi birden asla. return_void olmadan sondan
akıp gitmek tanımsız davranıştır: derleyici bunu kabul eder (g++ en fazla
uyarır); corolab ise coroutine'i orada durdurur ve [stmt.return.coroutine]/3
kuralını söyler.
]==]

--[==[takeaway zh
co_return v; 就是 promise.return_value(v)；co_return; 以及执行到协程体末尾都是 promise.return_void()。一个承诺类型只能有其中之一，不能两者都有。没有 return_void 却执行到末尾是未定义行为：编译器会接受它（g++ 最多给出警告），corolab 则在那里停止协程并指出 [stmt.return.coroutine]/3。
]==]

--[==[title tr
gövdenin sonları: co_return v, co_return; ve sondan akıp gitmek (return_void yoksa tanımsız davranış).
]==]

--[==[title zh
协程体的结束方式：co_return v、co_return; 以及执行到末尾（没有 return_void 时是未定义行为）。
]==]
