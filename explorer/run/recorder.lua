-- recorder.lua — recording a live run. The coro runtime's tape
-- (coro.tape, in C) takes each lifecycle event as it happens, with its
-- values and a look at each frame it may have changed; its records join
-- recorder.run (record.lua) when someone looks (run:sync), each with its
-- values as text (values.lua), the names of the frames it meets, what an
-- earlier member returned, and a snapshot of each frame it changed: the
-- one it is about, the one a transfer leaves, the one running at its
-- depth and the one below it (their bodies moved on). Records older than
-- the run keeps only go through it. Listeners (the terminal's trace and
-- debugger) get each record at once, with the event itself, while they
-- want to. Nobody looking and nobody listening, a script runs at the
-- module's own speed.
local coro = require "coro"
local meaning = require "explorer.run.meaning"
local record = require "explorer.run.record"
local snapshot = require "explorer.run.snapshot"
local values = require "explorer.run.values"

local recorder = {run = record.new()}

local run = recorder.run

local kinds, causes, states = {}, {}, {}      -- the core's numbers -> names
for i, k in ipairs(coro.events) do kinds[i] = k.name end
for i, k in ipairs(coro.causes) do causes[i] = k.key end
for i, s in ipairs(coro.states) do states[i - 1] = s.key end

local tape                    -- coro.tape, while recording
local listeners = {}          -- {fn, wants}
local observer                -- coro.observe's id, while a listener wants events
local handles = setmetatable({}, {__mode = "v"})   -- frame id -> its handle
local seen = {}               -- frame id -> the tape's last look at it
local noted = {}              -- frame id -> the look its last snapshot came of
local latest = {}             -- frame id -> the last snapshot a record kept
local texts = setmetatable({}, {__mode = "k"})     -- a promise's copy -> its text
local newest                  -- the last record developed

-- a source location, or nil: the runtime says "line N" for no place at all
function recorder.place(where)
  if where and not where:match("^line %d+$") then return where end
end

-- the arguments of a member, as text: "1, \"x\""
local function args_text(list, n)
  local shown = {}
  for i = 1, n do shown[i] = values.brief(list[i]) end
  return table.concat(shown, ", ")
end

-- a member whose one argument is a value, which may be nil (co_yield nil):
-- no arguments is that nil; for any other, "" is a call without any
local takes_value = {yield_value = true, return_value = true}

local function protected(fn)
  return function(...)
    local ok, text = pcall(fn, ...)
    return ok and text or "?"
  end
end

-- what the tape makes text at once: values that can change
local render = {
  promise = protected(values.value), brief = protected(values.brief),
  args = protected(args_text), kinds = kinds, causes = causes,
}

-- a promise as the tape kept it: its text, or a copy of its plain fields
-- (shown as :show shows the promise)
local function promise_text(p)
  if type(p) == "string" then return p end
  local text = texts[p]
  if not text then
    text = render.promise(p)
    texts[p] = text
  end
  return text
end

local none = {}

-- frame id's snapshot from the tape's look at it, with who resumed it
-- last; nil when it is what the last snapshot a record kept says
local function changed(id, look)
  local f, last = run.frames[id] or none, latest[id]
  if last and noted[id] == look and last.resumed_by == f.resumed_by and last.how == f.how then
    return nil                               -- the same look: the same words
  end
  noted[id] = look
  local snap = {id = id, state = states[look.state], at = recorder.place(look.at),
    promise = promise_text(look.promise), awaiter = look.awaiter,
    resumed_by = f.resumed_by, how = f.how}
  if last and snapshot.same(last, snap) then return nil end
  latest[id] = snap
  return snap
end

