-- test_lifecycle.lua — the order of promise, awaiter and local calls, as
-- g++ makes them (/work/oracle out/s01..s09), for Lua promise types.
local coro = require "coro"
local C = require "check"
local co_await, co_yield, co_return = coro.co_await, coro.co_yield, coro.co_return

test("generator: prologue, yields, flowing off, destroy (s01)", function()
  local log, rec = C.log()
  local R = C.promise_type(rec)
  local gen = coro.coroutine(R, function(n)
    rec("body: start " .. n)
    local a <close> = C.local_("local_a", rec)
    co_yield(1)
    rec("body: after 1")
    do
      local b <close> = C.local_("local_b", rec)
      co_yield(2)
      rec("body: after 2")
    end
    rec("body: end")
  end)
  rec("[main] calling")
  do
    local r <close> = gen(7)
    rec("[main] returned")
    r.h:resume(); rec("value=" .. r.h:promise().current)
    r.h:resume(); rec("value=" .. r.h:promise().current)
    r.h:resume(); rec("done=" .. tostring(r.h:done()))
    rec("[main] leaving scope")
  end
  C.eq(log, {
    "[main] calling", "get_return_object", "initial_suspend",
    "initial.await_ready", "initial.await_suspend", "[main] returned",
    "initial.await_resume", "~initial", "body: start 7", "local_a",
    "yield_value", "value=1", "body: after 1", "local_b", "yield_value",
    "value=2", "body: after 2", "~local_b", "body: end", "~local_a",
    "return_void", "final_suspend", "final.await_ready",
    "final.await_suspend", "done=true", "[main] leaving scope", "~final",
    "~promise"})
end)

local function thrower(rec)
  return function(n)
    local a <close> = C.local_("local_a", rec)
    do
      local b <close> = C.local_("local_b", rec)
      do
        local c <close> = C.local_("local_c", rec)
        rec("body: throwing")
        error({what = "body"})
      end
    end
  end
end

test("body raises, unhandled_exception swallows (s03)", function()
  local log, rec = C.log()
  local R = C.promise_type(rec, {swallow = true})
  local r <close> = coro.coroutine(R, thrower(rec))(1)
  r.h:resume()
  rec("done=" .. tostring(r.h:done()))
  C.eq(r.h:promise().err, {what = "body"}, "the error value")
  r.h:destroy()
  C.eq(log, {
    "get_return_object", "initial_suspend", "initial.await_ready",
    "initial.await_suspend", "initial.await_resume", "~initial", "local_a",
    "local_b", "local_c", "body: throwing", "~local_c", "~local_b",
    "~local_a", "unhandled_exception", "final_suspend", "final.await_ready",
    "final.await_suspend", "done=true", "~final", "~promise"})
end)

test("body raises, unhandled_exception rethrows to the resumer (s03)", function()
  local log, rec = C.log()
  local R = C.promise_type(rec)
  local r <close> = coro.coroutine(R, thrower(rec))(1)
  local ok, err = pcall(r.h.resume, r.h)
  C.eq({ok, err}, {false, {what = "body"}}, "resume raised the body's error")
  rec("done=" .. tostring(r.h:done()))
  r.h:destroy()
  C.eq(log, {
    "get_return_object", "initial_suspend", "initial.await_ready",
    "initial.await_suspend", "initial.await_resume", "~initial", "local_a",
    "local_b", "local_c", "body: throwing", "~local_c", "~local_b",
    "~local_a", "unhandled_exception", "done=true", "~promise"})
end)

test("co_return v: return_value, then the locals die (s04)", function()
  local log, rec = C.log()
  local R = C.promise_type(rec, {value = true})
  local r <close> = coro.coroutine(R, function()
    local a <close> = C.local_("local_a", rec)
    do
      local b <close> = C.local_("local_b", rec)
      co_return(5)
    end
  end)()
  r.h:resume()
  C.eq(r.h:promise().value, 5)
  C.eq(log, {
    "get_return_object", "initial_suspend", "initial.await_ready",
    "initial.await_suspend", "initial.await_resume", "~initial", "local_a",
    "local_b", "return_value", "~local_b", "~local_a", "final_suspend",
    "final.await_ready", "final.await_suspend"})
end)

