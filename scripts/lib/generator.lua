-- generator.lua — a generator return type written in plain Lua: the
-- readable reference for the built-in coro.generator. Lazy (it starts at
-- the first next()), co_yield stores the value in the promise, errors are
-- kept by unhandled_exception and rethrown by next().
local coro = require "coro"

local Generator = {}
Generator.__index = Generator

Generator.promise_type = coro.promise_type {
  __name = "generator",
  get_return_object = function(p)
    return setmetatable({h = coro.from_promise(p)}, Generator)
  end,
  initial_suspend = function(p) return coro.suspend_always end,
  final_suspend = function(p) return coro.suspend_always end,
  yield_value = function(p, v) p.current = v; return coro.suspend_always end,
  return_void = function(p) end,
  unhandled_exception = function(p, err) p.err = err end,
}

-- resume up to the next co_yield; false once the body has finished
function Generator:next()
  self.h:resume()
  local p = self.h:promise()
  if p.err ~= nil then
    local err = p.err
    p.err = nil
    error(err, 0)
  end
  return not self.h:done()
end

function Generator:getValue() return self.h:promise().current end

-- for v in g do ... end
function Generator:__call()
  if self:next() then return self:getValue() end
end

-- the return object owns the frame: ~generator() destroys it, at scope exit
-- (local g <close> = ...) or, for one that was dropped, when it is collected
function Generator:__close() self.h:destroy() end
function Generator:__gc()
  if coro.info(self.h) then pcall(self.h.destroy, self.h) end
end

return Generator
