-- task.lua — mirror of task.cpp.
local T = require "trace"
local coro, say = T.coro, T.say

local Task = {}
Task.__index = Task
Task.__close = function(t) say("~Task"); t.h:destroy() end
function Task:await_ready() say("task.await_ready"); return false end
function Task:await_suspend(c)
  local p = self.h:promise()
  say("task.await_suspend -> %s", p.name)
  p.continuation = c
  return self.h
end
function Task:await_resume() say("task.await_resume"); return self.h:promise().value end

local Final = {
  await_ready = function() return false end,
  await_suspend = function(_, h)
    local p = h:promise()
    say("%s: final.await_suspend -> continuation", p.name)
    return p.continuation or coro.noop_coroutine()
  end,
  await_resume = function() end,
}

Task.promise_type = coro.promise_type {
  new = function(p, name) p.name = name; say("%s: promise_type(name)", name) end,
  __close = function(p) say("%s: ~promise_type", p.name) end,
  get_return_object = function(p)
    say("%s: get_return_object", p.name)
    return setmetatable({h = coro.from_promise(p)}, Task)
  end,
  initial_suspend = function(p) say("%s: initial_suspend", p.name); return coro.suspend_always end,
  final_suspend = function(p) say("%s: final_suspend", p.name); return Final end,
  return_value = function(p, v) say("%s: return_value %d", p.name, v); p.value = v end,
  unhandled_exception = function(p) say("%s: unhandled_exception", p.name) end,
}

local inner = coro.coroutine(Task, function(name)
  say("%s: body", name)
  coro.co_return(42)
end)

local outer = coro.coroutine(Task, function(name)
  say("%s: body", name)
  local v = coro.co_await(coro.temporary(inner("inner")))
  say("%s: got %d", name, v)
  coro.co_return(v * 2)
end)

do
  local t <close> = outer("outer")
  say("resume outer")
  t.h:resume()
  say("done %d, result %d", t.h:done() and 1 or 0, t.h:promise().value)
end
