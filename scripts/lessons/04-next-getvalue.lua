-- 04-next-getvalue.lua — a generator with next()/getValue(), as C++
-- tutorials write it, and the same generator in a generic for.
local here = arg and arg[0] and arg[0]:match("^(.*)/") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local coro = require "coro"
local Generator = require "generator"

local fib = coro.coroutine(Generator, function(n)
  local a, b = 0, 1
  for _ = 1, n do
    coro.co_yield(a)
    a, b = b, a + b
  end
end, "fib")

local gen <close> = fib(8)
while gen:next() do io.write(gen:getValue(), " ") end
print()

local squares <close> = coro.coroutine(Generator, function(n)
  for i = 1, n do coro.co_yield(i * i) end
end, "squares")(4)
for v in squares do io.write(v, " ") end
print()

--[==[c++
#include <coroutine>
#include <cstdio>
#include <exception>
#include <iterator>

struct Generator {
  struct promise_type {
    int current = 0;
    Generator get_return_object() {
      return Generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) { current = v; return {}; }
    void return_void() {}
    void unhandled_exception() { throw; }
  };
  std::coroutine_handle<promise_type> h;
  explicit Generator(std::coroutine_handle<promise_type> h) : h(h) {}
  Generator(Generator &&) = delete;
  ~Generator() { h.destroy(); }
  bool next() { h.resume(); return !h.done(); }
  int getValue() { return h.promise().current; }
  struct iterator {                         // for (int v : gen): a generic for
    Generator *g;
    bool operator!=(std::default_sentinel_t) const { return !g->h.done(); }
    iterator &operator++() { g->h.resume(); return *this; }
    int operator*() const { return g->getValue(); }
  };
  iterator begin() { h.resume(); return {this}; }
  std::default_sentinel_t end() { return {}; }
};

Generator fib(int n) {
  int a = 0, b = 1;
  for (int i = 0; i < n; i++) {
    co_yield a;
    int t = a + b; a = b; b = t;
  }
}

Generator squares(int n) {
  for (int i = 1; i <= n; i++) co_yield i * i;
}

int main() {
  Generator gen = fib(8);
  while (gen.next()) std::printf("%d ", gen.getValue());
  std::printf("\n");
  for (int v : squares(4)) std::printf("%d ", v);
  std::printf("\n");
}
]==]

--[==[stops
operator_new 1                       -- fib(8)
yield_value 1                        -- next() resumes to each co_yield
locals_destroy 1                     -- fib's loop is over
operator_new 2                       -- squares(4), for the generic for
destroy 1                            -- the for loop's end closes squares
]==]

--[==[takeaway en
next()/getValue() is just resume(), done() and promise().current behind a
friendlier name; a begin()/end() pair (in Lua, __call) lets the same
generator drive a range-for. The generator object owns the frame and
destroys it when it goes (here <close>).
]==]

--[==[takeaway tr
next()/getValue(), resume(), done() ve promise().current'ın daha tanıdık
adlarıdır; bir begin()/end() çifti (Lua'da __call) aynı generator'ı aralık
tabanlı for döngüsünde kullandırır. generator nesnesi frame'in sahibidir ve
kendisi yok olurken onu da yok eder (burada <close>).
]==]

--[==[takeaway zh
next()/getValue() 只是 resume()、done() 和 promise().current 换了个更友好的名字；有了 begin()/end()（Lua 中是 __call），同一个生成器就能用于范围 for。生成器对象拥有协程状态，并在自身结束时销毁它（这里是 <close>）。
]==]

--[==[title tr
C++ derslerindeki gibi next()/getValue() ile bir generator ve aynısı genel for döngüsünde.
]==]

--[==[title zh
像 C++ 教程那样带 next()/getValue() 的生成器，以及在泛型 for 中使用同一个生成器。
]==]
