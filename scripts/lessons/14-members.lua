-- 14-members.lua — the promise type's members, and when the compiler calls
-- each: a table filled in as one run calls them. operator new and the
-- promise constructor see the coroutine's arguments; get_return_object
-- runs before initial_suspend; co_await in the body goes through
-- await_transform, co_yield through yield_value, the end through
-- return_void; then final_suspend, ~promise_type, operator delete. When
-- operator new fails, get_return_object_on_allocation_failure answers.
local coro = require "coro"

local calls = {}
local function called(what) calls[#calls + 1] = what end

local function promise_type(fail_new)
  return coro.promise_type {
    __name = "Traced::promise_type",
    operator_new = function(size, n)
      called("operator new(size, " .. n .. ")")
      return not fail_new
    end,
    get_return_object_on_allocation_failure = function()
      called("get_return_object_on_allocation_failure()")
      return "no coroutine"
    end,
    new = function(p, n) called("promise_type(" .. n .. ")") end,
    get_return_object = function(p) called("get_return_object()") return coro.from_promise(p) end,
    initial_suspend = function(p) called("initial_suspend()") return coro.suspend_always end,
    await_transform = function(p, a) called("await_transform(a)") return a end,
    yield_value = function(p, v) called("yield_value(" .. v .. ")") return coro.suspend_always end,
    return_void = function(p) called("return_void()") end,
    unhandled_exception = function(p, err) called("unhandled_exception()") error(err, 0) end,
    final_suspend = function(p) called("final_suspend()") return coro.suspend_always end,
    __close = function(p) called("~promise_type()") end,
    operator_delete = function() called("operator delete") end,
  }
end

local body = function(n)
  coro.co_await(coro.suspend_never)    -- through await_transform
  coro.co_yield(n)
end
local traced = coro.coroutine({promise_type = promise_type(false)}, body, "traced")
local h = traced(7)
h:resume()                             -- to co_yield
h:resume()                             -- to the final suspend point
h:destroy()
local failing = coro.coroutine({promise_type = promise_type(true)}, body, "failing")
print("when operator new fails:", failing(8))
for i, what in ipairs(calls) do print(i, what) end

--[==[c++
#include <coroutine>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

std::vector<std::string> calls;
void called(std::string what) { calls.push_back(what); }

bool fail_new = false;

struct Traced {
  struct promise_type {
    static void *operator new(std::size_t size, int n) noexcept {
      called("operator new(size, " + std::to_string(n) + ")");
      return fail_new ? nullptr : std::malloc(size);
    }
    static void operator delete(void *frame) { called("operator delete"); std::free(frame); }
    static Traced get_return_object_on_allocation_failure() {
      called("get_return_object_on_allocation_failure()");
      return {nullptr};
    }
    promise_type(int n) { called("promise_type(" + std::to_string(n) + ")"); }
    ~promise_type() { called("~promise_type()"); }
    Traced get_return_object() {
      called("get_return_object()");
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { called("initial_suspend()"); return {}; }
    template <class A> A await_transform(A a) { called("await_transform(a)"); return a; }
    std::suspend_always yield_value(int v) {
      called("yield_value(" + std::to_string(v) + ")");
      return {};
    }
    void return_void() { called("return_void()"); }
    void unhandled_exception() { called("unhandled_exception()"); throw; }
    std::suspend_always final_suspend() noexcept { called("final_suspend()"); return {}; }
  };
  std::coroutine_handle<promise_type> h;
};

Traced body(int n) {
  co_await std::suspend_never{};               // through await_transform
  co_yield n;
}

int main() {
  Traced t = body(7);
  t.h.resume();                                // to co_yield
  t.h.resume();                                // to the final suspend point
  t.h.destroy();
  fail_new = true;
  Traced failed = body(8);
  std::printf("when operator new fails:\t%s\n", failed.h ? "a coroutine" : "no coroutine");
  for (std::size_t i = 0; i < calls.size(); i++) std::printf("%zu\t%s\n", i + 1, calls[i].c_str());
}
]==]

--[==[stops
operator_new 1                       -- operator new(size, 7)
await_transform 1                    -- co_await in the body goes through it
yield_value 1
final_suspend 1
operator_new 2                       -- this time it fails
]==]

--[==[takeaway en
The compiler calls the promise type's members at fixed points: operator new
(with the coroutine's arguments, if it takes them), the constructor,
get_return_object, initial_suspend; in the body await_transform for each
co_await, yield_value for each co_yield, return_value or return_void at the
end (unhandled_exception for an error); then final_suspend, and at destroy()
the destructor and operator delete. A noexcept operator new that returns
nullptr makes the call return get_return_object_on_allocation_failure()
instead, and no coroutine exists.
]==]

--[==[takeaway tr
Derleyici promise türünün üyelerini belirli noktalarda çağırır: operator new
(alıyorsa coroutine'in argümanlarıyla), kurucu, get_return_object,
initial_suspend; gövdede her co_await için await_transform, her co_yield
için yield_value, sonda return_value ya da return_void (bir hata için
unhandled_exception); ardından final_suspend ve destroy()'da yıkıcı ile
operator delete. nullptr döndüren noexcept bir operator new, çağrının bunun
yerine get_return_object_on_allocation_failure() döndürmesine yol açar;
ortada bir coroutine yoktur.
]==]

--[==[takeaway zh
编译器在固定的位置调用承诺类型的成员：operator new（若接受协程实参，就带上它们）、构造函数、get_return_object、initial_suspend；协程体中每个 co_await 经过 await_transform，每个 co_yield 调用 yield_value，结束时调用 return_value 或 return_void（出错则调用 unhandled_exception）；随后是 final_suspend，destroy() 时调用析构函数和 operator delete。若 noexcept 的 operator new 返回 nullptr，调用会改为返回 get_return_object_on_allocation_failure() 的结果，协程根本不存在。
]==]

--[==[title tr
promise türünün üyeleri ve derleyicinin her birini ne zaman çağırdığı: bir çalıştırmada doldurulan bir tablo.
]==]

--[==[title zh
承诺类型的成员，以及编译器何时调用每一个：一次运行中逐步填出的表。
]==]
