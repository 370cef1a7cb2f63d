-- coroapi.lua — the coro API as the Lua benchmarks use it (docs/design.md, bindings
-- section), in one place: a generator written with a promise type in Lua,
-- and drivers for return objects: the built-ins' g:next(), g:close(),
-- t:run() (bindings/lbuiltin.c), a Lua promise type's handle h.
local coro = require "coro"
local M = {coro = coro}

-- the generator written in plain Lua (yield_value in Lua): scripts/lib
local here = debug.getinfo(1, "S").source:match("^@(.*)/") or "."
package.path = here .. "/../../scripts/lib/?.lua;" .. package.path
local Generator = require "generator"
M.LuaGenerator = Generator

-- a function returning the next value of generator object g, nil at the
-- end, as coroutine.wrap returns one: through the handle for the
-- Lua-written generator (resume, done, promise().current); the built-in
-- coro.generator is one itself (g() is g:next()), or with method true
-- g:next() in a closure, as a program that calls the method by name does
function M.next_of(g, method)
  if getmetatable(g) ~= Generator then
    return method and function() return g:next() end or g
  end
  local h = g.h
  return function()
    h:resume()
    if h:done() then return nil end
    return h:promise().current
  end
end

-- destroy a generator or task object's frame
function M.destroy(g)
  if getmetatable(g) == Generator then g.h:destroy() else g:close() end
end

-- run a task object from plain code to its result: t:run()
function M.run_task(t) return t:run() end

return M
