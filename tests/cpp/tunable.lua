-- tunable.lua — mirror of tunable.cpp: get_return_object returns a handle,
-- and R.convert(h), the converting constructor, makes the call's result;
-- then the handle ends, which destroys nothing (a handle owns no frame, so
-- the runtime never closes one). An Owner, whose own __close destroys the
-- frame it still owns, is closed once, right after the conversion.
local T = require "trace"
local coro, say = T.coro, T.say

local Tunable = {}
Tunable.__index = Tunable
Tunable.__close = function(t) say("~Tunable"); t.h:destroy() end
function Tunable.convert(h)
  say("Tunable(handle)")
  return setmetatable({h = h}, Tunable)
end
Tunable.promise_type = coro.promise_type {
  get_return_object = function(p)
    say("get_return_object: a handle")
    return coro.from_promise(p)
  end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function() end,
}

local tune = coro.coroutine(Tunable, function()
  say("body")
  coro.co_await(coro.suspend_always)
  say("tuned")
end, "tune")

local Owner = {}                      -- owns the frame until it is taken
Owner.__close = function(o)
  say("~Owner: %s", o.h and "destroys the frame" or "owns nothing any more")
  if o.h then o.h:destroy() end
end

local Owned = {}
Owned.__index = Owned
Owned.__close = function(o) say("~Owned"); if o.h then o.h:destroy() end end
function Owned.convert(o)
  local h = o.h
  o.h = nil
  say("Owned(Owner&&): takes the frame")
  return setmetatable({h = h}, Owned)
end
Owned.promise_type = coro.promise_type {
  __close = function() say("~promise_type") end,
  get_return_object = function(p)
    say("get_return_object: an Owner")
    return setmetatable({h = coro.from_promise(p)}, Owner)
  end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function() end,
}

local owned = coro.coroutine(Owned, function()
  say("owned body")
  coro.co_return()
end, "owned")

say("== a handle is converted, and ending it destroys nothing")
do
  local t <close> = tune()
  say("call returned")
  t.h:resume()
  t.h:resume()
  say("done %s", t.h:done() and "yes" or "no")
end
say("== an owner is converted, then destroyed once")
do
  local o <close> = owned()
  say("call returned")
  o.h:resume()
  say("done %s", o.h:done() and "yes" or "no")
end
