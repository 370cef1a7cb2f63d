-- test_handles.lua — coroutine_handle userdata: operations, comparisons,
-- tostring, typed and type-erased handles, noop_coroutine, null.
local coro = require "coro"
local C = require "check"
local co_await, co_yield = coro.co_await, coro.co_yield

local Gen = {}
Gen.__index = Gen
Gen.__close = function(g) g.h:destroy() end
Gen.promise_type = coro.promise_type {
  __name = "generator",
  get_return_object = function(p) return setmetatable({h = coro.from_promise(p)}, Gen) end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  yield_value = function(p, v) p.current = v; return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function(p, e) error(e, 0) end,
}

local range = coro.coroutine(Gen, function(n)
  for i = 0, n - 1 do
    co_yield(i)
  end
end, "range")

test("resume, h(), done, promise, address", function()
  local g <close> = range(2)
  local h = g.h
  C.eq(h:done(), false)
  h()
  C.eq(h:promise().current, 0)
  h:resume()
  C.eq(h:promise().current, 1)
  h:resume()
  C.eq(h:done(), true)
  C.eq(type(h:address()), "userdata")
  C.eq(coro.from_address(h:address()) == h, true)
  C.eq(rawequal(h:promise(), coro.from_promise(h:promise()):promise()), true)
end)

test("==, <, <= compare addresses", function()
  local a <close> = range(1)
  local b <close> = range(1)
  local x, y = a.h, b.h
  C.eq(x == coro.from_promise(x:promise()), true)
  C.eq(x == y, false)
  C.eq((x < y) ~= (y < x), true)
  C.eq(x <= x, true)
  C.eq(x < x, false)
end)

test("tostring names the type, the id and the state", function()
  local g = range(3)
  local id = coro.info(g.h).id
  C.eq(tostring(g.h), ("coroutine_handle<generator> #%d suspended at its initial suspend point"):format(id))
  g.h:resume()
  local s = tostring(g.h)
  assert(s:find(("^coroutine_handle<generator> #%d suspended at .*test_handles.lua:22$"):format(id)), s)
  C.eq(tostring(coro.from_address(g.h:address())):sub(1, 19), "coroutine_handle<> ")
  while not g.h:done() do g.h:resume() end
  C.eq(tostring(g.h), ("coroutine_handle<generator> #%d done (suspended at its final suspend point)"):format(id))
  g.h:destroy()
  assert(tostring(g.h):find("(no live coroutine)", 1, true))
  C.eq(tostring(coro.null), "coroutine_handle<> null")
  C.eq(tostring(coro.noop_coroutine()), "coroutine_handle<noop_coroutine_promise> noop")
end)

test("noop_coroutine: not done, resume and destroy do nothing", function()
  local n = coro.noop_coroutine()
  C.eq(n:done(), false)
  n:resume(); n(); n:destroy()
  C.eq(n == coro.noop_coroutine(), true)
end)

