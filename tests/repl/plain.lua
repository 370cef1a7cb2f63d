-- plain.lua — the run model and the exporters without the corolab binary:
-- in a plain Lua with the coro module (lua5.4 with coro.so on
-- package.cpath, or a host with coro built in), record a lesson as
-- `corolab --trace` does (each event's line once its member's result is
-- known), then write the run in every export format into a folder. A run
-- is data: the same records, given to a fresh run as any other source
-- would give them (what was seen, not what it means), must export the
-- same. Run from the repository root: plain.lua LESSON OUT_DIR;
-- test_golden.py (case plain:LESSON) compares the output and the files
-- with the binary's goldens and its page. Fails if the model or an
-- exporter reached for the terminal: the C host, the terminal's modules,
-- or print.
local lesson, out_dir = arg[1], arg[2]
package.path = "./?.lua;./scripts/lib/?.lua;" .. package.path

local event = require "explorer.text.event"
local formats = require "explorer.export.formats"
local record = require "explorer.run.record"
local recorder = require "explorer.run.recorder"

local script = "scripts/lessons/" .. lesson .. ".lua"
local run = recorder.run
local trace = event.follower(run, function(line) io.write(line, "\n") end)
recorder.listen(trace.add)
recorder.start()
local chunk = assert(loadfile(script))
arg = {[0] = script}
chunk()
trace.flush()

-- the run again, from its records' seen fields, as a run read from a file
local copy = record.new()
for id, f in pairs(run.frames) do
  copy:frame(id).name, copy:frame(id).promise_type = f.name, f.promise_type
end
for _, rec in ipairs(run.events) do
  copy:add({kind = rec.kind, frame = rec.frame, other = rec.other, depth = rec.depth,
    index = rec.index, cause = rec.cause, detail = rec.detail, unspecified = rec.unspecified,
    where = rec.where, args = rec.args,
    result = rec.result, changes = rec.changes, gone = rec.gone})
end

local function read(path)
  local f = assert(io.open(path))
  local text = f:read("a")
  f:close()
  return text
end

local player = read("explorer/export/player.html")
local print_ = print
print = function() error("an exporter printed", 2) end
for _, name in ipairs(formats.names) do
  local options = {title = "corolab — " .. script, player = player}
  local path, again = out_dir .. "/" .. name, out_dir .. "/copy-" .. name
  assert(formats.write(run, name, path, options))
  assert(formats.write(copy, name, again, options))
  assert(read(path) == read(again), name .. ": the run made from its records exports otherwise")
end
print = print_
for name in pairs(package.loaded) do
  assert(name ~= "corolab.host" and not name:match("^explorer%.terminal"),
    "the model or an exporter required " .. name)
end
