-- yields.lua — a script as a learner runs it: a built-in generator yielding
-- 200,000 values (or arg[1]), summed. bench/run times it in `lua5.4 -l
-- coro` and in `corolab` with nobody watching (no --trace, --export or
-- prompt), and 100,000 in `corolab` against the page's module (bench/web).
local coro = require "coro"
local n = math.tointeger(tonumber(arg and arg[1])) or 200000
local g = coro.coroutine(coro.generator, function(k)
  for i = 1, k do coro.co_yield(i) end
end, "numbers")(n)
local sum = 0
while true do
  local v = g:next()
  if v == nil then break end
  sum = sum + v
end
assert(sum == n * (n + 1) // 2, "wrong sum " .. sum)
