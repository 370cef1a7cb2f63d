-- inspect.lua — looking at frames: :frames (the live ones, one line each)
-- and :show (one frame's layout, promise, parameters, locals and awaiter).
-- Also how a command argument becomes a handle: a Lua expression giving a
-- handle, a return object holding one (field h or handle), or a frame id.
local coro = require "coro"
local host = require "corolab.host"
local palette = require "explorer.terminal.palette"
local recorder = require "explorer.run.recorder"
local values = require "explorer.run.values"

local inspect = {}

local run = recorder.run

-- evaluates a command argument as a Lua expression
function inspect.eval(src)
  local chunk, err = load("return " .. src, "=(argument)")
  if not chunk then palette.fail(err) end
  return chunk()
end

-- the handle v gives: itself, a return object's (field h or handle, as
-- coro.generator and coro.task objects have), or frame id v's
function inspect.handle_of(v, src)
  if math.type(v) == "integer" then
    for _, h in ipairs(coro.frames()) do
      local info = coro.info(h)                   -- nil: it died since
      if info and info.id == v then return h end
    end
    palette.fail("no live frame #" .. v .. " (:frames lists them)")
  end
  if values.is_handle(v) then return v end
  if type(v) == "table" or type(v) == "userdata" then
    for _, field in ipairs({"h", "handle"}) do
      local ok, h = pcall(function() return v[field] end)
      if ok and values.is_handle(h) then return h end
    end
  end
  src = src or "argument"
  local shown = values.value(v)
  palette.fail(src .. " is " .. (shown == src and "" or (shown .. ", ")) .. "not a "
    .. "coroutine handle, nor a return object holding one, nor a frame id")
end

function inspect.resolve(src)
  if not src or src == "" then palette.fail("which frame? give a handle or a frame id") end
  return inspect.handle_of(inspect.eval(src), src)
end

function inspect.is_noop(h)
  return h:address() == coro.noop_coroutine():address()
end

-- handle h (src: how the user wrote it) with its coro.info when a frame
-- lives behind it; else one line saying what it is instead (the runtime's
-- words for a dead one)
function inspect.checked(h, src)
  if inspect.is_noop(h) then
    palette.fail(src .. " is noop_coroutine(): a handle with no frame of its own; "
      .. "done() is false, and resume() and destroy() do nothing")
  end
  local info = coro.info(h)
  if info then return h, info end
  local _, why = pcall(h.done, h)
  palette.fail(src .. ": " .. (tostring(why):gsub("^done%(%): ", "")))
end

function inspect.live(src)
  return inspect.checked(inspect.resolve(src), src)
end

-- who resumed a frame last, from its facts or its snapshot
local function resumer(f)
  if not f or not f.resumed_by then return "-" end
  return run:label(f.resumed_by) .. (f.how == "transfer" and " (transfer)" or "")
end

local function columns(rows)
  local width = {}
  for _, row in ipairs(rows) do
    for i, cell in ipairs(row) do width[i] = math.max(width[i] or 0, #cell) end
  end
  for r, row in ipairs(rows) do
    local cells = {}
    for i, cell in ipairs(row) do
      cells[i] = i < #row and cell .. string.rep(" ", width[i] - #cell) or cell
    end
    local line = "  " .. table.concat(cells, "  ")
    print(r == 1 and palette.paint("title", line) or line)
  end
end

-- :frames: the live frames now, or (snaps: id -> snapshot, replay.lua)
-- as a record kept them
function inspect.frames(snaps)
  local rows = {{"id", "coroutine", "promise type", "state", "suspended at", "last resumed by"}}
  local function row(id, coroutine, promise_type, state, at, f)
    rows[#rows + 1] = {"#" .. id, tostring(coroutine or "?"), tostring(promise_type or "?"),
      tostring(state), at or "-", resumer(f)}
  end
  if snaps then
    local ids = {}
    for id in pairs(snaps) do ids[#ids + 1] = id end
    table.sort(ids)
    for _, id in ipairs(ids) do
      local s, f = snaps[id], run.frames[id] or {}
      row(id, f.name, f.promise_type, s.state, s.at, s)
    end
  else
    for _, h in ipairs(coro.frames()) do
      local info = coro.info(h)                   -- nil: a finalizer destroyed it since
      if info then
        row(info.id, info.coroutine, info.promise_type, info.state,
          recorder.place(info.where), run.frames[info.id])
      end
    end
  end
  if #rows == 1 then print("no live frames") else columns(rows) end
end

local layout_notes = {
  resume = "resume function: where h.resume() jumps",
  destroy = "destroy function: where h.destroy() jumps",
  promise = "the promise object",
  state = "suspend index, state, initial-await-resume-called, id",
  locals = "parameter copies and locals that live across suspensions",
}
local lua_layout_notes = {       -- a Lua body keeps its values in Lua's heap
  promise = "a reference to the promise table",
  locals = "the body's Lua thread, which holds its locals and parameter copies",
}

local function show_pairs(title, list)
  if not list or #list == 0 then
    print(string.format("%-9s %s", title, palette.paint("dim", "(none)")))
    return
  end
  for i, entry in ipairs(list) do
    print(string.format("%-9s %s = %s", i == 1 and title or "", entry.name,
      palette.paint("value", values.value(entry.value))))
  end
end

function inspect.show(src)
  local h, info = inspect.live(src)
  print(palette.paint("title", string.format("%s  promise_type %s  %s",
    run:label(info.id), tostring(info.promise_type), tostring(info.state))))
  local size = info.frame_size and (info.frame_size .. " bytes, what operator new got")
    or "size unknown"
  local address = tostring(h:address()):gsub("^userdata: ", "")
  print("frame     " .. size .. (host.tty and ("  at " .. address) or ""))
  local slots = {}
  for field, offset in pairs(info.offsets or {}) do slots[#slots + 1] = {field, offset} end
  table.sort(slots, function(a, b) return a[2] < b[2] end)
  for i, slot in ipairs(slots) do
    local note = info.lua_body and lua_layout_notes[slot[1]] or layout_notes[slot[1]]
    print(string.format("%-9s +%-4d %-8s %s", i == 1 and "layout" or "", slot[2], slot[1],
      palette.paint("dim", note or "")))
  end
  print(string.format("%-9s %s", "promise", palette.paint("value", values.value(info.promise))))
  show_pairs("params", info.params)
  show_pairs("locals", info.locals)
  print(string.format("%-9s %s", "awaiter",
    info.awaiter ~= nil and palette.paint("value", values.value(info.awaiter)) or
    palette.paint("dim", "(none)")))
  print(string.format("%-9s %s; last resumed by %s", "where",
    recorder.place(info.where) or "-", resumer(run.frames[info.id])))
end

return inspect
