-- 05-address-roundtrip.lua — a handle is one pointer, the frame's address.
-- from_address(address()) gives the same handle back; with the promise
-- type it is typed, without it type-erased (coroutine_handle<>), and an
-- erased handle has no promise().
local here = arg and arg[0] and arg[0]:match("^(.*)/") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local coro = require "coro"
local Generator = require "generator"

local count = coro.coroutine(Generator, function()
  coro.co_yield("first")
end, "count")

local g <close> = count()
g:next()
local a = g.h:address()
local typed = coro.from_address(a, Generator.promise_type)
local erased = coro.from_address(a)
print("same handle:", typed == g.h, erased == g.h)
print("typed promise:", typed:promise().current)
local ok, err = pcall(erased.promise, erased)
print("erased promise:", ok, (tostring(err):gsub("^.-promise", "promise", 1)))

--[==[c++
#include <coroutine>
#include <cstdio>
#include <exception>

struct Generator {
  struct promise_type {
    const char *current = nullptr;
    Generator get_return_object() {
      return Generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(const char *v) { current = v; return {}; }
    void return_void() {}
    void unhandled_exception() { throw; }
  };
  std::coroutine_handle<promise_type> h;
  explicit Generator(std::coroutine_handle<promise_type> h) : h(h) {}
  Generator(Generator &&) = delete;
  ~Generator() { h.destroy(); }
};

Generator count() { co_yield "first"; }

int main() {
  Generator g = count();
  g.h.resume();
  void *a = g.h.address();                          // one pointer: the frame
  auto typed = std::coroutine_handle<Generator::promise_type>::from_address(a);
  auto erased = std::coroutine_handle<>::from_address(a);
  std::printf("same handle:\t%s\t%s\n", typed == g.h ? "true" : "false",
              erased == g.h ? "true" : "false");
  std::printf("typed promise:\t%s\n", typed.promise().current);
  // erased.promise() does not compile: coroutine_handle<> has no promise()
}
]==]

--[==[c++ exempt
"erased promise:" a compile error in C++: coroutine_handle<> has no promise() [coroutine.handle]
]==]

--[==[stops
operator_new 1
yield_value 1
destroy 1                            -- destroyed while suspended in the body
]==]

--[==[takeaway en
A coroutine handle is one pointer, the frame's address:
from_address(address()) rebuilds the same handle. With the promise type the
handle is typed and has promise(); coroutine_handle<> is type-erased and has
none (C++ rejects erased.promise() at compile time; corolab reports it).
]==]

--[==[takeaway tr
Bir coroutine handle'ı tek bir işaretçidir: frame'in adresi.
from_address(address()) aynı handle'ı yeniden kurar. promise türüyle handle
tiplidir ve promise()'i vardır; coroutine_handle<> ise türü silinmiştir ve
yoktur (C++ erased.promise()'i derleme zamanında reddeder; corolab bunu
bildirir).
]==]

--[==[takeaway zh
协程句柄就是一个指针，即协程状态的地址：from_address(address()) 能重建同一个句柄。带承诺类型的句柄是有类型的，有 promise()；coroutine_handle<> 是类型擦除的，没有 promise()（C++ 在编译期拒绝 erased.promise()，corolab 则报告它）。
]==]

--[==[title tr
bir handle tek bir işaretçidir: frame'in adresi.
]==]

--[==[title zh
协程句柄就是一个指针：协程状态的地址。
]==]
