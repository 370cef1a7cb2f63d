-- isolation_observer.lua — a script that must not reach past its own run
-- (:diff runs each script in a Lua state of its own): an observer that
-- destroys every suspended frame but its own, a global, and a frame left
-- alive. tests/repl/test_golden.py, case diff_isolated.
local coro = require "coro"
coro.observe(function(ev)
  if ev.kind == "suspend" and ev.handle then
    local info = coro.info(ev.handle)
    if info and info.coroutine ~= "left" then ev.handle:destroy() end
  end
end)
polluted = true
left = coro.coroutine(coro.generator, function() coro.co_yield(1) end, "left")()
left:next()
