-- where.lua — :where. An event's source line, the standard's coroutine
-- wrapper with a cursor at the step the event belongs to (run/wrapper.lua),
-- the expansion of co_await when the step is part of one, and who runs at
-- that moment: the chain of who called, resumed or destroyed whom,
-- symmetric transfers included (run/stack.lua).
local event = require "explorer.text.event"
local meaning = require "explorer.run.meaning"
local palette = require "explorer.terminal.palette"
local recorder = require "explorer.run.recorder"
local source = require "explorer.run.source"
local stack = require "explorer.run.stack"
local wrapper = require "explorer.run.wrapper"

local where = {}

local run = recorder.run

local function print_lines(lines, from, to, at)
  for i = from, to do
    if at[i] then print(palette.paint("cursor", "=> " .. lines[i]))
    else print("   " .. lines[i]) end
  end
end

local verbs = {call = "called", resume = "resumed", destroy = "destroyed"}

-- who runs (a stack: run.stack now, or one the replay folded), in words:
-- one part per depth
function where.chain(s)
  local parts = {}
  for depth, entry in ipairs(stack.chain(s)) do
    if not entry then                       -- began before the recording did
      parts[#parts + 1] = depth == 1 and "..." or " -> ..."
    else
      local verb = verbs[entry.how] .. " "
      local text = depth == 1 and (run:label(entry.by) .. " " .. verb) or (" -> " .. verb)
      local hops = {}
      for _, id in ipairs(entry.path) do hops[#hops + 1] = run:label(id) end
      hops[#hops + 1] = run:label(entry.frame)
      parts[#parts + 1] = text .. table.concat(hops, " => transferred to ")
    end
  end
  return parts
end

-- rec: the event to show (a stop, or a frame's last event); s: the stack
-- at it (at first, run.stack: now)
function where.show(rec, s)
  local frame = meaning.owner(rec)
  print(palette.paint("title", string.format("%s at event %d: %s%s", run:label(frame),
    rec.seq, event.call(rec), rec.where and ("  @ " .. rec.where) or "")))
  local text = source.line(rec.where)
  if text then print("   " .. palette.paint("dim", rec.where:match("(%d+)$") .. " | ") .. text) end
  local lines, steps = wrapper.text()
  local at, in_await = wrapper.cursor(rec)
  print_lines(lines, 1, steps, at)
  if in_await then
    print()
    print_lines(lines, steps + 2, #lines, at)
  end
  print()
  local chain = where.chain(s or run.stack)
  if #chain == 0 then print("resume chain: nothing is running now")
  else print("resume chain: " .. table.concat(chain, "")) end
end

return where
