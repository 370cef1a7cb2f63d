-- debugger.lua — stopping inside lifecycle events. A stop (a :step, or a
-- breakpoint whose condition holds) runs a nested prompt inside the event
-- observer, where any Lua can be evaluated (the event is the global ev);
-- :step goes on to the next event, :continue runs freely, :finish runs
-- until the resume being stopped in returns to its caller, and stops there.
local coro = require "coro"
local host = require "corolab.host"
local inspect = require "explorer.terminal.inspect"
local explain = require "explorer.text.explain"
local i18n = require "explorer.text.i18n"
local meaning = require "explorer.run.meaning"
local palette = require "explorer.terminal.palette"
local predict = require "explorer.terminal.predict"
local recorder = require "explorer.run.recorder"
local trace = require "explorer.terminal.trace"
local values = require "explorer.run.values"

local debugger = {
  breakpoints = {},   -- {number, kind, condition, test, hits}
  stops = {},         -- the nested stops, innermost last: {rec, ev}
  kinds = {},         -- the event kinds in the core's order: {key, name}
  stop_if = nil,      -- fn(rec, ev): why to stop there, or nil (a lesson's stops)
  last_stop = nil,    -- the record of the last stop
}

local run = recorder.run

-- every spelling of an event kind :break takes (await_ready, operator_new,
-- "operator new") -> its name
local spellings = {}
for _, k in ipairs(coro.events) do
  spellings[k.key] = k.name
  spellings[k.name] = k.name
  spellings[k.name:gsub(" ", "_")] = k.name
  debugger.kinds[#debugger.kinds + 1] = k
end

local next_number = 1
local stepping = false
local finishing           -- depth of the resume that :finish waits for
local step_target         -- the handle :step resumed last
local current             -- the event a condition is tested on

-- the promise of the frame an event is about (nil if none is alive)
local function promise_of(h)
  if not h then return nil end
  local ok, p = pcall(h.promise, h)
  return ok and p or nil
end

-- an event prints as its trace line: "event 12 yield_value(1) #1 range"
local Event = {__name = "event", __tostring = function(ev)
  local rec = rawget(ev, "record")
  return i18n.ui("event", rec and (trace.line(rec):gsub("^%s+", "")) or "")
end}

-- names a condition can use: ev (args: the member's arguments), h (the
-- handle of the frame the event is about), p (its promise), the event's
-- fields, then globals
local condition_env = setmetatable({}, {__index = function(_, k)
  if k == "ev" then return current.ev end
  if k == "h" then return current.ev.handle end
  if k == "p" then return promise_of(current.ev.handle) end
  local v = current.rec[k]
  if v ~= nil then return v end
  return _G[k]
end})

-- A condition only looks: when it makes events (resumes, destroys or
-- calls a coroutine), the run is no longer what it was, and the
-- breakpoint stops to say so; its events stop nothing themselves
local testing = false

local function holds(bp, rec, ev)
  if not bp.test then return true end
  current = {rec = rec, ev = ev}
  local before = run:count()
  testing = true
  local ok, result = pcall(bp.test)
  testing = false
  current = nil
  local made = run:count() - before
  if made > 0 then
    print(palette.paint("error", palette.fold(i18n.ui("condition_changed", bp.number, made),
      "")))
    return true
  end
  if not ok then
    print(palette.paint("error", i18n.ui("condition_failed", bp.number, tostring(result))))
    return true                                    -- stop, as gdb does
  end
  return result
end

-- text (if any) under an event, folded; with debugger.seen a set, only
-- the first time. True when it told it
local function tell(text)
  if text and debugger.seen then
    if debugger.seen[text] then text = nil else debugger.seen[text] = true end
  end
  if text then print(palette.paint("dim", palette.fold(text, "     "))) end
  return text ~= nil
end

-- an event, what it means and, where C++ leaves its order unspecified,
-- what g++ 12 and clang 14 each do (also a lesson's narration); with
-- debugger.seen a set, each text only the first time. True when it
-- explained.
function debugger.announce(why, rec)
  print(palette.paint("title", why) .. "  " .. trace.line(rec))
  local explained = tell(explain.explain(rec))
  tell(explain.unspecified(rec))
  if rec.inferred then
    print(palette.paint("dim", palette.fold(i18n.ui("inferred_note"), "     ")))
  end
  return explained
end

-- what the prompt is in: the frame the event is about, or (for an
-- operator new, which has no frame yet) the one whose body is running
local function stopped_in(rec)
  local id = meaning.owner(rec)
  if id == 0 then
    local ok, h = pcall(coro.running)
    local info = ok and h and coro.info(h)
    if info then id = info.id end
  end
  return run:label(id)
end

-- after a stop's announcement: the frame that moved, at a glance (as gdb's
-- display): state, suspend point, promise, the awaiter it waits on
debugger.display = true

-- snap: a frame as recorder.view gives it now, or as a record kept it
function debugger.show_frame(snap)
  if not snap or not debugger.display then return end
  local parts = {run:label(snap.id), i18n.state(snap.state)}
  if snap.at then parts[#parts + 1] = i18n.ui("at", i18n.runtime(snap.at)) end
  local promise = snap.promise                -- (a record played may not know it)
  if promise and #promise > 60 then promise = promise:sub(1, 57) .. "..." end
  if promise then parts[#parts + 1] = i18n.ui("promise", promise) end
  if snap.awaiter then parts[#parts + 1] = i18n.ui("awaiting", snap.awaiter) end
  print(palette.paint("dim", "  " .. table.concat(parts, "  ")))
end

-- debugger.at_stop(rec, why), when set, answers the stop instead of the
-- user (the tour's breakpoint): it announces the event itself. With
-- predict on, the question comes first: a guess steps on by itself
-- (predict.ask says how to go on, or nil for the prompt)
local function stop(rec, ev, why)
  local answer = debugger.at_stop
  debugger.last_stop = rec
  if predict.on then predict.check(rec) end
  if not answer then
    debugger.announce(why, rec)
    debugger.show_frame(recorder.view(rec.frame))
  end
  ev.record = rec
  ev.where = rec.where              -- a place, never the runtime's "line N"
  if ev.args == nil and meaning.is_error(rec) then ev.args = {meaning.error_of(rec)} end
  setmetatable(ev, Event)
  -- the prompt sees ev, h and p as globals (the user's own come back after it)
  local saved = {ev = rawget(_G, "ev"), h = rawget(_G, "h"), p = rawget(_G, "p")}
  _G.ev, _G.h, _G.p = ev, ev.handle, promise_of(ev.handle)
  debugger.stops[#debugger.stops + 1] = {rec = rec, ev = ev}
  local left
  local quiz = predict.on and predict.ask(rec)
  if quiz then
    if quiz ~= "leave" then stepping = quiz == "step" end
    left = true
  elseif answer then left = answer(rec, why)
  else left = host.prompt(string.format("(%s %s) ", stopped_in(rec), rec.kind)) end
  if not left then stepping = false end            -- Ctrl-D: as :continue
  recorder.update()
  debugger.stops[#debugger.stops] = nil
  _G.ev, _G.h, _G.p = saved.ev, saved.h, saved.p
end

local function on_event(rec, ev)
  if testing then return end                 -- a condition's own events
  local chosen = debugger.stop_if and debugger.stop_if(rec, ev)   -- it sees every event
  if finishing then
    local depth = finishing
    if rec.depth > depth or (rec.depth == depth and rec.kind ~= "return to caller") then
      return
    end
    finishing = nil
    recorder.update()
    if rec.depth == depth then return stop(rec, ev, i18n.ui("finished")) end
  end
  if stepping then return stop(rec, ev, i18n.ui("step")) end
  for _, bp in ipairs(debugger.breakpoints) do
    if bp.kind == rec.kind and holds(bp, rec, ev) then
      bp.hits = bp.hits + 1
      return stop(rec, ev, i18n.ui("breakpoint", bp.number))
    end
  end
  if chosen then return stop(rec, ev, chosen) end
end

-- the debugger wants events while it may stop in one
recorder.listen(on_event, function()
  return stepping or finishing ~= nil or debugger.stop_if ~= nil or #debugger.breakpoints > 0
end)

function debugger.stopped()
  return debugger.stops[#debugger.stops]
end

-- back at the top-level prompt: whatever was running has returned
function debugger.ready()
  stepping, finishing = false, nil
  recorder.update()
  predict.score()
end

local function describe_state(h)
  local info = coro.info(h)
  if not info then return i18n.ui("destroyed") end
  local where = recorder.place(info.where)
  local state = i18n.state(info.state)
  local at_a_point = info.state == "suspended_initial" or info.state == "suspended_final"
  if where and not at_a_point then state = i18n.ui("state_at", state, i18n.runtime(where)) end
  return i18n.ui("frame_is", run:label(info.id), state)
end

-- :step EXPR: stepping through whatever EXPR does (a coroutine call steps
-- through the prologue, and its return object is kept in _); if it does
-- nothing but give a handle (or a return object, or a frame id), resume it
local function step_into(src)
  local before = run:count()
  stepping = true
  recorder.update()
  local ok, v = pcall(inspect.eval, src)
  if not ok or run:count() > before then
    stepping = false
    recorder.update()
    if not ok then error(v, 0) end
    if v ~= nil then
      _G._ = v
      print(values.value(v) .. palette.paint("dim", "  " .. i18n.ui("kept_in_underscore")))
    end
    return
  end
  stepping = false
  recorder.update()
  local h = inspect.checked(inspect.handle_of(v, src), src)
  step_target = h
  if h:done() then
    print(i18n.ui("resume_undefined", describe_state(h)))
    return
  end
  stepping = true
  recorder.update()
  local resumed, err = pcall(h.resume, h)
  stepping = false
  recorder.update()
  if not resumed then error(err, 0) end
  print(describe_state(h))
end

function debugger.step(arg)
  if arg ~= "" then return step_into(arg) end
  if debugger.stopped() then
    stepping = true
    return "leave"
  end
  if not step_target then palette.fail(i18n.ui("step_what")) end
  local info = coro.info(step_target)
  if not info then palette.fail(i18n.ui("step_gone")) end
  return step_into(tostring(info.id))
end

local function must_be_stopped(what)
  if not debugger.stopped() then
    palette.fail(i18n.ui("not_stopped", what))
  end
end

function debugger.continue()
  must_be_stopped("continue")
  stepping = false
  return "leave"
end

function debugger.finish()
  must_be_stopped("finish")
  stepping = false
  finishing = debugger.stopped().rec.depth
  return "leave"
end

local function list_breakpoints()
  if #debugger.breakpoints == 0 then print(i18n.ui("no_breakpoints")) return end
  for _, bp in ipairs(debugger.breakpoints) do
    print(string.format("  %d  %s%s  (%s)", bp.number, bp.kind,
      bp.condition and (" if " .. bp.condition) or "", i18n.ui("hits", bp.hits)))
  end
end

function debugger.add_break(arg)
  if arg == "" then return list_breakpoints() end
  local event, condition = arg:match("^(.-)%s+if%s+(.+)$")
  event = event or arg
  local kind = spellings[event]
  if not kind then
    local keys = {}
    for _, k in ipairs(debugger.kinds) do keys[#keys + 1] = k.key end
    palette.fail(i18n.ui("no_event_kind", event, table.concat(keys, " ")))
  end
  local test
  if condition then
    local err
    test, err = load("return " .. condition, "=(condition)", "t", condition_env)
    if not test then                           -- its first line: no traceback
      err = tostring(err):match("^[^\n]*")
      if err:find("stack overflow", 1, true) then err = i18n.ui("too_deep", err) end
      palette.fail(i18n.ui("bad_condition", err))
    end
  end
  local bp = {number = next_number, kind = kind, condition = condition, test = test, hits = 0}
  next_number = next_number + 1
  debugger.breakpoints[#debugger.breakpoints + 1] = bp
  print(i18n.ui("breakpoint_set", bp.number, kind .. (condition and (" if " .. condition) or "")))
end

function debugger.delete(arg)
  if arg == "" then
    debugger.breakpoints = {}
    print(i18n.ui("all_deleted"))
    return
  end
  local n = tonumber(arg)
  for i, bp in ipairs(debugger.breakpoints) do
    if bp.number == n then
      table.remove(debugger.breakpoints, i)
      print(i18n.ui("deleted", n))
      return
    end
  end
  palette.fail(i18n.ui("no_breakpoint", arg))
end

return debugger
