-- lifecycle.lua — a frame's snapshots from its events alone. A live run
-- looks at its frames (the tape); a program traced by corolab/trace.hpp
-- sees only the calls made to its promise and awaiters, so its record
-- carries no snapshot: they are worked out here, record by record, as
-- the runtime shows a frame (snapshot.lua): its state, its suspend point
-- or the line it runs, the awaiter it waits on (by type), and who resumed
-- it; its promise is not known (nil). Two moves no event names are read
-- from what follows: await_suspend that exits by an exception resumes its
-- frame ([expr.await]/5.1.3), and an exception that leaves
-- unhandled_exception leaves its frame suspended at its final suspend
-- point ([dcl.fct.def.coroutine]/15). The states say which events a frame
-- can have next, as the standard's wrapper orders them: a record that
-- breaks that order is no run's (fits).
local meaning = require "explorer.run.meaning"
local snapshot = require "explorer.run.snapshot"

local lifecycle = {}

-- frames: id -> its last snapshot; ending: the frames whose co_await has
-- resumed (their awaiter goes at their next event but its destruction);
-- last: id -> the kind of its frame's last event; leaving: the frame whose
-- unhandled_exception came last, until what follows says if it returned
function lifecycle.new()
  return {frames = {}, ending = {}, last = {}}
end

local suspended = {initial = "suspended_initial", body = "suspended", final = "suspended_final"}
local running = {resume = true, ["symmetric transfer"] = true, await_resume = true,
  throw = true}
local awaiting = {await_ready = true, suspend = true, await_suspend = true}
local dying = {destroy = true, ["~promise_type"] = true, ["~parameters"] = true,
  ["operator delete"] = true}

-- what may follow await_suspend when it returned (its frame's control
-- moving on); anything else of its frame: it exited by an exception
local after_suspend = {["return to caller"] = true, ["symmetric transfer"] = true,
  resume = true, destroy = true}
-- what may come between unhandled_exception and final_suspend
local unwinding = {["~awaiter"] = true, ["~locals"] = true, ["~temporary"] = true}

-- the events a frame can have only while suspended, and those it can
-- have only while it runs (or is being made). (A destroy may also come
-- to a frame that seems to run: one that misused the protocol is torn
-- down; never to one being destroyed.)
local when_suspended = {resume = true, ["symmetric transfer"] = true, await_suspend = true}
local when_running = {promise_type = true, get_return_object = true, initial_suspend = true,
  await_transform = true, ["operator co_await"] = true, await_ready = true, suspend = true,
  await_resume = true, yield_value = true, return_value = true, return_void = true,
  throw = true, unhandled_exception = true, final_suspend = true}

-- the state rec finds frame id in: its last snapshot's, but running after
-- an await_suspend that exited by an exception (a resume that ends a
-- transfer finds it running already)
local function found_in(state, id, rec)
  local snap = state.frames[id]
  if not snap then return nil end
  if state.last[id] == "await_suspend" and not after_suspend[rec.kind] then return "running" end
  return snap.state
end

-- nil if rec can come next in its frame's life; else why not: {key, kind,
-- id, {"state", its state then}}
function lifecycle.fits(state, rec)
  local id = meaning.owner(rec)
  local now = id ~= 0 and found_in(state, id, rec)
  if not now or rec.kind == "return to caller" or rec.cause == "transferred" then return nil end
  local is_suspended = now:match("^suspended") ~= nil
  if when_suspended[rec.kind] and not is_suspended or
     when_running[rec.kind] and (is_suspended or now == "destroying") or
     rec.kind == "destroy" and now == "destroying" then
    return {"play_why_state", rec.kind, id, {"state", now}}
  end
end

-- frame id's snapshot as it is now, with who resumed it last (run's)
local function updated(state, run, id, snap)
  local f = run.frames[id]
  snap.resumed_by, snap.how = f and f.resumed_by, f and f.how
  local last = state.frames[id]
  state.frames[id] = snap
  if not (last and snapshot.same(last, snap)) then return snap end
end

local function copy(snap)
  return {id = snap.id, state = snap.state, at = snap.at, awaiter = snap.awaiter}
end

-- rec, added to run (its phase and who resumed its frame known): the
-- snapshots of the frames that changed at it (a list, or nil), and the
-- frame it frees (operator delete), if any
function lifecycle.note(state, run, rec)
  local id, k = meaning.owner(rec), rec.kind
  local changes = {}
  local left = state.leaving
  if left and not (id == left and unwinding[k]) then
    state.leaving = nil
    if not (id == left and k == "final_suspend") and state.frames[left] then
      local snap = copy(state.frames[left])           -- the exception left it
      snap.state = "suspended_final"
      changes[#changes + 1] = updated(state, run, left, snap)
    end
  end
  if id == 0 then return changes[1] and changes end
  local now = found_in(state, id, rec)
  state.last[id] = k
  if k == "return to caller" then return changes[1] and changes end
  local last = state.frames[id]
  local snap = last and copy(last) or {id = id, state = "prologue"}
  snap.state = now or snap.state
  if state.ending[id] and k ~= "~awaiter" then
    snap.awaiter, state.ending[id] = nil, nil
  end
  if awaiting[k] then snap.awaiter = rec.detail ~= "" and rec.detail or nil end
  if k == "suspend" then snap.state = suspended[rec.phase] or "suspended"
  elseif running[k] and snap.state ~= "destroying" then snap.state = "running"
  elseif dying[k] then snap.state = "destroying" end
  if rec.where and snap.state ~= "prologue" then snap.at = rec.where end    -- (made: nowhere)
  if k == "await_resume" then state.ending[id] = true end
  if k == "unhandled_exception" then state.leaving = id end
  changes[#changes + 1] = updated(state, run, id, snap)
  if k == "operator delete" then
    state.frames[id], state.ending[id], state.last[id] = nil, nil, nil
    return changes[1] and changes, id
  end
  return changes[1] and changes
end

return lifecycle
