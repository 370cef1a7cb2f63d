-- nested.lua — the same chain, each await_suspend resuming the next there
-- and then: every link nests one resume deeper. Compare: corolab --diff
-- transfer nested
local programs = require "compare.programs"  -- programs.lua, built into corolab
programs.chain("nested", 3)
