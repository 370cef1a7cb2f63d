-- 01-lazy-generator.lua — the smallest generator, and the whole lifecycle.
-- The return type (Generator) names its promise type; the promise type's
-- members are what the compiler calls. initial_suspend = suspend_always
-- makes it lazy: calling range(3) only builds the frame and the promise.
local coro = require "coro"

local Generator = {}
Generator.__index = Generator
Generator.promise_type = coro.promise_type {
  __name = "Generator::promise_type",
  get_return_object = function(p) return setmetatable({h = coro.from_promise(p)}, Generator) end,
  initial_suspend = function(p) return coro.suspend_always end,
  final_suspend = function(p) return coro.suspend_always end,
  yield_value = function(p, v) p.current = v; return coro.suspend_always end,
  return_void = function(p) end,
  unhandled_exception = function(p, err) p.err = err end,
}

-- co_yield i is co_await promise.yield_value(i)
local range = coro.coroutine(Generator, function(n)
  for i = 0, n - 1 do coro.co_yield(i) end
end, "range")

local g = range(3)                     -- suspended at its initial suspend point
print("done after the call?", g.h:done())
g.h:resume()                           -- runs to the first co_yield
while not g.h:done() do
  print("value", g.h:promise().current)
  g.h:resume()                         -- past the last co_yield: final suspend
end
print("done at the end?", g.h:done())
g.h:destroy()                          -- the frame is gone; g.h dangles
