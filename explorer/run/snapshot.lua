-- snapshot.lua — the run as it stood at a record. A snapshot is what a
-- frame was then: {id, state, at (its suspend point), promise and awaiter
-- as text, resumed_by, how}; a record keeps the snapshots of the frames
-- that changed at it (rec.changes) and the frame it freed (rec.gone).
-- Folding records over a state {frames = id -> snapshot, stack} gives
-- every frame alive and who runs, at any record: for the replay, the page,
-- and what the dropped records of a long run left behind.
local stack = require "explorer.run.stack"

local snapshot = {}

-- the state before any record: no frame, nothing running
function snapshot.state()
  return {frames = {}, stack = stack.new()}
end

function snapshot.copy(state)
  local c = {frames = {}, stack = stack.copy(state.stack)}
  for id, snap in pairs(state.frames) do c.frames[id] = snap end
  return c
end

-- the state after rec; gone: the frame rec frees goes (true), or stays
-- (false: the record still shows it)
function snapshot.apply(state, rec, gone)
  for _, snap in ipairs(rec.changes or {}) do state.frames[snap.id] = snap end
  if gone and rec.gone then state.frames[rec.gone] = nil end
  stack.follow(state.stack, rec)
end

-- whether two snapshots of a frame say the same
function snapshot.same(a, b)
  return a.state == b.state and a.at == b.at and a.promise == b.promise and
    a.awaiter == b.awaiter and a.resumed_by == b.resumed_by and a.how == b.how
end

return snapshot
