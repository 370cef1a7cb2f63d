-- fuzz.lua — one random sequence of operations on the coro module, chosen
-- by a seed (run by fuzzhost, a fresh Lua state each). It makes random
-- promise types (members that raise, return the wrong thing, or resume,
-- destroy and inspect frames re-entrantly), random awaiters and bodies,
-- observers, finalizers, escaped body threads, windows of failing
-- allocations, try blocks, temporaries, full-expressions (coro.full,
-- coro.co_awaits, coro.args) in either coro.order, reference parameters,
-- destructors that suspend, parameter copies and return-object
-- conversions, then applies random operations to live, done and destroyed
-- frames. After every top-level operation fuzz_check() (from the host)
-- checks the runtime; at the end every frame must be destroyable.
-- Returns function(seed, verbose) -> {error kind = count}.
local coro = require "coro"
local co_await, co_yield, co_return = coro.co_await, coro.co_yield, coro.co_return

return function(seed, verbose)
  math.randomseed(seed)
  local random = math.random
  local kinds = {}                -- error kind -> count
  local quiet = false             -- at the end: members do nothing odd
  local depth, acts = 0, 0        -- re-entrant actions: nesting, and in all
  local handles, objects, threads, functions, observers = {}, {}, {}, {}, {}
  local promises = {}
  local refs = {}                 -- reference parameters the bodies saw
  local act                       -- the re-entrant action, defined below
  local broken                    -- an invariant a script check found broken

  local function chance(p) return not quiet and random() < p end
  local function pick(t) if #t > 0 then return t[random(#t)] end end
  local function say(...) if verbose then print(...) end end

  -- an error's kind: what it is about, and the C++ rule it cites
  local function note(err)
    local msg = tostring(err):gsub("\n.*", ""):gsub("^[%w_./]+:%d+: ", "")
    local kind
    if msg:find("fuzz:", 1, true) then
      kind = "raised by the fuzzer in " .. msg:match("fuzz: ([%w_ ]+)")
    elseif msg:find("not enough memory", 1, true) then kind = "out of memory"
    elseif msg:find("nesting limit", 1, true) then kind = "nesting limit"
    else
      local op = msg:match("^([%w_ ]+%(?%)?):") or msg:match("^(%S+ %S+ %S+)") or msg
      local rule = msg:match(".*(%[[%w%.%-/ ]+%])")
      kind = (op .. " " .. (rule or "")):gsub("%d+", "#"):gsub("%s+$", "")
    end
    kinds[kind] = (kinds[kind] or 0) + 1
    say("  error: " .. msg:gsub("\n.*", ""))
  end

  local function try(f, ...)
    local ok, err = pcall(f, ...)
    if not ok then note(err) end
    return ok, err
  end

  local function keep(list, v)
    if v ~= nil and #list < 64 then list[#list + 1] = v end
  end
  local handle_mt = getmetatable(coro.null)
  local function keep_handle(h)
    if getmetatable(h) == handle_mt then keep(handles, h) end
  end
  local function keep_object(r)
    if r == nil then return end
    keep(objects, r)
    local ok, h = pcall(function() return r.h end)
    if ok then keep_handle(h) else keep_handle(r) end
  end

  -- a value that misbehaves when asked to be an awaiter or a return
  local function junk()
    return ({42, "junk", true, {}, function() end})[random(5)]
  end

  ---------------------------------------------------------- awaiters --

  local function awaiter()
    local aw = {}
    local mt = {__index = {}}
    local m = mt.__index
    if chance(0.8) then
      m.await_ready = function()
        if chance(0.1) then act() end
        if chance(0.05) then error("fuzz: await_ready") end
        return chance(0.3)
      end
    end
    m.await_suspend = function(_, h)
      keep_handle(h)
      local r = random(14)
      if r == 1 then return true
      elseif r == 2 then return false
      elseif r == 3 then return h
      elseif r == 4 then return pick(handles)
      elseif r == 5 then return coro.noop_coroutine()
      elseif r == 6 then return coro.null
      elseif r == 7 then return junk()
      elseif r == 8 then try(h.destroy, h)
      elseif r == 9 then try(h.destroy, h); return chance(0.5) and false or h
      elseif r == 10 then try(h.resume, h)
      elseif r == 11 then try(h.resume, h); return false
      elseif r == 12 then if chance(0.5) then try(h.destroy, h) end; error("fuzz: await_suspend")
      elseif r == 13 then act()
      end
    end
    if chance(0.95) then
      m.await_resume = function()
        if chance(0.1) then act() end
        if chance(0.05) then error("fuzz: await_resume") end
        return random(100)
      end
    end
    if chance(0.5) then mt.__close = function() if chance(0.3) then act() end end end
    if chance(0.1) then
      m.operator_co_await = function(self)
        if chance(0.1) then error("fuzz: operator co_await") end
        return chance(0.5) and self or awaiter()
      end
    end
    if chance(0.05) then mt.__co_await = function(self) return self end end
    return setmetatable(aw, mt)
  end

  local awaitable
  local function temporary()                       -- C++'s prvalue operand
    return coro.temporary(awaitable())
  end

  awaitable = function()
    local r = random(9)
    if r == 1 then return coro.suspend_always
    elseif r == 2 then return coro.suspend_never
    elseif r == 3 then return junk()
    elseif r == 4 then
      local t = pick(objects)                      -- a task, or anything kept
      if t ~= nil then return t end
    elseif r == 5 and chance(0.5) then return temporary()
    end
    return awaiter()
  end

  ---------------------------------------------------------- promise types --

  -- a member that sometimes raises or acts first; f does the real work
  local function member(name, f)
    return function(...)
      if chance(0.05) then act() end
      if chance(0.03) then error("fuzz: " .. name) end
      return f(...)
    end
  end

  local function suspend_choice()
    local r = random(10)
    if r <= 4 then return coro.suspend_always
    elseif r <= 6 then return coro.suspend_never
    elseif r == 7 then return junk()
    end
    return awaiter()
  end

  local function promise_type(i)
    local R = {}
    R.__index = R
    if chance(0.6) then
      R.__close = function(r)
        if chance(0.2) then act() end
        if type(r) == "table" and r.h then try(r.h.destroy, r.h) end
      end
    end
    if chance(0.3) then R.__gc = function() if chance(0.3) then act() end end end
    local t = {__name = "P" .. i}
    t.get_return_object = member("get_return_object", function(p)
      local h = coro.from_promise(p)
      keep_handle(h)
      local r = random(6)
      if r == 1 then return h elseif r == 2 then return junk() end
      return setmetatable({h = h}, R)
    end)
    t.initial_suspend = member("initial_suspend", suspend_choice)
    t.final_suspend = member("final_suspend", suspend_choice)
    if chance(0.7) then
      t.yield_value = member("yield_value", function(p, v) p.current = v; return suspend_choice() end)
    end
    local r = random(10)
    if r <= 5 then t.return_void = member("return_void", function() end)
    elseif r <= 9 then t.return_value = member("return_value", function(p, v) p.value = v end) end
    t.unhandled_exception = member("unhandled_exception", function(p, err)
      p.err = err
      if chance(0.4) then error(err, 0) end
    end)
    if chance(0.3) then
      t.await_transform = member("await_transform", function(_, x)
        local q = random(5)
        if q == 1 then return coro.suspend_always elseif q == 2 then return coro.suspend_never
        elseif q == 3 then return awaiter() end
        return x
      end)
    end
    if chance(0.2) then t.new = member("new", function() end) end
    if chance(0.15) then t.operator_new = member("operator_new", function() return chance(0.9) end) end
    if chance(0.15) then
      t.operator_delete = function()
        if chance(0.2) then act() end
        if chance(0.1) then error("fuzz: operator_delete") end
      end
    end
    if chance(0.1) then
      t.get_return_object_on_allocation_failure = function() return setmetatable({}, R) end
    end
    if chance(0.3) then t.__close = function() if chance(0.2) then act() end end end
    local ok, pt = pcall(coro.promise_type, t)
    if not ok then note(pt) return nil end
    R.promise_type = pt
    if chance(0.2) then                            -- a converting constructor
      R.convert = function(r)
        if chance(0.2) then act() end
        if chance(0.1) then error("fuzz: convert") end
        return chance(0.8) and {from = r} or junk()
      end
    end
    return R
  end

  local types = {coro.generator, coro.task}
  for i = 1, random(1, 4) do keep(types, promise_type(i)) end

  ---------------------------------------------------------------- bodies --

  local function closer()
    return setmetatable({}, {__close = function() if chance(0.2) then act() end end})
  end

  local function helper(x) return co_await(x) end   -- stackless: refused

  local call, copyable                             -- call a random function

  -- a try block: what is raised in it unwinds to its pcall
  local function try_block()
    local r = random(5)
    if r == 1 then
      pcall(function() co_await(awaitable()); co_yield(random(9)) end)
    elseif r == 2 then
      pcall(function()
        local x <close> = closer()
        co_await(awaitable())
        if chance(0.5) then error("fuzz: in try block") end
      end)
    elseif r == 3 then
      pcall(function() pcall(function() co_await(awaitable()) end); co_await(awaitable()) end)
    elseif r == 4 then
      xpcall(function() error("fuzz: handled") end,
             function(e) if chance(0.5) then co_await(awaitable()) end; return e end)
    else
      pcall(function() co_return(random(9)) end)
    end
  end

  local function body_function()
    local ops = {}
    for i = 1, random(0, 7) do ops[i] = random(21) end
    return function(...)
      for _, op in ipairs(ops) do
        if op == 1 or op == 2 then co_await(awaitable())
        elseif op == 3 then co_yield(random(100))
        elseif op == 4 then pcall(co_await, awaitable())
        elseif op == 5 then if chance(0.5) then co_return(random(9)) else co_return() end
        elseif op == 6 then error("fuzz: body")
        elseif op == 7 then local x <close> = closer(); co_await(awaitable())
        elseif op == 8 then act()
        elseif op == 9 then keep(threads, coroutine.running())
        elseif op == 10 then if chance(0.2) then coroutine.yield() end
        elseif op == 11 then if chance(0.3) then return 1 end
        elseif op == 12 then helper(awaitable())
        elseif op == 13 then local r = call(); if r and chance(0.5) then co_await(r) end
        elseif op == 14 then local x <close> = closer(); co_yield(x)
        elseif op == 15 then local ok = pcall(function() error("fuzz: caught") end)
        elseif op == 16 then try_block()
        elseif op == 17 then            -- a full-expression: its temporaries die at its end
          coro.full(function()
            local t = coro.temporary(closer())
            if chance(0.8) then co_await(coro.temporary(awaitable())) end
            if chance(0.3) then error("fuzz: in a full-expression") end
            return t
          end)
        elseif op == 18 then            -- unsequenced co_awaits, in coro.order's order
          coro.co_awaits(function() return coro.temporary(awaitable()) end,
                         function() return chance(0.5) and awaitable() or coro.temporary(awaitable()) end)
        elseif op == 19 then            -- a destructor that suspends: refused
          local x <close> = setmetatable({}, {__close = function() co_await(awaitable()) end})
        elseif op == 20 then            -- a reference parameter, maybe used after its end
          local r = pick(refs)
          if type(r) == "table" then local _ = r.copy_of end
        else local h = pick(handles); if h then pcall(h.resume, h) end end
      end
    end
  end

  for i = 1, random(1, 6) do
    local body = body_function()
    local params = chance(0.3) and {"int", "const T&"} or nil
    local ok, f = pcall(coro.coroutine, pick(types), params and function(n, r)
      keep(refs, r)
      return body(n, r)
    end or body, "f" .. i, params)
    if ok then keep(functions, f) else note(f) end
  end

  -- an argument copied into the frame: C++'s by-value parameter
  copyable = function()
    local mt = {}
    mt.__copy = function(v)
      if chance(0.1) then act() end
      if chance(0.1) then error("fuzz: __copy") end
      return setmetatable({copy_of = v}, mt)
    end
    mt.__close = function() if chance(0.2) then act() end end
    return setmetatable({}, mt)
  end

  call = function()
    local f = pick(functions)
    if f == nil then return end
    if chance(0.2) then coro.order = chance(0.5) and "clang" or "g++" end
    local ok, r
    if chance(0.2) then                  -- its arguments temporaries, in coro.order's order
      ok, r = try(coro.full, function()
        return f(coro.args(function() return random(9) end,
                           function() return coro.temporary(copyable()) end))
      end)
    else
      ok, r = try(f, random(9), chance(0.3) and copyable() or junk())
    end
    if ok then keep_object(r) return r end
  end

  ---------------------------------------------------------------- actions --

  local function random_handle_op()
    local h = pick(handles)
    if h == nil then return end
    local r = random(14)
    if r <= 3 then h:resume()
    elseif r <= 5 then h:destroy()
    elseif r == 6 then h:done()
    elseif r == 7 then keep(promises, h:promise())
    elseif r == 8 then           -- a promise, maybe of a frame gone by now
      local p = pick(promises)
      if p ~= nil then
        local _ = p.current
        for _ in pairs(p) do end
        keep_handle(coro.from_promise(p))
      end
    elseif r == 9 then if chance(0.5) then coro.info(h) else coro.glance(h) end
    elseif r == 10 then tostring(h); h:address()
    elseif r == 11 then coro.from_address(h:address())
    elseif r == 12 then keep_handle(h:erased()); h:operator_bool()
    elseif r == 13 then          -- identity: one live frame, one handle of each kind
      local other = pick(handles)
      local a, b = coro.info(h), coro.info(other)
      local erased = rawequal(h:erased(), h) == rawequal(other:erased(), other)
      if (coro.compare(h, other) == 0) ~= (h:address() == other:address())
         or (a and b and a.id == b.id and erased and not rawequal(h, other)) then
        broken = broken or ("handles %s and %s: compare %d, same userdata %s"):format(
          tostring(h), tostring(other), coro.compare(h, other), rawequal(h, other))
      end
    else coro.noop_coroutine():promise() end
  end

  local function object_op()
    local o = pick(objects)
    if o == nil then return end
    local kind = getmetatable(o) and getmetatable(o).__name
    if type(o) == "userdata" and o.next then o:next()
    elseif type(o) == "userdata" and o.run then o:run()
    elseif type(o) == "table" and o.h then o.h:resume()
    else tostring(o) end
    return kind
  end

  local function thread_op()
    local t = pick(threads)
    if t == nil then return end
    local r = random(4)            -- raw_*: taken before "coro" guarded them
    if r == 1 then coroutine.resume(t, junk())
    elseif r == 2 then coroutine.close(t)
    elseif r == 3 then raw_resume(t, junk())
    else raw_close(t) end
  end

  local function finalizer()
    setmetatable({}, {__gc = function() if chance(0.5) then act() end end})
  end

  local function drop()
    for _ = 1, random(3) do
      if #objects > 0 then table.remove(objects, random(#objects)) end
      if #handles > 0 then table.remove(handles, random(#handles)) end
    end
  end

  local action_list = {
    random_handle_op, random_handle_op, random_handle_op, call, call, object_op,
    thread_op, finalizer, drop,
    function() collectgarbage("step") end,
    function() local h = pick(coro.frames()); if h then coro.info(h) end end,
    function() local h = pick(handles); if h then try(coro.glance, h) end end,
    function() keep_handle(coro.running()) end,
  }

  act = function()
    if quiet or depth >= 3 or acts >= 400 then return end
    depth, acts = depth + 1, acts + 1
    try(pick(action_list))
    depth = depth - 1
  end

  ---------------------------------------------------------------- top level --

  -- an observer: acts at random, or on the very frame the event is about
  local function observer()
    local p, own = random() * 0.1, random() * 0.05
    local id = coro.observe(function(ev)
      local h = ev.handle
      if h and chance(0.1) then keep_handle(h) end
      if chance(p) then act() end
      if h and chance(own) then
        local r = random(5)
        if r == 1 then try(h.resume, h) elseif r == 2 then try(h.destroy, h)
        elseif r == 3 then try(h.promise, h)
        elseif r == 4 then try(chance(0.5) and coro.info or coro.glance, h)
        else try(h.done, h) end
      end
      if chance(0.002) then error("fuzz: observer") end
    end)
    keep(observers, id)
  end

  -- nesting: eager calls inside eager calls, or bodies resuming the next
  -- frame of a chain, deeper than the runtime allows
  local Eager = coro.promise_type {
    get_return_object = function(p) return coro.from_promise(p) end,
    initial_suspend = function() return coro.suspend_never end,
    final_suspend = function() return coro.suspend_always end,
    return_void = function() end,
    unhandled_exception = function(p, e) error(e, 0) end,
    __name = "eager",
  }
  local nested
  nested = coro.coroutine(Eager, function(n)
    if n > 0 then local h = nested(n - 1); h:destroy() end
  end, "nested")
  local function deep()
    if random(2) == 1 then
      local h = nested(random(50, 400))
      h:destroy()
      return
    end
    local chain = {}
    local link = coro.coroutine(Eager, function(i)
      co_await(coro.suspend_always)
      if chain[i + 1] then chain[i + 1]:resume() end
    end, "link")
    for i = 1, random(50, 400) do chain[i] = link(i) end
    local ok, err = pcall(chain[1].resume, chain[1])
    for _, h in ipairs(chain) do pcall(h.destroy, h) end
    if not ok then error(err, 0) end
  end

  local top = {
    call, call, call, random_handle_op, random_handle_op, random_handle_op,
    object_op, object_op, thread_op, finalizer, drop, act,
    function() if #observers < 3 then observer() end end,
    deep,
    function() local id = table.remove(observers); if id then coro.unobserve(id) end end,
    function() collectgarbage() end,
    function()                                   -- a generic for over an object
      local o = pick(objects)
      if type(o) == "userdata" and o.next then
        local n = 0
        for _ in o do n = n + 1; if n > 5 then break end end
      end
    end,
    function()                                   -- a window of failing allocations
      local ok, err = with_failing_allocations(random(0, 200), pick(action_list))
      if not ok then note(err) end
    end,
  }

  for step = 1, random(10, 60) do
    local f = pick(top)
    say(("step %d: %s"):format(step, debug.getinfo(f, "S").linedefined))
    try(f)
    if verbose then for _, h in ipairs(coro.frames()) do say("  " .. tostring(h)) end end
    kinds["(operations)"] = (kinds["(operations)"] or 0) + 1
    fuzz_check()
    if broken then error(broken, 0) end
  end

  -- the end: every frame can be destroyed, and then none is left
  quiet = true
  for _, id in ipairs(observers) do coro.unobserve(id) end
  for _ = 1, 10 do
    local live = coro.frames()
    if #live == 0 then break end
    for _, h in ipairs(live) do try(h.destroy, h) end
  end
  local live = coro.frames()
  if #live > 0 then
    error(("%d frame(s) cannot be destroyed: %s"):format(#live, tostring(live[1])))
  end
  handles, objects, threads, functions, promises = {}, {}, {}, {}, {}
  collectgarbage()
  fuzz_check()
  return kinds
end