-- rec.changes gets frame id's snapshot if it changed since the last one a
-- record kept
local function note_frame(rec, id)
  local look = seen[id]
  local snap = look and changed(id, look)
  if snap then
    rec.changes = rec.changes or {}
    rec.changes[#rec.changes + 1] = snap
  end
end

-- the frames rec changes: the one it is about, the one a transfer leaves,
-- the one running at rec's depth and the one below it; note(rec, frame)
-- for each. rec.gone: the frame operator delete releases (after its
-- record, which still shows it)
local function note_changes(rec, id, note)
  if rec.kind == "operator delete" then rec.gone = id end
  local running = run.stack.running
  local here, below = running[rec.depth + 1], running[rec.depth]
  local b = rec.kind == "symmetric transfer" and rec.other or rec.frame
  local c = here and here.frame or 0
  local d = below and below.frame or 0
  note(rec, id)
  if b ~= id then note(rec, b) end
  if c ~= id and c ~= b then note(rec, c) end
  if d ~= id and d ~= b and d ~= c then note(rec, d) end
  if rec.gone then seen[id], noted[id], latest[id] = nil, nil, nil end
end

-- a record of the tape (tape:read) becomes the run's, as it was seen
-- (kind, frame, other, depth, index, cause, detail; rec.where and rec.args
-- are develop's to give): the looks at the frames it changed are the
-- tape's latest, and the frame's name is learnt at its first record
local function seen_as(rec)
  for _, look in ipairs(rec.snaps or none) do
    local before = seen[look.id] or none          -- what did not change
    if look.promise == nil then look.promise = before.promise end
    if look.awaiter == nil then look.awaiter = before.awaiter
    elseif look.awaiter == false then look.awaiter = nil end
    seen[look.id] = look
  end
  local id = meaning.owner(rec)
  if id ~= 0 and rec.name then
    local f = run:frame(id)
    if not f.name then f.name, f.promise_type = rec.name, rec.promise_type end
  end
  rec.snaps, rec.name, rec.promise_type = nil, nil, nil
  return rec, id
end

-- a record of the tape joins the run, with its values
local function develop(t)
  if t.returned_member then
    run:returned(t.returned_member, t.returned_text or values.brief(t.returned))
  end
  local args = t.args_text or (t.args and args_text(t.args, t.args.n))
  if args == "" and takes_value[t.kind] then args = "nil" end
  if meaning.is_error(t) and t.args and type(t.args[1]) == "string" then
    args = nil                     -- a message: whole, from the detail (meaning.lua)
  end
  t.args_text, t.returned_member, t.returned, t.returned_text = nil, nil, nil, nil
  local rec, id = seen_as(t)
  rec.where = recorder.place(rec.where)
  rec.args = args
  run:add(rec)
  note_changes(rec, id, note_frame)
  newest = rec
end

-- n records of the tape, older than the run's limit, go through it at
-- once (run:pass): what they leave is the state the run folds from (who
-- runs, each frame's part of the wrapper) and the last snapshot each frame
-- alive then had, in run.before
local function skim(n)
  local looks = {}                             -- frame id -> its look, last noted
  local function note(_, id) looks[id] = seen[id] end
  run:passing(n)
  while n > 0 do
    local batch = tape:read(math.min(n, 4096), true)
    n = n - #batch
    for _, t in ipairs(batch) do
      local rec, id = seen_as(t)
      run:pass(rec)
      note_changes(rec, id, note)
      if rec.gone then looks[id], run.before.frames[id] = nil, nil end
    end
  end
  for id, look in pairs(looks) do
    local snap = changed(id, look)
    if snap then run.before.frames[id] = snap end
  end
end

local syncing = false

-- the tape's records join the run: those older than the limit keeps go
-- through it at once (all but the newest limit of them: fold), the others
-- are kept (the newest always: a listener gets it)
local function sync(fold)
  if syncing or not tape then return end
  syncing = true
  local ok, err = pcall(function()
    local older = tape:pending() - math.max(run.limit, 1)
    if older > 0 then skim(older) end
    while not fold and tape:pending() > 0 do
      for _, t in ipairs(tape:read(4096)) do develop(t) end
    end
  end)
  syncing = false
  if not ok then error(err, 0) end
end

-- the source of recorder.run: the tape's records, read when someone looks
run.source = {
  pending = function() return tape and tape:pending() or 0 end,
  sync = function() sync() end,
}

-- A run that records more than NOTICE events says so once (when
-- recorder.on_many is set, with how many); the tape holds at most
-- recorder.capacity records (or twice the limit) before those older than
-- the limit go through the run, during it
local NOTICE = 1000000
local run_from, noticed = 0, false
recorder.capacity = 2000000

local function capacity()
  return math.max(recorder.capacity, 2 * run.limit)
end

local function set_alarm()
  if not tape then return end
  local at = tape:count() + capacity() - tape:pending()
  if not noticed then at = math.min(at, run_from + NOTICE + 1) end
  tape:alarm(at)
end

function render.alarm()
  if tape:pending() >= capacity() then sync("fold") end
  if not noticed and tape:count() > run_from + NOTICE then
    noticed = true
    if recorder.on_many then recorder.on_many(NOTICE) end
  end
  set_alarm()
end

-- a run begins: a command line at the prompt
function recorder.mark()
  run_from, noticed = run:count(), false
  set_alarm()
end

-- each event, for the listeners that want it: its record, and the event
-- (a listener may run code that makes newer ones: the others still get
-- this one)
local function on_event(ev)
  if ev.handle then handles[ev.frame] = ev.handle end
  sync()
  local rec = newest
  for _, l in ipairs(listeners) do
    if l.wants() then l.fn(rec, ev) end
  end
end

local function always() return true end
local asked = false           -- recorder.start: someone will look

-- The tape records while someone will look (recorder.start) and the run
-- keeps any (its limit), or while a listener wants events; coro.observe's
-- observer runs while one does (after the tape's, which records the
-- event first). Listeners say when their wants may have changed. While a
-- record plays, nothing is recorded.
function recorder.update()
  local want = false
  for _, l in ipairs(listeners) do want = want or l.wants() end
  want = want and not recorder.played
  local on = want or (asked and run.limit > 0 and not recorder.played)
  if on and not tape then
    seen = {}
    tape = coro.tape(render)
    set_alarm()
    if observer then                     -- after the tape's: it records first
      coro.unobserve(observer)
      observer = nil
    end
  elseif not on and tape then
    sync()
    tape:close()
    tape = nil
  end
  if want and not observer then observer = coro.observe(on_event)
  elseif not want and observer then
    coro.unobserve(observer)
    observer = nil
  end
end

-- fn(rec, ev) for each event while wants() (at first: always)
function recorder.listen(fn, wants)
  listeners[#listeners + 1] = {fn = fn, wants = wants or always}
  recorder.update()
end

function recorder.unlisten(fn)
  for i, l in ipairs(listeners) do
    if l.fn == fn then table.remove(listeners, i) break end
  end
  recorder.update()
end

-- someone will look: record from now on (while the run keeps any)
function recorder.start()
  asked = true
  recorder.update()
end

-- nobody will look at what comes next (a face that has shown its run): the
-- tape stops, once no listener wants events either
function recorder.stop()
  asked = false
  recorder.update()
end

-- A record played (playback.lua) takes the run's place: the run, emptied,
-- for the record to fill (keeping as many records as at first, at least,
-- though recording was turned off), and recording stops (the live
-- runtime's events would join another program's run). recorder.played:
-- what the record is (playback.fill's info), set by whoever fills the run
function recorder.play()
  recorder.played = {}
  recorder.update()
  seen, noted, latest, newest = {}, {}, {}, nil
  run.limit = math.max(run.limit, record.LIMIT)
  return run:clear()
end

-- whether events are recorded now; the C memory the tape holds (bytes)
function recorder.recording()
  return tape ~= nil, tape and tape:bytes() or 0
end

-- frame id as it is now (a snapshot), or nil when it is gone. Its promise
-- is shown with values.value (as :show), protected
function recorder.view(id)
  local h = handles[id]
  if not h then
    for _, live in ipairs(coro.frames()) do
      local info = coro.info(live)
      if info and info.id == id then h = live end
    end
  end
  if not h then return nil end
  local ok, state, where, promise, awaiter = pcall(coro.glance, h)
  if not ok or not state then return nil end
  local f = run.frames[id] or {}
  local snap = {id = id, state = state, at = recorder.place(where),
    promise = render.promise(promise), resumed_by = f.resumed_by, how = f.how}
  if awaiter ~= nil then snap.awaiter = values.brief(awaiter) end
  return snap
end

return recorder
