-- arguments.lua — mirror of arguments.cpp: coro.args makes a call's
-- arguments in the order coro.order picks (g++ 12: last to first); each
-- is a temporary of the call's full-expression (coro.full), dying at its
-- end, last made first; __copy copies each into the frame, in the order of
-- the parameters, and the copies die at ~parameters in the order
-- coro.order picks.
local T = require "trace"
local coro, say = T.coro, T.say
local temporary = coro.temporary

local P = {}
P.__index = P
P.__copy = function(o)
  say("copy %s", o.name)
  return setmetatable({name = o.name, copy = true}, P)
end
P.__close = function(p) say(p.copy and "~copy %s" or "~P(%s)", p.name) end
local function p(name) say("P(%s)", name); return setmetatable({name = name}, P) end

local Co = {}
Co.promise_type = coro.promise_type {
  get_return_object = function(pr) return {h = coro.from_promise(pr)} end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function() end,
}

local co = coro.coroutine(Co, function(a, b)
  say("body(%s, %s)", a.name, b.name)
  coro.co_return()
end, "co", {"P", "P"})

local c = coro.full(function()       -- Co c = co(P("a"), P("b"));
  return co(coro.args(function() return temporary(p("a")) end,
                      function() return temporary(p("b")) end))
end)
say("called")
c.h:resume()
say("destroy")
c.h:destroy()
