-- full_expression.lua — mirror of full_expression.cpp: coro.full(f) is
-- one full-expression; the temporaries made in it (coro.temporary, and
-- what operator co_await makes) die at its end, last made first, also when
-- an error leaves it or the coroutine is destroyed inside it. The
-- unsequenced co_awaits of co_await a + co_await b are coro.co_awaits,
-- evaluated in the order coro.order picks (g++ 12's by default).
local T = require "trace"
local coro, say = T.coro, T.say
local co_await, temporary, full = coro.co_await, coro.temporary, coro.full

local Co = {}
Co.promise_type = coro.promise_type {
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function() return coro.suspend_never end,
  final_suspend = function() return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function() say("unhandled_exception") end,
}

local V = {}                          -- an awaiter with a value
V.__index = V
V.__close = function(v) say("~%s", v.name) end
function V:await_ready() say("%s.await_ready", self.name); return false end
function V:await_suspend() say("%s.await_suspend", self.name) end
function V:await_resume()
  say("%s.await_resume", self.name)
  if self.throws then error(self.name, 0) end
  return self.value
end
local function v(name, value, throws)
  say("%s()", name)
  return setmetatable({name = name, value = value, throws = throws}, V)
end

local Ticket = {}                     -- no awaiter: operator co_await makes one
Ticket.__index = Ticket
Ticket.__close = function(t) say("~%s", t.name) end
function Ticket:operator_co_await()
  say("%s.operator co_await", self.name)
  return v("waiter", 7)
end
local function ticket(name) say("%s()", name); return setmetatable({name = name}, Ticket) end

local Tmp = {__close = function(t) say("~%s", t.name) end}
local function t(name) say("%s()", name); return setmetatable({name = name}, Tmp) end

local function f(a) say("f(%d)", a); return a end
local function g(x, a) say("g(%s, %d)", x.name, a); return a end

local sum = coro.coroutine(Co, function()
  full(function()       -- say("sum %d", co_await V{"a", 1} + co_await V{"b", 2});
    local a, b = coro.co_awaits(function() return temporary(v("a", 1)) end,
                                function() return temporary(v("b", 2)) end)
    say("sum %d", a + b)
  end)
  say("after")
end, "sum")

local call = coro.coroutine(Co, function()
  full(function() f(co_await(temporary(v("x", 3)))) end)   -- f(co_await V{"x", 3});
  say("after")
end, "call")

local with_ticket = coro.coroutine(Co, function()
  full(function() f(co_await(temporary(ticket("ticket")))) end)
  say("after")
end, "ticket")

local unawaited = coro.coroutine(Co, function()
  full(function() g(temporary(t("t")), co_await(temporary(v("x", 4)))) end)
  say("after")
end, "unawaited")

local raises = coro.coroutine(Co, function()
  local ok, err = pcall(full, function()
    g(temporary(t("t")), co_await(temporary(v("x", 5, true))))
  end)
  if not ok then say("caught %s", err) end
  say("after")
end, "raises")

local destroyed = coro.coroutine(Co, function()
  local l <close> = T.Local("local")
  full(function()
    local a, b = coro.co_awaits(function() return temporary(v("a", 1)) end,
                                function() return temporary(v("b", 2)) end)
    say("sum %d", a + b)
  end)
end, "destroyed")

say("== co_await a + co_await b: unsequenced operands, destroyed at the end")
do local c = sum(); c.h:resume(); c.h:resume(); c.h:destroy() end
say("== f(co_await x): x lives until f has returned")
do local c = call(); c.h:resume(); c.h:destroy() end
say("== operator co_await's awaiter is a temporary too")
do local c = with_ticket(); c.h:resume(); c.h:destroy() end
say("== a temporary never awaited dies at the end too")
do local c = unawaited(); c.h:resume(); c.h:destroy() end
say("== an error inside the expression destroys the temporaries made so far")
do local c = raises(); c.h:resume(); c.h:destroy() end
say("== destroy() inside the expression: its temporaries, then the locals")
do local c = destroyed(); c.h:resume(); say("destroy"); c.h:destroy() end
