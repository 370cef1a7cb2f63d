-- event.lua — a record in words, the same for every face: the member call
-- with its values and what it returned once known ("yield_value(1) →
-- suspend_always"), and the one line :trace, :log, a stop and the page
-- show: number, call (indented by resume depth), frame, then what else
-- the record says (detail, who resumed or transferred, source location).
local meaning = require "explorer.run.meaning"

local event = {}

local function plain(_, text) return text end

-- who or what, besides the frame itself
local function relation(run, rec)
  if rec.kind == "resume" and not rec.continued then
    return "by " .. run:label(rec.other)
  elseif rec.kind == "symmetric transfer" then
    return "from " .. run:label(rec.other)
  elseif rec.kind == "destroy" and rec.other ~= 0 then
    return "by " .. run:label(rec.other)
  end
end

-- "yield_value(1) → suspend_always"
function event.call(rec)
  return rec.kind .. (rec.args and ("(" .. rec.args .. ")") or "") ..
    (rec.result and (" → " .. rec.result) or "")
end

-- rec of run as one line; paint(style, text), if given, colours its parts
-- ("kind", "frame", "dim")
function event.line(run, rec, paint)
  paint = paint or plain
  local frame = meaning.owner(rec)
  local parts = {}
  if rec.detail ~= "" then parts[#parts + 1] = rec.detail:match("[^\n]*") end  -- no traceback
  parts[#parts + 1] = relation(run, rec)
  if rec.where then parts[#parts + 1] = paint("dim", "@ " .. rec.where) end
  local line = string.format("%4d %s%s %s %s", rec.seq, string.rep("  ", rec.depth),
    paint("kind", string.format("%-20s", event.call(rec))),
    paint("frame", string.format("%-12s", frame == 0 and "-" or run:label(frame))),
    table.concat(parts, "  "))
  return (line:gsub("%s+$", ""))
end

return event
