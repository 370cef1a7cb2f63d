-- test_errors.lua — misuse is a Lua error naming the C++ rule, and the
-- runtime stays usable; errors raised by bodies and callbacks follow C++.
local coro = require "coro"
local C = require "check"
local co_await, co_yield, co_return = coro.co_await, coro.co_yield, coro.co_return

local lazy = C.lazy

test("promise type definition errors, as a compiler words them", function()
  C.raises({"no member named 'get_return_object' in 'bad'", "[dcl.fct.def.coroutine]"},
           coro.promise_type, {__name = "bad", initial_suspend = print,
             final_suspend = print, unhandled_exception = print, return_void = print})
  C.raises("no member named 'unhandled_exception' in 'promise_type'",
           coro.promise_type, {get_return_object = print, initial_suspend = print,
             final_suspend = print})
  C.raises("declares both 'return_value' and 'return_void'", coro.promise_type,
           {get_return_object = print, initial_suspend = print, final_suspend = print,
            unhandled_exception = print, return_value = print, return_void = print})
  C.raises("promise type, or table with a promise_type expected", coro.coroutine, {}, print)
end)

test("resume of a done, destroyed, running or null handle", function()
  local P = lazy()
  local h = coro.coroutine(P, function() end, "once")()
  h:resume()
  C.eq(h:done(), true)
  C.raises({"resume(): coroutine #", "'once'", "final suspend point (done)",
            "[coroutine.handle.resumption]"}, h.resume, h)
  h:destroy()
  C.raises({"already destroyed", "[coroutine.handle]"}, h.resume, h)
  C.raises("already destroyed", h.destroy, h)
  C.raises("already destroyed", h.done, h)
  C.raises("the coroutine_handle is null", coro.null.resume, coro.null)
  local self
  self = coro.coroutine(P, function()
    local ok, err = pcall(self.resume, self)
    co_return(err)
  end)
  local P2 = lazy({return_void = false, return_value = function(p, v) p.v = v end})
  self = nil
  local me
  local f = coro.coroutine(P2, function()
    local ok, err = pcall(me.resume, me)
    local ok2, err2 = pcall(me.destroy, me)
    co_return({err, err2})
  end)
  me = f()
  me:resume()
  C.raises("x", function() error("x") end)
  local errs = me:promise().v
  assert(errs[1]:find("resuming a running coroutine", 1, true), errs[1])
  assert(errs[2]:find("is running; destroying a coroutine that is not suspended", 1, true), errs[2])
  me:destroy()
end)

test("promise() of a type-erased handle; from_address with the wrong type", function()
  local P, Q = lazy(), lazy({__name = "other"})
  local h = coro.coroutine(P, function() end)()
  local erased = coro.from_address(h:address())
  C.eq(erased == h, true)
  C.raises({"type-erased", "coroutine_handle<>"}, erased.promise, erased)
  C.raises({"has promise type", "[coroutine.handle.export.import]"},
           coro.from_address, h:address(), Q)
  local typed = coro.from_address(h:address(), P)
  C.eq(typed:promise(), h:promise())
  C.raises("not the promise of a live coroutine", coro.from_promise, {})
  local p = h:promise()
  h:destroy()
  C.raises("not the promise of a live coroutine", coro.from_promise, p)
  C.raises("already destroyed", coro.from_address, h:address())
end)

test("co_await outside a body, from a helper, from an xpcall message handler", function()
  C.raises({"co_await outside of a coroutine body", "[expr.await]/2"}, co_await, 1)
  local P = lazy({return_void = false, return_value = function(p, v) p.v = v end,
                  yield_value = function() return coro.suspend_never end})
  local h = coro.coroutine(P, function()
    local function helper() co_await(coro.suspend_never) end
    local ok, err = pcall(function() helper() end)   -- the try block calls a helper
    local ok2 = pcall(co_await, coro.suspend_never)  -- allowed: C++ try/catch
    local ok3 = pcall(function() co_yield(1) end)    -- a try block: allowed
    local _, err4 = xpcall(function() error("x") end,
                           function() return select(2, pcall(co_await, 1)) end)
    co_return({err, ok2, ok3, err4})
  end)()
  h:resume()
  local v = h:promise().v
  assert(v[1]:find("co_await called from a function that the coroutine body calls", 1, true)
         and v[1]:find("C++ coroutines are stackless", 1, true), v[1])
  C.eq({v[2], v[3]}, {true, true})
  assert(v[4]:find("not in an xpcall message handler", 1, true), v[4])
  h:destroy()
end)

