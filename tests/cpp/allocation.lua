-- allocation.lua — mirror of allocation.cpp: operator_new(size, ...) says
-- yes with the value operator_delete(ptr, size) then gets back, with the
-- same size.
local T = require "trace"
local coro, say = T.coro, T.say

local handed_out, asked
local Co = {}
Co.promise_type = coro.promise_type {
  operator_new = function(n, a, b)
    say("operator new(size, %d, %d)", a, b)
    asked = n
    handed_out = {"the block"}
    return handed_out
  end,
  operator_delete = function(p, n)
    say("operator delete: the same pointer %s, the same size %s",
        rawequal(p, handed_out) and "yes" or "no", n == asked and "yes" or "no")
  end,
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function() end,
}
local co = coro.coroutine(Co, function() coro.co_return() end)

local c = co(1, 2)
c.h:resume()
say("destroy")
c.h:destroy()
