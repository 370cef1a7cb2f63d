-- 16-not-a-coroutine.lua — functions that cannot be coroutines. C++ refuses
-- a co_await, co_yield or co_return in main, a constructor or destructor, a
-- C variadic function, a constexpr or consteval function and one with a
-- deduced (auto) return type, and a plain return in a coroutine; and since
-- coroutines are stackless, a plain function a coroutine calls cannot
-- suspend it. corolab refuses what Lua can write the same way: a co_await
-- in the main chunk, a coroutine without a return type, a body that ends
-- with return, a co_await in a function the body calls. Each line
-- "g++:" is what g++ 12 says (tests/scripts compiles the ill-formed program
-- below and checks). A variadic template, a member function and a lambda
-- can be coroutines; so can a Lua vararg function, method and lambda.
local coro = require "coro"

local Task = {}       -- task<int> that runs at once; ~Task() destroys the frame
Task.__index = Task
Task.promise_type = coro.promise_type {
  __name = "Task::promise_type",
  get_return_object = function(p) return setmetatable({h = coro.from_promise(p)}, Task) end,
  initial_suspend = function(p) return coro.suspend_never end,
  final_suspend = function(p) return coro.suspend_always end,
  return_value = function(p, v) p.value = v end,
  unhandled_exception = function(p, err) error(err, 0) end,
}
function Task:__close() self.h:destroy() end
function Task:value() return self.h:promise().value end

local gxx = {         -- g++ 12's words for each (LC_ALL=C)
  main = "'co_await' cannot be used in the 'main' function",
  constructor = "'co_await' cannot be used in a constructor",
  destructor = "'co_await' cannot be used in a destructor",
  varargs = "'co_return' cannot be used in a varargs function",
  constexpr = "'co_return' cannot be used in a 'constexpr' function",
  consteval = "'co_return' cannot be used in a 'constexpr' function",
  auto = "'co_return' cannot be used in a function with a deduced return type",
  ["return"] = "a 'return' statement is not allowed in coroutine; did you mean 'co_return'?",
  helper = "unable to find the promise type for this coroutine",
}

-- what corolab says when Lua can write it (f), then what g++ says
local function refused(case, f)
  if f then
    local ok, err = pcall(f)
    print(case .. ": corolab: " .. (ok and "accepted" or (tostring(err):gsub("^[^:]*:%d+: ", ""))))
  end
  print(case .. ": g++: " .. gxx[case])
end

refused("main", function()                     -- the main chunk is Lua's main
  coro.co_await(coro.suspend_never)
end)
refused("constructor")                         -- Lua has neither constructors
refused("destructor")                          -- nor destructors that could suspend
refused("varargs")                             -- C's ..., no pack of values
refused("constexpr")                           -- Lua runs nothing at compile time
refused("consteval")
refused("auto", function()                     -- no return type: no promise type
  coro.coroutine(nil, function() coro.co_return(0) end, "deduced")
end)
refused("return", function()                   -- return, not co_return
  local plain = coro.coroutine(coro.task, function()
    coro.co_await(coro.suspend_never)
    return 1
  end, "plain")
  local t <close> = plain()
  t:run()
end)
refused("helper", function()                   -- stackless: only the body suspends
  local function helper() coro.co_await(coro.suspend_never) end
  local calls = coro.coroutine(coro.task, function() helper() coro.co_return(0) end, "calls")
  local t <close> = calls()
  t:run()
end)

