-- shell.lua — what the C shell calls (shell/explorer.h lists the same
-- entry points): start (the options: --trace, --export, --lang), stop
-- (writes the exports), greet (the banner), ready (back at the top-level
-- prompt), command (":name args"), complete (Tab), interrupted (the
-- one-line report of Ctrl-C), diff (corolab --diff) and formats (for the
-- usage text).
local coro = require "coro"
local commands = require "explorer.terminal.commands"
local course = require "explorer.terminal.course"
local debugger = require "explorer.terminal.debugger"
local diff = require "explorer.terminal.diff"
local formats = require "explorer.export.formats"
local i18n = require "explorer.text.i18n"
local palette = require "explorer.terminal.palette"
local predict = require "explorer.terminal.predict"
local recorder = require "explorer.run.recorder"
local source = require "explorer.run.source"
local trace = require "explorer.terminal.trace"

local shell = {}

local run = recorder.run
local exports = {}                       -- {format, file} from --export

local states = {}                        -- a frame's state -> its words
for _, s in ipairs(coro.states) do states[s.key] = s.name end

-- a lesson that :load ran is found by its file name
source.fallback = course.source

-- options: {trace, interactive, lang, script, exports = {"FORMAT=FILE"...}}.
-- Nobody will look (a script without --trace, --export or the prompt):
-- nothing is recorded, and the script runs at the module's speed
function shell.start(options)
  if options.lang then
    local ok, why = i18n.set(options.lang)
    if not ok then palette.fail("--lang: " .. why) end
  end
  if options.interactive or options.trace or #options.exports > 0 then recorder.start() end
  trace.on = options.trace
  recorder.update()
  if options.script then commands.title = options.script end
  for _, spec in ipairs(options.exports) do
    local format, file = spec:match("^(%w+)=(.+)$")
    local known = false
    for _, name in ipairs(formats.names) do known = known or name == format end
    if not known then
      palette.fail("--export FORMAT=FILE, FORMAT one of " .. table.concat(formats.names, ", ")
        .. "; got '" .. spec .. "'")
    end
    exports[#exports + 1] = {format, file}
  end
end

function shell.stop()
  for _, e in ipairs(exports) do commands.write(e[1], e[2]) end
end

function shell.greet()
  recorder.start()
  local function painted(text, word, style)   -- word painted, once
    local at = text:find(word, 1, true)
    return text:sub(1, at - 1) .. palette.paint(style, word) .. text:sub(at + #word)
  end
  print(painted(palette.fold(i18n.ui("banner", coro._VERSION, _VERSION), ""), coro._VERSION,
    "title"))
  print(painted(painted(palette.fold(i18n.ui("welcome", ":tour", ":help"), ""), ":tour",
    "cursor"), ":help", "cursor"))
end

function shell.ready()
  run:idle()
  debugger.ready()
  diff.mark()
  recorder.mark()
end

-- a run that records more than n events says so, once
function recorder.on_many(n)
  print(palette.fold(i18n.ui("record_many", n), ""))
end

-- ":line": "leave" when the command leaves the prompt it was typed at
function shell.command(line)
  return commands.run(line)
end

-- line: the input up to the word; command: it is an explorer command
function shell.complete(line, command)
  if predict.choices then return predict.choices end     -- a :predict question
  if not command then return nil end
  return commands.complete(line)
end

-- after Ctrl-C stopped a call: what became of the coroutine that was
-- running (frame id, 0 for none; its coroutine's name), in a few words for
-- the one-line report
function shell.interrupted(id, coroutine_name)
  if id == 0 then return "no coroutine was running" end
  local name, info = run:label(id), nil
  if name == "#" .. id and coroutine_name ~= "" then name = name .. " " .. coroutine_name end
  for _, h in ipairs(coro.frames()) do
    local i = coro.info(h)
    if i and i.id == id then info = i end
  end
  if not info then return name .. " was running; it has been destroyed since" end
  local now = states[info.state] or info.state
  if info.state == "suspended" then
    now = now .. " at " .. (recorder.place(info.where) or "a co_await")
  elseif info.state == "suspended_final" then
    now = now .. ", done: the interrupt went through its body as an exception (:show "
      .. id .. " tells more)"
  elseif info.state == "running" then
    now = now .. ", in a call that goes on"
  end
  return name .. " was running; it is now " .. now
end

-- corolab --diff a.lua b.lua
function shell.diff(a, b)
  diff.command(a .. " " .. b)
end

-- the export formats, for the usage text: "chrome, mermaid, dot, html, record"
function shell.formats()
  return table.concat(formats.names, ", ")
end

return shell
