-- eager_future.lua — mirror of eager_future.cpp (Rainer Grimm's eager
-- future): get_return_object returns the shared box, and Future.convert,
-- the converting constructor, takes it when the call returns — after the
-- eager body ran and the frame went (final_suspend is suspend_never).
local T = require "trace"
local coro, say = T.coro, T.say

local Future = {}
Future.__index = Future
Future.__close = function() say("~Future") end
function Future.convert(box)
  say("Future(shared_ptr)")
  return setmetatable({value = box}, Future)
end
function Future:get() say("get"); return self.value[1] end

Future.promise_type = coro.promise_type {
  new = function(p) p.box = {0}; say("promise_type") end,
  __close = function() say("~promise_type") end,
  get_return_object = function(p) say("get_return_object"); return p.box end,
  initial_suspend = function() say("initial_suspend"); return coro.suspend_never end,
  final_suspend = function() say("final_suspend"); return coro.suspend_never end,
  return_value = function(p, v) say("return_value(%d)", v); p.box[1] = v end,
  unhandled_exception = function() end,
}

local create_future = coro.coroutine(Future, function()
  say("body")
  coro.co_return(2021)
end)

local fut <close> = create_future()
say("fut.get(): %d", fut:get())
