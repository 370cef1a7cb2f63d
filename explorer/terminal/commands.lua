-- commands.lua — the explorer's commands (":name args", unique prefixes
-- accepted): the one table of them, their help, how a line runs one, their
-- completion, and the commands small enough to live here. What each does
-- is in the language's catalogue (text/LANG.lua, section help).
local coro = require "coro"
local host = require "corolab.host"
local course = require "explorer.terminal.course"
local debugger = require "explorer.terminal.debugger"
local diff = require "explorer.terminal.diff"
local event = require "explorer.text.event"
local explain = require "explorer.text.explain"
local formats = require "explorer.export.formats"
local i18n = require "explorer.text.i18n"
local inspect = require "explorer.terminal.inspect"
local meaning = require "explorer.run.meaning"
local palette = require "explorer.terminal.palette"
local play = require "explorer.terminal.play"
local predict = require "explorer.terminal.predict"
local recorder = require "explorer.run.recorder"
local replay = require "explorer.terminal.replay"
local tour = require "explorer.terminal.tour"
local trace = require "explorer.terminal.trace"
local where = require "explorer.terminal.where"

local commands = {}             -- commands.title: the script recorded, for an export's title

local run = recorder.run

-- name, usage, what runs it; live: it runs code, which a record played
-- has none of
local list = {
  {"help", "[COMMAND]", function(arg) return commands.help(arg) end},
  {"frames", "", function() commands.frames() end},
  {"show", "h", function(arg) commands.show(arg) end},
  {"step", "[h]", function(arg)
    if replay.active() and arg == "" then return replay.step() end
    return debugger.step(arg)
  end, live = true},
  {"break", "[EVENT [if COND]]", function(arg) debugger.add_break(arg) end, live = true},
  {"delete", "[N]", function(arg) debugger.delete(arg) end},
  {"continue", "", function()
    if replay.active() then return replay.leave() end
    return debugger.continue()
  end},
  {"finish", "", function() return debugger.finish() end, live = true},
  {"where", "[h]", function(arg) commands.where(arg) end},
  {"back", "[N]", function(arg) return replay.back(arg) end},
  {"goto", "N", function(arg) return replay.goto_event(arg) end},
  {"replay", "", function() return replay.start() end},
  {"diff", "[A.lua B.lua | N M]", function(arg) diff.command(arg) end},
  {"display", "[on|off]", function(arg) commands.display(arg) end},
  {"log", "[N]", function(arg) commands.log(arg) end},
  {"error", "[N]", function(arg) commands.error(arg) end},
  {"trace", "[on|off]", function(arg) commands.trace(arg) end},
  {"export", table.concat(formats.names, "|") .. " FILE", function(arg) commands.export(arg) end},
  {"record", "[N]", function(arg) commands.record(arg) end},
  {"play", "FILE", function(arg) return commands.play(arg) end},
  {"lessons", "", function() course.list() end},
  {"lesson", "N", function(arg) return commands.load(arg) end},
  {"load", "NAME", function(arg) return commands.load(arg) end},
  {"predict", "[on|off|NAME]", function(arg) return commands.predict(arg) end},
  {"lang", "[en|tr|zh]", function(arg) commands.lang(arg) end},
  {"order", "[g++|clang]", function(arg) commands.order(arg) end},
  {"tour", "", function() tour.run() end},
}
commands.list = list