test("co_return(): return_void, then the locals die", function()
  local log, rec = C.log()
  local R = C.promise_type(rec, {initial = function() return coro.suspend_never end,
                                 final = function() return coro.suspend_always end})
  local r <close> = coro.coroutine(R, function()
    local a <close> = C.local_("local_a", rec)
    co_return()
  end)()
  C.eq(log, {"get_return_object", "initial_suspend", "local_a", "return_void",
             "~local_a", "final_suspend"})
end)

test("destroy at a co_await: awaiter, locals innermost first, promise (s05)", function()
  local log, rec = C.log()
  local R = C.promise_type(rec)
  local r = coro.coroutine(R, function(p1, p2)
    local a <close> = C.local_("local_a", rec)
    do
      local b <close> = C.local_("local_b", rec)
      do
        local c <close> = C.local_("local_c", rec)
        co_await(coro.temporary(C.awaiter("awaiter", rec)))
        rec("body: never reached")
      end
    end
  end)(1, 2)
  r.h:resume()
  rec("[main] destroy")
  r.h:destroy()
  C.eq(log, {
    "get_return_object", "initial_suspend", "initial.await_ready",
    "initial.await_suspend", "initial.await_resume", "~initial", "local_a",
    "local_b", "local_c", "awaiter.await_ready", "awaiter.await_suspend",
    "[main] destroy", "~awaiter", "~local_c", "~local_b", "~local_a",
    "~promise"})
end)

test("destroy at the initial suspend point (s05 initial)", function()
  local log, rec = C.log()
  local R = C.promise_type(rec)
  local r = coro.coroutine(R, function() rec("body") end)()
  r.h:destroy()
  C.eq(log, {"get_return_object", "initial_suspend", "initial.await_ready",
             "initial.await_suspend", "~initial", "~promise"})
end)

