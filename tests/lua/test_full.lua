-- test_full.lua — full-expressions ([class.temporary]/4): coro.full,
-- coro.temporary in one, and the orders C++ leaves unspecified inside one
-- (coro.args, coro.co_awaits) as coro.order picks them, with their events
-- (ev.unspecified, the data of coro.unspecified). The C++ programs behind
-- them: tests/cpp/full_expression.cpp and arguments.cpp.
local coro = require "coro"
local C = require "check"
local co_await, full, temporary = coro.co_await, coro.full, coro.temporary

-- an object that logs its end: its __close is its destructor
local function object(name, rec)
  return setmetatable({name = name}, {__close = function() rec("~" .. name) end})
end

-- the events of kind among kinds while f runs, "kind detail <cause> {unspecified}"
local function events_of(kinds, f, ...)
  local log, want = {}, {}
  for _, k in ipairs(kinds) do want[k] = true end
  local id = coro.observe(function(ev)
    if want[ev.kind] then
      log[#log + 1] = ev.kind .. " " .. ev.detail .. (ev.cause and " <" .. ev.cause .. ">" or "")
        .. (ev.unspecified and " {" .. ev.unspecified .. "}" or "")
    end
  end)
  local ok, err = pcall(f, ...)
  coro.unobserve(id)
  if not ok then error(err, 0) end
  return log
end

-- in each order, as coro.order picks it, put back afterwards
local function in_order(order, f)
  local saved = coro.order
  coro.order = order
  local ok, err = pcall(f)
  coro.order = saved
  if not ok then error(err, 0) end
end

test("coro.full: its temporaries die at its end, last made first; its results", function()
  local log, rec = C.log()
  local a, b = full(function(x)
    local t1, t2 = temporary(object("t1", rec)), temporary(object("t2", rec))
    rec("in the expression")
    return t1.name .. t2.name, x
  end, 7)
  C.eq(log, {"in the expression", "~t2", "~t1"})
  C.eq({a, b}, {"t1t2", 7})
end)

test("coro.full: an error destroys the temporaries made so far, then goes on", function()
  local log, rec = C.log()
  local ok, err = pcall(full, function()
    temporary(object("t1", rec))
    error("boom", 0)
  end)
  C.eq({ok, err}, {false, "boom"})
  C.eq(log, {"~t1"})
end)

test("coro.full in a body: co_await in it; its temporaries die before the co_await's next", function()
  local log, rec = C.log()
  local h = coro.coroutine(C.lazy(), function()
    full(function()
      local v = co_await(temporary(C.awaiter("a", rec, {value = 1})))
      rec("f(" .. v .. ")")
    end)
    rec("after")
  end)()
  h:resume(); h:resume()
  C.eq(log, {"a.await_ready", "a.await_suspend", "a.await_resume", "f(1)", "~a", "after"})
  h:destroy()
end)

test("coro.full: destroy() inside it destroys its temporaries, then the locals", function()
  local log, rec = C.log()
  local h = coro.coroutine(C.lazy(), function()
    local l <close> = object("local", rec)
    full(function()
      local t = temporary(object("t", rec))
      co_await(temporary(C.awaiter("a", rec)))
      rec("never " .. t.name)
    end)
  end)()
  h:resume()
  h:destroy()
  C.eq(log, {"a.await_ready", "a.await_suspend", "~a", "~t", "~local"})
end)

test("coro.temporary outside coro.full: its full-expression ends at its co_await", function()
  local log, rec = C.log()
  local h = coro.coroutine(C.lazy(), function()
    rec("value " .. co_await(temporary(C.awaiter("a", rec, {value = 2, ready = true}))))
  end)()
  h:resume()
  C.eq(log, {"a.await_ready", "a.await_resume", "~a", "value 2"})
  h:destroy()
end)

test("coro.temporary in coro.full: the value itself, once; one without identity stays wrapped", function()
  local log, rec = C.log()
  full(function()
    local t = object("t", rec)
    C.eq(temporary(t) == t, true)
    C.raises({"coro.temporary: this value is already a temporary of the full-expression"},
             temporary, t)
    C.eq(tostring(temporary(3)), "temporary(3)")
  end)
  C.eq(log, {"~t"})
  local h = coro.coroutine(C.lazy(), function()
    full(function()
      local a = temporary(C.awaiter("a", rec, {ready = true}))
      co_await(a)
      co_await(a)
    end)
  end)()
  C.raises({"co_await: this temporary (coro.temporary) was already awaited",
            "[expr.await]/3"}, h.resume, h)
  h:destroy()
  local kept
  h = coro.coroutine(C.lazy(), function()
    full(function() kept = temporary(temporary(C.awaiter("b", rec, {ready = true}))) end)
  end)()
  C.raises("coro.temporary: this value is already a temporary", h.resume, h)
  h:destroy()
  h = coro.coroutine(C.lazy(), function()
    full(function() kept = temporary(5) end)
    co_await(kept)
  end)()
  C.raises({"this coro.temporary was destroyed at the end of the full-expression",
            "[class.temporary]/4"}, h.resume, h)
  h:destroy()
end)

test("coro.full: what await_transform and operator co_await make dies at its end", function()
  local log, rec = C.log()
  local T = C.lazy {
    await_transform = function(_, x) return x == "transform" and C.awaiter("made", rec, {ready = true}) or x end,
  }
  local ticket = setmetatable({}, {__close = function() rec("~ticket") end,
    __index = {operator_co_await = function() return C.awaiter("waiter", rec, {ready = true}) end}})
  local h = coro.coroutine(T, function()
    full(function()
      co_await("transform")
      co_await(temporary(ticket))
      rec("end of the expression")
    end)
  end)()
  C.eq(events_of({"~awaiter"}, h.resume, h), {"~awaiter waiter <operator_co_await>",
       "~awaiter co_await's operand <operand>", "~awaiter made <await_transform>"})
  C.eq(log, {"made.await_ready", "made.await_resume", "waiter.await_ready",
             "waiter.await_resume", "end of the expression", "~waiter", "~ticket", "~made"})
  h:destroy()
end)

test("coro.full: a named operand is not destroyed; a temporary task is, at its end", function()
  local log, rec = C.log()
  local named = C.awaiter("named", rec, {ready = true})
  local child = coro.coroutine(coro.task, function() coro.co_return(5) end, "child")
  local h = coro.coroutine(C.lazy(), function()
    full(function()
      co_await(named)
      rec("task " .. co_await(temporary(child())))
    end)
    rec("after")
  end)()
  local log2 = events_of({"~awaiter", "destroy"}, h.resume, h)
  C.eq(log, {"named.await_ready", "named.await_resume", "task 5", "after"})
  C.eq(log2, {"~awaiter task <operand>", "destroy "})
  h:destroy()
end)

test("coro.co_awaits: g++ makes every operand, suspends at each, then resumes; clang each whole", function()
  local want = {
    ["g++"] = {"a()", "b()", "a.await_ready", "a.await_suspend", "b.await_ready",
               "b.await_suspend", "a.await_resume", "b.await_resume", "sum 3", "~b", "~a"},
    clang = {"a()", "a.await_ready", "a.await_suspend", "a.await_resume", "b()",
             "b.await_ready", "b.await_suspend", "b.await_resume", "sum 3", "~b", "~a"},
  }
  for order, expected in pairs(want) do
    in_order(order, function()
      local log, rec = C.log()
      local function make(name, v)
        return function() rec(name .. "()"); return temporary(C.awaiter(name, rec, {value = v})) end
      end
      local h = coro.coroutine(C.lazy(), function()
        full(function()
          local a, b = coro.co_awaits(make("a", 1), make("b", 2))
          rec("sum " .. a + b)
        end)
      end)()
      h:resume(); h:resume(); h:resume()
      C.eq(log, expected, order)
      h:destroy()
    end)
  end
end)

test("coro.co_awaits: its own full-expression outside coro.full; an error at a co_await", function()
  local log, rec = C.log()
  local h = coro.coroutine(C.lazy(), function()
    local a, b = coro.co_awaits(function() return temporary(C.awaiter("a", rec, {ready = true, value = 1})) end,
                                function() return coro.suspend_never end)
    rec("values " .. a .. " " .. tostring(b))
    coro.co_awaits(function() return temporary(C.awaiter("c", rec, {ready = true})) end,
                   function() return temporary(C.awaiter("d", rec, {raise = {await_ready = "d failed"}})) end)
  end)()
  C.raises("d failed", h.resume, h)
  C.eq(log, {"a.await_ready", "a.await_resume", "~a", "values 1 nil", "c.await_ready",
             "d.await_ready", "~d", "~c"})
  h:destroy()
end)

test("coro.args: a call's arguments, g++ last to first, clang first to last; in order", function()
  for order, made in pairs{["g++"] = {"b", "a"}, clang = {"a", "b"}} do
    in_order(order, function()
      local log, rec = C.log()
      local function arg(name) return function() rec(name); return name end end
      C.eq({coro.args(arg("a"), arg("b"))}, {"a", "b"}, order)
      C.eq(log, made, order)
      C.raises({"bad argument #2", "(function expected, got number)"}, coro.args, print, 2)
    end)
  end
end)

test("coro.order: g++ by default; clang; nothing else", function()
  C.eq(coro.order, "g++")
  in_order("clang", function() C.eq(coro.order, "clang") end)
  C.eq(coro.order, "g++")
  C.raises({'coro.order must be "g++" or "clang"', 'not "msvc"'},
           function() coro.order = "msvc" end)
  C.raises({'coro.order must be "g++" or "clang"', "not a number"},
           function() coro.order = 14 end)
  C.eq(coro.order, "g++")
end)

test("coro.unspecified: each order's name, rule, and what g++ 12 and clang 14 do", function()
  local names = {}
  for i, u in ipairs(coro.unspecified) do
    names[i] = u.name
    for _, k in ipairs{"rule", "what", "gxx", "clang"} do
      C.eq(type(u[k]) == "string" and #u[k] > 0, true, u.name .. "." .. k)
    end
    C.eq(u.rule:match("^%[[%w.]+%]") ~= nil, true, u.name .. " cites a rule")
  end
  C.eq(names, {"argument_order", "unsequenced_co_await", "parameter_destruction",
               "return_object_destruction"})
end)

test("ev.unspecified: the events an unspecified order places, in both orders", function()
  for _, order in ipairs{"g++", "clang"} do
    in_order(order, function()
      local log, rec = C.log()
      local P = C.lazy()
      local Copy = {__close = function(c) rec("~" .. c.n) end}
      Copy.__copy = function(o) return setmetatable({n = o.n}, Copy) end
      local h = coro.coroutine(P, function(x, y)
        full(function()
          local a, b = coro.co_awaits(
            function() return temporary(C.awaiter("a", rec, {ready = true, value = 1})) end,
            function() return temporary(C.awaiter("b", rec, {ready = true, value = 2})) end)
          rec("sum " .. a + b)
        end)
      end)(setmetatable({n = "x"}, Copy), setmetatable({n = "y"}, Copy))
      local evs = {}
      for _, e in ipairs(events_of({"await_ready", "await_resume", "~awaiter", "~parameters"},
                                   function() h:resume(); h:destroy() end)) do
        if not e:find("suspend_always") then evs[#evs + 1] = e end
      end
      local resumes = order == "g++"
        and {"await_ready a <operand> {unsequenced_co_await}",
             "await_ready b <operand> {unsequenced_co_await}",
             "await_resume a <operand> {unsequenced_co_await}",
             "await_resume b <operand> {unsequenced_co_await}"}
        or {"await_ready a <operand> {unsequenced_co_await}",
            "await_resume a <operand> {unsequenced_co_await}",
            "await_ready b <operand> {unsequenced_co_await}",
            "await_resume b <operand> {unsequenced_co_await}"}
      C.eq(evs, {resumes[1], resumes[2], resumes[3], resumes[4],
                 "~awaiter b <operand> {unsequenced_co_await}",
                 "~awaiter a <operand> {unsequenced_co_await}",
                 "~parameters  {parameter_destruction}"}, order)
      C.eq({log[#log - 1], log[#log]}, order == "g++" and {"~x", "~y"} or {"~y", "~x"}, order)
      local args = events_of({"~temporary"}, full, function()
        coro.args(function() return temporary(object("p", rec)) end,
                  function() return temporary(object("q", rec)) end)
      end)
      C.eq(args, order == "g++" and {"~temporary p {argument_order}", "~temporary q {argument_order}"}
                                 or {"~temporary q {argument_order}", "~temporary p {argument_order}"}, order)
    end)
  end
end)

test("ev.args: the object a full-expression's destructor event destroys", function()
  local t
  local seen
  local id = coro.observe(function(ev) if ev.kind == "~temporary" then seen = ev.args[1] end end)
  full(function() t = temporary(setmetatable({}, {__close = function() end})) end)
  coro.unobserve(id)
  C.eq(seen == t, true)
end)

test("the return object of a failed call: first (g++) or after operator delete (clang)", function()
  for order, want in pairs{
    ["g++"] = {"~return object  {return_object_destruction}", "~promise_type ",
               "operator delete ", "caught"},
    clang = {"~promise_type ", "operator delete ",
             "~return object  {return_object_destruction}", "caught"}} do
    in_order(order, function()
      local log, rec = C.log()
      local R = C.promise_type(rec, {raise = {initial_suspend = "initial failed"}})
      local f = coro.coroutine(R, function() end)
      local evs = events_of({"~return object", "~promise_type", "operator delete"}, function()
        local ok, err = pcall(f)
        rec(err)
      end)
      evs[#evs + 1] = "caught"
      C.eq(evs, want, order)
      C.eq(log, {"get_return_object", "initial_suspend", "~promise", "initial failed"}, order)
    end)
  end
end)
