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

test("coro.events lists every event name in order", function()
  C.eq(coro.events[1], "operator new")
  local seen = {}
  for _, k in ipairs(coro.events) do seen[k] = true end
  for _, k in ipairs{"await_suspend", "symmetric transfer", "~awaiter", "misuse",
                     "unhandled_exception", "return to caller"} do
    C.eq(seen[k], true, k)
  end
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
