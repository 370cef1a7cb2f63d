-- record.lua — a run as data: its records in order (the last `limit` of
-- them), the frames they name, and the state the dropped ones left. A
-- record comes in as it was seen — {kind, frame, other, depth, index,
-- cause, detail, unspecified, order, where, args, changes, gone}, values
-- as text — and add() gives it its number, what it means (meaning.lua)
-- and who runs after it (stack.lua). The recorder fills a run from the
-- live coro runtime, when someone looks (its source: run:sync); a run
-- recorded elsewhere fills one the same way.
local meaning = require "explorer.run.meaning"
local snapshot = require "explorer.run.snapshot"
local stack = require "explorer.run.stack"

local record = {}

local Run = {}
Run.__index = Run

record.LIMIT = 100000         -- how many records a run keeps at first

-- an empty run that keeps the last limit records (record.LIMIT by default)
function record.new(limit)
  return setmetatable({limit = limit or record.LIMIT}, Run):clear()
end

-- the run empty again, with its limit (a record played takes its place)
function Run:clear()
  self.events = {}               -- the records, oldest first
  self.frames = {}               -- frame id -> {id, name, promise_type, resumed_by, how}
  self.dropped = 0               -- records dropped before the first kept
  self.before = snapshot.state() -- what the dropped ones left
  self.stack = stack.new()       -- who runs after the last record
  self.pending = {}              -- meaning.lua: records waiting for their result
  self.idles = {}                -- seqs after which nothing ran (stack.idle)
  self.source = nil              -- {pending(), sync(run)}: records not added yet
  return self
end

-- the records the source holds join the run
function Run:sync()
  if self.source then self.source.sync(self) end
end

-- how many records the run has seen: the kept, the dropped, those its
-- source holds still
function Run:count()
  return #self.events + self.dropped + (self.source and self.source.pending() or 0)
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

-- the oldest records go, down to keep (the limit by default): while
-- recording, a quarter of the limit at a time (one move per many records:
-- the array stays an array, for ipairs and #); trim() drops exactly down
-- to the limit, for whoever looks
local function drop(run, keep)
  local events = run.events
  local extra = #events - (keep or run.limit)
  if extra <= 0 then return end
  for i = 1, extra do snapshot.apply(run.before, events[i], true) end
  table.move(events, extra + 1, #events, 1)
  for i = #events - extra + 1, #events do events[i] = nil end
  run.dropped = run.dropped + extra
end

function Run:trim()
  self:sync()
  drop(self)
end

function Run:set_limit(n)
  self.limit = n
  self:trim()
end

-- who runs after rec (back at the prompt first, if it was before rec);
-- who resumed a frame last is the run's to know (snapshots keep it)
local function follow(run, rec)
  while run.idles[1] and run.idles[1] < rec.seq do
    stack.idle(run.stack)
    table.remove(run.idles, 1)
  end
  local move = stack.follow(run.stack, rec)
  if move and (move.how == "resume" or move.how == "transfer") then
    local f = run:frame(move.to)
    f.resumed_by, f.how = move.from, move.how
  end
end

-- rec joins the run, numbered, with its meaning
function Run:add(rec)
  local events = self.events
  rec.seq = #events + self.dropped + 1
  meaning.note(self, rec)
  events[#events + 1] = rec
  if #events >= self.limit + self.limit // 4 + 1 then drop(self) end
  follow(self, rec)
  return rec
end

-- records go through the run and are dropped at once, as ones older than
-- the limit keeps (the records kept before them go first): what they
-- leave is all that stays of them, but the snapshots of their changes,
-- which are the caller's to leave in run.before.frames. run:passing(n)
-- before the n records, run:pass(rec) for each: while no prompt came
-- between them and the run's stack says what the dropped ones left, it
-- is followed alone, and copied after the last
function Run:passing(n)
  drop(self, 0)
  local last = self.dropped + n
  self.passes = n
  self.shared = not (self.idles[1] and self.idles[1] < last) and
    stack.same(self.stack, self.before.stack)
end

function Run:pass(rec)
  rec.seq = self.dropped + 1
  meaning.note(self, rec)
  self.dropped = self.dropped + 1
  follow(self, rec)
  if not self.shared then stack.follow(self.before.stack, rec) end
  self.passes = self.passes - 1
  if self.passes == 0 and self.shared then self.before.stack = stack.copy(self.stack) end
end

-- a member's result, as text, known after its record (meaning.returned)
function Run:returned(member, text)
  meaning.returned(self, member, text)
end

function Run:last()
  return self.events[#self.events]
end

-- back at the top-level prompt: nothing runs any more (after the records
-- the source holds still)
function Run:idle()
  local seq = self:count()
  if seq > #self.events + self.dropped then self.idles[#self.idles + 1] = seq
  else stack.idle(self.stack) end
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
