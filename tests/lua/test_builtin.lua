-- test_builtin.lua — coro.generator and coro.task: the core's C promise
-- types carrying Lua values; symmetric transfer; errors; ownership.
local coro = require "coro"
local C = require "check"
local co_await, co_yield, co_return = coro.co_await, coro.co_yield, coro.co_return

local range = coro.coroutine(coro.generator, function(n, step)
  for i = 0, n - 1 do co_yield(i * (step or 1)) end
end, "range")

test("generator: generic for, next(), h", function()
  local got = {}
  for v in range(4, 10) do got[#got + 1] = v end
  C.eq(got, {0, 10, 20, 30})
  local g <close> = range(2)
  C.eq({g:next(), g:next(), g:next()}, {0, 1})
  C.eq(g.h:done(), true)
  C.eq(coro.info(g.h).promise_type, "generator")
  C.eq(g.h:promise().current, nil)
end)

test("generator: any Lua values, and the promise holds the current one", function()
  local t = {}
  local gen = coro.coroutine(coro.generator, function()
    co_yield(t); co_yield("s"); co_yield(2.5)
  end)
  local g <close> = gen()
  C.eq(rawequal(g:next(), t), true)
  C.eq(g:next(), "s")
  C.eq(g.h:promise().current, "s")
  C.eq(g:next(), 2.5)
end)

test("generator: errors are rethrown by next(), once", function()
  local boom = {}
  local g <close> = coro.coroutine(coro.generator, function()
    co_yield(1); error(boom)
  end)()
  C.eq(g:next(), 1)
  local ok, err = pcall(g.next, g)
  C.eq({ok, rawequal(err, boom)}, {false, true})
  C.eq(g.h:done(), true)
end)

test("generator: <close>, destroy at scope exit; __gc destroys too", function()
  local log, rec = C.log()
  do
    local g <close> = coro.coroutine(coro.generator, function()
      local x <close> = C.local_("x", rec)
      co_yield(1)
    end)()
    g:next()
  end
  C.eq(log, {"x", "~x"})
  local g = range(10)
  g:next()
  g = nil
  collectgarbage(); collectgarbage()
  C.eq(#coro.frames(), 0)
  g = range(1)
  g.h:destroy()                     -- the object no longer owns a frame
  local again = range(1)            -- may reuse the address
  g = nil
  collectgarbage(); collectgarbage()
  C.eq(coro.info(again.h) ~= nil, true)
  again:close()
end)

local add = coro.coroutine(coro.task, function(a, b) co_return(a + b) end, "add")

test("task: run from plain Lua, t:run() and coro.run(t)", function()
  local t <close> = add(1, 2)
  C.eq(t:run(), 3)
  local u <close> = add(3, 4)
  C.eq(coro.run(u), 7)
  C.eq(coro.info(u.h).state, "suspended_final")
end)

test("task: co_await a task, symmetric transfer there and back", function()
  local log, rec = C.log()
  local id = coro.observe(function(ev)
    if ev.kind == "symmetric transfer" then rec("transfer") end
  end)
  local outer = coro.coroutine(coro.task, function()
    rec("outer")
    local v = co_await(coro.temporary(add(20, 22)))
    rec("got " .. v)
    co_return(v)
  end)
  local t <close> = outer()
  C.eq(t:run(), 42)
  coro.unobserve(id)
  C.eq(log, {"outer", "transfer", "transfer", "got 42"})
end)

-- the core does the task's awaiters itself, as a compiler does once it has
-- inlined them (CL_AWAITER_STARTS_TASK, CL_AWAITER_TO_CONTINUATION), while
-- nothing observes: no await_ready is called, for co_await of a named or a
-- temporary task, for the task's final suspend, or for suspend_always
test("task: co_await of a coro.task calls no await_ready when nothing observes", function()
  local outer = coro.coroutine(coro.task, function()
    local named = add(1, 2)
    local v = co_await(named) + co_await(coro.temporary(add(20, 22)))
    named:close()
    co_return(v)
  end)
  local function calls(observed)
    local id = observed and coro.observe(function() end)
    local before = coro.await_ready_calls()
    local t <close> = outer()
    C.eq(t:run(), 45)
    if id then coro.unobserve(id) end
    return coro.await_ready_calls() - before
  end
  C.eq(calls(false), 0)
  -- observed, every co_await calls it: the initial and final suspends of
  -- the three tasks, and the two co_awaits of a task
  C.eq(calls(true), 8)
end)

test("task: errors are raised by await_resume in the awaiting body", function()
  local boom = {}
  local bad = coro.coroutine(coro.task, function() error(boom) end)
  local outer = coro.coroutine(coro.task, function()
    local ok, err = pcall(co_await, bad())
    co_return(rawequal(err, boom))
  end)
  local t <close> = outer()
  C.eq(t:run(), true)
  local t2 <close> = coro.coroutine(coro.task, function() co_await(coro.temporary(bad())) end)()
  local ok, err = pcall(t2.run, t2)
  C.eq({ok, rawequal(err, boom)}, {false, true})
  local t3 <close> = bad()
  ok, err = pcall(coro.run, t3)
  C.eq({ok, rawequal(err, boom)}, {false, true})
end)

test("task: a named one keeps its result; a temporary one is moved into its co_await", function()
  local child = add(1, 1)
  local outer = coro.coroutine(coro.task, function()
    local first, second = co_await(child), co_await(child)   -- named: kept
    local moved = coro.temporary(child)
    local third = co_await(moved)                            -- moved, destroyed
    local _, again = pcall(co_await, child)
    local _, twice = pcall(co_await, moved)
    co_return({first, second, third, again, twice})
  end)
  local t <close> = outer()
  local r = t:run()
  C.eq({r[1], r[2], r[3]}, {2, 2, 2})
  assert(r[4]:find("this task owns no coroutine any more", 1, true), r[4])
  assert(r[5]:find("this coro.temporary was already awaited", 1, true), r[5])
  local waits = coro.coroutine(coro.task, function() co_await(coro.suspend_always) end)
  local w <close> = waits()
  C.raises("the task suspended without finishing", w.run, w)
end)

-- C++ rethrows the stored exception_ptr at each await_resume
-- ([expr.await]/5, [propagation]/8; tests/cpp/named_task_error.cpp)
test("task: a named one that raised raises the same error at each co_await", function()
  local boom = {}
  local named <close> = coro.coroutine(coro.task, function() error(boom) end, "raises")()
  local outer = coro.coroutine(coro.task, function()
    local ok1, err1 = pcall(co_await, named)
    local ok2, err2 = pcall(co_await, named)
    local ok3, err3 = pcall(co_await, coro.temporary(named))    -- moved: taken out
    co_return({ok1, rawequal(err1, boom), ok2, rawequal(err2, boom),
               ok3, rawequal(err3, boom)})
  end)
  local t <close> = outer()
  C.eq(t:run(), {false, true, false, true, false, true},
       "each co_await of the task raises its error again [expr.await]/5")
end)

test("task: a chain of 100000 transfers in constant C stack", function()
  local node
  node = coro.coroutine(coro.task, function(k)
    if k == 0 then return co_return(0) end
    return co_return(co_await(coro.temporary(node(k - 1))) + 1)
  end)
  local t <close> = node(100000)
  C.eq(t:run(), 100000)
end)

test("task<void>: co_return() and flowing off give nil, through return_void", function()
  local kinds = {}
  local id = coro.observe(function(ev)
    if ev.kind == "return_void" or ev.kind == "return_value" then kinds[#kinds + 1] = ev.kind end
  end)
  local void = coro.coroutine(coro.task, function() co_return() end)
  local off = coro.coroutine(coro.task, function() end)
  local valued = coro.coroutine(coro.task, function() co_return(7) end)
  local outer = coro.coroutine(coro.task, function()
    co_return({co_await(coro.temporary(void())), co_await(coro.temporary(off())),
               co_await(coro.temporary(valued()))})
  end)
  local t <close> = outer()
  C.eq(t:run(), {nil, nil, 7})
  coro.unobserve(id)
  C.eq(kinds, {"return_void", "return_void", "return_value", "return_value"})
end)

test("built-in objects check their arguments", function()
  local g <close> = range(1)
  C.raises("coro.generator expected (the object a coroutine made with it returns), got number",
           g.next, 42)
  C.raises("got userdata 'coro.handle'", g.next, coro.null)
  C.raises("coro.generator or coro.task expected", g.close, "x")
  local t <close> = add(1, 2)
  C.raises("coro.task expected (the object a coroutine made with it returns), got "
           .. "userdata 'coro.generator'", t.run, g)
  local Task = dofile(((arg and arg[0] or ""):match("^(.*)/") or ".") ..
                      "/../../scripts/lib/task.lua")         -- a look-alike
  local plain <close> = coro.coroutine(Task, function() co_return(1) end)()
  C.raises("coro.task expected (the object a coroutine made with it returns), got "
           .. "table 'task'", coro.run, plain)
  C.eq(coro.info(t.h).coroutine, "add")
  C.raises("no member named 'await_ready' in 'userdata'", function()
    local h <close> = coro.coroutine(coro.task, function() co_await(coro.null) end)()
    return h:run()
  end)
end)
