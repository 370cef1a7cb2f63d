-- final-suspended.lua — a task that suspends at its final suspend point:
-- its frame stays, the caller reads the value and destroys it. Compare:
-- corolab --diff final-suspended final-not-suspended
local coro = require "coro"
local programs = require "compare.programs"  -- programs.lua, built into corolab
programs.task(coro.suspend_always, coro.suspend_always)
