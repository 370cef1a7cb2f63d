-- coroapi.lua — the coro API as the Lua benchmarks use it (DESIGN.md, Lua
-- section), in one place: a generator written with a promise type in Lua,
-- and drivers for return objects: the built-ins' g:next(), g:close(),
-- t:run() (bindings/lbuiltin.c), a Lua promise type's handle h.
local coro = require "coro"
local M = {coro = coro}

-- DESIGN.md's Generator: the promise type written in Lua (yield_value in Lua)
local Generator = {}
Generator.__index = Generator
Generator.promise_type = coro.promise_type {
  get_return_object   = function(p) return setmetatable({h = coro.from_promise(p)}, Generator) end,
  initial_suspend     = function(p) return coro.suspend_always end,
  final_suspend       = function(p) return coro.suspend_always end,
  yield_value         = function(p, v) p.current = v; return coro.suspend_always end,
  return_void         = function(p) end,
  unhandled_exception = function(p, err) p.err = err end,
}
M.LuaGenerator = Generator

-- x[k], or nil when x cannot be indexed
local function member(x, k)
  local ok, v = pcall(function() return x[k] end)
  return ok and v or nil
end

-- the handle inside a return object (a handle itself, or one in field h)
local function handle_of(r) return member(r, "h") or r end

-- a function returning the next value of generator object g, nil at the end:
-- g:next() for the built-in coro.generator, else through g's handle
function M.next_of(g)
  local next = member(g, "next")
  if type(next) == "function" then return function() return next(g) end end
  local h = handle_of(g)
  return function()
    h:resume()
    if h:done() then return nil end
    return h:promise().current
  end
end

-- destroy a return object's frame: g:close() (built-ins), else h:destroy()
function M.destroy(g)
  if type(member(g, "close")) == "function" then return g:close() end
  handle_of(g):destroy()
end

-- run a task object from plain code to its result: t:run()
function M.run_task(t) return t:run() end

return M
