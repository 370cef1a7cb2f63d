-- where.lua — :where. An event's source line, the standard's coroutine
-- wrapper with a cursor at the step the event belongs to (run/wrapper.lua),
-- the expansion of co_await when the step is part of one, and who runs at
-- that moment: the chain of who called, resumed or destroyed whom,
-- symmetric transfers included (run/stack.lua).
local event = require "explorer.text.event"
local i18n = require "explorer.text.i18n"
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

local verbs = {call = "chain_called", resume = "chain_resumed", destroy = "chain_destroyed"}

-- who runs (a stack: run.stack now, or one the replay folded), in words:
-- one part per depth ("main called #1 outer => transferred to #2 inner")
function where.chain(s)
  local parts = {}
  for depth, entry in ipairs(stack.chain(s)) do
    if not entry then                       -- began before the recording did
      parts[#parts + 1] = depth == 1 and "..." or " -> ..."
    else
      local text = run:label(entry.path[1] or entry.frame)
      for i = 2, #entry.path do text = text .. " => " .. i18n.ui("chain_transferred",
        run:label(entry.path[i])) end
      if #entry.path > 0 then
        text = text .. " => " .. i18n.ui("chain_transferred", run:label(entry.frame))
      end
      text = i18n.ui(verbs[entry.how], text)
      parts[#parts + 1] = depth == 1 and (run:label(entry.by) .. " " .. text) or (" -> " .. text)
    end
  end
  return parts
end

-- rec: the event to show (a stop, or a frame's last event); s: the stack
-- at it (at first, run.stack: now)
function where.show(rec, s)
  local frame = meaning.owner(rec)
  print(palette.paint("title", i18n.ui("where_title", run:label(frame), rec.seq,
    event.call(rec) .. (rec.where and ("  @ " .. rec.where) or ""))))
  local text = source.line(rec.where)
  if text then print("   " .. palette.paint("dim", rec.where:match("(%d+)$") .. " | ") .. text) end
  local lines, steps = wrapper.text(i18n.catalogue().wrapper)
  local at, in_await = wrapper.cursor(rec)
  print_lines(lines, 1, steps, at)
  if in_await then
    print()
    print_lines(lines, steps + 2, #lines, at)
  end
  print()
  local chain = where.chain(s or run.stack)
  if #chain == 0 then print(i18n.ui("chain_idle"))
  else print(i18n.ui("chain", table.concat(chain, ""))) end
end

return where
