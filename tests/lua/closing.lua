-- closing.lua — lua_close finalizes the module before the objects made
-- before it was loaded: a finalizer set up before require "coro" then
-- calls every function and metamethod the module offers, on objects of
-- every kind, after the runtime is closed. Each call must raise (never
-- crash); the last line printed says how many ran.
-- Usage: lua5.4 closing.lua (LUA_CPATH must find coro.so), or luahost
local things = {}
LATE = setmetatable({}, {__gc = function()
  local coro = package.loaded.coro
  local n, raised, closed = 0, 0, 0
  local function try(f, ...)
    n = n + 1
    local ok, err = pcall(f, ...)
    if not ok then
      raised = raised + 1
      if tostring(err):find("the runtime is closed", 1, true) then
        closed = closed + 1
      end
    end
  end
  for _, f in pairs(coro) do
    if type(f) == "function" then
      try(f); try(f, things.g); try(f, things.h); try(f, things.t)
    end
  end
  for _, obj in pairs(things) do
    local mt = getmetatable(obj)
    if type(mt) == "table" then
      for _, f in pairs(mt) do
        if type(f) == "function" then
          try(f, obj); try(f, obj, "current"); try(f, obj, obj)
        end
      end
    end
    try(function() return obj.h end)
    try(function() return obj.current end)
    try(function() for _ in pairs(obj) do end end)
    try(tostring, obj)
  end
  local ok, err = pcall(coro.noop_coroutine)
  assert(not ok and err:find("the runtime is closed", 1, true),
         "noop_coroutine after close: " .. tostring(err))
  assert(closed > 50, "only " .. closed .. " calls said the runtime is closed")
  print(("closing: %d calls after the runtime closed, %d raised (%d saying "
         .. "it is closed), none crashed"):format(n, raised, closed))
end})
local coro = require "coro"
local gen = coro.coroutine(coro.generator,
                           function() coro.co_yield(1); coro.co_yield(2) end, "g")
things.g = gen()
things.g:next()
things.h = things.g.h
things.p = things.h:promise()
things.t = coro.coroutine(coro.task, function() coro.co_return(1) end, "t")()
things.tmp = coro.temporary(coro.suspend_always)
things.null = coro.null
things.noop = coro.noop_coroutine()
things.np = things.noop:promise()
things.f = gen
