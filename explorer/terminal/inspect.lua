-- inspect.lua — looking at frames: :frames (the live ones, one line each)
-- and :show (one frame's layout, promise, parameters, locals and awaiter).
-- Also how a command argument becomes a handle: a Lua expression giving a
-- handle, a return object holding one (field h or handle), or a frame id.
local coro = require "coro"
local host = require "corolab.host"
local i18n = require "explorer.text.i18n"
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
    palette.fail(i18n.ui("no_live_frame", v))
  end
  if values.is_handle(v) then return v end
  if type(v) == "table" or type(v) == "userdata" then
    for _, field in ipairs({"h", "handle"}) do
      local ok, h = pcall(function() return v[field] end)
      if ok and values.is_handle(h) then return h end
    end
  end
  src = src or i18n.ui("argument")
  local shown = values.value(v)
  if shown == src then palette.fail(i18n.ui("not_a_handle", src)) end
  palette.fail(i18n.ui("not_a_handle_but", src, shown))
end

function inspect.resolve(src)
  if not src or src == "" then palette.fail(i18n.ui("which_frame")) end
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
    palette.fail(i18n.ui("noop_handle", src))
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
  local by = run:label(f.resumed_by)
  return f.how == "transfer" and i18n.ui("by_transfer", by) or by
end

local function columns(rows)
  local width = {}
  for _, row in ipairs(rows) do
    for i, cell in ipairs(row) do width[i] = math.max(width[i] or 0, palette.width(cell)) end
  end
  for r, row in ipairs(rows) do
    local cells = {}
    for i, cell in ipairs(row) do cells[i] = i < #row and palette.pad(cell, width[i]) or cell end
    local line = "  " .. table.concat(cells, "  ")
    print(r == 1 and palette.paint("title", line) or line)
  end
end

-- :frames: the live frames now, or (snaps: id -> snapshot, replay.lua)
-- as a record kept them
function inspect.frames(snaps)
  local rows = {{i18n.ui("col_id"), i18n.ui("col_coroutine"), i18n.ui("col_promise_type"),
    i18n.ui("col_state"), i18n.ui("col_at"), i18n.ui("col_resumed_by")}}
  local function row(id, coroutine, promise_type, state, at, f)
    rows[#rows + 1] = {"#" .. id, tostring(coroutine or "?"), tostring(promise_type or "?"),
      i18n.state(tostring(state)), at and i18n.runtime(at) or "-", resumer(f)}
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
  if #rows == 1 then print(i18n.ui("no_live_frames")) else columns(rows) end
end

-- a row of :show: its title (a ui key: row_promise...) in a column as
-- wide as the longest title, then text
function inspect.row(key, text)
  local width = 0
  for _, k in ipairs({"row_frame", "row_layout", "row_promise", "row_params", "row_locals",
                      "row_awaiter", "row_where"}) do
    width = math.max(width, palette.width(i18n.ui(k)))
  end
  print(palette.pad(key and i18n.ui(key) or "", width + 3) .. text)
end

local function none() return palette.paint("dim", i18n.ui("none")) end

local function show_pairs(key, list)
  if not list or #list == 0 then return inspect.row(key, none()) end
  for i, entry in ipairs(list) do
    inspect.row(i == 1 and key or nil, entry.name .. " = " ..
      palette.paint("value", values.value(entry.value)))
  end
end

-- the last row: where the frame is, and who resumed it last
function inspect.where_row(at, resumed_by)
  inspect.row("row_where", i18n.ui("last_resumed_by", at and i18n.runtime(at) or "-",
    resumed_by))
end

function inspect.show(src)
  local h, info = inspect.live(src)
  print(palette.paint("title", string.format("%s  promise_type %s  %s",
    run:label(info.id), tostring(info.promise_type), i18n.state(tostring(info.state)))))
  local size = info.frame_size and i18n.ui("frame_size", info.frame_size)
    or i18n.ui("size_unknown")
  local address = tostring(h:address()):gsub("^userdata: ", "")
  inspect.row("row_frame", size .. (host.tty and ("  " .. i18n.ui("at", address)) or ""))
  local slots = {}
  for field, offset in pairs(info.offsets or {}) do slots[#slots + 1] = {field, offset} end
  table.sort(slots, function(a, b) return a[2] < b[2] end)
  local layout = i18n.catalogue().layout
  for i, slot in ipairs(slots) do
    local note = info.lua_body and layout["lua_" .. slot[1]] or layout[slot[1]]
    inspect.row(i == 1 and "row_layout" or nil, string.format("+%-4d %-8s %s", slot[2],
      slot[1], palette.paint("dim", note or "")))
  end
  inspect.row("row_promise", palette.paint("value", values.value(info.promise)))
  show_pairs("row_params", info.params)
  show_pairs("row_locals", info.locals)
  inspect.row("row_awaiter", info.awaiter ~= nil and
    palette.paint("value", values.value(info.awaiter)) or none())
  inspect.where_row(recorder.place(info.where), resumer(run.frames[info.id]))
end

return inspect
