-- lazy.lua — a task whose initial_suspend suspends: the call returns
-- before the body runs. Compare: corolab --diff lazy.lua eager.lua
local coro = require "coro"
local here = (arg and arg[0] or ""):match("^(.*)/") or "."
local programs = dofile(here .. "/programs.lua")
programs.task(coro.suspend_always, coro.suspend_always)
