-- try_blocks.lua — mirror of try_blocks.cpp: a function that pcall calls
-- from the body is a try block: co_await, co_yield and co_return work in
-- it, and what is raised unwinds to that pcall, not to unhandled_exception.
local T = require "trace"
local coro, say = T.coro, T.say
local co_await, co_yield, co_return = coro.co_await, coro.co_yield, coro.co_return

local Throwing = {}                    -- an awaiter that throws in a member
Throwing.__index = Throwing
Throwing.__close = function(a) say("~%s", a.name) end
function Throwing:await_ready() say("%s.await_ready", self.name); return false end
function Throwing:await_suspend()
  say("%s.await_suspend", self.name)
  if self.where == "s" then error("from await_suspend", 0) end
end
function Throwing:await_resume()
  say("%s.await_resume", self.name)
  if self.where == "r" then error("from await_resume", 0) end
  return 1
end
local function throwing(name, where)
  return coro.temporary(setmetatable({name = name, where = where}, Throwing))
end

local Gen = {}
Gen.promise_type = coro.promise_type {
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  yield_value = function(p, v) say("yield_value(%d)", v); p.current = v; return coro.suspend_always end,
  return_void = function() say("return_void") end,
  unhandled_exception = function() say("unhandled_exception") end,
}

local body = coro.coroutine(Gen, function()
  local ok, err = pcall(function()
    local l <close> = T.Local("in try 1")
    co_await(throwing("resume_throws", "r"))
    say("never")
  end)
  if not ok then say("caught: %s", err) end
  ok, err = pcall(function()
    local l <close> = T.Local("in try 2")
    co_await(throwing("suspend_throws", "s"))
    say("never")
  end)
  if not ok then say("caught: %s", err) end
  ok, err = pcall(function()
    local l <close> = T.Local("in try 3")
    co_yield(1)
    error("from the body", 0)
  end)
  if not ok then say("caught: %s", err) end
  ok = pcall(function()
    local l <close> = T.Local("in try 4")
    co_yield(2)
    co_return()
  end)
  say("never")
end)

local g = body()
while not g.h:done() do
  say("resume")
  g.h:resume()
end
say("destroy")
g.h:destroy()
