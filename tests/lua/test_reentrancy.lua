-- test_reentrancy.lua — Lua code that calls back into the runtime at
-- awkward moments: every crash the fuzzer found (issue 8, numbered as
-- there) is a test here, and so is what C++ allows at the same moment.
local coro = require "coro"
local C = require "check"
local co_await, co_yield, co_return = coro.co_await, coro.co_yield, coro.co_return

local lazy = C.lazy                  -- a lazy promise type (check.lua)

-- an awaiter whose await_suspend is f(h)
local function suspending(f, name)
  return {name = name, await_ready = function() return false end,
          await_suspend = function(_, h) return f(h) end,
          await_resume = function() return "resumed" end}
end

-- (1) ------------------------------------------------------------------

test("(1) co_await in a coro.generator body is ill-formed, not a crash", function()
  local g = coro.coroutine(coro.generator, function()
    co_await(coro.suspend_always)
    co_yield(1)
  end, "awaits")()
  C.raises({"co_await in the body of a generator",
            "deleted function 'generator::promise_type::await_transform'",
            "[expr.await]/3.2"}, g.next, g)
  C.eq(g.h:done(), true)
  g:close()
end)

-- (2) ------------------------------------------------------------------

test("(2) await_suspend destroys its frame at the initial suspend point", function()
  local log, rec = C.log()
  local P = lazy {
    initial_suspend = function()
      return suspending(function(h) rec("await_suspend"); h:destroy(); rec("destroyed") end)
    end,
    __close = function() rec("~promise") end,
  }
  local h = coro.coroutine(P, function() rec("body") end, "self_destroying")()
  C.eq(log, {"await_suspend", "~promise", "destroyed"})
  C.raises({"resume():", "'self_destroying' was already destroyed"}, h.resume, h)
  C.eq(#coro.frames(), 0)
end)

test("(2) await_suspend destroys its frame at a co_await and at the final suspend point", function()
  local log, rec = C.log()
  local destroy_self = function(h) h:destroy(); rec("destroyed") end
  local P = lazy {
    final_suspend = function() return suspending(destroy_self) end,
    __close = function() rec("~promise") end,
  }
  local first = coro.coroutine(P, function()
    local x <close> = C.local_("x", rec)
    co_await(suspending(destroy_self))
    rec("never")
  end)()
  first:resume()                                  -- returns to us, frame gone
  C.eq(log, {"x", "~x", "~promise", "destroyed"})
  C.eq(coro.info(first), nil)
  log[1], log[2], log[3], log[4] = nil
  local second = coro.coroutine(P, function() rec("body") end)()
  second:resume()                                 -- a common C++ pattern
  C.eq(log, {"body", "~promise", "destroyed"})
  C.eq(#coro.frames(), 0)
end)

test("(2) destroyed in await_suspend, then false or an error: named, never resumed", function()
  local P = lazy()
  for _, last in ipairs {"returned false", "threw"} do
    local h = coro.coroutine(P, function()
      co_await(suspending(function(h)
        h:destroy()
        if last == "threw" then error("after destroy", 0) end
        return false
      end))
    end)()
    C.raises({"await_suspend: coroutine #", "was destroyed during await_suspend, which then "
              .. last, "[expr.await]/5"}, h.resume, h)
    C.eq(#coro.frames(), 0)
  end
end)

test("(2) resumed in await_suspend, then an error: named, not raised in the body", function()
  local log, rec = C.log()
  local P = lazy {unhandled_exception = function(p, e) rec("unhandled_exception") end}
  local h = coro.coroutine(P, function()
    co_await(suspending(function(h) h:resume(); error("after resume", 0) end))
    rec("body goes on")
  end)()
  C.raises({"was resumed during await_suspend, which then threw", "[expr.await]/5"},
           h.resume, h)
  C.eq(log, {"body goes on"})                      -- once, by the nested resume
  C.eq(h:done(), true)
  h:destroy()
end)

-- (3) ------------------------------------------------------------------

test("(3) a call that fails after a transfer at the initial point is torn down once", function()
  -- g++ 12 (tests/cpp/prologue_transfer.cpp): ~R, then ~promise, once each
  local log, rec = C.log()
  local Y = lazy {unhandled_exception = function(p, e) rec("Y rethrows"); error(e, 0) end}
  local thrower = coro.coroutine(Y, function() error("boom", 0) end, "thrower")
  local target
  local R = {}
  R.__close = function(r) rec("~R"); r.h:destroy() end  -- must not destroy it too
  R.promise_type = lazy {
    get_return_object = function(p) return setmetatable({h = coro.from_promise(p)}, R) end,
    initial_suspend = function() return suspending(function() return target end) end,
    __close = function() rec("~X.promise") end,
  }
  local x = coro.coroutine(R, function() rec("X body") end, "x")
  target = thrower()
  C.raises("boom", x)
  C.eq(log, {"Y rethrows", "~R", "~X.promise"})
  C.eq(#coro.frames(), 1)                          -- the thrower, done
  target:destroy()
end)

-- (4) ------------------------------------------------------------------

test("(4) await_transform returning a standard awaiter: every temporary dies", function()
  local log, rec = C.log()
  for _, standard in ipairs {coro.suspend_always, coro.suspend_never} do
    local P = lazy {await_transform = function() return standard end}
    local h = coro.coroutine(P, function()
      for i = 1, 3 do
        co_await(coro.temporary(setmetatable({}, {__close = function() rec("~operand " .. i) end})))
      end
    end)()
    while not h:done() do h:resume() end
    h:destroy()
  end
  C.eq(log, {"~operand 1", "~operand 2", "~operand 3",
             "~operand 1", "~operand 2", "~operand 3"})
end)

-- (5) ------------------------------------------------------------------

-- an observer that calls f(ev) for events of this kind about frame h
local function on(kind, f)
  local id
  id = coro.observe(function(ev)
    if ev.kind == kind then f(ev) end
  end)
  return function() coro.unobserve(id) end
end

test("(5) an observer destroys the frame at its suspend event: await_suspend is not called", function()
  for _, kind in ipairs {"suspend", "await_suspend"} do
    local log, rec = C.log()
    local P = lazy()
    local h = coro.coroutine(P, function()
      co_await(suspending(function() rec("await_suspend called") end))
    end)()
    local target = h
    local returned
    local stop = on(kind, function(ev)
      if ev.handle == target then target = nil; ev.handle:destroy() end
    end)
    local stop2 = on("return to caller", function(ev) returned = ev.detail end)
    h:resume()
    stop(); stop2()
    C.eq(log, {})
    C.eq(returned, "destroyed before await_suspend was called")
    C.eq(#coro.frames(), 0)
  end
end)

test("(5) an observer resumes the frame at its suspend event: it goes on, once", function()
  local log, rec = C.log()
  local h = coro.coroutine(lazy(), function()
    co_await(suspending(function() rec("await_suspend called") end))
    rec("after")
  end)()
  local armed = true
  local stop = on("suspend", function(ev)
    if armed and ev.handle == h then armed = false; ev.handle:resume() end
  end)
  h:resume()
  stop()
  C.eq(log, {"after"})
  C.eq(h:done(), true)
  h:destroy()
end)

test("(5) at its resume, transfer and destroy events a frame is running or being destroyed", function()
  local errors = {}
  local stop = coro.observe(function(ev)
    local h = ev.handle
    if h == nil then return end
    if ev.kind == "resume" or ev.kind == "symmetric transfer" then
      errors[#errors + 1] = select(2, pcall(h.resume, h))
      errors[#errors + 1] = select(2, pcall(h.destroy, h))
    elseif ev.kind == "destroy" then
      errors[#errors + 1] = select(2, pcall(h.destroy, h))
      errors[#errors + 1] = select(2, pcall(h.resume, h))
    end
  end)
  local runs = 0
  local h = coro.coroutine(lazy(), function() runs = runs + 1 end)()
  h:resume()
  h:destroy()
  coro.unobserve(stop)
  C.eq(runs, 1)
  C.eq(#errors, 4)
  assert(errors[1]:find("resuming a running coroutine", 1, true), errors[1])
  assert(errors[2]:find("is running; destroying a coroutine that is not suspended", 1, true), errors[2])
  assert(errors[3]:find("is already being destroyed", 1, true), errors[3])
  assert(errors[4]:find("is being destroyed; resuming it", 1, true), errors[4])
end)

test("(5) a finalizer destroys the frame in the middle of its suspension", function()
  local h = coro.coroutine(lazy(), function() co_await(suspending(function() end)) end)()
  do
    local victim = h
    setmetatable({}, {__gc = function() victim:destroy() end})
  end
  local stop = on("suspend", function() collectgarbage() end)
  h:resume()
  stop()
  C.eq(coro.info(h), nil)
end)

test("(5) a task whose awaiting coroutine was destroyed meanwhile transfers nowhere", function()
  local parent
  local child = coro.coroutine(coro.task, function()
    parent:destroy()                               -- suspended in co_await child()
    co_return(1)
  end, "child")
  parent = coro.coroutine(lazy(), function()
    co_await(child())
  end, "parent")()
  C.raises({"already destroyed", "[coroutine.handle]"}, parent.resume, parent)
  for _, h in ipairs(coro.frames()) do h:destroy() end
end)

-- (6) ------------------------------------------------------------------

test("(6) coro.info and h:promise() while finalizers destroy the frame", function()
  -- One collector step at every allocation (steps of 2 bytes), and each
  -- step of the finalizing phase runs ten finalizers, last marked first.
  -- Stepped by hand into that phase, with the finalizer that destroys the
  -- frame marked before n others, it runs at about the n/10-th allocation
  -- of what comes next: over n = 0..200, at every allocation of info()
  -- and promise(), where it must find the collector stopped (the sanitizer
  -- build sees a use after free otherwise).
  collectgarbage()
  collectgarbage("incremental", 0, 100, 1)
  local fired = 0                              -- destroying finalizers run
  for _, op in ipairs {coro.info, function(h) return {h:promise().current} end} do
    for n = 0, 200, 2 do
      local g = coro.coroutine(coro.generator, function() co_yield({}) end)()
      g:next()
      local h, ran = g.h, 0
      setmetatable({}, {__gc = function()
        fired = fired + 1
        pcall(h.destroy, h)
      end})
      for _ = 1, n + 10 do setmetatable({}, {__gc = function() ran = ran + 1 end}) end
      repeat collectgarbage("step", 0) until ran > 0
      local ok, v = pcall(op, h)
      if ok and v then C.eq(type(v), "table") end
      pcall(g.close, g)
    end
  end
  collectgarbage("incremental", 200, 100, 13)
  collectgarbage()
  assert(fired > 100, "the finalizers did not run")
end)

test("(6) next() after its frame was destroyed and another took its address", function()
  local gen = coro.coroutine(coro.generator, function(v) co_yield(v) end, "gen")
  local g = gen("mine")
  local other
  local stop = on("suspend", function(ev)
    if ev.handle == g.h and not other then
      local address = g.h:address()
      g.h:destroy()
      other = gen("other's")
      C.eq(other.h:address(), address)
    end
  end)
  C.raises({"next(): coroutine #", "was already destroyed", "now lives at its address"},
           g.next, g)
  stop()
  C.eq(other:next(), "other's")
  other:close()
end)

-- (7) ------------------------------------------------------------------

test("(7) the promise is not there at operator delete: promise() says so", function()
  local g = coro.coroutine(coro.generator, function() co_yield(1) end)()
  g:next()
  local seen
  local stop = on("operator delete", function(ev) seen = select(2, pcall(g.h.promise, g.h)) end)
  g:close()
  stop()
  assert(seen:find("promise of coroutine #", 1, true) and
         seen:find("was already destroyed", 1, true) and
         seen:find("[class.cdtor]", 1, true), seen)
end)

-- (8) ------------------------------------------------------------------

-- the functions coro guarded, as a script that took them before would have
local raw_resume = select(2, debug.getupvalue(coroutine.resume, 2))
local raw_close = select(2, debug.getupvalue(coroutine.close, 2))

local function escaping()
  local thread
  local h = coro.coroutine(lazy(), function()
    thread = coroutine.running()
    co_await(coro.suspend_always)
    co_await(coro.suspend_always)
  end, "escaping")()
  h:resume()
  return h, thread
end

test("(8) coroutine.resume and coroutine.close refuse a body's thread", function()
  local h, thread = escaping()
  local ok, err = coroutine.resume(thread, "x")
  C.eq(ok, false)
  assert(err:find("cannot resume the Lua thread of a coroutine body", 1, true), err)
  C.raises("cannot close the Lua thread of a coroutine body", coroutine.close, thread)
  C.eq(coroutine.status(thread), "suspended")
  h:resume()                                       -- the body goes on unharmed
  C.eq(coro.info(h).state, "suspended")
  h:destroy()
  local co = coroutine.create(function(x) return x end)  -- others untouched
  C.eq({coroutine.resume(co, 5)}, {true, 5})
  C.eq(coroutine.close(co), true)
end)

test("(8) resumed or closed behind the runtime's back, a body cannot go on", function()
  for _, how in ipairs {"resumed by coroutine.resume", "closed by coroutine.close"} do
    local h, thread = escaping()
    if how:find("resume") then
      local ok, err = raw_resume(thread, "x")
      C.eq(ok, false)
      assert(err:find("a coroutine body runs only when its handle resumes it", 1, true), err)
    else
      raw_close(thread)
    end
    C.raises({"coroutine #", "'escaping' cannot go on: its Lua thread was " .. how,
              "destroy it"}, h.resume, h)
    C.eq(h:done(), true)
    h:destroy()
  end
end)

test("(8) a body closed from outside whose __close resumes or destroys it", function()
  for _, op in ipairs {"resume", "destroy"} do
    local h, thread
    h = coro.coroutine(lazy(), function()
      thread = coroutine.running()
      local x <close> = setmetatable({}, {__close = function() pcall(h[op], h) end})
      co_await(coro.suspend_always)
    end)()
    h:resume()
    raw_close(thread)                              -- runs the __close on thread
    if coro.info(h) then h:destroy() end
    C.eq(#coro.frames(), 0)
  end
end)

test("(8) a body's thread that outlived its frame cannot be resumed", function()
  -- a call that fails after its body transferred to another coroutine: the
  -- frame goes, its locals are not destroyed (g++ 12), its thread stays
  -- suspended in the co_await
  local thread
  local target = coro.coroutine(lazy(), function() error("boom", 0) end)()
  local Eager = lazy {initial_suspend = function() return coro.suspend_never end}
  local x = coro.coroutine(Eager, function()
    thread = coroutine.running()
    co_await(suspending(function() return target end))
  end)
  C.raises("boom", x)
  C.eq(coroutine.status(thread), "suspended")
  local ok, err = raw_resume(thread)
  C.eq(ok, false)
  assert(err:find("a Lua thread whose coroutine was destroyed", 1, true), err)
  target:destroy()
end)

-- (9) ------------------------------------------------------------------

test("(9) nesting is limited and says that symmetric transfer does not nest", function()
  local Eager = lazy {initial_suspend = function() return coro.suspend_never end}
  local nested
  nested = coro.coroutine(Eager, function(n) if n > 0 then nested(n - 1):destroy() end end)
  local err = C.raises({"nesting limit reached", "symmetric transfer does not nest"},
                       nested, 1000)
  nested(100):destroy()                            -- the runtime is usable
  C.eq(#coro.frames(), 0)
  local chain = {}
  local link = coro.coroutine(lazy(), function(i) if chain[i + 1] then chain[i + 1]:resume() end end)
  for i = 1, 400 do chain[i] = link(i) end
  C.raises("nesting limit reached", chain[1].resume, chain[1])
  for _, h in ipairs(chain) do h:destroy() end
end)

test("(9) Lua's own C-call limit reached inside nested coroutines: an error", function()
  local Eager = lazy {initial_suspend = function() return coro.suspend_never end}
  local nested
  nested = coro.coroutine(Eager, function(n) if n > 0 then nested(n - 1):destroy() end end)
  local function dig(n)                          -- Lua C calls, 170 deep
    if n == 0 then return nested(100) end
    local ok, v = pcall(dig, n - 1)
    if not ok then error(v, 0) end
    return v
  end
  C.raises("C stack overflow", dig, 170)
  C.eq(#coro.frames(), 0)
  nested(10):destroy()
end)

-- (10) -----------------------------------------------------------------

test("(10) after every kind of error at top level, no frame is left running", function()
  local P = lazy()
  local failing = {
    function() error("in the body", 0) end,
    function() co_yield(1) end,                   -- no yield_value: ill-formed
    function() co_await(suspending(function(h) h:resume(); error("x", 0) end)) end,
    function() coroutine.yield() end,
    function() return 1 end,
  }
  for _, body in ipairs(failing) do
    local h = coro.coroutine(P, body)()
    pcall(h.resume, h)
    for _, f in ipairs(coro.frames()) do
      local state = coro.info(f).state
      assert(state ~= "running" and state ~= "destroying" and state ~= "prologue", state)
      f:destroy()
    end
  end
  C.eq(#coro.frames(), 0)
end)

-- (11) -----------------------------------------------------------------

test("(11) await_suspend returns a stale handle whose address holds a new frame", function()
  local P = lazy()
  local victim = coro.coroutine(P, function() end, "victim")()
  local stale, address = victim, victim:address()
  victim:destroy()
  local newer = coro.coroutine(P, function() end, "newer")()   -- the freed block
  C.eq(newer:address(), address)                 -- reused, as the test requires
  local h = coro.coroutine(P, function()
    co_await(suspending(function() return stale end))
  end)()
  C.raises({"symmetric transfer", "was already destroyed", "now lives at its address"},
           h.resume, h)
  C.eq(coro.info(newer).state, "suspended_initial")   -- untouched
  h:destroy()
  newer:destroy()
end)

test("(11) a transfer into a done or a running coroutine is refused", function()
  local P = lazy()
  local done = coro.coroutine(P, function() end)()
  done:resume()
  local h = coro.coroutine(P, function() co_await(suspending(function() return done end)) end)()
  C.raises({"await_suspend (symmetric transfer)", "final suspend point (done)",
            "[coroutine.handle.resumption]"}, h.resume, h)
  local outer
  local P2 = lazy {yield_value = function(p, v) p.v = v; return coro.suspend_always end}
  outer = coro.coroutine(P2, function()
    local inner = coro.coroutine(P, function()
      co_await(suspending(function() return outer end))   -- outer runs
    end)()
    local ok, err = pcall(inner.resume, inner)
    inner:destroy()
    co_yield(err)
  end)()
  outer:resume()
  local err = outer:promise().v
  assert(err:find("resuming a running coroutine", 1, true), err)
  for _, f in ipairs(coro.frames()) do f:destroy() end
end)
