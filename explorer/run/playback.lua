-- playback.lua — a run record read back into a run (record.lua): the JSON
-- of docs/record-format.md, which a program traced by corolab/trace.hpp
-- or `corolab --export record` wrote, one event a line. Each event joins
-- the run as the recorder gives one, as it was seen (run:add gives it its
-- number and meaning); a traced program's record carries no snapshots, so
-- lifecycle.lua works them out. A record is read as far as it is whole:
-- up to the last event line that parses, has the format's fields, follows
-- the one before, names a kind and a cause this corolab knows and a frame
-- the record has, alive. The first thing wrong is given back as a
-- problem, {key, values...}, for the face to word (its catalogue's ui
-- section); what a file holds never makes read() fail.
local coro = require "coro"
local json = require "explorer.export.json"
local lifecycle = require "explorer.run.lifecycle"
local meaning = require "explorer.run.meaning"
local stack = require "explorer.run.stack"

local playback = {}

-- the kinds of event a traced program's record never has: nothing it
-- calls shows them (docs/record-format.md)
playback.unseen = {"~locals", "~temporary", "~return object", "convert return object", "misuse"}

local kinds, causes, states = {}, {}, {}     -- what this corolab knows
for _, k in ipairs(coro.events) do kinds[k.name] = true end
for _, c in ipairs(coro.causes) do causes[c.key] = true end
for _, s in ipairs(coro.states) do states[s.key] = true end

-- an event's fields and their types, in the order they are checked; a
-- reader ignores the others (an export's phase, context and continued,
-- which run:add works out again)
local fields = {
  {"seq", "integer", true}, {"kind", "string", true}, {"frame", "integer", true},
  {"other", "integer", true}, {"depth", "integer", true}, {"index", "integer", true},
  {"detail", "string", true}, {"cause", "string"}, {"args", "string"}, {"result", "string"},
  {"where", "string"}, {"name", "string"}, {"inferred", "boolean"}, {"unspecified", "string"},
  {"order", "string"}, {"gone", "integer"}, {"changes", "table"},
}

local function typed(v, t)
  if t == "integer" then return math.type(v) == "integer" and v >= 0 end
  return type(v) == t
end

-- a snapshot of an export's (snapshot.lua)
local function valid_snapshot(s)
  return type(s) == "table" and typed(s.id, "integer") and states[s.state] ~= nil and
    (s.resumed_by == nil or typed(s.resumed_by, "integer"))
end

