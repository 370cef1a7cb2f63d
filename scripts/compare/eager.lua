-- eager.lua — the same task, its initial_suspend never suspends: the call
-- runs the body to its first co_await. Compare: corolab --diff lazy eager
local coro = require "coro"
local programs = require "compare.programs"  -- programs.lua, built into corolab
programs.task(coro.suspend_never, coro.suspend_always)