-- xpcall(f, handler) in a body is a try block as pcall is ([stmt.try]): a
-- co_await or co_yield in f suspends the coroutine and resumes there
-- ([expr.await]/2 allows them in a try block, only not in a handler)
test("xpcall try block: co_await and co_yield in it suspend and resume [stmt.try]", function()
  local log, rec = C.log()
  local R = C.promise_type(rec)
  local r <close> = coro.coroutine(R, function()
    local ok, v = xpcall(function()
      rec("try: " .. co_await(coro.temporary(C.awaiter("aw", rec, {value = "resumed"}))))
      co_yield(7)
      rec("try: after co_yield")
      return "try's value"
    end, function(e) rec("handler: " .. tostring(e)); return e end)
    rec(("xpcall returned %s, %s"):format(ok, v))
  end)()
  repeat
    r.h:resume()
    rec(("[main] back: done %s, current %s"):format(r.h:done(), r.h:promise().current))
  until r.h:done()
  C.eq(log, {"get_return_object", "initial_suspend", "initial.await_ready",
             "initial.await_suspend", "initial.await_resume", "~initial",
             "aw.await_ready", "aw.await_suspend", "[main] back: done false, current nil",
             "aw.await_resume", "~aw", "try: resumed",
             "yield_value", "[main] back: done false, current 7",
             "try: after co_yield", "xpcall returned true, try's value",
             "return_void", "final_suspend", "final.await_ready", "final.await_suspend",
             "[main] back: done true, current 7"}, "co_await, co_yield in xpcall [stmt.try]")
end)

-- and what is raised in it, at a co_await or by the body after a
-- resumption, is caught by that xpcall: the handler runs, the body goes on
-- ([except.handle]; not unhandled_exception, [dcl.fct.def.coroutine]/5)
test("xpcall try block: an error in it is caught there, the body goes on [except.handle]", function()
  local log, rec = C.log()
  local R = C.promise_type(rec)
  local function handler(e) rec("handler: " .. e); return "handled " .. e end
  local r <close> = coro.coroutine(R, function()
    local ok, e = xpcall(function()
      co_await(coro.temporary(C.awaiter("aw", rec,
                                        {raise = {await_resume = "from await_resume"}})))
      rec("never")
    end, handler)
    rec(("caught: %s, %s"):format(ok, e))
    ok, e = xpcall(function()
      co_yield(1)
      error("from the body", 0)
    end, handler)
    rec(("caught: %s, %s"):format(ok, e))
  end)()
  while not r.h:done() do rec("[main] resume"); r.h:resume() end
  C.eq(log, {"get_return_object", "initial_suspend", "initial.await_ready",
             "initial.await_suspend", "[main] resume", "initial.await_resume", "~initial",
             "aw.await_ready", "aw.await_suspend", "[main] resume",
             "aw.await_resume", "~aw", "handler: from await_resume",
             "caught: false, handled from await_resume",
             "yield_value", "[main] resume", "handler: from the body",
             "caught: false, handled from the body",
             "return_void", "final_suspend", "final.await_ready", "final.await_suspend"},
       "caught by xpcall, not unhandled_exception [except.handle]")
end)

test("coroutine.yield and return with values in a body are errors", function()
  local P = lazy()
  local h = coro.coroutine(P, function() coroutine.yield(1) end)()
  C.raises({"coroutine.yield in the body", "co_await or co_yield"}, h.resume, h)
  h:destroy()
  h = coro.coroutine(P, function() return 1, 2 end, "ret")()
  C.raises({"'ret' ended with 'return' and 2 value(s)", "co_return"}, h.resume, h)
  h:destroy()
end)

