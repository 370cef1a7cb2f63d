-- 09-errors.lua — errors. In the body (after the initial await_resume) an
-- error goes to promise.unhandled_exception(), which may store it (the
-- result rethrows it later) or rethrow it to the resumer at once. Before
-- the initial await_resume (here: initial_suspend itself fails) it goes
-- straight to the caller, and the frame is torn down.
local coro = require "coro"

local function Result(rethrow, initial)
  local R = {}
  R.promise_type = coro.promise_type {
    __name = "Result::promise_type",
    get_return_object = function(p) return {h = coro.from_promise(p)} end,
    initial_suspend = function(p)
      if not initial then error("initial_suspend failed", 0) end
      return initial
    end,
    final_suspend = function(p) return coro.suspend_always end,
    return_void = function(p) end,
    unhandled_exception = function(p, err)
      print("unhandled_exception:", err)
      if rethrow then error(err, 0) end
      p.err = err                      -- stored: std::current_exception()
    end,
  }
  return R
end

local function failing(rethrow, initial, name)
  return coro.coroutine(Result(rethrow, initial), function() error(name .. " failed", 0) end, name)
end

local stored = failing(false, coro.suspend_always, "stored")()
stored.h:resume()                      -- returns normally: the error is stored
print("stored: done?", stored.h:done(), "error", stored.h:promise().err)
stored.h:destroy()

local rethrown = failing(true, coro.suspend_always, "rethrown")()
print("rethrown:", pcall(rethrown.h.resume, rethrown.h))
print("rethrown: done?", rethrown.h:done())
rethrown.h:destroy()

print("before the body:", pcall(failing(false, nil, "early")))
assert(#coro.frames() == 0)            -- the frame was torn down

--[==[c++
#include <coroutine>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>

std::string what(std::exception_ptr e) {
  try { std::rethrow_exception(e); } catch (const std::exception &x) { return x.what(); }
}

struct Result {
  struct promise_type {
    bool rethrow = false, fail_initially = false;
    std::exception_ptr err;
    promise_type(bool rethrow, bool fail_initially, const char *)
        : rethrow(rethrow), fail_initially(fail_initially) {}
    Result get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() {
      if (fail_initially) throw std::runtime_error("initial_suspend failed");
      return {};
    }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {
      std::printf("unhandled_exception:\t%s\n", what(std::current_exception()).c_str());
      if (rethrow) throw;
      err = std::current_exception();        // stored
    }
  };
  std::coroutine_handle<promise_type> h;
};

Result failing(bool, bool, const char *name) {
  throw std::runtime_error(std::string(name) + " failed");
  co_return;
}

int main() {
  Result stored = failing(false, false, "stored");
  stored.h.resume();                         // returns normally: the error is stored
  std::printf("stored: done?\t%s\terror\t%s\n", stored.h.done() ? "true" : "false",
              what(stored.h.promise().err).c_str());
  stored.h.destroy();

  Result rethrown = failing(true, false, "rethrown");
  try {
    rethrown.h.resume();
  } catch (const std::exception &e) {
    std::printf("rethrown:\tfalse\t%s\n", e.what());
  }
  std::printf("rethrown: done?\t%s\n", rethrown.h.done() ? "true" : "false");
  rethrown.h.destroy();

  try {
    failing(false, true, "early");
  } catch (const std::exception &e) {
    std::printf("before the body:\tfalse\t%s\n", e.what());
  }
  // the frame was torn down: the exception left the call
}
]==]

--[==[stops
operator_new 1
throw 1                              -- an error in the body
unhandled_exception 1 2              -- stored; rethrown
initial_suspend 3                    -- early: initial_suspend itself fails
]==]

--[==[takeaway en
Which way an error goes depends on initial-await-resume-called. After the
initial await_resume, the body's error goes to
promise.unhandled_exception(): it may store it (the coroutine ends at its
final suspend point and the result rethrows it later) or rethrow it to
whoever resumed. Before that point (a failing promise constructor,
get_return_object or initial_suspend) the error leaves the call itself and
the frame is torn down.
]==]

--[==[takeaway tr
Bir hatanın nereye gideceği initial-await-resume-called'a bağlıdır. İlk
await_resume'dan sonra gövdedeki hata promise.unhandled_exception()'a gider:
onu saklayabilir (coroutine son askıya alma noktasında biter ve sonuç hatayı
sonra yeniden fırlatır) ya da devam ettirene hemen yeniden fırlatabilir. Bu
noktadan önce (başarısız bir promise kurucusu, get_return_object ya da
initial_suspend) hata çağrının kendisinden çıkar ve frame sökülür.
]==]

--[==[takeaway zh
错误的去向取决于 initial-await-resume-called。初始 await_resume 之后，协程体的错误交给 promise.unhandled_exception()：它可以保存错误（协程在最终挂起点结束，之后由结果重新抛出），也可以立即重新抛给恢复方。在此之前（承诺对象构造、get_return_object 或 initial_suspend 失败），错误直接从这次调用抛出，协程状态被拆除。
]==]

--[==[title tr
hatalar: unhandled_exception saklar ya da yeniden fırlatır; ilk await_resume'dan önceki hata çağırana gider.
]==]

--[==[title zh
错误：unhandled_exception 保存或重新抛出；初始 await_resume 之前的错误交给调用方。
]==]
