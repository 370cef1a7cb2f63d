-- explorer.lua — the explorer commands (":name args", unique prefixes
-- accepted), their help, their completion, and the entry points the C
-- shell calls: start (--trace, --export), stop (writes the exports),
-- greet (the banner), ready (back at the top prompt), command, complete.
local coro = require "coro"
local host = require "corolab.host"
local palette = require "corolab.palette"
local recorder = require "corolab.recorder"
local trace = require "corolab.trace"
local inspect = require "corolab.inspect"
local debugger = require "corolab.debugger"
local where = require "corolab.where"
local export = require "corolab.export"
local tour = require "corolab.tour"
local predict = require "corolab.predict"
local course = require "corolab.course"
local i18n = require "corolab.i18n"

local explorer = {}
local exports = {}                       -- {format, file} from --export

local commands = {
  {"help", "[command]", "list the commands, or explain one", function(arg)
    return explorer.help(arg)
  end},
  {"frames", "", "the live frames: id, coroutine, promise type, state, suspend point, "
    .. "who resumed it last", function() inspect.frames() end},
  {"show", "h", "a frame's layout with offsets, its promise, parameters, locals and "
    .. "the awaiter it waits on", function(arg) inspect.show(arg) end},
  {"step", "[h]", "resume h, stopping at each lifecycle event (a nested prompt); inside "
    .. "a stop, go on to the next event. 'h' may be a call, e.g. :step range(3), to walk "
    .. "the prologue", function(arg) return debugger.step(arg) end},
  {"break", "[EVENT [if COND]]", "stop when EVENT happens (and the Lua expression COND "
    .. "holds; it sees kind, frame, other, depth, detail, where, index, ev and h); "
    .. "without arguments, list the breakpoints", function(arg) debugger.add_break(arg) end},
  {"delete", "[N]", "delete breakpoint N, or all of them", function(arg) debugger.delete(arg) end},
  {"continue", "", "leave the stop and run until the next breakpoint",
    function() return debugger.continue() end},
  {"finish", "", "leave the stop and run until the resume it is in returns to its caller; "
    .. "stop there",
    function() return debugger.finish() end},
  {"where", "[h]", "the standard's coroutine wrapper with a cursor at the current step "
    .. "(a stop's event, or h's last event), and the chain of who resumed whom",
    function(arg) explorer.where(arg) end},
  {"display", "[on|off]", "after each stop, show the frame that moved: state, suspend "
    .. "point, promise, the awaiter it waits on (on at first)",
    function(arg) explorer.display(arg) end},
  {"log", "[N]", "the last N recorded events (20 at first), each with its arguments "
    .. "and what it returned, e.g. yield_value(1) → suspend_always",
    function(arg) explorer.log(arg) end},
  {"trace", "[on|off]", "print every lifecycle event as it happens, indented by resume "
    .. "depth", function(arg) explorer.trace(arg) end},
  {"export", "chrome|mermaid|dot FILE", "write the recorded run: Chrome trace JSON "
    .. "(open it in ui.perfetto.dev), a Mermaid sequence diagram, a Graphviz DOT state graph",
    function(arg) explorer.export(arg) end},
  {"record", "[N]", "how many events the recording keeps (the last ones; 100000 at "
    .. "first), or keep the last N", function(arg) explorer.record(arg) end},
  {"lessons", "", "the lessons, numbered, each a short Lua script mirroring a C++20 "
    .. "program, with the ones done marked (kept in ~/.corolab/progress)",
    function() course.list() end},
  {"lesson", "N", "run lesson N (or a name) up to its first suspension: the same as "
    .. ":load", function(arg) return explorer.load(arg) end},
  {"load", "NAME", "run lesson NAME (its name, number or a unique part of it) up to its "
    .. "first suspension, and stop there: set breakpoints, then :continue",
    function(arg) return explorer.load(arg) end},
  {"predict", "[on|off|NAME]", "stepping as a quiz: at each stop, guess the next event "
    .. "from a few choices; the next stop says if it was right, and why. With a lesson "
    .. "NAME: step through it from its first event, guessing",
    function(arg) return explorer.predict(arg) end},
  {"lang", "[en|tr|zh]", "the language of the explanations: English, Turkish (Türkçe) "
    .. "or Chinese (中文); at first from --lang, else LC_ALL, LC_MESSAGES or LANG",
    function(arg) explorer.lang(arg) end},
  {"tour", "", "a guided tour: a generator and a task, one event at a time",
    function() tour.run() end},
}

