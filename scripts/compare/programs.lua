-- programs.lua — the programs the pairs in this folder run, each with the
-- one policy its pair varies; compare a pair's runs event by event with
-- `corolab --diff A B` (programs.pairs lists them). Built into corolab as
-- the module compare.programs, with the pairs under their names, so that
-- `:diff lazy eager` works from any folder.
local coro = require "coro"

local programs = {
  pairs = {{"lazy", "eager"}, {"final-suspended", "final-not-suspended"},
           {"transfer", "nested"}},
}

-- a task with the given initial_suspend and final_suspend awaiters: called
-- with 21, resumed until it has its value (84), destroyed if its frame is
-- still there (a final_suspend that does not suspend destroyed it)
function programs.task(initial, final)
  local Task = {}
  Task.promise_type = coro.promise_type {
    __name = "Task::promise_type",
    get_return_object = function(p)
      p.task = {h = coro.from_promise(p)}
      return p.task
    end,
    initial_suspend = function(p) return initial end,
    final_suspend = function(p) return final end,
    return_value = function(p, v) p.task.value = v end,
    unhandled_exception = function(p, err) error(err, 0) end,
  }
  local work = coro.coroutine(Task, function(n)
    coro.co_await(coro.suspend_always)
    coro.co_return(n * 4)
  end, "work")
  local t = work(21)
  while t.value == nil do t.h:resume() end
  print("value", t.value)
  if final == coro.suspend_always then t.h:destroy() end
end

-- a chain of n lazy tasks, each awaiting the next, started from the top:
-- how = "transfer" (await_suspend returns the handle to run) or "nested"
-- (await_suspend resumes it there and then)
function programs.chain(how, n)
  local T = {}
  T.__index = T
  local final = {
    await_ready = function() return false end,
    await_suspend = function(_, h)
      local next = h:promise().continuation
      if how == "transfer" then return next end
      next:resume()
    end,
    await_resume = function() end,
  }
  T.promise_type = coro.promise_type {
    __name = "Task::promise_type",
    get_return_object = function(p) return setmetatable({h = coro.from_promise(p)}, T) end,
    initial_suspend = function(p) return coro.suspend_always end,
    final_suspend = function(p) return final end,
    return_value = function(p, v) p.value = v end,
    unhandled_exception = function(p, err) error(err, 0) end,
  }
  function T:await_ready() return false end
  function T:await_suspend(awaiting)
    self.h:promise().continuation = awaiting
    if how == "transfer" then return self.h end
    self.h:resume()
  end
  function T:await_resume() return self.h:promise().value end
  local link
  link = coro.coroutine(T, function(k)
    if k == 0 then coro.co_return(0) end
    local child = link(k - 1)
    local v = coro.co_await(child)
    child.h:destroy()
    coro.co_return(v + 1)
  end, "link")
  local top = link(n)
  top.h:promise().continuation = coro.noop_coroutine()
  top.h:resume()
  print("value", top.h:promise().value)
  top.h:destroy()
end

return programs
