-- destroy_order.lua — mirror of destroy_order.cpp.
local T = require "trace"
local coro, say, Aw, Local = T.coro, T.say, T.Aw, T.Local

local Task = {}
Task.promise_type = coro.promise_type {
  __close = function() say("~promise_type") end,
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() say("return_void") end,
  unhandled_exception = function() end,
}

local nested = coro.coroutine(Task, function()
  local a <close> = Local("a")
  do
    local b <close> = Local("b")
    do
      local c <close> = Local("c")
      say("suspending")
      coro.co_await(coro.temporary(Aw("aw")))
      say("never here")
    end
  end
end)

say("== suspended at a co_await")
local t = nested()
t.h:resume()
say("destroy")
t.h:destroy()
say("== suspended at the initial suspend point")
local u = nested()
say("destroy")
u.h:destroy()
