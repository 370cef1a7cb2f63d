-- returns.lua — mirror of returns.cpp.
local T = require "trace"
local coro, say, Local = T.coro, T.say, T.Local

local function promise(members)
  members.__close = function() say("~promise_type") end
  members.get_return_object = function(p) return {h = coro.from_promise(p)} end
  members.initial_suspend = function() return coro.suspend_never end
  members.final_suspend = function() say("final_suspend"); return coro.suspend_always end
  members.unhandled_exception = function() end
  return coro.promise_type(members)
end
local Valued = promise {return_value = function(p, v) say("return_value %d", v) end}
local Void = promise {return_void = function() say("return_void") end}

local with_value = coro.coroutine(Valued, function()
  local a <close> = Local("a")
  do
    local b <close> = Local("b")
    coro.co_return(7)
  end
end)

local with_void = coro.coroutine(Void, function()
  local a <close> = Local("a")
  do
    local b <close> = Local("b")
    coro.co_return()
  end
end)

local flowing_off = coro.coroutine(Void, function()
  coro.co_await(coro.suspend_never)
  local a <close> = Local("a")
  do
    local b <close> = Local("b")
    say("inner block ends")
  end
  say("body ends")
end)

say("== co_return 7")
with_value().h:destroy()
say("== co_return")
with_void().h:destroy()
say("== flowing off the end")
flowing_off().h:destroy()
