-- generators.lua — a Lua-body generator yielding 0..n-1, per resume + yield,
-- timed interleaved in one process:
--   plain    plain Lua coroutine.wrap (the baseline): f()
--   builtin  coro.coroutine(coro.generator, body): the built-in C promise
--            type, called as the baseline is: g()
--   method   the same, through g:next() in a closure
--   promise  coro.coroutine(Generator, body): a promise type written in Lua
-- Without the coro module only plain runs. Usage: lua5.4 generators.lua
-- [n] [reps]. Prints lua_<mode>_ns.
local bench = require "benchlib"
local n, reps = tonumber(arg[1] or 1000000), tonumber(arg[2] or 5)

-- a runner for a maker: make(k) returns next() and a clean-up function
local function runner(mode, make)
  return function(k)
    local nxt, finish = make(k)
    local sum = 0
    for _ = 1, k do sum = sum + nxt() end
    bench.check(mode .. " generator sum", sum, k * (k - 1) // 2)
    finish()
  end
end

local modes = {"plain"}
local runs = {runner("plain", function(k)
  return coroutine.wrap(function() for i = 0, k - 1 do coroutine.yield(i) end end),
         function() end
end)}

local ok, api = pcall(require, "coroapi")
if ok then
  local co_yield = api.coro.co_yield
  local function body(k) for i = 0, k - 1 do co_yield(i) end end
  local builtin = api.coro.coroutine(api.coro.generator, body)
  local promise = api.coro.coroutine(api.LuaGenerator, body)
  for _, m in ipairs({{"builtin", builtin}, {"method", builtin, true}, {"promise", promise}}) do
    local mode, range, method = m[1], m[2], m[3]
    modes[#modes + 1] = mode
    runs[#runs + 1] = runner(mode, function(k)
      local g = range(k)
      return api.next_of(g, method), function() api.destroy(g) end
    end)
  end
else
  io.stderr:write("generators.lua: no coro module: ", tostring(api):match("[^\n]*"), "\n")
end

local ns = bench.interleave(runs, n, reps)
for i, mode in ipairs(modes) do bench.print("lua_" .. mode .. "_ns", ns[i]) end
