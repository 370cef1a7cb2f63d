-- dot.lua — the run as a Graphviz DOT picture: one cluster per frame (in
-- creation order) holding the states it went through (a throw with the
-- exception's value among them), joined by dashed
-- lines; between frames (and main), the interaction that stack.lua finds:
-- calls, resumes, symmetric transfers, returns to the resumer and
-- destroys, each edge labelled with its steps (record numbers). Only a
-- frame's own states rank the layout, so frames stack as rows.
local event = require "explorer.text.event"
local meaning = require "explorer.run.meaning"
local stack = require "explorer.run.stack"

local dot = {}

local function text(s)
  return (tostring(s):gsub('["\\]', "\\%0"))
end

local function steps_label(what, seqs)
  local shown = {}
  for i = 1, math.min(#seqs, 4) do shown[i] = "#" .. seqs[i] end
  local more = #seqs > 4 and string.format(" ... (%d times)", #seqs) or ""
  return what .. " " .. table.concat(shown, " ") .. more
end

local function suspended(f, phase)
  if phase == "initial" then return "suspended: initial" end
  if phase == "final" then return "suspended: final (done)" end
  return "suspended at " .. (f.suspend_where or "?"):match("[^/\\]*$")
end

function dot.write(run, out)
  local frames, order, links, link_order = {}, {}, {}, {}
  local start = {}                      -- stack entry -> the node it came from
  local function frame(id)
    local f = frames[id]
    if not f then
      f = {states = {}, state_order = {}, inner = {}, inner_order = {}}
      frames[id] = f
      order[#order + 1] = id
    end
    return f
  end
  local function node(id, state)        -- the node of a frame's state
    local f = frame(id)
    if not f.states[state] then
      f.state_order[#f.state_order + 1] = state
      f.states[state] = #f.state_order
    end
    return string.format("f%d_%d", id, f.states[state])
  end
  local function go(id, state)          -- the frame goes to state: its node
    local f = frame(id)
    local to = node(id, state)
    if f.now and f.now ~= to and not f.inner[f.now .. to] then
      f.inner[f.now .. to] = true
      f.inner_order[#f.inner_order + 1] = {f.now, to}
    end
    f.now = to
    return to
  end
  local function link(from, to, what, seq)
    local key = from .. ">" .. to .. ">" .. what
    if not links[key] then
      links[key] = {from = from, to = to, what = what, seqs = {}}
      link_order[#link_order + 1] = key
    end
    local seqs = links[key].seqs
    seqs[#seqs + 1] = seq
  end
  local function running_node(id)
    if id == 0 then return "main" end
    return node(id, "running")
  end
  local state = stack.copy(run.before.stack)
  for _, rec in ipairs(run.events) do
    local id, k = meaning.owner(rec), rec.kind
    local move, left = stack.follow(state, rec)
    local how = move and move.how
    -- left by an exception (unhandled_exception rethrew): the coroutine is
    -- then suspended at its final suspend point [dcl.fct.def.coroutine]/5
    for _, entry in ipairs(left or {}) do go(entry.frame, "suspended: final (done)") end
    if how == "call" then
      local from = running_node(move.from)
      link(from, go(id, "created"), "call", rec.seq)
      start[move.entry] = from
    end
    if id ~= 0 then
      local f = frame(id)
      if k == "suspend" then
        f.suspend_where, f.suspend_phase = rec.where, rec.phase
      elseif k == "throw" then
        go(id, event.call(rec))                        -- with the exception's value
      elseif how == "return" then
        link(go(id, suspended(f, rec.phase)), start[move.entry] or running_node(move.to),
             "return", rec.seq)
      elseif how == "transfer" then
        local from = frame(move.from)
        link(go(move.from, suspended(from, from.suspend_phase)), go(id, "running"),
             "transfer", rec.seq)
      elseif how == "resume" then
        local by = running_node(move.from)
        start[move.entry] = by
        link(by, go(id, "running"), "resume()", rec.seq)
      elseif how == "destroy" then
        link(running_node(move.from), go(id, "destroyed"), "destroy()", rec.seq)
      elseif k == "operator delete" then
        go(id, "destroyed")                            -- flowed off the final point
      end
    end
  end
  local lines = {"digraph corolab {", "  rankdir=LR; newrank=true;",
    '  node [shape=box, style=rounded, fontname="monospace"];',
    '  edge [fontname="monospace", fontsize=10];',
    '  main [shape=ellipse, label="main"];'}
  for _, id in ipairs(order) do
    local f = frames[id]
    local info = run.frames[id]
    local title = run:label(id) .. (info and info.promise_type and
      (" (" .. info.promise_type .. ")") or "")
    lines[#lines + 1] = string.format('  subgraph cluster_%d {', id)
    lines[#lines + 1] = string.format('    label="%s"; style=rounded;', text(title))
    for n, s in ipairs(f.state_order) do
      lines[#lines + 1] = string.format('    f%d_%d [label="%s"];', id, n, text(s))
    end
    for _, e in ipairs(f.inner_order) do
      lines[#lines + 1] = string.format('    %s -> %s [style=dashed, color=gray];', e[1], e[2])
    end
    lines[#lines + 1] = "  }"
  end
  for _, key in ipairs(link_order) do
    local l = links[key]
    lines[#lines + 1] = string.format('  %s -> %s [label="%s", constraint=false%s];',
      l.from, l.to, text(steps_label(l.what, l.seqs)),
      (l.what == "return" or l.what == "destroy()") and ", style=bold" or "")
  end
  lines[#lines + 1] = "}"
  out:write(table.concat(lines, "\n"), "\n")
end

return dot