test("co_yield without yield_value; flowing off without return_void", function()
  local P = lazy({__name = "noyield"})
  local here = debug.getinfo(1, "Sl")
  local line, src = here.currentline, here.short_src
  local h = coro.coroutine(P, function() co_yield(1) end)()
  C.raises(("co_yield at %s:%d: no member named 'yield_value' in "
            .. "'noyield' [expr.yield]"):format(src, line + 2), h.resume, h)
  h:destroy()
  local V = lazy({return_void = false, return_value = print, __name = "valued"})
  h = coro.coroutine(V, function() end, "off")()
  C.raises({"'off' flowed off the end of its body", "no return_void",
            "[stmt.return.coroutine]/3: end the body with co_return and a value"}, h.resume, h)
  h:destroy()
  h = coro.coroutine(lazy({return_void = false}), function() end, "neither")()
  C.raises({"'neither' flowed off the end", "give the promise type a return_void member"},
           h.resume, h)
  h:destroy()
  h = coro.coroutine(V, function()
    local x = 1
    co_return()                                          -- the line named
  end)()
  C.raises(("co_return at %s:%d: no member named 'return_void' in "
            .. "'valued'"):format(src, line + 17), h.resume, h)
  h:destroy()
end)

test("awaiter errors: missing members, ambiguous co_await, bad await_suspend result", function()
  local P = lazy({return_void = false, return_value = function(p, v) p.v = v end})
  local h = coro.coroutine(P, function()
    local r = {}
    r[1] = select(2, pcall(co_await, 42))
    r[2] = select(2, pcall(co_await, {await_ready = print}))
    local both = setmetatable({operator_co_await = print}, {__co_await = print})
    r[3] = select(2, pcall(co_await, both))
    r[4] = select(2, pcall(co_await, {await_ready = function() return false end,
      await_suspend = function() return 42 end, await_resume = print}))
    co_return(r)
  end)()
  h:resume()
  local r = h:promise().v
  C.eq(r[1], "co_await: no member named 'await_ready' in 'number'; an awaiter needs "
       .. "await_ready, await_suspend and await_resume [expr.await]/3.7")
  assert(r[2]:find("no member named 'await_suspend' in 'table'", 1, true), r[2])
  assert(r[3]:find("ambiguous overload for 'operator co_await'", 1, true), r[3])
  C.eq(r[4], "await_suspend returned a number; it must return nothing (void), "
       .. "a boolean, or a coroutine handle [expr.await]/5.1")
  h:destroy()
end)

test("an error in every promise callback", function()
  local function P(member, extra)
    local t = {
      get_return_object = function(p) return coro.from_promise(p) end,
      initial_suspend = function() return coro.suspend_always end,
      final_suspend = function() return coro.suspend_always end,
      return_value = function(p, v) end,
      yield_value = function() return coro.suspend_always end,
      unhandled_exception = function(p, e) p.err = e end,
      await_transform = function(p, x) return x end,
    }
    for k, v in pairs(extra or {}) do t[k] = v end
    local boom = {member}
    t[member] = function() error(boom) end
    return coro.promise_type(t), boom
  end
  for _, m in ipairs{"new", "get_return_object", "initial_suspend", "operator_new"} do
    local pt, boom = P(m)
    local ok, err = pcall(coro.coroutine(pt, function() end))
    C.eq({ok, err}, {false, boom}, m)
  end
  for _, m in ipairs{"yield_value", "await_transform", "return_value"} do
    local pt, boom = P(m)
    local h = coro.coroutine(pt, function()
      co_await(coro.suspend_never); co_yield(1); co_return(1)
    end)()
    repeat h:resume() until h:done()
    C.eq(h:promise().err, boom, m .. " is raised in the body")
    C.eq(h:done(), true)
    h:destroy()
  end
  local pt, boom = P("unhandled_exception")
  local h = coro.coroutine(pt, function() error("first") end)()
  local ok, err = pcall(h.resume, h)
  C.eq({ok, err, h:done()}, {false, boom, true}, "unhandled_exception rethrows")
  h:destroy()
  pt = P("final_suspend")
  h = coro.coroutine(pt, function() co_return(1) end)()
  C.raises({"threw from its final suspend", "std::terminate", "[dcl.fct.def.coroutine]/15"},
           h.resume, h)
  h:destroy()
end)

