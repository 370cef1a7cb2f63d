-- trace.lua — one line per lifecycle event, indented by resume depth:
-- sequence number, event with its arguments (and what it returned, once
-- known: :log), frame, then what else the event says (detail, who resumed
-- or transferred, the source location). Used by :trace and --trace, as
-- the events happen; the same line heads a :step or a breakpoint stop.
local palette = require "explorer.terminal.palette"
local recorder = require "explorer.run.recorder"

local trace = {on = false}

-- who or what, besides the frame itself
local function relation(rec)
  if rec.kind == "resume" and not rec.continued then
    return "by " .. recorder.label(rec.other)
  elseif rec.kind == "symmetric transfer" then
    return "from " .. recorder.label(rec.other)
  elseif rec.kind == "destroy" and rec.other ~= 0 then
    return "by " .. recorder.label(rec.other)
  end
end

-- "yield_value(1) → suspend_always"
function trace.call(rec)
  return rec.kind .. (rec.args and ("(" .. rec.args .. ")") or "") ..
    (rec.result and (" → " .. rec.result) or "")
end

function trace.line(rec)
  local frame = recorder.owner(rec)
  local parts = {}
  if rec.detail ~= "" then parts[#parts + 1] = rec.detail:match("[^\n]*") end  -- no traceback
  parts[#parts + 1] = relation(rec)
  if rec.where then parts[#parts + 1] = palette.paint("dim", "@ " .. rec.where) end
  local line = string.format("%4d %s%s %s %s", rec.seq, string.rep("  ", rec.depth),
    palette.paint("kind", string.format("%-20s", trace.call(rec))),
    palette.paint("frame", string.format("%-12s", frame == 0 and "-" or recorder.label(frame))),
    table.concat(parts, "  "))
  return (line:gsub("%s+$", ""))
end

local function print_event(rec)
  if trace.on then
    io.write(trace.line(rec), "\n")
    io.flush()
  end
end

recorder.listen(print_event)

return trace
