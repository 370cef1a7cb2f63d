-- 13-three-parts.lua — every coroutine has three parts. The promise object
-- is the inside's: the body reaches it through co_yield and co_return (the
-- compiler calls its members). The coroutine handle is the outside's: the
-- caller resumes, asks done(), destroys. The frame (coroutine state) holds
-- them together: the promise, the parameter copies, the locals alive
-- across a suspension, and where the body is suspended.
local coro = require "coro"

local Gen = {}
Gen.promise_type = coro.promise_type {
  __name = "Gen::promise_type",
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function(p) return coro.suspend_always end,
  final_suspend = function(p) return coro.suspend_always end,
  yield_value = function(p, v)                -- inside: the body's co_yield
    print("promise.yield_value", v)
    p.current = v
    return coro.suspend_always
  end,
  return_void = function(p) end,
  unhandled_exception = function(p, err) error(err, 0) end,
}

local sums = coro.coroutine(Gen, function(n, step)
  local sum = 0                               -- lives across the suspensions
  for i = 1, n do
    sum = sum + i * step
    coro.co_yield(sum)
  end
end, "sums")

local g = sums(3, 10)
g.h:resume()                                  -- outside: the handle
print("outside reads promise.current:", g.h:promise().current)
local frame = coro.info(g.h)                  -- the frame, as :show shows it
print("frame state:", frame.state, "at line", frame.where:match("%d+$"))
for _, p in ipairs(frame.params) do print("frame holds parameter copy", p.name, p.value) end
for _, l in ipairs(frame.locals) do print("frame holds local", l.name, l.value) end
g.h:resume()
print("after one more resume, sum is", coro.info(g.h).locals[1].value)
g.h:destroy()                                 -- the outside ends it

--[==[c++
#include <coroutine>
#include <cstdio>
#include <exception>

struct Gen {
  struct promise_type {
    int current = 0;
    Gen get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) {      // inside: the body's co_yield
      std::printf("promise.yield_value\t%d\n", v);
      current = v;
      return {};
    }
    void return_void() {}
    void unhandled_exception() { throw; }
  };
  std::coroutine_handle<promise_type> h;
};

Gen sums(int n, int step) {
  int sum = 0;                                    // lives across the suspensions
  for (int i = 1; i <= n; i++) {
    sum += i * step;
    co_yield sum;
  }
}

int main() {
  Gen g = sums(3, 10);
  g.h.resume();                                   // outside: the handle
  std::printf("outside reads promise.current:\t%d\n", g.h.promise().current);
  // the frame (n, step, sum, i, the suspend point) is the compiler's: C++
  // cannot look inside it; corolab's :show (coro.info) can
  g.h.resume();
  // nor read the local sum: the outside reads where co_yield left its value
  std::printf("after one more resume, sum is\t%d\n", g.h.promise().current);
  g.h.destroy();                                  // the outside ends it
}
]==]

--[==[c++ exempt
"frame state:" C++ cannot say it: no C++ expression looks inside a frame (its state and suspend point are the compiler's)
"frame holds " C++ cannot say it: no C++ expression reads a frame's parameter copies or locals from outside
]==]

--[==[stops
operator_new 1
promise_construct 1                  -- the promise gets the arguments (3, 10)
yield_value 1                        -- the inside talks to the promise
destroy 1                            -- the outside ends the frame
locals_destroy 1
promise_destroy 1
]==]

--[==[takeaway en
Three parts, three users. The promise is the body's side: the compiler turns
co_yield, co_return and the start and end of the body into calls of its
members. The handle is the caller's side: resume, done, destroy, and
promise() to read what the body left there. The frame is the compiler's: one
allocation holding the promise, the parameter copies, the locals that live
across a suspension and the suspend point; C++ gives no way to look inside,
corolab's :show does.
]==]

--[==[takeaway tr
Üç parça, üç kullanıcı. promise gövdenin tarafıdır: derleyici co_yield'i,
co_return'ü, gövdenin başını ve sonunu onun üye fonksiyonlarına yapılan
çağrılara çevirir. handle çağıranın tarafıdır: resume, done, destroy ve
gövdenin orada bıraktığını okumak için promise(). frame derleyicinindir:
promise'i, parametre kopyalarını, askıya almaları aşan yerel değişkenleri ve
askıya alma noktasını tutan tek bir bellek bloğu; C++ içine bakmanın bir
yolunu vermez, corolab'ın :show komutu verir.
]==]

--[==[takeaway zh
三个部分，三个使用者。承诺对象属于协程体一方：编译器把 co_yield、co_return 以及协程体的开始和结束变成对它成员函数的调用。协程句柄属于调用方：resume、done、destroy，以及用 promise() 读取协程体留在那里的东西。协程状态属于编译器：一次分配，容纳承诺对象、形参副本、跨越挂起点存活的局部变量和挂起点；C++ 没有办法查看其内部，corolab 的 :show 可以。
]==]

--[==[title tr
her coroutine'in üç parçası: promise (içeriden), handle (dışarıdan), frame (ikisini bir arada tutan durum).
]==]

--[==[title zh
每个协程的三个部分：承诺对象（内部使用）、协程句柄（外部使用）、协程状态（把它们放在一起）。
]==]
