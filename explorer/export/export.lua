-- export.lua — the recorded run, written out: Chrome trace JSON (for
-- Perfetto or chrome://tracing: one track per frame, its operator new on
-- it too, a slice while it runs or is destroyed, an instant per event with
-- its values, flow arrows for calls, resumes, transfers, returns and
-- destroys, a logical clock of 10 us per event), a Mermaid sequence
-- diagram, a Graphviz DOT picture of the frames and their interaction,
-- and a page that plays the run (one HTML file, player.html with the
-- run's JSON inside: each event with its values, explanation, cursor in
-- the standard's wrapper, resume chain and the snapshots of the frames
-- that changed). Output is deterministic.
local explain = require "explorer.text.explain"
local host = require "corolab.host"
local palette = require "explorer.terminal.palette"
local recorder = require "explorer.run.recorder"
local trace = require "explorer.terminal.trace"
local where = require "explorer.terminal.where"

local export = {}

local function json_string(s)
  return '"' .. tostring(s):gsub('[%c"\\]', function(c)
    local named = {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t'}
    return named[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function json_object(fields)
  local parts = {}
  for _, kv in ipairs(fields) do
    local v = kv[2]
    if type(v) == "table" then v = json_object(v)
    elseif type(v) ~= "number" then v = json_string(v) end
    parts[#parts + 1] = json_string(kv[1]) .. ":" .. v
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

function export.chrome(out)
  local events = recorder.events
  local lines, open, seen = {}, {}, {}
  local function emit(fields) lines[#lines + 1] = json_object(fields) end
  local function begin(tid, name, ts)
    open[tid] = name
    emit({{"ph", "B"}, {"pid", 1}, {"tid", tid}, {"ts", ts}, {"name", name}, {"cat", "run"}})
  end
  local function finish(tid, ts)
    emit({{"ph", "E"}, {"pid", 1}, {"tid", tid}, {"ts", ts}, {"name", open[tid]}, {"cat", "run"}})
    open[tid] = nil
  end
  local flows = 0
  local function flow(from, to, name, ts)    -- an arrow: from's slice to to's
    flows = flows + 1
    emit({{"ph", "s"}, {"pid", 1}, {"tid", from}, {"ts", ts}, {"id", flows},
          {"name", name}, {"cat", "flow"}})
    return function(at)
      emit({{"ph", "f"}, {"bp", "e"}, {"pid", 1}, {"tid", to}, {"ts", at}, {"id", flows},
            {"name", name}, {"cat", "flow"}})
    end
  end
  -- the track of an event: its frame's; operator new's is the frame it makes
  local function track(i)
    local rec = events[i]
    if rec.kind == "operator new" and events[i + 1] and events[i + 1].frame ~= 0 then
      return events[i + 1].frame
    end
    return recorder.owner(rec)
  end
  emit({{"ph", "M"}, {"pid", 1}, {"tid", 0}, {"name", "process_name"},
        {"args", {{"name", "corolab"}}}})
  local tracks = {0}
  for i = 1, #events do
    local id = track(i)
    if id ~= 0 and not seen[id] then seen[id] = true; tracks[#tracks + 1] = id end
  end
  for _, tid in ipairs(tracks) do
    emit({{"ph", "M"}, {"pid", 1}, {"tid", tid}, {"name", "thread_name"},
          {"args", {{"name", recorder.label(tid)}}}})
    emit({{"ph", "M"}, {"pid", 1}, {"tid", tid}, {"name", "thread_sort_index"},
          {"args", {{"sort_index", tid}}}})
  end
  begin(0, "main", 0)
  seen = {}
  local stack = {}                            -- who runs: {tid, by}
  local t = 0
  for i, rec in ipairs(events) do
    t = rec.seq * 10
    local id = track(i)
    local runs, slice
    if id ~= 0 and not seen[id] then runs, slice = id, "call"
    elseif rec.kind == "resume" and not rec.continued then runs, slice = rec.frame, "resume"
    elseif rec.kind == "symmetric transfer" then runs, slice = rec.frame, "resume" end
    if id ~= 0 then seen[id] = true end
    local from = slice == "call" and (stack[#stack] and stack[#stack].tid or 0) or rec.other
    local arrive
    if runs then
      if open[runs] then finish(runs, t) end           -- never left: stale
      arrive = flow(from, runs, slice == "call" and "call" or rec.kind, t + 1)
    end
    if rec.kind == "destroy" then
      if open[rec.frame] then finish(rec.frame, t + 2) end    -- left by noop_coroutine()
      arrive = flow(rec.other, rec.frame, "destroy", t + 1)
      begin(rec.frame, "destroy", t + 3)
    elseif rec.kind == "symmetric transfer" and open[rec.other] then
      finish(rec.other, t + 2)
    end
    if runs then
      begin(runs, slice, t + 3)
      if slice == "call" or rec.kind == "resume" then
        stack[#stack + 1] = {tid = runs, by = from}
      elseif stack[#stack] then
        stack[#stack].tid = runs                        -- a transfer: same resumer
      end
    end
    if arrive then arrive(t + 3) end
    emit({{"ph", "i"}, {"s", "t"}, {"pid", 1}, {"tid", id}, {"ts", t + 4},
          {"name", trace.call(rec)}, {"cat", "lifecycle"},
          {"args", {{"seq", rec.seq}, {"depth", rec.depth}, {"detail", rec.detail},
                    {"where", rec.where or ""}}}})
    if rec.kind == "return to caller" and open[rec.other] then
      local top = table.remove(stack) or {by = 0}
      flow(rec.other, top.by, "return", t + 5)(t + 7)
      finish(rec.other, t + 6)
    elseif rec.kind == "operator delete" and open[rec.frame] then
      finish(rec.frame, t + 6)
    end
  end
  for _, tid in ipairs(tracks) do
    if tid ~= 0 and open[tid] then finish(tid, t + 8) end
  end
  finish(0, t + 9)
  out:write('{"otherData":', json_object({{"clock", "logical: event N at N x 10 us"},
    {"dropped", recorder.dropped}}), ',"traceEvents":[\n', table.concat(lines, ",\n"),
    "\n]}\n")
end

-- Mermaid: participants in order of appearance, arrows for calls, resumes,
-- transfers, returns (with the value the frame gave) and destroys (from
-- whoever destroys), notes for what the promise is asked to do, with values
local noted = {
  ["initial_suspend"] = true, ["yield_value"] = true, ["return_value"] = true,
  ["return_void"] = true, ["throw"] = true, ["unhandled_exception"] = true,
  ["final_suspend"] = true, ["misuse"] = true,
}

local function mermaid_text(s)      -- '#' and ';' as Mermaid's entity codes
  return (tostring(s):gsub("[#;\n]", {["#"] = "#35;", [";"] = "#59;", ["\n"] = " "}))
end

function export.mermaid(out)
  local lines, seen, running = {"sequenceDiagram", "  participant main"}, {}, {}
  local gives = {}                      -- frame -> its last yield_value/return_value
  local function who(id) return id == 0 and "main" or "F" .. id end
  local function top() return running[#running] and running[#running].frame or 0 end
  for _, rec in ipairs(recorder.events) do         -- all participants first
    local id = recorder.owner(rec)
    if id ~= 0 and not seen[id] then
      seen[id] = true
      lines[#lines + 1] = string.format("  participant %s as %s", who(id),
        mermaid_text(recorder.label(id)))
    end
  end
  seen = {}
  for _, rec in ipairs(recorder.events) do
    local id = recorder.owner(rec)
    if id ~= 0 and not seen[id] then
      seen[id] = true
      local caller = top()
      running[#running + 1] = {frame = id, by = caller}
      lines[#lines + 1] = string.format("  %s->>%s: call (%s)", who(caller), who(id),
        mermaid_text(rec.kind))
    end
    if rec.kind == "resume" and not rec.continued then
      running[#running + 1] = {frame = rec.frame, by = rec.other}
      lines[#lines + 1] = string.format("  %s->>%s: resume()", who(rec.other), who(rec.frame))
    elseif rec.kind == "symmetric transfer" then
      if running[#running] then running[#running].frame = rec.frame end
      local gave = gives[rec.other]
      gives[rec.other] = nil
      lines[#lines + 1] = string.format("  %s->>%s: symmetric transfer%s", who(rec.other),
        who(rec.frame), gave and (" after " .. mermaid_text(gave)) or "")
    elseif rec.kind == "return to caller" then
      local entry = table.remove(running) or {by = 0}
      local gave = gives[rec.other]
      gives[rec.other] = nil
      local how = rec.detail ~= "await_suspend returned void" and rec.detail ~= "" and
        (", " .. mermaid_text(rec.detail)) or ""
      lines[#lines + 1] = string.format("  %s-->>%s: suspended%s%s", who(rec.other),
        who(entry.by), gave and (" after " .. mermaid_text(gave)) or "", how)
    elseif rec.kind == "destroy" then              -- left by noop_coroutine()?
      for i = #running, 1, -1 do
        if running[i].frame == rec.frame then
          lines[#lines + 1] = string.format("  %s-->>%s: suspended, to noop_coroutine()",
            who(rec.frame), who(table.remove(running, i).by))
        end
      end
      lines[#lines + 1] = string.format("  %s-)%s: destroy()", who(rec.other), who(rec.frame))
    elseif rec.kind == "yield_value" or rec.kind == "return_value" then
      gives[id] = (rec.kind == "yield_value" and "co_yield" or "co_return") ..
        (rec.args and (" " .. rec.args) or "")
    end
    if noted[rec.kind] then
      lines[#lines + 1] = string.format("  Note over %s: %s%s", who(id),
        mermaid_text(trace.call(rec)), rec.detail ~= "" and (" " .. mermaid_text(rec.detail)) or "")
    end
  end
  out:write(table.concat(lines, "\n"), "\n")
end

-- DOT: one cluster per frame (in creation order) holding the states it
-- went through, joined by dashed lines; between frames (and main), the
-- interaction: calls, resumes, symmetric transfers, returns to the
-- resumer and destroys, each edge labelled with its steps (event numbers).
-- Only a frame's own states rank the layout, so frames stack as rows
local function dot_text(s)
  return (tostring(s):gsub('["\\]', "\\%0"))
end

local function steps_label(what, seqs)
  local shown = {}
  for i = 1, math.min(#seqs, 4) do shown[i] = "#" .. seqs[i] end
  local more = #seqs > 4 and string.format(" ... (%d times)", #seqs) or ""
  return what .. " " .. table.concat(shown, " ") .. more
end

function export.dot(out)
  local frames, order, links, link_order = {}, {}, {}, {}
  local resumer, calls = {}, {}         -- frame -> node it returns to; call stack
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
  local function move(id, state)        -- the frame goes to state: its node
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
  local function suspended(f, phase)
    if phase == "initial" then return "suspended: initial" end
    if phase == "final" then return "suspended: final (done)" end
    return "suspended at " .. (f.suspend_where or "?"):match("[^/\\]*$")
  end
  for _, rec in ipairs(recorder.events) do
    local id, k = recorder.owner(rec), rec.kind
    if id ~= 0 and not frames[id] then                 -- called
      local caller = calls[#calls] or 0
      link(running_node(caller), move(id, "created"), "call", rec.seq)
      resumer[id] = running_node(caller)
      calls[#calls + 1] = id
    end
    if id ~= 0 then
      local f = frame(id)
      if k == "suspend" then
        f.suspend_where, f.suspend_phase = rec.where, rec.phase
      elseif k == "return to caller" then
        link(move(id, suspended(f, rec.phase)), resumer[id] or "main", "return", rec.seq)
        if calls[#calls] == id then calls[#calls] = nil end
      elseif k == "symmetric transfer" then
        local from = frame(rec.other)
        link(move(rec.other, suspended(from, from.suspend_phase)), move(id, "running"),
             "transfer", rec.seq)
        resumer[id] = resumer[rec.other]
        if calls[#calls] == rec.other then calls[#calls] = id end
      elseif k == "resume" and not rec.continued then
        resumer[id] = running_node(rec.other)
        link(resumer[id], move(id, "running"), "resume()", rec.seq)
        calls[#calls + 1] = id
      elseif k == "destroy" then
        if f.now == node(id, "running") then           -- left by noop_coroutine()
          move(id, suspended(f, f.suspend_phase))
        end
        link(running_node(rec.other), move(id, "destroyed"), "destroy()", rec.seq)
      elseif k == "operator delete" and f.now ~= node(id, "destroyed") then
        move(id, "destroyed")                          -- flowed off the final point
        if calls[#calls] == id then calls[#calls] = nil end
      end
    end
  end
  local lines = {"digraph corolab {", "  rankdir=LR; newrank=true;",
    '  node [shape=box, style=rounded, fontname="monospace"];',
    '  edge [fontname="monospace", fontsize=10];',
    '  main [shape=ellipse, label="main"];'}
  for _, id in ipairs(order) do
    local f = frames[id]
    local info = recorder.frames[id]
    local title = recorder.label(id) .. (info and info.promise_type and
      (" (" .. info.promise_type .. ")") or "")
    lines[#lines + 1] = string.format('  subgraph cluster_%d {', id)
    lines[#lines + 1] = string.format('    label="%s"; style=rounded;', dot_text(title))
    for n, state in ipairs(f.state_order) do
      lines[#lines + 1] = string.format('    f%d_%d [label="%s"];', id, n, dot_text(state))
    end
    for _, e in ipairs(f.inner_order) do
      lines[#lines + 1] = string.format('    %s -> %s [style=dashed, color=gray];', e[1], e[2])
    end
    lines[#lines + 1] = "  }"
  end
  for _, key in ipairs(link_order) do
    local l = links[key]
    lines[#lines + 1] = string.format('  %s -> %s [label="%s", constraint=false%s];',
      l.from, l.to, dot_text(steps_label(l.what, l.seqs)),
      (l.what == "return" or l.what == "destroy()") and ", style=bold" or "")
  end
  lines[#lines + 1] = "}"
  out:write(table.concat(lines, "\n"), "\n")
end

-- any Lua value as JSON: tables with [1] (or empty ones marked as
-- arrays) are arrays, other tables objects with their keys sorted
local array_mark = {}
local function json(v)
  local t = type(v)
  if v == nil then return "null"
  elseif t == "boolean" then return tostring(v)
  elseif t == "number" then return math.type(v) == "integer" and tostring(v) or
    string.format("%.17g", v)
  elseif t ~= "table" then return json_string(v) end
  local parts = {}
  if v[1] ~= nil or getmetatable(v) == array_mark then
    for i = 1, #v do parts[i] = json(v[i]) end
    return "[" .. table.concat(parts, ",") .. "]"
  end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  for i, k in ipairs(keys) do
    local value = v[k]
    if value == nil then value = v[math.tointeger(tonumber(k))] end
    parts[i] = json_string(k) .. ":" .. json(value)
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

local function array(t) return setmetatable(t, array_mark) end

local function plain(text)                      -- without the terminal's colours
  return (text:gsub("\27%[[%d;]*m", ""))
end

-- the resume chain as edges: {from id, to id, "resume" | "transfer"}
local function chain_edges(chain)
  local edges, deepest = {}, 0
  for depth in pairs(chain) do deepest = math.max(deepest, depth) end
  for depth = 1, deepest do
    local entry = chain[depth]
    if entry then
      local from = entry.by or 0
      for i, id in ipairs(entry.path) do
        edges[#edges + 1] = {from, id, i == 1 and "resume" or "transfer"}
        from = id
      end
      edges[#edges + 1] = {from, entry.frame, #entry.path == 0 and "resume" or "transfer"}
    end
  end
  return array(edges)
end

local function snapshot_json(snap)
  return {id = snap.id, state = snap.state, at = snap.at, promise = snap.promise,
    awaiter = snap.awaiter, resumed_by = snap.resumed_by and (recorder.label(snap.resumed_by)
      .. (snap.how == "transfer" and " (transfer)" or ""))}
end

-- the run the page plays; each resume chain once (chains), an event's
-- chain an index (from 0) into them
local function run_data(title)
  local events, sources, chain = {}, {}, {}
  local chains, chain_index = {}, {}
  for _, rec in ipairs(recorder.events) do
    recorder.follow_chain(chain, rec)
    local file, line = (rec.where or ""):match("^(.-):(%d+)$")
    if file and not sources[file] then sources[file] = array(where.source_lines(file)) end
    local cursor = {}
    for i in pairs(where.cursor(rec)) do cursor[#cursor + 1] = i - 1 end
    table.sort(cursor)
    local changes = {}
    for i, snap in ipairs(rec.changes or {}) do changes[i] = snapshot_json(snap) end
    local edges = json(chain_edges(chain))
    if not chain_index[edges] then
      chains[#chains + 1] = chain_edges(chain)
      chain_index[edges] = #chains - 1
    end
    local owner = recorder.owner(rec)
    events[#events + 1] = {
      seq = rec.seq, kind = rec.kind, frame = owner, label = recorder.label(owner),
      line = plain(trace.line(rec)), call = trace.call(setmetatable({result = false},
        {__index = rec})), result = rec.result or nil,
      explain = explain.explain(rec), file = file, lineno = tonumber(line),
      cursor = array(cursor), chain = chain_index[edges], changes = array(changes),
      gone = array({rec.gone}),
    }
  end
  local frames = {}
  for id, f in pairs(recorder.frames) do
    frames[tostring(id)] = {id = id, label = recorder.label(id), coroutine = f.name,
      promise_type = f.promise_type}
  end
  return {title = title, version = host.version, wrapper = array(where.text()),
    sources = sources, frames = frames, chains = array(chains), events = array(events)}
end

function export.html(out, title)
  local page = host.resource("explorer/export/player.html")
  local data = json(run_data(title)):gsub("<", "\\u003c")   -- no "</script>", no "<!--"
  local at = page:find("__COROLAB_RUN__", 1, true)
  out:write(page:sub(1, at - 1), data, page:sub(at + #"__COROLAB_RUN__"))
end

local writers = {chrome = export.chrome, mermaid = export.mermaid, dot = export.dot,
  html = export.html}
export.formats = {"chrome", "mermaid", "dot", "html"}
-- what is being recorded, for the page's title (the script's name)
export.title = "corolab session"

function export.write(format, path)
  recorder.trim()                       -- exactly the last `limit` events
  local writer = writers[format]
  if not writer then
    palette.fail("unknown export format '" .. tostring(format) .. "': chrome, mermaid, dot or html")
  end
  local out, err = io.open(path, "w")
  if not out then palette.fail("cannot write the export: " .. err) end
  writer(out, "corolab — " .. export.title)
  local ok, why = out:close()                  -- flushes: a full disk shows here
  if not ok then palette.fail("cannot write the export to " .. path .. ": " .. why) end
end

return export
