-- 12-handle.lua — std::coroutine_handle, member by member: from_promise,
-- the null handle and operator bool, copies that are the same handle,
-- == and <, resume() and (), done(), promise(), address()/from_address(),
-- coroutine_handle<> (type-erased) against coroutine_handle<P>, destroy();
-- and what C++ leaves undefined (resuming a destroyed handle), caught.
local coro = require "coro"

local Gen = {}
Gen.promise_type = coro.promise_type {
  __name = "Gen::promise_type",
  get_return_object = function(p) return coro.from_promise(p) end,  -- the handle itself
  initial_suspend = function(p) return coro.suspend_always end,
  final_suspend = function(p) return coro.suspend_always end,
  yield_value = function(p, v) p.current = v; return coro.suspend_always end,
  return_void = function(p) end,
  unhandled_exception = function(p, err) error(err, 0) end,
}
local gen = coro.coroutine(Gen, function() coro.co_yield(1); coro.co_yield(2) end, "gen")

local null = coro.null                 -- coroutine_handle<>{}: refers to nothing
print("null is false:", not null:operator_bool())
local h = gen()
local copy = h                         -- a copy: the same frame
print("h is true:", h:operator_bool(), "copy == h:", copy == h)
h:resume()                             -- h.resume()
print("current:", h:promise().current)
h()                                    -- h(): the same as h.resume()
print("current:", h:promise().current, "done:", h:done())
local other = gen()
print("ordered:", (h < other) ~= (other < h))        -- a total order by address
local erased = coro.from_address(h:address())       -- coroutine_handle<>
local typed = coro.from_address(h:address(), Gen.promise_type)
print("erased == h:", erased == h, "typed == h:", typed == h)
print("erased has a promise:", (pcall(erased.promise, erased)))
h:resume()                             -- past the last co_yield: final suspend
print("done:", h:done())
h:destroy()
other:destroy()
print("resume after destroy:", (select(2, pcall(h.resume, h)):match("already destroyed")))

--[==[c++
#include <coroutine>
#include <cstdio>
#include <exception>

struct Gen {
  struct promise_type {
    int current = 0;
    std::coroutine_handle<promise_type> get_return_object() {   // the handle itself
      return std::coroutine_handle<promise_type>::from_promise(*this);
    }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) { current = v; return {}; }
    void return_void() {}
    void unhandled_exception() { throw; }
  };
};
using Handle = std::coroutine_handle<Gen::promise_type>;

template <> struct std::coroutine_traits<Handle> { using promise_type = Gen::promise_type; };

Handle gen() { co_yield 1; co_yield 2; }

const char *b(bool v) { return v ? "true" : "false"; }

int main() {
  std::coroutine_handle<> null;                      // refers to nothing
  std::printf("null is false:\t%s\n", b(!null));
  Handle h = gen();
  Handle copy = h;                                   // a copy: the same frame
  std::printf("h is true:\t%s\tcopy == h:\t%s\n", b(bool(h)), b(copy == h));
  h.resume();
  std::printf("current:\t%d\n", h.promise().current);
  h();                                               // the same as h.resume()
  std::printf("current:\t%d\tdone:\t%s\n", h.promise().current, b(h.done()));
  Handle other = gen();
  std::printf("ordered:\t%s\n", b((h < other) != (other < h)));   // by address
  auto erased = std::coroutine_handle<>::from_address(h.address());
  auto typed = Handle::from_address(h.address());
  std::printf("erased == h:\t%s\ttyped == h:\t%s\n", b(erased == h), b(typed == h));
  // erased.promise() does not compile: coroutine_handle<> has no promise()
  h.resume();                                        // past the last co_yield
  std::printf("done:\t%s\n", b(h.done()));
  h.destroy();
  other.destroy();
  // h.resume() now would be undefined behaviour: the frame is gone
}
]==]

--[==[c++ exempt
"erased has a promise:" a compile error in C++: coroutine_handle<> has no promise() [coroutine.handle]
"resume after destroy:" undefined behaviour in C++: resuming a destroyed coroutine [coroutine.handle.resumption]
]==]

--[==[stops
operator_new 1
yield_value 1
locals_destroy 1                     -- the last resume: off the end
destroy 1 2                          -- at the final and at the initial suspend point
]==]

--[==[takeaway en
A coroutine_handle is a small, copyable value: copies name the same frame,
compare equal, and order by address; a default (null) handle is false.
resume() and () continue the coroutine, done() asks whether it reached its
final suspend point, promise() reaches the promise of a coroutine_handle<P>,
and address()/from_address() turn it into a pointer and back.
coroutine_handle<> forgets the promise type. A handle does not own its
frame: after destroy() every copy dangles, and using one is undefined
behaviour.
]==]

--[==[takeaway tr
coroutine_handle küçük, kopyalanabilir bir değerdir: kopyalar aynı frame'i
gösterir, eşit sayılır ve adrese göre sıralanır; varsayılan (null) handle
false'tur. resume() ve () coroutine'i devam ettirir, done() son askıya alma
noktasına varıp varmadığını sorar, promise() bir coroutine_handle<P>'nin
promise'ine ulaşır, address()/from_address() onu bir işaretçiye ve geri
çevirir. coroutine_handle<> promise türünü unutur. Bir handle frame'in
sahibi değildir: destroy()'dan sonra her kopya geçersiz (dangling) kalır ve birini
kullanmak tanımsız davranıştır.
]==]

--[==[takeaway zh
coroutine_handle 是一个小而可复制的值：副本指向同一个协程状态，比较相等，并按地址排序；默认（空）句柄为 false。resume() 和 () 恢复协程，done() 询问是否已到达最终挂起点，promise() 取得 coroutine_handle<P> 的承诺对象，address()/from_address() 在句柄和指针之间转换。coroutine_handle<> 不记得承诺类型。句柄并不拥有协程状态：destroy() 之后所有副本都悬空，再使用任何一个都是未定义行为。
]==]

--[==[title tr
coroutine_handle üye üye: from_promise, null, kopyalar, ==/<, resume/(), done, promise, address, destroy.
]==]

--[==[title zh
逐个成员看 coroutine_handle：from_promise、空句柄、副本、==/<、resume/()、done、promise、address、destroy。
]==]
