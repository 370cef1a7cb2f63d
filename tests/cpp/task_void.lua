-- task_void.lua — mirror of task_void.cpp with coro.task, which is
-- task<void> (co_return(), flowing off) and task<T> (co_return(v)) at once.
local T = require "trace"
local coro, say = T.coro, T.say
local co_await, co_return = coro.co_await, coro.co_return

local id = coro.observe(function(ev)   -- coro.task's members are C's: watch them
  if ev.kind == "return_void" or ev.kind == "return_value" then say(ev.kind) end
end)

local returns_nothing = coro.coroutine(coro.task, function()
  local l <close> = T.Local("local")
  say("co_return;")
  co_return()
end)
local flows_off = coro.coroutine(coro.task, function()
  local l <close> = T.Local("local")
  co_await(coro.suspend_never)
  say("flowing off")
end)
local returns_seven = coro.coroutine(coro.task, function()
  local l <close> = T.Local("local")
  co_return(7)
end)
local outer = coro.coroutine(coro.task, function()
  co_await(coro.temporary(returns_nothing()))
  co_await(coro.temporary(flows_off()))
  local v = co_await(coro.temporary(returns_seven()))
  say("got %d", v)
  co_return(v)
end)

local t <close> = outer()
say("result %d", t:run())
coro.unobserve(id)
