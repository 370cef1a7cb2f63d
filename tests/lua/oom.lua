-- oom.lua — out of memory: one piece of work that takes every road of the
-- module's glue (Lua and built-in promise types, a Lua awaiter, an
-- await_transform, an observer, a local with __close, an exception caught
-- by unhandled_exception), run again and again with every allocation after
-- the n-th failing, n = 0, 1, ... until it succeeds. Each run must succeed
-- or fail with an error that says "memory", and leave no frame alive and no
-- registry entry behind (the sanitizer build checks the C side for leaks).
-- Usage: luahost -m oom.lua   (fail_allocations comes from luahost -m)
local coro = require "coro"
local co_await, co_yield, co_return = coro.co_await, coro.co_yield, coro.co_return

-- a handle's __close destroys its frame if it is still alive
local close_handle = getmetatable(coro.null).__close

-- return types whose objects own their frames: <close>, and __gc for a
-- temporary that a failed run drops
local function return_type(promise)
  local R = {}
  R.__index = R
  R.__close = function(r) close_handle(r.h) end
  R.__gc = R.__close
  promise.get_return_object = function(p)
    return setmetatable({h = coro.from_promise(p)}, R)
  end
  promise.unhandled_exception = function(p, err) p.err = err end
  R.promise_type = coro.promise_type(promise)
  return R
end

local Generator = return_type {
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  yield_value = function(p, v) p.current = v; return coro.suspend_always end,
  return_void = function() end,
}
function Generator:next()
  self.h:resume()
  local p = self.h:promise()
  if p.err ~= nil then error(p.err, 0) end
  if not self.h:done() then return p.current end
end

-- a task: co_await starts it by symmetric transfer, and it is its own
-- awaiter, so the co_await's end (__close: ~awaiter) destroys it
local final = {
  await_ready = function() return false end,
  await_suspend = function(_, h)
    return h:promise().continuation or coro.noop_coroutine()
  end,
  await_resume = function() end,
}
local Task = return_type {
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return final end,
  return_value = function(p, v) p.value = v end,
  await_transform = function(_, x) return x end,
}
function Task:await_ready() return self.h:done() end
function Task:await_suspend(h)
  self.h:promise().continuation = h
  return self.h
end
function Task:await_resume()
  local p = self.h:promise()
  if p.err ~= nil then error(p.err, 0) end
  return p.value
end
function Task:run()
  self.h:resume()
  return self:await_resume()
end

-- an awaiter in Lua that resumes at once, with a destructor
local Ready = {__close = function() end}
Ready.__index = Ready
function Ready.await_ready() return false end
function Ready.await_suspend() return false end
function Ready.await_resume(self) return self.v end

local range = coro.coroutine(Generator, function(n)
  local x <close> = setmetatable({}, {__close = function() end})
  for i = 1, n do co_yield(i) end
end)
local boom = coro.coroutine(Generator, function() error("boom") end)
local inner = coro.coroutine(Task, function(v)
  co_return(co_await(setmetatable({v = v}, Ready)))
end)
local outer = coro.coroutine(Task, function()
  co_return(co_await(coro.temporary(inner(21))) * 2)
end)
local bgen = coro.coroutine(coro.generator, function(n)
  for i = 1, n do co_yield(i) end
end)
local btask = coro.coroutine(coro.task, function(v) co_return(v) end)
local bouter = coro.coroutine(coro.task, function()
  co_return(co_await(coro.temporary(btask(5))) + 1)
end)

local function work()
  local s = 0
  do
    local g <close> = range(3)
    for v in g.next, g do s = s + v end
  end
  do
    local t <close> = outer()
    s = s + t:run()
  end
  for v in bgen(3) do s = s + v end
  s = s + bouter():run()
  local ok, err = pcall(function()
    local g <close> = boom()
    g:next()
  end)
  if ok or not tostring(err):find("boom") then error(err, 0) end
  return s
end

-- the references the module holds (a free reference is a number)
local function references()
  local n = 0
  for k, v in pairs(debug.getregistry()) do
    if math.type(k) == "integer" and type(v) ~= "number" then n = n + 1 end
  end
  return n
end

local function settle()
  collectgarbage(); collectgarbage()
end

-- n = 0, 1, ... until the work succeeds; returns how many runs failed.
-- The collector waits while allocations fail: a finalizer that fails for
-- want of memory would not run again
local function exhaust(what)
  assert(work() == 6 + 42 + 6 + 6, what .. ": the work itself fails")
  settle()
  local refs, n = references(), 0
  while true do
    collectgarbage("stop")
    fail_allocations(n)
    local ok, err = pcall(work)
    fail_allocations()
    collectgarbage("restart")
    settle()
    local where = ("%s, every allocation after the first %d failing: "):format(what, n)
    assert(ok or tostring(err):find("memory"),
           where .. "an error that is not about memory: " .. tostring(err))
    local live = coro.frames()
    assert(#live == 0, where .. #live .. " frame(s) left alive, the first: " ..
                       tostring(live[1]))
    assert(references() == refs, where .. "references left behind")
    if ok then return n end
    n = n + 1
  end
end

local failed = exhaust("unobserved")
local events = 0
local id = coro.observe(function() events = events + 1 end)
failed = failed + exhaust("observed")
coro.unobserve(id)
assert(failed > 0 and events > 0, "no allocation failed: is this luahost -m?")
print(("out of memory at each of %d allocations: no leak"):format(failed))
