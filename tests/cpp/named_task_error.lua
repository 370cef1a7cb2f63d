-- named_task_error.lua — mirror of named_task_error.cpp with coro.task: a
-- named task that raised keeps its error and raises it at each co_await.
local T = require "trace"
local coro, say = T.coro, T.say
local co_await = coro.co_await

local awaiter_calls = {await_ready = true, await_suspend = true, await_resume = true}
local id = coro.observe(function(ev)   -- coro.task's members are C's: watch them
  if awaiter_calls[ev.kind] and ev.detail == "task" then say("task.%s", ev.kind)
  elseif ev.kind == "unhandled_exception" then say("unhandled_exception") end
end)

local failure = setmetatable({}, {__tostring = function() return "child failed" end})
local child = coro.coroutine(coro.task, function() error(failure) end)

local outer = coro.coroutine(coro.task, function(named)
  local _, first = pcall(co_await, named)
  say("first co_await: caught %s", tostring(first))
  local _, second = pcall(co_await, named)
  say("second co_await: caught %s", tostring(second))
  say("the same error: %s", rawequal(first, second))
end)

do
  local named <close> = child()
  local t <close> = outer(named)
  t:run()
  say("outer done: %s", t.h:done())
end
coro.unobserve(id)
