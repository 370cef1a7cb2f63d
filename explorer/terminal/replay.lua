-- replay.lua — going back in time over the recorded run, re-executing
-- nothing: :back [N], :goto N, :replay and (at a replay position) :step
-- move a cursor over run.events. At the cursor the explorer shows
-- what it showed live at that event: the event and its explanation, the
-- frame that moved, and :frames, :where and :show as they were, from the
-- snapshots the records keep and who ran, folded over them (run:at). The
-- cursor has a prompt of its own, "(replay N/M ...)"; :continue leaves it,
-- back at the live point.
local host = require "corolab.host"
local i18n = require "explorer.text.i18n"
local inspect = require "explorer.terminal.inspect"
local meaning = require "explorer.run.meaning"
local palette = require "explorer.terminal.palette"
local recorder = require "explorer.run.recorder"

local replay = {}

local run = recorder.run

local cursor                  -- the seq of the event shown, or nil: live

-- the cursor's index into run.events. Code run at the replay prompt
-- may record more events, and the recording drop its oldest: the cursor
-- follows its event, or the oldest kept once its own was dropped
local function index()
  run:trim()
  local i = cursor - run.dropped
  if i >= 1 then return i end
  cursor = run.dropped + 1
  print(palette.paint("dim", i18n.ui("replay_dropped", cursor)))
  return 1
end

-- the record at the cursor as it was live (what its member returned not
-- known yet: it is shown apart), with the frames and the stack at it; nil
-- when live
function replay.at()
  if not cursor then return nil end
  local i = index()
  local rec = setmetatable({result = false}, {__index = run.events[i]})
  return rec, run:at(i)
end

local function index_of(seq)
  return seq - run.dropped
end

-- what a stop shows: the event (as live: before the member returned),
-- its explanation, the frame that moved; then what the member returned,
-- known now
local function show()
  local debugger = require "explorer.terminal.debugger"      -- it requires this module
  local rec, frames = replay.at()
  debugger.announce(i18n.ui("replay"), rec)
  debugger.show_frame(frames[rec.frame])
  local result = run.events[index()].result
  if result then print(palette.paint("dim", "  → " .. result)) end
end

local again                   -- the cursor moved inside the replay prompt
local stops                   -- how many live stops were open under it

-- the replay prompt, labelled with the event at the cursor; a move inside
-- it leaves it and opens it again with the new label. Leaving: live again
local function open()
  local ok, err = pcall(function()
    repeat
      again = false
      local rec = run.events[index()]
      local left = host.prompt(string.format("(%s %d/%d %s %s) ", i18n.ui("replay"), rec.seq,
        run.dropped + #run.events, run:label(meaning.owner(rec)), rec.kind))
    until not (left and again)
  end)
  cursor = nil                        -- live again, whatever happened
  if not ok then error(err, 0) end
end

-- moves the cursor to record index i (clamped) and shows the event there
local function moved(i)
  run:trim()
  local n = #run.events
  if n == 0 then palette.fail(i18n.ui("no_events")) end
  local opened = replay.active()
  if not opened then stops = #require("explorer.terminal.debugger").stops end
  cursor = run.dropped + math.max(1, math.min(n, i))
  show()
  if opened then
    again = true
    return "leave"
  end
  open()
end

-- :back N stops at the first event recorded, and says so when N went
-- past it
function replay.back(arg)
  local n = arg == "" and 1 or math.tointeger(tonumber(arg))
  if not n or n < 1 then palette.fail(i18n.ui("back_usage")) end
  run:trim()
  local from = cursor and index() or #run.events   -- live: the last event
  if from - n < 1 and from > 0 then
    print(palette.paint("dim", i18n.ui("back_first", n, from - 1, run.dropped + 1)))
  end
  return moved(from - n)
end

-- :goto N: any number that is no event's gets the numbers there are
function replay.goto_event(arg)
  local number = tonumber(arg)
  if not number then palette.fail(i18n.ui("goto_usage")) end
  run:trim()
  if #run.events == 0 then return moved(1) end       -- says nothing is recorded
  local seq, first, last = math.tointeger(number), run.dropped + 1, run.dropped + #run.events
  if not seq or seq < first or seq > last then
    palette.fail(i18n.ui("goto_outside", arg, palette.extent(run), first, last))
  end
  return moved(index_of(seq))
end

function replay.start()
  return moved(1)
end

-- :step at a replay position: the next recorded event; past the last, the
-- live point
function replay.step()
  local i = index()
  if i == #run.events then
    print(i18n.ui("replay_end"))
    return "leave"
  end
  return moved(i + 1)
end

-- at the replay prompt (not in a live stop that code run there made)
function replay.active()
  return cursor ~= nil and #require("explorer.terminal.debugger").stops == stops
end

-- frame id as the records kept it at rec (frames: every frame then)
function replay.show_at(rec, frames, id)
  local snap = frames[id]
  if not snap then
    palette.fail(i18n.ui("no_frame_then", id, rec.seq))
  end
  local f = run.frames[id] or {}
  print(palette.paint("title", string.format("%s  promise_type %s  %s", run:label(id),
    tostring(f.promise_type), i18n.state(snap.state))) .. palette.paint("dim",
    "  " .. i18n.ui("at_event_then", rec.seq)))
  inspect.row("row_promise", snap.promise and palette.paint("value", snap.promise)
    or palette.paint("dim", i18n.ui("not_recorded")))
  inspect.row("row_awaiter", snap.awaiter and palette.paint("value", snap.awaiter)
    or palette.paint("dim", i18n.ui("none")))
  local by = snap.resumed_by and run:label(snap.resumed_by)
  if by and snap.how == "transfer" then by = i18n.ui("by_transfer", by) end
  inspect.where_row(snap.at, by or "-")
end

-- :show at a replay position: frame id as the record kept it
function replay.show(id)
  local rec, frames = replay.at()
  replay.show_at(rec, frames, id)
end

-- :continue at a replay position: back to the live point
function replay.leave()
  return "leave"
end

return replay
