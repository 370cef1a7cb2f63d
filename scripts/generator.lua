-- generator.lua — a lazy generator, self-contained: range(n) co_yields
-- 0..n-1; the consumer resumes it and reads each value from the promise.
-- Try: corolab --trace scripts/generator.lua
local coro = require "coro"

local Generator = {}
Generator.__index = Generator
Generator.promise_type = coro.promise_type {
  name = "Generator::promise_type",
  get_return_object   = function(p) return setmetatable({h = coro.from_promise(p)}, Generator) end,
  initial_suspend     = function(p) return coro.suspend_always end,
  final_suspend       = function(p) return coro.suspend_always end,
  yield_value         = function(p, v) p.current = v; return coro.suspend_always end,
  return_void         = function(p) end,
  unhandled_exception = function(p, err) p.err = err end,
}

local range = coro.coroutine(Generator, function(n)
  for i = 0, n - 1 do coro.co_yield(i) end
end, "range")

local g = range(2)
g.h:resume()
while not g.h:done() do
  print("value", g.h:promise().current)
  g.h:resume()
end
g.h:destroy()
