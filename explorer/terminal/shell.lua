-- shell.lua — what the C shell calls (shell/explorer.h lists the same
-- entry points): start (the options: --trace, --export, --lang,
-- --order, --play), stop (writes the exports), greet (the banner), ready
-- (back at the top-level prompt), command (":name args"), complete
-- (Tab), interrupted (the one-line report of Ctrl-C), diff (corolab
-- --diff) and usage (the command line's, in the explorer's language).
local coro = require "coro"
local commands = require "explorer.terminal.commands"
local course = require "explorer.terminal.course"
local debugger = require "explorer.terminal.debugger"
local diff = require "explorer.terminal.diff"
local formats = require "explorer.export.formats"
local i18n = require "explorer.text.i18n"
local palette = require "explorer.terminal.palette"
local play = require "explorer.terminal.play"
local predict = require "explorer.terminal.predict"
local recorder = require "explorer.run.recorder"
local source = require "explorer.run.source"
local trace = require "explorer.terminal.trace"

local shell = {}

local run = recorder.run
local exports = {}                       -- {format, file} from --export

local states = {}                        -- a frame's state -> the runtime's words
for _, s in ipairs(coro.states) do states[s.key] = s.name end

-- a lesson that :load ran is found by its file name
source.fallback = course.source

-- options: {trace, interactive, lang, order, script, play, exports =
-- {"FORMAT=FILE"...}}. Nobody will look (a script without --trace,
-- --export or the prompt): nothing is recorded, and the script runs at
-- the module's speed. A record to play (--play FILE) is the run from the
-- start
function shell.start(options)
  if options.lang then
    local ok, why = i18n.set(options.lang)
    if not ok then palette.fail("--lang: " .. why) end
  end
  if options.order and not commands.choose_order(options.order) then
    palette.fail(i18n.ui("order_option", options.order))
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
      palette.fail(i18n.ui("export_option", table.concat(formats.names, ", "), spec))
    end
    exports[#exports + 1] = {format, file}
  end
  if options.play then play.file(options.play) end
end

function shell.stop()
  trace.flush()
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
  if recorder.played then play.summary() end
end

function shell.ready()
  trace.flush()
  if not recorder.played then run:idle() end
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

-- after Ctrl-C stopped a call: the one-line report, with what became of
-- the coroutine that was running (frame id, 0 for none; its coroutine's
-- name)
local function interrupted(id, coroutine_name)
  if id == 0 then return i18n.ui("nothing_ran") end
  local name, info = run:label(id), nil
  if name == "#" .. id and coroutine_name ~= "" then name = name .. " " .. coroutine_name end
  for _, h in ipairs(coro.frames()) do
    local i = coro.info(h)
    if i and i.id == id then info = i end
  end
  if not info then return i18n.ui("ran_destroyed", name) end
  local now = i18n.runtime(states[info.state] or info.state)
  if info.state == "suspended" then
    local at = recorder.place(info.where)
    now = i18n.ui("state_at", now, at and i18n.runtime(at) or i18n.ui("a_co_await"))
  elseif info.state == "suspended_final" then
    now = i18n.ui("ran_done", now, id)
  elseif info.state == "running" then
    now = i18n.ui("ran_on", now)
  end
  return i18n.ui("ran_now", name, now)
end

function shell.interrupted(id, coroutine_name)
  return i18n.ui("interrupted", interrupted(id, coroutine_name))
end

-- corolab --diff a.lua b.lua
function shell.diff(a, b)
  diff.command(a .. " " .. b)
end

-- the usage text of program name's command line, in language lang (if
-- it has a catalogue; else the explorer's): rows {shown, key} are its
-- options, as shown and the key of what each does (the catalogue's usage
-- section); with why (such a key), also the complaint about argument bad
function shell.usage(name, lang, rows, why, bad)
  local words = (lang and i18n.catalogue(lang) or i18n.catalogue()).usage
  local lines = {string.format(words.head, name)}
  for _, row in ipairs(rows) do
    lines[#lines + 1] = string.format("  %-18s %s", row[1],
      string.format(words[row[2]], table.concat(formats.names, ", ")))
  end
  return table.concat(lines, "\n") .. "\n", why and string.format(words[why], bad)
end

return shell
