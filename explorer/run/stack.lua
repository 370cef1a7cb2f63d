-- stack.lua — who runs, and who made it run: the one place that works it
-- out, record by record, for the recorder, the replay, :where and every
-- export. One frame runs at each nesting depth (the core's ev.depth): it
-- came in by a call (its first record), a resume() or a destroy() from the
-- frame running one depth below (or from main), and a symmetric transfer
-- hands its place to another frame, keeping who resumed it. It leaves by
-- returning to its caller or resumer ("return to caller"), by being freed
-- (operator delete: destroyed, or flowed off its final suspend point), or
-- by an exception, which no event announces: another frame then takes its
-- place, or an event at a shallower depth shows it gone.
local meaning = require "explorer.run.meaning"

local stack = {}

-- nothing runs yet: running[depth + 1] = {frame, by, how = "call" |
-- "resume" | "destroy", path = {frames it transferred from}}; seen: the
-- frames called already
function stack.new()
  return {running = {}, seen = {}}
end

function stack.copy(s)
  local c = stack.new()
  for i, a in pairs(s.running) do
    c.running[i] = {frame = a.frame, by = a.by, how = a.how,
      path = table.move(a.path, 1, #a.path, 1, {})}
  end
  for id in pairs(s.seen) do c.seen[id] = true end
  return c
end

-- whether a and b say the same: who runs, and who was called
function stack.same(a, b)
  for i, x in pairs(a.running) do
    local y = b.running[i]
    if not (y and x.frame == y.frame and x.by == y.by and x.how == y.how and
            #x.path == #y.path) then return false end
    for k, id in ipairs(x.path) do if y.path[k] ~= id then return false end end
  end
  for i in pairs(b.running) do if not a.running[i] then return false end end
  for id in pairs(a.seen) do if not b.seen[id] then return false end end
  for id in pairs(b.seen) do if not a.seen[id] then return false end end
  return true
end

-- back at the top-level prompt: nothing runs any more
function stack.idle(s)
  s.running = {}
end

-- the running entries, outermost first; false where a depth has none
-- (it began before the run was recorded)
function stack.chain(s)
  local deepest = 0
  for i in pairs(s.running) do deepest = math.max(deepest, i) end
  local chain = {}
  for i = 1, deepest do chain[i] = s.running[i] or false end
  return chain
end

-- the entries deeper than i go, deepest first: they ended by an exception
local function drop_deeper(running, i)
  local deeper
  for j in pairs(running) do
    if j > i then deeper = deeper or {} deeper[#deeper + 1] = j end
  end
  if not deeper then return nil end
  table.sort(deeper, function(a, b) return a > b end)
  for k, j in ipairs(deeper) do
    deeper[k] = running[j]
    running[j] = nil
  end
  return deeper
end

local starts = {resume = "resume", destroy = "destroy"}

-- follows rec: returns how control moved at it, or nil, and the entries
-- that left by an exception (a list, or nil for none). A move is {how, from,
-- to, entry}: "call", "resume" and "destroy" start entry, "transfer"
-- hands it to another frame, "return" and "finish" (operator delete) end it
function stack.follow(s, rec)
  local running, i = s.running, rec.depth + 1
  local left = drop_deeper(running, i)
  local id, top = meaning.owner(rec), running[i]
  local move
  if id ~= 0 and not s.seen[id] then
    s.seen[id] = true
    local below = running[i - 1]
    move = {how = "call", from = below and below.frame or 0, to = id}
  elseif starts[rec.kind] and not rec.continued then
    move = {how = starts[rec.kind], from = rec.other, to = rec.frame}
  end
  if move then
    if top then
      left = left or {}
      left[#left + 1] = top
    end
    move.entry = {frame = move.to, by = move.from, how = move.how, path = {}}
    running[i] = move.entry
  elseif rec.kind == "symmetric transfer" then
    if not top then
      top = {by = 0, how = "resume", path = {}}
      running[i] = top
    end
    top.path[#top.path + 1] = rec.other
    top.frame = rec.frame
    move = {how = "transfer", from = rec.other, to = rec.frame, entry = top}
  elseif rec.kind == "return to caller" then
    running[i] = nil
    move = {how = "return", from = rec.other, to = top and top.by or 0, entry = top}
  elseif rec.kind == "operator delete" then
    s.seen[rec.frame] = nil                 -- no record names it again
    if top and top.frame == rec.frame then
      running[i] = nil
      move = {how = "finish", from = rec.frame, to = top.by, entry = top}
    end
  end
  return move, left
end

return stack
