-- tour.lua — :tour, the guided tour for newcomers, about five minutes: a
-- generator and a task, written in Lua with C++'s names, run one
-- lifecycle event at a time, each explanation shown the first time its
-- event happens (explain.lua's, as for :step), with :frames, :show,
-- :where, :step, a breakpoint (whose stops the tour answers itself) and an export
-- on the way. Its words are the catalogue's (text/LANG.lua, section tour).
-- Its code runs in an environment of its own: the user's globals stay as
-- they were. On a terminal it waits for Enter after each step and each new
-- explanation; 'q' runs the rest quietly.
local host = require "corolab.host"
local course = require "explorer.terminal.course"
local debugger = require "explorer.terminal.debugger"
local i18n = require "explorer.text.i18n"
local palette = require "explorer.terminal.palette"
local recorder = require "explorer.run.recorder"

local tour = {}

-- each step: a line of Lua or an explorer command, and the key of its
-- note; at_stop: what the tour types at the breakpoint's stop; steps: a
-- :step whose first stops the tour walks on with :step, then :continue
local parts = {
  {
    title = "generator", intro = "generator_intro",
    code = [[
Generator = {}
Generator.__index = Generator
Generator.promise_type = coro.promise_type {
  __name = "Generator::promise_type",
  get_return_object   = function(p) return setmetatable({h = coro.from_promise(p)}, Generator) end,
  initial_suspend     = function(p) return coro.suspend_always end,
  final_suspend       = function(p) return coro.suspend_always end,
  yield_value         = function(p, v) p.current = v; return coro.suspend_always end,
  return_void         = function(p) end,
  unhandled_exception = function(p, err) p.err = err end,
}
range = coro.coroutine(Generator, function(n)
  for i = 0, n - 1 do coro.co_yield(i) end
end, "range")]],
    steps = {
      {"g = range(2)", "call"},
      {":frames", "frames"},
      {":show g", "show"},
      {"g.h:resume()", "first_resume"},
      {":where g", "where"},
      {"print(g.h:promise().current)", "read"},
      {":break yield_value", "break"},
      {"g.h:resume()", "stop_resume", at_stop = {"print(ev.args[1], p.current)", "value"}},
      {":delete %s", "delete"},
      {"g.h:resume()", "last_resume"},
      {"print(g.h:done())", "done"},
      {"g.h:destroy()", "destroy"},
    },
  },
  {
    title = "task", intro = "task_intro",
    code = [[
Task = {}
Task.__index = Task
Task.promise_type = coro.promise_type {
  __name = "Task::promise_type",
  get_return_object   = function(p) return setmetatable({h = coro.from_promise(p)}, Task) end,
  initial_suspend     = function(p) return coro.suspend_always end,
  final_suspend       = function(p) return {
    await_ready   = function() return false end,
    await_suspend = function(_, h) return h:promise().continuation or coro.noop_coroutine() end,
    await_resume  = function() end,
  } end,
  return_value        = function(p, v) p.value = v end,
  unhandled_exception = function(p, err) p.err = err end,
}
function Task:await_ready() return self.h:done() end
function Task:await_suspend(h) self.h:promise().continuation = h; return self.h end
function Task:await_resume() return self.h:promise().value end
inner = coro.coroutine(Task, function() coro.co_return(42) end, "inner")
outer = coro.coroutine(Task, function()
  local t = inner()
  local v = coro.co_await(t)       -- a task is its own awaiter
  t.h:destroy()                    -- what ~task() would do
  coro.co_return(v * 2)
end, "outer")]],
    steps = {
      {"t = outer()", "task_call"},
      {":step t", "task_step", steps = 4},
      {"print(t.h:promise().value)", "task_value"},
      {"t.h:destroy()", "destroy"},
      {":export html %s", "export"},
    },
  },
}

local quiet                                   -- 'q' was typed
local waited                                  -- nothing printed since the last pause

local function pause()
  if quiet or waited or not host.interactive then return end
  local answer = host.read(palette.paint("dim", i18n.text("tour", "pause")))
  if answer == nil or answer == false or answer:match("^%s*q") then quiet = true end
  waited = true
end

local function say(text)
  if quiet then return end
  print(text)
  waited = false
end

local env                                     -- the tour's globals
local stopped                                 -- the event the breakpoint stopped at

-- an event: announced, and a pause after a new explanation (the stop's
-- event was announced by the stop)
local function narrate(rec)
  if quiet or rec == stopped then return end
  waited = false
  if debugger.announce("event", rec) then pause() end
end

-- a line of the tour: Lua, or an explorer command (":frames"), whose
-- expressions see the tour's globals
local function run(src)
  if src:match("^:") then
    local commands = require "explorer.terminal.commands"   -- it requires this module
    local saved = {}
    for k, v in pairs(env) do saved[k] = rawget(_G, k) rawset(_G, k, v) end
    local ok, err = pcall(commands.run, src:sub(2))
    for k in pairs(env) do rawset(_G, k, saved[k]) end
    if not ok then error(err, 0) end
    return
  end
  local chunk = assert(load(src, "=tour", "t", env))
  chunk()
end

-- "> code    -- note", the note folded under itself
local function show_step(prompt, src, note)
  local line = prompt .. src
  line = line .. string.rep(" ", math.max(1, 32 - #line)) .. "-- "
  local folded = palette.fold(i18n.text("tour", note), string.rep(" ", #line))
  say(palette.paint("cursor", line .. folded:sub(#line + 1)))
end

-- the breakpoint's stop: the tour types its line, then :continue
local function answer(step)
  return function(rec, why)
    stopped = rec
    if quiet then return true end
    waited = false
    debugger.announce(why, rec)
    debugger.show_frame(recorder.view(rec.frame))
    pause()
    say(palette.fold(i18n.text("tour", "at_stop"), ""))
    local prompt = "(" .. rec.kind .. ") "
    show_step(prompt, step.at_stop[1], step.at_stop[2])
    if quiet then return true end
    run(step.at_stop[1])
    say(palette.paint("cursor", prompt .. ":continue"))
    return true
  end
end

-- a :step's stops: the tour types :step at the first few, then :continue
local function stepper(step)
  local left = step.steps
  return function(rec, why)
    stopped = rec
    if quiet then return debugger.continue() end
    waited = false
    debugger.announce(why, rec)
    debugger.show_frame(recorder.view(rec.frame))
    pause()
    left = left - 1
    local prompt = "(" .. rec.kind .. ") "
    if left > 0 then
      say(palette.paint("cursor", prompt .. ":step"))
      return true
    end
    say(palette.paint("cursor", prompt .. ":continue"))
    return debugger.continue()
  end
end

function tour.run()
  quiet, waited, stopped = false, false, nil
  env = setmetatable({}, {__index = _G})
  local file = course.folder() .. "/tour.html"
  local breakpoint
  debugger.seen = {}
  say(palette.fold(palette.paint("title", i18n.text("tour", "title")) .. ": " ..
    i18n.text("tour", "intro"), ""))
  local ok, err = pcall(function()
    for _, part in ipairs(parts) do
      say("\n" .. palette.paint("title", i18n.text("tour", part.title)))
      say(palette.fold(i18n.text("tour", part.intro), "") .. "\n")
      say(palette.paint("value", part.code) .. "\n")
      run(part.code)
      for _, step in ipairs(part.steps) do
        local export = step[1]:match("^:export")
        local src = step[1]:format(export and file or breakpoint)
        if export then host.mkdir(course.folder()) end
        show_step("> ", src, step[2])
        debugger.at_stop = step.at_stop and answer(step) or step.steps and stepper(step)
        recorder.listen(narrate)
        local ran, why = pcall(run, src)
        recorder.unlisten(narrate)
        debugger.at_stop = nil
        if not ran then error(why, 0) end
        if src:match("^:break") then breakpoint = #debugger.breakpoints > 0 and
          debugger.breakpoints[#debugger.breakpoints].number end
        pause()
      end
    end
  end)
  debugger.seen, debugger.at_stop = nil, nil
  if not ok then error(err, 0) end
  quiet = false
  print(palette.fold(i18n.text("tour", "exported"):format(file), ""))
  print()
  print(palette.fold(i18n.text("tour", "closing"), ""))
  print(palette.fold(i18n.text("tour", "next"), ""))
end

return tour
