-- event.lua — a record in words, the same for every face: the member call
-- with its values and what it returned once known ("yield_value(1) →
-- suspend_always"; an error's value is the argument of throw and
-- unhandled_exception), what its detail says (one line: a traceback is
-- for :error), and the one line :trace, :log, a stop and the page
-- show: number, call (indented by resume depth), frame, then "(inferred)"
-- for an event a traced program did not see, what the member returned and
-- what else the record says (detail, who resumed or transferred, whose
-- choice placed it where C++ leaves the order unspecified, source
-- location), in the explorer's language; and that choice's note
-- (explain.lua), once in a listing.
local explain = require "explorer.text.explain"
local i18n = require "explorer.text.i18n"
local meaning = require "explorer.run.meaning"

local event = {}

local function plain(_, text) return text end

-- who or what, besides the frame itself
local function relation(run, rec)
  if rec.kind == "resume" and not rec.continued then
    return i18n.ui("by", run:label(rec.other))
  elseif rec.kind == "symmetric transfer" then
    return i18n.ui("from", run:label(rec.other))
  elseif rec.kind == "destroy" and rec.other ~= 0 then
    return i18n.ui("by", run:label(rec.other))
  end
end

-- "yield_value(1) → suspend_always"; a destructor takes no arguments (the
-- object it ends is its detail)
function event.call(rec)
  local args = rec.kind:sub(1, 1) ~= "~" and rec.args
  return rec.kind .. (args and ("(" .. args .. ")") or "") ..
    (rec.result and (" → " .. rec.result) or "")
end

-- the runtime's detail of rec in one line, as the runtime wrote it:
-- nothing for an error (its value is rec.args), never a traceback
function event.detail(rec)
  if meaning.is_error(rec) then return "" end
  return rec.detail:match("[^\n]*")
end

-- rec of run as one line; paint(style, text), if given, colours its parts
-- ("kind", "frame", "dim")
function event.line(run, rec, paint)
  paint = paint or plain
  local frame = meaning.owner(rec)
  local parts = {}
  if rec.inferred then parts[1] = paint("dim", i18n.ui("inferred_mark")) end
  if rec.result then parts[#parts + 1] = "→ " .. rec.result end
  local detail = event.detail(rec)
  if detail ~= "" then parts[#parts + 1] = i18n.runtime(detail) end
  parts[#parts + 1] = relation(run, rec)
  local compiler = explain.compiler(rec)
  if compiler then parts[#parts + 1] = paint("title", i18n.ui("unspecified_mark", compiler)) end
  if rec.where then parts[#parts + 1] = paint("dim", "@ " .. i18n.runtime(rec.where)) end
  local line = string.format("%4d %s%s %s %s", rec.seq, string.rep("  ", rec.depth),
    paint("kind", string.format("%-20s", event.call(setmetatable({result = false},
      {__index = rec})))),
    paint("frame", string.format("%-12s", frame == 0 and "-" or run:label(frame))),
    table.concat(parts, "  "))
  return (line:gsub("%s+$", ""))
end

-- a listing of records, line by line: listing(rec) gives rec's line, and
-- after it, the first time in the listing, the note of the unspecified
-- order whose choice placed it (a line of its own, indented); paint as for
-- event.line
function event.listing(run, paint)
  local told = {}
  return function(rec)
    local line, note = event.line(run, rec, paint), explain.unspecified(rec)
    if not note or told[note] then return line end
    told[note] = true
    return line .. "\n" .. (paint or plain)("dim", "     " .. note)
  end
end

-- a record's line as soon as what its member returned is known (with the
-- next record), so that a live trace shows "await_ready → false" as :log
-- does: follower.add(rec) for each record of run as it comes,
-- follower.flush() when the run stops for now; emit(line) gets each
-- line (and a note after it: event.listing), paint as for event.line
function event.follower(run, emit, paint)
  local held
  local follower, listing = {}, event.listing(run, paint)
  function follower.flush()
    if held then emit(listing(held)) end
    held = nil
  end
  function follower.add(rec)
    follower.flush()
    if meaning.returns_later(rec) then held = rec else emit(listing(rec)) end
  end
  return follower
end

return event
