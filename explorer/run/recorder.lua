-- recorder.lua — the one observer of the coro runtime, started only when
-- someone will look (the prompt, --trace, --export): unobserved, a script
-- runs at the module's own speed. Every lifecycle event is recorded (the
-- last `limit` of them, for :frames, :where and the exports), then handed
-- to the listeners (trace, debugger). It also keeps what the events imply:
-- each frame's name, who resumed it last and which part of the wrapper it
-- is in, and the chain of resumes (one entry per nesting depth, symmetric
-- transfers appended to it). For replay (replay.lua, the page), a record
-- keeps what changed at its event: a snapshot of each frame it is about
-- whose state, suspend point, promise, awaiter or resumer differ from that
-- frame's last one (rec.changes), and the frame it released (rec.gone).
local coro = require "coro"
local host = require "corolab.host"
local palette = require "explorer.terminal.palette"

local recorder = {
  events = {},        -- records, in order: {seq, kind, frame, other, depth,
                      --   index, detail, where, phase, continued, changes, gone}
  frames = {},        -- frame id -> {id, name, promise_type, resumed_by, how, phase}
  chain = {},         -- [depth + 1] = {frame, by, path = {transferred ids}}
  kinds = {},         -- every spelling of an event kind -> its name
  kind_list = {},     -- host.event_kinds: {key, name} in the core's order
  limit = 100000,     -- records kept: the last ones (:record sets it)
  dropped = 0,        -- the earlier ones, no longer kept
  before = {frames = {}, chain = {}},   -- what the dropped ones left: the
                      -- frames alive (id -> snapshot) and the resume chain
}

local listeners = {}

-- a source location, or nil: the runtime says "line N" for no place at all
function recorder.place(where)
  if where and not where:match("^line %d+$") then return where end
end
local observing = false