test("a handle in a <close> variable destroys its frame", function()
  local log, rec = C.log()
  local R = C.promise_type(rec)
  do
    local h <close> = coro.coroutine(R, function() end)().h
  end
  C.eq(log[#log], "~promise")
  C.eq(#coro.frames(), 0)
end)

test("a return object in a <close> variable destroys its frame", function()
  do
    local g <close> = range(3)
    g.h:resume()
    C.eq(#coro.frames(), 1)
  end
  C.eq(#coro.frames(), 0)
end)

test("a handle that outlived its frame never reaches a newer frame at its address", function()
  local gen = coro.coroutine(coro.generator, function() coro.co_yield(1) end, "g")
  local g = gen()
  local stale, address = g.h, g.h:address()
  g:close()
  local newer, reused = {}, nil
  for i = 1, 200 do               -- malloc hands the block out again (not ASan)
    newer[i] = gen()
    if newer[i].h:address() == address then reused = newer[i] break end
  end
  for _, op in ipairs {"resume", "destroy", "done", "promise"} do
    C.raises({op .. "():", "already destroyed"}, stale[op], stale)
  end
  C.eq(coro.info(stale), nil)
  if reused then                  -- untouched by all that
    C.eq(coro.info(reused.h).state, "suspended_initial")
    C.eq(reused:next(), 1)
  end
  for _, n in ipairs(newer) do n:close() end
end)

test("handles have identity: one userdata per live frame, typed and erased", function()
  local g <close> = range(2)
  local h = g.h
  C.eq(rawequal(h, g.h), true)
  C.eq(rawequal(h, coro.from_promise(h:promise())), true)
  C.eq(rawequal(h, coro.from_address(h:address(), Gen)), true)
  local erased = h:erased()
  C.eq(rawequal(erased, coro.from_address(h:address())), true)
  C.eq(rawequal(erased, h), false)                 -- coroutine_handle<> is another type
  C.eq(erased == h, true)                          -- but equal, by address
  local set = {[h] = "gen"}
  C.eq(set[coro.from_promise(h:promise())], "gen")
  C.raises({"type-erased", "coroutine_handle<>"}, erased.promise, erased)
  h:resume()
  C.eq(rawequal(h, g.h), true)                     -- the same while the frame lives
end)

test("null, operator bool, <=>, noop_coroutine's promise", function()
  C.eq(coro.null:address(), nil)
  C.eq(coro.null:operator_bool(), false)
  C.eq(rawequal(coro.null, coro.from_address(nil)), true)
  local a <close> = range(1)
  local b <close> = range(1)
  C.eq(a.h:operator_bool(), true)
  local x, y = a.h, b.h
  C.eq(coro.compare(x, x), 0)
  C.eq(coro.compare(x, y), x < y and -1 or 1)
  C.eq(coro.compare(y, x), -coro.compare(x, y))
  local noop = coro.noop_coroutine()
  C.eq(rawequal(noop, coro.noop_coroutine()), true)
  C.eq(tostring(noop), "coroutine_handle<noop_coroutine_promise> noop")
  local p = noop:promise()
  C.eq(getmetatable(p).__name, "noop_coroutine_promise")
  C.eq(next(p), nil)                               -- an empty promise
  C.eq(rawequal(p, noop:promise()), true)
  C.eq(noop:done(), false)
  C.raises("type-erased", noop:erased().promise, noop:erased())
end)

test("a handle of a destroyed frame is not the handle of a newer one there", function()
  local gen = coro.coroutine(coro.generator, function() coro.co_yield(1) end, "g")
  local g = gen()
  local old, address = g.h, g.h:address()
  C.eq(old:done(), false)                          -- found live: checked once
  g:close()
  local newer <close> = gen()                      -- the freed block, again
  C.eq(newer.h:address(), address)
  C.eq(rawequal(old, newer.h), false)
  C.raises("now lives at its address", old.resume, old)
end)

test("a generator whose frame was destroyed through .h is told apart from a newer one", function()
  local gen = coro.coroutine(coro.generator, function(v) coro.co_yield(v) end, "g")
  local g = gen("first")
  local address = g.h:address()
  C.eq(g(), "first")                               -- found live: checked once
  g.h:destroy()
  local newer <close> = gen("newer")               -- the freed block, again
  C.eq(newer.h:address(), address)
  C.raises({"next(): coroutine #", "was already destroyed", "now lives at its address"}, g)
  C.eq(newer(), "newer")
end)

test("a built-in's promise is a reference: one per frame, live fields, from_promise", function()
  local gen = coro.coroutine(coro.generator, function(n)
    for i = 1, n do coro.co_yield(i * 10) end
  end, "tens")
  local g = gen(2)
  local p = g.h:promise()
  C.eq(rawequal(p, g.h:promise()), true)
  C.eq(rawequal(p, coro.info(g.h).promise), true)
  C.eq(rawequal(coro.from_promise(p), g.h), true)  -- from_promise(h.promise()) == h
  C.eq(p.current, nil)
  g:next()
  C.eq(p.current, 10)                              -- read now, not when taken
  local fields = {}
  for k, v in pairs(p) do fields[k] = v end
  C.eq(fields, {current = 10})
  local iter, state = pairs(p)                     -- __pairs: a copy of the fields now
  C.eq(state, {current = 10})
  C.raises("table expected, got number", function() iter(5) end)
  C.eq(tostring(p):match("^generator::promise_type: 0x%x+$") ~= nil, true)
  C.raises("the promise of a coro.generator is read-only", function() p.current = 1 end)
  local task = coro.coroutine(coro.task, function() coro.co_return("done") end, "t")()
  local tp = task.h:promise()
  C.eq(task:run(), "done")
  C.eq({tp.result, tp.continuation}, {"done", nil})
  g:close()
  C.raises("reading its promise: coroutine #", function() return p.current end)
  local newer <close> = gen(1)                     -- the freed block, again
  C.eq(newer.h:address(), g.h:address())
  C.raises("now lives at its address", coro.from_promise, p)
  C.raises("from_promise(): table: 0x", coro.from_promise, {})
  C.raises("has no from_promise", coro.from_promise, coro.noop_coroutine():promise())
end)
