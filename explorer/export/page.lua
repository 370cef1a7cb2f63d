-- page.lua — the run as one HTML page that plays it, offline: the player
-- (player.html, given as options.player) with the run's JSON put in place
-- of its placeholder. Each record comes with its values, its line and
-- explanation (and where C++ leaves its order unspecified, what g++ 12
-- and clang 14 each do), the cursor in the standard's wrapper, the chain of who runs
-- (stack.lua; each chain written once, in chains), the snapshots of the
-- frames that changed and the frame it freed, and whether a traced program
-- inferred it; the source of the scripts the run ran (or of the C++
-- program a record played names); and the page's own words, all in the
-- explorer's language (lang, labels: text/LANG.lua's page and states
-- sections).
local coro = require "coro"
local event = require "explorer.text.event"
local explain = require "explorer.text.explain"
local i18n = require "explorer.text.i18n"
local json = require "explorer.export.json"
local meaning = require "explorer.run.meaning"
local source = require "explorer.run.source"
local stack = require "explorer.run.stack"
local wrapper = require "explorer.run.wrapper"

local page = {}

local PLACEHOLDER = "__COROLAB_RUN__"

-- who runs, as edges {from id, to id, how}: how the frame at each depth
-- came in ("call", "resume" or "destroy"), then "transfer" for each hand-over
local function chain_edges(s)
  local edges = {}
  for _, entry in ipairs(stack.chain(s)) do
    if entry then
      local from, how = entry.by, entry.how
      for _, id in ipairs(entry.path) do
        edges[#edges + 1] = {from, id, how}
        from, how = id, "transfer"
      end
      edges[#edges + 1] = {from, entry.frame, how}
    end
  end
  return json.array(edges)
end

local function snapshot_json(run, snap)
  local by = snap.resumed_by and run:label(snap.resumed_by)
  if by and snap.how == "transfer" then by = i18n.ui("by_transfer", by) end
  return {id = snap.id, state = snap.state, at = i18n.runtime(snap.at), promise = snap.promise,
    awaiter = snap.awaiter, resumed_by = by}
end

-- the page's own words: its labels, and the frames' states in words
local function labels()
  local out = {}
  for key, text in pairs(i18n.catalogue().page) do out[key] = text end
  out.states = i18n.catalogue().states
  return out
end

-- the run the page plays; an event's chain is an index (from 0) into chains
local function run_data(run, title)
  local events, sources = {}, {}
  local chains, chain_index = {}, {}
  local state = stack.copy(run.before.stack)
  for _, rec in ipairs(run.events) do
    stack.follow(state, rec)
    local file, line = (rec.where or ""):match("^(.-):(%d+)$")
    if file and not sources[file] then sources[file] = json.array(source.lines(file)) end
    local cursor = {}
    for i in pairs(wrapper.cursor(rec)) do cursor[#cursor + 1] = i - 1 end
    table.sort(cursor)
    local changes = {}
    for i, snap in ipairs(rec.changes or {}) do changes[i] = snapshot_json(run, snap) end
    local edges = chain_edges(state)
    local key = json.encode(edges)
    if not chain_index[key] then
      chains[#chains + 1] = edges
      chain_index[key] = #chains - 1
    end
    local owner = meaning.owner(rec)
    events[#events + 1] = {
      seq = rec.seq, kind = rec.kind, frame = owner, label = run:label(owner),
      inferred = rec.inferred or nil,
      line = event.line(run, rec), call = event.call(setmetatable({result = false},
        {__index = rec})), result = rec.result or nil,
      explain = explain.explain(rec), unspecified = explain.unspecified(rec),
      file = file, lineno = tonumber(line),
      cursor = json.array(cursor), chain = chain_index[key], changes = json.array(changes),
      gone = json.array({rec.gone}),
    }
  end
  local frames = {}
  for id, f in pairs(run.frames) do
    frames[tostring(id)] = {id = id, label = run:label(id), coroutine = f.name,
      promise_type = f.promise_type}
  end
  return {title = title, version = coro._VERSION, lang = i18n.current, labels = labels(),
    wrapper = json.array((wrapper.text(i18n.catalogue().wrapper))), sources = sources,
    frames = frames, chains = json.array(chains), events = json.array(events)}
end

-- options: title, and player, the text of player.html. The page says
-- which language it is in (<html lang>)
function page.write(run, out, options)
  local player = assert(options.player, "the page needs the text of player.html")
  player = player:gsub('<html lang="en">', '<html lang="' .. i18n.current .. '">', 1)
  local data = json.encode(run_data(run, options.title)):gsub("<", "\\u003c")  -- no "</script>"
  local at = player:find(PLACEHOLDER, 1, true)
  out:write(player:sub(1, at - 1), data, player:sub(at + #PLACEHOLDER))
end

return page
