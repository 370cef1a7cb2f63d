-- eager.lua — the same task, its initial_suspend never suspends: the call
-- runs the body to its first co_await. Compare: corolab --diff lazy.lua eager.lua
local coro = require "coro"
local here = (arg and arg[0] or ""):match("^(.*)/") or "."
local programs = dofile(here .. "/programs.lua")
programs.task(coro.suspend_never, coro.suspend_always)
