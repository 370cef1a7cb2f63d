-- final-not-suspended.lua — the same task, its final_suspend never
-- suspends: the frame is destroyed as the body ends, nobody destroys it.
-- Compare: corolab --diff final-suspended.lua final-not-suspended.lua
local coro = require "coro"
local here = (arg and arg[0] or ""):match("^(.*)/") or "."
local programs = dofile(here .. "/programs.lua")
programs.task(coro.suspend_always, coro.suspend_never)