local function find(word)
  local found = {}
  for _, c in ipairs(list) do
    if c[1] == word then return c end
    if c[1]:sub(1, #word) == word then found[#found + 1] = c end
  end
  if #found == 1 then return found[1] end
  if #found == 0 then palette.fail(i18n.ui("unknown_command", word)) end
  local names = {}
  for _, c in ipairs(found) do names[#names + 1] = ":" .. c[1] end
  palette.fail(i18n.ui("ambiguous_command", word, table.concat(names, " ")))
end

function commands.help(arg)
  if arg ~= "" then
    local c = find((arg:gsub("^:", "")))
    print(palette.paint("title", ":" .. c[1] .. (c[2] ~= "" and (" " .. c[2]) or "")))
    local text = i18n.text("help", c[1])
    print(palette.fold(text[1], "  "))
    print(palette.fold(text[2], "  "))
    return
  end
  print(palette.paint("title", i18n.ui("help_title")))
  print(palette.fold(i18n.ui("help_note"), ""))
  for _, c in ipairs(list) do
    local usage = ":" .. c[1] .. (c[2] ~= "" and (" " .. c[2]) or "")
    local brief = i18n.text("help", c[1])[1]
    if #usage > 31 then print("  " .. usage) usage = "" end
    print(string.format("  %-31s %s", usage, brief))
  end
  print(palette.fold(i18n.ui("help_end"), ""))
end

-- a command's error is one line: the runtime's words, or the Lua error of
-- an expression given as an argument, never a traceback through the explorer
local function one_line(ok, ...)
  if ok then return ... end
  local err = ...
  if type(err) == "string" then palette.fail(err) end
  error(err, 0)
end

-- after a command: the recorder listens as the debugger and the trace now
-- want (a breakpoint set, :step, :trace on)
local function watched(...)
  recorder.update()
  return ...
end

-- runs the command line ":line" (without its ':'); "leave" to leave the
-- prompt it was typed at
function commands.run(line)
  local word, arg = line:match("^(%S*)%s*(.-)%s*$")
  if word == "" then palette.fail(i18n.ui("command_missing")) end
  run:sync()
  local c = find(word)
  if c.live and recorder.played and not (c[1] == "step" and arg == "" and replay.active()) then
    palette.fail(i18n.ui("play_not_live", c[1]))
  end
  return one_line(watched(pcall(c[3], arg)))
end

-- a record played: its frames at its end, as :frames and :show show them
-- at a replay position
local function played_end()
  run:trim()
  if #run.events == 0 then palette.fail(i18n.ui("no_events")) end
  return (run:at(#run.events))
end

function commands.frames()
  if replay.active() then return inspect.frames((select(2, replay.at()))) end
  if recorder.played then return inspect.frames(played_end()) end
  inspect.frames()
end

-- the frame id a command's argument names in a record played
local function played_id(arg)
  local id = inspect.eval(arg)
  if math.type(id) ~= "integer" then palette.fail(i18n.ui("play_frame_id", arg)) end
  return id
end

function commands.show(arg)
  if replay.active() then
    local v = inspect.eval(arg)
    local id = math.type(v) == "integer" and v or select(2, inspect.live(arg)).id
    return replay.show(id)
  end
  if recorder.played then
    return replay.show_at(run:last(), played_end(), played_id(arg))
  end
  inspect.show(arg)
end

function commands.where(arg)
  run:trim()
  if replay.active() and arg == "" then
    local rec, _, s = replay.at()
    return where.show(rec, s)
  end
  local rec
  if arg ~= "" then
    local id = recorder.played and played_id(arg) or select(2, inspect.live(arg)).id
    for i = #run.events, 1, -1 do
      local r = run.events[i]
      if meaning.owner(r) == id then rec = r break end
    end
  else
    local stop = debugger.stopped()
    rec = stop and stop.rec or run:last()
  end
  if not rec and recorder.played and arg ~= "" and run:last() then
    palette.fail(i18n.ui("no_frame_then", played_id(arg), run:last().seq))
  elseif not rec then
    print(run.dropped > 0 and i18n.ui("no_event_of_it", palette.extent(run))
      or i18n.ui("no_events"))
    return
  end
  where.show(rec)
end

-- :trace and :display: "on", "off", or nothing to ask; the switch is
-- field key of table t
local function switch(name, t, key, arg)
  if arg == "on" then t[key] = true
  elseif arg == "off" then t[key] = false
  elseif arg ~= "" then palette.fail(i18n.ui("switch_usage", name, name)) end
  print(i18n.ui(t[key] and "switch_on" or "switch_off", name))
end

function commands.lang(arg)
  if arg ~= "" then
    local ok, why = i18n.set(arg)
    if not ok then palette.fail(why) end
  end
  print(i18n.ui("language", i18n.current))
end

-- coro.order = order: true, or false when it is no compiler's
function commands.choose_order(order)
  return (pcall(function() coro.order = order end))
end

-- :order [g++|clang]: whose choice corolab makes where C++ leaves an
-- order unspecified; without an argument, also each such order
function commands.order(arg)
  if arg ~= "" and not commands.choose_order(arg) then palette.fail(i18n.ui("order_usage")) end
  print(i18n.ui("order_now", explain.compilers[coro.order]))
  if arg == "" then
    for _, text in ipairs(explain.orders()) do print(palette.fold(text, "  ")) end
  end
end

function commands.display(arg) switch("display", debugger, "display", arg) end

function commands.log(arg)
  local n = arg == "" and 20 or math.tointeger(tonumber(arg))
  if not n or n < 1 then palette.fail(i18n.ui("log_usage")) end
  run:trim()
  local events = run.events
  if #events == 0 then print(i18n.ui("no_events")) return end
  local listing = trace.listing()
  for i = math.max(1, #events - n + 1), #events do print(listing(events[i])) end
  if #events < n and run.dropped > 0 then print("(" .. palette.extent(run) .. ")") end
end

function commands.trace(arg) switch("trace", trace, "on", arg) end

-- the error a record carries, or nil
local function error_record(rec)
  return rec and meaning.is_error(rec) and rec or nil
end

-- :error [N]: the error of event N, else of the replay position or the
-- stop, else the last one recorded, with the Lua traceback the runtime
-- kept (everywhere else an error shows as its value)
function commands.error(arg)
  run:trim()
  local rec
  if arg ~= "" then
    local seq = math.tointeger(tonumber(arg))
    if not seq then palette.fail(i18n.ui("error_usage")) end
    rec = run.events[seq - run.dropped]
    if not rec then
      palette.fail(i18n.ui("no_such_event", seq, palette.extent(run), run.dropped + 1,
        run.dropped + #run.events))
    end
    if not error_record(rec) then palette.fail(i18n.ui("error_not_error", seq, rec.kind)) end
  else
    local stop = debugger.stopped()
    rec = replay.active() and error_record((replay.at())) or stop and error_record(stop.rec)
    for i = #run.events, 1, -1 do
      if rec then break end
      rec = error_record(run.events[i])
    end
    if not rec then palette.fail(i18n.ui("error_none")) end
  end
  print(palette.paint("title", i18n.ui("error_of", rec.seq, event.call(rec))))
  print(rec.detail)
end

-- writes the recorded run to file in format (formats.lua); a record
-- played keeps its title
function commands.write(format, file)
  local played = recorder.played
  local title = played and (played.title or played.file) or
    "corolab — " .. (commands.title or i18n.ui("session"))
  local ok, why = formats.write(run, format, file, {title = title,
    player = host.resource("explorer/export/player.html")})
  if not ok then palette.fail(why) end
end

function commands.export(arg)
  local format, file = arg:match("^(%S+)%s+(.+)$")
  if not format then palette.fail(i18n.ui("usage", ":export " .. find("export")[2])) end
  commands.write(format, file)
  print(i18n.ui("wrote", format, palette.extent(run), file))
end

-- what Tab offers on the command line `line` (up to the word): a list,
-- "files", or nil when the word is a Lua expression
function commands.complete(line)
  local name, rest = line:match("^:(%S*)%s+(.*)$")
  if not name then                           -- the command itself
    local out = {}
    for _, c in ipairs(list) do out[#out + 1] = ":" .. c[1] end
    return out
  end
  local ok, c = pcall(find, name)
  if not ok then return {} end
  local nth = select(2, rest:gsub("%S+%s+", "")) + 1   -- which argument
  local out = {}
  if c[1] == "break" and nth == 1 then
    for _, k in ipairs(debugger.kinds) do out[#out + 1] = k.key end
  elseif c[1] == "trace" or c[1] == "display" then out = {"on", "off"}
  elseif c[1] == "lang" then out = i18n.languages
  elseif c[1] == "order" then out = {"g++", "clang"}
  elseif c[1] == "predict" or c[1] == "load" then
    out = c[1] == "predict" and {"on", "off"} or {}
    for _, lesson in ipairs(host.lessons()) do out[#out + 1] = lesson.name end
  elseif c[1] == "help" then
    for _, cmd in ipairs(list) do out[#out + 1] = cmd[1] end
  elseif c[1] == "delete" then
    for _, bp in ipairs(debugger.breakpoints) do out[#out + 1] = tostring(bp.number) end
  elseif c[1] == "export" then
    if nth == 1 then out = formats.names else return "files" end
  elseif c[1] == "play" then
    return "files"
  else
    return nil                               -- a Lua expression
  end
  return out
end

function commands.record(arg)
  if arg ~= "" then
    local n = math.tointeger(tonumber(arg))
    if not n or n < 0 then palette.fail(i18n.ui("record_usage")) end
    run:set_limit(n)
    if n == 0 then
      print(palette.fold(i18n.ui("record_off"), ""))
      return
    end
  end
  print(i18n.ui("recording", run.limit, palette.extent(run)))
end

function commands.load(arg) course.run(arg) end

-- :play FILE: the record becomes the run (play.lua); the runs made at the
-- prompt before it are no longer there to :diff, and a replay position in
-- the run it replaced is left
function commands.play(arg)
  if arg == "" then palette.fail(i18n.ui("usage", ":play " .. find("play")[2])) end
  play.file(arg)
  diff.forget()
  play.summary()
  if replay.active() then return replay.leave() end
end

function commands.predict(arg)
  if arg == "" or arg == "on" or arg == "off" then
    return switch("predict", predict, "on", arg)
  end
  course.run(arg, "quiz")
end

return commands
