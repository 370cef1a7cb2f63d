-- 17-allocation-elision.lua — where the frame lives. operator new
-- allocates it (the promise type's own here, which counts its calls). A
-- compiler may elide that allocation (HALO, heap allocation elision) when
-- the coroutine's whole life is nested in its caller's and the frame's
-- size is known at the call: the frame then lives in the caller's frame,
-- and operator new does not run. g++ 12 never elides it (1 call at -O0 and
-- -O2); clang 14 at -O2 does, for this program (0 calls). corolab runs the
-- program as the standard writes it, before any optimiser: every frame is
-- allocated, and its operator new is an event you can stop at.
local coro = require "coro"

local allocations = 0                  -- how many times operator new ran

local Gen = {}
Gen.__index = Gen
Gen.promise_type = coro.promise_type {
  __name = "Gen::promise_type",
  operator_new = function(size) allocations = allocations + 1; return true end,
  operator_delete = function() end,
  get_return_object = function(p) return setmetatable({h = coro.from_promise(p)}, Gen) end,
  initial_suspend = function(p) return coro.suspend_always end,
  final_suspend = function(p) return coro.suspend_always end,
  yield_value = function(p, v) p.value = v; return coro.suspend_always end,
  return_void = function(p) end,
  unhandled_exception = function(p, err) error(err, 0) end,
}
function Gen:__close() self.h:destroy() end   -- ~Gen() destroys the frame

local count = coro.coroutine(Gen, function(n)
  for i = 0, n - 1 do coro.co_yield(i) end
end, "count")

local sum = 0
do
  local g <close> = count(3)           -- its whole life in this block
  g.h:resume()
  while not g.h:done() do
    sum = sum + g.h:promise().value
    g.h:resume()
  end
end
print("sum of the values", sum)
print("operator new ran", allocations)

--[==[c++
#include <coroutine>
#include <cstdio>
#include <cstdlib>
#include <exception>

int allocations = 0;                   // how many times operator new ran

struct Gen {
  struct promise_type {
    int value = 0;
    static void *operator new(std::size_t size) { allocations++; return std::malloc(size); }
    static void operator delete(void *frame) { std::free(frame); }
    Gen get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) { value = v; return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  ~Gen() { h.destroy(); }
};

Gen count(int n) {
  for (int i = 0; i < n; i++) co_yield i;
}

int main() {
  int sum = 0;
  {
    Gen g = count(3);                  // its whole life in this block
    g.h.resume();
    while (!g.h.done()) {
      sum += g.h.promise().value;
      g.h.resume();
    }
  }
  std::printf("sum of the values\t%d\n", sum);
  std::printf("operator new ran\t%d\n", allocations);
}
]==]

--[==[c++ builds
g++ -O2: operator new ran 1
clang++ -O2: operator new ran 0
]==]

--[==[stops
operator_new 1                       -- the frame: from the heap, here always
destroy 1                            -- the block ends: ~Gen() destroys it
operator_delete 1                    -- and its memory goes back
]==]

--[==[takeaway en
A coroutine's frame comes from operator new, the promise type's own if it
declares one. The standard lets a compiler elide that allocation (heap
allocation elision, HALO) when the coroutine's life is nested in its
caller's and the frame's size is known at the call; the frame then lives in
the caller's frame and operator new does not run. It is an optimisation,
never a promise: for this program g++ 12 calls operator new at -O0 and at
-O2, clang 14 at -O2 does not (the tests build it both ways). corolab runs
the program before any optimiser, as the standard writes it: every frame is
allocated, and you can stop at its operator new.
]==]

--[==[takeaway tr
Bir coroutine'in frame'i operator new'den gelir; promise türü kendi
operator new'ünü bildiriyorsa ondan. Standart, coroutine'in ömrü çağıranın
ömrünün içinde kaldığında ve frame'in boyutu çağrı yerinde bilindiğinde
derleyicinin bu bellek ayırmayı atlamasına (heap allocation elision, HALO)
izin verir; frame o zaman çağıranın frame'inde yaşar ve operator new
çalışmaz. Bu bir iyileştirmedir, asla bir söz değil: bu program için g++ 12
operator new'ü -O0'da da -O2'de de çağırır, clang 14 -O2'de çağırmaz
(testler programı iki biçimde de derler). corolab programı her
iyileştiriciden önce, standardın yazdığı gibi çalıştırır: her frame için
bellek ayrılır ve onun operator new'ünde durabilirsiniz.
]==]

--[==[takeaway zh
协程状态来自 operator new；若承诺类型声明了自己的 operator new，就用它的。标准允许编译器在协程的生存期嵌套在调用方之内、且调用处已知协程状态大小时省去这次分配（堆分配消除，HALO）：协程状态就放在调用方自己的栈帧里，operator new 不会运行。这只是一种优化，从不是保证：对这个程序，g++ 12 在 -O0 和 -O2 下都调用 operator new，clang 14 在 -O2 下则不调用（测试会用这两种方式构建它）。corolab 按标准所写、在任何优化之前运行程序：每个协程状态都会分配内存，你可以在它的 operator new 处停下。
]==]

--[==[title tr
frame nerede yaşar: bellek ayırmanın atlanması (HALO) ve corolab'ın onu neden hep gösterdiği.
]==]

--[==[title zh
协程状态放在哪里：堆分配消除（HALO），以及 corolab 为什么总是显示分配。
]==]
