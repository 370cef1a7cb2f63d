-- prologue_transfer.lua — mirror of prologue_transfer.cpp.
local T = require "trace"
local coro, say = T.coro, T.say
local co_await = coro.co_await

local Y = {}
Y.promise_type = coro.promise_type {
  __close = function() say("~Y.promise") end,
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function(p, e) say("Y.unhandled_exception: rethrow"); error(e, 0) end,
}

local thrower = coro.coroutine(Y, function()
  say("Y body throws")
  error("boom", 0)
end)

local target

local ToY = {}                        -- transfers to Y
ToY.__index = ToY
ToY.__close = function(a) say("~%s", a.name) end
function ToY:await_ready() say("%s.await_ready", self.name); return self.eager or false end
function ToY:await_suspend() say("%s.await_suspend -> Y", self.name); return target end
function ToY:await_resume() say("%s.await_resume", self.name) end
local function toY(name, eager) return setmetatable({name = name, eager = eager}, ToY) end

local X = {}
X.__index = X
X.__close = function() say("~X") end
X.promise_type = coro.promise_type {
  new = function(p, eager) p.eager = eager end,
  __close = function() say("~X.promise") end,
  get_return_object = function(p)
    say("X.get_return_object")
    return setmetatable({h = coro.from_promise(p)}, X)
  end,
  initial_suspend = function(p) return toY("init", p.eager) end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function(p, e) say("X.unhandled_exception"); error(e, 0) end,
}

local x = coro.coroutine(X, function()
  local l <close> = T.Local("local")
  say("X body")
  co_await(coro.temporary(toY("toY")))
  say("never here")
end)

for _, eager in ipairs {false, true} do
  say("== %s", eager and "eager: a co_await in the body transfers to Y"
                      or "lazy: the initial suspend point transfers to Y")
  local y = thrower()
  target = y.h
  local ok, err = pcall(function()
    local r <close> = x(eager)
    say("call returned")
  end)
  if not ok then say("caught %s", err) end
  y.h:destroy()
end