-- what can be a coroutine: a variadic template (Lua: ...), a member
-- function (a method: self is its first parameter) and a lambda
local sum = coro.coroutine(Task, function(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + select(i, ...) end
  coro.co_return(s)
end, "sum")
do
  local t <close> = sum(1, 2, 3)
  print("variadic template: a coroutine", t:value())
end

local Counter = {n = 1}
Counter.next = coro.coroutine(Task, function(self)
  self.n = self.n + 1
  coro.co_return(self.n)
end, "Counter::next")
do
  local t <close> = Counter:next()
  print("member function: a coroutine", t:value())
end

local lambda = coro.coroutine(Task, function() coro.co_return(3) end, "lambda")
do
  local t <close> = lambda()
  print("lambda: a coroutine", t:value())
end

--[==[c++
#include <coroutine>
#include <cstdio>
#include <exception>

struct Task {          // task<int> that runs at once; ~Task() destroys the frame
  struct promise_type {
    int value = 0;
    Task get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(int v) { value = v; }
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  ~Task() { h.destroy(); }
  int value() { return h.promise().value; }
};

template <typename... T>
Task sum(T... v) { co_return (0 + ... + v); }    // a variadic template

struct Counter {
  int n = 1;
  Task next() { n = n + 1; co_return n; }        // a member function
};

int main() {
  std::printf("variadic template: a coroutine\t%d\n", sum(1, 2, 3).value());
  Counter counter;
  std::printf("member function: a coroutine\t%d\n", counter.next().value());
  auto lambda = []() -> Task { co_return 3; };   // a lambda
  std::printf("lambda: a coroutine\t%d\n", lambda().value());
}                      // each Task dies at the end of its full-expression
]==]

--[==[c++ ill-formed
#include <coroutine>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

struct Widget {
  Widget() { co_await std::suspend_never{}; }      // constructor
  ~Widget() { co_await std::suspend_never{}; }     // destructor
};

Task log(int n, ...) { co_return; }                // varargs
constexpr Task twice() { co_return; }              // constexpr
consteval Task thrice() { co_return; }             // consteval
auto deduced() { co_return; }                      // auto
Task plain() {                                     // return: g++ points here
  co_await std::suspend_never{};
  return Task{};
}

void helper() { co_await std::suspend_never{}; }   // helper: no promise type in void
Task calls() { helper(); co_return; }

int main() {
  co_await std::suspend_never{};                   // main
}
]==]

--[==[c++ exempt
"main: " a compile error in C++ (the ill-formed program above)
"constructor: " a compile error in C++ (the ill-formed program above)
"destructor: " a compile error in C++ (the ill-formed program above)
"varargs: " a compile error in C++ (the ill-formed program above)
"constexpr: " a compile error in C++ (the ill-formed program above)
"consteval: " a compile error in C++ (the ill-formed program above)
"auto: " a compile error in C++ (the ill-formed program above)
"return: " a compile error in C++ (the ill-formed program above)
"helper: " a compile error in C++ (the ill-formed program above)
]==]

--[==[stops
operator_new 1                       -- plain: a coroutine, until it returns
misuse 1                             -- return, not co_return
operator_new 3                       -- sum(1, 2, 3): a pack of arguments
return_value 1                       -- the pack's sum
]==]

--[==[takeaway en
A function is a coroutine when its body has co_await, co_yield or co_return,
and not every function may: main, constructors and destructors, C variadic
functions (...), constexpr and consteval functions, and functions with a
deduced (auto) return type are refused, because the promise type is found
from the declared return type and the parameters, and a coroutine cannot run
at compile time; a coroutine ends with co_return, never return. Coroutines
are stackless: only the body suspends, so a function it calls cannot co_await
for it (make that function a coroutine too, and co_await it). Variadic
templates, member functions and lambdas can be coroutines. corolab refuses
what Lua can write the same way and names the rule.
]==]

--[==[takeaway tr
Gövdesinde co_await, co_yield ya da co_return olan bir fonksiyon
coroutine'dir, ama her fonksiyon olamaz: main, kurucular ve yıkıcılar, C
türü değişken argümanlı (...) fonksiyonlar, constexpr ve consteval
fonksiyonlar ve dönüş türü çıkarımla (auto) belirlenen fonksiyonlar
reddedilir; çünkü promise türü bildirilen dönüş türünden ve parametrelerden
bulunur, bir coroutine de derleme zamanında çalışamaz. Bir coroutine
return ile değil, co_return ile biter. Coroutine'ler yığınsızdır (stackless):
yalnızca gövde askıya alınır; bu yüzden gövdenin çağırdığı bir fonksiyon
onun yerine co_await yapamaz (o fonksiyonu da coroutine yapıp co_await
edin). Değişken sayıda parametreli
şablonlar, üye fonksiyonlar ve lambdalar coroutine olabilir. corolab,
Lua'nın aynı biçimde yazabildiklerini reddeder ve kuralı adıyla söyler.
]==]

--[==[takeaway zh
函数体中含有 co_await、co_yield 或 co_return 的函数就是协程，但并非所有函数都可以：main、构造函数和析构函数、C 风格的可变参数函数（...）、constexpr 和 consteval 函数，以及返回类型由 auto 推导的函数都会被拒绝——因为承诺类型要从声明的返回类型和形参中找到，而协程不能在编译期运行；协程以 co_return 结束，绝不用 return。协程是无栈的：只有协程体本身能挂起，所以它调用的普通函数不能替它 co_await（应把那个函数也写成协程，再 co_await 它）。可变参数模板、成员函数和 lambda 都可以是协程。对 Lua 能以同样方式写出的情况，corolab 同样拒绝，并指出依据的条款。
]==]

--[==[title tr
coroutine olamayan fonksiyonlar ve C++ derleyicisinin hataları.
]==]

--[==[title zh
不能成为协程的函数，以及 C++ 编译器给出的错误。
]==]
