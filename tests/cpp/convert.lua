-- convert.lua — mirror of convert.cpp: get_return_object returns a Proxy,
-- and R.convert(proxy), R's converting constructor, makes the call's
-- result when control first returns to the caller; then the proxy's
-- __close runs. The same for a "member function" (self as first argument).
local T = require "trace"
local coro, say = T.coro, T.say

local Proxy = {__close = function(p) say("~Proxy %s", p.name) end}

local R = {}
R.__index = R
R.__close = function(r) say("~R"); r.h:destroy() end
function R.convert(p)
  say("R(Proxy %s)", p.name)
  return setmetatable({h = p.h}, R)
end
R.promise_type = coro.promise_type {
  new = function(p, ...) p.eager = select(select("#", ...), ...) end,   -- the last argument
  get_return_object = function(p)
    say("get_return_object")
    return setmetatable({name = "gro", h = coro.from_promise(p)}, Proxy)
  end,
  initial_suspend = function(p)
    return {await_ready = function() say("initial.await_ready"); return p.eager end,
            await_suspend = function() say("initial.await_suspend") end,
            await_resume = function() say("initial.await_resume") end}
  end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function() end,
}

local co = coro.coroutine(R, function()
  say("body")
  coro.co_await(coro.suspend_always)
end)

local Object = {}
Object.method = coro.coroutine(R, function(self)
  say("method body")
  coro.co_await(coro.suspend_always)
end)

say("== lazy")
do local r <close> = co(false); say("call returned") end
say("== eager: the body runs to its first suspension first")
do local r <close> = co(true); say("call returned") end
say("== a member function, eager")
do local r <close> = Object:method(true); say("call returned") end
