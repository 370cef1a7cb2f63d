-- handles.lua — mirror of handles.cpp: handles have identity and equality,
-- convert to coroutine_handle<> (h:erased()), a null handle is false with a
-- nil address, coro.compare is <=>, noop_coroutine() has a promise.
local T = require "trace"
local coro, say = T.coro, T.say

local Co = {}
Co.promise_type = coro.promise_type {
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function() end,
}
local co = coro.coroutine(Co, function() coro.co_return() end)

local a, b = co(), co()
local h = a.h
local again = coro.from_promise(h:promise())
local erased = coro.from_address(h:address())
local converted = h:erased()
local set = {[converted] = true}       -- a table keyed by handles
say("from_promise == h: %s", again == h)
say("erased == h: %s", erased == h)
say("converted == erased: %s", converted == erased)
say("they hash alike: %s", set[again:erased()] == true)
say("h is true: %s", h:operator_bool())
say("null is true: %s, its address is null: %s", coro.null:operator_bool(),
    coro.null:address() == nil)
say("a <=> a == 0: %s", coro.compare(a.h, a.h) == 0)
say("a <=> b is the order of the addresses: %s", (coro.compare(a.h, b.h) < 0) == (a.h < b.h))
local noop = coro.noop_coroutine()
say("noop done: %s", noop:done())
noop:resume()
noop:destroy()
say("noop has a promise: %s", noop:promise() ~= nil)
a.h:destroy()
b.h:destroy()
