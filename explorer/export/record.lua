-- record.lua — the run itself, as JSON data, one record a line: each
-- record as the run holds it (what was seen: kind, frame, other, depth,
-- detail, where, values, snapshots; and what it means: phase, context,
-- continued, result), the frames' names and promise types, and what the
-- records dropped from a long run left (frames alive, who ran). A run is
-- data: any source of such records fills a run (run/record.lua) the way
-- the recorder does.
local coro = require "coro"
local json = require "explorer.export.json"
local stack = require "explorer.run.stack"

local record = {}

local function by_id(a, b) return a.id < b.id end

function record.write(run, out, options)
  local frames, alive, running = {}, {}, {}
  for id, f in pairs(run.frames) do
    frames[#frames + 1] = {id = id, name = f.name, promise_type = f.promise_type}
  end
  table.sort(frames, by_id)
  for _, snap in pairs(run.before.frames) do alive[#alive + 1] = snap end
  table.sort(alive, by_id)
  for _, entry in ipairs(stack.chain(run.before.stack)) do
    running[#running + 1] = entry or json.object({})
  end
  local head = json.encode(json.object({
    {"format", "corolab run"}, {"version", coro._VERSION}, {"title", options.title},
    {"dropped", run.dropped},
    {"before", json.object({{"frames", json.array(alive)}, {"running", json.array(running)}})},
    {"frames", json.array(frames)}}))
  local lines = {}
  for i, rec in ipairs(run.events) do lines[i] = json.encode(rec) end
  out:write(head:sub(1, -2), ',"events":[\n', table.concat(lines, ",\n"), "\n]}\n")
end

return record
