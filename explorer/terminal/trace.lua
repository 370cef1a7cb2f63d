-- trace.lua — :trace and --trace: every event printed as it happens, as
-- its one line (text/event.lua) in the terminal's colours, indented by
-- resume depth; a member's line once its result is known (at the next
-- event, or when the run stops: flush). The same line heads a :step or a
-- breakpoint stop.
local event = require "explorer.text.event"
local palette = require "explorer.terminal.palette"
local recorder = require "explorer.run.recorder"

local trace = {on = false}

-- rec of the recorded run, as the terminal shows it
function trace.line(rec)
  return event.line(recorder.run, rec, palette.paint)
end

local follower = event.follower(recorder.run, function(line)
  io.write(line, "\n")
  io.flush()
end, palette.paint)

-- the line still waiting for its member's result, now
function trace.flush()
  follower.flush()
end

recorder.listen(function(rec) follower.add(rec) end, function() return trace.on end)

return trace
