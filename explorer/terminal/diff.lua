-- diff.lua — two runs side by side: `corolab --diff a.lua b.lua`, `:diff
-- A B` (two scripts, each run in a Lua state of its own: run/script.lua;
-- or run records, FILE.json, read as :play reads one: a real C++ program
-- against its Lua mirror), `:diff N M` (runs N and M recorded at the
-- prompt: a run is the events of one command line) and `:diff` (the last
-- two). The event sequences are aligned by longest common subsequence on
-- the event kind and the frame's role (its coroutine's name and its
-- number among that name's frames in the run, as "range#1"; a traced C++
-- program against a Lua run: its number among all the run's frames, as
-- the two name their coroutines otherwise), then printed as sdiff does:
-- '=' both did it, '|' both did it with other values (arguments, result,
-- detail), '<' only the first, '>' only the second; a long stretch in
-- common is folded to one line. Against a traced program's record, the
-- Lua run's events of the kinds such a record never has are left out
-- (playback.unseen), and a line says how many. Deterministic, and
-- readable without colour; on a terminal a line is cut to its width,
-- elsewhere (a pipe, a file) it is whole.
local coro = require "coro"
local host = require "corolab.host"
local course = require "explorer.terminal.course"
local i18n = require "explorer.text.i18n"
local event = require "explorer.text.event"
local meaning = require "explorer.run.meaning"
local palette = require "explorer.terminal.palette"
local play = require "explorer.terminal.play"
local playback = require "explorer.run.playback"
local record = require "explorer.run.record"
local recorder = require "explorer.run.recorder"

local diff = {}

local live = recorder.run            -- the recording at the prompt

local MAX_CELLS = 4000000          -- the alignment's table: n * m at most
local FOLD = 6                     -- a stretch in common longer than this is folded

-- the role of each record's frame in its run: "range#1", "-" for none;
-- and what aligns it: the role, or (by_order) the frame's place among the
-- run's frames, "#1", when the two runs name their coroutines otherwise (a
-- C++ program's functions, a Lua mirror's chunks)
local function roles(run, by_order)
  local seen, keys, count, out, key = {}, {}, {}, {}, {}
  local frames = 0
  for i, rec in ipairs(run.events) do
    local id = meaning.owner(rec)
    if id ~= 0 and not seen[id] then
      local f = run.frames[id] or {}
      local name = f.name or "?"
      count[name] = (count[name] or 0) + 1
      frames = frames + 1
      seen[id], keys[id] = name .. "#" .. count[name], "#" .. frames
    end
    out[i] = id == 0 and "-" or seen[id]
    key[i] = id == 0 and "-" or (by_order and keys[id] or seen[id])
  end
  return out, key
end

-- a member's result as C++ and Lua both show it: a value (a number, a
-- string, a bool, a handle, void), not an object, which each shows its
-- own way (a C++ type's name, a Lua table's fields)
local function value_of(result)
  local shown = result and (result:match('^-?%d[%d.e+-]*$') or result:match('^".*"$') or
    result:match("^true$") or result:match("^false$") or result:match("^handle #%d+") or
    result:match("^noop_coroutine%(%)$") or result:match("^void$"))
  return shown and shown:match("^handle #%d+") or shown or ""
end

-- what the two sides must agree on to be the same step (key), and to be
-- the same values (value: frame ids aside, which differ from run to run;
-- by_order, a C++ program against a Lua one: the arguments and the result
-- where it is a value); n: the event's number in its run (a file's run:
-- its seq)
local function entries(run, by_order)
  local role, key = roles(run, by_order)
  local out = {}
  for i, rec in ipairs(run.events) do
    local value = by_order and (rec.args or "") .. "\0" .. value_of(rec.result) or
      event.call(rec) .. "\0" .. event.detail(rec)
    out[i] = {n = run.file and rec.seq or i, rec = rec, key = rec.kind .. "\0" .. key[i],
      role = role[i], value = (value:gsub("#%d+", "#"))}
  end
  return out
end

