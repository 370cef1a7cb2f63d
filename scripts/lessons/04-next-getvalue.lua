-- 04-next-getvalue.lua — a generator with next()/getValue(), as C++
-- tutorials write it, and the same generator in a generic for.
local here = arg and arg[0] and arg[0]:match("^(.*)/") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local coro = require "coro"
local Generator = require "generator"

local fib = coro.coroutine(Generator, function(n)
  local a, b = 0, 1
  for _ = 1, n do
    coro.co_yield(a)
    a, b = b, a + b
  end
end, "fib")

local gen <close> = fib(8)
while gen:next() do io.write(gen:getValue(), " ") end
print()

local squares <close> = coro.coroutine(Generator, function(n)
  for i = 1, n do coro.co_yield(i * i) end
end, "squares")(4)
for v in squares do io.write(v, " ") end
print()
