-- task.lua — a lazy task<T> written in plain Lua: the readable reference for
-- the built-in coro.task. co_await on a task starts it by symmetric
-- transfer; its final suspend transfers back to the awaiting coroutine; an
-- error is stored and rethrown by await_resume.
local coro = require "coro"

local Task = {__name = "task"}          -- __name: how events describe it
Task.__index = Task

-- the final awaiter: resume whoever awaited us, or return to the resumer
local final_awaiter = {
  name = "task::final_awaiter",
  await_ready = function() return false end,
  await_suspend = function(_, h)
    return h:promise().continuation or coro.noop_coroutine()
  end,
  await_resume = function() end,
}

Task.promise_type = coro.promise_type {
  __name = "task",
  get_return_object = function(p)
    return setmetatable({h = coro.from_promise(p)}, Task)
  end,
  initial_suspend = function(p) return coro.suspend_always end,
  final_suspend = function(p) return final_awaiter end,
  return_value = function(p, v) p.value = v end,
  unhandled_exception = function(p, err) p.err = err end,
}

-- a task is its own awaiter: co_await t
function Task:await_ready() return self.h:done() end

function Task:await_suspend(awaiting)
  self.h:promise().continuation = awaiting
  return self.h                          -- symmetric transfer into the task
end

function Task:await_resume()
  local p = self.h:promise()
  if p.err ~= nil then error(p.err, 0) end
  return p.value
end

-- run a task from plain Lua (not from a coroutine) and return its value
function Task:run()
  self.h:resume()
  return self:await_resume()
end

-- the return object owns the frame: ~task() destroys it, at scope exit
-- (local g <close> = ...) or, for one that was dropped, when it is collected
function Task:__close() self.h:destroy() end
function Task:__gc()
  if coro.info(self.h) then pcall(self.h.destroy, self.h) end
end

return Task
