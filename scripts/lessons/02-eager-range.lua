-- 02-eager-range.lua — initial_suspend = suspend_never: the body runs
-- during the call, up to its first co_yield, before range(10) returns.
local coro = require "coro"

local Eager = {}
Eager.promise_type = coro.promise_type {
  __name = "Eager::promise_type",
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function(p) return coro.suspend_never end,
  final_suspend = function(p) return coro.suspend_always end,
  yield_value = function(p, v) p.current = v; return coro.suspend_always end,
  return_void = function(p) end,
  unhandled_exception = function(p, err) error(err, 0) end,
}

local range = coro.coroutine(Eager, function(n)
  for i = 0, n - 1 do coro.co_yield(i) end
end, "range")

local r = range(10)                    -- already at co_yield 0
while not r.h:done() do
  io.write(r.h:promise().current, " ")
  r.h:resume()
end
print()
r.h:destroy()

--[==[c++
#include <coroutine>
#include <cstdio>
#include <exception>

struct Eager {
  struct promise_type {
    int current = 0;
    Eager get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) { current = v; return {}; }
    void return_void() {}
    void unhandled_exception() { throw; }
  };
  std::coroutine_handle<promise_type> h;
};

Eager range(int n) {
  for (int i = 0; i < n; i++) co_yield i;
}

int main() {
  Eager r = range(10);          // already at co_yield 0
  while (!r.h.done()) {
    std::printf("%d ", r.h.promise().current);
    r.h.resume();
  }
  std::printf("\n");
  r.h.destroy();
}
]==]

--[==[stops
operator_new 1
await_ready 1                        -- suspend_never: true, no suspension
await_resume 1 if phase == "initial" -- the body runs inside the call
yield_value 1                        -- co_yield 0 suspends, still inside range(10)
return_to_caller 1                   -- only now does range(10) return
locals_destroy 1
destroy 1
]==]

--[==[takeaway en
suspend_never at the initial suspend point makes the coroutine eager: the
call runs the body until its first real suspension, so the first value is
already there when range(10) returns. The promise's initial_suspend alone
decides lazy or eager.
]==]

--[==[takeaway tr
İlk askıya alma noktasında suspend_never, coroutine'i hevesli (eager) yapar:
çağrı gövdeyi ilk gerçek askıya almaya kadar çalıştırır; range(10)
döndüğünde ilk değer zaten hazırdır. Tembel mi hevesli mi olacağına yalnızca
promise'in initial_suspend'i karar verir.
]==]

--[==[takeaway zh
初始挂起点使用 suspend_never 会让协程立即执行：调用会一直运行协程体，直到第一次真正挂起，所以 range(10) 返回时第一个值已经就绪。惰性还是立即执行，只由承诺对象的 initial_suspend 决定。
]==]

--[==[title tr
initial_suspend = suspend_never: gövde, range(10) dönmeden, ilk co_yield'e kadar çağrı sırasında çalışır.
]==]

--[==[title zh
initial_suspend = suspend_never：协程体在调用期间就运行到第一个 co_yield，然后 range(10) 才返回。
]==]
