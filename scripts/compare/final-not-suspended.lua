-- final-not-suspended.lua — the same task, its final_suspend never
-- suspends: the frame is destroyed as the body ends, nobody destroys it.
-- Compare: corolab --diff final-suspended final-not-suspended
local coro = require "coro"
local programs = require "compare.programs"  -- programs.lua, built into corolab
programs.task(coro.suspend_always, coro.suspend_never)
