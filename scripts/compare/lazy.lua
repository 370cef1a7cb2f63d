-- lazy.lua — a task whose initial_suspend suspends: the call returns
-- before the body runs. Compare: corolab --diff lazy eager
local coro = require "coro"
local programs = require "compare.programs"  -- programs.lua, built into corolab
programs.task(coro.suspend_always, coro.suspend_always)
