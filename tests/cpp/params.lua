-- params.lua — mirror of params.cpp: an argument whose metatable has
-- __copy is copied into the frame (C++'s copy or move constructor), after
-- operator_new and before the promise constructor; operator_new gets the
-- originals, new() and the body the copies; __close of each copy runs at
-- ~parameters, in the order of the parameters.
local T = require "trace"
local coro, say = T.coro, T.say

local fail_copy = ""                   -- the parameter whose copy raises

local Param = {}
Param.__index = Param
Param.__copy = function(o)
  say("copy %s", o.name)
  if fail_copy == o.name then error(o.name, 0) end
  return setmetatable({name = o.name, copy = true}, Param)
end
Param.__close = function(p) if p.copy then say("~copy %s", p.name) end end
function Param:which() return self.copy and "copy" or "original" end
local function param(name) return setmetatable({name = name}, Param) end

local Co = {}
Co.promise_type = coro.promise_type {
  operator_new = function(size, a, b)
    say("operator new(%s %s, %s %s)", a:which(), a.name, b:which(), b.name)
    return true
  end,
  operator_delete = function() say("operator delete") end,
  new = function(p, a, b) say("promise_type(%s %s, %s %s)", a:which(), a.name, b:which(), b.name) end,
  __close = function() say("~promise_type") end,
  get_return_object = function(p) say("get_return_object"); return {h = coro.from_promise(p)} end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function() end,
}

local co = coro.coroutine(Co, function(a, b)
  say("body(%s %s, %s %s)", a:which(), a.name, b:which(), b.name)
  coro.co_return()
end)

say("== the copies live as long as the coroutine state")
local c = co(param("a"), param("b"))
say("called")
c.h:resume()
say("destroy")
c.h:destroy()
for _, which in ipairs {"a", "b"} do
  say("== the copy of %s throws", which)
  fail_copy = which
  local ok, err = pcall(co, param("a"), param("b"))
  if not ok then say("caught %s", err) end
end