for _, k in ipairs(host.event_kinds) do
  recorder.kinds[k.key] = k.name
  recorder.kinds[k.name] = k.name
  recorder.kinds[k.name:gsub(" ", "_")] = k.name
  recorder.kind_list[#recorder.kind_list + 1] = k
end

function recorder.listen(fn) listeners[#listeners + 1] = fn end

function recorder.unlisten(fn)
  for i, l in ipairs(listeners) do
    if l == fn then table.remove(listeners, i) return end
  end
end

local function frame_facts(id, handle)
  local f = recorder.frames[id]
  if not f then
    f = {id = id}
    recorder.frames[id] = f
  end
  f.handle = f.handle or handle
  if handle and not f.name then
    local ok, info = pcall(coro.info, handle)
    if ok and info then
      f.name = info.coroutine
      f.promise_type = info.promise_type
    end
  end
  return f
end

-- what record rec changes in state {frames = id -> snapshot, chain}: the
-- frames' snapshots, the resume chain, and (gone) the frame it released
-- (replay.lua folds the records with it; trim, those it drops)
function recorder.apply(state, rec, gone)
  for _, snap in ipairs(rec.changes or {}) do state.frames[snap.id] = snap end
  if gone and rec.gone then state.frames[rec.gone] = nil end
  recorder.follow_chain(state.chain, rec)
end

-- what the resume chain becomes after this event
function recorder.follow_chain(chain, rec)
  local continued = rec.continued
  for d in pairs(chain) do
    if d > rec.depth + 1 then chain[d] = nil end           -- deeper ones ended
  end
  if rec.kind == "resume" and not continued then            -- a new resume()
    chain[rec.depth + 1] = {frame = rec.frame, by = rec.other, path = {}}
  elseif rec.kind == "symmetric transfer" then
    local top = chain[rec.depth + 1] or {by = 0, path = {}}
    top.path[#top.path + 1] = rec.other
    top.frame = rec.frame
    chain[rec.depth + 1] = top
  elseif rec.kind == "return to caller" then
    chain[rec.depth + 1] = nil
  end
end

-- which co_await of the standard's wrapper the frame is in: "prologue",
-- "initial", "body" (after the initial await_resume) or "final"
-- what an event means depends on what came before it in the frame: the
-- locals die after co_return, while unwinding an error, after flowing off
-- the end, or in destroy(); an awaiter dies at the end of its co_await or
-- in destroy(); a resume is a resume(), the end of a transfer, or
-- await_suspend returning false
local function context_of(f, rec)
  local k = rec.kind
  if k == "~locals" then
    return f.destroying and "destroy" or f.last == "throw" and "unwinding"
      or (f.last == "return_value" or f.last == "return_void") and "co_return"
      or "flowed off"
  elseif k == "~awaiter" then
    return f.destroying and "destroy" or "co_await"
  elseif k == "await_resume" then
    return rec.phase == "initial" and "initial" or rec.phase == "final" and "final" or "body"
  elseif k == "resume" then
    if rec.detail == "await_suspend returned false" then return "bool" end
    return rec.continued and "transfer" or "resume()"
  elseif k == "return to caller" then
    return rec.detail:match("noop_coroutine") and "noop" or
      rec.detail:match("before await_suspend") and "observer" or "suspended"
  end
end

local function note_context(f, rec)
  local k = rec.kind
  rec.context = context_of(f, rec)
  if k == "destroy" then f.destroying = true end
  if k == "throw" or k == "return_value" or k == "return_void" then f.last = k end
end

local function advance_phase(f, rec)
  local k = rec.kind
  if k == "initial_suspend" then f.phase = "initial"
  elseif k == "final_suspend" then f.phase = "final"
  elseif k == "yield_value" or k == "await_transform" then f.phase = "body" end
  rec.phase = f.phase or "prologue"
  if k == "await_resume" and f.phase == "initial" then f.phase = "body" end
end

-- a resume that continues a symmetric transfer just recorded (not a resume())
local function continues_transfer(rec)
  local prev = recorder.events[#recorder.events]
  return rec.kind == "resume" and (rec.other == rec.frame or
    (prev and prev.kind == "symmetric transfer" and prev.frame == rec.frame))
end

-- the oldest records go: while recording, a quarter of the limit at a
-- time (one move per many events: the array stays an array, for ipairs
-- and #); exactly down to the limit when someone looks (recorder.trim)
local function trim()
  local events = recorder.events
  local extra = #events - recorder.limit
  if extra <= 0 then return end
  for i = 1, extra do recorder.apply(recorder.before, events[i], true) end
  table.move(events, extra + 1, #events, 1)
  for i = #events - extra + 1, #events do events[i] = nil end
  recorder.dropped = recorder.dropped + extra
end

recorder.trim = trim

function recorder.set_limit(n)
  recorder.limit = n
  trim()
end

-- what the recording holds, for messages: "the last 100000 of 250000 events"
function recorder.extent()
  trim()
  local n = #recorder.events
  if recorder.dropped == 0 then return n .. " events" end
  return string.format("the last %d of %d events (the %d before were dropped: "
    .. ":record N keeps more)", n, n + recorder.dropped, recorder.dropped)
end

-- What a member returned is known at the frame's next event: await_ready
-- was false if the frame suspends next, true if await_resume follows;
-- await_suspend's result is what control did next (the runtime's detail);
-- the awaitable a member or operator returned is named by the next step
-- of its co_await. pending[id]: the frame's last record still waiting.
local pending = {}
local makes_awaitable = {
  initial_suspend = true, final_suspend = true, yield_value = true,
  await_transform = true, ["operator co_await"] = true,
}
local takes_awaitable = {
  await_transform = true, ["operator co_await"] = true, await_ready = true,
  suspend = true,
}
local suspend_results = {
  ["await_suspend returned void"] = "void", ["await_suspend returned true"] = "true",
  ["await_suspend returned false"] = "false",
  ["await_suspend returned noop_coroutine()"] = "noop_coroutine()",
}

local function result_of(p, rec)
  if p.kind == "await_ready" then
    if rec.kind == "suspend" then return "false" end
    if rec.kind == "await_resume" then return "true" end
  elseif p.kind == "await_suspend" then
    if rec.kind == "symmetric transfer" then return "handle " .. recorder.label(rec.frame) end
    return suspend_results[rec.detail]
  elseif makes_awaitable[p.kind] and takes_awaitable[rec.kind] and rec.detail ~= "" then
    return rec.detail
  end
end

local function settle(id, rec)
  local p = pending[id]
  if not p then return end
  pending[id] = nil
  p.result = result_of(p, rec)
end

local function args_of(ev)
  if not ev.args then return nil end
  local shown = {}
  for i = 1, #ev.args do shown[i] = palette.brief(ev.args[i]) end
  if #shown == 0 then shown[1] = palette.brief(ev.args[1]) end      -- nil
  return table.concat(shown, ", ")
end

-- a Lua member's value (get_return_object's object, await_resume's value)
-- comes with the next event: it belongs to the last call of that member
local function note_returned(returned)
  local events = recorder.events
  for i = #events, math.max(1, #events - 64), -1 do
    local rec = events[i]
    if rec.kind == returned.member then
      if rec.result == nil then rec.result = palette.brief(returned.value) end
      return
    end
  end
end

-- a frame as :frames and the display show it, now; nil when its frame is
-- gone. Its promise is shown with palette.value (as :show), protected
local function snapshot(f)
  if not f.handle then return nil end
  local ok, state, where, promise, awaiter = pcall(coro.glance, f.handle)
  if not ok or not state then return nil end
  local shown, text = pcall(palette.value, promise)
  local snap = {id = f.id, state = state, at = recorder.place(where),
    promise = shown and text or "?", resumed_by = f.resumed_by, how = f.how}
  if awaiter ~= nil then snap.awaiter = palette.brief(awaiter) end
  return snap
end

local function same(a, b)
  return a.state == b.state and a.at == b.at and a.promise == b.promise and
    a.awaiter == b.awaiter and a.resumed_by == b.resumed_by and a.how == b.how
end

-- rec.changes: the snapshots that changed since their last of the frames
-- it is about and of the running ones (the chain's at its depth: their
-- bodies moved on); rec.gone: the frame operator delete releases (after
-- its event, which still sees it)
local function note_frame(rec, fid)
  local f = recorder.frames[fid]
  local snap = f and snapshot(f)
  if snap and not (f.snap and same(f.snap, snap)) then
    f.snap = snap
    rec.changes = rec.changes or {}
    rec.changes[#rec.changes + 1] = snap
  end
end

local function note_changes(rec, id)
  if rec.kind == "operator delete" then rec.gone = id end
  local running, outer = recorder.chain[rec.depth + 1], recorder.chain[rec.depth]
  local b = rec.kind == "symmetric transfer" and rec.other or rec.frame
  local c = running and running.frame or 0
  local d = outer and outer.frame or 0
  note_frame(rec, id)
  if b ~= id then note_frame(rec, b) end
  if c ~= id and c ~= b then note_frame(rec, c) end
  if d ~= id and d ~= b and d ~= c then note_frame(rec, d) end
end

local function on_event(ev)
  if ev.returned then note_returned(ev.returned) end
  local rec = {
    seq = #recorder.events + recorder.dropped + 1,
    kind = recorder.kinds[ev.kind] or ev.kind,
    frame = ev.frame or 0, other = ev.other or 0, depth = ev.depth or 0,
    index = ev.index, detail = ev.detail or "", where = ev.where,
  }
  rec.where = recorder.place(rec.where)
  rec.args = args_of(ev)
  local continued = continues_transfer(rec)
  rec.continued = continued     -- a resume that is part of a transfer or of
                                -- await_suspend returning false
  local id = recorder.owner(rec)
  settle(rec.kind == "symmetric transfer" and rec.other or id, rec)
  if rec.kind == "await_suspend" or rec.kind == "await_ready" or makes_awaitable[rec.kind] then
    pending[id] = rec
  end
  if id ~= 0 then
    local f = frame_facts(id, id == rec.frame and ev.handle or nil)
    if rec.kind == "promise_type" and not f.promise_type then f.promise_type = rec.detail end
    if rec.kind == "resume" and not continued then
      f.resumed_by, f.how = rec.other, "resume"
    elseif rec.kind == "symmetric transfer" then
      f.resumed_by, f.how = rec.other, "transfer"
    end
    advance_phase(f, rec)
    note_context(f, rec)
  end
  local events = recorder.events
  events[#events + 1] = rec
  if #events >= recorder.limit + recorder.limit // 4 + 1 then trim() end
  recorder.follow_chain(recorder.chain, rec)
  note_changes(rec, id)
  for _, fn in ipairs(listeners) do fn(rec, ev) end
end

function recorder.start()
  if not observing then coro.observe(on_event) end
  observing = true
end

-- frame id as it is now (a snapshot, as a record keeps), or nil
function recorder.view(id)
  local f = recorder.frames[id]
  return f and snapshot(f)
end

-- the frame an event is about ("return to caller": the one returning)
function recorder.owner(rec)
  return rec.kind == "return to caller" and rec.other or rec.frame
end

-- a frame's name for display: "#2 range"
function recorder.label(id)
  local f = recorder.frames[id]
  if id == 0 then return "main" end
  return "#" .. id .. (f and f.name and (" " .. f.name) or "")
end

-- back at the top-level prompt: nothing runs any more
function recorder.idle()
  recorder.chain = {}
end

function recorder.last()
  return recorder.events[#recorder.events]
end

return recorder
