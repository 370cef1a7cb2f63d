-- final-suspended.lua — a task that suspends at its final suspend point:
-- its frame stays, the caller reads the value and destroys it. Compare:
-- corolab --diff final-suspended.lua final-not-suspended.lua
local coro = require "coro"
local here = (arg and arg[0] or ""):match("^(.*)/") or "."
local programs = dofile(here .. "/programs.lua")
programs.task(coro.suspend_always, coro.suspend_always)
