-- 18-another-thread.lua — a coroutine may resume somewhere else than where
-- it suspended. co_await schedule(executor) suspends the coroutine, and its
-- await_suspend hands the handle to the executor's queue; whoever runs the
-- queue resumes it: here a worker thread. In C++ the worker is a
-- std::thread; in Lua it is a Lua thread (coroutine.create), which stands
-- for one, and thread_name plays C++'s thread_local (the worker sets it on
-- entry and gives it back on exit). The body before the co_await runs on
-- main, the body after it on the worker: the frame is the same, the stack
-- is not.
local coro = require "coro"

local thread_name = "main"             -- thread_local: the thread running now

local Executor = {}                    -- a queue of coroutines to resume
Executor.__index = Executor
function Executor.new() return setmetatable({queue = {}}, Executor) end
function Executor:run()                -- the worker thread's loop
  local outer = thread_name
  thread_name = "worker"
  while #self.queue > 0 do table.remove(self.queue, 1):resume() end
  thread_name = outer
end

local function schedule(executor)      -- co_await schedule(executor)
  return {
    __name = "Schedule",
    await_ready = function() return false end,
    await_suspend = function(_, h) table.insert(executor.queue, h) end,
    await_resume = function() end,
  }
end

local Task = {}                        -- eager; the owner destroys the frame
Task.__index = Task
Task.promise_type = coro.promise_type {
  __name = "Task::promise_type",
  get_return_object = function(p) return setmetatable({h = coro.from_promise(p)}, Task) end,
  initial_suspend = function(p) return coro.suspend_never end,
  final_suspend = function(p) return coro.suspend_always end,
  return_void = function(p) end,
  unhandled_exception = function(p, err) error(err, 0) end,
}
function Task:__close() self.h:destroy() end

local job = coro.coroutine(Task, function(executor)
  print("job starts on", thread_name)
  coro.co_await(coro.temporary(schedule(executor)))   -- a prvalue, as in C++
  print("job resumes on", thread_name)
end, "job")

local executor = Executor.new()
do
  local t <close> = job(executor)
  print("the call returns on", thread_name)
  local worker = coroutine.create(function() executor:run() end)
  assert(coroutine.resume(worker))     -- start the worker, and join it
  print("done, on", thread_name, t.h:done())
end

--[==[c++
#include <coroutine>
#include <cstdio>
#include <deque>
#include <exception>
#include <thread>

thread_local const char *thread_name = "main";   // the thread running now

struct Executor {                      // a queue of coroutines to resume
  std::deque<std::coroutine_handle<>> queue;
  void run() {                         // the worker thread's loop
    thread_name = "worker";
    while (!queue.empty()) {
      std::coroutine_handle<> h = queue.front();
      queue.pop_front();
      h.resume();
    }
  }
};

struct Schedule {                      // co_await Schedule{executor}
  Executor &executor;
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<> h) { executor.queue.push_back(h); }
  void await_resume() {}
};

struct Task {                          // eager; the owner destroys the frame
  struct promise_type {
    Task get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  ~Task() { h.destroy(); }
};

Task job(Executor &executor) {
  std::printf("job starts on\t%s\n", thread_name);
  co_await Schedule{executor};
  std::printf("job resumes on\t%s\n", thread_name);
}

int main() {
  Executor executor;
  {
    Task t = job(executor);
    std::printf("the call returns on\t%s\n", thread_name);
    std::thread worker([&executor] { executor.run(); });
    worker.join();                     // the queue was filled before it started
    std::printf("done, on\t%s\t%s\n", thread_name, t.h.done() ? "true" : "false");
  }
}
]==]

--[==[stops
operator_new 1
await_suspend 1 if phase == "body"   -- the handle goes to the queue
resume 1                             -- the worker resumes it
final_suspend 1                      -- it ends on the worker
destroy 1                            -- and main destroys it
]==]

--[==[takeaway en
A handle is all it takes to resume a coroutine, and whoever holds it may
resume it, on any thread: await_suspend can hand the handle to an executor's
queue, and the thread that runs the queue resumes the coroutine. The body
before the co_await ran on main, the body after it runs on the worker; the
frame is the same, on the heap, and only the stack that runs it changes. So
a coroutine must not keep thread-bound things (a lock, a thread_local)
across a co_await that may change threads.
]==]

--[==[takeaway tr
Bir coroutine'i devam ettirmek için handle'ı yeter; onu tutan, herhangi bir
thread'de devam ettirebilir: await_suspend handle'ı bir yürütücünün
kuyruğuna verebilir, kuyruğu çalıştıran thread de coroutine'i devam
ettirir. co_await'ten önceki gövde main'de, sonraki gövde worker'da çalışır;
frame aynıdır, heap'tedir, yalnızca onu çalıştıran yığın değişir. Bu yüzden
bir coroutine, thread değiştirebilecek bir co_await boyunca thread'e bağlı
şeyleri (bir kilit, bir thread_local) tutmamalıdır.
]==]

--[==[takeaway zh
恢复一个协程只需要它的句柄，持有句柄的任何一方都可以在任何线程上恢复它：await_suspend 可以把句柄交给执行器的队列，运行队列的线程再恢复这个协程。co_await 之前的协程体在 main 上运行，之后的在 worker 上运行；协程状态还是同一个，在堆上，变的只是运行它的栈。所以协程不应在可能换线程的 co_await 前后持有与线程绑定的东西（锁、thread_local 变量）。
]==]

--[==[title tr
başka bir thread'de devam etmek: handle'ı bir kuyruğa veren yürütücü.
]==]

--[==[title zh
在另一个线程上恢复：把句柄交给队列的执行器。
]==]
