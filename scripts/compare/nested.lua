-- nested.lua — the same chain, each await_suspend resuming the next there
-- and then: every link nests one resume deeper. Compare: corolab --diff
-- transfer.lua nested.lua
local here = (arg and arg[0] or ""):match("^(.*)/") or "."
local programs = dofile(here .. "/programs.lua")
programs.chain("nested", 3)
