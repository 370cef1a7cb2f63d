-- transfer.lua — a chain of three tasks, each awaiting the next, by
-- symmetric transfer: the resume depth stays 0. Compare: corolab --diff
-- transfer nested
local programs = require "compare.programs"  -- programs.lua, built into corolab
programs.chain("transfer", 3)
