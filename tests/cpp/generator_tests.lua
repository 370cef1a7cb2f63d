-- generator_tests.lua — mirror of generator_tests.cpp (cppcoro's generator
-- tests' behaviours). A generic for over g:each() is the range-for; the
-- range-for's temporary generator is a <close> local around the loop.
local T = require "trace"
local coro, say = T.coro, T.say
local co_yield = coro.co_yield

local Gen = {}
Gen.__index = Gen
Gen.__close = function(g) say("~Gen: destroy"); g.h:destroy() end
Gen.promise_type = coro.promise_type {
  get_return_object = function(p) return setmetatable({h = coro.from_promise(p)}, Gen) end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  yield_value = function(p, v) p.current = v; return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function(p, e) p.error = e end,
}

function Gen:advance()                -- resume; rethrow what the body threw
  self.h:resume()
  local p = self.h:promise()
  if p.error then
    local e = p.error
    p.error = nil
    error(e, 0)
  end
end

function Gen:each()                   -- for v in g:each() do ... end
  return function()
    self:advance()
    if not self.h:done() then return self.h:promise().current end
  end
end

local not_started = coro.coroutine(Gen, function()
  say("reached A")
  co_yield(1)
  say("reached B")
  co_yield(2)
  say("reached C")
end)

local left_early = coro.coroutine(Gen, function()
  local on_exit <close> = T.Local("on_exit")
  co_yield(1)
  co_yield(2)
  say("completed")
end)

local throws_first = coro.coroutine(Gen, function()
  error("before the first element", 0)
end)

local throws_later = coro.coroutine(Gen, function()
  co_yield(1)
  error("after the first element", 0)
end)

say("== doesn't start until it is iterated")
do
  local g <close> = not_started()
  say("called")
  for v in g:each() do say("got %d", v) end
end
say("== leaving the loop early destroys the locals")
do
  local range <close> = left_early()
  for v in range:each() do
    say("got %d", v)
    break
  end
end
say("after the loop")
say("== an exception before the first element comes out of begin()")
do
  local g <close> = throws_first()
  local ok, e = pcall(g.advance, g)
  if not ok then say("caught: %s", e) end
end
say("== an exception after the first element comes out of ++")
do
  local g <close> = throws_later()
  g:advance()
  say("got %d", g.h:promise().current)
  local ok, e = pcall(g.advance, g)
  if not ok then say("caught: %s", e) end
end
