-- chain20.lua — twenty tasks, each awaiting the next (symmetric transfer
-- down the chain and back): a run whose DOT export must stay readable
local coro = require "coro"
local Task = require "task"
local link
link = coro.coroutine(Task, function(n)
  if n == 1 then coro.co_return(1) end
  coro.co_return(1 + coro.co_await(coro.temporary(link(n - 1))))
end, "link")
local t <close> = link(20)
print("chain of", t:run())
