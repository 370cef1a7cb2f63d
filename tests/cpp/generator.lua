-- generator.lua — mirror of generator.cpp.
local T = require "trace"
local coro, say, Aw, Local = T.coro, T.say, T.Aw, T.Local

local Generator = {}
Generator.promise_type = coro.promise_type {
  new = function(p) say("promise_type()") end,
  __close = function(p) say("~promise_type") end,
  get_return_object = function(p)
    say("get_return_object")
    return {h = coro.from_promise(p)}
  end,
  initial_suspend = function(p) say("initial_suspend"); return Aw("initial") end,
  final_suspend = function(p) say("final_suspend"); return Aw("final") end,
  yield_value = function(p, v) say("yield_value %d", v); p.current = v; return Aw("yield") end,
  return_void = function(p) say("return_void") end,
  unhandled_exception = function(p) say("unhandled_exception") end,
}

local range = coro.coroutine(Generator, function(n)
  local outer <close> = Local("outer")
  for i = 0, n - 1 do
    local inner <close> = Local("inner")
    coro.co_yield(i)
  end
end)

say("call range(2)")
local g = range(2)
while true do
  say("resume")
  g.h:resume()
  if g.h:done() then break end
  say("value %d", g.h:promise().current)
end
say("destroy")
g.h:destroy()
