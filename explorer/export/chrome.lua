-- chrome.lua — the run as Chrome trace JSON, for Perfetto or
-- chrome://tracing: one track per frame (its operator new on it too), a
-- slice while it runs or is destroyed, an instant per record with its
-- values, flow arrows for calls, resumes, transfers, returns and destroys
-- (stack.lua says which), on a logical clock of 10 us per record.
local event = require "explorer.text.event"
local json = require "explorer.export.json"
local meaning = require "explorer.run.meaning"
local stack = require "explorer.run.stack"

local chrome = {}

-- how control moved at each record, and who left by an exception; a call
-- is drawn at the operator new just before it, which it belongs to
local function moves_of(run)
  local events, state = run.events, stack.copy(run.before.stack)
  local moves, left = {}, {}
  for i, rec in ipairs(events) do moves[i], left[i] = stack.follow(state, rec) end
  for i = 2, #events do
    if moves[i] and moves[i].how == "call" and events[i - 1].kind == "operator new" then
      moves[i - 1], moves[i] = moves[i], nil
    end
  end
  return moves, left
end

local slices = {call = "call", resume = "resume", transfer = "resume"}
local arrows = {call = "call", resume = "resume", transfer = "symmetric transfer"}

function chrome.write(run, out)
  local events = run.events
  local moves, left = moves_of(run)
  local lines, open, seen = {}, {}, {}
  local function emit(fields) lines[#lines + 1] = json.encode(json.object(fields)) end
  local function begin(tid, name, ts)
    open[tid] = name
    emit({{"ph", "B"}, {"pid", 1}, {"tid", tid}, {"ts", ts}, {"name", name}, {"cat", "run"}})
  end
  local function finish(tid, ts)
    emit({{"ph", "E"}, {"pid", 1}, {"tid", tid}, {"ts", ts}, {"name", open[tid]}, {"cat", "run"}})
    open[tid] = nil
  end
  local flows = 0
  local function flow(from, to, name, ts)    -- an arrow: from's slice to to's
    flows = flows + 1
    emit({{"ph", "s"}, {"pid", 1}, {"tid", from}, {"ts", ts}, {"id", flows},
          {"name", name}, {"cat", "flow"}})
    local id = flows
    return function(at)
      emit({{"ph", "f"}, {"bp", "e"}, {"pid", 1}, {"tid", to}, {"ts", at}, {"id", id},
            {"name", name}, {"cat", "flow"}})
    end
  end
  -- the track of a record: its frame's; operator new's is the frame it makes
  local function track(i)
    local m = moves[i]
    if events[i].kind == "operator new" and m then return m.to end
    return meaning.owner(events[i])
  end
  emit({{"ph", "M"}, {"pid", 1}, {"tid", 0}, {"name", "process_name"},
        {"args", json.object({{"name", "corolab"}})}})
  local tracks = {0}
  for i = 1, #events do
    local id = track(i)
    if id ~= 0 and not seen[id] then seen[id] = true; tracks[#tracks + 1] = id end
  end
  for _, tid in ipairs(tracks) do
    emit({{"ph", "M"}, {"pid", 1}, {"tid", tid}, {"name", "thread_name"},
          {"args", json.object({{"name", run:label(tid)}})}})
    emit({{"ph", "M"}, {"pid", 1}, {"tid", tid}, {"name", "thread_sort_index"},
          {"args", json.object({{"sort_index", tid}})}})
  end
  begin(0, "main", 0)
  local t = 0
  for i, rec in ipairs(events) do
    t = rec.seq * 10
    local move, id = moves[i], track(i)
    for _, entry in ipairs(left[i] or {}) do           -- left by an exception
      if open[entry.frame] then finish(entry.frame, t + 2) end
    end
    local runs = move and slices[move.how] and move.to
    local arrive
    if runs then
      if open[runs] then finish(runs, t) end           -- never left: stale
      arrive = flow(move.from, runs, arrows[move.how], t + 1)
    end
    if move and move.how == "destroy" then
      arrive = flow(move.from, move.to, "destroy", t + 1)
      begin(move.to, "destroy", t + 3)
    elseif move and move.how == "transfer" and open[move.from] then
      finish(move.from, t + 2)
    end
    if runs then begin(runs, slices[move.how], t + 3) end
    if arrive then arrive(t + 3) end
    emit({{"ph", "i"}, {"s", "t"}, {"pid", 1}, {"tid", id}, {"ts", t + 4},
          {"name", event.call(rec)}, {"cat", "lifecycle"},
          {"args", json.object({{"seq", rec.seq}, {"depth", rec.depth},
                                {"detail", event.detail(rec)}, {"where", rec.where or ""}})}})
    if move and move.how == "return" and open[move.from] then
      flow(move.from, move.to, "return", t + 5)(t + 7)
      finish(move.from, t + 6)
    elseif rec.kind == "operator delete" and open[rec.frame] then
      finish(rec.frame, t + 6)
    end
  end
  for _, tid in ipairs(tracks) do
    if tid ~= 0 and open[tid] then finish(tid, t + 8) end
  end
  finish(0, t + 9)
  out:write('{"otherData":', json.encode(json.object({{"clock", "logical: event N at N x 10 us"},
    {"dropped", run.dropped}})), ',"traceEvents":[\n', table.concat(lines, ",\n"),
    "\n]}\n")
end

return chrome
