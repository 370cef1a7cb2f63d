-- fixtures.lua — what the terminal tests play with (corolab -i fixtures.lua):
-- a generator type, range(n), a spinning body for Ctrl-C, and a coroutine
-- whose body resumes another one (a nested resume).
Generator = {}
Generator.__index = Generator
Generator.promise_type = coro.promise_type {
  name = "Generator::promise_type",
  get_return_object   = function(p) return setmetatable({h = coro.from_promise(p)}, Generator) end,
  initial_suspend     = function(p) return coro.suspend_always end,
  final_suspend       = function(p) return coro.suspend_always end,
  yield_value         = function(p, v) p.current = v; return coro.suspend_always end,
  return_void         = function(p) end,
  unhandled_exception = function(p, err) p.err = err end,
}

range = coro.coroutine(Generator, function(n)
  for i = 0, n - 1 do coro.co_yield(i) end
end, "range")

spin = coro.coroutine(Generator, function()
  print("spinning")
  local n = 0
  while true do n = n + 1 end
end, "spin")

-- drives an inner generator from its own body: inner resumes nest at depth 1
driver = coro.coroutine(Generator, function()
  local inner = range(2)
  inner.h:resume()
  coro.co_yield(inner.h:promise().current)
  inner.h:destroy()
end, "driver")

-- lazy tasks: outer co_awaits inner; both hops are symmetric transfers
Task = {}
Task.__index = Task
Task.promise_type = coro.promise_type {
  name = "Task::promise_type",
  get_return_object   = function(p) return setmetatable({h = coro.from_promise(p)}, Task) end,
  initial_suspend     = function(p) return coro.suspend_always end,
  final_suspend       = function(p) return {
    await_ready   = function() return false end,
    await_suspend = function(_, h) return h:promise().continuation or coro.noop_coroutine() end,
    await_resume  = function() end,
  } end,
  return_value        = function(p, v) p.value = v end,
  unhandled_exception = function(p, err) p.err = err end,
}
function Task:await_ready() return self.h:done() end
function Task:await_suspend(h) self.h:promise().continuation = h; return self.h end
function Task:await_resume() return self.h:promise().value end

inner = coro.coroutine(Task, function() coro.co_return(21) end, "inner")
outer = coro.coroutine(Task, function()
  local t = inner()
  local v = coro.co_await(t)
  t.h:destroy()
  coro.co_return(v * 2)
end, "outer")
