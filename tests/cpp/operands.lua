-- operands.lua — mirror of operands.cpp: co_await(x) names its operand, so
-- the co_await never closes it; coro.temporary(v) is the prvalue, closed at
-- the co_await's end (or when the frame is destroyed suspended there).
local T = require "trace"
local coro, say = T.coro, T.say
local co_await, co_return = coro.co_await, coro.co_return

local Task = {}                        -- a lazy task, its own awaiter
Task.__index = Task
Task.__close = function(t) say("~%s", t.name); t.h:destroy() end
function Task:await_ready() return self.h:done() end
function Task:await_suspend(c) self.h:promise().continuation = c; return self.h end
function Task:await_resume() say("%s.await_resume", self.name); return self.h:promise().value end
Task.promise_type = coro.promise_type {
  get_return_object = function(p) return setmetatable({h = coro.from_promise(p), name = "task"}, Task) end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function()
    return {await_ready = function() return false end,
            await_suspend = function(_, h) return h:promise().continuation end,
            await_resume = function() end}
  end,
  return_value = function(p, v) p.value = v end,
  unhandled_exception = function() end,
}
local answer = coro.coroutine(Task, function() co_return(42) end)

local Plain = coro.promise_type {       -- a lazy coroutine; the handle is r.h
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() say("return_void") end,
  unhandled_exception = function() end,
}

local Passing = coro.promise_type {     -- await_transform returns its argument
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() say("return_void") end,
  unhandled_exception = function() end,
  await_transform = function(p, a) say("await_transform(%s)", a.name); return a end,
}

local cases = {
  {"named awaiter, awaited twice", Plain, function()
    local aw <close> = T.Aw("named")
    co_await(aw)
    say("between")
    co_await(aw)
    say("end of body")
  end},
  {"temporary awaiter", Plain, function()
    co_await(coro.temporary(T.Aw("temp", true)))
    say("after the co_await")
  end},
  {"named task, awaited twice", Plain, function()
    local t <close> = answer()
    t.name = "named task"
    local v = co_await(t)
    say("got %d", v)
    v = co_await(t)
    say("again %d", v)
  end},
  {"temporary task", Plain, function()
    local v = co_await(coro.temporary(answer()))
    say("got %d", v)
  end},
  {"await_transform returns a named operand", Passing, function()
    local aw <close> = T.Aw("named", true)
    co_await(aw)
    say("after")
  end},
  {"await_transform returns a temporary operand", Passing, function()
    co_await(coro.temporary(T.Aw("temp", true)))
    say("after")
  end},
  {"destroy while suspended at a named awaiter", Plain, function()
    local l <close> = T.Local("local")
    local aw <close> = T.Aw("named")
    co_await(aw)
  end, true},
  {"destroy while suspended at a temporary awaiter", Plain, function()
    local l <close> = T.Local("local")
    co_await(coro.temporary(T.Aw("temp")))
  end, true},
}

for _, case in ipairs(cases) do
  local title, P, body, destroy_while_suspended = table.unpack(case)
  say("== %s", title)
  local r = coro.coroutine(P, body)()
  r.h:resume()
  if not destroy_while_suspended then
    while not r.h:done() do r.h:resume() end
  end
  say("destroy")
  r.h:destroy()
end