-- whether release a ("corolab 1.2.3") is later than b
local function newer(a, b)
  local x, y = {}, {}
  for n in tostring(a):gmatch("%d+") do x[#x + 1] = tonumber(n) end
  for n in tostring(b):gmatch("%d+") do y[#y + 1] = tonumber(n) end
  for i = 1, math.max(#x, #y) do
    if (x[i] or 0) ~= (y[i] or 0) then return (x[i] or 0) > (y[i] or 0) end
  end
  return false
end

-- the event on line text, or nil and why not ({key, values...}). seq: the
-- number due; frames: {known = the highest frame id the record has, open
-- = new ones come numbered in order (a traced record without its
-- footer)}; freed: the frames operator delete released, which no event
-- names again (but a return to the caller: a resume() returns after the
-- frame it resumed was destroyed inside it)
local function event_of(text, seq, frames, freed)
  local e, at = json.decode((text:gsub("^,", ""):gsub(",$", "")))
  if type(e) ~= "table" then return nil, {"play_why_json", at or 1} end
  for _, f in ipairs(fields) do
    local v = e[f[1]]
    if (f[3] or v ~= nil) and not typed(v, f[2]) then return nil, {"play_why_field", f[1]} end
  end
  for _, s in ipairs(e.changes or {}) do
    if not valid_snapshot(s) then return nil, {"play_why_field", "changes"} end
  end
  if e.seq ~= seq then return nil, {"play_why_seq", e.seq, seq} end
  if not kinds[e.kind] then return nil, {"play_why_kind", e.kind} end
  if e.cause and not causes[e.cause] then return nil, {"play_why_cause", e.cause} end
  for _, id in ipairs({e.frame, e.other}) do
    if frames.open and id == frames.known + 1 then frames.known = id end
    if id > frames.known then return nil, {"play_why_frame", id} end
  end
  if freed[e.frame] or e.kind ~= "return to caller" and freed[e.other] then
    return nil, {"play_why_freed", freed[e.frame] and e.frame or e.other}
  end
  if e.kind == "operator delete" then freed[e.frame] = true end
  return e
end

-- what an export's head says its dropped records left: the frames alive
-- and who ran, in run.before
local function before_of(run, head)
  local before = type(head.before) == "table" and head.before or {}
  for _, s in ipairs(type(before.frames) == "table" and before.frames or {}) do
    if valid_snapshot(s) then run.before.frames[s.id] = s end
  end
  for i, entry in ipairs(type(before.running) == "table" and before.running or {}) do
    if type(entry) == "table" and typed(entry.frame, "integer") then
      run.before.stack.running[i] = {frame = entry.frame, by = entry.by or 0,
        how = entry.how or "resume", path = type(entry.path) == "table" and entry.path or {}}
    end
  end
  for id in pairs(run.before.frames) do run.before.stack.seen[id] = true end
  run.stack = stack.copy(run.before.stack)
end

-- the footer of a traced program's record (line: "],..."), or nil and why
-- not; count: the event lines before it
local function footer_of(line, count)
  local footer = json.decode("{" .. line:sub(3))
  if type(footer) ~= "table" or type(footer.frames) ~= "table" then
    return nil, {"play_why_footer"}
  end
  for i, f in ipairs(footer.frames) do
    if type(f) ~= "table" or f.id ~= i then return nil, {"play_why_footer"} end
  end
  if footer.count ~= count or footer.complete ~= true then
    return nil, {"play_why_count", tostring(footer.count), count}
  end
  return footer
end

-- text's lines, and whether its last line ends with a newline
local function lines_of(text)
  local lines = {}
  for line in text:gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
  local rest = text:match("[^\n]*$")
  if rest ~= "" then lines[#lines + 1] = rest end
  return lines, rest == ""
end

-- the frames' names and promise types an export's head or a footer lists
local function name_frames(run, list)
  for _, f in ipairs(type(list) == "table" and list or {}) do
    if type(f) == "table" and typed(f.id, "integer") then
      local frame = run:frame(f.id)
      frame.name, frame.promise_type = f.name, f.promise_type
    end
  end
end

-- The record at path, opened: its head read, its events not yet; or nil
-- and the problem that keeps it from being played at all
function playback.open(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, {"play_cannot_open", (err:gsub("^.-: ", ""))} end
  local text = f:read("a")
  f:close()
  local lines, ended = lines_of(text)
  local head = (lines[1] or ""):match('"events":%[$') and json.decode(lines[1] .. "]}")
  if type(head) ~= "table" or head.format ~= "corolab run" then
    return nil, {"play_not_record"}
  end
  return {head = head, lines = lines, ended = ended}
end

-- Fills run (empty) from an opened record. Gives what the record is
-- ({title, producer, compiler, version, count, alive}) and what cut its
-- reading short (a problem), or nil
function playback.fill(opened, run)
  local head, lines, ended = opened.head, opened.lines, opened.ended
  local traced = head.producer == "trace.hpp"
  local footer, stop                           -- stop: {line, why}, the first thing wrong
  local known = 0
  if traced and ended and lines[#lines]:sub(1, 2) == "]," then
    local why
    footer, why = footer_of(lines[#lines], #lines - 2)
    if footer then known = #footer.frames else stop = {#lines, why} end
  elseif not traced then
    name_frames(run, head.frames)
    for id in pairs(run.frames) do known = math.max(known, id) end
    if typed(head.dropped, "integer") and head.dropped > 0 then
      run.dropped = head.dropped
      before_of(run, head)
    end
  end
  local frames, freed = {known = known, open = traced and not footer}, {}
  local closing = traced and "^%]," or "^%]}$"
  local state, count, closed, first = lifecycle.new(), 0, false, run.dropped
  for i = 2, #lines do
    local line, e, why = lines[i], nil, nil
    if line:match(closing) then
      closed = i == #lines and ended
      if not closed then why = {"play_why_end"} end
    else
      e, why = event_of(line, first + count + 1, frames, freed)
      if e then why = lifecycle.fits(state, e) end
    end
    if why or not e then
      if why and not (i == #lines and not ended) and not (stop and stop[1] < i) then
        stop = {i, why}                      -- (a cut last line: truncated, below)
      end
      break
    end
    local id = meaning.owner(e)
    if e.name and id ~= 0 then run:frame(id).name = e.name end
    local rec = {kind = e.kind, frame = e.frame, other = e.other, depth = e.depth,
      index = e.index, cause = e.cause, detail = e.detail, unspecified = e.unspecified,
      order = e.order, where = e.where, args = e.args, result = e.result, inferred = e.inferred,
      changes = e.changes, gone = e.gone}
    run:add(rec)
    count = count + 1
    local changes, gone = lifecycle.note(state, run, rec)
    if traced then rec.changes, rec.gone = changes, gone end
  end
  if footer then name_frames(run, footer.frames) end
  local later = newer(head.version, coro._VERSION)
  local problem
  if stop and later then
    problem = {"play_newer_stopped", head.version, coro._VERSION, stop[1], stop[2], count}
  elseif stop then
    problem = {"play_stopped", stop[1], stop[2], count}
  elseif not (footer or closed) then
    problem = {"play_truncated", count}
  elseif later then
    problem = {"play_newer", head.version, coro._VERSION}
  end
  return {title = head.title, producer = head.producer, compiler = head.compiler,
    version = head.version, count = count, alive = footer and footer.alive}, problem
end

return playback