test("await_suspend returns void, true, false, a handle, noop (s06)", function()
  local function run(result)
    local log, rec = C.log()
    local R = C.promise_type(rec, {initial = function() return coro.suspend_always end,
                                   final = function() return coro.suspend_always end})
    local b <close> = coro.coroutine(R, function()
      rec("B: start"); co_await(coro.suspend_always); rec("B: after")
    end)()
    local a <close> = coro.coroutine(R, function()
      rec("A: before")
      co_await(coro.temporary(C.awaiter("aw", rec, {suspend = function(h)
        if result == "handle" then return b.h end
        if result == "noop" then return coro.noop_coroutine() end
        if result == "self" then return h end
        return result
      end})))
      rec("A: after")
    end)()
    a.h:resume()
    rec("[main] back")
    local from = 1
    while log[from] ~= "A: before" do from = from + 1 end
    return {table.unpack(log, from)}
  end
  local head = {"A: before", "aw.await_ready", "aw.await_suspend"}
  local function with(...) local t = {table.unpack(head)}; for _, s in ipairs{...} do t[#t + 1] = s end; return t end
  C.eq(run(nil), with("[main] back"), "void")
  C.eq(run(true), with("[main] back"), "true")
  C.eq(run(false), with("aw.await_resume", "~aw", "A: after", "return_void",
                        "final_suspend", "[main] back"), "false")
  C.eq(run("handle"), with("B: start", "[main] back"), "handle")
  C.eq(run("noop"), with("[main] back"), "noop")
  C.eq(run("self"), with("aw.await_resume", "~aw", "A: after", "return_void",
                         "final_suspend", "[main] back"), "own handle")
end)

test("await_suspend raises: resumed, raised at the co_await, no await_resume", function()
  local log, rec = C.log()
  local R = C.promise_type(rec, {swallow = true})
  local r <close> = coro.coroutine(R, function()
    local ok, err = pcall(co_await, coro.temporary(C.awaiter("aw", rec,
                                                   {raise = {await_suspend = "boom"}})))
    rec("caught " .. tostring(ok) .. " " .. err)
    co_await(coro.temporary(C.awaiter("aw2", rec, {raise = {await_suspend = "again"}})))
  end)()
  r.h:resume()
  C.eq(r.h:promise().err, "again")
  C.eq(log, {"get_return_object", "initial_suspend", "initial.await_ready",
             "initial.await_suspend", "initial.await_resume", "~initial",
             "aw.await_ready", "aw.await_suspend", "~aw", "caught false boom",
             "aw2.await_ready", "aw2.await_suspend", "~aw2",
             "unhandled_exception", "final_suspend", "final.await_ready",
             "final.await_suspend"})
end)

test("final_suspend never: the frame destroys itself (s07)", function()
  local log, rec = C.log()
  local R = C.promise_type(rec, {final = function() return coro.suspend_never end})
  local r = coro.coroutine(R, function() rec("body") end)()
  r.h:resume()
  C.eq(#coro.frames(), 0, "no frame left")
  C.raises("already destroyed", r.h.resume, r.h)
  C.eq(log, {"get_return_object", "initial_suspend", "initial.await_ready",
             "initial.await_suspend", "initial.await_resume", "~initial", "body",
             "return_void", "final_suspend", "~promise"})
end)

test("operator new/delete and allocation failure (s08)", function()
  local log, rec = C.log()
  local fail = false
  local Ret = {}
  local size
  local memory = {"the block operator_new handed out"}
  Ret.promise_type = coro.promise_type {
    operator_new = function(n, a, b) size = n; rec("operator new " .. a .. " " .. b); return not fail and memory end,
    operator_delete = function(ptr, n)   -- what operator_new returned, and its size
      rec("operator delete " .. tostring(rawequal(ptr, memory)) .. " " .. tostring(n == size))
    end,
    get_return_object_on_allocation_failure = function() rec("on failure"); return "failed" end,
    get_return_object = function(p) rec("get_return_object"); return coro.from_promise(p) end,
    initial_suspend = function() return coro.suspend_always end,
    final_suspend = function() return coro.suspend_always end,
    return_void = function() end,
    unhandled_exception = function(p, e) error(e, 0) end,
  }
  local f = coro.coroutine(Ret, function() end)
  local h = f(1, 2)
  h:destroy()
  fail = true
  C.eq(f(3, 4), "failed")
  C.eq(log, {"operator new 1 2", "get_return_object", "operator delete true true",
             "operator new 3 4", "on failure"})
  C.eq(math.type(size), "integer")
end)

test("no get_return_object_on_allocation_failure: bad_alloc", function()
  local Ret = {promise_type = coro.promise_type {
    operator_new = function() return nil end,
    get_return_object = function(p) return coro.from_promise(p) end,
    initial_suspend = function() return coro.suspend_always end,
    final_suspend = function() return coro.suspend_always end,
    return_void = function() end,
    unhandled_exception = function(p, e) error(e, 0) end,
  }}
  C.raises("std::bad_alloc", coro.coroutine(Ret, function() end))
end)

test("promise constructor gets the arguments (s09)", function()
  local log, rec = C.log()
  local R = C.promise_type(rec, {new = function(p, a, b) rec("new " .. a .. " " .. b); p.sum = a + b end})
  local r <close> = coro.coroutine(R, function(a, b) end)(3, 4)
  C.eq(r.h:promise().sum, 7)
  C.eq(log[1], "new 3 4")
  C.eq(log[2], "get_return_object")
end)

test("await_transform: for co_await only, not initial/final/yield (s10)", function()
  local log, rec = C.log()
  local R = C.promise_type(rec, {
    transform = function(p, x) return C.awaiter("transformed(" .. tostring(x) .. ")", rec, {ready = true, value = x * 2}) end,
    initial = function() return coro.suspend_never end,
    final = function() return coro.suspend_always end})
  local r <close> = coro.coroutine(R, function()
    rec("got " .. co_await(21))
    co_yield(1)
  end)()
  C.eq(log, {"get_return_object", "initial_suspend", "await_transform",
             "transformed(21).await_ready", "transformed(21).await_resume", "~transformed(21)", "got 42",
             "yield_value"})
end)

test("await_transform returning its operand: one object, destroyed once", function()
  local log, rec = C.log()
  local R = C.promise_type(rec, {transform = function(p, x) return x end,
    initial = function() return coro.suspend_never end,
    final = function() return coro.suspend_always end})
  local r <close> = coro.coroutine(R, function()
    co_await(coro.temporary(C.awaiter("aw", rec, {ready = true, value = 1})))
  end)()
  C.eq(log, {"get_return_object", "initial_suspend", "await_transform",
             "aw.await_ready", "aw.await_resume", "~aw", "return_void",
             "final_suspend"})
end)

test("operator_co_await member and __co_await non-member", function()
  local log, rec = C.log()
  local member = {operator_co_await = function(self) rec("member co_await"); return C.awaiter("m", rec, {ready = true, value = "M"}) end}
  local nonmember = setmetatable({}, {__co_await = function(self) rec("free co_await"); return C.awaiter("f", rec, {ready = true, value = "F"}) end})
  local got = {}
  local R = C.promise_type(rec, {initial = function() return coro.suspend_never end,
                                 final = function() return coro.suspend_always end})
  local r <close> = coro.coroutine(R, function()
    got[1] = co_await(member)
    got[2] = co_await(nonmember)
  end)()
  C.eq(got, {"M", "F"})
  C.eq(log, {"get_return_object", "initial_suspend", "member co_await",
             "m.await_ready", "m.await_resume", "~m", "free co_await",
             "f.await_ready", "f.await_resume", "~f", "return_void", "final_suspend"})
end)

test("initial_suspend never: the body runs inside the call", function()
  local log, rec = C.log()
  local R = C.promise_type(rec, {initial = function() return coro.suspend_never end,
                                 final = function() return coro.suspend_always end})
  rec("call")
  local r <close> = coro.coroutine(R, function() rec("body") end)()
  rec("returned")
  C.eq(log, {"call", "get_return_object", "initial_suspend", "body",
             "return_void", "final_suspend", "returned"})
end)

test("co_yield's value is await_resume's, as C++'s co_yield expression", function()
  local log, rec = C.log()
  local R = coro.promise_type {
    get_return_object = function(p) return {h = coro.from_promise(p)} end,
    initial_suspend = function() return coro.suspend_always end,
    final_suspend = function() return coro.suspend_always end,
    yield_value = function(p, v) return C.awaiter("yield", rec, {value = v * 10}) end,
    return_void = function() end,
    unhandled_exception = function(p, err) error(err, 0) end,
  }
  local h = coro.coroutine(R, function()
    rec("got " .. co_yield(4))
    local none = {co_await(coro.suspend_always)}
    rec("suspend_always gives " .. #none .. " values")
  end)().h
  h:resume(); h:resume(); h:resume()
  C.eq(log, {"yield.await_ready", "yield.await_suspend", "yield.await_resume",
             "~yield", "got 40", "suspend_always gives 0 values"})
  h:destroy()
end)

-- [dcl.fct.def.coroutine]/7, [coroutine.handle]: get_return_object may
-- return a plain handle that R.convert makes the result from; the handle
-- then ends, which destroys nothing (tests/cpp/tunable.cpp)
test("R.convert of a handle: ending the handle destroys nothing; an owner is closed once", function()
  local log, rec = C.log()
  local R = {}
  R.__index = R
  function R.convert(h) rec("convert"); return setmetatable({h = h}, R) end
  R.promise_type = C.lazy {__close = function() rec("~promise") end}
  local r = coro.coroutine(R, function() rec("body") end, "tunable")()
  r.h:resume()
  C.eq({r.h:done(), log}, {true, {"convert", "body"}})
  r.h:destroy()
  C.eq(log[#log], "~promise")
  local Owner = {__close = function(o) rec("~owner " .. (o.h and "destroys" or "owns nothing")) end}
  local O = {}
  function O.convert(o) local h = o.h; o.h = nil; return {h = h} end
  O.promise_type = C.lazy {get_return_object = function(p)
    return setmetatable({h = coro.from_promise(p)}, Owner)
  end}
  local o = coro.coroutine(O, function() end)()
  C.eq(log[#log], "~owner owns nothing")
  o.h:destroy()
  -- a call that fails: the runtime destroys the frame, never a handle
  local F = C.lazy {initial_suspend = function() error("initial", 0) end}
  C.raises("initial", coro.coroutine(F, function() end))
  C.eq(#coro.frames(), 0)
end)