test("an error in every awaiter member is raised at the co_await", function()
  local P = lazy({return_void = false, return_value = function(p, v) p.v = v end})
  local got = {}
  for _, m in ipairs{"await_ready", "await_suspend", "await_resume"} do
    local boom = {m}
    local aw = {await_ready = function() return false end, await_suspend = function() return false end,
                await_resume = function() return 1 end}
    aw[m] = function() error(boom) end
    local h = coro.coroutine(P, function()
      local ok, err = pcall(co_await, aw)
      co_return(err)
    end)()
    h:resume()
    got[#got + 1] = h:promise().v == boom
    h:destroy()
  end
  C.eq(got, {true, true, true})
end)

test("error values of any type, and tracebacks for strings", function()
  for _, v in ipairs{{1}, 42, true, "text", coroutine.create(print)} do
    local P = lazy({unhandled_exception = function(p, e) p.err = e end})
    local h = coro.coroutine(P, function() error(v, 0) end)()
    h:resume()
    C.eq(rawequal(h:promise().err, v), true, type(v))
    h:destroy()
  end
  local detail
  local id = coro.observe(function(ev) if ev.kind == "throw" then detail = ev.detail end end)
  local P = lazy({unhandled_exception = function(p, e) p.err = e end})
  local h = coro.coroutine(P, function() error("deep") end)()
  h:resume()
  coro.unobserve(id)
  assert(h:promise().err:find("deep$"), h:promise().err)
  assert(detail:find("stack traceback", 1, true), detail)
  h:destroy()
end)

test("a callback that tries coroutine.yield gets a clear error", function()
  local P = lazy({yield_value = function() coroutine.yield() end,
                  unhandled_exception = function(p, e) p.err = e end})
  local h = coro.coroutine(P, function() co_yield(1) end)()
  h:resume()
  assert(h:promise().err:find("coroutine.yield in a promise or awaiter callback", 1, true))
  h:destroy()
  h = coro.coroutine(P, function() co_yield(1) end)()
  local co = coroutine.wrap(function() h:resume(); return h:promise().err end)
  assert(co():find("coroutine.yield in a promise or awaiter callback", 1, true))
  h:destroy()
end)

test("the runtime stays usable after misuse", function()
  local P = lazy()
  for _ = 1, 3 do
    local h = coro.coroutine(P, function() co_await(coro.suspend_always) end)()
    h:resume(); h:resume()
    pcall(h.resume, h)
    h:destroy()
    pcall(h.destroy, h)
  end
  C.eq(#coro.frames(), 0)
end)

test("wrong types from callbacks and arguments", function()
  local bad = lazy({initial_suspend = function() return 42 end})
  C.raises("co_await: no member named 'await_ready' in 'number'", coro.coroutine(bad, function() end))
  local badfinal = lazy({final_suspend = function() return "x" end})
  local h = coro.coroutine(badfinal, function() end)()
  C.raises({"no member named 'await_ready' in 'string'", "std::terminate"}, h.resume, h)
  h:destroy()
  local badyield = lazy({yield_value = function() return nil end,
                         unhandled_exception = function(p, e) p.err = e end})
  h = coro.coroutine(badyield, function() co_yield(1) end)()
  h:resume()
  assert(h:promise().err:find("no member named 'await_ready' in 'nil'", 1, true))
  h:destroy()
  C.raises("bad argument #2 to 'coro.coroutine' (function expected", coro.coroutine, lazy(), 42)
  C.raises("light userdata (an address) expected", coro.from_address, "x")
  C.raises("coroutine handle expected", coro.null.resume, {})
  C.raises("coroutine handle expected", coro.info, 1)
end)

test("destructors that raise: warned, and destruction goes on", function()
  local log, rec = C.log()
  local R = C.promise_type(rec)
  local r = coro.coroutine(R, function()
    local a <close> = C.local_("a", rec)
    local bad <close> = setmetatable({}, {__close = function() rec("~bad"); error("dtor") end})
    co_await(coro.temporary(setmetatable({}, {__index = {await_ready = function() return false end,
      await_suspend = function() end, await_resume = function() end},
      __close = function() rec("~aw"); error("awaiter dtor") end})))
  end)()
  r.h:resume()
  r.h:destroy()
  C.eq({table.unpack(log, #log - 4)}, {"a", "~aw", "~bad", "~a", "~promise"})
end)

test("a member the body needs is missing: the resumer hears it, unhandled_exception does not", function()
  local swallowed = {}
  local quiet = {unhandled_exception = function(p, e) swallowed[#swallowed + 1] = e end}
  local function run(extra, body, message)
    for k, v in pairs(quiet) do extra[k] = v end
    local h = coro.coroutine(lazy(extra), body)()
    C.raises(message, h.resume, h)
    C.eq({h:done(), #swallowed}, {true, 0})
    h:destroy()
  end
  run({}, function() co_yield(1) end, ": no member named 'yield_value'")
  run({}, function() co_return(1) end, ": no member named 'return_value'")
  run({return_void = false, return_value = print}, function() end,
      "flowed off the end of its body")
end)

test("definition: a member that is no function; a misspelled member is warned", function()
  local base = {get_return_object = print, initial_suspend = print, final_suspend = print,
                unhandled_exception = print, return_void = print}
  local function with(extra)
    local t = {__name = "P"}
    for k, v in pairs(base) do t[k] = v end
    for k, v in pairs(extra) do t[k] = v end
    return t
  end
  C.raises("coro.promise_type 'P': member 'initial_suspend' is a number, not a function",
           coro.promise_type, with({initial_suspend = 5}))
  C.eq(coro.promise_type(with({initial_suspend = setmetatable({}, {__call = print})})) ~= nil, true)
  local warnings, default = {}, warn
  _G.warn = function(msg) warnings[#warnings + 1] = msg end   -- Lua's warn, captured
  local P = coro.promise_type(with({final_supsend = print, await_transfrom = print,
                                    value = 1, name = "data", next = false}))
  _G.warn = default
  table.sort(warnings)
  C.eq(warnings, {
    "coro.promise_type 'P': field 'await_transfrom' is no member; did you mean 'await_transform'?",
    "coro.promise_type 'P': field 'final_supsend' is no member; did you mean 'final_suspend'?"})
  C.eq(P.name, "data")                             -- name is free for data
end)

test("R.convert raises: the call fails, get_return_object's result then the state die", function()
  local log, rec = C.log()
  local R = {convert = function() rec("convert"); error("no conversion", 0) end}
  R.promise_type = C.lazy {
    get_return_object = function(p)
      return setmetatable({}, {__close = function() rec("~gro") end})
    end,
    __close = function() rec("~promise") end,
  }
  C.raises("no conversion", coro.coroutine(R, function() rec("body") end))
  C.eq(log, {"convert", "~gro", "~promise"})
  C.eq(#coro.frames(), 0)
end)

test("operator_delete raises: the destroyer gets a named error, the frame is gone", function()
  local P = C.lazy {operator_delete = function() error("in delete", 0) end}
  local h = coro.coroutine(P, function() end, "deleting")()
  C.raises({"operator_delete of 'promise_type' raised: in delete",
            "a deallocation function is non-throwing, C++ would call std::terminate",
            "[except.spec]/9"}, h.destroy, h)
  C.eq(#coro.frames(), 0)
  local Q = C.lazy {operator_delete = function() error("in delete", 0) end,
                    final_suspend = function() return coro.suspend_never end}
  h = coro.coroutine(Q, function() end)()
  C.raises("raised: in delete", h.resume, h)        -- freed by the resume
  C.eq(#coro.frames(), 0)
end)

-- a <close> value's __close is C++'s destructor, and a destructor cannot
-- be a coroutine: co_await or co_yield in it is refused with one error on
-- every path that runs it ([class.dtor], [expr.await]/2; g++: "'co_await'
-- cannot be used in a destructor", tests/cpp/core/ill_formed/s25_*)
test("a destructor cannot suspend: at a scope's end, while a try block unwinds, at destroy()", function()
  local words = {"in a destructor (the __close of a to-be-closed value): a destructor "
                 .. "cannot suspend, so it can neither co_await nor co_yield",
                 "[expr.await]/2, [class.dtor]"}
  local refused = {}                   -- what each __close was told
  local function suspends(op)
    return setmetatable({}, {__close = function()
      refused[#refused + 1] = select(2, pcall(op, coro.suspend_always))
    end})
  end
  local P = lazy()
  local at_end = coro.coroutine(P, function()
    do local x <close> = suspends(co_await) end
    do local y <close> = suspends(co_yield) end
  end)()
  local unwinding = coro.coroutine(P, function()
    pcall(function()
      local x <close> = suspends(co_await)
      error("boom", 0)
    end)
  end)()
  local destroyed = coro.coroutine(P, function()
    local x <close> = suspends(co_await)
    co_await(coro.suspend_always)
  end)()
  at_end:resume()
  unwinding:resume()
  C.eq(unwinding:done(), true, "the frame went on while unwinding, not suspended")
  destroyed:resume()
  destroyed:destroy()
  C.eq(#refused, 4)
  for i, err in ipairs(refused) do
    C.raises({i == 2 and "co_yield" or "co_await", table.unpack(words)}, error, err, 0)
  end
  at_end:destroy(); unwinding:destroy()
end)

test("a reference parameter used after its object's end: the error names it and teaches", function()
  local Str = {}
  Str.__index = Str
  Str.__close = function() end
  Str.__copy = function(s) return setmetatable({text = s.text}, Str) end
  local P = lazy({unhandled_exception = function(p, e) p.err = e end})
  local later = coro.coroutine(P, function(s, n)
    co_await(coro.suspend_always)
    local _ = s.text
  end, "print_later", {"const Str&", "int"})
  local h
  do
    local s <close> = setmetatable({text = "hi"}, Str)
    h = later(s, 1)
    h:resume()
  end
  h:resume()
  C.raises({"coroutine #", "'print_later' used its reference parameter 's' (const Str&) "
            .. "after the object it refers to was destroyed (its __close ran): a reference "
            .. "parameter is not copied into the coroutine frame, so it dangles once its "
            .. "object dies while the coroutine is suspended; using it is undefined "
            .. "behaviour in C++ [basic.life]/7, [dcl.fct.def.coroutine]/13. Take the "
            .. "parameter by value (its copy lives in the frame), or keep the object alive "
            .. "until the coroutine is done"}, error, h:promise().err, 0)
  h:destroy()
  C.raises({"coro.coroutine 'two': 3 parameter types for a body with 2 parameters"},
           coro.coroutine, P, function(a, b) end, "two", {"int", "int", "int"})
  C.raises({"coro.coroutine 'bad': parameter type 1 is a number, not a string",
            '"const Widget&"'}, coro.coroutine, P, function(a) end, "bad", {1})
  C.raises("bad argument #4 to", coro.coroutine, P, function(a) end, "bad", "int")
end)

test("coro.full, coro.args and coro.co_awaits take functions; co_awaits only in a body", function()
  C.raises({"bad argument #1", "(function expected, got number)"}, coro.full, 1)
  C.raises({"coro.co_awaits outside of a coroutine body", "[expr.await]/2"},
           coro.co_awaits, function() end)
  local P = lazy({unhandled_exception = function(p, e) p.err = e end})
  local h = coro.coroutine(P, function() coro.co_awaits() end)()
  h:resume()
  C.raises("a function that makes an operand expected", error, h:promise().err, 0)
  h:destroy()
  h = coro.coroutine(P, function()
    coro.co_awaits(function() return coro.co_await(coro.suspend_always) end)
  end)()
  h:resume()
  C.raises("co_await called from a function that the coroutine body calls", error,
           h:promise().err, 0)
  h:destroy()
end)
