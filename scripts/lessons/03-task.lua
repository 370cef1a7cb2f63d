-- 03-task.lua — task<int>: outer co_awaits inner, which co_returns 42;
-- outer co_returns 84. Lazy tasks; co_await starts inner by symmetric
-- transfer, and inner's final suspend transfers back to outer.
local here = arg and arg[0] and arg[0]:match("^(.*)/") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local coro = require "coro"
local Task = require "task"

local inner = coro.coroutine(Task, function()
  coro.co_return(42)
end, "inner")

local outer = coro.coroutine(Task, function()
  local v = coro.co_await(coro.temporary(inner()))  -- dies right after it
  print("inner gave", v)
  coro.co_return(v * 2)
end, "outer")

local t <close> = outer()
print("outer gave", t:run())
