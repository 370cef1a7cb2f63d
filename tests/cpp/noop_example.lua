-- noop_example.lua — mirror of noop_example.cpp (the scenario of
-- cppreference's std::noop_coroutine example): two named tasks awaited by
-- a third; the named tasks are <close> locals, destroyed at the end of the
-- body, never by the co_await.
local T = require "trace"
local coro, say = T.coro, T.say
local co_await, co_return = coro.co_await, coro.co_return

local Task = {}
Task.__index = Task
Task.__close = function(t) say("~Task %s", t.h:promise().name); t.h:destroy() end

local FinalAwaiter = {
  await_ready = function() return false end,
  await_suspend = function(_, h)
    local p = h:promise()
    if p.previous then
      say("%s: final: back to the awaiting coroutine", p.name)
      return p.previous
    end
    say("%s: final: noop_coroutine()", p.name)
    return coro.noop_coroutine()
  end,
  await_resume = function() end,
}

Task.promise_type = coro.promise_type {
  new = function(p, name) p.name = name; p.result = 0 end,
  __close = function(p) say("%s: ~promise_type", p.name) end,
  get_return_object = function(p) return setmetatable({h = coro.from_promise(p)}, Task) end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return FinalAwaiter end,
  return_value = function(p, v) say("%s: return_value(%d)", p.name, v); p.result = v end,
  unhandled_exception = function(p, e) error(e, 0) end,
}

function Task:operator_co_await()     -- the awaiter it makes
  local h = self.h
  return {
    await_ready = function() return false end,
    await_suspend = function(_, awaiting) h:promise().previous = awaiting; return h end,
    await_resume = function() return h:promise().result end,
  }
end

function Task:__call()                -- run it from plain code
  self.h:resume()
  return self.h:promise().result
end

local four = coro.coroutine(Task, function()
  say("in four()")
  co_return(4)
end)

local test = coro.coroutine(Task, function()
  local v <close> = four("v")
  local u <close> = four("u")
  say("in test()")
  local x = co_await(v) + co_await(u)
  co_return(x)
end)

local t <close> = test("test")
local result = t()
say("result %d", result)
