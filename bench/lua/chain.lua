-- chain.lua — a symmetric-transfer chain of Lua-body tasks (coro.task):
-- node(k) awaits node(k-1), node(0) returns 0, each adds 1, so all n frames
-- are alive at the bottom. Usage: lua5.4 chain.lua [n]. Prints lua_chain_*.
local bench = require "benchlib"
local api = require "coroapi"
local coro = api.coro
local co_await, co_return = coro.co_await, coro.co_return
local n = tonumber(arg[1] or 1000000)

local node
node = coro.coroutine(coro.task, function(k)
  if k == 0 then return co_return(0) end
  return co_return(co_await(coro.temporary(node(k - 1))) + 1)
end)

local function run(k)
  local t = node(k - 1)
  bench.check("lua chain result", api.run_task(t), k - 1)
  api.destroy(t)
end

run(10)
bench.print("lua_chain_n", n)
bench.print("lua_chain_ns_per_link", bench.ns_per_op(run, n, 1))
bench.print("lua_chain_peak_rss_mb", bench.peak_rss_mb())
