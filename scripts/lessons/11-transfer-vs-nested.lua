-- 11-transfer-vs-nested.lua — the same chain of tasks, each awaiting the
-- next, run two ways. With symmetric transfer (await_suspend returns the
-- next handle) every resume runs in the same frame of the C stack: the
-- nesting depth stays the same however long the chain. Resuming inside
-- await_suspend (h.resume() there) nests one resume in another: the depth
-- grows with the chain (two levels a link), and a long chain overflows the
-- stack (C++: a crash; corolab and Lua: an error, "C stack overflow" or
-- "nesting limit reached"). (A long run: no trace or export goldens.)
local coro = require "coro"

local function Task(nested)
  local T = {}
  T.__index = T
  local final = {                      -- back to whoever awaited the task
    await_ready = function() return false end,
    await_suspend = function(_, h)
      local next = h:promise().continuation
      if not nested then return next end
      next:resume()                    -- nested: resume it right here
    end,
    await_resume = function() end,
  }
  T.promise_type = coro.promise_type {
    __name = nested and "Nested::promise_type" or "Transfer::promise_type",
    get_return_object = function(p) return setmetatable({h = coro.from_promise(p)}, T) end,
    initial_suspend = function(p) return coro.suspend_always end,
    final_suspend = function(p) return final end,
    return_value = function(p, v) p.value = v end,
    unhandled_exception = function(p, err) error(err, 0) end,
  }
  function T:await_ready() return false end
  function T:await_suspend(awaiting)
    self.h:promise().continuation = awaiting
    if not nested then return self.h end   -- symmetric transfer
    self.h:resume()                        -- nested resume
  end
  function T:await_resume() return self.h:promise().value end
  function T:__close() self.h:destroy() end
  return T
end

local deepest = 0                      -- the deepest resume() nesting seen
coro.observe(function(ev)
  if ev.kind == "resume" then deepest = math.max(deepest, ev.depth) end
end)

local function run(kind, n)
  local T = Task(kind == "nested")
  local link
  link = coro.coroutine(T, function(k)
    if k == 0 then coro.co_return(0) end
    local child <close> = link(k - 1)
    coro.co_return(1 + coro.co_await(child))
  end, "link")
  local top <close> = link(n)
  deepest = 0
  top.h:promise().continuation = coro.noop_coroutine()
  local ok, err = pcall(top.h.resume, top.h)
  print(("%-8s chain of %-4d depth %-4d %s"):format(kind, n, deepest,
    ok and ("result " .. top.h:promise().value) or ("error: " .. tostring(err))))
end

run("transfer", 10)
run("transfer", 100)
run("nested", 10)
run("nested", 20)

--[==[c++
#include <algorithm>
#include <coroutine>
#include <cstdio>
#include <exception>

int depth = 0, deepest = 0;                  // resume() calls, one inside another

void resume_nested(std::coroutine_handle<> h) {
  deepest = std::max(deepest, ++depth);
  h.resume();
  --depth;
}

template <bool Nested> struct Task {
  struct promise_type {
    int value = 0;
    std::coroutine_handle<> continuation;
    Task get_return_object() {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() { return {}; }
    auto final_suspend() noexcept {          // back to whoever awaited the task
      struct final_awaiter {
        bool await_ready() noexcept { return false; }
        std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> h) noexcept {
          auto next = h.promise().continuation;
          if (!Nested || next.address() == std::noop_coroutine().address()) return next;
          resume_nested(next);               // nested: resume it right here
          return std::noop_coroutine();
        }
        void await_resume() noexcept {}
      };
      return final_awaiter{};
    }
    void return_value(int v) { value = v; }
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  explicit Task(std::coroutine_handle<promise_type> h) : h(h) {}
  Task(Task &&) = delete;
  ~Task() { h.destroy(); }
  bool await_ready() { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) {
    h.promise().continuation = awaiting;
    if (!Nested) return h;                   // symmetric transfer
    resume_nested(h);                        // nested resume
    return std::noop_coroutine();
  }
  int await_resume() { return h.promise().value; }
};

template <bool Nested> Task<Nested> link(int k) {
  if (k == 0) co_return 0;
  co_return 1 + co_await link<Nested>(k - 1);
}

template <bool Nested> void run(const char *kind, int n) {
  Task<Nested> top = link<Nested>(n);
  deepest = 0;
  top.h.promise().continuation = std::noop_coroutine();
  top.h.resume();
  std::printf("%-8s chain of %-4d depth %-4d result %d\n", kind, n, deepest,
              top.h.promise().value);
}

int main() {
  run<false>("transfer", 10);
  run<false>("transfer", 100);
  run<true>("nested", 10);
  run<true>("nested", 20);
}
]==]

--[==[stops
operator_new 1
await_suspend 1 if phase == "body"   -- transfer: returns the child's handle
symmetric_transfer 1
await_suspend 1 if phase == "body" and promise_type == "Nested::promise_type"
]==]

--[==[takeaway en
Returning the next handle from await_suspend (symmetric transfer) lets the
runtime jump to it like a tail call: however long the chain, nothing nests.
Calling h.resume() inside await_suspend instead nests one resume in another,
two levels a link; a long enough chain overflows the stack, which in C++ is
a crash. Prefer symmetric transfer, and noop_coroutine() for 'return to
whoever resumed me'.
Compare the two event by event: :diff transfer nested
]==]

--[==[takeaway tr
await_suspend'den bir sonraki handle'ı döndürmek (simetrik aktarım), çalışma
zamanının ona bir kuyruk çağrısı gibi atlamasını sağlar: zincir ne kadar
uzun olursa olsun hiçbir şey iç içe geçmez. await_suspend içinde h.resume()
çağırmak ise bir resume'u diğerinin içine koyar, her halka için iki düzey;
yeterince uzun bir zincir yığını taşırır ve C++'ta bu bir çöküştür. Simetrik
aktarımı ve 'beni devam ettirene dön' için noop_coroutine()'i tercih edin.
İkisini olay olay karşılaştırın: :diff transfer nested
]==]

--[==[takeaway zh
从 await_suspend 返回下一个句柄（对称转移）让运行时像尾调用一样直接跳过去：无论链多长都不会嵌套。而在 await_suspend 内部调用 h.resume()，会把一次恢复嵌套在另一次里面，每个环节两层；链足够长就会栈溢出，在 C++ 中就是崩溃。应优先使用对称转移，用 noop_coroutine() 表示“回到恢复我的一方”。逐个事件对比两者：:diff transfer nested
]==]

--[==[title tr
aynı task zinciri iki yoldan: simetrik aktarımda derinlik sabit, await_suspend içinde resume'da zincirle büyür.
]==]

--[==[title zh
同一条任务链的两种运行方式：对称转移时深度不变，在 await_suspend 里 resume 时深度随链增长。
]==]
