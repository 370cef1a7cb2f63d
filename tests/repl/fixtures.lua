-- fixtures.lua — what the terminal tests play with (corolab -i fixtures.lua):
-- a generator type, range(n), a spinning body for Ctrl-C, and a coroutine
-- whose body resumes another one (a nested resume).
local here = debug.getinfo(1, "S").source:match("^@(.*)/") or "."
package.path = here .. "/../../scripts/lib/?.lua;" .. package.path
Generator = require "generator"         -- the plain-Lua references
Task = require "task"

range = coro.coroutine(Generator, function(n)
  for i = 0, n - 1 do coro.co_yield(i) end
end, "range")

spin = coro.coroutine(Generator, function()
  print("spinning")
  local n = 0
  while true do n = n + 1 end
end, "spin")

-- drives an inner generator from its own body: inner resumes nest at depth 1
driver = coro.coroutine(Generator, function()
  local inner = range(2)
  inner.h:resume()
  coro.co_yield(inner.h:promise().current)
  inner.h:destroy()
end, "driver")

-- lazy tasks: outer co_awaits inner; both hops are symmetric transfers
inner = coro.coroutine(Task, function() coro.co_return(21) end, "inner")
outer = coro.coroutine(Task, function()
  local v = coro.co_await(coro.temporary(inner()))  -- dies after the co_await
  coro.co_return(v * 2)
end, "outer")
