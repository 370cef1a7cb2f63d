-- recorder.lua — recording a live run: the one observer of the coro
-- runtime, started only when someone will look (unobserved, a script runs
-- at the module's own speed). Each lifecycle event becomes a record of
-- recorder.run (record.lua), with its values as text (values.lua), the
-- names of the frames it meets, what an earlier member returned, and a
-- snapshot of each frame it changed: the one it is about, and the ones
-- running around it (their bodies moved on); then the listeners (the
-- terminal's trace and debugger) get it with the event itself.
local coro = require "coro"
local meaning = require "explorer.run.meaning"
local record = require "explorer.run.record"
local snapshot = require "explorer.run.snapshot"
local values = require "explorer.run.values"

local recorder = {run = record.new()}

local listeners = {}
local observing = false
local handles = {}            -- frame id -> its handle, for snapshots
local latest = {}             -- frame id -> its last snapshot

function recorder.listen(fn) listeners[#listeners + 1] = fn end

function recorder.unlisten(fn)
  for i, l in ipairs(listeners) do
    if l == fn then table.remove(listeners, i) return end
  end
end

-- a source location, or nil: the runtime says "line N" for no place at all
function recorder.place(where)
  if where and not where:match("^line %d+$") then return where end
end

-- what the run knows of frame id, and its name and promise type from its
-- handle (when the event has one)
local function learn(id, handle)
  handles[id] = handles[id] or handle
  local f = recorder.run:frame(id)
  if handle and not f.name then
    local ok, info = pcall(coro.info, handle)
    if ok and info then
      f.name = info.coroutine
      f.promise_type = info.promise_type
    end
  end
end

-- frame id as it is now (a snapshot), or nil when it is gone. Its promise
-- is shown with values.value (as :show), protected
function recorder.view(id)
  local h = handles[id]
  if not h then return nil end
  local ok, state, where, promise, awaiter = pcall(coro.glance, h)
  if not ok or not state then return nil end
  local shown, text = pcall(values.value, promise)
  local f = recorder.run.frames[id]
  local snap = {id = id, state = state, at = recorder.place(where),
    promise = shown and text or "?", resumed_by = f.resumed_by, how = f.how}
  if awaiter ~= nil then snap.awaiter = values.brief(awaiter) end
  return snap
end

-- rec.changes gets frame id's snapshot if it changed since its last
local function note_frame(rec, id)
  local snap = recorder.view(id)
  if snap and not (latest[id] and snapshot.same(latest[id], snap)) then
    latest[id] = snap
    rec.changes = rec.changes or {}
    rec.changes[#rec.changes + 1] = snap
  end
end

-- the frames rec changes: the one it is about, the one a transfer leaves,
-- the one running at rec's depth and the one below it; rec.gone: the
-- frame operator delete releases (after its record, which still shows it)
local function note_changes(rec, id)
  if rec.kind == "operator delete" then rec.gone = id end
  local running = recorder.run.stack.running
  local here, below = running[rec.depth + 1], running[rec.depth]
  local b = rec.kind == "symmetric transfer" and rec.other or rec.frame
  local c = here and here.frame or 0
  local d = below and below.frame or 0
  note_frame(rec, id)
  if b ~= id then note_frame(rec, b) end
  if c ~= id and c ~= b then note_frame(rec, c) end
  if d ~= id and d ~= b and d ~= c then note_frame(rec, d) end
end

-- the arguments of a member, as text: "1, \"x\"", "" for none (a call
-- without arguments); a value's one argument may be nil (co_yield nil)
local takes_value = {yield_value = true, return_value = true}
local function args_of(ev)
  if not ev.args then return nil end
  local shown = {}
  for i = 1, ev.args.n or #ev.args do shown[i] = values.brief(ev.args[i]) end
  if #shown == 0 and takes_value[ev.kind] then shown[1] = "nil" end
  return table.concat(shown, ", ")
end

local function on_event(ev)
  local run = recorder.run
  if ev.returned then run:returned(ev.returned.member, values.brief(ev.returned.value)) end
  local rec = {
    kind = ev.kind, frame = ev.frame or 0, other = ev.other or 0, depth = ev.depth or 0,
    index = ev.index, cause = ev.cause, detail = ev.detail or "",
    where = recorder.place(ev.where), args = args_of(ev),
  }
  local id = meaning.owner(rec)
  if id ~= 0 then learn(id, id == rec.frame and ev.handle or nil) end
  run:add(rec)
  note_changes(rec, id)
  for _, fn in ipairs(listeners) do fn(rec, ev) end
end

function recorder.start()
  if not observing then coro.observe(on_event) end
  observing = true
end

return recorder
