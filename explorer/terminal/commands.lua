-- explorer.lua — the explorer commands (":name args", unique prefixes
-- accepted), their help, their completion, and the entry points the C
-- shell calls: start (--trace, --export), stop (writes the exports),
-- greet (the banner), ready (back at the top prompt), command, complete.
local coro = require "coro"
local host = require "corolab.host"
local palette = require "explorer.terminal.palette"
local recorder = require "explorer.run.recorder"
local trace = require "explorer.terminal.trace"
local inspect = require "explorer.terminal.inspect"
local debugger = require "explorer.terminal.debugger"
local where = require "explorer.terminal.where"
local export = require "explorer.export.export"
local tour = require "explorer.terminal.tour"
local predict = require "explorer.terminal.predict"
local course = require "explorer.terminal.course"
local i18n = require "explorer.text.i18n"
local replay = require "explorer.terminal.replay"
local diff = require "explorer.terminal.diff"

local explorer = {}
local exports = {}                       -- {format, file} from --export

-- name, usage, what runs it; what each does is in the language's
-- catalogue (text/LANG.lua, section help)
local commands = {
  {"help", "[command]", function(arg) return explorer.help(arg) end},
  {"frames", "", function() explorer.frames() end},
  {"show", "h", function(arg) explorer.show(arg) end},
  {"step", "[h]", function(arg)
    if replay.active() and arg == "" then return replay.step() end
    return debugger.step(arg)
  end},
  {"break", "[EVENT [if COND]]", function(arg) debugger.add_break(arg) end},
  {"delete", "[N]", function(arg) debugger.delete(arg) end},
  {"continue", "", function()
    if replay.active() then return replay.leave() end
    return debugger.continue()
  end},
  {"finish", "", function() return debugger.finish() end},
  {"where", "[h]", function(arg) explorer.where(arg) end},
  {"back", "[N]", function(arg) return replay.back(arg) end},
  {"goto", "N", function(arg) return replay.goto_event(arg) end},
  {"replay", "", function() return replay.start() end},
  {"diff", "[A.lua B.lua | N M]", function(arg) diff.command(arg) end},
  {"display", "[on|off]", function(arg) explorer.display(arg) end},
  {"log", "[N]", function(arg) explorer.log(arg) end},
  {"trace", "[on|off]", function(arg) explorer.trace(arg) end},
  {"export", "chrome|mermaid|dot|html FILE", function(arg) explorer.export(arg) end},
  {"record", "[N]", function(arg) explorer.record(arg) end},
  {"lessons", "", function() course.list() end},
  {"lesson", "N", function(arg) return explorer.load(arg) end},
  {"load", "NAME", function(arg) return explorer.load(arg) end},
  {"predict", "[on|off|NAME]", function(arg) return explorer.predict(arg) end},
  {"lang", "[en|tr|zh]", function(arg) explorer.lang(arg) end},
  {"tour", "", function() tour.run() end},
}
explorer.commands = commands

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
    local text = i18n.text("help", c[1])
    print(palette.fold(text[1], "  "))
    print(palette.fold(text[2], "  "))
    return
  end
  print(palette.paint("title", i18n.ui("help_title")))
  print(palette.fold(i18n.ui("help_note"), ""))
  for _, c in ipairs(commands) do
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

function explorer.command(line)
  local word, arg = line:match("^(%S*)%s*(.-)%s*$")
  if word == "" then palette.fail("a command name after ':' (:help lists them)") end
  return one_line(pcall(find(word)[3], arg))
end

function explorer.frames()
  if replay.active() then return inspect.frames((select(2, replay.at()))) end
  inspect.frames()
end

function explorer.show(arg)
  if replay.active() then
    local v = inspect.eval(arg)
    local id = math.type(v) == "integer" and v or select(2, inspect.live(arg)).id
    return replay.show(id)
  end
  inspect.show(arg)
end

function explorer.where(arg)
  recorder.trim()
  if replay.active() and arg == "" then
    local rec, _, chain = replay.at()
    return where.show(rec, chain)
  end
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
  print(i18n.ui("language", i18n.current))
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
  if not format then palette.fail("usage: :export chrome|mermaid|dot|html FILE") end
  export.write(format, file)
  print(string.format("wrote %s (%s) to %s", format, recorder.extent(), file))
end

-- line: the input up to the word; command: it is an explorer command
function explorer.complete(line, command)
  if predict.choices then return predict.choices end     -- a :predict question
  if not command then return nil end
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
    debugger.stop_once("suspend", i18n.ui("loaded", lesson.name))
    chunk()
  end, debugger.ready)
end

function explorer.predict(arg)
  if arg == "" or arg == "on" or arg == "off" then
    return switch("predict", predict, "on", arg)
  end
  predict.on = true
  print(i18n.ui("predict_on"))
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
  if options.script then export.title = options.script end
  for _, spec in ipairs(options.exports or {}) do
    local format, file = spec:match("^(%w+)=(.+)$")
    local known = false
    for _, f in ipairs(export.formats) do known = known or f == format end
    if not known then palette.fail("--export FORMAT=FILE, FORMAT one of chrome, mermaid, dot, html; got '"
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
  diff.mark()
end

-- corolab --diff a.lua b.lua
function explorer.diff(a, b)
  diff.command(a .. " " .. b)
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
  local function painted(text, word, style)   -- word painted, once
    local at = text:find(word, 1, true)
    return text:sub(1, at - 1) .. palette.paint(style, word) .. text:sub(at + #word)
  end
  print(painted(palette.fold(i18n.ui("banner", host.version, _VERSION), ""), host.version,
    "title"))
  print(painted(painted(palette.fold(i18n.ui("welcome", ":tour", ":help"), ""), ":tour",
    "cursor"), ":help", "cursor"))
end

return explorer
