-- plain.lua — the floor of yields.lua in the page: the same n values
-- (arg[1], else 100,000) summed through a plain Lua coroutine, no coro:
-- what Lua's own yield costs in WebAssembly (a longjmp each, ldo.c).
local n = math.tointeger(tonumber(arg and arg[1])) or 100000
local gen = coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
local sum = 0
for _ = 1, n do sum = sum + gen() end
assert(sum == n * (n + 1) // 2, "wrong sum " .. sum)