local function find(word)
  local found = {}
  for _, c in ipairs(commands) do
    if c[1] == word then return c end
    if c[1]:sub(1, #word) == word then found[#found + 1] = c end
  end
  if #found == 1 then return found[1] end
  if #found == 0 then palette.fail("unknown command :" .. word .. " (:help lists them)") end
  local names = {}
  for _, c in ipairs(found) do names[#names + 1] = ":" .. c[1] end
  palette.fail(":" .. word .. " is ambiguous: " .. table.concat(names, " "))
end

function explorer.help(arg)
  if arg ~= "" then
    local c = find((arg:gsub("^:", "")))
    print(palette.paint("title", ":" .. c[1] .. (c[2] ~= "" and (" " .. c[2]) or "")))
    print(palette.fold(c[3], "  "))
    return
  end
  print(palette.paint("title", "explorer commands") .. " (unique prefixes will do; "
    .. "h is a Lua expression giving a handle, a return object with field h, or a frame id)")
  for _, c in ipairs(commands) do
    local usage = ":" .. c[1] .. (c[2] ~= "" and (" " .. c[2]) or "")
    local brief = c[3]:match("^[^;(]*"):gsub("%s+$", "")
    print(string.format("  %-30s %s", usage, brief))
  end
  print("Anything else is Lua: expressions print their values. Ctrl-C interrupts, "
    .. "Ctrl-D leaves (at a stop: continues).")
end

-- a command's error is one line: the runtime's words, or the Lua error of
-- an expression given as an argument, never a traceback through repl/
local function one_line(ok, ...)
  if ok then return ... end
  local err = ...
  if type(err) == "string" then palette.fail(err) end
  error(err, 0)
end

function explorer.command(line)
  local word, arg = line:match("^(%S*)%s*(.-)%s*$")
  if word == "" then palette.fail("a command name after ':' (:help lists them)") end
  return one_line(pcall(find(word)[4], arg))
end

function explorer.where(arg)
  recorder.trim()
  local rec
  if arg ~= "" then
    local id = select(2, inspect.live(arg)).id
    for i = #recorder.events, 1, -1 do
      local r = recorder.events[i]
      if recorder.owner(r) == id then rec = r break end
    end
  else
    local stop = debugger.stopped()
    rec = stop and stop.rec or recorder.last()
  end
  if not rec then
    print(recorder.dropped > 0 and ("no event of it in " .. recorder.extent())
      or "no events recorded yet")
    return
  end
  where.show(rec)
end

-- :trace and :display: "on", "off", or nothing to ask; the switch is
-- field key of table t
local function switch(name, t, key, arg)
  if arg == "on" then t[key] = true
  elseif arg == "off" then t[key] = false
  elseif arg ~= "" then palette.fail(name .. " on, or " .. name .. " off") end
  print(name .. " is " .. (t[key] and "on" or "off"))
end

function explorer.lang(arg)
  if arg ~= "" then
    local ok, why = i18n.set(arg)
    if not ok then palette.fail(why) end
  end
  print("language: " .. i18n.current)
end

function explorer.display(arg) switch("display", debugger, "display", arg) end

function explorer.log(arg)
  local n = arg == "" and 20 or math.tointeger(tonumber(arg))
  if not n or n < 1 then palette.fail("log N: the last N events, N a whole number >= 1") end
  recorder.trim()
  local events = recorder.events
  if #events == 0 then print("no events recorded yet") return end
  for i = math.max(1, #events - n + 1), #events do print(trace.line(events[i])) end
  if #events < n and recorder.dropped > 0 then print("(" .. recorder.extent() .. ")") end
end

function explorer.trace(arg) switch("trace", trace, "on", arg) end

function explorer.export(arg)
  local format, file = arg:match("^(%S+)%s+(.+)$")
  if not format then palette.fail("usage: :export chrome|mermaid|dot FILE") end
  export.write(format, file)
  print(string.format("wrote %s (%s) to %s", format, recorder.extent(), file))
end

function explorer.complete(line)
  local name, rest = line:match("^:(%S*)%s+(.*)$")
  if not name then                           -- the command itself
    local out = {}
    for _, c in ipairs(commands) do out[#out + 1] = ":" .. c[1] end
    return out
  end
  local ok, c = pcall(find, name)
  if not ok then return {} end
  local nth = select(2, rest:gsub("%S+%s+", "")) + 1   -- which argument
  local out = {}
  if c[1] == "break" and nth == 1 then
    for _, k in ipairs(recorder.kind_list) do out[#out + 1] = k.key end
  elseif c[1] == "trace" or c[1] == "display" then out = {"on", "off"}
  elseif c[1] == "lang" then out = i18n.languages
  elseif c[1] == "predict" or c[1] == "load" then
    out = c[1] == "predict" and {"on", "off"} or {}
    for _, lesson in ipairs(host.lessons()) do out[#out + 1] = lesson.name end
  elseif c[1] == "help" then
    for _, cmd in ipairs(commands) do out[#out + 1] = cmd[1] end
  elseif c[1] == "delete" then
    for _, bp in ipairs(debugger.breakpoints) do out[#out + 1] = tostring(bp.number) end
  elseif c[1] == "export" then
    if nth == 1 then out = export.formats else return "files" end
  else
    return nil                               -- a Lua expression
  end
  return out
end

function explorer.record(arg)
  if arg ~= "" then
    local n = math.tointeger(tonumber(arg))
    if not n or n < 1 then palette.fail("record N: keep the last N events, N a whole number >= 1") end
    recorder.set_limit(n)
  end
  print(string.format("recording keeps the last %d events; it holds %s", recorder.limit,
    recorder.extent()))
end

function explorer.load(arg)
  course.run(arg, function(chunk, lesson)
    debugger.stop_once("suspend", "loaded " .. lesson.name .. " (:break EVENT, then :continue)")
    chunk()
  end, debugger.ready)
end

function explorer.predict(arg)
  if arg == "" or arg == "on" or arg == "off" then
    return switch("predict", predict, "on", arg)
  end
  predict.on = true
  print("predict is on: at each stop, guess what comes next; :step goes on")
  course.run(arg, function(chunk) debugger.step_through(chunk) end, debugger.ready)
end

-- nobody will look (a script without --trace, --export or the prompt):
-- nothing is recorded, and the script runs at the module's speed
function explorer.start(options)
  if options.lang then
    local ok, why = i18n.set(options.lang)
    if not ok then palette.fail("--lang: " .. why) end
  end
  if options.interactive or options.trace or #(options.exports or {}) > 0 then
    recorder.start()
  end
  trace.on = options.trace
  for _, spec in ipairs(options.exports or {}) do
    local format, file = spec:match("^(%w+)=(.+)$")
    local known = false
    for _, f in ipairs(export.formats) do known = known or f == format end
    if not known then palette.fail("--export FORMAT=FILE, FORMAT one of chrome, mermaid, dot; got '"
      .. spec .. "'") end
    exports[#exports + 1] = {format, file}
  end
end

function explorer.stop()
  for _, e in ipairs(exports) do export.write(e[1], e[2]) end
end

function explorer.ready()
  recorder.idle()
  debugger.ready()
end

-- after Ctrl-C stopped a call: what became of the coroutine that was
-- running (frame id, 0 for none; its coroutine's name), in a few words for
-- the one-line report
function explorer.interrupted(id, coroutine_name)
  if id == 0 then return "no coroutine was running" end
  local name, info = recorder.label(id), nil
  if name == "#" .. id and coroutine_name ~= "" then name = name .. " " .. coroutine_name end
  for _, h in ipairs(coro.frames()) do
    local i = coro.info(h)
    if i and i.id == id then info = i end
  end
  if not info then return name .. " was running; it has been destroyed since" end
  local now = ({
    suspended_initial = "suspended at its initial suspend point",
    suspended = "suspended at " .. (recorder.place(info.where) or "a co_await"),
    suspended_final = "done, at its final suspend point: the interrupt went through "
      .. "its body as an exception (:show " .. id .. " tells more)",
    running = "still running, in a call that goes on",
  })[info.state] or info.state
  return name .. " was running; it is now " .. now
end

function explorer.greet()
  recorder.start()
  print(palette.paint("title", host.version) .. " — the C++20 coroutine machinery, live, in "
    .. _VERSION .. ".")
  print("New here? Type " .. palette.paint("cursor", ":tour") .. " for a guided tour, "
    .. palette.paint("cursor", ":help") .. " for the commands; coro is loaded. Ctrl-D quits.")
end

return explorer
