-- isolation_other.lua — a generator stepped twice: compared after
-- isolation_observer.lua, whose observer must not reach it
local coro = require "coro"
local g = coro.coroutine(coro.generator, function()
  coro.co_yield(1)
  coro.co_yield(2)
end, "two")()
print("other got", g:next(), g:next())
