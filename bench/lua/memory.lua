-- memory.lua — bytes per suspended Lua-body frame, all in (the Lua coroutine
-- or thread running the body, the core's frame, handles, return object):
-- n generators of coro.generator are created and left suspended at a
-- co_yield; the growth of the process's resident set (and of Lua's heap),
-- divided by n. A plain Lua coroutine is measured the same way.
-- Usage: lua5.4 memory.lua [n]. Prints mem_lua_* figures.
local bench = require "benchlib"
local n = tonumber(arg[1] or 100000)

local function per_frame(make)
  local keep = {}
  for i = 1, n do keep[i] = false end             -- the array itself is not counted
  collectgarbage("collect"); collectgarbage("collect")
  local rss, heap = bench.rss_bytes(), collectgarbage("count") * 1024
  for i = 1, n do keep[i] = make() end
  collectgarbage("collect"); collectgarbage("collect")
  local drss = (bench.rss_bytes() - rss) / n
  local dheap = (collectgarbage("count") * 1024 - heap) / n
  return drss, dheap, keep
end

-- first the coro frames (kept until the end), so that no memory freed
-- before is reused under them: the core allocates its frames with malloc,
-- outside Lua's heap, so only the resident set sees them all
local api = require "coroapi"
local co_yield = api.coro.co_yield
local range = api.coro.coroutine(api.coro.generator, function(k)
  for i = 1, k do co_yield(i) end
end)
local rss, heap, keep = per_frame(function()
  local g = range(3)                                      -- suspended at a co_yield:
  bench.check("memory: first value", api.next_of(g)(), 1)
  return g
end)
bench.print("mem_lua_rss_bytes", rss)
bench.print("mem_lua_heap_bytes", heap)
bench.print("mem_lua_bytes_per_frame", math.max(rss, heap))

local function body() for i = 1, 3 do coroutine.yield(i) end end
local prss, pheap = per_frame(function()
  local co = coroutine.create(body)
  bench.check("memory: plain first value", select(2, coroutine.resume(co)), 1)
  return co
end)
bench.print("mem_lua_plain_rss_bytes", prss)
bench.print("mem_lua_plain_heap_bytes", pheap)
for i = 1, n do api.destroy(keep[i]) end
