-- 06-awaiter.lua — the awaiter protocol. co_await asks await_ready; on
-- false the coroutine is suspended and await_suspend decides: returning
-- void it stays suspended, returning false it is resumed at once,
-- returning a handle resumes that coroutine (here its own); await_resume
-- gives the value of the co_await expression. An object that is no
-- awaiter gets one from its operator co_await.
local coro = require "coro"

local Task = {}
Task.promise_type = coro.promise_type {
  __name = "Task::promise_type",
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function(p) return coro.suspend_never end,
  final_suspend = function(p) return coro.suspend_always end,
  return_void = function(p) end,
  unhandled_exception = function(p, err) error(err, 0) end,
}

-- an awaiter named name: await_ready answers ready, await_suspend returns
-- suspend (nil: void; "self": the handle it was given), await_resume
-- returns value
local function awaiter(name, ready, suspend, value)
  return {
    await_ready = function() print(name .. ".await_ready", ready) return ready end,
    await_suspend = function(_, h)
      print(name .. ".await_suspend")
      if suspend == "self" then return h end
      return suspend
    end,
    await_resume = function() print(name .. ".await_resume") return value end,
  }
end

-- no awaiter itself: operator co_await makes one
local Ticket = {}
Ticket.__index = Ticket
function Ticket:operator_co_await()
  print("Ticket::operator co_await")
  return awaiter("ticket", true, nil, self.number)
end

-- each operand a prvalue, as in C++ (coro.temporary): it dies at the end
-- of its co_await
local temporary = coro.temporary
local demo = coro.coroutine(Task, function()
  print("a =", coro.co_await(temporary(awaiter("ready", true, nil, 1))))  -- never suspends
  print("b =", coro.co_await(temporary(awaiter("bool", false, false, 2)))) -- resumed at once
  print("c =", coro.co_await(temporary(awaiter("void", false, nil, 3))))  -- stays suspended
  print("d =", coro.co_await(temporary(awaiter("handle", false, "self", 4)))) -- to itself
  print("e =", coro.co_await(temporary(setmetatable({number = 5}, Ticket))))
  print("end of body")
end, "demo")

local t = demo()                       -- eager: runs up to the third co_await
print("back in main, resuming")
t.h:resume()
print("done?", t.h:done())
t.h:destroy()

--[==[c++
#include <coroutine>
#include <cstdio>
#include <exception>

struct Task {
  struct promise_type {
    Task get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { throw; }
  };
  std::coroutine_handle<promise_type> h;
};

struct ReadyAwaiter {                        // await_ready: true
  bool await_ready() { std::printf("ready.await_ready\ttrue\n"); return true; }
  void await_suspend(std::coroutine_handle<>) { std::printf("ready.await_suspend\n"); }
  int await_resume() { std::printf("ready.await_resume\n"); return 1; }
};
struct BoolAwaiter {                         // await_suspend returns false
  bool await_ready() { std::printf("bool.await_ready\tfalse\n"); return false; }
  bool await_suspend(std::coroutine_handle<>) { std::printf("bool.await_suspend\n"); return false; }
  int await_resume() { std::printf("bool.await_resume\n"); return 2; }
};
struct VoidAwaiter {                         // await_suspend returns void
  bool await_ready() { std::printf("void.await_ready\tfalse\n"); return false; }
  void await_suspend(std::coroutine_handle<>) { std::printf("void.await_suspend\n"); }
  int await_resume() { std::printf("void.await_resume\n"); return 3; }
};
struct HandleAwaiter {                       // await_suspend returns a handle
  bool await_ready() { std::printf("handle.await_ready\tfalse\n"); return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) {
    std::printf("handle.await_suspend\n");
    return h;                                // symmetric transfer: to itself
  }
  int await_resume() { std::printf("handle.await_resume\n"); return 4; }
};
struct TicketAwaiter {
  int number;
  bool await_ready() { std::printf("ticket.await_ready\ttrue\n"); return true; }
  void await_suspend(std::coroutine_handle<>) {}
  int await_resume() { std::printf("ticket.await_resume\n"); return number; }
};
struct Ticket {                              // no awaiter: operator co_await makes one
  int number;
  TicketAwaiter operator co_await() {
    std::printf("Ticket::operator co_await\n");
    return {number};
  }
};

Task demo() {
  int a = co_await ReadyAwaiter{};           // never suspends
  std::printf("a =\t%d\n", a);
  int b = co_await BoolAwaiter{};            // resumed at once
  std::printf("b =\t%d\n", b);
  int c = co_await VoidAwaiter{};            // stays suspended
  std::printf("c =\t%d\n", c);
  int d = co_await HandleAwaiter{};          // transfer to itself
  std::printf("d =\t%d\n", d);
  int e = co_await Ticket{5};
  std::printf("e =\t%d\n", e);
  std::printf("end of body\n");
}

int main() {
  Task t = demo();                           // eager: runs up to the third co_await
  std::printf("back in main, resuming\n");
  t.h.resume();
  std::printf("done?\t%s\n", t.h.done() ? "true" : "false");
  t.h.destroy();
}
]==]

--[==[stops
operator_new 1
await_ready 2 3                      -- ready (true), then bool (false)
await_suspend 1 2 3                  -- returning false, void, a handle
operator_co_await 1                  -- Ticket is no awaiter: it makes one
final_suspend 1
]==]

--[==[takeaway en
co_await x asks x.await_ready() first: true skips suspending altogether. On
false the coroutine is suspended before await_suspend(h) runs; returning
void keeps it suspended (control goes back to the resumer), returning false
resumes it at once, returning a handle transfers to that coroutine (its own
handle: resumed at once, as false). Whatever happened, await_resume() gives
the value of the co_await expression. An object with operator co_await is
not awaited itself: the awaiter it returns is.
]==]

--[==[takeaway tr
co_await x önce x.await_ready()'ye sorar: true askıya almayı tümüyle atlar.
false ise coroutine, await_suspend(h) çalışmadan önce askıya alınır; void
döndürmek onu askıda tutar (kontrol devam ettirene döner), false döndürmek
hemen devam ettirir, bir handle döndürmek o coroutine'e aktarır (kendi
handle'ı: false gibi hemen devam eder). Ne olursa olsun co_await ifadesinin
değerini await_resume() verir. operator co_await'i olan bir nesnenin kendisi
beklenmez: döndürdüğü awaiter beklenir.
]==]

--[==[takeaway zh
co_await x 先调用 x.await_ready()：返回 true 就完全不挂起。返回 false 时，协程先被挂起，然后才调用 await_suspend(h)；返回 void 则保持挂起（控制权回到恢复方），返回 false 则立即恢复，返回句柄则转移到那个协程（返回它自己的句柄时，和 false 一样立即恢复）。无论哪种情况，co_await 表达式的值都由 await_resume() 给出。带有 operator co_await 的对象本身不被等待：被等待的是它返回的等待体。
]==]

--[==[title tr
awaiter protokolü: await_ready, askıya alma, await_suspend'in void/false/handle dönüşü, await_resume'un değeri, operator co_await.
]==]

--[==[title zh
等待体协议：await_ready、挂起、await_suspend 返回 void、false 或句柄、await_resume 的值、operator co_await。
]==]
