-- generators.lua — a Lua-body generator yielding 0..n-1, per resume + yield,
-- timed interleaved in one process:
--   plain    plain Lua coroutine.wrap (the baseline): f()
--   builtin  coro.coroutine(coro.generator, body): the built-in C promise
--            type, called as the baseline is: g()
--   method   the same, through g:next() in a closure
--   promise  coro.coroutine(Generator, body): a promise type written in Lua
-- and the floors of the two rows (bench/analysis.md), the least any design
-- does:
--   floor          floor.generator (floor.c): a userdata generator, g(),
--                  over the body's thread, with no runtime
--   floor_promise  the Lua promise type's own work in plain Lua, with no
--                  runtime: h:resume() resumes the body's thread and calls
--                  yield_value, then h:done() and h:promise().current
-- Without the coro module only plain and floor_promise run (floor needs
-- floor.so). Usage: lua5.4 generators.lua [n] [reps]. Prints lua_<mode>_ns.
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

-- a promise type's members and a handle's, in plain Lua: no runtime
local function promise_floor(k)
  local always = {}
  local Promise = {yield_value = function(p, v) p.current = v; return always end}
  Promise.__index = Promise
  local p = setmetatable({}, Promise)
  local T = coroutine.create(function() for i = 0, k - 1 do coroutine.yield(i) end end)
  local resume, status, done = coroutine.resume, coroutine.status, false
  local Handle = {}
  Handle.__index = Handle
  function Handle.resume()
    local ok, v = resume(T)
    if not ok then error(v, 0) end
    if v == nil and status(T) == "dead" then done = true   -- it ended
    elseif p:yield_value(v) ~= always then error("yield_value returned no awaiter") end
  end
  function Handle.done() return done end
  function Handle.promise() return p end
  local h = setmetatable({}, Handle)
  return function()
    h:resume()
    if h:done() then return nil end
    return h:promise().current
  end, function() end
end
modes[#modes + 1], runs[#runs + 1] = "floor_promise", runner("floor_promise", promise_floor)

local has_floor, floor = pcall(require, "floor")
if has_floor then
  local co_yield = floor.co_yield
  modes[#modes + 1] = "floor"
  runs[#runs + 1] = runner("floor", function(k)
    return floor.generator(function() for i = 0, k - 1 do co_yield(i) end end), function() end
  end)
end

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
