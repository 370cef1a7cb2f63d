-- 02-eager-range.lua — initial_suspend = suspend_never: the body runs
-- during the call, up to its first co_yield, before range(10) returns.
local coro = require "coro"

local Eager = {}
Eager.promise_type = coro.promise_type {
  __name = "Eager::promise_type",
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function(p) return coro.suspend_never end,
  final_suspend = function(p) return coro.suspend_always end,
  yield_value = function(p, v) p.current = v; return coro.suspend_always end,
  return_void = function(p) end,
  unhandled_exception = function(p, err) error(err, 0) end,
}

local range = coro.coroutine(Eager, function(n)
  for i = 0, n - 1 do coro.co_yield(i) end
end, "range")

local r = range(10)                    -- already at co_yield 0
while not r.h:done() do
  io.write(r.h:promise().current, " ")
  r.h:resume()
end
print()
r.h:destroy()
