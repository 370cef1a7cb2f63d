-- 08-destroy-order.lua — destroy() of a suspended coroutine ends, in this
-- order: the awaiter it waits on (a temporary of the co_await), the locals
-- alive at the suspend point, innermost first, the promise, then the
-- parameter copies; then the frame's memory goes.
local coro = require "coro"

local function noisy(name)             -- a value whose destructor speaks
  return setmetatable({}, {__name = name, __close = function() print("~" .. name) end})
end

-- a parameter: the frame holds its copy (__copy: C++'s copy constructor),
-- whose destructor speaks
local Param = {__copy = function() return noisy("param (the copy)") end}

local Handle = {}
Handle.promise_type = coro.promise_type {
  __name = "Handle::promise_type",
  get_return_object = function(p) return coro.from_promise(p) end,
  initial_suspend = function(p) return coro.suspend_always end,
  final_suspend = function(p) return coro.suspend_always end,
  return_void = function(p) end,
  unhandled_exception = function(p, err) error(err, 0) end,
  __close = function(p) print("~promise_type") end,
  operator_new = function(size) print("operator new") return true end,
  operator_delete = function() print("operator delete") end,
}

local waiter = {                       -- an awaiter that never resumes
  await_ready = function() return false end,
  await_suspend = function() print("suspended") end,
  await_resume = function() end,
}
setmetatable(waiter, {__close = function() print("~awaiter") end})

local f = coro.coroutine(Handle, function(param)
  local a <close> = noisy("a")
  do
    local b <close> = noisy("b")
    coro.co_await(coro.temporary(waiter))
  end
end, "f")

local h = f(setmetatable({}, Param))
h:resume()                             -- to the co_await, and suspended there
print("destroy()")
h:destroy()
print("destroyed:", not pcall(h.done, h))

--[==[c++
#include <coroutine>
#include <cstdio>
#include <cstdlib>
#include <exception>

struct Noisy {                               // a value whose destructor speaks
  const char *name;
  ~Noisy() { std::printf("~%s\n", name); }
};

struct Param {                               // the frame holds its copy
  bool copy = false;
  Param() = default;
  Param(const Param &) {}                    // the argument passed
  Param(Param &&) noexcept : copy(true) {}   // moved into the frame
  ~Param() { if (copy) std::printf("~param (the copy)\n"); }
};

struct Handle {
  struct promise_type {
    ~promise_type() { std::printf("~promise_type\n"); }
    static void *operator new(std::size_t size) {
      std::printf("operator new\n");
      return std::malloc(size);
    }
    static void operator delete(void *frame) {
      std::printf("operator delete\n");
      std::free(frame);
    }
    Handle get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { throw; }
  };
  std::coroutine_handle<promise_type> h;
};

struct Waiter {                              // an awaiter that never resumes
  ~Waiter() { std::printf("~awaiter\n"); }
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) { std::printf("suspended\n"); }
  void await_resume() {}
};

Handle f(Param) {                          // its copy lives in the frame
  Noisy a{"a"};
  {
    Noisy b{"b"};
    co_await Waiter{};
  }
}

int main() {
  Param p;
  Handle h = f(p);
  h.h.resume();                              // to the co_await, and suspended there
  std::printf("destroy()\n");
  h.h.destroy();
  std::printf("destroyed:\ttrue\n");         // h.h dangles from here on
}
]==]

--[==[stops
operator_new 1
await_suspend 1 if phase == "body"   -- suspended, waiting
destroy 1                            -- destroy() while suspended
locals_destroy 1 if context == "destroy"
promise_destroy 1
]==]

--[==[takeaway en
destroy() on a suspended coroutine unwinds it like leaving a scope: first
the awaiter of the co_await it was suspended in (a temporary), then the
locals alive there, innermost first, then the promise, then the parameter
copies, and last operator delete frees the frame. The arguments the caller
passed are the caller's: only their copies live in the frame.
]==]

--[==[takeaway tr
Askıdaki bir coroutine'e destroy(), bir kapsamdan çıkar gibi onu çözer: önce
askıda olduğu co_await'in awaiter'ı (geçici nesne), sonra orada yaşayan
yerel değişkenler en içtekinden başlayarak, sonra promise, sonra parametre
kopyaları; en son operator delete frame'i serbest bırakır. Çağıranın verdiği
argümanlar çağıranındır: frame'de yalnızca kopyaları yaşar.
]==]

--[==[takeaway zh
对挂起的协程调用 destroy()，就像离开一个作用域那样展开它：先是它挂起所在的 co_await 的等待体（临时对象），然后是那里存活的局部变量（由内向外），接着是承诺对象，再是形参副本，最后由 operator delete 释放协程状态。调用方传入的实参属于调用方，协程状态里只保存它们的副本。
]==]

--[==[title tr
askıdaki bir coroutine'in destroy()'u: awaiter, yerel değişkenler, promise, parametre kopyaları, frame.
]==]

--[==[title zh
销毁挂起的协程：等待体、局部变量、承诺对象、形参副本、协程状态。
]==]