-- the longest common subsequence of a and b by key: pairs {i, j}, i or j
-- nil where one side has nothing
local function align(a, b)
  local n, m = #a, #b
  if n * m > MAX_CELLS then
    palette.fail(i18n.ui("diff_too_many", n, m, MAX_CELLS))
  end
  local len = {}                   -- len[i * (m + 1) + j]: LCS of a[i..], b[j..]
  local w = m + 1
  for i = n + 1, 1, -1 do
    for j = m + 1, 1, -1 do
      local v = 0
      if i <= n and j <= m then
        if a[i].key == b[j].key then v = len[(i + 1) * w + j + 1] + 1
        else v = math.max(len[(i + 1) * w + j], len[i * w + j + 1]) end
      end
      len[i * w + j] = v
    end
  end
  local pairs_, i, j = {}, 1, 1
  while i <= n or j <= m do
    if i <= n and j <= m and a[i].key == b[j].key then
      pairs_[#pairs_ + 1] = {i, j}
      i, j = i + 1, j + 1
    elseif j > m or (i <= n and len[(i + 1) * w + j] >= len[i * w + j + 1]) then
      pairs_[#pairs_ + 1] = {i, nil}
      i = i + 1
    else
      pairs_[#pairs_ + 1] = {nil, j}
      j = j + 1
    end
  end
  return pairs_
end

-- one side of a row: the event's number in its run, the call with its
-- values, the frame's role, the detail
local function text_of(e)
  local text = string.format("%4d %s %s", e.n, event.call(e.rec), e.role)
  local detail = i18n.runtime(event.detail(e.rec))
  if detail ~= "" then text = text .. "  " .. detail end
  if e.rec.inferred then text = text .. "  " .. i18n.ui("inferred_mark") end
  return text
end

-- a side in SIDE columns; cut to fit on a terminal
local function cell(e, SIDE)
  if not e then return string.rep(" ", SIDE) end
  local text = text_of(e)
  if host.tty and palette.width(text) > SIDE then
    local cut = ""
    for _, c in utf8.codes(text) do
      if palette.width(cut) >= SIDE - 3 then break end
      cut = cut .. utf8.char(c)
    end
    text = cut .. "..."
  end
  return palette.pad(text, SIDE)
end

-- the width of a side: half the terminal's, or (no terminal) the widest
-- first side, so that no line is cut
local function side_width(rows, ea)
  if host.tty then return math.max(38, (host.columns() - 3) // 2) end
  local widest = 38
  for _, row in ipairs(rows) do
    if row[1] then widest = math.max(widest, palette.width(text_of(ea[row[1]]))) end
  end
  return widest
end

-- prints the alignment of runs a and b ({events, frames}), named
function diff.show(a, name_a, b, name_b)
  local by_order = (a.producer == "trace.hpp") ~= (b.producer == "trace.hpp")
  local ea, eb = entries(a, by_order), entries(b, by_order)
  local rows = align(ea, eb)
  local SIDE = side_width(rows, ea)
  print("< " .. i18n.ui("diff_side", name_a, #a.events))
  print("> " .. i18n.ui("diff_side", name_b, #b.events))
  local counts = {["="] = 0, ["|"] = 0, ["<"] = 0, [">"] = 0}
  local first, first_step
  local same = {}                      -- the stretch in common not printed yet
  local function flush()
    if #same > FOLD then
      print(same[1])
      print(palette.paint("dim", string.rep(" ", SIDE) .. " " ..
        i18n.ui("diff_folded", #same - 2)))
      print(same[#same])
    else
      for _, line in ipairs(same) do print(line) end
    end
    same = {}
  end
  for _, row in ipairs(rows) do
    local x, y = row[1] and ea[row[1]], row[2] and eb[row[2]]
    local mark = not x and ">" or not y and "<" or x.value == y.value and "=" or "|"
    counts[mark] = counts[mark] + 1
    local line = cell(x, SIDE) .. " " .. mark .. " " .. cell(y, SIDE)
    line = line:gsub("%s+$", "")
    if mark == "=" then
      same[#same + 1] = line
    else
      first = first or {x, y}
      if mark ~= "|" then first_step = first_step or {x, y} end
      flush()
      print(palette.paint(mark == "|" and "value" or "error", line))
    end
  end
  flush()
  print(i18n.ui("diff_summary", counts["="] + counts["|"], counts["|"], counts["<"], name_a,
    counts[">"], name_b))
  if first and first[1] and first[2] then
    print(i18n.ui("diff_first_value", first[1].n, first[2].n, event.call(first[1].rec),
      event.call(first[2].rec)))
  end
  if first_step then
    local e = first_step[1] or first_step[2]
    print(i18n.ui("diff_first_step", e.n, first_step[1] and name_a or name_b, event.call(e.rec)))
  elseif not first then
    print(i18n.ui("diff_same"))
  end
end

-- runs script file in a Lua state of its own, recording (with the
-- choices coro.order makes here): its run, as data
local function run_script(file)
  local code, name = course.script(file)
  if not code then palette.fail(name) end
  local run, why = host.apart("explorer.run.script", "record", name, code, coro.order)
  if not run then palette.fail(i18n.ui(why, file)) end
  if run.unloaded then palette.fail(run.unloaded) end
  if run.error then palette.fail(file .. ": " .. run.error) end
  run.file = file
  return run
end

-- file's run: a record played (FILE.json), else a script's
local function run_file(file)
  if not file:match("%.json$") then return run_script(file) end
  local run = record.new()
  run.producer, run.file = play.read(file, run).producer, file
  return run
end

-- run, without the events of the kinds a traced program's record never
-- has, when the other run is one (and run is not); says how many went
local function alike(run, name, other)
  if other.producer ~= "trace.hpp" or run.producer == "trace.hpp" then return run end
  local unseen, kept, left = {}, {}, 0
  for _, kind in ipairs(playback.unseen) do unseen[kind] = true end
  for _, rec in ipairs(run.events) do
    if unseen[rec.kind] then left = left + 1 else kept[#kept + 1] = rec end
  end
  if left > 0 then
    print(palette.fold(i18n.ui("diff_unseen", left, name, table.concat(playback.unseen, ", ")),
      ""))
  end
  return {events = kept, frames = run.frames, file = run.file, producer = run.producer}
end

-- the runs recorded at the prompt: {from, to} seq ranges of each command
-- line that made events (explorer.ready marks them)
diff.runs = {}
local mark = 0

function diff.mark()
  local last = live:count()
  if last > mark then diff.runs[#diff.runs + 1] = {from = mark + 1, to = last} end
  mark = last
end

-- a record played took the live run's place: no run made at the prompt
-- is there any more
function diff.forget()
  diff.runs, mark = {}, live:count()
end

-- prompt run n: its records still kept
local function recorded(n)
  local run = diff.runs[n]
  local out = {}
  for seq = run.from, run.to do
    local rec = live.events[seq - live.dropped]
    if rec then out[#out + 1] = rec end
  end
  return {events = out, frames = live.frames}
end

local function run_name(n)
  local run = diff.runs[n]
  return i18n.ui("diff_run", n, run.from, run.to)
end

function diff.command(arg)
  local a, b = arg:match("^(%S+)%s+(%S+)$")
  local n, m = math.tointeger(tonumber(a)), math.tointeger(tonumber(b))
  if n and m then
    for _, k in ipairs({n, m}) do
      if not diff.runs[k] then
        local names = {}
        for i = 1, #diff.runs do names[i] = run_name(i) end
        palette.fail(i18n.ui("diff_no_run", k, #names > 0 and table.concat(names, ", ")
          or i18n.ui("diff_no_runs_yet")))
      end
    end
    return diff.show(recorded(n), run_name(n), recorded(m), run_name(m))
  end
  if a then
    local ra, rb = run_file(a), run_file(b)
    diff.show(alike(ra, a, rb), a, alike(rb, b, ra), b)
    return
  end
  if arg ~= "" then
    palette.fail(i18n.ui("diff_usage"))
  end
  local n = #diff.runs
  if n < 2 then
    palette.fail(i18n.ui("diff_not_two"))
  end
  diff.show(recorded(n - 1), run_name(n - 1), recorded(n), run_name(n))
end

return diff
