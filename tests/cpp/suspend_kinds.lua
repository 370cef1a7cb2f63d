-- suspend_kinds.lua — mirror of suspend_kinds.cpp.
local T = require "trace"
local coro, say, Local = T.coro, T.say, T.Local

local Task = {}
Task.promise_type = coro.promise_type {
  new = function(p, name) p.name = name end,
  __close = function(p) say("%s: ~promise_type", p.name) end,
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function(p) say("%s: final_suspend", p.name); return coro.suspend_always end,
  return_void = function(p) say("%s: return_void", p.name) end,
  unhandled_exception = function(p, err) say("%s: unhandled_exception %s", p.name, err) end,
}

local other
local K = {}
K.__index = K
K.__close = function() say("~k") end
function K.await_ready() say("k.await_ready"); return false end
function K.await_resume() say("k.await_resume") end
local suspend = {
  void = function() end,
  throw = function() error("oops", 0) end,
  ["true"] = function() return true end,
  ["false"] = function() return false end,
  handle = function() return other end,
  noop = function() return coro.noop_coroutine() end,
}

local a = coro.coroutine(Task, function(name, mode)
  local l <close> = Local("a_local")
  say("%s: before", name)
  coro.co_await(coro.temporary(setmetatable({await_suspend = function()
    say("k.await_suspend")
    return suspend[mode]()
  end}, K)))
  say("%s: after", name)
end)

local b = coro.coroutine(Task, function(name)
  say("%s: body", name)
  coro.co_return()
end)

for _, mode in ipairs {"void", "true", "false", "handle", "noop", "throw"} do
  say("== %s", mode)
  local tb, ta = b("B", mode), a("A", mode)
  other = tb.h
  say("resume A")
  ta.h:resume()
  say("A.done %d B.done %d", ta.h:done() and 1 or 0, tb.h:done() and 1 or 0)
  if not ta.h:done() then
    say("resume A")
    ta.h:resume()
  end
  ta.h:destroy()
  tb.h:destroy()
end
