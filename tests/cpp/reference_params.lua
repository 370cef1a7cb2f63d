-- reference_params.lua — mirror of reference_params.cpp: the 4th argument
-- of coro.coroutine declares the parameters' C++ types; one declared a
-- reference ("const Widget&") is not copied, even if its argument has
-- __copy: the body uses the caller's widget. One declared by value is
-- copied (__copy) into the frame and closed at ~parameters; its argument,
-- a temporary of the call's full-expression (coro.full), dies at its end.
local T = require "trace"
local coro, say = T.coro, T.say

local Widget = {}
Widget.__index = Widget
Widget.__copy = function(o)
  say("copy %s", o.name)
  return setmetatable({name = o.name, copy = true}, Widget)
end
Widget.__close = function(w) say(w.copy and "~copy %s" or "~Widget(%s)", w.name) end
local function widget(name) say("Widget(%s)", name); return setmetatable({name = name}, Widget) end

local Task = {}                       -- lazy; owns its frame
Task.__index = Task
Task.__close = function(t) say("~Task"); t.h:destroy() end
Task.promise_type = coro.promise_type {
  get_return_object = function(p) return setmetatable({h = coro.from_promise(p)}, Task) end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function() end,
}

local by_reference = coro.coroutine(Task, function(w)
  say("by_reference: %s", w.name)
  coro.co_await(coro.suspend_always)
  say("by_reference again: %s", w.name)
end, "by_reference", {"const Widget&"})

local by_value = coro.coroutine(Task, function(w)
  say("by_value: %s", w.name)
  coro.co_await(coro.suspend_always)
  say("by_value again: %s", w.name)
end, "by_value", {"Widget"})

say("== by reference: no copy; the body uses the caller's widget")
do
  local w <close> = widget("a")
  do
    local t <close> = by_reference(w)
    t.h:resume()
    t.h:resume()
  end
  say("the widget outlived the coroutine")
end
say("== by value: a copy in the frame, destroyed with it")
do
  local t <close> = coro.full(function() return by_value(coro.temporary(widget("b"))) end)
  say("called")
  t.h:resume()
  t.h:resume()
end
