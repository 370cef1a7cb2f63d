-- record.lua — a run as data: its records in order (the last `limit` of
-- them), the frames they name, and the state the dropped ones left. A
-- record comes in as it was seen — {kind, frame, other, depth, index,
-- cause, detail, where, args, changes, gone}, values as text — and add() gives
-- it its number, what it means (meaning.lua) and who runs after it
-- (stack.lua). The recorder fills a run from the live coro runtime; a run
-- recorded elsewhere fills one the same way.
local meaning = require "explorer.run.meaning"
local snapshot = require "explorer.run.snapshot"
local stack = require "explorer.run.stack"

local record = {}

local Run = {}
Run.__index = Run

-- an empty run that keeps the last limit records (100,000 by default)
function record.new(limit)
  return setmetatable({
    events = {},                 -- the records, oldest first
    frames = {},                 -- frame id -> {id, name, promise_type, resumed_by, how}
    limit = limit or 100000,
    dropped = 0,                 -- records dropped before the first kept
    before = snapshot.state(),   -- what the dropped ones left
    stack = stack.new(),         -- who runs after the last record
    pending = {},                -- meaning.lua: records waiting for their result
  }, Run)
end

-- what the run knows of frame id, made on first use
function Run:frame(id)
  local f = self.frames[id]
  if not f then
    f = {id = id}
    self.frames[id] = f
  end
  return f
end

-- a frame's name for display: "#2 range", "main" for 0
function Run:label(id)
  if id == 0 then return "main" end
  local f = self.frames[id]
  return "#" .. id .. (f and f.name and (" " .. f.name) or "")
end

-- the oldest records go: while recording, a quarter of the limit at a
-- time (one move per many records: the array stays an array, for ipairs
-- and #); trim() drops exactly down to the limit, for whoever looks
function Run:trim()
  local events = self.events
  local extra = #events - self.limit
  if extra <= 0 then return end
  for i = 1, extra do snapshot.apply(self.before, events[i], true) end
  table.move(events, extra + 1, #events, 1)
  for i = #events - extra + 1, #events do events[i] = nil end
  self.dropped = self.dropped + extra
end

function Run:set_limit(n)
  self.limit = n
  self:trim()
end

-- rec joins the run, numbered, with its meaning; who resumed a frame last
-- is the run's to know (snapshots keep it)
function Run:add(rec)
  local events = self.events
  rec.seq = #events + self.dropped + 1
  meaning.note(self, rec)
  events[#events + 1] = rec
  if #events >= self.limit + self.limit // 4 + 1 then self:trim() end
  local move = stack.follow(self.stack, rec)
  if move and (move.how == "resume" or move.how == "transfer") then
    local f = self:frame(move.to)
    f.resumed_by, f.how = move.from, move.how
  end
  return rec
end

-- a member's result, as text, known after its record (meaning.returned)
function Run:returned(member, text)
  meaning.returned(self, member, text)
end

function Run:last()
  return self.events[#self.events]
end

-- back at the top-level prompt: nothing runs any more
function Run:idle()
  stack.idle(self.stack)
end

-- the run at record index k: every frame alive (id -> snapshot) and the
-- stack, folded over the records up to k from what the dropped ones left
-- (the frame k frees is still shown at k)
function Run:at(k)
  local state = snapshot.copy(self.before)
  for i = 1, k do snapshot.apply(state, self.events[i], i < k) end
  return state.frames, state.stack
end

return record
