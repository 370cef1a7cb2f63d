-- task.lua — two lazy tasks, self-contained: outer co_awaits inner, which
-- co_returns 21; co_await starts inner by symmetric transfer and inner's
-- final awaiter transfers back to outer. Try: corolab --trace scripts/task.lua
local coro = require "coro"

local Task = {}
Task.__index = Task

local final_awaiter = {              -- resume whoever awaited us, else return
  await_ready = function() return false end,
  await_suspend = function(_, h)
    return h:promise().continuation or coro.noop_coroutine()
  end,
  await_resume = function() end,
}

Task.promise_type = coro.promise_type {
  name = "Task::promise_type",
  get_return_object   = function(p) return setmetatable({h = coro.from_promise(p)}, Task) end,
  initial_suspend     = function(p) return coro.suspend_always end,
  final_suspend       = function(p) return final_awaiter end,
  return_value        = function(p, v) p.value = v end,
  unhandled_exception = function(p, err) p.err = err end,
}

function Task:await_ready() return self.h:done() end
function Task:await_suspend(awaiting)
  self.h:promise().continuation = awaiting
  return self.h                      -- symmetric transfer into the task
end
function Task:await_resume() return self.h:promise().value end

local inner = coro.coroutine(Task, function() coro.co_return(21) end, "inner")

local outer = coro.coroutine(Task, function()
  local t = inner()
  local v = coro.co_await(t)
  t.h:destroy()
  coro.co_return(v * 2)
end, "outer")

local t = outer()
t.h:resume()
print("outer gave", t.h:promise().value)
t.h:destroy()
