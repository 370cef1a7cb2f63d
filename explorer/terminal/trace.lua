-- trace.lua — :trace and --trace: every event printed as it happens, as
-- its one line (text/event.lua) in the terminal's colours, indented by
-- resume depth; the same line heads a :step or a breakpoint stop.
local event = require "explorer.text.event"
local palette = require "explorer.terminal.palette"
local recorder = require "explorer.run.recorder"

local trace = {on = false}

-- rec of the recorded run, as the terminal shows it
function trace.line(rec)
  return event.line(recorder.run, rec, palette.paint)
end

local function print_event(rec)
  if trace.on then
    io.write(trace.line(rec), "\n")
    io.flush()
  end
end

recorder.listen(print_event, function() return trace.on end)

return trace
