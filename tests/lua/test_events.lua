-- test_events.lua — lifecycle events seen from Lua, and introspection:
-- coro.frames, coro.info, coro.glance, coro.running.
local coro = require "coro"
local C = require "check"
local co_await, co_yield = coro.co_await, coro.co_yield

local P = coro.promise_type {
  __name = "lazy",
  get_return_object = function(p) return coro.from_promise(p) end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  yield_value = function(p, v) p.current = v; return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function(p, e) error(e, 0) end,
}

test("coro.events: every event kind in the core's order, then the bindings' own", function()
  C.eq(coro.events[1], {key = "operator_new", name = "operator new"})
  local by_key = {}
  for i, k in ipairs(coro.events) do
    C.eq(k.key:match("^[a-z_]+$"), k.key, "key " .. i)
    C.eq(by_key[k.key], nil, "one kind per key")
    by_key[k.key] = k.name
  end
  C.eq({by_key.await_suspend, by_key.symmetric_transfer, by_key.awaiter_destroy,
        by_key.return_to_caller, by_key.unhandled_exception},
       {"await_suspend", "symmetric transfer", "~awaiter", "return to caller",
        "unhandled_exception"})
  C.eq(coro.events[#coro.events - 1], {key = "misuse", name = "misuse"})
  C.eq(coro.events[#coro.events], {key = "temporary_destroy", name = "~temporary"})
end)

test("coro.causes: the keys ev.cause takes, in the core's order, with words", function()
  local keys = {}
  for i, c in ipairs(coro.causes) do
    keys[i] = c.key
    C.eq(type(c.name) == "string" and #c.name > 0, true, c.key)
  end
  C.eq(keys, {"resume_called", "transferred", "returned_false", "returned_void",
              "returned_true", "returned_noop", "resumed_before_await_suspend",
              "destroyed_before_await_suspend", "operand", "initial_suspend",
              "yield_value", "final_suspend", "await_transform", "operator_co_await",
              "resume_refused", "transfer_refused", "destroy_refused",
              "left_during_await_suspend", "ill_formed"})
  C.eq(coro.causes[4].name, "await_suspend returned void")
end)

test("coro.states: the states coro.info and coro.glance name, in the core's order", function()
  C.eq(coro.states, {
    {key = "prologue", name = "in its prologue"},
    {key = "suspended_initial", name = "suspended at its initial suspend point"},
    {key = "suspended", name = "suspended"},
    {key = "suspended_final", name = "suspended at its final suspend point"},
    {key = "running", name = "running"},
    {key = "destroying", name = "being destroyed"}})
end)

-- "kind <cause>" of the events that have a cause, while f runs; the
-- causes seen by all the tests below
local seen_causes = {}
local function causes_of(f, ...)
  local log = {}
  local id = coro.observe(function(ev)
    if ev.cause then
      log[#log + 1] = ev.kind .. " <" .. ev.cause .. ">"
      seen_causes[ev.cause] = true
    end
  end)
  local ok, err = pcall(f, ...)
  coro.unobserve(id)
  if not ok then error(err, 0) end
  return log
end

local function suspending(result)    -- an awaiter whose await_suspend returns result(h)
  return {await_ready = function() return false end,
          await_suspend = function(_, h) return result(h) end,
          await_resume = function() end}
end

test("ev.cause: what await_suspend returned, and who made each awaiter", function()
  local ready = {await_ready = function() return true end,
                 await_suspend = function() end, await_resume = function() end}
  local T = C.lazy {
    await_transform = function(p, x) return x == "transform" and ready or x end,
    yield_value = function() return coro.suspend_always end,
  }
  local co_awaitable = setmetatable({}, {__co_await = function() return ready end})
  local h = coro.coroutine(T, function()
    co_await(suspending(function() end))
    co_await(suspending(function() return true end))
    co_await(suspending(function() return false end))
    co_await("transform")
    co_await(co_awaitable)
    co_yield(1)
  end)()
  -- a temporary the protocol makes dies at the end of its co_await
  -- (~awaiter); the operand is named (an lvalue): nothing of it dies, so
  -- no ~awaiter for it [expr.await]/3, [class.temporary]/4
  C.eq(causes_of(function() for _ = 1, 4 do h:resume() end end), {
    "resume <resume_called>", "await_resume <initial_suspend>",
    "await_transform <operand>", "await_ready <operand>", "suspend <operand>",
    "await_suspend <operand>", "return to caller <returned_void>",
    "resume <resume_called>", "await_resume <operand>",
    "await_transform <operand>", "await_ready <operand>", "suspend <operand>",
    "await_suspend <operand>", "return to caller <returned_true>",
    "resume <resume_called>", "await_resume <operand>",
    "await_transform <operand>", "await_ready <operand>", "suspend <operand>",
    "await_suspend <operand>", "resume <returned_false>", "await_resume <operand>",
    "await_transform <operand>", "await_ready <await_transform>",
    "await_resume <await_transform>", "~awaiter <await_transform>",
    "await_transform <operand>", "operator co_await <operand>",
    "await_ready <operator_co_await>", "await_resume <operator_co_await>",
    "~awaiter <operator_co_await>",
    "await_ready <yield_value>", "suspend <yield_value>",
    "await_suspend <yield_value>", "return to caller <returned_void>",
    "resume <resume_called>", "await_resume <yield_value>",
    "await_ready <final_suspend>", "suspend <final_suspend>",
    "await_suspend <final_suspend>", "return to caller <returned_void>"})
  h:destroy()
end)

test("ev.cause: transfers, noop_coroutine(), and leaving before await_suspend", function()
  local L = C.lazy()
  local other = coro.coroutine(L, function() end)()
  local h = coro.coroutine(L, function()
    co_await(suspending(function() return other end))
    co_await(suspending(function() return coro.noop_coroutine() end))
  end)()
  C.eq(causes_of(function() h:resume(); h:resume() end), {
    "resume <resume_called>", "await_resume <initial_suspend>",
    "await_ready <operand>", "suspend <operand>", "await_suspend <operand>",
    "resume <transferred>", "await_resume <initial_suspend>",
    "await_ready <final_suspend>", "suspend <final_suspend>",
    "await_suspend <final_suspend>", "return to caller <returned_void>",
    "resume <resume_called>", "await_resume <operand>",
    "await_ready <operand>", "suspend <operand>", "await_suspend <operand>",
    "return to caller <returned_noop>"})
  h:destroy(); other:destroy()
  for how, cause in pairs{resume = "resumed_before_await_suspend",
                          destroy = "destroyed_before_await_suspend"} do
    local target = coro.coroutine(L, function() co_await(suspending(function() end)) end)()
    local acted
    local id = coro.observe(function(ev)         -- an observer goes first
      if ev.kind == "suspend" and ev.cause == "operand" and not acted then
        acted = true
        target[how](target)
      end
    end)
    local log = causes_of(function() target:resume() end)
    coro.unobserve(id)
    C.eq(log[#log], "return to caller <" .. cause .. ">", how)
    if how == "resume" then target:destroy() end
  end
end)

test("ev.cause: what a misuse refused, or which rule it broke", function()
  local L = C.lazy()
  local done = coro.coroutine(L, function() end)()
  done:resume()
  local function last_misuse(f)
    local log = causes_of(function() pcall(f) end)
    return log[#log]
  end
  C.eq(last_misuse(function() done:resume() end), "misuse <resume_refused>")
  local h = coro.coroutine(L, function() co_await(suspending(function() return done end)) end)()
  C.eq(last_misuse(function() h:resume() end), "misuse <transfer_refused>")
  h:destroy()
  h = coro.coroutine(L, function() pcall(h.destroy, h) end)()
  C.eq(causes_of(function() h:resume() end)[3], "misuse <destroy_refused>")
  h:destroy()
  h = coro.coroutine(L, function()
    co_await(suspending(function(self) self:destroy(); return false end))
  end)()
  C.eq(last_misuse(function() h:resume() end), "misuse <left_during_await_suspend>")
  h = coro.coroutine(L, function() coro.co_return(1) end)()
  C.eq(last_misuse(function() h:resume() end), "misuse <ill_formed>")
  h:destroy()
  done:destroy()
end)

test("ev.cause: the tests above saw every cause", function()
  for _, c in ipairs(coro.causes) do C.eq(seen_causes[c.key], true, c.key) end
end)

test("observe: the events of a generator, with frame, handle, where", function()
  local kinds, evs = {}, {}
  local id = coro.observe(function(ev)
    kinds[#kinds + 1] = ev.kind
    evs[#evs + 1] = ev
  end)
  local line
  local h = coro.coroutine(P, function() line = debug.getinfo(1, "l").currentline; co_yield(1) end, "one")()
  h:resume()
  coro.unobserve(id)
  h:resume()                       -- no longer observed
  h:destroy()
  C.eq(kinds, {"operator new", "parameter copies", "promise_type",
               "get_return_object", "initial_suspend", "await_ready", "suspend",
               "await_suspend", "return to caller", "resume", "await_resume",
               "yield_value", "await_ready", "suspend", "await_suspend",
               "return to caller"})
  local fid = coro.info(h) and 0 or evs[2].frame
  C.eq(type(fid), "number")
  C.eq(evs[1].frame, 0)
  C.eq(evs[1].detail:match("%d+ bytes") ~= nil, true)
  C.eq(evs[7].handle == h, true)
  C.eq(evs[7].detail, "suspend_always")
  C.eq(evs[15].where:match("test_events.lua:(%d+)$"), tostring(line))
  C.eq(evs[10].depth, 0)
end)

test("an observer that raises does not break the runtime", function()
  local n = 0
  local id = coro.observe(function() n = n + 1; error("observer bug") end)
  local h = coro.coroutine(P, function() co_yield(1) end)()
  h:resume()
  coro.unobserve(id)
  C.eq(h:promise().current, 1)
  h:destroy()
  assert(n > 5)
end)

test("info: state, where, names, layout, promise, awaiter, locals, params", function()
  local aw = {await_ready = function() return false end, await_suspend = function() end,
              await_resume = function() return "r" end, name = "my awaiter"}
  local line
  local h = coro.coroutine(P, function(a, b)
    local x = a + b
    local y = "why"
    line = debug.getinfo(1, "l").currentline; co_await(aw)
  end, "infoed")(1, 2)
  local i = coro.info(h)
  C.eq({i.state, i.where, i.coroutine, i.promise_type}, {"suspended_initial",
       "initial suspend point", "infoed", "lazy"})
  C.eq(i.params, {{name = "a", value = 1}, {name = "b", value = 2}})
  C.eq(i.offsets.resume, 0); C.eq(i.offsets.destroy, 8); C.eq(i.offsets.promise, 16)
  assert(i.offsets.locals > i.offsets.state and i.frame_size > i.offsets.locals)
  C.eq(i.lua_body, true)
  C.eq(rawequal(i.promise, h:promise()), true)
  C.eq(i.awaiter, coro.suspend_always)
  h:resume()
  i = coro.info(h)
  C.eq(i.state, "suspended")
  C.eq(i.where:match("test_events.lua:(%d+)$"), tostring(line))
  C.eq(rawequal(i.awaiter, aw), true)
  C.eq(i.params, {{name = "a", value = 1}, {name = "b", value = 2}})
  C.eq(i.locals, {{name = "x", value = 3}, {name = "y", value = "why"}})
  h:resume()
  C.eq(coro.info(h).state, "suspended_final")
  h:destroy()
  C.eq(coro.info(h), nil)
end)

test("glance: state, where, promise, awaiter as info has them; nothing once gone; "
     .. "a running body's place is its own line, not its callee's", function()
  local aw = {await_ready = function() return false end, await_suspend = function() end,
              await_resume = function() end}
  local line, seen
  local h
  h = coro.coroutine(P, function()
    line = debug.getinfo(1, "l").currentline; seen = {coro.glance(h)} co_await(aw)
  end, "glanced")()
  local state, where, promise, awaiter = coro.glance(h)
  C.eq({state, where, rawequal(promise, h:promise()), awaiter},
       {"suspended_initial", "initial suspend point", true, coro.suspend_always})
  h:resume()
  C.eq({seen[1], seen[2]:match("test_events.lua:(%d+)$"), #seen},
       {"running", tostring(line), 3})     -- as it runs: its own line, no awaiter
  local i = coro.info(h)
  C.eq({coro.glance(h)}, {i.state, i.where, i.promise, i.awaiter})
  C.eq(rawequal(select(4, coro.glance(h)), aw), true)
  h:destroy()
  C.eq(select("#", coro.glance(h)), 0)
  C.raises("coroutine handle", coro.glance, 42)
end)

test("frames in creation order; running inside a body", function()
  local inside
  local a = coro.coroutine(P, function() inside = coro.running() end)()
  local b = coro.coroutine(P, function() end)()
  local f = coro.frames()
  C.eq(#f, 2)
  C.eq(f[1] == a and f[2] == b, true)
  C.eq(coro.running(), nil)
  a:resume()
  C.eq(inside == a, true)
  a:destroy(); b:destroy()
end)

test("a nameless awaiter is named after what made it, at every one of its events", function()
  local function nameless(ready)
    return {await_ready = function() return ready end, await_suspend = function() end,
            await_resume = function() end}
  end
  local T = C.lazy {await_transform = function(_, x) return x == "t" and nameless(true) or x end}
  local made = setmetatable({}, {__co_await = function() return nameless(true) end})
  local h = coro.coroutine(T, function()
    co_await("t")
    co_await(made)
  end)()
  local log = {}
  local id = coro.observe(function(ev)
    if ev.kind == "await_ready" or ev.kind == "~awaiter" then
      log[#log + 1] = ev.kind .. ": " .. ev.detail
    end
  end)
  h:resume()
  coro.unobserve(id)
  C.eq(log, {"await_ready: await_transform's result", "~awaiter: await_transform's result",
             "await_ready: operator co_await's result", "~awaiter: operator co_await's result",
             "await_ready: suspend_always"})
  h:destroy()
end)
