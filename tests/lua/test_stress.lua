-- test_stress.lua — long runs inside one resume (the stack of the calling
-- state stays balanced) and no registry reference leaks per step or frame.
local coro = require "coro"
local C = require "check"
local co_await, co_yield, co_return = coro.co_await, coro.co_yield, coro.co_return

local P = coro.promise_type {
  get_return_object = function(p) return coro.from_promise(p) end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  yield_value = function(p, v) p.current = v; return {await_ready = function() return true end,
    await_suspend = print, await_resume = function() return v end} end,
  return_value = function(p, v) p.value = v end,
  unhandled_exception = function(p, e) error(e, 0) end,
  await_transform = function(p, x) return x end,
}

local function work(n)
  local h = coro.coroutine(P, function(n)
    local sum = 0
    for i = 1, n do
      sum = sum + co_await({await_ready = function() return false end,
                            await_suspend = function() return false end,
                            await_resume = function() return i end})
      co_yield(i)
      pcall(co_await, 42)                          -- raised at the co_await
    end
    co_return(sum)
  end)(n)
  h:resume()
  local v = h:promise().value
  h:destroy()
  return v
end

test("100000 co_awaits in one resume keep the stack balanced", function()
  C.eq(work(100000), 100000 * 100001 // 2)
end)

test("no registry reference leaks", function()
  work(10)
  for v in coro.coroutine(coro.generator, function() co_yield(1) end)() do end
  collectgarbage()
  local before = #debug.getregistry()
  for _ = 1, 200 do
    work(10)
    local t <close> = coro.coroutine(coro.task, function() co_return({}) end)()
    t:run()
    for v in coro.coroutine(coro.generator, function() co_yield({}); co_yield(2) end)() do end
    local h = coro.coroutine(P, function() error({}) end)()
    pcall(h.resume, h)
    h:destroy()
  end
  collectgarbage()
  local after = #debug.getregistry()
  assert(after - before < 20, ("registry grew from %d to %d"):format(before, after))
end)
