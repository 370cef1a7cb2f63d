-- lifecycle.lua — a frame's snapshots from its events alone. A live run
-- looks at its frames (the tape); a program traced by corolab/trace.hpp
-- sees only the calls made to its promise and awaiters, so its record
-- carries no snapshot: they are worked out here, record by record, as
-- the runtime shows a frame (snapshot.lua): its state, its suspend point
-- or the line it runs, the awaiter it waits on (by type), and who resumed
-- it; its promise is not known (nil). The states say which events a frame
-- can have next, as the standard's wrapper orders them: a record that
-- breaks that order is no run's (fits).
local meaning = require "explorer.run.meaning"
local snapshot = require "explorer.run.snapshot"

local lifecycle = {}

-- the frames' last snapshots: id -> snapshot; ending: the frames whose
-- co_await has resumed (their awaiter goes at their next event but its
-- destruction)
function lifecycle.new()
  return {frames = {}, ending = {}}
end

local suspended = {initial = "suspended_initial", body = "suspended", final = "suspended_final"}
local running = {resume = true, ["symmetric transfer"] = true, await_resume = true}
local awaiting = {await_ready = true, suspend = true, await_suspend = true}
local dying = {destroy = true, ["~promise_type"] = true, ["~parameters"] = true,
  ["operator delete"] = true}

-- the events a frame can have only while suspended, and those it can
-- have only while it runs (or is being made). (A destroy may also come
-- to a frame that seems to run: one an exception left through
-- unhandled_exception is suspended at its final point, unseen, and one
-- that misused the protocol is torn down; never to one being destroyed.)
local when_suspended = {resume = true, ["symmetric transfer"] = true, await_suspend = true}
local when_running = {promise_type = true, get_return_object = true, initial_suspend = true,
  await_transform = true, ["operator co_await"] = true, await_ready = true, suspend = true,
  await_resume = true, yield_value = true, return_value = true, return_void = true,
  throw = true, unhandled_exception = true, final_suspend = true}

-- nil if rec can come next in its frame's life; else why not: {key, kind,
-- id, {"state", its state then}}
function lifecycle.fits(state, rec)
  local id = meaning.owner(rec)
  local snap = state.frames[id]
  if id == 0 or not snap or rec.kind == "return to caller" or rec.cause == "transferred" then
    return nil                        -- (a resume that ends a transfer: running already)
  end
  local now = snap.state
  local is_suspended = now:match("^suspended") ~= nil
  if when_suspended[rec.kind] and not is_suspended or
     when_running[rec.kind] and (is_suspended or now == "destroying") or
     rec.kind == "destroy" and now == "destroying" then
    return {"play_why_state", rec.kind, id, {"state", now}}
  end
end

-- rec, added to run (its phase and who resumed its frame known): its
-- frame's snapshot when it changed, and the frame it frees (operator
-- delete), if any
function lifecycle.note(state, run, rec)
  local id = meaning.owner(rec)
  if id == 0 or rec.kind == "return to caller" then return nil end
  local last = state.frames[id]
  local snap = {id = id, state = last and last.state or "prologue", at = last and last.at,
    awaiter = last and last.awaiter}
  local k = rec.kind
  if state.ending[id] and k ~= "~awaiter" then
    snap.awaiter, state.ending[id] = nil, nil
  end
  if awaiting[k] then snap.awaiter = rec.detail ~= "" and rec.detail or nil end
  if k == "suspend" then snap.state = suspended[rec.phase] or "suspended"
  elseif running[k] and snap.state ~= "destroying" then snap.state = "running"
  elseif dying[k] then snap.state = "destroying" end
  if rec.where and snap.state ~= "prologue" then snap.at = rec.where end    -- (made: nowhere)
  if k == "await_resume" then state.ending[id] = true end
  local f = run.frames[id]
  snap.resumed_by, snap.how = f and f.resumed_by, f and f.how
  local changed = not (last and snapshot.same(last, snap))
  state.frames[id] = snap
  if k == "operator delete" then
    state.frames[id], state.ending[id] = nil, nil
    return changed and snap or nil, id
  end
  return changed and snap or nil
end

return lifecycle
