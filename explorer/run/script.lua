-- script.lua — a script's run, recorded on its own. Run in a Lua state of
-- its own (the corolab shell's host.apart, for :diff), so that nothing
-- the script leaves behind — frames alive, an observer, globals — reaches
-- anyone else's run: record() gives back its records and frames as plain
-- data.
local script = {}

-- runs code (the script file's text) recording; its run as data: {events,
-- frames (id -> name, promise_type), dropped, error (the script's, or
-- nil)}; or {unloaded: why it could not be loaded}
function script.record(file, code)
  local recorder = require "explorer.run.recorder"
  local chunk, err = load(code, "@" .. file, "t")
  if not chunk then return {unloaded = err} end
  recorder.start()
  arg = {[0] = file}
  local ok, why = pcall(chunk)
  local run = recorder.run
  run:trim()
  local frames = {}
  for id, f in pairs(run.frames) do
    frames[id] = {name = f.name, promise_type = f.promise_type}
  end
  return {events = run.events, frames = frames, dropped = run.dropped,
    error = not ok and tostring(why) or nil}
end

return script
