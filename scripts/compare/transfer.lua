-- transfer.lua — a chain of three tasks, each awaiting the next, by
-- symmetric transfer: the resume depth stays 0. Compare: corolab --diff
-- transfer.lua nested.lua
local here = (arg and arg[0] or ""):match("^(.*)/") or "."
local programs = dofile(here .. "/programs.lua")
programs.chain("transfer", 3)
